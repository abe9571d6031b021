import ByteJSON

extension Rule {
  /// Reads and validates `fhirPathRules[index]` (spec §1.5, step 4).
  static func read(_ raw: JSONValue, index: Int) throws(ConfigurationError) -> Rule {
    let at = "fhirPathRules[\(index)]"
    guard let members = raw.members else {
      throw ConfigurationError("\(at) must be an object with 'path' and 'method'")
    }
    // 4.1 Both keys, exact case.
    guard let pathValue = members.first(where: { $0.key == "path" })?.value,
      let methodValue = members.first(where: { $0.key == "method" })?.value
    else {
      throw ConfigurationError("\(at): missing 'path' or 'method'")
    }
    guard case .string(let path) = pathValue else {
      throw ConfigurationError("\(at).path must be a string")
    }
    guard case .string(let methodName) = methodValue else {
      throw ConfigurationError("\(at).method must be a string")
    }
    // 4.2 The path compiles as FHIRPath.
    try RuleExpressions.compile(path, at: at + ".path")
    // 4.3 Unknown methods: rejected at load (Q10, a documented difference from Microsoft's tool,
    // which fails only when the first resource of a matching type arrives).
    guard let method = Method(configName: methodName) else {
      let known = Method.allCases.map(\.rawValue).joined(separator: ", ")
      throw ConfigurationError("\(at).method '\(methodName)' is not a method (\(known))")
    }
    let settings = members.filter { $0.key != "path" && $0.key != "method" }
    let (type, expression) = split(path)
    let selector = try Selector(path: path, resourceType: type, expression: expression, at: at)
    let rule = Rule(
      index: index, path: path, resourceType: type, expression: expression, method: method,
      settings: settings, selector: selector)
    try rule.validateSettings(at: at)
    return rule
  }

  private func validateSettings(at: String) throws(ConfigurationError) {
    // fhir-deid's `referenceBase` (cryptoHash only): "keep" (Microsoft's behaviour, the default)
    // or "remove". Anything else, or the key on another method, is a mistake worth stopping for:
    // a misspelt "remove" would silently keep the host names.
    if let base = setting(Rule.referenceBaseKey) {
      guard method == .cryptoHash else {
        throw ConfigurationError(
          "\(at).\(Rule.referenceBaseKey) applies only to method 'cryptoHash'")
      }
      guard case .string(let s) = base, s == "keep" || s == "remove" else {
        throw ConfigurationError("\(at).\(Rule.referenceBaseKey) must be 'keep' or 'remove'")
      }
    }
    switch method {
    case .substitute:
      guard setting("replaceWith") != nil else {
        throw ConfigurationError("\(at): method 'substitute' needs 'replaceWith' (it may be null)")
      }
    case .perturb:
      guard let span = setting("span") else {
        throw ConfigurationError("\(at): method 'perturb' needs 'span'")
      }
      guard let text = span.scalarText, let value = DecimalText(text), !value.isNegative else {
        throw ConfigurationError("\(at).span must be a number ≥ 0")
      }
      if let roundTo = setting("roundTo") {
        guard let text = roundTo.scalarText, let n = Int32(text.trimmingSpaces),
          (0...28).contains(n)
        else {
          throw ConfigurationError("\(at).roundTo must be an integer from 0 to 28")
        }
      }
      if let rangeType = setting("rangeType") {
        guard case .string(let s) = rangeType, ["fixed", "proportional"].contains(s.lowercased())
        else {
          throw ConfigurationError("\(at).rangeType must be 'fixed' or 'proportional'")
        }
      }
    case .generalize:
      guard let cases = setting("cases") else {
        throw ConfigurationError("\(at): method 'generalize' needs 'cases'")
      }
      guard let members = Rule.caseMembers(cases) else {
        throw ConfigurationError("\(at).cases must be a JSON object of condition: value")
      }
      for m in members {
        try RuleExpressions.compile(m.key, at: "\(at).cases condition '\(m.key)'")
        guard case .string(let valueExpression) = m.value else {
          throw ConfigurationError("\(at).cases value of '\(m.key)' must be a FHIRPath string")
        }
        try RuleExpressions.compile(valueExpression, at: "\(at).cases value '\(valueExpression)'")
      }
      if let other = setting("otherValues") {
        guard case .string(let s) = other, ["redact", "keep"].contains(s.lowercased()) else {
          throw ConfigurationError("\(at).otherValues must be 'redact' or 'keep'")
        }
      }
    case .keep, .redact, .dateShift, .cryptoHash, .encrypt:
      break
    }
  }

  /// The members of `cases`: an object, or a string holding a JSON object (both accepted by the
  /// reference tool).
  static func caseMembers(_ value: JSONValue) -> [JSONValue.Member]? {
    switch value {
    case .object(let members): return members
    case .string(let text):
      guard case .success(let parsed) = ConfigurationText.parse(Array(text.utf8)) else {
        return nil
      }
      return parsed.members
    default: return nil
    }
  }
}

extension JSONValue {
  /// The text of a number or string (how Microsoft's settings read `span`, `roundTo`).
  var scalarText: String? {
    switch self {
    case .number(let n): return n
    case .string(let s): return s
    default: return nil
    }
  }
}

/// A number's text checked against the decimal grammar, without converting it to `Double`.
struct DecimalText {
  var isNegative: Bool

  init?(_ text: String) {
    let s = Array(text.trimmingSpaces.utf8)
    var i = 0
    var negative = false
    if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") {
      negative = s[i] == UInt8(ascii: "-")
      i += 1
    }
    var digits = 0
    var nonZero = false
    while i < s.count, (0x30...0x39).contains(s[i]) {
      if s[i] != 0x30 { nonZero = true }
      digits += 1
      i += 1
    }
    if i < s.count, s[i] == UInt8(ascii: ".") {
      i += 1
      while i < s.count, (0x30...0x39).contains(s[i]) {
        if s[i] != 0x30 { nonZero = true }
        digits += 1
        i += 1
      }
    }
    guard digits > 0 else { return nil }
    if i < s.count, s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
      i += 1
      if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { i += 1 }
      var expDigits = 0
      while i < s.count, (0x30...0x39).contains(s[i]) {
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
    }
    guard i == s.count else { return nil }
    isNegative = negative && nonZero
  }
}
