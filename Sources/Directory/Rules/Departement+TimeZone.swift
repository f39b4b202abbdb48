import MaillageCore

extension Departement {
    /// The legal time where the département's places stand.
    public var timeZone: TimeZoneRule {
        switch code {
        case "971", "972", "977", "978": .fixed(minutes: -240)
        case "973": .fixed(minutes: -180)
        case "974": .fixed(minutes: 240)
        case "976": .fixed(minutes: 180)
        case "975": .saintPierre
        case "986": .fixed(minutes: 720)
        case "987": .fixed(minutes: -600)
        case "988": .fixed(minutes: 660)
        default: .europeParis
        }
    }
}
