import MaillageCore

/// A place of digital mediation, holding every field of the national standard v1.0.2, typed.
/// A `Place` is always valid: build one with `PlaceParser`.
public struct Place: Equatable, Sendable {
    // identity
    public var id: String
    public var pivot: String
    public var name: String
    // where
    public var commune: String
    public var postcode: String
    public var inseeCode: String?
    public var address: String
    public var addressComplement: String?
    public var coordinates: Coordinates?
    // who and how to reach them
    public var typologies: [Typology]
    public var phone: String?
    public var emails: [String]
    public var websites: [String]
    public var openingHours: String?
    public var summary: String?
    public var details: String?
    public var source: String?
    public var itinerance: [Itinerance]
    public var parentOrganisation: String?
    public var updatedOn: LocalDate
    // what they offer
    public var services: [Service]
    public var publics: [TargetPublic]
    public var specificSupport: [SpecificSupport]
    public var fees: [Fee]
    public var nationalProgrammes: [NationalProgramme]
    public var trainingLabels: [TrainingLabel]
    public var otherTrainingLabels: String?
    public var accessModes: [AccessMode]
    public var accompanimentModes: [AccompanimentMode]
    public var accessibilitySheet: String?
    public var bookingURL: String?
}

/// A WGS84 point.
public struct Coordinates: Equatable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
