import MaillageCore

/// The French text of every refusal and every mail of the accounts.
public enum AccountsMessages {
    public static let invalidEmail = Refusal("account.invalid_email", "Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.")
    public static let missingName = Refusal("account.missing_name", "Indiquez votre nom, tel que les autres le verront (100 caractères au plus).")
    public static let missingEmail = Refusal("account.missing_email", "Indiquez l'adresse électronique de votre compte.")
    public static let missingPassword = Refusal("login.missing_password", "Indiquez votre mot de passe.")
    public static let badCredentials = Refusal("login.bad_credentials", "Adresse électronique ou mot de passe incorrect.")
    public static let unverified = Refusal("login.unverified", "Votre adresse n'est pas encore confirmée. Nous venons de vous renvoyer le lien : ouvrez le message et suivez-le.")
    public static let wrongPassword = Refusal("account.wrong_password", "Ce n'est pas votre mot de passe actuel.")
    public static let emailTaken = Refusal("account.email_taken", "Cette adresse est désormais celle d'un autre compte : votre adresse n'a pas changé.")
    public static let sameEmail = Refusal("account.same_email", "C'est déjà l'adresse de votre compte.")

    /// « Trop de tentatives. Réessayez dans 12 minutes. », coded after the form: `login.limited`…
    public static func tooManyTries(_ form: String, retryAfter seconds: Int) -> Refusal {
        let minutes = max(1, (seconds + 59) / 60)
        return Refusal("\(form).limited", "Trop de tentatives. Par sécurité, réessayez dans \(French.count(minutes, "minute", "minutes")).")
    }

    public static func link(_ problem: LinkProblem) -> Refusal {
        switch problem {
        case .unknown: Refusal("link.unknown", "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau.")
        case .expired: Refusal("link.expired", "Ce lien a expiré. Demandez-en un nouveau.")
        case .used: Refusal("link.used", "Ce lien a déjà servi : il ne peut servir qu'une fois. Demandez-en un nouveau si besoin.")
        }
    }

    static func verificationMail(name: String, link: String) -> (subject: String, body: String) {
        ("Confirmez votre adresse sur Maillage", """
        Bonjour \(name),

        Pour activer votre compte Maillage, confirmez votre adresse en ouvrant ce lien (valable 48 heures) :
        \(link)

        Si vous n'avez pas créé de compte, ignorez ce message.
        """)
    }

    static func alreadyRegisteredMail(link: String) -> (subject: String, body: String) {
        ("Votre compte Maillage existe déjà", """
        Bonjour,

        Quelqu'un (vous, peut-être) a voulu créer un compte Maillage avec cette adresse, qui en a déjà un.
        Pour vous connecter, utilisez votre mot de passe ; si vous l'avez oublié, choisissez-en un nouveau ici (lien valable une heure) :
        \(link)

        Si ce n'était pas vous, ignorez ce message : votre compte n'a pas changé.
        """)
    }

    static func resetMail(name: String, link: String) -> (subject: String, body: String) {
        ("Nouveau mot de passe Maillage", """
        Bonjour \(name),

        Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :
        \(link)

        Si vous n'avez rien demandé, ignorez ce message : votre mot de passe n'a pas changé.
        """)
    }

    static func changeEmailMail(name: String, link: String) -> (subject: String, body: String) {
        ("Confirmez votre nouvelle adresse sur Maillage", """
        Bonjour \(name),

        Pour que votre compte Maillage utilise désormais cette adresse, ouvrez ce lien (valable 48 heures) :
        \(link)
        """)
    }

    static func emailTakenMail() -> (subject: String, body: String) {
        ("Adresse déjà utilisée sur Maillage", """
        Bonjour,

        Quelqu'un a voulu rattacher cette adresse à un compte Maillage, mais elle est déjà celle d'un autre compte. Rien n'a changé.
        """)
    }

