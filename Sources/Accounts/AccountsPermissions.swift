/// Who may do what with accounts and roles; the web's authorization table reads it.
public enum AccountsPermissions {
    /// Granting and revoking roles, and deciding place claims.
    public static let administration: Set<RoleKind> = [.administrateur]

    public static func mayAdminister(_ roles: [Role]) -> Bool {
        roles.contains { administration.contains($0.kind) }
    }
}
