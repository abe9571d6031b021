import DeidTestSupport
import FHIRDeid
import FHIRModel
import Foundation
import Testing

/// #9 item 3: the Safe Harbor presets deny text by default. Resources generated from the R4
/// model carry a unique canary in every text-typed element (string, markdown, xhtml, uri, url,
/// canonical, oid, uuid, id, base64Binary), and hand-made hostile resources (`Fixtures/hostile`)
/// carry one in elements that no rule names; none may survive, except in the short allow-list.
@Suite struct DefaultDenyTests {
  static let presets: [Preset] = [.safeHarbor, .safeHarborPatientShift]
  static let key = "default-deny-test-key-0123456789"

  /// The element paths (structure path + name) whose text the presets keep on purpose: README,
  /// "What the preset keeps". Everything else planted must be gone.
  static let allowList: Set<String> = [
    "Coding.system", "Identifier.system", "Reference.type", "Meta.profile", "Quantity.unit",
    "Quantity.system", "Duration.unit", "Duration.system", "Distance.unit", "Distance.system",
    "Count.unit", "Count.system", "Address.state", "Address.country",
    // Provider directory data, as Microsoft's sample keeps it.
    "OrganizationAffiliation: Identifier.value", "OrganizationAffiliation: ContactPoint.value",
  ]

  static func harness(_ text: String) throws -> EngineHarness {
    try EngineHarness(text, dateShiftKey: key, cryptoHashKey: key)
  }

  // MARK: Generated from the model

  /// Every R4 resource type, each in three variants (a choice element takes a different type in
  /// each), with canaries in every text element down to a few levels of nesting.
  @Test(arguments: presets)
  func noCanaryInAnyModelElementSurvives(_ preset: Preset) throws {
    let h = try Self.harness(preset.text)
    var survivors: [String: Int] = [:]
    var keptKinds: Set<String> = []
    var planted = 0
    for name in R4.resourceTypeNames {
      for variant in 0..<3 {
        var planter = CanaryPlanter(variant: variant)
        let generated = planter.resource(name)
        let resource = try #require(generated)
        let line = String(
          decoding: try JSONSerialization.data(withJSONObject: resource, options: [.sortedKeys]),
          as: UTF8.self)
        planted += planter.planted.count
        let out: String
        switch h.run(line) {
        case .success(let text): out = text
        case .failure(let failure):
          Issue.record("\(name) variant \(variant): \(failure.reason)")
          continue
        }
        for token in Self.canaries(in: out) {
          let path = planter.planted[token] ?? "(unknown \(token))"
          if Self.allowList.contains(path) || Self.allowList.contains("\(name): \(path)") {
            keptKinds.insert(path)
          } else {
            survivors["\(name): \(path)", default: 0] += 1
          }
        }
      }
    }
    #expect(planted > 20_000, "\(planted)")
    #expect(survivors.isEmpty, "\(survivors.keys.sorted().prefix(40))")
    // The allow-list is not dead: each kind survives somewhere.
    for kind in [
      "Coding.system", "Identifier.system", "Reference.type", "Meta.profile", "Quantity.unit",
      "Quantity.system", "Duration.unit", "Address.state", "Address.country",
    ] {
      #expect(keptKinds.contains(kind), "\(kind) never survived")
    }
  }

