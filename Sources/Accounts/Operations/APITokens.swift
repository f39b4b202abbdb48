import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// Making, listing, revoking and checking an organisation's API tokens. Members of the
/// organisation manage its tokens; each change is in the audit log.
public struct APITokens: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// The token, to be shown once.
        case created(token: String)
        case revoked
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func create(actor: User, organisation organisationID: UUID, name rawName: String, scopes: Set<APIScope>) async throws -> Outcome {
        guard try await Organisations(database).isMember(actor.requireID(), of: organisationID) else { return .notAllowed }
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 100 { return .refused(FieldProblem("token_name", APITokenMessages.missingName)) }
        if scopes.isEmpty { return .refused(FieldProblem("scopes", APITokenMessages.noScope)) }
        let token = APIToken.prefix + SecretToken.generate()
        try await database.writeTransaction { db in
            let row = APIToken(digest: SecretToken.digest(token), name: name, scopes: scopes, organisationID: organisationID,
                               by: try actor.requireID(), at: now)
            try await row.create(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "token.created", subject: "organisation:\(organisationID.uuidString.lowercased())",
                                                     detail: "\(name) — \(row.scopeList)"), at: now)
        }
        return .created(token: token)
    }

    public func revoke(actor: User, organisation organisationID: UUID, token tokenID: UUID) async throws -> Outcome {
        guard try await Organisations(database).isMember(actor.requireID(), of: organisationID) else { return .notAllowed }
        return try await database.writeTransaction { db in
            guard let token = try await APIToken.query(on: db).filter(\.$id == tokenID).filter(\.$organisation.$id == organisationID)
                .filter(\.$revokedAt == nil).first() else { return .refused(FieldProblem("", APITokenMessages.unknownToken)) }
            token.revokedAt = now
            try await token.update(on: db)
            try await AuditLog(db).append(AuditEvent(actor: actor.reference, action: "token.revoked", subject: "organisation:\(organisationID.uuidString.lowercased())",
                                                     detail: token.name), at: now)
            return .revoked
        }
    }

    /// The organisation's tokens, newest first, revoked ones included.
    public func list(of organisationID: UUID) async throws -> [APIToken] {
        try await APIToken.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$createdAt, .descending).all()
    }

    /// How stale « last used » may be: a client sending a thousand requests a second writes it
    /// once a minute, not a thousand times.
    static let lastUseResolution = 60

    /// The live token `presented` is (its organisation's id only: one query, on every API
    /// request, prepared where the database keeps them, and no model built by Fluent's query);
    /// notes when it was last used.
    public func authenticate(_ presented: String) async throws -> APIToken? {
        guard presented.hasPrefix(APIToken.prefix) else { return nil }
        let digest = SecretToken.digest(presented)
        let query: SQLQueryString = """
            SELECT id, name, scopes, created_at, last_used_at, organisation_id, created_by FROM \(ident: APIToken.schema) \
            WHERE digest = \(bind: digest) AND revoked_at IS NULL
            """
        guard let row = try await database.preparedRows(query, statement: APIToken.self).first else { return nil }
        let token = APIToken(digest: digest, name: try row.decode(column: "name", as: String.self), scopeList: try row.decode(column: "scopes", as: String.self),
                             organisationID: try row.decode(column: "organisation_id", as: UUID.self), by: try row.decode(column: "created_by", as: UUID.self),
                             at: try row.decode(column: "created_at", as: Int.self))
        token.id = try row.decode(column: "id", as: UUID.self)
        token.lastUsedAt = try row.decode(column: "last_used_at", as: Int?.self)
        if (token.lastUsedAt ?? .min) <= now - Self.lastUseResolution {
            token.lastUsedAt = now
            try await (database as! any SQLDatabase).update(APIToken.schema).set("last_used_at", to: now).where("id", .equal, token.id).run()
        }
        return token
    }
}
