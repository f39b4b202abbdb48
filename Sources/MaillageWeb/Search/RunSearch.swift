import Directory
import Fluent
import Vapor
import Vouchers

/// A search as the page and the API run it: the criteria read, the place located, the words
/// looked up in the database's full-text index, then the in-memory index for the rest.
struct SearchAnswer {
    let criteria: SearchCriteria
    let located: SearchCriteria.Located
    let results: PlaceSearch.Results

    var pages: Int { max(1, (results.total + criteria.perPage - 1) / criteria.perPage) }
}

extension Request {
    func runSearch(_ parameters: [String: String]) async throws -> Result<SearchAnswer, SearchCriteria.Problems> {
        switch SearchCriteria.parse(parameters) {
        case .success(let criteria): try await runSearch(criteria)
        case .failure(let problems): .failure(problems)
        }
    }

    func runSearch(_ criteria: SearchCriteria) async throws -> Result<SearchAnswer, SearchCriteria.Problems> {
        let snapshot = try await searchSnapshot()
        var textMatches: Set<String>?
        if let text = criteria.text {
            textMatches = try await PlaceWords(db).ids(matching: text)
        }
        if criteria.acceptsPass {
            // Read live: a qualification granted or withdrawn counts from the next search.
            let accepting = Set(try await Qualifications(database: db, now: application.clock.now).qualifiedPlaces())
            textMatches = textMatches.map { $0.intersection(accepting) } ?? accepting
        }
        return search(criteria, on: snapshot, textMatches: textMatches)
    }

    /// The search answered from memory alone, or nil when it needs the database (words to look
    /// up, a snapshot to check): most searches, answered without leaving the event loop.
    func runSearchInMemory(_ criteria: SearchCriteria) -> Result<SearchAnswer, SearchCriteria.Problems>? {
        guard criteria.text == nil, !criteria.acceptsPass, let snapshot = application.search.fresh else { return nil }
        return search(criteria, on: snapshot, textMatches: nil)
    }

    private func search(_ criteria: SearchCriteria, on snapshot: SearchService.Snapshot,
                        textMatches: Set<String>?) -> Result<SearchAnswer, SearchCriteria.Problems> {
        let located: SearchCriteria.Located
        switch criteria.locate(with: snapshot.communes) {
        case .success(let found): located = found
        case .failure(let problems): return .failure(problems)
        }
        let results = snapshot.search.run(criteria, area: located.area, now: application.clock.now, textMatches: textMatches)
        return .success(SearchAnswer(criteria: criteria, located: located, results: results))
    }
}
