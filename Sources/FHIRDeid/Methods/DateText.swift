/// Reading FHIR date/dateTime/instant text the way Microsoft's anonymizer does (its regular
/// expressions, spec §4.2): the first 4-digit year other than `0000`, then an optional `-MM`
/// (01–12) and `-DD` (01–31), and for dateTime/instant an optional time group
/// `Thh:mm:ss(.f+)` followed by a mandatory zone (`Z` or `±hh:mm`, hours 00–13 or `14:00`).
struct DateText {
  var year = 0
  var month: Int?
  var day: Int?
  /// The byte range of the time group including the zone (`T13:28:17.123-05:00`), if present.
  var timeGroup: Range<Int>?
  /// The byte range of the zone inside the time group.
  var zone: Range<Int>?

  /// A calendar date (year, month, day).
  struct Day: Equatable, Sendable {
    var year: Int
    var month: Int
    var day: Int
  }

  /// Parses `text`; nil when no year is found.
  init?(_ text: [UInt8], allowTime: Bool) {
    let n = text.count
    func digit(_ i: Int) -> Int? {
      guard i < n, text[i] >= 0x30, text[i] <= 0x39 else { return nil }
      return Int(text[i] - 0x30)
    }
    func twoDigits(_ i: Int) -> Int? {
      guard let a = digit(i), let b = digit(i + 1) else { return nil }
      return a * 10 + b
    }
    var start = -1
    var i = 0
    while i + 4 <= n {
      if let a = digit(i), let b = digit(i + 1), let c = digit(i + 2), let d = digit(i + 3),
        a + b + c + d > 0
      {
        start = i
        year = a * 1000 + b * 100 + c * 10 + d
        break
      }
      i += 1
    }
    guard start >= 0 else { return nil }
    var at = start + 4
    if at < n, text[at] == UInt8(ascii: "-"), let m = twoDigits(at + 1), (1...12).contains(m) {
      month = m
      at += 3
      if at < n, text[at] == UInt8(ascii: "-"), let d = twoDigits(at + 1), (1...31).contains(d) {
        day = d
        at += 3
        if allowTime { (timeGroup, zone) = DateText.timeGroup(text, at: at) }
      }
    }
  }

  /// The time group starting at `at` (`Thh:mm:ss(.f+)zone`), if it is complete.
  private static func timeGroup(_ text: [UInt8], at start: Int) -> (Range<Int>?, Range<Int>?) {
    let n = text.count
    func two(_ i: Int, max: Int) -> Bool {
      guard i + 1 < n, (0x30...0x39).contains(text[i]), (0x30...0x39).contains(text[i + 1]) else {
        return false
      }
      return Int(text[i] - 0x30) * 10 + Int(text[i + 1] - 0x30) <= max
    }
    guard start < n, text[start] == UInt8(ascii: "T"), two(start + 1, max: 23),
      start + 3 < n, text[start + 3] == UInt8(ascii: ":"), two(start + 4, max: 59),
      start + 6 < n, text[start + 6] == UInt8(ascii: ":"), two(start + 7, max: 60)
    else { return (nil, nil) }
    var at = start + 9
    if at < n, text[at] == UInt8(ascii: ".") {
      var j = at + 1
      while j < n, (0x30...0x39).contains(text[j]) { j += 1 }
      guard j > at + 1 else { return (nil, nil) }
      at = j
    }
    guard at < n else { return (nil, nil) }
    if text[at] == UInt8(ascii: "Z") { return (start..<(at + 1), at..<(at + 1)) }
    guard text[at] == UInt8(ascii: "+") || text[at] == UInt8(ascii: "-"), two(at + 1, max: 14),
      at + 3 < n, text[at + 3] == UInt8(ascii: ":"), two(at + 4, max: 59)
    else { return (nil, nil) }
    let hours = Int(text[at + 1] - 0x30) * 10 + Int(text[at + 2] - 0x30)
    let minutes = Int(text[at + 4] - 0x30) * 10 + Int(text[at + 5] - 0x30)
    guard hours <= 13 || (hours == 14 && minutes == 0) else { return (nil, nil) }
    return (start..<(at + 6), at..<(at + 6))
  }

  /// Whether the value is "indicative of age over 89" on `today` (month and day default to 1).
  func indicatesAgeOver89(today: Day) -> Bool {
    let m = month ?? 1
    let d = day ?? 1
    var age = today.year - year
    if today.month < m || (today.month == m && today.day < d) { age -= 1 }
    return age > 89
  }

  /// The year as four digits.
  var yearText: [UInt8] { DateText.digits(year, width: 4) }

  /// Appends `value` as `width` decimal digits (zero-padded).
  static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
    let start = out.count
    out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    var v = value
    var i = start + width - 1
    while i >= start {
      out[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      i -= 1
    }
  }

  static func digits(_ value: Int, width: Int) -> [UInt8] {
    var out = [UInt8](repeating: UInt8(ascii: "0"), count: width)
    var v = value
    var i = width - 1
    while i >= 0 {
      out[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      i -= 1
    }
    return out
  }
}
