import FHIRTree

/// A token of FHIRPath N1.
struct Token {
  enum Kind: Equatable {
    case end
    /// A plain identifier; keywords (`and`, `div`, `true`, …) are identifiers here and the
    /// parser decides by position.
    case identifier
    /// A backtick-delimited identifier; never a keyword.
    case delimitedIdentifier
    case string
    /// Integer, decimal, date, dateTime or time literal; see ``Token/value``.
    case literal
    case special(SpecialVariable)
    /// `%name`; ``Token/text`` is the name.
    case environment
    case symbol(Symbol)
  }

  enum Symbol: String {
    case dot = ".", comma = ",", leftParen = "(", rightParen = ")", leftBracket = "["
    case rightBracket = "]", leftBrace = "{", rightBrace = "}", plus = "+", minus = "-"
    case star = "*", slash = "/", ampersand = "&", pipe = "|", equal = "=", tilde = "~"
    case notEqual = "!=", notEquivalent = "!~", less = "<", lessOrEqual = "<="
    case greater = ">", greaterOrEqual = ">="
  }

  var kind: Kind
  /// Byte offset of the first byte in the expression.
  var start: Int
  /// Identifier name, or the unescaped content of a string / delimited identifier.
  var text: [UInt8] = []
  /// The value of a `.literal` token.
  var value: FHIRPathValue?

  /// Whether this is the plain (undelimited) identifier `word`.
  func isWord(_ word: String) -> Bool {
    kind == .identifier && text.elementsEqual(word.utf8)
  }
}

/// Splits a FHIRPath expression into tokens; skips whitespace and `//` / `/* */` comments.
struct Lexer {
  let bytes: [UInt8]
  var position = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  /// The 1-based column (in Unicode scalars) of a byte offset.
  func column(of offset: Int) -> Int {
    var column = 1
    for k in 0..<min(offset, bytes.count) where bytes[k] & 0xC0 != 0x80 { column += 1 }
    return column
  }

  func error(_ message: String, at offset: Int) -> FHIRPathError {
    FHIRPathError(message, column: column(of: offset))
  }

