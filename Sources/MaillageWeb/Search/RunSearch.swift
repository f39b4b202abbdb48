import Directory
import Fluent
import Vapor

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
        let criteria: SearchCriteria
        switch SearchCriteria.parse(parameters) {
        case .success(let parsed): criteria = parsed
        case .failure(let problems): return .failure(problems)
        }
        let snapshot = try await searchSnapshot()
        let located: SearchCriteria.Located
        switch criteria.locate(with: snapshot.communes) {
        case .success(let found): located = found
        case .failure(let problems): return .failure(problems)
        }
        var textMatches: Set<String>?
        if let text = criteria.text {
            textMatches = try await PlaceWords(db).ids(matching: text)
        }
        let results = snapshot.search.run(criteria, area: located.area, now: application.clock.now, textMatches: textMatches)
        return .success(SearchAnswer(criteria: criteria, located: located, results: results))
    }
}
