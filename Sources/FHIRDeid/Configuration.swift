import ByteJSON

/// An anonymization configuration in Microsoft's format (`fhirVersion`, `processingErrors`,
/// `fhirPathRules`, `parameters`), loaded and validated as the reference tool does, in the order
/// of its validator (spec §1.5), with the documented deviations (README, "Differences").
package struct Configuration: Sendable {
  package enum ProcessingErrors: String, Sendable { case raise, skip }
  package enum DateShiftScope: String, Sendable, CaseIterable {
    case resource, file, folder, patient
  }
  /// How `dateShift` derives its offset from the key (a fhir-deid extension of the format).
  package enum DateShiftAlgorithm: String, Sendable, CaseIterable {
    /// Microsoft's fold of prefix and key into −50…50 (spec §4.3): drop-in, but the offset of
    /// every resource can be found from the output alone (README, "Date shifting").
    case microsoft
    /// HMAC-SHA256 of the key over the scope's original id, uniform over ±1…R days
    /// (`../shared/spec/cli.md`, "The hmac-sha256 date-shift algorithm").
    case hmacSHA256 = "hmac-sha256"
  }

  package struct Parameters: Sendable {
    package var dateShiftKey: String?
    package var dateShiftScope: DateShiftScope = .resource
    package var dateShiftFixedOffsetInDays: Int?
    /// `dateShiftAlgorithm`; nil when the configuration does not name one (Microsoft's is used).
    package var dateShiftAlgorithm: DateShiftAlgorithm?
    /// `dateShiftRange`: the largest offset, in days, of the `hmac-sha256` algorithm.
    package var dateShiftRange = Configuration.defaultDateShiftRange
    package var cryptoHashKey: String?
    package var encryptKey: String?
    package var enablePartialAgesForRedact = false
    package var enablePartialDatesForRedact = false
    package var enablePartialZipCodesForRedact = false
    package var restrictedZipCodeTabulationAreas: [String]?
    /// The keys given as empty strings (Microsoft's tool then makes random ones; see
    /// `fhir-deid lint`).
    package var emptyKeys: [String] = []
    package init() {}
  }

  package var fhirVersion: String?
  package var processingErrors: ProcessingErrors = .raise
  /// `validOutput` (a fhir-deid key, top level): repair the output so that it stays valid R4
  /// (``OutputCheck``). Microsoft's configurations lack it and keep Microsoft's output.
  package var validOutput = false
  package var rules: [Rule] = []
  package var parameters = Parameters()
  /// Things a user should know that do not stop the run (unknown keys, aliases, missing version).
  package var warnings: [String] = []
  /// What the load-time checks found (``PathCheck``, unknown keys), errors and warnings, in
  /// configuration order. With ``LoadOptions/collectsErrors`` the errors are here instead of
  /// thrown.
  package var findings: [ConfigurationFinding] = []

  /// How strictly `load` treats what its checks find.
  package struct LoadOptions: Sendable {
    /// Path steps that name no R4 element are warnings, not errors (`--lenient-paths`).
    package var lenientPaths = false
    /// Unknown keys are errors, not warnings (`--strict`).
    package var strictKeys = false
    /// Errors of the checks are returned in ``Configuration/findings`` rather than thrown
    /// (`fhir-deid lint`); a configuration that cannot be read at all still throws.
    package var collectsErrors = false

    package init(lenientPaths: Bool = false, strictKeys: Bool = false, collectsErrors: Bool = false)
    {
      self.lenientPaths = lenientPaths
      self.strictKeys = strictKeys
      self.collectsErrors = collectsErrors
    }
  }

  package init() {}

  /// The `dateShiftRange` used when the configuration gives none.
  package static let defaultDateShiftRange = 50
  /// The accepted `dateShiftRange` values, in days (up to about ten years).
  package static let dateShiftRanges = 1...3650
}