  func byte(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

  static func isIdentifierStart(_ b: UInt8) -> Bool {
    (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_")
  }

  static func isIdentifierPart(_ b: UInt8) -> Bool {
    isIdentifierStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
  }

  mutating func skipTrivia() throws(FHIRPathError) {
    while let b = byte(position) {
      switch b {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
        position += 1
      case UInt8(ascii: "/") where byte(position + 1) == UInt8(ascii: "/"):
        while let c = byte(position), c != 0x0A { position += 1 }
      case UInt8(ascii: "/") where byte(position + 1) == UInt8(ascii: "*"):
        let start = position
        position += 2
        while true {
          guard let c = byte(position) else { throw error("unterminated comment", at: start) }
          if c == UInt8(ascii: "*") && byte(position + 1) == UInt8(ascii: "/") {
            position += 2
            break
          }
          position += 1
        }
      default:
        return
      }
    }
  }

  /// The next token.
  mutating func next() throws(FHIRPathError) -> Token {
    try skipTrivia()
    let start = position
    guard let b = byte(position) else { return Token(kind: .end, start: start) }
    if Self.isIdentifierStart(b) {
      while let c = byte(position), Self.isIdentifierPart(c) { position += 1 }
      return Token(kind: .identifier, start: start, text: Array(bytes[start..<position]))
    }
    if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { return try number() }
    switch b {
    case UInt8(ascii: "'"):
      return Token(kind: .string, start: start, text: try quoted(UInt8(ascii: "'")))
    case UInt8(ascii: "`"):
      let name = try quoted(UInt8(ascii: "`"))
      guard !name.isEmpty else { throw error("empty delimited identifier", at: start) }
      return Token(kind: .delimitedIdentifier, start: start, text: name)
    case UInt8(ascii: "@"):
      return try temporal()
    case UInt8(ascii: "$"):
      position += 1
      while let c = byte(position), Self.isIdentifierPart(c) { position += 1 }
      switch String(decoding: bytes[(start + 1)..<position], as: UTF8.self) {
      case "this": return Token(kind: .special(.this), start: start)
      case "index": return Token(kind: .special(.index), start: start)
      case "total": return Token(kind: .special(.total), start: start)
      default: throw error("unknown variable; expected $this, $index or $total", at: start)
      }
    case UInt8(ascii: "%"):
      position += 1
      let name: [UInt8]
      if let c = byte(position), Self.isIdentifierStart(c) {
        while let c = byte(position), Self.isIdentifierPart(c) { position += 1 }
        name = Array(bytes[(start + 1)..<position])
      } else if byte(position) == UInt8(ascii: "`") || byte(position) == UInt8(ascii: "'") {
        name = try quoted(bytes[position])
      } else {
        throw error("expected a name after '%'", at: start)
      }
      return Token(kind: .environment, start: start, text: name)
    default:
      return Token(kind: .symbol(try symbol()), start: start)
    }
  }

  mutating func symbol() throws(FHIRPathError) -> Token.Symbol {
    let start = position
    let b = bytes[position]
    let next = byte(position + 1)
    position += 1
    switch b {
    case UInt8(ascii: "."): return .dot
    case UInt8(ascii: ","): return .comma
    case UInt8(ascii: "("): return .leftParen
    case UInt8(ascii: ")"): return .rightParen
    case UInt8(ascii: "["): return .leftBracket
    case UInt8(ascii: "]"): return .rightBracket
    case UInt8(ascii: "{"): return .leftBrace
    case UInt8(ascii: "}"): return .rightBrace
    case UInt8(ascii: "+"): return .plus
    case UInt8(ascii: "-"): return .minus
    case UInt8(ascii: "*"): return .star
    case UInt8(ascii: "/"): return .slash
    case UInt8(ascii: "&"): return .ampersand
    case UInt8(ascii: "|"): return .pipe
    case UInt8(ascii: "="): return .equal
    case UInt8(ascii: "~"): return .tilde
    case UInt8(ascii: "!") where next == UInt8(ascii: "="):
      position += 1
      return .notEqual
    case UInt8(ascii: "!") where next == UInt8(ascii: "~"):
      position += 1
      return .notEquivalent
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: "=") {
        position += 1
        return .lessOrEqual
      }
      return .less
    case UInt8(ascii: ">"):
      if next == UInt8(ascii: "=") {
        position += 1
        return .greaterOrEqual
      }
      return .greater
    default:
      let printable = b >= 0x21 && b < 0x7F
      throw error(
        printable
          ? "unexpected character '\(Character(Unicode.Scalar(b)))'" : "unexpected character",
        at: start)
    }
  }

  /// An integer (`[0-9]+`) or decimal (`[0-9]+.[0-9]+`) literal.
  mutating func number() throws(FHIRPathError) -> Token {
    let start = position
    while let c = byte(position), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { position += 1 }
    var isDecimal = false
    if byte(position) == UInt8(ascii: "."), let c = byte(position + 1),
      c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9")
    {
      isDecimal = true
      position += 1
      while let c = byte(position), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { position += 1 }
    }
    let lexeme = Array(bytes[start..<position])
    if isDecimal {
      guard let d = ExactDecimal(lexeme, syntax: .fhirPathLiteral) else {
        throw error("decimal literal out of range", at: start)
      }
      return Token(kind: .literal, start: start, value: .decimal(d))
    }
    var value: Int64 = 0
    for c in lexeme {
      let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = shifted.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
      guard !o1, !o2 else { throw error("integer literal out of range", at: start) }
      value = sum
    }
    return Token(kind: .literal, start: start, value: .integer(value))
  }

  /// `@date`, `@dateTime`, `@Ttime`.
  mutating func temporal() throws(FHIRPathError) -> Token {
    let start = position
    let scanned: (FHIRPathValue, Int)? = bytes.withUnsafeBufferPointer { buffer in
      if byte(start + 1) == UInt8(ascii: "T") {
        guard let (time, end) = PartialTime.scanLiteral(buffer, from: start + 2) else { return nil }
        return (.time(time), end)
      }
      guard let (value, isDateTime, end) = PartialDateTime.scanLiteral(buffer, from: start + 1)
      else { return nil }
      return (isDateTime ? .dateTime(value) : .date(value), end)
    }
    guard let (value, end) = scanned else {
      throw error(
        byte(start + 1) == UInt8(ascii: "T") ? "invalid time literal" : "invalid date literal",
        at: start)
    }
    position = end
    return Token(kind: .literal, start: start, value: value)
  }

  /// A `'…'` string or `` `…` `` identifier body, unescaped. Escapes: `\' \" \` \\ \/ \f \n \r
  /// \t \uXXXX` (surrogate pairs combine; a lone surrogate is an error).
  mutating func quoted(_ quote: UInt8) throws(FHIRPathError) -> [UInt8] {
    let start = position
    position += 1
    var out: [UInt8] = []
    while true {
      guard let c = byte(position) else {
        throw error(
          quote == UInt8(ascii: "'") ? "unterminated string" : "unterminated identifier",
          at: start)
      }
      if c == quote {
        position += 1
        return out
      }
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        position += 1
        continue
      }
      let escapeStart = position
      guard let e = byte(position + 1) else { throw error("unterminated string", at: start) }
      position += 2
      switch e {
      case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "\\"),
        UInt8(ascii: "/"):
        out.append(e)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var scalar = hex4(at: position) else {
          throw error("invalid \\u escape", at: escapeStart)
        }
        position += 4
        if (0xD800...0xDBFF).contains(scalar) {
          guard byte(position) == UInt8(ascii: "\\"), byte(position + 1) == UInt8(ascii: "u"),
            let low = hex4(at: position + 2), (0xDC00...0xDFFF).contains(low)
          else { throw error("invalid \\u escape", at: escapeStart) }
          position += 6
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
          throw error("invalid \\u escape", at: escapeStart)
        }
        FHIRPathString.appendUTF8(scalar, to: &out)
      default:
        throw error("invalid escape sequence", at: escapeStart)
      }
    }
  }

  func hex4(at k: Int) -> UInt32? {
    var value: UInt32 = 0
    for j in k..<(k + 4) {
      guard let c = byte(j) else { return nil }
      let d: UInt32
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value * 16 + d
    }
    return value
  }
}
