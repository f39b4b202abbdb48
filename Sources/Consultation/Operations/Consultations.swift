import FluentKit
import Foundation
import MaillageCore

/// Reading the consultations, for their public pages.
public struct Consultations: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Every consultation, the latest to open first, with its themes in order.
    public func all() async throws -> [Consultation] {
        try await Consultation.query(on: database).with(\.$themes).sort(\.$opensOn, .descending).sort(\.$createdAt, .descending).all()
            .map(Self.orderingThemes)
    }

    /// The consultation whose page's address ends with `slug`, with its themes in order.
    public func find(slug: String) async throws -> Consultation? {
        try await Consultation.query(on: database).filter(\.$slug == slug).with(\.$themes).first().map(Self.orderingThemes)
    }

    private static func orderingThemes(_ consultation: Consultation) -> Consultation {
        consultation.$themes.value = consultation.themes.sorted { $0.position < $1.position }
        return consultation
    }
}
