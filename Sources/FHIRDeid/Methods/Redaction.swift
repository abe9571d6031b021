import FHIRModel
import FHIRPath

extension EngineCore {
  /// `redact` (spec §4.2): removes the value, or with the partial settings keeps the year of a
  /// date, an age of 89 or less, or the first three digits of a ZIP code.
  mutating func redact(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Operations {
    let p = configuration.parameters
    let type = tree[node].type
    let parent = tree[node].parent
    let needsText =
      type == .date || type == .dateTime || type == .instant
      || (type == .decimal && parent >= 0 && tree[parent].type == .age)
      || tree.nameEqualsIgnoringCase(node, "postalCode", in: bytes)
    if !needsText {
      // Plain removal: only whether there is a value matters; don't copy (attachments and
      // narratives can be large).
      guard hasNonEmptyValue(node, bytes: bytes) else { return [] }
      remove(node)
      return .redact
    }
    guard loadText(node, bytes: bytes) else { return [] }
    if type == .date || type == .dateTime || type == .instant {
      redactDate(node, partial: p.enablePartialDatesForRedact, allowTime: type != .date)
      return .redact
    }
    if type == .decimal, parent >= 0, tree[parent].type == .age {
      // Q14: compared as a decimal (Microsoft parses an integer and fails on `65.5`).
      if !p.enablePartialAgesForRedact || ageOver89(text) { remove(node) }
      return .redact
    }
    if tree.nameEqualsIgnoringCase(node, "postalCode", in: bytes) {
      guard p.enablePartialZipCodesForRedact else {
        remove(node)
        return .redact
      }
      replace(node, with: PostalCode.abstract(text, restricted: restrictedZips))
      return .abstract
    }
    remove(node)
    return .redact
  }

  /// Keeps the year (partial dates on, not over 89) or removes the value; `text` holds it.
  mutating func redactDate(_ node: Int32, partial: Bool, allowTime: Bool) {
    guard partial, let date = DateText(text, allowTime: allowTime),
      !date.indicatesAgeOver89(today: anonymizer.settings.todayDay)
    else {
      remove(node)
      return
    }
    replace(node, with: date.yearText)
  }

  private var restrictedZips: [[UInt8]] {
    (configuration.parameters.restrictedZipCodeTabulationAreas ?? []).map { Array($0.utf8) }
  }

  private mutating func ageOver89(_ text: [UInt8]) -> Bool {
    let limit = Array("89".utf8)
    let value: ExactDecimal? = text.withUnsafeBufferPointer { ExactDecimal(parsing: $0) }
    let bound: ExactDecimal? = limit.withUnsafeBufferPointer { ExactDecimal(parsing: $0) }
    guard let value, let bound else { return true }  // not a number: fail closed
    return ExactDecimal.compare(value, bound) > 0
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
