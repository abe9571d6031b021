import FHIRTree

/// A unit of time usable in date arithmetic and time-valued quantities.
package enum CalendarUnit: UInt8, Sendable, CaseIterable {
  case year, month, week, day, hour, minute, second, millisecond

  /// The singular FHIRPath keyword (`year`, `month`, …, `millisecond`).
  package var keyword: String {
    switch self {
    case .year: "year"
    case .month: "month"
    case .week: "week"
    case .day: "day"
    case .hour: "hour"
    case .minute: "minute"
    case .second: "second"
    case .millisecond: "millisecond"
    }
  }

  /// The UCUM code of the matching definite duration (`a`, `mo`, `wk`, `d`, `h`, `min`, `s`,
  /// `ms`).
  package var ucumCode: String {
    switch self {
    case .year: "a"
    case .month: "mo"
    case .week: "wk"
    case .day: "d"
    case .hour: "h"
    case .minute: "min"
    case .second: "s"
    case .millisecond: "ms"
    }
  }

  /// Milliseconds in one unit, for the definite units (week and finer); nil for year and month.
  var milliseconds: Int64? {
    switch self {
    case .year, .month: nil
    case .week: 604_800_000
    case .day: 86_400_000
    case .hour: 3_600_000
    case .minute: 60_000
    case .second: 1000
    case .millisecond: 1
    }
  }

  /// The unit named by a calendar keyword, singular or plural (`day`, `days`).
  package init?(keyword: [UInt8]) {
    var word = keyword
    if word.count > 1, word.last == UInt8(ascii: "s") { word.removeLast() }
    guard let unit = Self.allCases.first(where: { Array($0.keyword.utf8) == word }) else {
      return nil
    }
    self = unit
  }

  /// The unit named by a UCUM time code (`a`, `mo`, `wk`, `d`, `h`, `min`, `s`, `ms`).
  package init?(ucumCode: [UInt8]) {
    guard let unit = Self.allCases.first(where: { Array($0.ucumCode.utf8) == ucumCode }) else {
      return nil
    }
    self = unit
  }
}

/// A FHIRPath Quantity: an exact decimal value and a unit.
///
/// The unit is either a UCUM code (written quoted, `5 'mg'`) or a calendar-duration keyword
/// (`4 days`, `1 year`), kept as written. No UCUM conversion is done: quantities compare when
/// their units are identical, or when both are time units of week or finer (`7 days = 1 'wk'`).
/// Calendar `year`/`month` and UCUM `'a'`/`'mo'` are equivalent (`~`) but not equal (`=` is
/// empty), as N1 specifies. `==` is structural.
package struct QuantityValue: Hashable, Sendable {
  package var value: ExactDecimal
  /// The unit text without quotes: a UCUM code, or a calendar keyword as written.
  package var unit: [UInt8]
  /// The unit was written as a calendar keyword (`days`) rather than a quoted UCUM code.
  package var isCalendarKeyword: Bool

  package init(_ value: ExactDecimal, unit: [UInt8], isCalendarKeyword: Bool = false) {
    self.value = value
    self.unit = unit
    self.isCalendarKeyword = isCalendarKeyword
  }

  package init(_ value: ExactDecimal, unit: String, isCalendarKeyword: Bool = false) {
    self.init(value, unit: Array(unit.utf8), isCalendarKeyword: isCalendarKeyword)
  }

  /// The time unit this quantity is measured in, if any.
  package var calendarUnit: CalendarUnit? {
    isCalendarKeyword ? CalendarUnit(keyword: unit) : CalendarUnit(ucumCode: unit)
  }

  /// Appends `5 'mg'` (UCUM) or `4 days` (calendar keyword).
  package func appendText(to out: inout [UInt8]) {
    value.appendText(to: &out)
    out.append(UInt8(ascii: " "))
    if isCalendarKeyword {
      out.append(contentsOf: unit)
    } else {
      out.append(UInt8(ascii: "'"))
      out.append(contentsOf: unit)
      out.append(UInt8(ascii: "'"))
    }
  }

  /// How two quantities relate for comparison.
  enum Commensurability {
    /// Values can be compared directly after scaling.
    case comparable(ExactDecimal, ExactDecimal)
    /// Calendar year/month against UCUM `a`/`mo`: equivalent by value but never equal.
    case calendarAgainstDefinite(ExactDecimal, ExactDecimal)
  }

  /// Brings two quantities to a common unit, or nil when their units are unrelated.
  func commensurate(with other: QuantityValue) throws(FHIRPathEvaluationError)
    -> Commensurability?
  {
    if isCalendarKeyword == other.isCalendarKeyword && unit == other.unit {
      return .comparable(value, other.value)
    }
    guard let a = calendarUnit, let b = other.calendarUnit else { return nil }
    if a == b {
      let mixed = (a == .year || a == .month) && isCalendarKeyword != other.isCalendarKeyword
      return mixed ? .calendarAgainstDefinite(value, other.value) : .comparable(value, other.value)
    }
    guard let ma = a.milliseconds, let mb = b.milliseconds else { return nil }
    return .comparable(
      try value.multiplied(by: ExactDecimal(ma)), try other.value.multiplied(by: ExactDecimal(mb)))
  }
}

extension QuantityValue: CustomStringConvertible {
  package var description: String {
    var out: [UInt8] = []
    appendText(to: &out)
    return String(decoding: out, as: UTF8.self)
  }
}
