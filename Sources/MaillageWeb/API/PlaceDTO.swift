import Directory
import MaillageCore
import Vapor

/// A place as the API gives it: the standard's fields under the standard's names (absent when
/// empty, as in the JSON export), plus `distance_m` from the search's centre and `ouvert`.
struct PlaceDTO: Encodable {
    let place: Place
    let distance: Double?
    /// Nil when the hours are missing or do not parse.
    let status: OpeningHours.Status?
    let localNow: LocalDateTime?

    init(_ hit: PlaceSearch.Hit) {
        place = hit.place
        distance = hit.distance
        status = hit.status
        localNow = hit.localNow
    }

    init(place: Place, now: Int) {
        self.place = place
        distance = nil
        let found = place.openingStatus(atUTC: now)
        status = found?.status
        localNow = found?.localNow
    }

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in PlaceField.allCases {
            switch field {
            case .latitude: try container.encodeIfPresent(place.coordinates?.latitude, forKey: Key(stringValue: field.rawValue))
            case .longitude: try container.encodeIfPresent(place.coordinates?.longitude, forKey: Key(stringValue: field.rawValue))
            default:
                let text = place.text(field)
                if !text.isEmpty { try container.encode(text, forKey: Key(stringValue: field.rawValue)) }
            }
        }
        try container.encode(distance.map { Int($0.rounded()) }, forKey: Key(stringValue: "distance_m"))
        try container.encode(status?.isOpen, forKey: Key(stringValue: "ouvert"))
        let label = status.flatMap { status in localNow.map { status.french(now: $0) } } ?? "horaires non renseignés"
        try container.encode(label, forKey: Key(stringValue: "ouvert_libelle"))
    }
}

/// A commune as suggestions and search metadata give it.
struct CommuneDTO: Content {
    let code_insee: String
    let nom: String
    let codes_postaux: [String]
    let departement: String
    let latitude: Double
    let longitude: Double

    init(_ commune: Commune) {
        code_insee = commune.inseeCode
        nom = commune.name
        codes_postaux = commune.postcodes
        departement = commune.departement
        latitude = commune.coordinates.latitude
        longitude = commune.coordinates.longitude
    }
}