  /// The `CANARY<n>X` tokens in `text`, found in one pass.
  static func canaries(in text: String) -> Set<String> {
    var found: Set<String> = []
    let bytes = Array(text.utf8)
    let marker = Array("CANARY".utf8)
    var i = 0
    while i + marker.count < bytes.count {
      guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
        i += 1
        continue
      }
      var j = i + marker.count
      while j < bytes.count, (0x30...0x39).contains(bytes[j]) { j += 1 }
      if j < bytes.count, bytes[j] == UInt8(ascii: "X"), j > i + marker.count {
        found.insert(String(decoding: bytes[i...j], as: UTF8.self))
      } else {
        found.insert("CANARY?")  // a canary cut short: counts as a survivor
      }
      i = j
    }
    return found
  }

  // MARK: Hand-made hostile resources

  static let hostile: [String] = {
    let path = Shared.packageRoot + "/Tests/FHIRDeidTests/Fixtures/hostile/input.ndjson"
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }()

  /// Values of the hostile fixture that must survive (allow-listed and provider data).
  static let kept = [
    #""unit":"mL""#, #""unit":"mm""#, #""system":"http://unitsofmeasure.org""#,
    #""system":"http://loinc.org""#, #""system":"http://hl7.org/fhir/sid/us-ssn""#,
    #""state":"MA""#, #""country":"US""#,
    #""profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]"#,
    #""type":"Practitioner""#, #""name":"General Hospital""#, #""value":"1234567893""#,
    #""value":"555-0100""#, #""line":["1 Main St"]"#, #""city":"Boston""#,
    #""postalCode":"02115""#,
  ]

  @Test(arguments: presets)
  func noCanaryInTheHostileResourcesSurvives(_ preset: Preset) throws {
    #expect(Self.hostile.count >= 15)
    let h = try Self.harness(preset.text)
    var all = ""
    for (i, line) in Self.hostile.enumerated() {
      let out = try #require(try? h.run(line).get(), "line \(i + 1) failed")
      #expect(!out.contains("CANARY"), "line \(i + 1): \(out)")
      // No base URL of a reference survives, and the hashed references keep their type.
      #expect(!out.contains("example.org"), "line \(i + 1): \(out)")
      all += out + "\n"
    }
    for value in Self.kept {
      #expect(all.contains(value), "\(value) was removed")
    }
    // Absolute references became relative pseudonyms.
    #expect(all.contains(#""reference":"Patient/"#))
    #expect(all.contains(#""reference":"Practitioner/"#))
    #expect(all.contains(#""reference":"Observation/"#))
  }

  @Test("ages over 89 in a Quantity or Range are removed; 89 and other units stay")
  func yearUnitQuantities() throws {
    let h = try Self.harness(Preset.safeHarbor.text)
    func risk(_ low: String, _ high: String, unit: String = "years", code: String = "a") -> String {
      #"{"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/p"},"prediction":[{"probabilityDecimal":0.5,"whenRange":{"low":{"value":\#(low),"unit":"\#(unit)","system":"http://unitsofmeasure.org","code":"\#(code)"},"high":{"value":\#(high),"unit":"\#(unit)","system":"http://unitsofmeasure.org","code":"\#(code)"}}}]}"#
    }
    for (low, high, unit, code, removed) in [
      ("95", "97", "years", "a", true), ("80", "90", "years", "a", true),
      ("80", "89.5", "yr", "a", true), ("80", "89", "years", "a", false),
      ("1000", "1069", "months", "mo", true), ("1000", "1068", "months", "mo", false),
      ("95", "97", "Years", "", true), ("95", "97", "kg", "kg", false),
      ("40000", "40001", "h", "h", false), ("32000", "32508", "days", "d", true),
      ("4000", "4644", "weeks", "wk", true),
    ] {
      let out = try #require(h.output(risk(low, high, unit: unit, code: code)))
      #expect(out.contains("whenRange") == !removed, "\(low)-\(high) \(unit): \(out)")
    }
    // A comparator: more than 89 years is over 89.
    for (comparator, removed) in [(">", true), (">=", true), ("<", false)] {
      let line =
        #"{"resourceType":"RiskAssessment","status":"final","prediction":[{"whenRange":{"high":{"value":89,"comparator":"\#(comparator)","unit":"a"}}}]}"#
      let out = try #require(h.output(line))
      #expect(out.contains("whenRange") == !removed, "\(comparator): \(out)")
    }
    // A Duration and a plain Quantity (here the Parity block removes Observation values anyway,
    // so a Medication's amount is used: a Ratio of Quantities).
    let duration =
      #"{"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/p"},"medicationCodeableConcept":{"coding":[{"system":"http://x","code":"1"}]},"dispenseRequest":{"expectedSupplyDuration":{"value":91,"unit":"a"},"quantity":{"value":3,"unit":"tablets"}}}"#
    let out = try #require(h.output(duration))
    #expect(!out.contains("expectedSupplyDuration"), "\(out)")
    #expect(out.contains(#""quantity":{"value":3,"unit":"tablets"}"#), "\(out)")
    let ratio =
      #"{"resourceType":"Medication","amount":{"numerator":{"value":90,"unit":"year"},"denominator":{"value":1,"unit":"1"}}}"#
    let ratioOut = try #require(h.output(ratio))
    #expect(!ratioOut.contains("numerator"), "\(ratioOut)")
    #expect(ratioOut.contains(#""denominator":{"value":1,"unit":"1"}"#), "\(ratioOut)")
  }

  // MARK: The README's advice: the preset without its Parity block

  /// The preset text with the lines from the Parity heading to its end marker removed, as a user
  /// following the README would.
  static func withoutParity(_ preset: Preset) throws -> String {
    let lines = preset.text.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.contains("// ---- Parity") })
    let end = try #require(lines.firstIndex { $0.contains("// ---- end of Parity") })
    return (lines[..<start] + lines[(end + 1)...]).joined(separator: "\n")
  }

  @Test(
    "#9: without the Parity block, codes and measured values stay and free text goes",
    arguments: presets)
  func parityBlockRemoved(_ preset: Preset) throws {
    let text = try Self.withoutParity(preset)
    #expect(!text.contains("Observation.referenceRange"))
    let h = try Self.harness(text)
    let observation =
      #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8302-2","display":"CANARY-display"}],"text":"CANARY-code-text"},"subject":{"reference":"Patient/p"},"valueString":"CANARY-John Smith 123-45-6789","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueString":"CANARY-component"},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}],"referenceRange":[{"low":{"value":60,"unit":"mm[Hg]"},"text":"CANARY-range"}]}"#
    let out = try #require(h.output(observation))
    #expect(!out.contains("CANARY"), "\(out)")
    #expect(!out.contains("valueString"), "\(out)")
    #expect(out.contains(#""code":"8302-2""#), "\(out)")
    #expect(out.contains(#""code":"8480-6""#), "\(out)")
    #expect(
      out.contains(
        #""valueQuantity":{"value":80,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}"#
      ), "\(out)")
    #expect(out.contains(#""low":{"value":60,"unit":"mm[Hg]"}"#), "\(out)")
    let value =
      #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"valueQuantity":{"value":70.5,"unit":"kg"}}"#
    #expect(try #require(h.output(value)).contains(#""valueQuantity":{"value":70.5,"unit":"kg"}"#))
    // And still no canary anywhere in the hostile resources.
    for line in Self.hostile {
      let out = try #require(h.output(line))
      #expect(!out.contains("CANARY"), "\(out)")
    }
  }
}

