/// Reads the pieces of ISO-8601 dates, times and offsets from bytes, validating field ranges.
///
/// Each `scan…` method advances `index` only on success, so callers can try a piece and fall
/// back (the literal `@2015-1-1` is the date `@2015` followed by `- 1 - 1`).
package struct TemporalScanner {
  package let bytes: UnsafeBufferPointer<UInt8>
  package var index: Int

  package init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
    self.bytes = bytes
    self.index = index
  }

  package var atEnd: Bool { index >= bytes.count }

  package func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  package func digits(at start: Int, count: Int) -> Int? {
    guard start + count <= bytes.count else { return nil }
    var value = 0
    for k in start..<(start + count) {
      let d = bytes[k] &- UInt8(ascii: "0")
      guard d < 10 else { return nil }
      value = value * 10 + Int(d)
    }
    return value
  }

  /// `YYYY(-MM(-DD)?)?` with a valid month and day; year 0001…9999.
  package mutating func scanDate(into value: inout PartialDateTime) -> Bool {
    guard let year = digits(at: index, count: 4), year >= 1 else { return false }
    value.year = Int16(year)
    value.precision = .year
    index += 4
    guard peek() == UInt8(ascii: "-"), let month = digits(at: index + 1, count: 2) else {
      return true
    }
    guard (1...12).contains(month) else { return false }
    value.month = UInt8(month)
    value.precision = .month
    index += 3
    guard peek() == UInt8(ascii: "-"), let day = digits(at: index + 1, count: 2) else {
      return true
    }
    guard day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
      return false
    }
    value.day = UInt8(day)
    value.precision = .day
    index += 3
    return true
  }

  /// `hh(:mm(:ss(.f+)?)?)?` with hours 0…23, minutes and seconds 0…59, at most 18 fraction
  /// digits. Returns the precision reached, or nil (index unchanged) when no hour is there or a
  /// field is out of range.
  package mutating func scanTime(
    hour: inout UInt8, minute: inout UInt8, second: inout UInt8,
    fraction: inout UInt64, fractionDigits: inout UInt8
  ) -> PartialDateTime.Precision? {
    guard let h = digits(at: index, count: 2), h <= 23 else { return nil }
    hour = UInt8(h)
    index += 2
    guard peek() == UInt8(ascii: ":"), let m = digits(at: index + 1, count: 2) else {
      return .hour
    }
    guard m <= 59 else { return nil }
    minute = UInt8(m)
    index += 3
    guard peek() == UInt8(ascii: ":"), let s = digits(at: index + 1, count: 2) else {
      return .minute
    }
    guard s <= 59 else { return nil }
    second = UInt8(s)
    index += 3
    if peek() == UInt8(ascii: "."), let first = peek(1), first &- UInt8(ascii: "0") < 10 {
      index += 1
      var value: UInt64 = 0
      var count = 0
      while let b = peek(), b &- UInt8(ascii: "0") < 10 {
        count += 1
        guard count <= 18 else { return nil }
        value = value * 10 + UInt64(b &- UInt8(ascii: "0"))
        index += 1
      }
      fraction = value
      fractionDigits = UInt8(count)
    }
    return .second
  }

  /// `Z` or `±hh:mm` with at most 14:00 (the .NET limit). Nil (index unchanged) otherwise.
  package mutating func scanOffset() -> TimeZoneOffset? {
    guard let b = peek() else { return nil }
    if b == UInt8(ascii: "Z") {
      index += 1
      return TimeZoneOffset(minutes: 0, isZulu: true)
    }
    guard b == UInt8(ascii: "+") || b == UInt8(ascii: "-"),
      let h = digits(at: index + 1, count: 2), peek(3) == UInt8(ascii: ":"),
      let m = digits(at: index + 4, count: 2), m <= 59, h * 60 + m <= 14 * 60
    else { return nil }
    index += 6
    let minutes = h * 60 + m
    return TimeZoneOffset(
      minutes: Int16(b == UInt8(ascii: "-") ? -minutes : minutes), isZulu: false)
  }
}
