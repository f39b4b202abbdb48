import Directory
import MaillageCore
import Plot
import Vapor

/// The public pages of the directory.
struct DirectoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("departements", ":code", use: departement)
        routes.get("lieux", ":id", use: place)
    }

    func home(request: Request) async throws -> HTML {
        let lines = try await CountPlacesByDepartement(database: request.db).run()
        let total = try await PlaceStore(request.db).count()
        return HomePage.render(.init(total: total, lines: lines))
    }

    func departement(request: Request) async throws -> HTML {
        guard let code = request.parameters.get("code"), let departement = Departement.named(code) else {
            throw Abort(.notFound, reason: "Ce département n'existe pas. Choisissez-en un dans la liste de l'accueil.")
        }
        let places = try await ListPlacesInDepartement(database: request.db).run(departement)
        return DepartementPage.render(.init(departement: departement, places: places))
    }

    func place(request: Request) async throws -> HTML {
        guard let id = request.parameters.get("id"),
              let place = try await PlaceStore(request.db).find(id: id.removingPercentEncoding ?? id) else {
            throw Abort(.notFound, reason: "Ce lieu n'existe pas ou n'est plus recensé.")
        }
        let openNow = place.openingStatus(atUTC: request.application.clock.now).map { French.capitalised($0.status.french(now: $0.localNow)) }
        return PlacePage.render(.init(place: place, openNow: openNow))
    }
}
