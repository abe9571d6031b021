extension R4 {
  /// True when `bytes` is a value of the primitive type `type` as FHIR R4 writes it: it matches
  /// the whole of the specification's regex for the type (`lexicalPattern(of:)`) and keeps the
  /// rules the R4 datatypes page states for it.
  ///
  /// `bytes` is the value's text: for a JSON string its contents after unescaping, for a JSON
  /// number or boolean the token itself. Whether the JSON kind is the right one (a number for
  /// `integer`, a string for `date`) is the caller's question. The regexes are read as in
  /// `fhir-base.xsd`, where they come from: `\s` is XML Schema white space (space, tab, LF, CR)
  /// and `\S` any other character. Beyond the regexes:
  /// - `date`, `dateTime`, `instant`: the day exists in its month (`2021-02-29` is not a date;
  ///   "dates SHALL be valid dates");
  /// - `integer`: −2,147,483,648 … 2,147,483,647; `unsignedInt`: 0 … 2,147,483,647;
  ///   `positiveInt`: 1 … 2,147,483,647;
  /// - `string`: at most `maximumLength(of:)` (1,048,576) characters;
  /// - `xhtml`, which has no regex: one `div` element, judged by its first and last bytes only
  ///   (after white space it starts with `<div` and ends with `>`); not an XML parser.
  ///
  /// Non-primitive types are never valid. Linear in `bytes.count`, does not allocate. `bytes`
  /// must be UTF-8, as the JSON scanner guarantees.
  package static func isLexicallyValid(_ bytes: UnsafeRawBufferPointer, as type: FHIRType) -> Bool {
    let t = R4Lexical(bytes)
    switch type {
    case .boolean: return t.isBoolean()
    case .integer: return t.isInteger(signed: true, minimum: 0)
    case .unsignedInt: return t.isInteger(signed: false, minimum: 0)
    case .positiveInt: return t.isInteger(signed: false, minimum: 1)
    case .decimal: return t.isDecimal()
    case .date: return t.isDate()
    case .dateTime: return t.isDateTime()
    case .instant: return t.isInstant()
    case .time: return t.isTime()
    case .string: return t.isString(maximumLength: R4Validity.shared.stringMaximumLength)
    case .markdown: return !bytes.isEmpty
    case .code: return t.isCode()
    case .id: return t.isID()
    case .uri, .url, .canonical: return t.hasNoSpace()
    case .oid: return t.isOID()
    case .uuid: return t.isUUID()
    case .base64Binary: return t.isBase64()
    case .xhtml: return t.isXHTMLDiv()
    default: return false
    }
  }
}

/// The scanners behind `R4.isLexicallyValid(_:as:)`, one per lexical form of R4, over the bytes
/// of one value. Each reads the bytes once, front to back, and keeps only integers.
///
/// The doc comment of each scanner quotes the regex it implements, from the `value` element of
/// the type's StructureDefinition in hl7.fhir.r4.core 4.0.1.
struct R4Lexical {
  let bytes: UnsafeRawBufferPointer

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// The largest value of `integer`, `unsignedInt` and `positiveInt`: 2³¹ − 1.
  static let int32Max = 2_147_483_647

  // MARK: Bytes

