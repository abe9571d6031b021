/// A time-zone offset as written: `Z` or `±hh:mm`.
package struct TimeZoneOffset: Hashable, Sendable {
  /// Minutes east of UTC, -840…840.
  package var minutes: Int16
  /// Written as `Z` rather than `+00:00`.
  package var isZulu: Bool

  package init(minutes: Int16, isZulu: Bool = false) {
    self.minutes = minutes
    self.isZulu = isZulu && minutes == 0
  }

  /// `Z` or `±hh:mm` (`-00:00` is printed as `+00:00`).
  package func appendText(to out: inout [UInt8]) {
    if isZulu {
      out.append(UInt8(ascii: "Z"))
      return
    }
    out.append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
    let m = Int(minutes.magnitude)
    appendTwoDigits(m / 60, to: &out)
    out.append(UInt8(ascii: ":"))
    appendTwoDigits(m % 60, to: &out)
  }
}

@inline(__always)
func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
  out.append(UInt8(ascii: "0") + UInt8(value / 10))
  out.append(UInt8(ascii: "0") + UInt8(value % 10))
}

/// A FHIRPath Date or DateTime: a calendar date and optional time of day, known to some
/// precision, with an optional time-zone offset.
///
/// The same type backs both System types (``FHIRPathValue/date(_:)`` and
/// ``FHIRPathValue/dateTime(_:)``); a Date simply never has a precision finer than `.day`.
/// Fields below the precision are 0 (or 1 for month and day) and are not significant. The
/// fraction of a second keeps its written digits, so printing reproduces `13:28:17.12345`.
/// `==` is structural; FHIRPath comparison is ``compare(_:_:)``.
package struct PartialDateTime: Hashable, Sendable {
  /// The finest field present. Seconds and their fraction count as one precision, as in N1.
  package enum Precision: UInt8, Comparable, Sendable, CaseIterable {
    case year, month, day, hour, minute, second

    package static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
  }

  package var year: Int16 = 1
  package var month: UInt8 = 1
  package var day: UInt8 = 1
  package var hour: UInt8 = 0
  package var minute: UInt8 = 0
  package var second: UInt8 = 0
  /// The fraction-of-second digits as an integer (`.120` → 120 with `fractionDigits` 3).
  package var fraction: UInt64 = 0
  /// How many fraction digits were written; 0 means none.
  package var fractionDigits: UInt8 = 0
  package var precision: Precision = .year
  package var offset: TimeZoneOffset?

  package init() {}

  /// A value with the given fields; fields finer than `precision` are ignored.
  package init(
    year: Int, month: Int = 1, day: Int = 1, hour: Int = 0, minute: Int = 0, second: Int = 0,
    millisecond: Int? = nil, precision: Precision, offset: TimeZoneOffset? = nil
  ) {
    self.year = Int16(year)
    self.month = UInt8(month)
    self.day = UInt8(day)
    self.hour = UInt8(hour)
    self.minute = UInt8(minute)
    self.second = UInt8(second)
    if let millisecond, precision == .second {
      fraction = UInt64(millisecond)
      fractionDigits = 3
    }
    self.precision = precision
    self.offset = offset
    clearInsignificantFields()
  }

  /// Whether a time of day is present (precision hour or finer).
  package var hasTime: Bool { precision >= .hour }

  /// The fraction of a second in whole milliseconds (truncated), 0…999.
  package var millisecond: Int { Self.milliseconds(fraction, digits: fractionDigits) }

  package static func milliseconds(_ fraction: UInt64, digits: UInt8) -> Int {
    var f = fraction
    var d = Int(digits)
    while d > 3 {
      f /= 10
      d -= 1
    }
    while d < 3 {
      f *= 10
      d += 1
    }
    return Int(f)
  }

  package mutating func clearInsignificantFields() {
    if precision < .month { month = 1 }
    if precision < .day { day = 1 }
    if precision < .hour { hour = 0 }
    if precision < .minute { minute = 0 }
    if precision < .second {
      second = 0
      fraction = 0
      fractionDigits = 0
    }
  }

  /// The value truncated to `precision` (for `toDate()` of a dateTime); offsets are kept only
  /// when a time remains.
  package func truncated(to newPrecision: Precision) -> PartialDateTime {
    guard newPrecision < precision else { return self }
    var copy = self
    copy.precision = newPrecision
    copy.clearInsignificantFields()
    if !copy.hasTime { copy.offset = nil }
    return copy
  }
}

// MARK: - Parsing

