extension TimeZoneRule {
    /// The instant, in seconds since 1970 UTC, that a wall-clock time names. In the autumn hour
    /// that happens twice, its first occurrence; in the spring hour the clocks skip, the time
    /// read as standard time (02:30 on the last Sunday of March is 03:30 summer time).
    public func utcSeconds(of local: LocalDateTime) -> Int {
        let minutes = local.minutesSinceEpoch
        // NB: the offsets a day either side are the only ones that can apply; the larger gives
        // the earlier instant.
        let offsets = Set([offset(utcMinutes: minutes - 1440), offset(utcMinutes: minutes + 1440)]).sorted(by: >)
        for candidate in offsets where offset(utcMinutes: minutes - candidate) == candidate {
            return (minutes - candidate) * 60
        }
        return (minutes - offsets.last!) * 60
    }
}
