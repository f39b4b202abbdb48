import Directory
import Vapor

/// `GET /sante`: whether the database answers and the search index is loaded, and how many
/// stored rows the index had to leave out; 503 when either fails, for a load balancer to see.
enum HealthRoutes {
    struct Health: Encodable {
        let base_de_donnees: Bool
        let index: Bool
        let lieux: Int
        let lignes_ignorees: Int
        let ids_ignores: [String]
    }


    static func health(_ request: Request) async throws -> Response {
        let database = (try? await PlaceStore(request.db).revision()) != nil
        let snapshot = database ? try? await request.searchSnapshot() : nil
        let health = Health(base_de_donnees: database, index: snapshot != nil, lieux: snapshot?.search.count ?? 0,
                            lignes_ignorees: snapshot?.unreadable.count ?? 0, ids_ignores: Array((snapshot?.unreadable ?? []).prefix(100)))
        return try DirectoryAPI.json(health, status: snapshot == nil ? .serviceUnavailable : .ok)
    }
}