/// Builds a resource of a given type from the R4 model with a unique canary in every text
/// element, remembering where each canary went.
struct CanaryPlanter {
  /// Which type a choice element takes: `variant + position` modulo the number of types.
  let variant: Int
  /// Canary → the element's structure path and name (`Coding.system`, `Patient.contact.gender`).
  var planted: [String: String] = [:]
  private var counter = 0
  static let maxDepth = 5
  static let nestedTypes = ["Device", "Observation", "Patient", "AuditEvent", "Basic"]

  init(variant: Int) { self.variant = variant }

  /// A resource of type `name`, or nil when it is not one.
  mutating func resource(_ name: String, nested: Bool = false) -> [String: Any]? {
    guard let s = R4.structure(named: name) else { return nil }
    var object = self.object(s, depth: 0, types: [name], nested: nested)
    object["resourceType"] = name
    return object
  }

  private mutating func canary(_ path: String, type: String) -> String {
    counter += 1
    let token = "CANARY\(counter)X"
    planted[token] = path
    switch type {
    case "uri", "url", "canonical": return "http://\(token).example.org/fhir/Patient/1"
    case "xhtml": return "<div xmlns=\"http://www.w3.org/1999/xhtml\">\(token)</div>"
    default: return token
    }
  }

  private mutating func object(
    _ s: StructureID, depth: Int, types: Set<String>, nested: Bool
  ) -> [String: Any] {
    var object: [String: Any] = [:]
    let structurePath = R4.path(of: s)
    for (position, element) in R4.children(of: s).enumerated() {
      let name = R4.name(of: element)
      let key: String
      if R4.isChoice(element) {
        let allowed = R4.allowedTypes(of: element)
        let t = allowed[(variant + position) % allowed.count].name
        key = name + t.prefix(1).uppercased() + t.dropFirst()
      } else {
        key = name
      }
      guard let match = R4.child(key, of: s) else { continue }
      let value: Any
      if name == "extension" || name == "modifierExtension" {
        guard depth <= 1 else { continue }
        value = [
          "url": canary("Extension.url", type: "uri"),
          "valueString": canary("Extension.valueString", type: "string"),
        ]
      } else if match.holdsResource {
        guard !nested, depth <= 2 else { continue }
        let type = Self.nestedTypes[(variant + position) % Self.nestedTypes.count]
        guard let inner = resource(type, nested: true) else { continue }
        value = inner
      } else if match.type.isPrimitive {
        value = primitive(match.type.name, path: structurePath + "." + name, key: key)
      } else {
        let typeName = match.type.name
        guard depth < Self.maxDepth, let inner = match.structure else { continue }
        // A data type already on the way down (Identifier.assigner.identifier…) ends the walk.
        let isDataType = R4.path(of: inner) == typeName
        if isDataType && types.contains(typeName) { continue }
        value = self.object(
          inner, depth: depth + 1, types: isDataType ? types.union([typeName]) : types,
          nested: nested)
      }
      object[key] = match.repeats ? [value] : value
    }
    return object
  }