    static func emailChangedNotice(newEmail: String) -> (subject: String, body: String) {
        ("Votre adresse Maillage va changer", """
        Bonjour,

        Une demande a été faite pour que votre compte Maillage utilise l'adresse \(newEmail). Elle prendra effet quand le lien envoyé à cette adresse sera suivi.
        Si vous n'êtes pas à l'origine de cette demande, changez votre mot de passe.
        """)
    }
}

/// Why a link from a mail is refused.
public enum LinkProblem: Error, Equatable, Sendable {
    case unknown, expired, used
}

/// The French text of the roles' refusals.
public enum RolesMessages {
    public static let notAllowed = Refusal("role.not_allowed", "Seul un administrateur peut attribuer ou retirer un rôle.")
    public static let unknownAccount = Refusal("role.unknown_account", "Aucun compte actif n'utilise cette adresse.")
    public static let unknownPlace = Refusal("role.unknown_place", "Aucun lieu de l'annuaire n'a cet identifiant.")
    public static let placeNeeded = Refusal("role.place_needed", "Le rôle de gestionnaire porte sur un lieu : indiquez son identifiant.")
    public static let organisationNeeded = Refusal("role.organisation_needed", "Le rôle de commanditaire porte sur une organisation : choisissez-la.")
    public static let unknownOrganisation = Refusal("role.unknown_organisation", "Cette organisation n'existe pas.")
    public static let consultationNeeded = Refusal("role.consultation_needed", "Le rôle d'organisateur porte sur une consultation\u{00A0}: attribuez-le depuis la page de la consultation.")
    public static let noScope = Refusal("role.no_scope", "Ce rôle vaut partout : ne précisez ni lieu ni organisation.")
    public static let alreadyHeld = Refusal("role.already_held", "Ce compte a déjà ce rôle.")
    public static let lastAdministrator = Refusal("role.last_administrator", "C'est le dernier administrateur : attribuez d'abord ce rôle à quelqu'un d'autre.")
    public static let lastAdministratorLeaving = Refusal("role.last_administrator_leaving", "Vous êtes le dernier administrateur : attribuez d'abord ce rôle à quelqu'un d'autre, puis supprimez votre compte.")
    public static let unknownRole = Refusal("role.unknown", "Choisissez un rôle dans la liste.")
    public static let unknownGrant = Refusal("role.unknown_grant", "Ce rôle a déjà été retiré.")
}

/// The French text of the organisations' refusals.
public enum OrganisationMessages {
    public static let missingName = Refusal("organisation.missing_name", "Indiquez le nom de l'organisation (200 caractères au plus).")
    public static let siretShape = Refusal("organisation.siret_shape", "Un SIRET compte 14 chiffres (les espaces sont permis).")
    public static let siretKey = Refusal("organisation.siret_key", "Ce SIRET n'est pas valide : sa clé de contrôle ne correspond pas. Vérifiez chaque chiffre.")
    public static let notMember = Refusal("organisation.not_member", "Cette organisation n'est visible que de ses membres.")
    public static let otherAddress = Refusal("invitation.other_address", "Cette invitation est destinée à une autre adresse : connectez-vous avec le compte invité.")
    public static let alreadyMember = Refusal("organisation.already_member", "Vous êtes déjà membre de cette organisation.")

    static func invitationMail(inviter: String, organisation: String, link: String) -> (subject: String, body: String) {
        ("Invitation à rejoindre \(organisation) sur Maillage", """
        Bonjour,

        \(inviter) vous invite à rejoindre l'organisation \(organisation) sur Maillage. Pour accepter, connectez-vous puis ouvrez ce lien (valable 7 jours) :
        \(link)
        """)
    }

    static func invitationWithoutAccountMail(inviter: String, organisation: String) -> (subject: String, body: String) {
        ("Invitation à rejoindre \(organisation) sur Maillage", """
        Bonjour,

        \(inviter) vous invite à rejoindre l'organisation \(organisation) sur Maillage. Cette adresse n'a pas encore de compte : créez-en un, puis demandez à \(inviter) de vous inviter de nouveau.
        """)
    }

