import Accounts
import Directory
import Foundation
import MaillageCore
import Vapor

/// Claims, edits and history of places; the administrators' decisions and reverts.
enum PlaceManagementRoutes {
    static func claimForm(_ request: Request) async throws -> Page {
        PlaceManagementPages.claim(try await request.requirePlace(), csrf: try await request.csrfToken())
    }

    static func claim(_ request: Request) async throws -> Response {
        let place = try await request.requirePlace()
        let values = request.formValues("message")
        switch try await ClaimPlace(database: request.db, now: request.application.clock.now)
            .run(actor: try request.requireUser(), placeID: place.id, message: values["message"]!) {
        case .claimed:
            request.flash("Votre demande a été envoyée. Vous recevrez la réponse par courriel.")
            return request.redirect(to: Site.directory.place.url(place.id), redirectType: .normal)
        case .refused(let problem):
            return try await PlaceManagementPages.claim(place, csrf: request.csrfToken(), values: values, problems: [problem])
                .encodeResponse(status: .badRequest, for: request)
        }
    }

    static func editForm(_ request: Request) async throws -> Page {
        let place = try await request.requireManagedPlace()
        return PlaceManagementPages.edit(place, version: try await request.placeVersion(place), csrf: try await request.csrfToken())
    }

    static func edit(_ request: Request) async throws -> Response {
        // NB: who may edit is asked by `EditPlace`, once.
        let place = try await request.requirePlace()
        var values: [PlaceField: String] = [:], shown: [PlaceField: String] = [:]
        for field in PlaceField.allCases {
            if field != .id, let value = try? request.content.get(String.self, at: field.rawValue) { values[field] = value }
            if let value = try? request.content.get(String.self, at: PlaceManagementPages.basisPrefix + field.rawValue) { shown[field] = value }
        }
        let basis = (try? request.content.get(Int.self, at: "version")).map { EditPlace.Basis(version: $0, values: shown) }
        // what was typed, over the stored value of any field the form did not send
        let typed = Dictionary(uniqueKeysWithValues: PlaceField.allCases.map { ($0.rawValue, values[$0] ?? place.text($0)) })
        switch try await EditPlace(database: request.db, now: request.application.clock.now)
            .run(actor: try request.requireUser(), placeID: place.id, values: values, basis: basis) {
        case .edited(_, let warnings) where !warnings.isEmpty:
            // Saved, as an import would save it; what it would warn of is shown next to its field.
            let saved = try await request.requirePlace()
            return try await PlaceManagementPages.edit(saved, version: request.placeVersion(saved), csrf: request.csrfToken(),
                                                       notice: PlaceMessages.savedWithWarnings, problems: warnings)
                .encodeResponse(for: request)
        case .edited:
            request.flash("Vos modifications sont enregistrées.")
            return request.redirect(to: Site.directory.place.url(place.id), redirectType: .normal)
        case .unchanged:
            return request.redirect(to: Site.directory.place.url(place.id), redirectType: .normal)
        case .modifiedMeanwhile(let changes, let current, let version):
            // The form again over the place as it is now, with what this person typed.
            return try await PlaceManagementPages.edit(current, version: version, csrf: request.csrfToken(), notice: PlaceMessages.modifiedMeanwhile.message,
                                                       values: typed, problems: changes)
                .encodeResponse(status: .conflict, for: request)
        case .refused(let problems):
            let version = if let basis { basis.version } else { try await request.placeVersion(place) }
            return try await PlaceManagementPages.edit(place, version: version, csrf: request.csrfToken(),
                                                       values: typed, problems: problems)
                .encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, PlaceMessages.notManager)
        }
    }

    static func history(_ request: Request) async throws -> Page {
        let place = try await request.requirePlace()
        guard case .readable(let history) = try await PlaceClaims(request.db).history(of: place.id, for: request.requireUser()) else {
            throw Refused(.forbidden, PlaceMessages.notManager)
        }
        let edits = try history.edits.map { edit in
            PlaceManagementPages.Edit(
                id: try edit.requireID(), at: edit.at,
                author: edit.user.map { "par \($0.name)" } ?? "par l'import du fichier \(French.quoted(edit.source ?? "?"))",
                reverts: edit.reverts,
                changes: edit.after.keys.sorted().map { (PlaceField(rawValue: $0)?.title ?? $0, edit.before[$0] ?? "", edit.after[$0] ?? "") })
        }
        return PlaceManagementPages.history(place, edits: edits, csrf: try await request.csrfToken(), mayRevert: history.mayRevert)
    }

    static func claims(_ request: Request) async throws -> Page {
        PlaceManagementPages.claims(try await pendingClaims(request), csrf: try await request.csrfToken())
    }

    static func approve(_ request: Request) async throws -> Response {
        try await decide(request, .approve)
    }

    static func refuse(_ request: Request) async throws -> Response {
        let id = request.parameters.get("claim") ?? ""
        return try await decide(request, .refuse(reason: request.formValue("reason-\(id.lowercased())")))
    }

    private static func decide(_ request: Request, _ decision: DecideClaim.Decision) async throws -> Response {
        guard let id = request.parameters.get("claim").flatMap(UUID.init(uuidString:)) else {
            throw Refused(.notFound, PlaceMessages.alreadyDecided)
        }
        let outcome = try await DecideClaim(database: request.db, settings: request.application.accounts)
            .run(actor: try request.requireUser(), claim: id, decision: decision)
        switch outcome {
        case .approved:
            request.flash("Demande acceptée.")
            return request.redirect(to: Site.places.claims.url(), redirectType: .normal)
        case .refused:
            request.flash("Demande refusée.")
            return request.redirect(to: Site.places.claims.url(), redirectType: .normal)
        case .problem(let problem):
            let pending = try await pendingClaims(request)
            let field = problem.field == "reason" ? "reason-\(id.uuidString.lowercased())" : problem.field
            return try await PlaceManagementPages.claims(pending, csrf: request.csrfToken(), problems: [FieldProblem(field, problem.refusal)])
                .encodeResponse(status: .badRequest, for: request)
        case .notAllowed:
            throw Refused(.forbidden, PlaceMessages.notAdministrator)
        }
    }

    private static func pendingClaims(_ request: Request) async throws -> [PlaceManagementPages.Claim] {
        try await PlaceClaims(request.db).pending().map { claim in
            PlaceManagementPages.Claim(id: try claim.requireID(), person: claim.user.name, email: claim.user.email,
                                       placeID: claim.placeID, message: claim.message)
        }
    }

    static func revert(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("edit").flatMap(Int.init) else { throw Refused(.notFound, PlaceMessages.unknownEdit) }
        switch try await RevertPlaceEdit(database: request.db, now: request.application.clock.now).run(actor: try request.requireUser(), edit: id) {
        case .edited, .unchanged:
            guard let edit = try await PlaceEdit.find(id, on: request.db) else { throw Refused(.notFound, PlaceMessages.unknownEdit) }
            return request.redirect(to: Site.places.history.url(edit.placeID), redirectType: .normal)
        case .refused(let problems):
            throw Abort(.badRequest, reason: problems.map(\.message).joined(separator: " "))
        case .modifiedMeanwhile:  // a revert holds no basis: it applies to the place as it is
            throw Refused(.conflict, PlaceMessages.modifiedMeanwhile)
        case .notAllowed:
            throw Refused(.forbidden, PlaceMessages.notAdministrator)
        }
    }
}

extension Request {
    func requirePlace() async throws -> Place {
        guard let place = try await placeFromPath() else { throw Refused(.notFound, PlaceMessages.unknownPlace) }
        return place
    }

    /// The place in the path, if the account manages it: another manager's place is a 403.
    func requireManagedPlace() async throws -> Place {
        let place = try await requirePlace()
        guard try await PlaceClaims(db).mayEdit(place.id, actor: requireUser()) else {
            throw Refused(.forbidden, PlaceMessages.notManager)
        }
        return place
    }

    /// The stored version of `place`, for its edit form.
    func placeVersion(_ place: Place) async throws -> Int {
        try await PlaceStore(db).version(of: place.id) ?? 1
    }
}
