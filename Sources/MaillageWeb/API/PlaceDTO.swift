import Directory
import MaillageCore
import Vapor

/// A place as the API gives it: the standard's fields under the standard's names (absent when
/// empty, as in the JSON export), plus `distance_m` from the search's centre and `ouvert`.
struct PlaceDTO {
    /// The export's members of the place, already written.
    let members: ArraySlice<UInt8>
    let distance: Double?
    /// Nil when the hours are missing or do not parse.
    let status: OpeningHours.Status?
    let localNow: LocalDateTime?

    init(_ hit: PlaceSearch.Hit) {
        members = hit.jsonMembers
        distance = hit.distance
        status = hit.status
        localNow = hit.localNow
    }

    init(place: Place, now: Int) {
        var text = ""
        ExportFormat.appendJSONMembers(of: place, to: &text)
        members = ArraySlice(text.utf8)
        distance = nil
        let found = place.openingStatus(atUTC: now)
        status = found?.status
        localNow = found?.localNow
    }

    /// The JSON object: the export's members, then the search's.
    func write(to out: inout ByteBuffer) {
        out.writeStaticString("{")
        out.writeBytes(members)
        var tail = ", \"distance_m\": "
        tail += distance.map { String(Int($0.rounded())) } ?? "null"
        tail += ", \"ouvert\": "
        tail += status.map { $0.isOpen ? "true" : "false" } ?? "null"
        tail += ", \"ouvert_libelle\": "
        let label = status.flatMap { status in localNow.map { status.french(now: $0) } } ?? "horaires non renseignés"
        ExportFormat.appendJSONString(label, to: &tail)
        tail += "}"
        out.writeString(tail)
    }

    var json: String {
        var out = ByteBufferAllocator().buffer(capacity: members.count + 200)
        write(to: &out)
        return String(buffer: out)
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

    /// The object as JSONEncoder writes it, written directly for the search's metadata.
    func write(to out: inout ByteBuffer) {
        out.writeStaticString("{\"code_insee\":")
        out.writeJSONString(code_insee)
        out.writeStaticString(",\"nom\":")
        out.writeJSONString(nom)
        out.writeStaticString(",\"codes_postaux\":[")
        for (n, postcode) in codes_postaux.enumerated() {
            if n > 0 { out.writeStaticString(",") }
            out.writeJSONString(postcode)
        }
        out.writeStaticString("],\"departement\":")
        out.writeJSONString(departement)
        out.writeStaticString(",\"latitude\":")
        out.writeString(latitude.description)
        out.writeStaticString(",\"longitude\":")
        out.writeString(longitude.description)
        out.writeStaticString("}")
    }

    static func write(_ communes: [CommuneDTO], to out: inout ByteBuffer) {
        out.writeStaticString("[")
        for (n, commune) in communes.enumerated() {
            if n > 0 { out.writeStaticString(",") }
            commune.write(to: &out)
        }
        out.writeStaticString("]")
    }
}

extension ByteBuffer {
    /// A JSON string literal, as `ExportFormat.appendJSONString` writes it.
    mutating func writeJSONString(_ value: String) {
        // Most values need no escape: one pass over the bytes says so, and they are copied.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            writeStaticString("\"")
            writeString(value)
            writeStaticString("\"")
            return
        }
        var literal = ""
        ExportFormat.appendJSONString(value, to: &literal)
        writeString(literal)
    }
}