    public static let siretTaken = Refusal("organisation.siret_taken", "Une organisation inscrite a déjà ce SIRET : demandez à ses membres de vous y ajouter.")
}

/// The French text of place claims and edits.
public enum PlaceMessages {
    public static let modifiedMeanwhile = Refusal("place.modified_meanwhile", "Ce lieu a été modifié entre-temps\u{00A0}: rien n'a été enregistré. Vos saisies sont conservées ci-dessous\u{00A0}; vérifiez les champs signalés, puis enregistrez à nouveau.")
    public static func changedMeanwhile(now value: String) -> Refusal {
        Refusal("place.modified_meanwhile", value.isEmpty ? "Modifié entre-temps\u{00A0}: ce champ est désormais vide."
                    : "Modifié entre-temps\u{00A0}: la fiche indique désormais \(French.quoted(value)).")
    }
    public static let unknownPlace = Refusal("place.unknown", "Ce lieu n'existe pas ou n'est plus recensé.")
    public static let missingMessage = Refusal("claim.missing_message", "Dites en quelques mots qui vous êtes pour ce lieu (500 caractères au plus).")
    public static let alreadyManager = Refusal("place.already_manager", "Vous gérez déjà ce lieu.")
    public static let alreadyClaimed = Refusal("claim.pending", "Votre demande pour ce lieu attend déjà la décision d'un administrateur.")
    public static let notManager = Refusal("place.not_manager", "Seul un gestionnaire de ce lieu peut modifier sa fiche.")
    public static let notAdministrator = Refusal("place.not_administrator", "Seul un administrateur peut décider d'une demande ou annuler une modification.")
    public static let alreadyDecided = Refusal("claim.decided", "Cette demande a déjà été décidée.")
    public static let missingReason = Refusal("claim.missing_reason", "Donnez la raison du refus : elle sera envoyée à la personne.")
    public static let unchanged = "Rien n'a changé : la fiche est enregistrée telle quelle."
    public static let unknownEdit = Refusal("place.unknown_edit", "Cette modification n'existe pas.")
    public static let savedWithWarnings = "Fiche enregistrée. Vérifiez toutefois les remarques ci-dessous."
    public static let idFixed = Refusal("place.id_fixed", "L'identifiant d'un lieu ne change pas.")
}

extension PlaceMessages {
    static func claimApprovedMail(placeID: String) -> (subject: String, body: String) {
        ("Vous gérez désormais un lieu sur Maillage", """
        Bonjour,

        Votre demande est acceptée\u{00A0}: vous gérez désormais la fiche du lieu «\u{00A0}\(placeID)\u{00A0}» sur Maillage. Connectez-vous pour la mettre à jour.
        """)
    }

    static func claimRefusedMail(placeID: String, reason: String) -> (subject: String, body: String) {
        ("Votre demande de gestion d'un lieu sur Maillage", """
        Bonjour,

        Votre demande pour gérer le lieu «\u{00A0}\(placeID)\u{00A0}» n'a pas été acceptée, pour cette raison\u{00A0}:
        \(reason)
        """)
    }
}

/// The French text of API tokens.
public enum APITokenMessages {
    public static let missingName = Refusal("token.missing_name", "Nommez le jeton d'après ce qui l'utilisera (100 caractères au plus).")
    public static let noScope = Refusal("token.no_scope", "Choisissez au moins une autorisation.")
    public static let unknownToken = Refusal("token.unknown", "Ce jeton n'existe pas ou a déjà été révoqué.")
    public static let missing = Refusal("token.missing", "Cette adresse demande un jeton d'API\u{00A0}: en-tête «\u{00A0}Authorization: Bearer mlg_…\u{00A0}».")
    public static let invalid = Refusal("token.invalid", "Ce jeton d'API n'est pas valide ou a été révoqué.")
    public static func insufficient(_ scope: APIScope) -> Refusal {
        Refusal("token.insufficient_scope", "Ce jeton n'a pas l'autorisation «\u{00A0}\(scope.rawValue)\u{00A0}» demandée par cette adresse.")
    }
}
