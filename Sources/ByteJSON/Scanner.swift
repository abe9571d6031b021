/// Validates one JSON text (RFC 8259) and records its tokens on a ``Tape``.
///
/// The scanner accepts exactly one value with optional surrounding whitespace (space, tab, CR,
/// LF). It checks everything RFC 8259 requires plus well-formed UTF-8 inside strings, paired
/// surrogate escapes, unique keys per object and a nesting limit. It never allocates once the
/// tape has grown to fit the largest line seen.
package struct JSONScanner: Sendable {
  /// The deepest container nesting accepted (`{"a":[1]}` has depth 2); deeper is `.tooDeep`.
  package var maxDepth = 128

  /// Creates a scanner with the given nesting limit.
  package init(maxDepth: Int = 128) {
    self.maxDepth = maxDepth
  }

  /// Scans `bytes` as one JSON text, replacing the contents of `tape` with its tokens.
  ///
  /// Tokens are filled in as documented on ``Token``; keys and strings containing escapes carry
  /// ``Token/Flag/hasEscapes``. Runs in O(n) for n bytes, plus O(m²) key comparisons for objects
  /// of up to 17 members and amortized O(m) beyond. The tape keeps its capacity, so scanning
  /// does not allocate in steady state.
  ///
  /// - Throws: ``JSONError`` with the offset of the offending byte: the start of the bad
  ///   literal, UTF-8 sequence or escape, the opening quote of a duplicate key or of an
  ///   unterminated string, or `bytes.count` for `.unexpectedEnd`. `.empty` and `.tooLarge`
  ///   (4 GiB or more) report offset 0. After a throw the tape's contents are unspecified.
  package func scan(_ bytes: UnsafeRawBufferPointer, into tape: inout Tape) throws(JSONError) {
    tape.tokens.removeAll(keepingCapacity: true)
    tape.keyTable.beginLine()
    let n = bytes.count
    guard n <= Int(UInt32.max) else { throw JSONError(.tooLarge, at: 0) }
    guard n > 0, let base = bytes.baseAddress else { throw JSONError(.empty, at: 0) }
    // Move the tape into the state (no copy, so appends stay unique) and back afterwards.
    var state = ScanState(base: base, count: n, maxDepth: maxDepth)
    swap(&state.tape, &tape)
    defer { swap(&state.tape, &tape) }
    try state.run()
  }
}

private enum ASCII {
  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let comma = UInt8(ascii: ",")
  static let colon = UInt8(ascii: ":")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
  static let openBracket = UInt8(ascii: "[")
  static let closeBracket = UInt8(ascii: "]")
  static let minus = UInt8(ascii: "-")
  static let plus = UInt8(ascii: "+")
  static let zero = UInt8(ascii: "0")
  static let dot = UInt8(ascii: ".")
  static let lowerE = UInt8(ascii: "e")
}

/// The scanner's working state for one line. Lives on the stack for the duration of a scan.
private struct ScanState {
  let base: UnsafeRawPointer
  let n: Int
  let maxDepth: Int
  var tape = Tape()
  /// The offset of the next byte to look at.
  var i = 0
  var depth = 0
  /// The token index of the innermost open container, or -1 at top level.
  var current = -1
  /// Whether the innermost open container is an object.
  var inObject = false

  /// Objects with more members than this switch from pairwise key comparison to the hash table.
  static let linearKeyLimit = 16
  /// Marks "no parent" in the link field of an open top-level container.
  static let noParent = UInt32.max

  init(base: UnsafeRawPointer, count: Int, maxDepth: Int) {
    self.base = base
    self.n = count
    self.maxDepth = maxDepth
  }

  @inline(__always)
  func byte(_ offset: Int) -> UInt8 {
    base.load(fromByteOffset: offset, as: UInt8.self)
  }

  @inline(__always)
  static func isDigit(_ c: UInt8) -> Bool { c &- ASCII.zero < 10 }

  @inline(__always)
  mutating func append(_ kind: Token.Kind, flags: UInt8 = 0, start: Int, end: Int) {
    tape.tokens.append(
      Token(
        kind: kind, flags: flags, start: UInt32(truncatingIfNeeded: start),
        end: UInt32(truncatingIfNeeded: end)))
  }

