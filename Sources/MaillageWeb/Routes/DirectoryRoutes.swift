import Directory
import MaillageCore
import Vapor
import Vouchers

/// The public pages of the directory.
enum DirectoryRoutes {
    /// Without criteria, the form alone; with bad criteria, the form with its messages (400).
    static func search(_ request: Request) async throws -> Response {
        var parameters: [String: String] = [:]
        var problems: [SearchCriteria.Problem] = []
        var answer: SearchAnswer?
        var nearest: (place: Place, distance: Double)?
        switch QueryParameters.parse(request.url.query, allowed: SearchCriteria.parameterNames) {
        case .failure(let problem):
            problems = [problem]
        case .success(let read):
            parameters = read
            if !read.isEmpty {
                switch try await request.runSearch(read) {
                case .failure(let found): problems = found.list
                case .success(let found):
                    answer = found
                    if found.results.total == 0 {
                        nearest = try await request.searchSnapshot().search.nearest(to: found.located.area.centres)
                    }
                    // The form names the commune as people read it, whichever way it was asked.
                    if read["code_insee"] != nil, let commune = found.located.commune {
                        parameters["code_insee"] = nil
                        parameters["commune"] = commune.label
                    }
                }
            }
        }
        let page = SearchPage.render(.init(parameters: parameters, problems: problems, answer: answer, nearest: nearest,
                                                map: request.application.leaflet != nil))
        let response = try await page.encodeResponse(for: request)
        if !problems.isEmpty { response.status = .badRequest }
        return response
    }

    static func home(_ request: Request) async throws -> Page {
        let snapshot = try await request.searchSnapshot()
        return HomePage.render(.init(total: snapshot.total, lines: snapshot.departements))
    }

    static func departement(_ request: Request) async throws -> Page {
        guard let code = request.parameters.get("code"), let departement = Departement.named(code) else {
            throw Abort(.notFound, reason: "Ce département n'existe pas. Choisissez-en un dans la liste de l'accueil.")
        }
        let places = try await ListPlacesInDepartement(database: request.db).run(departement)
        return DepartementPage.render(.init(departement: departement, places: places))
    }

    static func place(_ request: Request) async throws -> Page {
        guard let place = try await request.placeFromPath() else {
            throw Abort(.notFound, reason: "Ce lieu n'existe pas ou n'est plus recensé.")
        }
        let openNow = place.openingStatus(atUTC: request.application.clock.now).map { French.capitalised($0.status.french(now: $0.localNow)) }
        let until = try await Qualifications(database: request.db, now: request.application.clock.now).qualifiedToday(place.id)
        return PlacePage.render(.init(place: place, openNow: openNow, acceptsPassUntil: until))
    }
}

extension Request {
    /// The place the `:id` of the path names (ids are percent-encoded in URLs, see `PathValue`):
    /// from the search's snapshot when it holds the database's revision — every write moves the
    /// revision in its own transaction, so the snapshot's place is the stored one, read and
    /// validated once —, otherwise from the database.
    func placeFromPath() async throws -> Place? {
        guard let raw = parameters.get("id") else { return nil }
        let id = raw.removingPercentEncoding ?? raw
        let store = try PlaceStore(db)
        if let snapshot = application.search.latest, let place = snapshot.search.place(id: id),
           try await store.revision() == snapshot.revision {
            return place
        }
        return try await store.find(id: id)
    }
}
