/// Who may do what with accounts and roles; the site's route declarations read it.
public enum AccountsPermissions {
    /// Granting and revoking roles, and deciding place claims.
    public static let administration: Set<RoleKind> = [.administrateur]

    public static func mayAdminister(_ roles: [Role]) -> Bool {
        roles.contains { administration.contains($0.kind) }
    }

    /// Editing a place's record: its managers, granted on that place.
    public static func mayManage(place placeID: String, _ roles: [Role]) -> Bool {
        roles.contains(Role(.gestionnaire, on: .place(placeID)))
    }

    /// Reading a place's history: its managers and the administrators (who may revert).
    public static func mayReadHistory(of placeID: String, _ roles: [Role]) -> Bool {
        mayAdminister(roles) || mayManage(place: placeID, roles)
    }
}
