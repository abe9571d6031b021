import FHIRTree

/// Conversions between System types (`toString()`, `toInteger()`, …) with the N1 rules.
///
/// Each returns nil when the value is not convertible, which the evaluator turns into an empty
/// result; `convertsToX()` is `toX() != nil`.
extension FHIRPathValue {
  /// Appends the `toString()` text: `true`/`false`; integer digits; decimals with their scale
  /// (`1.50`); strings as they are; dates, dateTimes and times without `@`/`@T` at their
  /// precision with fraction digits and offset as written; quantities as `5 'mg'` or `4 days`.
  package func appendText(to out: inout [UInt8]) {
    switch self {
    case .boolean(let b): out.append(contentsOf: b ? Self.trueText : Self.falseText)
    case .integer(let i): out.append(contentsOf: String(i).utf8)
    case .decimal(let d): d.appendText(to: &out)
    case .string(let s): out.append(contentsOf: s)
    case .date(let d), .dateTime(let d): d.appendText(to: &out)
    case .time(let t): t.appendText(to: &out)
    case .quantity(let q): q.appendText(to: &out)
    }
  }

  private static let trueText = Array("true".utf8)
  private static let falseText = Array("false".utf8)

  /// The `toString()` text as bytes; see ``appendText(to:)``.
  package var text: [UInt8] {
    if case .string(let s) = self { return s }
    var out: [UInt8] = []
    appendText(to: &out)
    return out
  }

  /// `toInteger()`: Integer as is; a String of the form `(\+|-)?\d+` within the 32-bit range
  /// (Firely parses with `int.TryParse`; `'1.0'` is not convertible); Boolean as 1 or 0.
  /// Decimals are not convertible.
  package func toInteger() -> Int64? {
    switch self {
    case .integer(let i): return i
    case .boolean(let b): return b ? 1 : 0
    case .string(let s):
      var i = 0
      var negative = false
      if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
        negative = s[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < s.count else { return nil }
      var value: Int64 = 0
      while i < s.count {
        let d = s[i] &- UInt8(ascii: "0")
        guard d < 10 else { return nil }
        value = value * 10 + Int64(d)
        guard value <= Int64(Int32.max) + 1 else { return nil }
        i += 1
      }
      let result = negative ? -value : value
      return result >= Int64(Int32.min) && result <= Int64(Int32.max) ? result : nil
    default: return nil
    }
  }

  /// `toDecimal()`: Integer or Decimal; a String of the form `(\+|-)?\d+(\.\d+)?`; Boolean as
  /// `1.0` or `0.0`.
  package func toDecimal() -> ExactDecimal? {
    switch self {
    case .integer(let i): return ExactDecimal(i)
    case .decimal(let d): return d
    case .boolean(let b): return ExactDecimal(coefficient: b ? 10 : 0, scale: 1, isNegative: false)
    case .string(let s): return ExactDecimal(s, syntax: .fhirPathString)
    default: return nil
    }
  }

  /// `toBoolean()`: Boolean as is; Integer 1/0; Decimal equal to 1/0; String `true`, `t`,
  /// `yes`, `y`, `1`, `1.0` / `false`, `f`, `no`, `n`, `0`, `0.0`, ignoring ASCII case.
  package func toBoolean() -> Bool? {
    switch self {
    case .boolean(let b): return b
    case .integer(let i): return i == 1 ? true : (i == 0 ? false : nil)
    case .decimal(let d):
      if ExactDecimal.compare(d, .one) == 0 { return true }
      if d.isZero { return false }
      return nil
    case .string(let s):
      switch String(decoding: s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self) {
      case "true", "t", "yes", "y", "1", "1.0": return true
      case "false", "f", "no", "n", "0", "0.0": return false
      default: return nil
      }
    default: return nil
    }
  }

  /// `toDate()`: Date as is; DateTime truncated to its date; String `YYYY[-MM[-DD]]`.
  package func toDate() -> PartialDateTime? {
    switch self {
    case .date(let d): return d
    case .dateTime(let d): return d.truncated(to: min(d.precision, .day))
    case .string(let s):
      guard let d = PartialDateTime(fhirDate: s), d.offset == nil else { return nil }
      return d
    default: return nil
    }
  }

  /// `toDateTime()`: DateTime as is; Date as a DateTime of the same precision; String in FHIR
  /// dateTime form.
  package func toDateTime() -> PartialDateTime? {
    switch self {
    case .date(let d), .dateTime(let d): return d
    case .string(let s): return PartialDateTime(fhirDateTime: s)
    default: return nil
    }
  }

  /// `toTime()`: Time as is; String `hh[:mm[:ss[.f+]]]` (optional offset).
  package func toTime() -> PartialTime? {
    switch self {
    case .time(let t): return t
    case .string(let s): return PartialTime(fhirTime: s)
    default: return nil
    }
  }

  /// `toQuantity([unit])`: Quantity as is; Integer/Decimal with unit `'1'`; Boolean as
  /// `1.0 '1'` / `0.0 '1'`; String `number ['unit' | calendar keyword]` (whitespace allowed
  /// between). With `unit`, only a quantity already in that unit converts (no UCUM conversion).
  package func toQuantity(unit: [UInt8]? = nil) -> QuantityValue? {
    let quantity: QuantityValue
    switch self {
    case .quantity(let q): quantity = q
    case .integer, .decimal, .boolean:
      guard let value = toDecimal() else { return nil }
      quantity = QuantityValue(value, unit: [UInt8(ascii: "1")])
    case .string(let s):
      guard let q = Self.parseQuantity(s) else { return nil }
      quantity = q
    default: return nil
    }
    if let unit, unit != quantity.unit { return nil }
    return quantity
  }

  /// Parses `(\+|-)?\d+(\.\d+)?\s*('unit'|keyword)?`.
  static func parseQuantity(_ s: [UInt8]) -> QuantityValue? {
    var end = 0
    if end < s.count, s[end] == UInt8(ascii: "+") || s[end] == UInt8(ascii: "-") { end += 1 }
    while end < s.count, s[end] &- UInt8(ascii: "0") < 10 || s[end] == UInt8(ascii: ".") {
      end += 1
    }
    guard let value = ExactDecimal(Array(s[0..<end]), syntax: .fhirPathString) else { return nil }
    var i = end
    while i < s.count, s[i] == UInt8(ascii: " ") || s[i] == UInt8(ascii: "\t") { i += 1 }
    if i == s.count {
      return i == end ? QuantityValue(value, unit: [UInt8(ascii: "1")]) : nil
    }
    if s[i] == UInt8(ascii: "'") {
      guard s.count - i >= 3, s[s.count - 1] == UInt8(ascii: "'") else { return nil }
      let unit = Array(s[(i + 1)..<(s.count - 1)])
      guard !unit.contains(UInt8(ascii: "'")) else { return nil }
      return QuantityValue(value, unit: unit)
    }
    let word = Array(s[i...])
    guard CalendarUnit(keyword: word) != nil else { return nil }
    return QuantityValue(value, unit: word, isCalendarKeyword: true)
  }
}