extension PartialDateTime {
  /// Parses FHIR `date` text: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with an optional offset
  /// (tolerated, as Firely does). Nil when the text is not exactly that.
  package init?(fhirDate text: UnsafeBufferPointer<UInt8>) {
    var value = PartialDateTime()
    var scanner = TemporalScanner(text)
    guard scanner.scanDate(into: &value) else { return nil }
    value.offset = scanner.scanOffset()
    guard scanner.atEnd else { return nil }
    self = value
  }

  /// Parses FHIR `dateTime` / `instant` text: `YYYY[-MM[-DD[Thh[:mm[:ss[.f+]]]]]]` with an
  /// optional `Z` or `±hh:mm` (also after a date alone: `2001-01-01Z`). Nil otherwise.
  package init?(fhirDateTime text: UnsafeBufferPointer<UInt8>) {
    var value = PartialDateTime()
    var scanner = TemporalScanner(text)
    guard scanner.scanDate(into: &value) else { return nil }
    if value.precision == .day, scanner.peek() == UInt8(ascii: "T") {
      scanner.index += 1
      guard
        let p = scanner.scanTime(
          hour: &value.hour, minute: &value.minute, second: &value.second,
          fraction: &value.fraction, fractionDigits: &value.fractionDigits)
      else { return nil }
      value.precision = p
    }
    value.offset = scanner.scanOffset()
    guard scanner.atEnd else { return nil }
    self = value
  }

  /// Parses date text from a byte array; see ``init(fhirDate:)``.
  package init?(fhirDate bytes: [UInt8]) {
    guard let v = bytes.withUnsafeBufferPointer({ PartialDateTime(fhirDate: $0) }) else {
      return nil
    }
    self = v
  }

  /// Parses dateTime text from a byte array; see ``init(fhirDateTime:)``.
  package init?(fhirDateTime bytes: [UInt8]) {
    guard let v = bytes.withUnsafeBufferPointer({ PartialDateTime(fhirDateTime: $0) }) else {
      return nil
    }
    self = v
  }

  /// Parses date text from a string; see ``init(fhirDate:)``.
  package init?(fhirDate text: String) { self.init(fhirDate: Array(text.utf8)) }

  /// Parses dateTime text from a string; see ``init(fhirDateTime:)``.
  package init?(fhirDateTime text: String) { self.init(fhirDateTime: Array(text.utf8)) }

  /// Scans a FHIRPath date or dateTime literal body (after the `@`) as far as it goes.
  ///
  /// Grammar: `YYYY(-MM(-DD)?)?` then, for a dateTime, `T` and optionally
  /// `hh(:mm(:ss(.f+)?)?)?` with an optional `Z`/`±hh:mm` after a time. Returns the value, whether
  /// it is a dateTime (a `T` was present), and the end index; nil when there is no valid date.
  package static func scanLiteral(_ text: UnsafeBufferPointer<UInt8>, from start: Int)
    -> (value: PartialDateTime, isDateTime: Bool, end: Int)?
  {
    var value = PartialDateTime()
    var scanner = TemporalScanner(text, at: start)
    guard scanner.scanDate(into: &value) else { return nil }
    guard scanner.peek() == UInt8(ascii: "T") else { return (value, false, scanner.index) }
    scanner.index += 1
    if value.precision == .day,
      let p = scanner.scanTime(
        hour: &value.hour, minute: &value.minute, second: &value.second,
        fraction: &value.fraction, fractionDigits: &value.fractionDigits)
    {
      value.precision = p
      value.offset = scanner.scanOffset()
    }
    return (value, true, scanner.index)
  }
}

// MARK: - Printing

extension PartialDateTime: CustomStringConvertible {
  /// Appends the text at the value's precision, without `@`: `2015`, `2015-02-07`,
  /// `2015-02-07T13:28:17.123+05:00`; fraction digits as written; the offset when present.
  package func appendText(to out: inout [UInt8]) {
    let y = Int(year)
    appendTwoDigits(y / 100, to: &out)
    appendTwoDigits(y % 100, to: &out)
    if precision >= .month {
      out.append(UInt8(ascii: "-"))
      appendTwoDigits(Int(month), to: &out)
    }
    if precision >= .day {
      out.append(UInt8(ascii: "-"))
      appendTwoDigits(Int(day), to: &out)
    }
    if precision >= .hour {
      out.append(UInt8(ascii: "T"))
      appendTimeOfDay(
        hour: hour, minute: minute, second: second, fraction: fraction,
        fractionDigits: fractionDigits, precision: precision, to: &out)
    }
    offset?.appendText(to: &out)
  }

