/// The closed lists search filters on, as masks: a place's values, or the values a person asks
/// for. A place satisfies a request when, for every list asked for, it has one of the values.
struct ClosedListMasks: Equatable, Sendable {
    let services, publics, fees, accessModes, accompanimentModes, specificSupport, nationalProgrammes: Int64

    init(services: some Sequence<Service>, publics: some Sequence<TargetPublic>, fees: some Sequence<Fee>,
         accessModes: some Sequence<AccessMode>, accompanimentModes: some Sequence<AccompanimentMode>,
         specificSupport: some Sequence<SpecificSupport>, nationalProgrammes: some Sequence<NationalProgramme>) {
        self.services = Service.mask(services)
        self.publics = TargetPublic.mask(publics)
        self.fees = Fee.mask(fees)
        self.accessModes = AccessMode.mask(accessModes)
        self.accompanimentModes = AccompanimentMode.mask(accompanimentModes)
        self.specificSupport = SpecificSupport.mask(specificSupport)
        self.nationalProgrammes = NationalProgramme.mask(nationalProgrammes)
    }

    /// `self` is the request, `place` what a place has.
    func isSatisfied(by place: ClosedListMasks) -> Bool {
        func passes(_ wanted: Int64, _ has: Int64) -> Bool { wanted == 0 || wanted & has != 0 }
        return passes(services, place.services) && passes(publics, place.publics) && passes(fees, place.fees)
            && passes(accessModes, place.accessModes) && passes(accompanimentModes, place.accompanimentModes)
            && passes(specificSupport, place.specificSupport) && passes(nationalProgrammes, place.nationalProgrammes)
    }
}
