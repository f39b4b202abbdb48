import MaillageCore

extension LocalDate {
    /// The first day of the month after this date's.
    var firstOfNextMonth: LocalDate {
        month == 12 ? LocalDate(year: year + 1, month: 1, day: 1)! : LocalDate(year: year, month: month + 1, day: 1)!
    }

    /// The first day of the month before this date's.
    var firstOfPreviousMonth: LocalDate {
        month == 1 ? LocalDate(year: year - 1, month: 12, day: 1)! : LocalDate(year: year, month: month - 1, day: 1)!
    }
}
