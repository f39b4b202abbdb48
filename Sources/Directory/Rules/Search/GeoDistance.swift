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
    /// for an index to narrow the search before exact distances are computed. West may be
    /// below −180 and east above 180 when the circle crosses the antimeridian.
    public static func boundingBox(around centre: Coordinates, radius: Double)
        -> (south: Double, north: Double, west: Double, east: Double) {
        let angle = radius / earthRadius
        let dLat = angle * 180 / .pi
        // NB: the circle reaches farthest east and west poleward of its centre, at
        // asin(sin r / cos φ), a little beyond r / cos φ; past a pole it spans every longitude.
        let sine = sin(angle), cosine = cos(centre.latitude * .pi / 180)
        let dLon = sine < cosine ? asin(sine / cosine) * 180 / .pi : 180
        // A margin far above rounding, far below a cell.
        let margin = 1e-9
        return (centre.latitude - dLat - margin, centre.latitude + dLat + margin,
                centre.longitude - dLon - margin, centre.longitude + dLon + margin)
    }

    /// A point as a vector of the unit sphere: how near two points are is one dot product, the
    /// cosine of the angle between them, with no trigonometry.
    public struct SpherePoint: Sendable {
        let x, y, z: Double

        public init(_ point: Coordinates) {
            let φ = point.latitude * .pi / 180, λ = point.longitude * .pi / 180
            x = cos(φ) * cos(λ)
            y = cos(φ) * sin(λ)
            z = sin(φ)
        }

        /// A point no dot product brings near anything: for places without coordinates.
        static let nowhere = SpherePoint(x: -2, y: 0, z: 0)

        private init(x: Double, y: Double, z: Double) {
            self.x = x
            self.y = y
            self.z = z
        }

        /// The cosine of the angle to `other`: larger is nearer.
        @inline(__always)
        func cosine(to other: SpherePoint) -> Double { x * other.x + y * other.y + z * other.z }

        /// The straight line to `other` through the sphere: it grows with the distance on the
        /// ground, and, from the differences, keeps its digits at short range.
        @inline(__always)
        func chord(to other: SpherePoint) -> Double {
            let dx = x - other.x, dy = y - other.y, dz = z - other.z
            return (dx * dx + dy * dy + dz * dz).squareRoot()
        }
    }

    /// The chord of the unit sphere a distance on the ground spans.
    static func chord(ofDistance metres: Double) -> Double { 2 * sin(min(metres / earthRadius, .pi) / 2) }

    /// The cosine of the angle a distance spans: points within `metres` of a centre have at
    /// least this cosine to it.
    static func cosine(ofDistance metres: Double) -> Double { cos(min(metres / earthRadius, .pi)) }

    /// How far a cosine computed from `SpherePoint`s may stray from one implied by `metres`
    /// before the two could disagree on which of two points is nearer: far above rounding (1e-16),
    /// a few millimetres at most on the ground. Within it, `metres` decides.
    static let cosineTolerance = 1e-11
}
