import Accounts

/// Who may reach a route.
enum Access: Sendable {
    /// Anyone, logged in or not.
    case everyone
    /// Any logged-in account.
    case signedIn
    /// A logged-in account holding one of these roles. Which place or organisation the role
    /// holds for is the operation's to check, on the id it is given.
    case roles(Set<RoleKind>)
    /// An API token of an organisation, holding this scope (`Authorization: Bearer mlg_…`).
    case token(APIScope)

    func allows(signedIn: Bool, roles: [Role]) -> Bool {
        switch self {
        case .everyone: true
        case .signedIn: signedIn
        case .roles(let kinds): signedIn && roles.contains { kinds.contains($0.kind) }
        case .token: false
        }
    }
}