/// Why a configuration cannot be used. The message names the rule index and key; it may quote
/// the configuration (which is not patient data), never input data.
package struct ConfigurationError: Error, Sendable, CustomStringConvertible {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

extension Configuration {
  /// Parses and validates configuration text (UTF-8, optional BOM, `//` and `/* */` comments).
  ///
  /// Rule paths are checked against the R4 model (``PathCheck``) and every key against the
  /// format: an error throws, naming the rule, the column and the closest R4 name, unless
  /// `options` makes it a warning or collects it.
  package static func load(_ text: [UInt8], options: LoadOptions = LoadOptions())
    throws(ConfigurationError) -> Configuration
  {
    let bytes = ConfigurationText.normalize(text)
    guard case .success(let root) = ConfigurationText.parse(bytes) else {
      if case .failure(let error) = ConfigurationText.parse(bytes) {
        let (line, column) = error.position(in: bytes)
        throw ConfigurationError("invalid JSON at line \(line), column \(column): \(error.code)")
      }
      throw ConfigurationError("invalid JSON")
    }
    let locate = { (offset: Int) -> String in
      let (line, column) = JSONError(.unexpectedByte, at: offset).position(in: bytes)
      return "line \(line), column \(column)"
    }
    var config = try ConfigurationReader(locate: locate, options: options).read(root)
    let errors = config.findings.filter { $0.severity == .error }
    if let first = errors.first, !options.collectsErrors {
      let more =
        errors.count > 1 ? " (and \(errors.count - 1) more: fhir-deid lint lists them)" : ""
      throw ConfigurationError(first.text + more)
    }
    for finding in config.findings where finding.severity == .warning {
      config.warnings.append(finding.text)
    }
    return config
  }
}

/// Reads a parsed configuration document into a ``Configuration``, in the reference validator's
/// order: parse/type conversion, `fhirVersion`, `fhirPathRules`, each rule, `encryptKey`.
private struct ConfigurationReader {
  let locate: (Int) -> String
  let options: Configuration.LoadOptions

  static let topLevelKeys = [
    "fhirVersion", "processingErrors", "fhirPathRules", "parameters", "validOutput",
  ]
  static let parameterKeys = [
    "dateShiftKey", "dateShiftScope", "dateShiftFixedOffsetInDays", "dateShiftAlgorithm",
    "dateShiftRange", "cryptoHashKey", "encryptKey", "enablePartialAgesForRedact",
    "enablePartialDatesForRedact", "enablePartialZipCodesForRedact",
    "restrictedZipCodeTabulationAreas",
  ]
  /// The settings each method reads besides `path` and `method`.
  static let ruleKeys: [Rule.Method: [String]] = [
    .cryptoHash: [Rule.referenceBaseKey], .substitute: ["replaceWith"],
    .perturb: ["span", "rangeType", "roundTo"], .generalize: ["cases", "otherValues"],
  ]

  /// Findings for the keys of `members` that are none of `known` (compared without case, as
  /// Json.NET reads them), at `place` (`parameters`, `fhirPathRules[2]`, or empty for the top).
  func unknownKeys(
    _ members: [JSONValue.Member], known: [String], place: String, rule: Int? = nil,
    hint: (String) -> String? = { _ in nil }
  ) -> [ConfigurationFinding] {
    let lower = Set(known.map { $0.lowercased() })
    return members.filter { !lower.contains($0.key.lowercased()) }.map { m in
      let scope = place.isEmpty ? "at the top level" : "in \(place)"
      var message = "unknown key '\(m.key)' \(scope); nothing reads it"
      if let extra = hint(m.key) { message += " (\(extra))" }
      return ConfigurationFinding(
        options.strictKeys ? .error : .warning, .unknownKey, rule: rule,
        location: locate(m.offset), message: message,
        suggestion: Suggestion.closest(to: m.key, among: known))
    }
  }

  func read(_ root: JSONValue) throws(ConfigurationError) -> Configuration {
    guard let top = root.members else {
      throw ConfigurationError("the configuration must be a JSON object")
    }
    var config = Configuration()
    config.findings += unknownKeys(
      top, known: Self.topLevelKeys + ["processingError"], place: "")

    // 1. Types of the top-level values (Json.NET: exact name first, then case-insensitive).
    if let v = member(top, "fhirVersion") {
      switch v.value {
      case .string(let s): config.fhirVersion = s
      case .null: break
      default: throw typeError("fhirVersion", v, "a string")
      }
    }
    if let v = member(top, "processingErrors") {
      config.processingErrors =
        try enumValue(v, key: "processingErrors", ["raise", "skip"])
        .flatMap(Configuration.ProcessingErrors.init(rawValue:)) ?? .raise
    } else if let v = member(top, "processingError") {
      // Q9: Microsoft ignores the singular spelling its own documentation uses; we honour it.
      config.processingErrors =
        try enumValue(v, key: "processingError", ["raise", "skip"])
        .flatMap(Configuration.ProcessingErrors.init(rawValue:)) ?? .raise
      config.warnings.append(
        "'processingError' (\(locate(v.offset))) is read as 'processingErrors'; Microsoft's tool "
          + "ignores the singular key")
    }
    if let v = member(top, "validOutput") {
      switch v.value {
      case .bool(let b): config.validOutput = b
      case .null: break
      default: throw typeError("validOutput", v, "true or false")
      }
    }
    if let v = member(top, "parameters") {
      switch v.value {
      case .object(let members):
        config.parameters = try readParameters(members)
        config.findings += unknownKeys(members, known: Self.parameterKeys, place: "parameters")
      case .null: break
      default: throw typeError("parameters", v, "an object")
      }
    }
    let rulesMember = member(top, "fhirPathRules")
    var rawRules: [JSONValue] = []
    if let v = rulesMember {
      switch v.value {
      case .array(let items): rawRules = items
      case .null: break
      default: throw typeError("fhirPathRules", v, "an array")
      }
    }

    // 2. fhirVersion.
    if let version = config.fhirVersion, !version.isEmpty {
      guard version.lowercased() == "r4" else {
        throw ConfigurationError(
          "fhirVersion '\(version)' is not supported; expected fhirVersion: R4")
      }
    } else {
      config.warnings.append("no fhirVersion in the configuration; R4 is assumed")
    }

    // 3. fhirPathRules present and not null.
    guard let rulesValue = rulesMember, rulesValue.value != .null else {
      throw ConfigurationError("no fhirPathRules: please specify fhirPathRules (may be [])")
    }
    _ = rulesValue

    // 4. Each rule in order.
    for (index, raw) in rawRules.enumerated() {
      let rule = try Rule.read(raw, index: index)
      config.rules.append(rule)
      let known = Self.ruleKeys[rule.method] ?? []
      config.findings += unknownKeys(
        rule.settings, known: known, place: "fhirPathRules[\(index)]", rule: index
      ) { key in
        let owners = Self.ruleKeys.filter { $0.value.contains(key) }.map(\.key.rawValue).sorted()
        return owners.isEmpty
          ? nil
          : "'\(key)' is a setting of method \(owners.joined(separator: ", ")), "
            + "not of \(rule.method.rawValue)"
      }
      for var finding in PathCheck.check(rule) {
        if options.lenientPaths {
          finding.severity = .warning
          finding.message += " (a warning under --lenient-paths)"
        }
        config.findings.append(finding)
      }
    }

    // 5. encryptKey length.
    if let key = config.parameters.encryptKey, !key.isEmpty {
      let bits = key.utf8.count * 8
      guard bits == 128 || bits == 192 || bits == 256 else {
        throw ConfigurationError(
          "parameters.encryptKey must be 16, 24 or 32 bytes of UTF-8 (AES-128/192/256); "
            + "it has \(key.utf8.count)")
      }
    }
    return config
  }

  func readParameters(_ members: [JSONValue.Member]) throws(ConfigurationError)
    -> Configuration.Parameters
  {
    var p = Configuration.Parameters()
    p.dateShiftKey = try optionalString(members, "dateShiftKey")
    p.cryptoHashKey = try optionalString(members, "cryptoHashKey")
    p.encryptKey = try optionalString(members, "encryptKey")
    for key in ["dateShiftKey", "cryptoHashKey", "encryptKey"] {
      if case .string("")? = member(members, key)?.value { p.emptyKeys.append(key) }
    }
    if let v = member(members, "dateShiftScope") {
      let names = Configuration.DateShiftScope.allCases.map(\.rawValue)
      p.dateShiftScope =
        try enumValue(v, key: "parameters.dateShiftScope", names)
        .flatMap(Configuration.DateShiftScope.init(rawValue:)) ?? .resource
    }
    if let v = member(members, "dateShiftFixedOffsetInDays") {
      switch v.value {
      case .null: break
      case .number(let n), .string(let n):
        guard let days = Int(n.trimmingSpaces), abs(days) <= 3_650_000 else {
          throw typeError("parameters.dateShiftFixedOffsetInDays", v, "an integer number of days")
        }
        p.dateShiftFixedOffsetInDays = days
      default: throw typeError("parameters.dateShiftFixedOffsetInDays", v, "an integer or null")
      }
    }
    if let v = member(members, "dateShiftAlgorithm") {
      let names = Configuration.DateShiftAlgorithm.allCases.map(\.rawValue)
      p.dateShiftAlgorithm = try enumValue(v, key: "parameters.dateShiftAlgorithm", names)
        .flatMap(Configuration.DateShiftAlgorithm.init(rawValue:))
    }
    if let v = member(members, "dateShiftRange") {
      let range = Configuration.dateShiftRanges
      let expected = "an integer number of days from \(range.lowerBound) to \(range.upperBound)"
      switch v.value {
      case .null: break
      case .number(let n), .string(let n):
        guard let days = Int(n.trimmingSpaces), range.contains(days) else {
          throw typeError("parameters.dateShiftRange", v, expected)
        }
        p.dateShiftRange = days
      default: throw typeError("parameters.dateShiftRange", v, expected)
      }
    }
    p.enablePartialAgesForRedact = try bool(members, "enablePartialAgesForRedact")
    p.enablePartialDatesForRedact = try bool(members, "enablePartialDatesForRedact")
    p.enablePartialZipCodesForRedact = try bool(members, "enablePartialZipCodesForRedact")
    if let v = member(members, "restrictedZipCodeTabulationAreas") {
      switch v.value {
      case .null: break
      case .array(let items):
        var zips: [String] = []
        for item in items {
          switch item {
          case .string(let s): zips.append(s)
          case .number(let n): zips.append(n)
          default:
            throw typeError("parameters.restrictedZipCodeTabulationAreas", v, "an array of strings")
          }
        }
        p.restrictedZipCodeTabulationAreas = zips
      default:
        throw typeError("parameters.restrictedZipCodeTabulationAreas", v, "an array of strings")
      }
    }
    return p
  }

  // MARK: Json.NET-style member lookup and conversions

  /// Exact key first, then the first case-insensitive match (Json.NET contract resolution).
  func member(_ members: [JSONValue.Member], _ name: String) -> JSONValue.Member? {
    if let m = members.first(where: { $0.key == name }) { return m }
    let lower = name.lowercased()
    return members.first { $0.key.lowercased() == lower }
  }

  func typeError(_ key: String, _ m: JSONValue.Member, _ expected: String) -> ConfigurationError {
    ConfigurationError("'\(key)' (\(locate(m.offset))) must be \(expected)")
  }

  func optionalString(_ members: [JSONValue.Member], _ key: String) throws(ConfigurationError)
    -> String?
  {
    guard let v = member(members, key) else { return nil }
    switch v.value {
    case .string(let s): return s.isEmpty ? nil : s
    case .number(let n): return n
    case .null: return nil
    default: throw typeError("parameters." + key, v, "a string")
    }
  }

  func bool(_ members: [JSONValue.Member], _ key: String) throws(ConfigurationError) -> Bool {
    guard let v = member(members, key) else { return false }
    switch v.value {
    case .bool(let b): return b
    case .null: return false
    case .string(let s) where s.lowercased() == "true": return true
    case .string(let s) where s.lowercased() == "false": return false
    case .number(let n) where Int(n) != nil: return Int(n) != 0
    default: throw typeError("parameters." + key, v, "true or false")
    }
  }

  /// An enum-valued setting: exact name, then case-insensitive, or its integer position.
  func enumValue(_ v: JSONValue.Member, key: String, _ names: [String]) throws(ConfigurationError)
    -> String?
  {
    switch v.value {
    case .string(let s):
      if names.contains(s) { return s }
      if let match = names.first(where: { $0.lowercased() == s.lowercased() }) { return match }
    case .number(let n):
      if let i = Int(n), names.indices.contains(i) { return names[i] }
    default: break
    }
    throw typeError(key, v, "one of " + names.map { "'\($0)'" }.joined(separator: ", "))
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: Substring {
    let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\n" || c == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return self[first...last]
  }
}
