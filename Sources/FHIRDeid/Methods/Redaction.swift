import FHIRModel
import FHIRPath
import FHIRTree

/// `redact` (spec §4.2), compiled: removes the value, or with the partial settings keeps the
/// year of a date, an age of 89 or less, or the first three digits of a ZIP code.
struct Redaction: Sendable {
  var partialDates: Bool
  var partialAges: Bool
  var partialZipCodes: Bool
  /// `restrictedZipCodeTabulationAreas`, as bytes.
  var restrictedZips: [[UInt8]]
  /// The day the "age over 89" rule counts from.
  var today: DateText.Day

  init(_ parameters: Configuration.Parameters, today: DateText.Day) {
    partialDates = parameters.enablePartialDatesForRedact
    partialAges = parameters.enablePartialAgesForRedact
    partialZipCodes = parameters.enablePartialZipCodesForRedact
    restrictedZips = (parameters.restrictedZipCodeTabulationAreas ?? []).map { Array($0.utf8) }
    self.today = today
  }

  func apply(to node: Int32, in context: inout MethodContext, bytes: UnsafeRawBufferPointer)
    -> Operations
  {
    // Read through `context` (no local copy of the tree: an edit would then copy it).
    let type = context.tree[node].type
    let parent = context.tree[node].parent
    let isDate = type == .date || type == .dateTime || type == .instant
    let isAge = type == .decimal && parent >= 0 && context.tree[parent].type == .age
    let isPostalCode =
      !isDate && !isAge && context.tree.nameEqualsIgnoringCase(node, "postalCode", in: bytes)
    if !isDate && !isAge && !isPostalCode {
      // Plain removal: only whether there is a value matters; don't copy (attachments and
      // narratives can be large).
      guard context.hasNonEmptyValue(node, bytes: bytes) else { return [] }
      context.remove(node)
      return .redact
    }
    guard context.loadText(node, bytes: bytes) else { return [] }
    if isDate {
      redactDate(node, allowTime: type != .date, in: &context)
      return .redact
    }
    if isAge {
      // Q14: compared as a decimal (Microsoft parses an integer and fails on `65.5`).
      if !partialAges || Self.ageOver89(context.text) { context.remove(node) }
      return .redact
    }
    guard partialZipCodes else {
      context.remove(node)
      return .redact
    }
    context.replace(node, with: PostalCode.abstract(context.text, restricted: restrictedZips))
    return .abstract
  }

  /// Keeps the year (partial dates on, not over 89) or removes the value; `context.text`
  /// holds it.
  func redactDate(_ node: Int32, allowTime: Bool, in context: inout MethodContext) {
    guard partialDates, let date = DateText(context.text, allowTime: allowTime),
      !date.indicatesAgeOver89(today: today)
    else {
      context.remove(node)
      return
    }
    context.replace(node, with: date.yearText)
  }

  private static func ageOver89(_ text: [UInt8]) -> Bool {
    let value: ExactDecimal? = text.withUnsafeBufferPointer { ExactDecimal(parsing: $0) }
    guard let value, let bound = eightyNine else { return true }  // not a number: fail closed
    return ExactDecimal.compare(value, bound) > 0
  }

  private static let eightyNine: ExactDecimal? = Array("89".utf8).withUnsafeBufferPointer {
    ExactDecimal(parsing: $0)
  }
}
/// Partial ZIP codes (spec §4.2): restricted 3-digit areas become all zeros, others keep their
/// first three characters with every later digit zeroed.
enum PostalCode {
  static func abstract(_ value: [UInt8], restricted: [[UInt8]]) -> [UInt8] {
    let scalars = Array(String(decoding: value, as: UTF8.self).unicodeScalars)
    let keep: Int
    if restricted.contains(where: { value.starts(with: $0) }) {
      keep = 0
    } else if String(decoding: value, as: UTF8.self).utf16.count >= 3 {
      keep = 3
    } else {
      return value
    }
    var out = String.UnicodeScalarView()
    for (i, s) in scalars.enumerated() {
      if i >= keep, s.properties.numericType == .decimal {
        out.append("0")
      } else {
        out.append(s)
      }
    }
    return Array(String(out).utf8)
  }
}
