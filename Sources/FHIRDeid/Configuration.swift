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
    package init() {}
  }

  package var fhirVersion: String?
  package var processingErrors: ProcessingErrors = .raise
  package var rules: [Rule] = []
  package var parameters = Parameters()
  /// Things a user should know that do not stop the run (unknown keys, aliases, missing version).
  package var warnings: [String] = []

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
  package static func load(_ text: [UInt8]) throws(ConfigurationError) -> Configuration {
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
    return try ConfigurationReader(locate: locate).read(root)
  }
}

/// Reads a parsed configuration document into a ``Configuration``, in the reference validator's
/// order: parse/type conversion, `fhirVersion`, `fhirPathRules`, each rule, `encryptKey`.
private struct ConfigurationReader {
  let locate: (Int) -> String

  func read(_ root: JSONValue) throws(ConfigurationError) -> Configuration {
    guard let top = root.members else {
      throw ConfigurationError("the configuration must be a JSON object")
    }
    var config = Configuration()

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
    if let v = member(top, "parameters") {
      switch v.value {
      case .object(let members): config.parameters = try readParameters(members)
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
      config.rules.append(try Rule.read(raw, index: index))
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
