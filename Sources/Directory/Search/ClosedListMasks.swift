/// The closed lists search filters on, packed in one word where each list has bits of its own:
/// a place's values are one word; a request is one word per list it names. A place satisfies a
/// request when, for every list asked for, it has one of the values.
/// NB: 45 values in all; one word a place keeps the search's hot loop in few cache lines.
struct ClosedListMasks: Equatable, Sendable {
    /// The request's lists, each in its own bits; the place's values, all in one word.
    let words: [UInt64]

    init(services: some Sequence<Service>, publics: some Sequence<TargetPublic>, fees: some Sequence<Fee>,
         accessModes: some Sequence<AccessMode>, accompanimentModes: some Sequence<AccompanimentMode>,
         specificSupport: some Sequence<SpecificSupport>, nationalProgrammes: some Sequence<NationalProgramme>) {
        let lists = [
            (Service.mask(services), Service.allCases.count), (TargetPublic.mask(publics), TargetPublic.allCases.count),
            (Fee.mask(fees), Fee.allCases.count), (AccessMode.mask(accessModes), AccessMode.allCases.count),
            (AccompanimentMode.mask(accompanimentModes), AccompanimentMode.allCases.count),
            (SpecificSupport.mask(specificSupport), SpecificSupport.allCases.count),
            (NationalProgramme.mask(nationalProgrammes), NationalProgramme.allCases.count),
        ]
        var offset = 0
        var words: [UInt64] = []
        for (mask, width) in lists {
            if mask != 0 { words.append(UInt64(bitPattern: mask) << UInt64(offset)) }
            offset += width
        }
        precondition(offset <= 64, "the searched closed lists hold at most 64 values in all")
        self.words = words
    }

    /// A place's values, all lists in one word.
    var place: UInt64 { words.reduce(0, |) }

    /// `self` is the request; `place` what a place has.
    @inline(__always)
    func isSatisfied(by place: UInt64) -> Bool {
        for word in words where word & place == 0 { return false }
        return true
    }
}
