import Accounts
import Vapor

/// The organisation an API token belongs to: what a client checks first.
enum OrganisationAPI {
    struct OrganisationDTO: Content {
        let id: String
        let nom: String
        let siret: String?
        let membres: Int
        /// The token's own scopes, sorted.
        let autorisations: [String]
    }


    static func show(_ request: Request) async throws -> OrganisationDTO {
        guard let token = request.apiToken else { throw Refused(.unauthorized, APITokenMessages.missing) }
        let organisation = try await token.$organisation.get(on: request.db)
        let id = try organisation.requireID()
        return OrganisationDTO(id: id.uuidString.lowercased(), nom: organisation.name, siret: organisation.siret,
                               membres: try await Organisations(request.db).members(of: id).count,
                               autorisations: token.scopes.map(\.rawValue).sorted())
    }
}
