/// The identifier patterns `fhir-deid audit` looks for inside string values.
package enum AuditPattern: Int, CaseIterable, Sendable {
  /// A US Social Security number written `ddd-dd-dddd`.
  case ssn
  /// A North American phone number: `ddd-ddd-dddd`, `(ddd) ddd-dddd`, `ddd.ddd.dddd`,
  /// `ddd ddd dddd`, optionally after `+1` or `1`.
  case phone
  /// An e-mail address: `local@domain.tld`.
  case email
  /// A dotted-quad IPv4 address (each part 0–255), not part of a longer dotted number (an OID).
  case ipv4
  /// An IPv6 address of eight groups, or with one `::` (no embedded IPv4 form).
  case ipv6
  /// A URL: `http://`, `https://` or `ftp://` followed by something, or `www.` and a name.
  case url

  /// The check's name in reports (`--format json`).
  package var name: String {
    switch self {
    case .ssn: "ssn"
    case .phone: "phone"
    case .email: "email"
    case .ipv4: "ipv4"
    case .ipv6: "ipv6"
    case .url: "url"
    }
  }
}

/// A set of ``AuditPattern``s.
package struct AuditPatternSet: OptionSet, Sendable, Hashable {
  package var rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }
  package init(_ pattern: AuditPattern) { rawValue = 1 << UInt8(pattern.rawValue) }

  package func contains(_ pattern: AuditPattern) -> Bool { contains(AuditPatternSet(pattern)) }
  package var patterns: [AuditPattern] { AuditPattern.allCases.filter { contains($0) } }
}

