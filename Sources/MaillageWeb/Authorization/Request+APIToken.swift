import Accounts
import Vapor

extension Request {
    private struct TokenKey: StorageKey { typealias Value = APIToken }

    /// The API token the request was authenticated with.
    var apiToken: APIToken? { storage[TokenKey.self] }

    /// Checks the bearer token: none or an unknown one is a 401, one without `scope` a 403.
    func authenticateToken(for scope: APIScope) async throws {
        guard let bearer = headers.bearerAuthorization?.token else { throw Refused(.unauthorized, APITokenMessages.missing) }
        guard let token = try await APITokens(database: db, now: application.clock.now).authenticate(bearer) else {
            throw Refused(.unauthorized, APITokenMessages.invalid)
        }
        guard token.scopes.contains(scope) else { throw Refused(.forbidden, APITokenMessages.insufficient(scope)) }
        storage[TokenKey.self] = token
    }
}
