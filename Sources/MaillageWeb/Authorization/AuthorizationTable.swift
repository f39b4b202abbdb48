import Accounts

/// Every route the site serves, pages and API, and who may reach it: one table, read by
/// `Authorize` on each request and walked by a test that fails when a route is missing here.
/// Keys are the method and the path as registered (`GET /lieux/:id`).
enum AuthorizationTable {
    static let routes: [String: Access] = [
        // directory, public
        "GET /": .everyone,
        "GET /departements/:code": .everyone,
        "GET /lieux/:id": .everyone,
        "GET /recherche": .everyone,
        "GET /static/maillage.css": .everyone,
        "GET /static/maillage.js": .everyone,
        "GET /static/leaflet/**": .everyone,
        "GET /api/v1/lieux": .everyone,
        "GET /api/v1/lieux/:id": .everyone,
        "GET /api/v1/communes": .everyone,
        "GET /api/openapi.json": .everyone,
        "GET /api/v1/organisation": .token(.organisationRead),
        // for the people who run the site and their monitoring
        "GET /sante": .everyone,
        // accounts: getting in
        "GET /inscription": .everyone,
        "POST /inscription": .everyone,
        "GET /connexion": .everyone,
        "POST /connexion": .everyone,
        "GET /compte/confirmer": .everyone,
        "POST /compte/confirmer": .everyone,
        "GET /mot-de-passe/oubli": .everyone,
        "POST /mot-de-passe/oubli": .everyone,
        "GET /mot-de-passe/nouveau": .everyone,
        "POST /mot-de-passe/nouveau": .everyone,
        // the link to a new address works from any browser, like the other links in mails
        "GET /compte/adresse/confirmer": .everyone,
        "POST /compte/adresse/confirmer": .everyone,
        // accounts: one's own
        "POST /deconnexion": .signedIn,
        "GET /compte": .signedIn,
        "POST /compte/mot-de-passe": .signedIn,
        "POST /compte/adresse": .signedIn,
        "POST /compte/suppression": .signedIn,
        // organisations: membership is checked on the organisation the path names
        "GET /organisations": .signedIn,
        "POST /organisations": .signedIn,
        "GET /organisations/:organisation": .signedIn,
        "POST /organisations/:organisation/invitations": .signedIn,
        "POST /organisations/:organisation/jetons": .signedIn,
        "POST /organisations/:organisation/jetons/:token/revocation": .signedIn,
        "GET /organisations/invitation": .signedIn,
        "POST /organisations/invitation": .signedIn,
        // places: claimed by anyone logged in, edited by their managers (the operation checks
        // that the role holds for the place in the path), their history for managers and admins
        "GET /lieux/:id/revendiquer": .signedIn,
        "POST /lieux/:id/revendiquer": .signedIn,
        "GET /lieux/:id/modifier": .roles([.gestionnaire]),
        "POST /lieux/:id/modifier": .roles([.gestionnaire]),
        "GET /lieux/:id/historique": .roles([.gestionnaire, .administrateur]),
        "GET /admin/revendications": .roles(AccountsPermissions.administration),
        "POST /admin/revendications/:claim/acceptation": .roles(AccountsPermissions.administration),
        "POST /admin/revendications/:claim/refus": .roles(AccountsPermissions.administration),
        "POST /admin/modifications/:edit/annulation": .roles(AccountsPermissions.administration),
        // administration
        "GET /admin/roles": .roles(AccountsPermissions.administration),
        "POST /admin/roles": .roles(AccountsPermissions.administration),
        "POST /admin/roles/:grant/retrait": .roles(AccountsPermissions.administration),
    ]

    static func key(method: String, path: [String]) -> String {
        "\(method) /" + path.joined(separator: "/")
    }
}
