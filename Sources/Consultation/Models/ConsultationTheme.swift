import FluentKit
import Foundation

/// One of the themes a consultation's contributions are filed under, in the order it lists them.
public final class ConsultationTheme: Model, @unchecked Sendable {
    public static let schema = "consultation_themes"

    // identity
    @ID(key: .id) public var id: UUID?

    // data
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String

    // relationships
    @Parent(key: "consultation_id") public var consultation: Consultation

    public init() {}

    init(consultation: UUID, position: Int, name: String) {
        $consultation.id = consultation
        self.position = position
        self.name = name
    }
}
