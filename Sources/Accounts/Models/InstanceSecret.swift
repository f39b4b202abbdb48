import FluentKit

/// A secret every instance of the site shares, generated once when no `MAILLAGE_SECRET` is set:
/// today the key that signs anonymous visitors' form tokens.
final class InstanceSecret: Model, @unchecked Sendable {
    static let schema = "instance_secrets"

    // identity
    @ID(custom: "name", generatedBy: .user) var id: String?

    // data
    @Field(key: "value") var value: String

    init() {}
}
