import Directory
import FluentKit
import Foundation
import MaillageCore
import SQLKit

/// An administrator says which organisation manages a place (or that none does any more).
public struct LinkPlace: Sendable {
    public enum Outcome: Equatable, Sendable {
        case linked, unlinked
        case refused(FieldProblem)
        case notAllowed
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    /// `organisation`: nil unlinks. `actor`: nil for the command line and the demonstration.
    public func run(actor: User?, place placeID: String, organisation organisationID: UUID?) async throws -> Outcome {
        if let actor, try await !Roles(database).mayAdminister(actor) { return .notAllowed }
        guard try await PlaceStore(database).find(id: placeID) != nil else { return .refused(FieldProblem("place_id", RolesMessages.unknownPlace)) }
        if let organisationID, try await Organisation.find(organisationID, on: database) == nil {
            return .refused(FieldProblem("organisation_id", RolesMessages.unknownOrganisation))
        }
        return try await database.writeTransaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: PlaceOrganisation.schema).where("place_id", .equal, placeID).run()
            let by = actor?.reference ?? AuditEvent.systemActor
            guard let organisationID else {
                try await AuditLog(db).append(AuditEvent(actor: by, action: "place.unlinked", subject: "place:\(placeID)"), at: now)
                return .unlinked
            }
            try await sql.insert(into: PlaceOrganisation.schema).columns("id", "place_id", "organisation_id", "linked_at", "linked_by")
                .values(SQLBind(UUID()), SQLBind(placeID), SQLBind(organisationID), SQLBind(now), SQLBind(actor?.id)).run()
            try await AuditLog(db).append(AuditEvent(actor: by, action: "place.linked", subject: "place:\(placeID)",
                                                     detail: "organisation:\(organisationID.uuidString.lowercased())"), at: now)
            return .linked
        }
    }
}

/// Reading which organisation manages which place.
public struct PlaceOrganisations: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func organisation(of placeID: String) async throws -> UUID? {
        try await PlaceOrganisation.query(on: database).filter(\.$placeID == placeID).first()?.$organisation.id
    }

    public func places(of organisationID: UUID) async throws -> [String] {
        try await PlaceOrganisation.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$placeID).all().map(\.placeID)
    }
}
