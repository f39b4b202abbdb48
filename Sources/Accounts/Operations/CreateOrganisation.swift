import Directory
import FluentKit
import Foundation
import MaillageCore

/// A person creates an organisation and becomes its first member.
public struct CreateOrganisation: Sendable {
    public enum Outcome: Equatable, Sendable {
        case created(UUID)
        case refused([FieldProblem])
    }

    let database: any Database
    let now: Int

    public init(database: any Database, now: Int) {
        self.database = database
        self.now = now
    }

    public func run(actor: User, name rawName: String, siret rawSiret: String) async throws -> Outcome {
        var problems: [FieldProblem] = []
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { problems.append(FieldProblem("name", OrganisationMessages.missingName)) }
        let siret = rawSiret.filter { !$0.isWhitespace }
        if !siret.isEmpty {
            if siret.count != 14 || !siret.allSatisfy(\.isASCII) || !siret.allSatisfy(\.isNumber) {
                problems.append(FieldProblem("siret", OrganisationMessages.siretShape))
            } else if !Siret.hasValidKey(siret) {
                problems.append(FieldProblem("siret", OrganisationMessages.siretKey))
            } else if try await Organisation.query(on: database).filter(\.$siret == siret).first() != nil {
                problems.append(FieldProblem("siret", OrganisationMessages.siretTaken))
            }
        }
        guard problems.isEmpty else { return .refused(problems) }
        return try await database.writeTransaction { db in
            let organisation = Organisation(name: name, siret: siret.isEmpty ? nil : siret, at: now)
            try await organisation.create(on: db)
            let id = try organisation.requireID()
            try await OrganisationMember(organisationID: id, userID: actor.requireID(), at: now).create(on: db)
            return .created(id)
        }
    }
}
