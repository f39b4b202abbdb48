import Foundation

/// Distances on the Earth's surface, for "near me" and radius searches.
public enum GeoDistance {
    static let earthRadius = 6_371_008.8  // metres, the mean radius

    /// Great-circle distance in metres (haversine).
    public static func metres(_ a: Coordinates, _ b: Coordinates) -> Double {
        let φ1 = a.latitude * .pi / 180, φ2 = b.latitude * .pi / 180
        let dφ = φ2 - φ1, dλ = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }

    /// A latitude/longitude box that holds every point within `radius` metres of `centre`,
    /// for an index to narrow the search before exact distances are computed.
    public static func boundingBox(around centre: Coordinates, radius: Double)
        -> (south: Double, north: Double, west: Double, east: Double) {
        let dLat = radius / earthRadius * 180 / .pi
        let cosine = max(cos(centre.latitude * .pi / 180), 0.01)
        let dLon = min(180, dLat / cosine)
        return (centre.latitude - dLat, centre.latitude + dLat, centre.longitude - dLon, centre.longitude + dLon)
    }
}
