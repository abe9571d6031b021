/// A FHIRPath Time: a time of day known to hour, minute or second (with fraction) precision,
/// with an optional offset (FHIR `time` text may carry one; FHIRPath literals do not).
///
/// `==` is structural; FHIRPath comparison is ``compare(_:_:)``.
package struct PartialTime: Hashable, Sendable {
  package var hour: UInt8 = 0
  package var minute: UInt8 = 0
  package var second: UInt8 = 0
  /// Fraction-of-second digits as an integer; see ``PartialDateTime/fraction``.
  package var fraction: UInt64 = 0
  package var fractionDigits: UInt8 = 0
  /// `.hour`, `.minute` or `.second`.
  package var precision: PartialDateTime.Precision = .hour
  package var offset: TimeZoneOffset?

  package init() {}

  /// A time with the given fields; fields finer than `precision` are ignored.
  package init(
    hour: Int, minute: Int = 0, second: Int = 0, millisecond: Int? = nil,
    precision: PartialDateTime.Precision, offset: TimeZoneOffset? = nil
  ) {
    self.hour = UInt8(hour)
    self.minute = precision >= .minute ? UInt8(minute) : 0
    self.second = precision >= .second ? UInt8(second) : 0
    if let millisecond, precision == .second {
      fraction = UInt64(millisecond)
      fractionDigits = 3
    }
    self.precision = max(precision, .hour)
    self.offset = offset
  }

  /// The fraction of a second in whole milliseconds (truncated).
  package var millisecond: Int { PartialDateTime.milliseconds(fraction, digits: fractionDigits) }

  /// Milliseconds since midnight of the written fields (offset ignored).
  package var millisecondOfDay: Int {
    ((Int(hour) * 60 + Int(minute)) * 60 + Int(second)) * 1000 + millisecond
  }

  /// Parses FHIR `time` text `hh[:mm[:ss[.f+]]]` with an optional `Z`/`±hh:mm`; nil otherwise.
  package init?(fhirTime text: UnsafeBufferPointer<UInt8>) {
    var value = PartialTime()
    var scanner = TemporalScanner(text)
    guard
      let p = scanner.scanTime(
        hour: &value.hour, minute: &value.minute, second: &value.second,
        fraction: &value.fraction, fractionDigits: &value.fractionDigits)
    else { return nil }
    value.precision = p
    value.offset = scanner.scanOffset()
    guard scanner.atEnd else { return nil }
    self = value
  }

  /// Parses time text from a byte array; see ``init(fhirTime:)``.
  package init?(fhirTime bytes: [UInt8]) {
    guard let v = bytes.withUnsafeBufferPointer({ PartialTime(fhirTime: $0) }) else { return nil }
    self = v
  }

  /// Parses time text from a string; see ``init(fhirTime:)``.
  package init?(fhirTime text: String) { self.init(fhirTime: Array(text.utf8)) }

  /// Scans a FHIRPath time literal body (after `@T`): `hh(:mm(:ss(.f+)?)?)?`, no offset.
  package static func scanLiteral(_ text: UnsafeBufferPointer<UInt8>, from start: Int)
    -> (value: PartialTime, end: Int)?
  {
    var value = PartialTime()
    var scanner = TemporalScanner(text, at: start)
    guard
      let p = scanner.scanTime(
        hour: &value.hour, minute: &value.minute, second: &value.second,
        fraction: &value.fraction, fractionDigits: &value.fractionDigits)
    else { return nil }
    value.precision = p
    return (value, scanner.index)
  }

  /// Orders two times as Firely does: -1, 0, 1, or nil when unknown.
  ///
  /// Both go to UTC on a notional common day (so `01:00+02:00` is 23:00 of the day before and
  /// orders before `00:30`), then day, hour, minute and second-with-milliseconds are compared
  /// like ``PartialDateTime/compare(_:_:)``, including the rule that exactly one side with an
  /// offset is incomparable.
  package static func compare(_ a: PartialTime, _ b: PartialTime) -> Int? {
    compareTemporalFields(
      a.utcFields(), Int(a.precision.rawValue) - 1, a.offset != nil,
      b.utcFields(), Int(b.precision.rawValue) - 1, b.offset != nil, hourUnit: 1)
  }

  /// Day shift, hour, minute, second × 1000 + millisecond, in UTC.
  package func utcFields() -> TemporalFields {
    let total = Int(hour) * 60 + Int(minute) - Int(offset?.minutes ?? 0)
    let (dayShift, minuteOfDay) = CivilCalendar.floorDivMod(total, 1440)
    return TemporalFields(
      values: (
        dayShift, minuteOfDay / 60, minuteOfDay % 60, Int(second) * 1000 + millisecond, 0, 0
      ),
      count: 4)
  }
}

extension PartialTime: CustomStringConvertible {
  /// Appends `hh`, `hh:mm` or `hh:mm:ss(.f+)` and the offset if any (no `@T`).
  package func appendText(to out: inout [UInt8]) {
    appendTimeOfDay(
      hour: hour, minute: minute, second: second, fraction: fraction,
      fractionDigits: fractionDigits, precision: precision, to: &out)
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
