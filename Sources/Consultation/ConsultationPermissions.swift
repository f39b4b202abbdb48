import Accounts
import Foundation

/// Who may do what with consultations: asked once, by each operation.
public enum ConsultationPermissions {
    /// Creating a consultation and appointing its organisers.
    public static func mayCreate(_ roles: [Role]) -> Bool {
        AccountsPermissions.mayAdminister(roles)
    }

    /// Running one consultation (moving its phase): its organisers, and the administrators.
    public static func mayOrganise(_ consultationID: UUID, _ roles: [Role]) -> Bool {
        AccountsPermissions.mayAdminister(roles) || roles.contains(Role(.organisateur, on: .consultation(consultationID)))
    }
}
