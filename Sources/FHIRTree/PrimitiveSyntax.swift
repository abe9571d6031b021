import ByteJSON
import FHIRModel

/// How one JSON value fits the lexical form of the FHIR R4 primitive type of its element (spec
/// §2.1), so that no value reaches the output in a shape the rules do not see.
///
/// - `boolean`: JSON `true`/`false`, or the strings `"true"`/`"false"`;
/// - `integer`, `positiveInt`, `unsignedInt`: an optionally signed 32-bit integer (`5.0`, `1e2`
///   and 5000 digits are not);
/// - `decimal`: a JSON number within .NET `decimal`'s range (`1e999` is not);
/// - `date`, `dateTime`/`instant`, `time`: the FHIR forms with valid field ranges;
/// - the string-like types (`string`, `code`, `id`, `uri`, …): anything.
///
/// A value of another JSON kind that parses as the type is accepted and written back in the
/// type's own JSON form (``Fit/normalized``): `"id": 123` becomes `"123"`, `"active": "true"`
/// becomes `true`. Strings are judged after trimming white space, as Firely trims them.
package enum PrimitiveSyntax {
  /// The verdict on one value.
  package enum Fit: UInt8, Sendable {
    /// Fits as written.
    case asWritten
    /// Fits, and is written back in the type's JSON form (see ``PrimitiveSyntax/write(_:type:tape:bytes:into:)``).
    case normalized
    /// An empty or white-space-only string: dropped, as Firely's permissive parser drops it.
    case empty
    /// Not a value of the type: invalid input.
    case invalid
  }

  /// The lexical families of the R4 primitives.
  @usableFromInline enum Family: UInt8 {
    case text, boolean, integer, decimal, date, dateTime, time
  }

  @usableFromInline static func family(of type: FHIRType) -> Family {
    switch type {
    case .boolean: .boolean
    case .integer, .positiveInt, .unsignedInt: .integer
    case .decimal: .decimal
    case .date: .date
    case .dateTime, .instant: .dateTime
    case .time: .time
    default: .text
    }
  }

  /// Judges the value token at `index` of `tape` (a string, number or boolean) for an element
  /// of primitive type `type`. Reads the token's bytes; allocates only for strings with escapes
  /// in non-text types.
  package static func fit(
    _ index: Int, type: FHIRType, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> Fit {
    let token = tape[index]
    let family = family(of: type)
    switch token.kind {
    case .string:
      let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
      if family == .text {
        return isBlank(raw, hasEscapes: token.hasEscapes) ? .empty : .asWritten
      }
      return withText(raw, hasEscapes: token.hasEscapes) { text in
        let trimmed = trim(text)
        if trimmed.isEmpty { return .empty }
        guard parses(trimmed, as: family, fromString: true) else { return .invalid }
        // Dates stay strings (trimmed when they had white space); booleans and numbers become
        // bare JSON values.
        let isString = family == .date || family == .dateTime || family == .time
        return isString && trimmed.count == text.count ? .asWritten : .normalized
      }
    case .number:
      let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
      switch family {
      case .text: return .normalized
      case .boolean: return .invalid
      case .integer, .decimal:
        // The scanner checked the JSON number syntax: short plain numbers need no parse.
        // At most 9 digits fit an Int32; at most 27 digits without exponent fit a .NET decimal.
        if raw.count <= (family == .integer ? 9 : 27),
          !raw.contains(where: { b in
            b | 0x20 == UInt8(ascii: "e") || (family == .integer && b == UInt8(ascii: "."))
          })
        {
          return .asWritten
        }
        return parses(raw, as: family, fromString: false) ? .asWritten : .invalid
      case .date, .dateTime, .time:
        return parses(raw, as: family, fromString: false) ? .normalized : .invalid
      }
    case .true, .false:
      switch family {
      case .text: return .normalized
      case .boolean: return .asWritten
      default: return .invalid
      }
    default:
      return .invalid
    }
  }

  /// Appends the JSON form of a value that ``fit(_:type:tape:bytes:)`` called
  /// ``Fit/normalized``: a quoted string for text and temporal types, a bare `true`/`false`
  /// or number (canonical digits) for the others.
  package static func write(
    _ index: Int, type: FHIRType, tape: Tape, bytes: UnsafeRawBufferPointer,
    into out: inout [UInt8]
  ) {
    let token = tape[index]
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    switch token.kind {
    case .number, .true, .false:
      // Only text and temporal types normalise these: quote the lexeme (no escapes needed).
      out.append(UInt8(ascii: "\""))
      out.append(contentsOf: raw)
      out.append(UInt8(ascii: "\""))
    default:
      withText(raw, hasEscapes: token.hasEscapes) { text in
        let trimmed = trim(text)
        switch family(of: type) {
        case .text, .date, .dateTime, .time:
          JSONEscaping.appendQuoted(trimmed, to: &out)
        case .boolean:
          out.append(contentsOf: trimmed)
        case .integer:
          let value = integerValue(trimmed) ?? 0
          out.append(contentsOf: String(value).utf8)
        case .decimal:
          if isJSONNumber(trimmed) {
            out.append(contentsOf: trimmed)
          } else {
            let value = trimmed.withMemoryRebound(to: UInt8.self) { ExactDecimal(parsing: $0) }
            value?.appendText(to: &out)
          }
        }
      }
    }
  }

  // MARK: - Pieces

  /// Whether `text` (already trimmed) is a value of `family`.
  static func parses(_ text: UnsafeRawBufferPointer, as family: Family, fromString: Bool) -> Bool {
    switch family {
    case .text: return true
    case .boolean:
      return ResourceTree.equals(text, "true") || ResourceTree.equals(text, "false")
    case .integer:
      return integerValue(text) != nil
    case .decimal:
      return text.withMemoryRebound(to: UInt8.self) { ExactDecimal(parsing: $0) } != nil
    case .date:
      return text.withMemoryRebound(to: UInt8.self) { PartialDateTime(fhirDate: $0) } != nil
    case .dateTime:
      return text.withMemoryRebound(to: UInt8.self) { PartialDateTime(fhirDateTime: $0) } != nil
    case .time:
      return text.withMemoryRebound(to: UInt8.self) { PartialTime(fhirTime: $0) } != nil
    }
  }

  /// The 32-bit value of optionally signed decimal digits, or nil (no fraction, no exponent).
  static func integerValue(_ text: UnsafeRawBufferPointer) -> Int32? {
    var i = 0
    var negative = false
    if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i = 1
    }
    guard i < text.count else { return nil }
    var value: Int64 = 0
    while i < text.count {
      let d = text[i] &- UInt8(ascii: "0")
      guard d < 10 else { return nil }
      value = value * 10 + Int64(d)
      guard value <= Int64(Int32.max) + 1 else { return nil }
      i += 1
    }
    if negative { value = -value }
    return Int32(exactly: value)
  }

  /// Whether `text` is a JSON number lexeme (so it can be written bare).
  static func isJSONNumber(_ text: UnsafeRawBufferPointer) -> Bool {
    var i = 0
    let n = text.count
    func digits() -> Int {
      let start = i
      while i < n, text[i] &- UInt8(ascii: "0") < 10 { i += 1 }
      return i - start
    }
    if i < n, text[i] == UInt8(ascii: "-") { i += 1 }
    let start = i
    let integer = digits()
    guard integer > 0, integer == 1 || text[start] != UInt8(ascii: "0") else { return false }
    if i < n, text[i] == UInt8(ascii: ".") {
      i += 1
      guard digits() > 0 else { return false }
    }
    if i < n, text[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < n, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
      guard digits() > 0 else { return false }
    }
    return i == n
  }

  /// Whether a string token's content is empty or only white space (escapes decoded).
  static func isBlank(_ raw: UnsafeRawBufferPointer, hasEscapes: Bool) -> Bool {
    for b in raw where !isSpace(b) {
      guard hasEscapes, b == UInt8(ascii: "\\") else { return false }
      return withText(raw, hasEscapes: true) { trim($0).isEmpty }
    }
    return true
  }

  /// Calls `body` with the decoded content of a string token.
  static func withText<R>(
    _ raw: UnsafeRawBufferPointer, hasEscapes: Bool, _ body: (UnsafeRawBufferPointer) -> R
  ) -> R {
    guard hasEscapes else { return body(raw) }
    var decoded: [UInt8] = []
    JSONEscaping.unescape(raw, into: &decoded)
    return decoded.withUnsafeBytes(body)
  }

  /// `text` without leading and trailing white space.
  static func trim(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    var start = 0
    var end = text.count
    while start < end, isSpace(text[start]) { start += 1 }
    while end > start, isSpace(text[end - 1]) { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: text[start..<end])
  }

  @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
  }
}
