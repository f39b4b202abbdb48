import MaillageCore
import Testing

@Suite("Money")
struct MoneyTests {
    private func euros(_ text: String) -> Money? { try? MoneyInput.parse(text).get() }

    @Test("amounts are written the French way, cents always shown")
    func formatting() {
        #expect(French.money(Money(cents: 123_450)) == "1\u{202F}234,50\u{202F}€")
        #expect(French.money(Money(cents: 5)) == "0,05\u{202F}€")
        #expect(French.money(Money(cents: -1200)) == "−12,00\u{202F}€")
        #expect(French.money(Money(cents: 100_000_000)) == "1\u{202F}000\u{202F}000,00\u{202F}€")
        #expect("\(Money(cents: 1000))" == "10,00\u{202F}€")
    }

    @Test("what people type is read as they mean it")
    func parsing() {
        #expect(euros("12,5") == Money(cents: 1250))
        #expect(euros("12.50 €") == Money(cents: 1250))
        #expect(euros("1 000") == Money(cents: 100_000))
        #expect(euros("1\u{00A0}000,00\u{202F}€") == Money(cents: 100_000))
        #expect(euros("  7€ ") == Money(cents: 700))
        #expect(euros("-3,20 EUR") == Money(cents: -320))
        #expect(euros("−0,05") == Money(cents: -5))
        #expect(euros("20 euros") == Money(cents: 2000))
        #expect(euros("0") == Money.zero)
    }

    @Test("what could mean two amounts, or none, is refused with a message")
    func refusals() {
        let cases: [(String, MoneyInput.Problem)] = [
            ("1.000", .ambiguous), ("12,505", .ambiguous), ("1,000", .ambiguous), ("1.000,50", .ambiguous),
            ("12,5055", .tooManyDecimals), ("", .empty), ("   ", .empty), ("douze", .notAnAmount),
            ("12,", .notAnAmount), ("10 00", .notAnAmount), ("€", .notAnAmount), ("1e3", .notAnAmount),
            ("99999999999999999999", .tooLarge),
        ]
        for (text, problem) in cases {
            #expect(MoneyInput.parse(text) == .failure(problem), "« \(text) »")
        }
        #expect(MoneyInput.Problem.ambiguous.code == "money.ambiguous")
        #expect(MoneyInput.Problem.ambiguous.message.contains("1 000"))
    }

    @Test("sums and differences are checked for overflow, negative amounts allowed")
    func arithmetic() throws {
        #expect(try Money(cents: 1050) + Money(cents: -2000) == Money(cents: -950))
        #expect(try [Money(cents: 1), Money(cents: 2), Money(cents: -4)].sum() == Money(cents: -1))
        #expect(throws: MoneyOverflow.self) { try [Money(cents: .max), Money(cents: 1)].sum() }
        #expect(throws: MoneyOverflow.self) { try Money(cents: .min) - Money(cents: 1) }
        #expect(throws: MoneyOverflow.self) { try Money(cents: .max / 2 + 1).times(2) }
        #expect(throws: MoneyOverflow.self) { try Money(euros: .max / 10) }
        #expect(try Money(cents: 2500).times(3) == Money(cents: 7500))
    }

    @Test("splitting 100,00 € three ways gives 33,34 + 33,33 + 33,33")
    func splitting() {
        #expect(Money(cents: 10_000).split(into: 3) == [3334, 3333, 3333].map(Money.init(cents:)))
        #expect(Money(cents: -10_000).split(into: 3) == [-3334, -3333, -3333].map(Money.init(cents:)))
        #expect(Money(cents: 2).split(into: 3) == [1, 1, 0].map(Money.init(cents:)))
        #expect(Money(cents: 100).allocated(by: [1, 0, 3]) == [25, 0, 75].map(Money.init(cents:)))
        // 1/6, 2/6, 3/6 of 1 cent: the cent goes to the largest remainder, the last part.
        #expect(Money(cents: 1).allocated(by: [1, 2, 3]) == [0, 0, 1].map(Money.init(cents:)))
    }

    @Test("a rate rounds once to the nearest cent, halves away from zero")
    func rates() throws {
        #expect(try Money(cents: 1000).applying(Rate(percent: 20)) == Money(cents: 200))
        #expect(try Money(cents: 5).applying(Rate(percent: 50)) == Money(cents: 3))
        #expect(try Money(cents: -5).applying(Rate(percent: 50)) == Money(cents: -3))
        #expect(try Money(cents: 4).applying(Rate(percent: 50)) == Money(cents: 2))
        #expect(try Money(cents: 1999).applying(Rate(basisPoints: 550)) == Money(cents: 110))
        #expect(try Money(cents: 100).applying(Rate(1, over: -3)) == Money(cents: -33))
        #expect(throws: MoneyOverflow.self) { try Money(cents: .max).applying(Rate(percent: 200)) }
    }

    @Test("property: every amount written in French reads back the same")
    func roundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let amount = Money(cents: Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
            #expect(euros(French.money(amount)) == amount, "\(amount.cents)")
        }
    }

    @Test("property: shares add up to the amount, each within a cent of its exact share")
    func allocationProperty() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let amount = Money(cents: Int.random(in: -10_000_000...10_000_000, using: &generator))
            let weights = (0..<Int.random(in: 1...7, using: &generator)).map { _ in Int.random(in: 0...50, using: &generator) }
            guard weights.contains(where: { $0 > 0 }) else { continue }
            let parts = amount.allocated(by: weights)
            let total = weights.reduce(0, +)
            #expect(try parts.sum() == amount)
            for (part, weight) in zip(parts, weights) {
                #expect(abs(part.cents * total - amount.cents * weight) < total, "\(amount.cents) by \(weights)")
            }
            let equal = amount.split(into: weights.count).map(\.cents)
            #expect(equal.max()! - equal.min()! <= 1)
        }
    }

    @Test("property: a rate's result is the nearest cent, a half rounded away from zero")
    func rateProperty() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let cents = Int.random(in: -100_000_000...100_000_000, using: &generator)
            let rate = Rate(Int.random(in: -500...500, using: &generator), over: Int.random(in: 1...1000, using: &generator))
            let result = try Money(cents: cents).applying(rate).cents
            let twiceError = 2 * (result * rate.denominator - cents * rate.numerator)
            #expect(abs(twiceError) <= rate.denominator, "\(cents) × \(rate)")
            if abs(twiceError) == rate.denominator {
                #expect(abs(result * rate.denominator) > abs(cents * rate.numerator), "a half goes away from zero")
            }
        }
    }
}
