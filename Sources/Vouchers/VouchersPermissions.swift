import Accounts
import Foundation

/// Who may do what with the Pass APTIC: asked once, by each operation.
public enum VouchersPermissions {
    /// Ordering for, and allotting the booklets of, a funder: its commanditaires.
    public static func mayActForFunder(_ funderID: UUID, _ roles: [Role]) -> Bool {
        roles.contains(Role(.commanditaire, on: .organisation(funderID)))
    }

    /// Handing out and taking back a prescriber organisation's vouchers: its prescripteurs.
    public static func mayPrescribeFor(_ prescriberID: UUID, _ roles: [Role]) -> Bool {
        roles.contains(Role(.prescripteur, on: .organisation(prescriberID)))
    }

    /// Invoicing, recording payments, qualifying places, confirming bank details, paying batches.
    public static func mayManagePass(_ roles: [Role]) -> Bool {
        AccountsPermissions.mayAdminister(roles)
    }

    /// The funders a person acts for.
    public static func funders(_ roles: [Role]) -> [UUID] {
        roles.compactMap { role in
            guard role.kind == .commanditaire, case .organisation(let id) = role.scope else { return nil }
            return id
        }
    }
}