  /// True for XML Schema white space, the `\s` of the R4 regexes: space, tab, LF, CR.
  @inline(__always)
  static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }

  @inline(__always)
  static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

  /// True when no byte is below `!` (0x21): no white space and no control character. Reads
  /// eight bytes at a time (a byte below 0x21 sets its high bit in `(w - 0x21…) & ~w`); bytes
  /// of UTF-8 sequences (0x80 and up) never count. The fast path of the white-space checks.
  func hasNoByteBelowExclamation() -> Bool {
    let n = bytes.count
    var i = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    while i &+ 8 <= n {
      let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if (w &- ones &* 0x21) & ~w & (ones &* 0x80) != 0 { return false }
      i &+= 8
    }
    while i < n {
      if bytes[i] < 0x21 { return false }
      i &+= 1
    }
    return true
  }

  /// The value of the `count` decimal digits at `i`, or nil when there are fewer.
  @inline(__always)
  func digits(at i: Int, count: Int) -> Int? {
    guard i >= 0, count <= bytes.count &- i else { return nil }
    var v = 0
    for k in i..<(i &+ count) {
      let b = bytes[k]
      guard Self.isDigit(b) else { return nil }
      v = v &* 10 &+ Int(b &- UInt8(ascii: "0"))
    }
    return v
  }

  /// True when the byte at `i` exists and is `b`.
  @inline(__always)
  func byte(at i: Int, is b: UInt8) -> Bool { i < bytes.count && bytes[i] == b }

  /// True when `bytes[i...]` starts with `prefix` (ASCII).
  func hasPrefix(_ prefix: StaticString, at i: Int = 0) -> Bool {
    prefix.withUTF8Buffer { p in
      guard p.count <= bytes.count &- i else { return false }
      for k in 0..<p.count where bytes[i &+ k] != p[k] { return false }
      return true
    }
  }

  // MARK: Numbers

  /// `boolean`: `true|false`.
  func isBoolean() -> Bool {
    (bytes.count == 4 && hasPrefix("true")) || (bytes.count == 5 && hasPrefix("false"))
  }

  /// `integer`: `-?([0]|([1-9][0-9]*))`, within 32 bits (`signed`);
  /// `unsignedInt`: `[0]|([1-9][0-9]*)`, at most 2³¹ − 1 (`minimum` 0);
  /// `positiveInt`: `[1-9][0-9]*`, at most 2³¹ − 1 (`minimum` 1: `0` is not one).
  func isInteger(signed: Bool, minimum: Int) -> Bool {
    var i = 0
    let negative = signed && byte(at: 0, is: UInt8(ascii: "-"))
    if negative { i = 1 }
    let n = bytes.count &- i
    // 1. At least one digit; a leading 0 only as the whole number ("0", "-0").
    guard n >= 1, n <= 10, Self.isDigit(bytes[i]) else { return false }
    if bytes[i] == UInt8(ascii: "0") && n > 1 { return false }
    // 2. Ten digits fit in an Int, so the range check comes after the scan.
    guard let v = digits(at: i, count: n) else { return false }
    return v >= minimum && v <= (negative ? Self.int32Max + 1 : Self.int32Max)
  }

  /// `decimal`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (the JSON number grammar).
  func isDecimal() -> Bool {
    var i = byte(at: 0, is: UInt8(ascii: "-")) ? 1 : 0
    guard i < bytes.count, Self.isDigit(bytes[i]) else { return false }
    if bytes[i] == UInt8(ascii: "0") {
      i &+= 1
    } else {
      i = skipDigits(from: i)
    }
    if byte(at: i, is: UInt8(ascii: ".")) {
      let start = i &+ 1
      i = skipDigits(from: start)
      guard i > start else { return false }
    }
    if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i &+= 1
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        i &+= 1
      }
      let start = i
      i = skipDigits(from: start)
      guard i > start else { return false }
    }
    return i == bytes.count
  }

  /// The index of the first non-digit at or after `i`.
  @inline(__always)
  func skipDigits(from i: Int) -> Int {
    var i = i
    while i < bytes.count, Self.isDigit(bytes[i]) { i &+= 1 }
    return i
  }

  // MARK: Dates and times

  /// The days in `month` (1…12) of `year` in the proleptic Gregorian calendar.
  static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Scans a date at the start: `YYYY(-MM(-DD)?)?` with the R4 year
  /// `([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)` (four digits, not `0000`), month
  /// `0[1-9]|1[0-2]` and day `0[1-9]|[1-2][0-9]|3[0-1]` that exists in the month.
  ///
  /// Returns the index after the date and how many parts it has (1, 2 or 3), or nil.
  func scanDate() -> (end: Int, parts: Int)? {
    guard let year = digits(at: 0, count: 4), year != 0 else { return nil }
    guard byte(at: 4, is: UInt8(ascii: "-")) else { return (4, 1) }
    guard let month = digits(at: 5, count: 2), month >= 1, month <= 12 else { return nil }
    guard byte(at: 7, is: UInt8(ascii: "-")) else { return (7, 2) }
    guard let day = digits(at: 8, count: 2), day >= 1, day <= Self.days(inMonth: month, year: year)
    else { return nil }
    return (10, 3)
  }

  /// Scans a time at `i`: `([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?`.
  /// Returns the index after it, or nil.
  func scanTime(at i: Int) -> Int? {
    guard let hour = digits(at: i, count: 2), hour <= 23, byte(at: i &+ 2, is: UInt8(ascii: ":")),
      let minute = digits(at: i &+ 3, count: 2), minute <= 59,
      byte(at: i &+ 5, is: UInt8(ascii: ":")), let second = digits(at: i &+ 6, count: 2),
      second <= 60
    else { return nil }
    var end = i &+ 8
    if byte(at: end, is: UInt8(ascii: ".")) {
      let start = end &+ 1
      end = skipDigits(from: start)
      guard end > start else { return nil }
    }
    return end
  }

  /// True when `bytes[i...]` is exactly a time zone:
  /// `Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)`.
  func isZone(at i: Int) -> Bool {
    let n = bytes.count &- i
    if n == 1 { return bytes[i] == UInt8(ascii: "Z") }
    guard n == 6, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-"),
      let hour = digits(at: i &+ 1, count: 2), byte(at: i &+ 3, is: UInt8(ascii: ":")),
      let minute = digits(at: i &+ 4, count: 2)
    else { return false }
    return (hour <= 13 && minute <= 59) || (hour == 14 && minute == 0)
  }

  /// `date`: `YEAR(-MONTH(-DAY)?)?` (see `scanDate()`); a year alone is a date.
  func isDate() -> Bool {
    guard let (end, _) = scanDate() else { return false }
    return end == bytes.count
  }

  /// `dateTime`: `YEAR(-MONTH(-DAY(THH:MM:SS(\.[0-9]+)?ZONE)?)?)?`: a partial date, or a full
  /// date with a time that has seconds and a time zone.
  func isDateTime() -> Bool {
    guard let (end, parts) = scanDate() else { return false }
    if end == bytes.count { return true }
    guard parts == 3, byte(at: end, is: UInt8(ascii: "T")), let t = scanTime(at: end &+ 1)
    else { return false }
    return isZone(at: t)
  }

  /// `instant`: `YEAR-MONTH-DAYTHH:MM:SS(\.[0-9]+)?ZONE`: always to the second, always with
  /// a time zone (`2020`, `2020-01-01T10:00` and `2020-01-01T10:00:00` are not instants).
  func isInstant() -> Bool {
    guard let (end, parts) = scanDate(), parts == 3, byte(at: end, is: UInt8(ascii: "T")),
      let t = scanTime(at: end &+ 1)
    else { return false }
    return isZone(at: t)
  }

  /// `time`: `([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?` (no time zone).
  func isTime() -> Bool { scanTime(at: 0) == bytes.count }

  // MARK: Strings

  /// `string`: `[ \r\n\t\S]+`, any character, at least one, at most `maximumLength` of them.
  func isString(maximumLength: Int) -> Bool {
    guard !bytes.isEmpty else { return false }
    guard bytes.count > maximumLength else { return true }
    // Characters, not bytes: count the bytes that start a UTF-8 sequence.
    var characters = 0
    for b in bytes where b & 0xC0 != 0x80 {
      characters &+= 1
      if characters > maximumLength { return false }
    }
    return true
  }

  /// `code`: `[^\s]+(\s[^\s]+)*`: not empty, no white space at either end, none doubled.
  func isCode() -> Bool {
    if !bytes.isEmpty && hasNoByteBelowExclamation() { return true }
    let n = bytes.count
    guard n > 0, !Self.isSpace(bytes[0]), !Self.isSpace(bytes[n &- 1]) else { return false }
    var previousSpace = false
    for i in 0..<n {
      let space = Self.isSpace(bytes[i])
      if space && previousSpace { return false }
      previousSpace = space
    }
    return true
  }

  /// `id`: `[A-Za-z0-9\-\.]{1,64}`.
  func isID() -> Bool {
    guard bytes.count >= 1, bytes.count <= 64 else { return false }
    for b in bytes {
      let letter = (b | 0x20) &- UInt8(ascii: "a") < 26
      guard letter || Self.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else {
        return false
      }
    }
    return true
  }

  /// `uri`, `url`, `canonical`: `\S*`: no white space (empty is allowed by the regex).
  func hasNoSpace() -> Bool {
    if hasNoByteBelowExclamation() { return true }
    for b in bytes where Self.isSpace(b) { return false }
    return true
  }

  /// `oid`: `urn:oid:[0-2](\.(0|[1-9][0-9]*))+`.
  func isOID() -> Bool {
    guard hasPrefix("urn:oid:"), bytes.count > 8, bytes[8] &- UInt8(ascii: "0") < 3 else {
      return false
    }
    var i = 9
    var arcs = 0
    while i < bytes.count {
      // Each arc: a dot, then 0 or a number without a leading zero.
      guard bytes[i] == UInt8(ascii: "."), i &+ 1 < bytes.count, Self.isDigit(bytes[i &+ 1])
      else { return false }
      i = bytes[i &+ 1] == UInt8(ascii: "0") ? i &+ 2 : skipDigits(from: i &+ 1)
      arcs &+= 1
    }
    return arcs >= 1
  }

  /// `uuid`: `urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`
  /// (lower-case hex only).
  func isUUID() -> Bool {
    guard bytes.count == 45, hasPrefix("urn:uuid:") else { return false }
    for k in 9..<45 {
      let b = bytes[k]
      switch k &- 9 {
      case 8, 13, 18, 23:
        guard b == UInt8(ascii: "-") else { return false }
      default:
        guard Self.isDigit(b) || b &- UInt8(ascii: "a") < 6 else { return false }
      }
    }
    return true
  }

  /// `base64Binary`: `(\s*([0-9a-zA-Z\+/=]){4}\s*)+`: groups of four alphabet characters (or
  /// `=`, anywhere), white space only between groups and at the ends, at least one group.
  func isBase64() -> Bool {
    var i = 0
    var groups = 0
    while true {
      while i < bytes.count, Self.isSpace(bytes[i]) { i &+= 1 }
      if i == bytes.count { return groups > 0 }
      guard bytes.count &- i >= 4 else { return false }
      for k in i..<(i &+ 4) {
        let b = bytes[k]
        let alnum = Self.isDigit(b) || (b | 0x20) &- UInt8(ascii: "a") < 26
        guard alnum || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
        else { return false }
      }
      i &+= 4
      groups &+= 1
    }
  }

  /// `xhtml` (no regex in R4): after white space, starts with `<div` followed by white space,
  /// `>` or `/`, and ends with `>` before white space.
  func isXHTMLDiv() -> Bool {
    var start = 0
    var end = bytes.count
    while start < end, Self.isSpace(bytes[start]) { start &+= 1 }
    while end > start, Self.isSpace(bytes[end &- 1]) { end &-= 1 }
    guard end &- start >= 5, hasPrefix("<div", at: start) else { return false }
    let next = bytes[start &+ 4]
    guard Self.isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
      return false
    }
    return bytes[end &- 1] == UInt8(ascii: ">")
  }
}