  /// Skips space, tab, CR and LF.
  @inline(__always)
  mutating func skipWhitespace() {
    // Bit k set for k in {9, 10, 13, 32}.
    let whitespace: UInt64 = 1 << 0x20 | 1 << 0x0D | 1 << 0x0A | 1 << 0x09
    while i < n {
      let c = byte(i)
      guard c <= 0x20, whitespace & (1 << UInt64(c)) != 0 else { return }
      i &+= 1
    }
  }

  /// Scans the whole text.
  ///
  /// The loop alternates between two steps: (1) scan a value starting at `i`, opening a
  /// container if it is one; (2) after a complete value, consume `,` (and the next key in an
  /// object) or the closing bracket of the innermost container, until another value is due.
  /// Open containers form a stack threaded through their start tokens: while open, `link` holds
  /// the parent's index and, for objects, `end` counts the members seen so far.
  mutating func run() throws(JSONError) {
    skipWhitespace()
    guard i < n else { throw JSONError(.empty, at: 0) }
    valueLoop: while true {
      // (1) A value starts at i; whitespace before it is already skipped.
      guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
      switch byte(i) {
      case ASCII.quote:
        try scanString(kind: .string)
      case ASCII.openBrace:
        try open(.objectStart)
        skipWhitespace()
        guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
        if byte(i) == ASCII.closeBrace {
          close(.objectEnd)
        } else {
          try scanMemberKey()
          continue valueLoop
        }
      case ASCII.openBracket:
        try open(.arrayStart)
        skipWhitespace()
        guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
        if byte(i) == ASCII.closeBracket {
          close(.arrayEnd)
        } else {
          continue valueLoop
        }
      case ASCII.minus, ASCII.zero...UInt8(ascii: "9"):
        try scanNumber()
      case UInt8(ascii: "t"):
        try scanLiteral(.true, word: 0x65_7572_74, length: 4)
      case UInt8(ascii: "f"):
        try scanLiteral(.false, word: 0x65_736c_6166, length: 5)
      case UInt8(ascii: "n"):
        try scanLiteral(.null, word: 0x6c_6c75_6e, length: 4)
      default:
        throw JSONError(.unexpectedByte, at: i)
      }
      // (2) A value just ended.
      while true {
        skipWhitespace()
        if current < 0 {
          if i < n { throw JSONError(.trailingContent, at: i) }
          return
        }
        guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
        let c = byte(i)
        if c == ASCII.comma {
          i &+= 1
          skipWhitespace()
          if inObject { try scanMemberKey() }
          continue valueLoop
        }
        if inObject {
          guard c == ASCII.closeBrace else { throw JSONError(.unexpectedByte, at: i) }
          close(.objectEnd)
        } else {
          guard c == ASCII.closeBracket else { throw JSONError(.unexpectedByte, at: i) }
          close(.arrayEnd)
        }
      }
    }
  }

  /// Pushes a container start token for the `{` or `[` at `i`.
  @inline(__always)
  mutating func open(_ kind: Token.Kind) throws(JSONError) {
    depth &+= 1
    if depth > maxDepth { throw JSONError(.tooDeep, at: i) }
    let index = tape.tokens.count
    let parent = current < 0 ? Self.noParent : UInt32(truncatingIfNeeded: current)
    tape.tokens.append(
      Token(kind: kind, start: UInt32(truncatingIfNeeded: i), end: 0, link: parent))
    current = index
    inObject = kind == .objectStart
    i &+= 1
  }

  /// Pushes the end token for the `}` or `]` at `i` and links it with the innermost start.
  @inline(__always)
  mutating func close(_ kind: Token.Kind) {
    let start = current
    let endIndex = tape.tokens.count
    let parent = tape.tokens[start].link
    let end = UInt32(truncatingIfNeeded: i &+ 1)
    tape.tokens[start].end = end
    tape.tokens[start].link = UInt32(truncatingIfNeeded: endIndex)
    tape.tokens.append(
      Token(
        kind: kind, start: UInt32(truncatingIfNeeded: i), end: end,
        link: UInt32(truncatingIfNeeded: start)))
    i &+= 1
    depth &-= 1
    if parent == Self.noParent {
      current = -1
      inObject = false
    } else {
      current = Int(parent)
      inObject = tape.tokens[current].kind == .objectStart
    }
  }