  /// The text as bytes; see ``appendText(to:)``.
  package var text: [UInt8] {
    var out: [UInt8] = []
    appendText(to: &out)
    return out
  }

  package var description: String { String(decoding: text, as: UTF8.self) }
}

func appendTimeOfDay(
  hour: UInt8, minute: UInt8, second: UInt8, fraction: UInt64, fractionDigits: UInt8,
  precision: PartialDateTime.Precision, to out: inout [UInt8]
) {
  appendTwoDigits(Int(hour), to: &out)
  if precision >= .minute {
    out.append(UInt8(ascii: ":"))
    appendTwoDigits(Int(minute), to: &out)
  }
  if precision >= .second {
    out.append(UInt8(ascii: ":"))
    appendTwoDigits(Int(second), to: &out)
    if fractionDigits > 0 {
      out.append(UInt8(ascii: "."))
      var digits = [UInt8](repeating: UInt8(ascii: "0"), count: Int(fractionDigits))
      var f = fraction
      for k in stride(from: digits.count - 1, through: 0, by: -1) {
        digits[k] = UInt8(ascii: "0") + UInt8(f % 10)
        f /= 10
      }
      out.append(contentsOf: digits)
    }
  }
}

// MARK: - Comparison

/// Up to six field values, coarsest first, held inline (no heap allocation per comparison).
package struct TemporalFields {
  package var values: (Int, Int, Int, Int, Int, Int)
  /// How many of the six are used.
  package var count: Int

  subscript(unit: Int) -> Int {
    switch unit {
    case 0: values.0
    case 1: values.1
    case 2: values.2
    case 3: values.3
    case 4: values.4
    default: values.5
    }
  }
}

/// The common comparison walk of FHIRPath dates and times (Firely semantics).
///
/// `lhs` and `rhs` are UTC-normalised field values from the coarsest to the finest unit; unit
/// `k` is present on a side when `k < presentCount`. Walking from the coarsest unit: a
/// difference decides the order; a unit present on one side only gives nil (incomparable); a
/// unit present on neither side means equal. On reaching `hourUnit` with both sides present,
/// exactly one side having an offset gives nil.
func compareTemporalFields(
  _ lhs: TemporalFields, _ lhsCount: Int, _ lhsHasOffset: Bool,
  _ rhs: TemporalFields, _ rhsCount: Int, _ rhsHasOffset: Bool, hourUnit: Int
) -> Int? {
  for unit in 0..<lhs.count {
    let l = unit < lhsCount
    let r = unit < rhsCount
    if !l && !r { return 0 }
    if l != r { return nil }
    if unit == hourUnit && lhsHasOffset != rhsHasOffset { return nil }
    if lhs[unit] != rhs[unit] { return lhs[unit] < rhs[unit] ? -1 : 1 }
  }
  return 0
}

extension PartialDateTime {
  /// All fields converted to UTC (no offset counts as UTC), missing fields at their defaults:
  /// year, month, day, hour, minute, second × 1000 + millisecond.
  package func utcFields() -> TemporalFields {
    var y = Int(year)
    var mo = Int(month)
    var d = Int(day)
    var h = Int(hour)
    var mi = Int(minute)
    if let offset, offset.minutes != 0 {
      let days = CivilCalendar.dayNumber(year: y, month: mo, day: d)
      let total = days * 1440 + h * 60 + mi - Int(offset.minutes)
      let (dayNumber, minuteOfDay) = CivilCalendar.floorDivMod(total, 1440)
      (y, mo, d) = CivilCalendar.civilDate(dayNumber: dayNumber)
      h = minuteOfDay / 60
      mi = minuteOfDay % 60
    }
    return TemporalFields(values: (y, mo, d, h, mi, Int(second) * 1000 + millisecond), count: 6)
  }

  /// Orders two dates/dateTimes as FHIRPath (Firely) does: -1, 0, 1, or nil when the result is
  /// unknown.
  ///
  /// Both sides go to UTC (a side without offset is taken as UTC), then year, month, day, hour,
  /// minute and second-with-milliseconds are compared in turn. The first difference decides.
  /// A field present on one side only (before any difference) gives nil, as does reaching the
  /// hour with exactly one side carrying an offset. Dates and dateTimes mix freely (a date is a
  /// dateTime of day precision or coarser).
  package static func compare(_ a: PartialDateTime, _ b: PartialDateTime) -> Int? {
    compareTemporalFields(
      a.utcFields(), Int(a.precision.rawValue) + 1, a.offset != nil,
      b.utcFields(), Int(b.precision.rawValue) + 1, b.offset != nil, hourUnit: 3)
  }
}
