import Foundation
import MaillageCore

/// What a role is granted on: everywhere, or one object of some kind. A domain that needs roles
/// on its own objects (a consultation, a referential, a college) adds a kind here, and the grants
/// keep their one scope column.
public enum RoleScope: Hashable, Sendable {
    case everywhere
    case place(String)
    case organisation(UUID)
    case consultation(UUID)

    /// The kinds of object a role may be granted on.
    public enum Kind: String, Sendable {
        case place = "lieu"
        case organisation
        case consultation
    }

    public var kind: Kind? {
        switch self {
        case .everywhere: nil
        case .place: .place
        case .organisation: .organisation
        case .consultation: .consultation
        }
    }

    /// As stored, never null: « » everywhere, « lieu:hinaura-12 », « organisation:<uuid> »,
    /// « consultation:<uuid> ».
    /// With the account and the role's kind, unique.
    public var key: String {
        switch self {
        case .everywhere: ""
        case .place(let id): "lieu:\(id)"
        case .organisation(let id): "organisation:\(id.uuidString.lowercased())"
        case .consultation(let id): "consultation:\(id.uuidString.lowercased())"
        }
    }

    /// The scope a stored key names; nil for a key no kind reads.
    public init?(key: String) {
        if key.isEmpty { self = .everywhere; return }
        guard let colon = key.firstIndex(of: ":"), let kind = Kind(rawValue: String(key[..<colon])) else { return nil }
        let id = String(key[key.index(after: colon)...])
        switch kind {
        case .place:
            guard !id.isEmpty else { return nil }
            self = .place(id)
        case .organisation, .consultation:
            guard let uuid = UUID(uuidString: id) else { return nil }
            self = kind == .organisation ? .organisation(uuid) : .consultation(uuid)
        }
    }

    /// « (hinaura-12) », « (organisation <uuid>) », « (consultation <uuid>) », or nothing: after a role's name.
    var suffix: String {
        switch self {
        case .everywhere: ""
        case .place(let id): " (\(id))"
        case .organisation(let id): " (organisation \(id.uuidString.lowercased()))"
        case .consultation(let id): " (consultation \(id.uuidString.lowercased()))"
        }
    }
}

extension RoleScope {
    /// The scope named by a form's or the command line's two fields, a place's id and an
    /// organisation's: neither is everywhere, both are refused.
    public static func read(place: String?, organisation: String?) -> Result<RoleScope, Unreadable> {
        let place = place?.trimmingCharacters(in: .whitespaces) ?? ""
        let organisation = organisation?.trimmingCharacters(in: .whitespaces) ?? ""
        switch (place.isEmpty, organisation.isEmpty) {
        case (true, true): return .success(.everywhere)
        case (false, true): return .success(.place(place))
        case (true, false):
            guard let id = UUID(uuidString: organisation) else { return .failure(Unreadable(problem: FieldProblem("organisation_id", RolesMessages.unknownOrganisation))) }
            return .success(.organisation(id))
        case (false, false): return .failure(Unreadable(problem: FieldProblem("organisation_id", RolesMessages.noScope)))
        }
    }

    /// Why the fields name no scope, next to the field.
    public struct Unreadable: Error {
        public let problem: FieldProblem
    }
}
