import Accounts
import Foundation
import Vapor

/// Every route the site serves, pages and API, with who may reach it: the site's map and its
/// authorization table in one. Links are made from these (`Site.places.edit.url(place.id)`).
enum Site {
    static let assets = Assets()
    static let directory = DirectoryPages()
    static let api = API()
    static let accounts = AccountPages()
    static let organisations = OrganisationPages()
    static let places = PlacePages()
    static let admin = AdminPages()
    static let information = Information()
    static let pass = PassPages()
    static let consultations = ConsultationPages()

    static let groups: [any RouteGroup] = [assets, directory, api, accounts, organisations, places, admin, information, pass, consultations]

    /// Each route once, in the order declared.
    static let all: [AnyEndpoint] = groups.flatMap(\.endpoints)

    /// Who may reach each route, by `AnyEndpoint.key`.
    static let access: [String: Access] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0.access) })

    static func register(on routes: any RoutesBuilder) {
        for endpoint in all { endpoint.register(on: routes) }
    }

    /// The page a mail's link opens, with its token.
    static func link(_ purpose: AccountToken.Purpose, token: String) -> String {
        let page = switch purpose {
        case .verifyEmail: accounts.confirmEmailForm
        case .resetPassword: accounts.newPasswordForm
        case .changeEmail: accounts.confirmEmailChangeForm
        case .joinOrganisation: organisations.invitationForm
        }
        return page.url(query: ["jeton": token])
    }

    /// The files pages load.
    struct Assets: RouteGroup {
        let stylesheet = Endpoint(.GET, "static/maillage.css", access: .everyone, AssetRoutes.stylesheet)
        let script = Endpoint(.GET, "static/maillage.js", access: .everyone, AssetRoutes.script)
        let leaflet = Endpoint(.GET, "static/leaflet/**", String.self, access: .everyone, AssetRoutes.leaflet)
    }

    /// The directory, public.
    struct DirectoryPages: RouteGroup {
        let home = Endpoint(.GET, "", access: .everyone, DirectoryRoutes.home)
        let departement = Endpoint(.GET, "departements/:code", String.self, access: .everyone, DirectoryRoutes.departement)
        let place = Endpoint(.GET, "lieux/:id", String.self, access: .everyone, DirectoryRoutes.place)
        let search = Endpoint(.GET, "recherche", access: .everyone, DirectoryRoutes.search)
        /// For the people who run the site and their monitoring.
        let health = Endpoint(.GET, "sante", access: .everyone, HealthRoutes.health)
    }

    /// The footer's pages and the open data's files.
    struct Information: RouteGroup {
        let legalNotice = Endpoint(.GET, "mentions-legales", access: .everyone, InformationRoutes.legalNotice)
        let accessibility = Endpoint(.GET, "accessibilite", access: .everyone, InformationRoutes.accessibility)
        let openData = Endpoint(.GET, "donnees-ouvertes", access: .everyone, InformationRoutes.openData)
        let exportCSV = Endpoint(.GET, "donnees-ouvertes/lieux.csv", access: .everyone, InformationRoutes.exportCSV)
        let exportJSON = Endpoint(.GET, "donnees-ouvertes/lieux.json", access: .everyone, InformationRoutes.exportJSON)
        let contact = Endpoint(.GET, "contact", access: .everyone, InformationRoutes.contact)
    }

    /// The JSON API: the directory's, public; an organisation's, with its token.
    struct API: RouteGroup {
        let places = Endpoint(.GET, "api/v1/lieux", access: .everyone, onEventLoop: DirectoryAPI.list)
        let place = Endpoint(.GET, "api/v1/lieux/:id", String.self, access: .everyone, DirectoryAPI.show)
        let communes = Endpoint(.GET, "api/v1/communes", access: .everyone, DirectoryAPI.communes)
        let document = Endpoint(.GET, "api/openapi.json", access: .everyone, DirectoryAPI.document)
        let organisation = Endpoint(.GET, "api/v1/organisation", access: .token(.organisationRead), OrganisationAPI.show)
        let redeem = Endpoint(.POST, "api/v1/pass/encaissements", access: .token(.passRedemption), PassAPI.redeem)
        let redeemScans = Endpoint(.POST, "api/v1/pass/encaissements/lot", access: .token(.passRedemption), PassAPI.redeemScans)
        let verification = Endpoint(.GET, "api/v1/pass/verification", access: .everyone, PassAPI.verify)
    }

    /// Getting in, then one's own account. The links in mails work from any browser.
    struct AccountPages: RouteGroup {
        let signUpForm = Endpoint(.GET, "inscription", access: .everyone, AccountRoutes.signUpForm)
        let signUp = Endpoint(.POST, "inscription", access: .everyone, AccountRoutes.signUp)
        let logInForm = Endpoint(.GET, "connexion", access: .everyone, AccountRoutes.logInForm)
        let logIn = Endpoint(.POST, "connexion", access: .everyone, AccountRoutes.logIn)
        let confirmEmailForm = Endpoint(.GET, "compte/confirmer", access: .everyone, AccountRoutes.confirmEmailForm)
        let confirmEmail = Endpoint(.POST, "compte/confirmer", access: .everyone, AccountRoutes.confirmEmail)
        let forgotPasswordForm = Endpoint(.GET, "mot-de-passe/oubli", access: .everyone, AccountRoutes.forgotPasswordForm)
        let forgotPassword = Endpoint(.POST, "mot-de-passe/oubli", access: .everyone, AccountRoutes.forgotPassword)
        let newPasswordForm = Endpoint(.GET, "mot-de-passe/nouveau", access: .everyone, AccountRoutes.newPasswordForm)
        let newPassword = Endpoint(.POST, "mot-de-passe/nouveau", access: .everyone, AccountRoutes.newPassword)
        let confirmEmailChangeForm = Endpoint(.GET, "compte/adresse/confirmer", access: .everyone, AccountRoutes.confirmEmailChangeForm)
        let confirmEmailChange = Endpoint(.POST, "compte/adresse/confirmer", access: .everyone, AccountRoutes.confirmEmailChange)
        let logOut = Endpoint(.POST, "deconnexion", access: .signedIn, AccountRoutes.logOut)
        let account = Endpoint(.GET, "compte", access: .signedIn, AccountRoutes.account)
        let changePassword = Endpoint(.POST, "compte/mot-de-passe", access: .signedIn, AccountRoutes.changePassword)
        let changeEmail = Endpoint(.POST, "compte/adresse", access: .signedIn, AccountRoutes.changeEmail)
        let deleteAccount = Endpoint(.POST, "compte/suppression", access: .signedIn, AccountRoutes.deleteAccount)
    }

    /// Organisations: membership is checked on the organisation the path names.
    struct OrganisationPages: RouteGroup {
        let list = Endpoint(.GET, "organisations", access: .signedIn, OrganisationRoutes.list)
        let create = Endpoint(.POST, "organisations", access: .signedIn, OrganisationRoutes.create)
        let invitationForm = Endpoint(.GET, "organisations/invitation", access: .signedIn, OrganisationRoutes.invitationForm)
        let acceptInvitation = Endpoint(.POST, "organisations/invitation", access: .signedIn, OrganisationRoutes.accept)
        let organisation = Endpoint(.GET, "organisations/:organisation", UUID.self, access: .signedIn, OrganisationRoutes.show)
        let invite = Endpoint(.POST, "organisations/:organisation/invitations", UUID.self, access: .signedIn, OrganisationRoutes.invite)
        let createToken = Endpoint(.POST, "organisations/:organisation/jetons", UUID.self, access: .signedIn, OrganisationRoutes.createToken)
        let revokeToken = Endpoint(.POST, "organisations/:organisation/jetons/:token/revocation", UUID.self, UUID.self,
                                   access: .signedIn, OrganisationRoutes.revokeToken)
    }

    /// Places: claimed by anyone logged in, edited by their managers (the operation checks that
    /// the role holds for the place in the path), their history for managers and admins; the
    /// administrators' decisions on claims and reverts of edits.
    struct PlacePages: RouteGroup {
        let claimForm = Endpoint(.GET, "lieux/:id/revendiquer", String.self, access: .signedIn, PlaceManagementRoutes.claimForm)
        let claim = Endpoint(.POST, "lieux/:id/revendiquer", String.self, access: .signedIn, PlaceManagementRoutes.claim)
        let editForm = Endpoint(.GET, "lieux/:id/modifier", String.self, access: .roles([.gestionnaire]), PlaceManagementRoutes.editForm)
        let edit = Endpoint(.POST, "lieux/:id/modifier", String.self, access: .roles([.gestionnaire]), PlaceManagementRoutes.edit)
        let history = Endpoint(.GET, "lieux/:id/historique", String.self, access: .roles([.gestionnaire, .administrateur]),
                               PlaceManagementRoutes.history)
        let claims = Endpoint(.GET, "admin/revendications", access: .roles(AccountsPermissions.administration), PlaceManagementRoutes.claims)
        let approveClaim = Endpoint(.POST, "admin/revendications/:claim/acceptation", UUID.self,
                                    access: .roles(AccountsPermissions.administration), PlaceManagementRoutes.approve)
        let refuseClaim = Endpoint(.POST, "admin/revendications/:claim/refus", UUID.self,
                                   access: .roles(AccountsPermissions.administration), PlaceManagementRoutes.refuse)
        let revertEdit = Endpoint(.POST, "admin/modifications/:edit/annulation", Int.self,
                                  access: .roles(AccountsPermissions.administration), PlaceManagementRoutes.revert)
    }

    /// Administration of roles.
    struct AdminPages: RouteGroup {
        let roles = Endpoint(.GET, "admin/roles", access: .roles(AccountsPermissions.administration), AdminRoutes.roles)
        let grant = Endpoint(.POST, "admin/roles", access: .roles(AccountsPermissions.administration), AdminRoutes.grant)
        let revoke = Endpoint(.POST, "admin/roles/:grant/retrait", UUID.self, access: .roles(AccountsPermissions.administration),
                              AdminRoutes.revoke)
    }

    /// The Pass APTIC: the check for anyone; each space for those who act for its funder,
    /// prescriber or place (the operation checks the role on the object of the path); the
    /// administrators' actions.
    struct PassPages: RouteGroup {
        let home = Endpoint(.GET, "pass", access: .everyone, PassHomeRoutes.home)
        let check = Endpoint(.GET, "pass/verifier", access: .everyone, PassRoutes.check)
        let funder = Endpoint(.GET, "pass/commanditaires/:organisation", UUID.self, access: .roles([.commanditaire]), PassFunderRoutes.show)
        let quote = Endpoint(.POST, "pass/commanditaires/:organisation/devis", UUID.self, access: .roles([.commanditaire]), PassFunderRoutes.quote)
        let allot = Endpoint(.POST, "pass/commandes/:order/attribution", UUID.self, access: .roles([.commanditaire]), PassFunderRoutes.allot)
        let prescriber = Endpoint(.GET, "pass/prescripteurs/:organisation", UUID.self, access: .roles([.prescripteur]), PassPrescriberRoutes.show)
        let handOut = Endpoint(.POST, "pass/prescripteurs/:organisation/remise", UUID.self, access: .roles([.prescripteur]), PassPrescriberRoutes.handOut)
        let takeBack = Endpoint(.POST, "pass/prescripteurs/:organisation/reprise", UUID.self, access: .roles([.prescripteur]), PassPrescriberRoutes.takeBack)
        let booklet = Endpoint(.GET, "pass/carnets/:booklet", UUID.self, access: .roles([.commanditaire, .prescripteur, .administrateur]), PassRoutes.booklet)
        let place = Endpoint(.GET, "lieux/:id/pass", String.self, access: .roles([.gestionnaire]), PassRoutes.place)
        let redeem = Endpoint(.POST, "lieux/:id/pass", String.self, access: .roles([.gestionnaire]), PassRoutes.redeem)
        let redeemOffline = Endpoint(.POST, "lieux/:id/pass/hors-ligne", String.self, access: .roles([.gestionnaire]), PassRoutes.redeemOffline)
        let bankDetails = Endpoint(.POST, "organisations/:organisation/coordonnees-bancaires", UUID.self, access: .signedIn, BankDetailsRoutes.save)
        let admin = Endpoint(.GET, "admin/pass", access: .roles(AccountsPermissions.administration), PassAdminRoutes.show)
        let invoice = Endpoint(.POST, "admin/pass/commandes/:order/facture", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.invoice)
        let payment = Endpoint(.POST, "admin/pass/paiements", access: .roles(AccountsPermissions.administration), PassAdminRoutes.payment)
        let settle = Endpoint(.POST, "admin/pass/paiements/:payment", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.settle)
        let confirmBank = Endpoint(.POST, "admin/pass/coordonnees/:organisation/confirmation", UUID.self,
                                   access: .roles(AccountsPermissions.administration), PassAdminRoutes.confirmBank)
        let buildBatches = Endpoint(.POST, "admin/pass/lots", access: .roles(AccountsPermissions.administration), PassAdminRoutes.buildBatches)
        let sepa = Endpoint(.GET, "admin/pass/lots/:batch/virement", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.sepa)
        let markPaid = Endpoint(.POST, "admin/pass/lots/:batch/paiement", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.markPaid)
        let refundFile = Endpoint(.GET, "admin/pass/avoirs/:note/virement", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.refundFile)
        let refunded = Endpoint(.POST, "admin/pass/avoirs/:note/remboursement", UUID.self, access: .roles(AccountsPermissions.administration), PassAdminRoutes.refunded)
        let link = Endpoint(.POST, "admin/pass/rattachements", access: .roles(AccountsPermissions.administration), PassAdminRoutes.link)
        let qualify = Endpoint(.POST, "admin/pass/qualifications", access: .roles(AccountsPermissions.administration), PassAdminRoutes.qualify)
    }

    /// Consultations: each one's page and proposals for anyone; proposing for anyone signed in
    /// (the operation checks that the proposal withdrawn is theirs); opening one and appointing its organisers for
    /// the administrators; moving it on for its organisers (the operation checks the role holds
    /// for the consultation of the path).
    struct ConsultationPages: RouteGroup {
        let list = Endpoint(.GET, "consultations", access: .everyone, ConsultationRoutes.list)
        let show = Endpoint(.GET, "consultations/:slug", String.self, access: .everyone, ConsultationRoutes.show)
        let propose = Endpoint(.POST, "consultations/:slug/propositions", String.self, access: .signedIn, ConsultationRoutes.propose)
        let proposal = Endpoint(.GET, "consultations/:slug/propositions/:number", String.self, Int.self, access: .everyone, ConsultationRoutes.proposal)
        let withdraw = Endpoint(.POST, "consultations/:slug/propositions/:number/retrait", String.self, Int.self, access: .signedIn, ConsultationRoutes.withdraw)
        let support = Endpoint(.POST, "consultations/:slug/propositions/:number/soutien", String.self, Int.self, access: .signedIn, ConsultationRoutes.support)
        let movePhase = Endpoint(.POST, "consultations/:slug/phase", String.self, access: .roles([.organisateur, .administrateur]), ConsultationRoutes.movePhase)
        let appoint = Endpoint(.POST, "consultations/:slug/organisateurs", String.self, access: .roles(AccountsPermissions.administration), ConsultationRoutes.appoint)
        let createForm = Endpoint(.GET, "admin/consultations/nouvelle", access: .roles(AccountsPermissions.administration), ConsultationRoutes.createForm)
        let create = Endpoint(.POST, "admin/consultations", access: .roles(AccountsPermissions.administration), ConsultationRoutes.create)
    }
}
