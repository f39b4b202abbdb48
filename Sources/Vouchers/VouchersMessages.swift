import MaillageCore

/// The French text of every refusal of the Pass APTIC.
public enum VouchersMessages {
    // Quotes
    public static let bookletCount = Refusal("quote.booklet_count", "Indiquez un nombre de carnets entre 1 et \(French.integer(QuoteRules.maxBooklets)).")
    public static let bookletSize = Refusal("quote.booklet_size", "Un carnet compte 5 ou 10 chèques.")
    public static let faceValue = Refusal("quote.face_value", "Indiquez la valeur d'un chèque, entre 1,00 € et 100,00 €, par exemple 10.")
    public static let feeRate = Refusal("quote.fee_rate", "Indiquez les frais de gestion en pourcentage, entre 0 et 50, par exemple 3,5.")
    public static func unknownDepartement(_ code: String) -> Refusal {
        Refusal("quote.unknown_departement", "«\u{00A0}\(code)\u{00A0}» n'est pas un numéro de département. Séparez les numéros par des virgules, par exemple 26, 07, 2A.")
    }
    public static let unknownPublic = Refusal("quote.unknown_public", "Choisissez les publics dans la liste proposée.")
    public static let unknownFunder = Refusal("quote.unknown_funder", "Cette organisation n'existe pas.")

    // Invoices and payments
    public static let notAQuote = Refusal("invoice.not_a_quote", "Cette commande n'est plus un devis\u{00A0}: elle a déjà été facturée ou annulée.")
    public static let unknownOrder = Refusal("order.unknown", "Cette commande n'existe pas.")
    public static let paymentAmount = Refusal("payment.amount", "Indiquez un montant positif, par exemple 1 042,00.")
    public static let paymentDate = Refusal("payment.date", "Indiquez la date de réception sur le relevé bancaire, au format 2026-11-23.")
    public static let paymentInFuture = Refusal("payment.future_date", "La date de réception ne peut pas être dans le futur.")
    public static let unknownPayment = Refusal("payment.unknown", "Ce paiement n'existe pas ou n'est plus en attente d'affectation.")
    public static let labelTooLong = Refusal("payment.label_too_long", "Le libellé du virement compte 200 caractères au plus.")

    /// Why a payment went to suspense: said to the administrator who recorded it.
    public enum Mismatch: Error, Equatable, Sendable {
        case noInvoice, unknownInvoice, alreadyPaid, cancelled, exceeds(due: Money)

        public var message: String {
            switch self {
            case .noInvoice: "Aucune facture n'est indiquée\u{00A0}: le paiement est mis en attente d'affectation."
            case .unknownInvoice: "Aucune facture ne porte ce numéro\u{00A0}: le paiement est mis en attente d'affectation."
            case .alreadyPaid: "Cette facture est déjà payée en entier\u{00A0}: le paiement est mis en attente, pour être affecté ailleurs ou remboursé."
            case .cancelled: "La commande de cette facture est annulée\u{00A0}: le paiement est mis en attente d'affectation."
            case .exceeds(let due): "Le paiement dépasse le reste dû de la facture (\(French.money(due)))\u{00A0}: il est mis en attente d'affectation."
            }
        }
    }

    // Cancellation
    public static let invoicedUnpaid = Refusal("order.invoiced_unpaid", "Une commande facturée ne s'annule qu'une fois payée\u{00A0}: ses chèques en stock deviennent alors un avoir.")
    public static let alreadyCancelled = Refusal("order.already_cancelled", "Cette commande est déjà annulée.")
}

extension VouchersMessages {
    // Places
    public static let unknownPlace = Refusal("place.unknown", "Aucun lieu de l'annuaire ne porte cet identifiant.")
    public static let qualificationEndsBeforeStart = Refusal("qualification.ends_before_start", "La fin de la qualification doit suivre son début.")
    public static let unknownQualification = Refusal("qualification.unknown", "Cette qualification n'existe pas ou a déjà été retirée.")

    // Distribution
    public static let allotCount = Refusal("allotment.count", "Indiquez un nombre de carnets à attribuer, au moins 1.")
    public static func notEnoughBooklets(_ available: Int) -> Refusal {
        Refusal("allotment.not_enough", "Il ne reste que \(French.count(available, "carnet", "carnets")) à attribuer dans cette commande.")
    }
    public static let unknownPrescriber = Refusal("allotment.unknown_prescriber", "Cette organisation prescriptrice n'existe pas.")
    public static let beneficiaryReference = Refusal("handout.beneficiary", "Indiquez une référence de dossier de 2 à 32 lettres, chiffres ou tirets, sans espace — jamais le nom de la personne.")
    public static let unknownAgeBand = Refusal("handout.age_band", "Choisissez une tranche d'âge dans la liste, ou aucune.")
    public static let nothingToHandOut = Refusal("handout.none", "Indiquez au moins un numéro de chèque, ou un carnet.")
    public static let handingOutClosed = Refusal("handout.closed", "Ces chèques arrivent en fin de validité (moins de 15 jours)\u{00A0}: ils ne peuvent plus être remis.")
    public static func notInStock(_ number: String) -> Refusal {
        Refusal("handout.not_in_stock", "Le chèque \(number) n'est pas dans le stock de votre structure (déjà remis, utilisé, ou d'un autre prescripteur).")
    }
    public static let notHandedOutByYou = Refusal("takeback.not_handed_out", "Ce chèque n'est pas remis par votre structure, ou il a déjà été utilisé\u{00A0}: il ne peut pas être repris.")
}

