import Accounts
import Foundation
import Vapor
import Vouchers

/// The Pass's home: the spaces of the person signed in, from their roles.
enum PassHomeRoutes {
    static func home(_ request: Request) async throws -> Page {
        guard let user = request.user else { return PassHomePage.render(spaces: []) }
        var spaces: [PassHomePage.Space] = []
        let roles = try await Roles(request.db).of(user.requireID())
        if VouchersPermissions.mayManagePass(roles) { spaces.append(.init(label: "Administration du Pass", url: Site.pass.admin.url())) }
        for role in roles {
            switch (role.kind, role.scope) {
            case (.commanditaire, .organisation(let id)):
                let name = try await Organisation.find(id, on: request.db)?.name ?? "?"
                spaces.append(.init(label: "Commanditaire — \(name)", url: Site.pass.funder.url(id)))
            case (.prescripteur, .organisation(let id)):
                let name = try await Organisation.find(id, on: request.db)?.name ?? "?"
                spaces.append(.init(label: "Prescripteur — \(name)", url: Site.pass.prescriber.url(id)))
            case (.gestionnaire, .place(let id)):
                spaces.append(.init(label: "Encaisser au lieu \(id)", url: Site.pass.place.url(id)))
            default: break
            }
        }
        return PassHomePage.render(spaces: spaces)
    }
}
