import Accounts
import FluentKit
import Foundation
import MaillageCore

/// A public consultation: what it asks, when it is open, and the phase its organisers moved it to.
public final class Consultation: Model, @unchecked Sendable {
    public static let schema = "consultations"

    // identity
    @ID(key: .id) public var id: UUID?
    /// The end of its page's address, from its title: « mediation-numerique-2026 ».
    @Field(key: "slug") public var slug: String

    // data
    @Field(key: "title") public var title: String
    @Field(key: "context") public var context: String
    /// `YYYY-MM-DD`, Paris days: open from the start of the first through the end of the last.
    @Field(key: "opens_on") public var opensOn: String
    @Field(key: "closes_on") public var closesOn: String
    /// The furthest phase its organisers moved it to; nil while the calendar alone moves it.
    @OptionalField(key: "phase_set") public var phaseSet: Phase?
    @Field(key: "created_at") public var createdAt: Int

    // relationships
    @Parent(key: "created_by") public var createdBy: User
    @Children(for: \.$consultation) public var themes: [ConsultationTheme]

    public init() {}

    /// Its phase at `instant`.
    public func phase(at instant: Int) -> Phase {
        Phase.at(instant, opensOn: LocalDate(iso: opensOn) ?? LocalDate(daysSinceEpoch: 0), closesOn: LocalDate(iso: closesOn) ?? LocalDate(daysSinceEpoch: 0), set: phaseSet)
    }
}