/// Hand-written byte matchers for ``AuditPattern`` (no regular expressions on the hot path).
///
/// One pass over the bytes, O(n) apart from short bounded look-aheads; no allocation. A match
/// must stand on its own: a character that would continue it (a letter, a digit, and for
/// numbers a `-` or `.` followed by a digit) on either side rejects it, so dates
/// (`2019-03-04`), OIDs (`2.16.840.1.113883`), UUIDs and hex digests do not match.
package enum AuditPatterns {
  /// The patterns that occur in `text`.
  package static func find(in text: UnsafeRawBufferPointer) -> AuditPatternSet {
    var found: AuditPatternSet = []
    let n = text.count
    var i = 0
    while i < n {
      let b = text[i]
      if isDigit(b) {
        if startsNumber(text, i) {
          if !found.contains(.ssn), ssn(text, i) { found.insert(AuditPatternSet(.ssn)) }
          if !found.contains(.phone), phone(text, i) { found.insert(AuditPatternSet(.phone)) }
          if !found.contains(.ipv4), ipv4(text, i) { found.insert(AuditPatternSet(.ipv4)) }
        }
      } else if b == UInt8(ascii: "(") || b == UInt8(ascii: "+") {
        if !found.contains(.phone), phone(text, i) { found.insert(AuditPatternSet(.phone)) }
      } else if b == UInt8(ascii: "@") {
        if !found.contains(.email), email(text, at: i) { found.insert(AuditPatternSet(.email)) }
      } else if !found.contains(.url),
        b | 0x20 == UInt8(ascii: "h") || b | 0x20 == UInt8(ascii: "f")
          || b | 0x20 == UInt8(ascii: "w")
      {
        if url(text, i) { found.insert(AuditPatternSet(.url)) }
      }
      if !found.contains(.ipv6), isHex(b) || b == UInt8(ascii: ":"), ipv6(text, i) {
        found.insert(AuditPatternSet(.ipv6))
      }
      i &+= 1
    }
    return found
  }

  /// The patterns that occur in `text` (for tests and configuration-time checks).
  package static func find(_ text: String) -> AuditPatternSet {
    Array(text.utf8).withUnsafeBytes { find(in: $0) }
  }

  // MARK: Character classes

  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  @inline(__always) static func isLetter(_ b: UInt8) -> Bool {
    (b | 0x20) &- 0x61 < 26 || b >= 0x80
  }
  @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
  @inline(__always) static func isHex(_ b: UInt8) -> Bool {
    isDigit(b) || (b | 0x20) &- 0x61 < 6
  }

  /// Whether a number may start at `i`: the byte before is not a letter, a digit, or a `-`, `.`
  /// or `+` that would make it the continuation of another number.
  private static func startsNumber(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    guard i > 0 else { return true }
    let p = t[i - 1]
    if isAlnum(p) { return false }
    if p == UInt8(ascii: "-") || p == UInt8(ascii: ".") {
      return !(i >= 2 && isAlnum(t[i - 2]))
    }
    return true
  }

  /// Whether a number may end before `i`: no letter or digit follows, nor a `-` or `.` followed
  /// by a digit.
  private static func endsNumber(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    guard i < t.count else { return true }
    let b = t[i]
    if isAlnum(b) { return false }
    if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
      return !(i + 1 < t.count && isDigit(t[i + 1]))
    }
    return true
  }

  /// The number of consecutive digits at `i`, at most `limit + 1`.
  private static func digits(_ t: UnsafeRawBufferPointer, _ i: Int, limit: Int) -> Int {
    var j = i
    while j < t.count, j - i <= limit, isDigit(t[j]) { j += 1 }
    return j - i
  }

  // MARK: Matchers

  /// `ddd-dd-dddd` at `i`.
  static func ssn(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    guard i + 11 <= t.count, digits(t, i, limit: 3) == 3, t[i + 3] == UInt8(ascii: "-"),
      digits(t, i + 4, limit: 2) == 2, t[i + 6] == UInt8(ascii: "-"),
      digits(t, i + 7, limit: 4) == 4
    else { return false }
    return endsNumber(t, i + 11)
  }

  /// A NANP phone number starting at `i` (a digit, `(` or `+`).
  static func phone(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    let n = t.count
    var at = i
    func isSeparator(_ j: Int) -> Bool {
      j < n && (t[j] == UInt8(ascii: "-") || t[j] == UInt8(ascii: ".") || t[j] == UInt8(ascii: " "))
    }
    // 1. An optional country code: `+1` or `1`, then a separator (or `(`).
    if t[at] == UInt8(ascii: "+") {
      guard at + 1 < n, t[at + 1] == UInt8(ascii: "1") else { return false }
      at += 2
      if isSeparator(at) { at += 1 }
    } else if t[at] == UInt8(ascii: "1"), at + 1 < n, isSeparator(at + 1) || t[at + 1] == 0x28 {
      at += isSeparator(at + 1) ? 2 : 1
    }
    // 2. The area code: `(ddd)` and an optional space, or `ddd` and a separator.
    if at < n, t[at] == UInt8(ascii: "(") {
      guard digits(t, at + 1, limit: 3) == 3, at + 4 < n, t[at + 4] == UInt8(ascii: ")") else {
        return false
      }
      at += 5
      if at < n, t[at] == UInt8(ascii: " ") || t[at] == UInt8(ascii: "-") { at += 1 }
    } else {
      guard digits(t, at, limit: 3) == 3, isSeparator(at + 3) else { return false }
      at += 4
    }
    // 3. The exchange, a separator and the line number.
    guard digits(t, at, limit: 3) == 3, isSeparator(at + 3), digits(t, at + 4, limit: 4) == 4
    else { return false }
    return endsNumber(t, at + 8)
  }

  /// A dotted quad at `i`.
  static func ipv4(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    var at = i
    for part in 0..<4 {
      let count = digits(t, at, limit: 3)
      guard (1...3).contains(count) else { return false }
      var value = 0
      for j in at..<(at + count) { value = value * 10 + Int(t[j] - 0x30) }
      guard value <= 255 else { return false }
      at += count
      if part < 3 {
        guard at < t.count, t[at] == UInt8(ascii: ".") else { return false }
        at += 1
      }
    }
    return endsNumber(t, at)
  }

  /// An IPv6 address at `i`: eight groups of 1–4 hex digits, or fewer with exactly one `::`.
  static func ipv6(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    let n = t.count
    if i > 0 {
      let p = t[i - 1]
      if isAlnum(p) || p == UInt8(ascii: ":") || p == UInt8(ascii: ".") { return false }
    }
    var at = i
    var groups = 0
    var compressed = false
    if at + 1 < n, t[at] == UInt8(ascii: ":") {
      guard t[at + 1] == UInt8(ascii: ":") else { return false }
      compressed = true
      at += 2
    }
    while at < n {
      var j = at
      while j < n, j - at < 5, isHex(t[j]) { j += 1 }
      let width = j - at
      if width == 0 { break }
      guard width <= 4 else { return false }
      groups += 1
      at = j
      guard at < n, t[at] == UInt8(ascii: ":") else { break }
      if at + 1 < n, t[at + 1] == UInt8(ascii: ":") {
        guard !compressed else { return false }
        compressed = true
        at += 2
      } else {
        guard at + 1 < n, isHex(t[at + 1]) else { return false }  // a trailing single `:`
        at += 1
      }
    }
    if at < n, isAlnum(t[at]) || t[at] == UInt8(ascii: ".") { return false }
    return compressed ? (2...7).contains(groups) : groups == 8
  }

  /// An e-mail address around the `@` at `at`.
  static func email(_ t: UnsafeRawBufferPointer, at: Int) -> Bool {
    func isLocal(_ b: UInt8) -> Bool {
      isAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
        || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
    guard at > 0, isLocal(t[at - 1]) else { return false }
    // Labels of letters, digits and `-`, separated by single dots; the last one (the top-level
    // domain) of two or more letters.
    var j = at + 1
    var labels = 0
    var lastLetters = true
    var lastLength = 0
    while j < t.count {
      let start = j
      var letters = true
      while j < t.count, isAlnum(t[j]) || t[j] == UInt8(ascii: "-") {
        if !isLetter(t[j]) { letters = false }
        j += 1
      }
      guard j > start else { break }
      labels += 1
      lastLetters = letters
      lastLength = j - start
      guard j + 1 < t.count, t[j] == UInt8(ascii: "."), isAlnum(t[j + 1]) else { break }
      j += 1
    }
    return labels >= 2 && lastLetters && lastLength >= 2
  }

  /// A URL at `i`: a scheme `http://`, `https://`, `ftp://` (any case) followed by a character
  /// that is not white space or a quote, or `www.` followed by a letter or digit. The XHTML
  /// namespace of every narrative (`http://www.w3.org/1999/xhtml`) is not a URL here.
  static func url(_ t: UnsafeRawBufferPointer, _ i: Int) -> Bool {
    if i > 0, isAlnum(t[i - 1]) { return false }
    func has(_ literal: StaticString, at j: Int) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard j + count <= t.count else { return false }
      let p = literal.utf8Start
      for k in 0..<count where t[j + k] | 0x20 != p[k] | 0x20 { return false }
      return true
    }
    var end = -1
    if has("https://", at: i) {
      end = i + 8
    } else if has("http://", at: i) {
      end = i + 7
    } else if has("ftp://", at: i) {
      end = i + 6
    } else if has("www.", at: i) {
      return i + 4 < t.count && isAlnum(t[i + 4]) && !has("www.w3.org/1999/xhtml", at: i)
    }
    guard end >= 0, end < t.count else { return false }
    let b = t[end]
    guard b > 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "'") else { return false }
    if has("www.w3.org/1999/xhtml", at: end) { return false }
    return true
  }
}
