import FHIRModel

/// `fhir-deid lint`: every check a configuration can get without data. The load's own findings
/// (``PathCheck`` and unknown keys) come first, then per rule what can never match or never
/// change anything, then the keys and the date-shift algorithm.
package enum ConfigurationLint {
  /// All findings for `configuration`, loaded with ``Configuration/LoadOptions/collectsErrors``
  /// (so that its own errors are in ``Configuration/findings``).
  package static func findings(for configuration: Configuration) -> [ConfigurationFinding] {
    var findings = configuration.findings
    let rules = configuration.rules
    for rule in rules {
      let (pathFindings, places) = PathCheck.walk(rule, lint: true)
      findings += pathFindings.filter { $0.code == .impossibleType || $0.code == .neverTrue }
      if let places, let finding = methodFinding(rule, places) { findings.append(finding) }
      if let earlier = rules.prefix(rule.index).first(where: { covers($0, rule) }) {
        findings.append(
          ConfigurationFinding(
            .warning, .shadowedRule, rule: rule.index, location: "fhirPathRules[\(rule.index)]",
            message: "never applied: rule \(earlier.index) (\"\(earlier.path)\") reaches every "
              + "node it selects first (the first rule that reaches a node decides it)"))
      }
    }
    findings += keyFindings(configuration)
    // Rule order (stable), findings about no rule first.
    return findings.enumerated().sorted { a, b in
      (a.element.rule ?? -1, a.offset) < (b.element.rule ?? -1, b.offset)
    }.map(\.element)
  }

  /// A method that cannot change what the path reaches: `dateShift` on no date, `perturb` on
  /// no number, `generalize` on complex elements (a run-time error).
  static func methodFinding(_ rule: Rule, _ places: Set<PathCheck.Place>)
    -> ConfigurationFinding?
  {
    guard !places.isEmpty, !places.contains(.anyResource) else { return nil }
    var primitives: [FHIRType] = []
    var complex = false
    for place in places {
      switch place {
      case .primitive(let t): primitives.append(t)
      case .structure: complex = true
      case .anyResource: return nil
      }
    }
    let location = "fhirPathRules[\(rule.index)]"
    let reached = PathCheck.describe(places)
    switch rule.method {
    case .dateShift where !complex:
      let dates: Set<String> = ["date", "dateTime", "instant"]
      guard !primitives.contains(where: { dates.contains($0.name) }) else { return nil }
      return ConfigurationFinding(
        .warning, .methodCannotApply, rule: rule.index, location: location,
        message: "dateShift changes only date, dateTime and instant values; the path reaches "
          + reached)
    case .perturb where !complex:
      let numbers: Set<String> = ["decimal", "integer", "positiveInt", "unsignedInt"]
      guard !primitives.contains(where: { numbers.contains($0.name) }) else { return nil }
      return ConfigurationFinding(
        .warning, .methodCannotApply, rule: rule.index, location: location,
        message: "perturb changes only numbers and quantities; the path reaches \(reached)")
    case .generalize where primitives.isEmpty:
      return ConfigurationFinding(
        .error, .methodCannotApply, rule: rule.index, location: location,
        message: "generalize applies only to primitive values; the path reaches \(reached), "
          + "which stops the run")
    default:
      return nil
    }
  }

  /// Whether every node `later` selects is reached by `earlier` first: the same path, a whole
  /// resource, all nodes of a type before some of them or their members, a member chain before
  /// a longer one. Only cases that hold for any data.
  static func covers(_ earlier: Rule, _ later: Rule) -> Bool {
    let appliesWider =
      earlier.resourceType.isEmpty || earlier.resourceType == "Resource"
      || earlier.resourceType == "DomainResource" || earlier.resourceType == later.resourceType
    guard appliesWider else { return false }
    if earlier.path == later.path { return true }
    if earlier.isWholeResource, !later.resourceType.isEmpty,
      earlier.resourceType == later.resourceType
    {
      return true
    }
    switch (earlier.selector, later.selector) {
    case (.byType(let a?, nil), .byType(let b?, _)): return a == b
    case (.byType(let a?, nil), .byTypeWhere(let b, _, _, _)): return a == b
    case (.members(let a), .members(let b)):
      return earlier.resourceType == later.resourceType && b.count > a.count
        && Array(b.prefix(a.count)) == a
    default: return false
    }
  }

  /// Keys given empty (Microsoft's tool then makes random ones, so its output cannot be linked
  /// across runs; fhir-deid needs them at run time) or shorter than 16 bytes, and Microsoft's
  /// date-shift algorithm.
  static func keyFindings(_ configuration: Configuration) -> [ConfigurationFinding] {
    var findings: [ConfigurationFinding] = []
    let needed = Set(configuration.neededKeys.map(\.rawValue))
    for key in configuration.parameters.emptyKeys where needed.contains(key) {
      findings.append(
        ConfigurationFinding(
          .warning, .weakKey, location: "parameters.\(key)",
          message: "empty: Microsoft's tool would use a random key; fhir-deid needs it at run "
            + "time (--keys FILE, \(KeyName(rawValue: key)?.environmentVariable ?? "its variable"), "
            + "or --random-keys)"))
    }
    let given: [(String, String?)] = [
      ("dateShiftKey", configuration.parameters.dateShiftKey),
      ("cryptoHashKey", configuration.parameters.cryptoHashKey),
    ]
    for case (let key, let value?) in given
    where needed.contains(key) && value.utf8.count < KeyName.minimumStrongBytes {
      findings.append(
        ConfigurationFinding(
          .error, .weakKey, location: "parameters.\(key)",
          message: "\(value.utf8.count) bytes, under the \(KeyName.minimumStrongBytes) a run "
            + "accepts without --allow-weak-keys (fhir-deid keygen writes strong keys)"))
    }
    if needed.contains("dateShiftKey"), configuration.dateShiftAlgorithm == .microsoft {
      findings.append(
        ConfigurationFinding(
          .warning, .reversibleDateShift, location: "parameters.dateShiftAlgorithm",
          message: "dateShift with Microsoft's algorithm: every resource's offset can be "
            + "recovered from the output alone; \"hmac-sha256\" cannot be"))
    }
    return findings
  }
}