  private mutating func primitive(_ type: String, path: String, key: String) -> Any {
    switch type {
    case "boolean": return true
    case "integer", "positiveInt": return 1
    case "unsignedInt": return 0
    case "decimal": return 1.5
    case "date": return "2001-02-03"
    case "dateTime", "instant": return "2001-02-03T04:05:06Z"
    case "time": return "04:05:06"
    case "code": return "x"
    default: return canary(path, type: type)
    }
  }
}

/// `nodesByType('T')[.where(X)][.rest]` is evaluated over the per-resource type table (a
/// fhir-deid speed-up); its output must be that of the same expression evaluated by FHIRPath,
/// which `(nodesByType('T')…)` (not recognised) forces.
@Suite struct TypeWhereSelectorTests {
  /// The preset text with every rule path that takes the typed selector put in parentheses.
  static func parenthesized(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard let start = line.range(of: #"{"path": ""#),
        let end = line.range(of: #"", "method""#, range: start.upperBound..<line.endIndex),
        Rule.Selector.typedPath(String(line[start.upperBound..<end.lowerBound])) != nil
      else {
        return String(line)
      }
      return line.replacingOccurrences(of: #"{"path": ""#, with: #"{"path": "("#)
        .replacingOccurrences(of: #"", "method""#, with: #")", "method""#)
    }.joined(separator: "\n")
  }

  @Test func thePresetsUseTheTypedSelectorAndTheParenthesizedFormDoesNot() throws {
    let rules = try Preset.safeHarbor.configuration().rules
    let typed = rules.filter {
      if case .byTypeWhere = $0.selector { return true }
      return false
    }
    // The four age rules (`where` only), the seven US Core extension rules (`where` and a
    // rest) and the postal code rule (a rest only).
    #expect(typed.count == 12, "\(typed.map(\.path))")
    let plain = try Configuration.load(Array(Self.parenthesized(Preset.safeHarbor.text).utf8))
    #expect(
      !plain.rules.contains {
        if case .byTypeWhere = $0.selector { return true }
        return false
      })
    #expect(plain.rules.count == rules.count)
  }

  @Test("which rests are evaluated per item")
  func perItemRests() {
    for (path, typed) in [
      ("nodesByType('Extension').where(url='a').value.ofType(Coding).code", true),
      ("nodesByType('Address').postalCode.where(matches('^[0-9]{3}$').not())", true),
      ("nodesByType('Extension').extension('u').value.nodesByType('Coding')", true),
      ("nodesByType('Extension').where(url='a')", true),
      // Functions that see the whole collection, operators and indexers stay on FHIRPath.
      ("nodesByType('Extension').first()", false),
      ("nodesByType('Extension').url.distinct()", false),
      ("nodesByType('Extension').where(url='a').url | nodesByType('Coding').code", false),
      ("nodesByType('Extension')[0].url", false),
      ("nodesByType('Extension').value.where($index = 0)", false),
      ("nodesByType('Extension').url.exists()", false),
      ("nodesByType('Extension').url and true", false),
      ("nodesByType('Patient').name.where(use='x')", false),
      ("nodesByType('Extension').where(url='a'", false),
    ] {
      #expect((Rule.Selector.typedPath(path) != nil) == typed, "\(path)")
    }
  }

  @Test(arguments: DefaultDenyTests.presets)
  func sameOutputAsFHIRPath(_ preset: Preset) throws {
    let fast = try DefaultDenyTests.harness(preset.text)
    let slow = try DefaultDenyTests.harness(Self.parenthesized(preset.text))
    var lines = DefaultDenyTests.hostile
    for name in ["Observation", "RiskAssessment", "MedicationRequest", "Patient", "Bundle"] {
      for variant in 0..<4 {
        var planter = CanaryPlanter(variant: variant)
        let generated = planter.resource(name)
        let resource = try #require(generated)
        lines.append(
          String(
            decoding: try JSONSerialization.data(withJSONObject: resource), as: UTF8.self))
      }
    }
    for line in lines {
      #expect(try fast.run(line).get() == (try slow.run(line).get()))
    }
  }

  @Test("a substitution that adds nodes: the rule falls back to FHIRPath, same output")
  func fallsBackAfterASubstitution() throws {
    var outputs: [String] = []
    for path in [
      "nodesByType('Quantity').where(value > 5)", "(nodesByType('Quantity').where(value > 5))",
    ] {
      let h = try EngineHarness(
        config([
          #"{"path":"Observation.value","method":"substitute","replaceWith":{"value":9,"unit":"kg"}}"#,
          #"{"path":"\#(path)","method":"redact"}"#,
          #"{"path":"nodesByType('Quantity').where(value > 5 and $index = 0)","method":"redact"}"#,
        ]))
      let out = try #require(
        h.output(
          #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1,"unit":"g"},"component":[{"code":{"text":"y"},"valueQuantity":{"value":7,"unit":"g"}}]}"#
        ))
      // The component's 7 g is redacted by the rule under test either way.
      #expect(!out.contains(#""value":7"#), "\(path): \(out)")
      outputs.append(out)
    }
    #expect(outputs[0] == outputs[1])
    // `$index` keeps a rule on the evaluator.
    let rule = try Configuration.load(
      Array(
        config([#"{"path":"nodesByType('Quantity').where($index = 0)","method":"redact"}"#])
          .utf8)
    ).rules[0]
    if case .byTypeWhere = rule.selector { Issue.record("$index rule took the typed selector") }
  }
}