extension VouchersMessages {
    // Bank details
    public static let bankHolder = Refusal("bank.holder", "Indiquez le titulaire du compte, tel qu'il figure sur le RIB (70 caractères au plus).")
    public static func iban(_ problem: IBAN.Problem) -> Refusal {
        switch problem {
        case .malformed: Refusal("bank.iban_malformed", "Un IBAN commence par deux lettres (le pays) et deux chiffres, par exemple FR76 3000 6000 0112 3456 7890 189.")
        case .unknownCountry: Refusal("bank.iban_country", "Ce pays ne fait pas partie de la zone SEPA\u{00A0}: les virements n'y sont pas possibles.")
        case .wrongLength(let expected): Refusal("bank.iban_length", "Un IBAN de ce pays compte \(expected) caractères\u{00A0}: vérifiez qu'il n'en manque pas.")
        case .wrongKey: Refusal("bank.iban_key", "La clé de cet IBAN ne correspond pas\u{00A0}: un caractère est sans doute mal recopié.")
        }
    }
    public static let bic = Refusal("bank.bic", "Un BIC compte 8 ou 11 caractères, par exemple BNPAFRPP ou AGRIFRPP882.")
    public static let noBankDetails = Refusal("bank.none", "Cette organisation n'a pas encore saisi ses coordonnées bancaires.")

    // Reimbursement
    public static let monthNotOver = Refusal("batch.month_not_over", "Ce mois n'est pas terminé\u{00A0}: ses lots se constituent à partir du 1er du mois suivant.")
    public static let invalidMonth = Refusal("batch.invalid_month", "Indiquez un mois au format AAAA-MM, par exemple 2026-11.")
    public static let unknownBatch = Refusal("batch.unknown", "Ce lot de remboursement n'existe pas.")
    public static let batchAlreadyPaid = Refusal("batch.already_paid", "Ce lot est déjà marqué payé.")
    public static let noSEPAFile = Refusal("batch.no_file", "Le fichier de virement de ce lot n'a pas encore été produit\u{00A0}: produisez-le avant de marquer le lot payé.")
    public static let noCooperativeAccount = Refusal("sepa.no_account", "Le compte bancaire de la coopérative n'est pas configuré (MAILLAGE_SEPA_NAME, MAILLAGE_SEPA_IBAN, MAILLAGE_SEPA_BIC).")
    public static let unconfirmedDetails = Refusal("batch.unconfirmed_details", "Les coordonnées bancaires de cette structure ne sont pas confirmées\u{00A0}: le lot attend.")
}

extension VouchersMessages {
    // Credit notes
    public static let unknownCreditNote = Refusal("credit_note.unknown", "Cet avoir n'existe pas.")
    public static let creditNoteNotOpen = Refusal("credit_note.not_open", "Cet avoir n'est plus disponible\u{00A0}: il a déjà été imputé sur une facture ou remboursé.")
    public static let creditNoteNotRefunding = Refusal("credit_note.not_refunding", "Cet avoir n'est pas en cours de remboursement (fichier de virement non produit, ou déjà payé).")
}

extension VouchersMessages {
    // Offline scans
    public static let noScans = Refusal("scans.empty", "Le fichier ne contient aucun passage\u{00A0}: une ligne par chèque, avec son numéro, le service rendu et l'heure du passage.")
    public static let tooManyScans = Refusal("scans.too_many", "Envoyez au plus \(RedeemOfflineScans.maxLines) passages à la fois.")
    public static let scanFileHeader = Refusal("scans.header", "La première ligne du fichier nomme ses colonnes\u{00A0}: numero, service et passage (séparées par des virgules ou des points-virgules).")
    public static let scanFileMissing = Refusal("scans.no_file", "Choisissez le fichier CSV de vos passages hors ligne.")
    static func scanFileLine(_ line: Int, _ problem: String) -> Refusal {
        Refusal("scans.line", "Ligne \(line) du fichier\u{00A0}: \(problem). Rien n'a été encaissé\u{00A0}; corrigez-la, puis envoyez le fichier à nouveau.")
    }
}

extension VouchersMessages {
    static func expiryReminder(left: Int, lastDay: LocalDate, days: Int) -> (subject: String, body: String) {
        ("Chèques APTIC\(French.colon)fin de validité dans \(French.count(days, "jour", "jours"))", """
        Bonjour,

        \(French.count(left, "chèque APTIC n'a pas encore été utilisé", "chèques APTIC n'ont pas encore été utilisés"))\(French.colon)valables jusqu'au \(French.date(lastDay)) inclus.

        Les chèques encore en stock ne peuvent plus être remis dans les 15 derniers jours de validité. Après la date de fin, la valeur des chèques non utilisés devient un avoir pour le commanditaire.

        Retrouvez le détail dans votre tableau de bord Pass APTIC sur Maillage.
        """)
    }
}
