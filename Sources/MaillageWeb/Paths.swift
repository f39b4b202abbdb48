import Accounts
import Foundation

/// Every URL of the site, built in one place.
public enum Paths {
    case home
    case departement(String)
    case place(id: String)
    case search([String: String])
    case stylesheet
    case script
    case signUp
    case logIn
    case logOut
    case account
    case confirmEmail
    case forgotPassword
    case newPassword
    case changePassword
    case changeEmail
    case confirmEmailChange
    case deleteAccount
    case adminRoles
    case claimPlace(id: String)
    case editPlace(id: String)
    case placeHistory(id: String)
    case adminClaims
    case approveClaim(UUID)
    case refuseClaim(UUID)
    case revertEdit(Int)
    case organisations
    case organisation(UUID)
    case inviteMember(UUID)
    case acceptInvitation
    case createToken(UUID)
    case revokeToken(organisation: UUID, token: UUID)
    case revokeRole(UUID)

    public var url: String {
        switch self {
        case .home: "/"
        case .departement(let code): "/departements/\(code)"
        case .place(let id): "/lieux/\(Self.segment(id))"
        case .search(let parameters):
            parameters.isEmpty ? "/recherche"
                : "/recherche?" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.segment($0.value))" }.joined(separator: "&")
        case .stylesheet: "/static/maillage.css"
        case .script: "/static/maillage.js"
        case .signUp: "/inscription"
        case .logIn: "/connexion"
        case .logOut: "/deconnexion"
        case .account: "/compte"
        case .confirmEmail: "/compte/confirmer"
        case .forgotPassword: "/mot-de-passe/oubli"
        case .newPassword: "/mot-de-passe/nouveau"
        case .changePassword: "/compte/mot-de-passe"
        case .changeEmail: "/compte/adresse"
        case .confirmEmailChange: "/compte/adresse/confirmer"
        case .deleteAccount: "/compte/suppression"
        case .adminRoles: "/admin/roles"
        case .claimPlace(let id): "/lieux/\(Self.segment(id))/revendiquer"
        case .editPlace(let id): "/lieux/\(Self.segment(id))/modifier"
        case .placeHistory(let id): "/lieux/\(Self.segment(id))/historique"
        case .adminClaims: "/admin/revendications"
        case .approveClaim(let id): "/admin/revendications/\(id.uuidString.lowercased())/acceptation"
        case .refuseClaim(let id): "/admin/revendications/\(id.uuidString.lowercased())/refus"
        case .revertEdit(let id): "/admin/modifications/\(id)/annulation"
        case .organisations: "/organisations"
        case .organisation(let id): "/organisations/\(id.uuidString.lowercased())"
        case .inviteMember(let id): "/organisations/\(id.uuidString.lowercased())/invitations"
        case .acceptInvitation: "/organisations/invitation"
        case .createToken(let id): "/organisations/\(id.uuidString.lowercased())/jetons"
        case .revokeToken(let organisation, let token): "/organisations/\(organisation.uuidString.lowercased())/jetons/\(token.uuidString.lowercased())/revocation"
        case .revokeRole(let id): "/admin/roles/\(id.uuidString.lowercased())/retrait"
        }
    }

    /// The page a mail's link opens, with its token.
    static func link(_ purpose: AccountToken.Purpose, token: String) -> String {
        let page: Paths = switch purpose {
        case .verifyEmail: .confirmEmail
        case .resetPassword: .newPassword
        case .changeEmail: .confirmEmailChange
        case .joinOrganisation: .acceptInvitation
        }
        return page.url + "?jeton=" + segment(token)
    }

    /// A path segment with everything but RFC 3986's unreserved characters percent-encoded, byte
    /// by byte of its UTF-8: place ids are chosen by producers and may hold `|`, spaces, slashes
    /// or accents. Most ids and values need nothing, and are returned as they are.
    static func segment(_ text: String) -> String {
        func unreserved(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
            default: false
            }
        }
        guard !text.utf8.allSatisfy(unreserved) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if unreserved(byte) { out.append(byte) } else { out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