  /// Scans `"key"` and the `:` after it, then skips whitespace up to the value.
  mutating func scanMemberKey() throws(JSONError) {
    guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
    guard byte(i) == ASCII.quote else { throw JSONError(.unexpectedByte, at: i) }
    let keyIndex = tape.tokens.count
    try scanString(kind: .key)
    try checkDuplicate(keyIndex)
    skipWhitespace()
    guard i < n else { throw JSONError(.unexpectedEnd, at: n) }
    guard byte(i) == ASCII.colon else { throw JSONError(.unexpectedByte, at: i) }
    i &+= 1
    skipWhitespace()
  }

  // MARK: Strings

  /// A mask with the high bit set in each byte of `word` that is `"`, `\`, below 0x20 or at
  /// least 0x80.
  ///
  /// Uses the "has zero byte" trick: `(x - 0x01…) & ~x & 0x80…` flags zero bytes. Borrows can
  /// set false bits above a true one, but never below the lowest true one, so the lowest set
  /// bit, which is all the caller uses, is exact.
  @inline(__always)
  static func specialMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let quotes = word ^ (ones &* 0x22)
    let backslashes = word ^ (ones &* 0x5C)
    let hasQuote = (quotes &- ones) & ~quotes
    let hasBackslash = (backslashes &- ones) & ~backslashes
    let hasControl = (word &- ones &* 0x20) & ~word
    return (hasQuote | hasBackslash | hasControl | word) & (ones &* 0x80)
  }

  @inline(__always)
  static func isSpecial(_ c: UInt8) -> Bool {
    c == ASCII.quote || c == ASCII.backslash || c < 0x20 || c >= 0x80
  }

  /// Scans the string whose opening quote is at `i` and pushes a `kind` token for it.
  mutating func scanString(kind: Token.Kind) throws(JSONError) {
    let quote = i
    var j = i &+ 1
    var flags: UInt8 = 0
    while true {
      // Find the next byte that needs a look, 8 bytes at a time while they last.
      var found = false
      while j &+ 8 <= n {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: j, as: UInt64.self))
        let mask = Self.specialMask(word)
        if mask != 0 {
          j &+= mask.trailingZeroBitCount &>> 3
          found = true
          break
        }
        j &+= 8
      }
      if !found {
        while j < n && !Self.isSpecial(byte(j)) { j &+= 1 }
        guard j < n else { throw JSONError(.unterminatedString, at: quote) }
      }
      let c = byte(j)
      if c == ASCII.quote {
        append(kind, flags: flags, start: quote &+ 1, end: j)
        i = j &+ 1
        return
      }
      if c == ASCII.backslash {
        flags = Token.Flag.hasEscapes
        j = try scanEscape(at: j, quote: quote)
      } else if c < 0x20 {
        throw JSONError(.controlCharacter, at: j)
      } else {
        j = try scanUTF8(at: j)
      }
    }
  }

  /// Validates the escape whose backslash is at `j`; returns the offset after it.
  func scanEscape(at j: Int, quote: Int) throws(JSONError) -> Int {
    guard j &+ 1 < n else { throw JSONError(.unterminatedString, at: quote) }
    switch byte(j &+ 1) {
    case ASCII.quote, ASCII.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return j &+ 2
    case UInt8(ascii: "u"):
      let unit = try hexUnit(at: j &+ 2, escape: j, quote: quote)
      if unit & 0xF800 != 0xD800 { return j &+ 6 }
      // A surrogate: it must be a high one, directly followed by `\u` and a low one.
      if unit >= 0xDC00 { throw JSONError(.badEscape, at: j) }
      guard j &+ 6 < n else { throw JSONError(.unterminatedString, at: quote) }
      guard byte(j &+ 6) == ASCII.backslash else { throw JSONError(.badEscape, at: j) }
      guard j &+ 7 < n else { throw JSONError(.unterminatedString, at: quote) }
      guard byte(j &+ 7) == UInt8(ascii: "u") else { throw JSONError(.badEscape, at: j) }
      let low = try hexUnit(at: j &+ 8, escape: j &+ 6, quote: quote)
      guard low & 0xFC00 == 0xDC00 else { throw JSONError(.badEscape, at: j) }
      return j &+ 12
    default:
      throw JSONError(.badEscape, at: j)
    }
  }

  /// The value of the four hex digits at `k`, part of the escape at `escape`.
  func hexUnit(at k: Int, escape: Int, quote: Int) throws(JSONError) -> UInt32 {
    var value: UInt32 = 0
    for m in 0..<4 {
      guard k &+ m < n else { throw JSONError(.unterminatedString, at: quote) }
      guard let digit = JSONEscaping.hexValue(byte(k &+ m)) else {
        throw JSONError(.badEscape, at: escape)
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// Validates the UTF-8 sequence whose lead byte (≥ 0x80) is at `j`; returns the offset after
  /// it. Follows Table 3-7 of the Unicode Standard: no overlongs, no surrogates, nothing above
  /// U+10FFFF. Errors point at the lead byte.
  func scanUTF8(at j: Int) throws(JSONError) -> Int {
    let lead = byte(j)
    // (continuation bytes, range of the first continuation byte)
    let (trailing, low, high): (Int, UInt8, UInt8)
    switch lead {
    case 0xC2...0xDF: (trailing, low, high) = (1, 0x80, 0xBF)
    case 0xE0: (trailing, low, high) = (2, 0xA0, 0xBF)  // no overlongs
    case 0xE1...0xEC, 0xEE...0xEF: (trailing, low, high) = (2, 0x80, 0xBF)
    case 0xED: (trailing, low, high) = (2, 0x80, 0x9F)  // no surrogates
    case 0xF0: (trailing, low, high) = (3, 0x90, 0xBF)  // no overlongs
    case 0xF1...0xF3: (trailing, low, high) = (3, 0x80, 0xBF)
    case 0xF4: (trailing, low, high) = (3, 0x80, 0x8F)  // nothing above U+10FFFF
    default: throw JSONError(.invalidUTF8, at: j)
    }
    guard j &+ trailing < n else { throw JSONError(.invalidUTF8, at: j) }
    let second = byte(j &+ 1)
    guard second >= low && second <= high else { throw JSONError(.invalidUTF8, at: j) }
    var k = 2
    while k <= trailing {
      guard byte(j &+ k) & 0xC0 == 0x80 else { throw JSONError(.invalidUTF8, at: j) }
      k &+= 1
    }
    return j &+ trailing &+ 1
  }

  // MARK: Numbers and literals

  /// Scans a number at `i`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  mutating func scanNumber() throws(JSONError) {
    let start = i
    var j = i
    if byte(j) == ASCII.minus {
      j &+= 1
      guard j < n else { throw JSONError(.unexpectedEnd, at: n) }
    }
    let first = byte(j)
    if first == ASCII.zero {
      j &+= 1
      // A leading zero may not be followed by more digits.
      if j < n && Self.isDigit(byte(j)) { throw JSONError(.badNumber, at: j) }
    } else if Self.isDigit(first) {
      j &+= 1
      while j < n && Self.isDigit(byte(j)) { j &+= 1 }
    } else {
      throw JSONError(.badNumber, at: j)
    }
    if j < n && byte(j) == ASCII.dot {
      j &+= 1
      guard j < n else { throw JSONError(.unexpectedEnd, at: n) }
      guard Self.isDigit(byte(j)) else { throw JSONError(.badNumber, at: j) }
      j &+= 1
      while j < n && Self.isDigit(byte(j)) { j &+= 1 }
    }
    if j < n && byte(j) | 0x20 == ASCII.lowerE {
      j &+= 1
      guard j < n else { throw JSONError(.unexpectedEnd, at: n) }
      if byte(j) == ASCII.plus || byte(j) == ASCII.minus {
        j &+= 1
        guard j < n else { throw JSONError(.unexpectedEnd, at: n) }
      }
      guard Self.isDigit(byte(j)) else { throw JSONError(.badNumber, at: j) }
      j &+= 1
      while j < n && Self.isDigit(byte(j)) { j &+= 1 }
    }
    append(.number, start: start, end: j)
    i = j
  }

  /// Scans the literal `true`, `false` or `null` at `i`, given as up to 8 bytes packed
  /// little-endian in `word`. A mismatch is reported at the literal's first byte; a line that
  /// ends inside an otherwise matching literal is `.unexpectedEnd`.
  @inline(__always)
  mutating func scanLiteral(_ kind: Token.Kind, word: UInt64, length: Int) throws(JSONError) {
    if i &+ 8 <= n {
      let loaded = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let mask: UInt64 = (1 << UInt64(length &* 8)) &- 1
      guard loaded & mask == word else { throw JSONError(.unexpectedByte, at: i) }
    } else {
      for k in 0..<length {
        guard i &+ k < n else { throw JSONError(.unexpectedEnd, at: n) }
        guard byte(i &+ k) == UInt8(truncatingIfNeeded: word >> UInt64(k &* 8)) else {
          throw JSONError(.unexpectedByte, at: i)
        }
      }
    }
    append(kind, start: i, end: i &+ length)
    i &+= length
  }

  // MARK: Duplicate keys

  /// Throws `.duplicateKey` if the key just pushed at `keyIndex` repeats an earlier key of the
  /// innermost object, comparing decoded values.
  @inline(__always)
  mutating func checkDuplicate(_ keyIndex: Int) throws(JSONError) {
    let object = current
    let seen = Int(tape.tokens[object].end)
    tape.tokens[object].end = UInt32(truncatingIfNeeded: seen &+ 1)
    if seen == 0 { return }
    if seen > Self.linearKeyLimit {
      return try checkDuplicateHashed(keyIndex, object: object, seen: seen)
    }
    // Pairwise against the earlier keys: key k, value k + 1, next key after the value.
    let key = tape.tokens[keyIndex]
    var k = object &+ 1
    for _ in 0..<seen {
      if Self.keysEqual(tape.tokens[k], key, base) {
        throw JSONError(.duplicateKey, at: Int(key.start) &- 1)
      }
      let value = tape.tokens[k &+ 1]
      k = value.isContainerStart ? Int(value.link) &+ 1 : k &+ 2
    }
  }

  /// The duplicate check for objects past ``linearKeyLimit`` members, through the tape's
  /// ``KeyTable``. The first time it runs for an object it also enters the earlier keys.
  @inline(never)
  mutating func checkDuplicateHashed(_ keyIndex: Int, object: Int, seen: Int) throws(JSONError) {
    if seen == Self.linearKeyLimit &+ 1 {
      // The earlier keys are known to be distinct: enter them all.
      var k = object &+ 1
      for _ in 0..<seen {
        insertKey(k, object: object)
        let value = tape.tokens[k &+ 1]
        k = value.isContainerStart ? Int(value.link) &+ 1 : k &+ 2
      }
    }
    if insertKey(keyIndex, object: object) != nil {
      throw JSONError(.duplicateKey, at: Int(tape.tokens[keyIndex].start) &- 1)
    }
  }

  /// Enters the key at `keyIndex` into the table; returns the index of an equal earlier key.
  @discardableResult
  mutating func insertKey(_ keyIndex: Int, object: Int) -> Int? {
    let base = self.base
    let key = tape.tokens[keyIndex]
    var hasher = Hasher()
    hasher.combine(object)
    JSONEscaping.hashUnescaped(Self.raw(key, base), hasEscapes: key.hasEscapes, into: &hasher)
    let hash = hasher.finalize()
    let tokens = tape.tokens
    return tape.keyTable.insert(object: object, key: keyIndex, hash: hash) { other in
      Self.keysEqual(tokens[other], key, base)
    }
  }

  @inline(__always)
  static func raw(_ token: Token, _ base: UnsafeRawPointer) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(
      start: base + Int(token.start), count: Int(token.end) &- Int(token.start))
  }

  /// Whether two key tokens of the line at `base` decode to the same bytes.
  @inline(__always)
  static func keysEqual(_ a: Token, _ b: Token, _ base: UnsafeRawPointer) -> Bool {
    if (a.flags | b.flags) & Token.Flag.hasEscapes == 0 {
      guard a.end &- a.start == b.end &- b.start else { return false }
      return rawBytesEqual(raw(a, base), raw(b, base))
    }
    return escapedKeysEqual(a, b, base)
  }

  @inline(never)
  static func escapedKeysEqual(_ a: Token, _ b: Token, _ base: UnsafeRawPointer) -> Bool {
    switch (a.hasEscapes, b.hasEscapes) {
    case (true, true): JSONEscaping.unescaped(raw(a, base), equalsUnescaped: raw(b, base))
    case (true, false): JSONEscaping.unescaped(raw(a, base), equals: raw(b, base))
    default: JSONEscaping.unescaped(raw(b, base), equals: raw(a, base))
    }
  }
}
