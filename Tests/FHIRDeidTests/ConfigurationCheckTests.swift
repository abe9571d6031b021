import FHIRDeid
import Testing

/// #11: configurations are checked against the R4 model when they load, and `lint` finds what
/// can never work.
@Suite struct ConfigurationCheckTests {
  static func config(_ rules: [String], parameters: String = "{}", extra: String = "") -> [UInt8] {
    Array(
      (#"{"fhirVersion":"R4","fhirPathRules":["# + rules.joined(separator: ",")
        + #"],"parameters":"# + parameters + extra + "}").utf8)
  }

  static func rule(_ path: String, _ method: String = "redact", _ more: String = "") -> String {
    #"{"path":"\#(path)","method":"\#(method)""# + more + "}"
  }

  func loadError(_ text: [UInt8], options: Configuration.LoadOptions = .init()) -> String? {
    do {
      _ = try Configuration.load(text, options: options)
      return nil
    } catch {
      return error.message
    }
  }

  @Test("#11: a misspelt element fails to load with its rule, column and the R4 name")
  func misspeltElement() throws {
    let message = try #require(loadError(Self.config([Self.rule("Patient.nmae")])))
    #expect(message.contains("fhirPathRules[0].path, column 9"), "\(message)")
    #expect(message.contains("'nmae' is not an element of Patient"))
    #expect(message.contains("did you mean 'name'?"))
  }

  @Test("#11: a misspelt resource type fails with the closest resource type")
  func misspeltResourceType() throws {
    let message = try #require(loadError(Self.config([Self.rule("Patinet.name")])))
    #expect(message.contains("column 1: 'Patinet' is not an R4 resource type"), "\(message)")
    #expect(message.contains("did you mean 'Patient'?"))
  }

  @Test(
    "#11: steps are followed through backbones, choices, types and functions",
    arguments: [
      ("HealthcareService.notAvaliable.description", "notAvailable"),
      ("Patient.contact.nmae.family", "name"),
      ("Observation.component.value.ofType(Quantity).vlue", "value"),
      ("nodesByType('HumanName').famly", "family"),
      ("nodesByType('Humanname').family", "HumanName"),
      ("Observation.value.ofType(Quantitty)", "Quantity"),
      ("nodesByType('Extension').where(url='x').valeu", "value"),
      ("Observation.valueQuantity", "value.ofType(Quantity)"),
      ("Patient.birthDate.extention", "extension"),
    ])
  func steps(_ path: String, _ suggestion: String) throws {
    let message = try #require(loadError(Self.config([Self.rule(path)])), "\(path)")
    #expect(message.contains("did you mean '\(suggestion)'?"), "\(path): \(message)")
  }

  @Test(
    "#11: valid paths load, including those the checker cannot type",
    arguments: [
      "Patient.name.family", "Patient", "Resource.id", "DomainResource.text",
      "Observation.value.ofType(Quantity).value", "Bundle.entry.resource.ofType(Patient).name",
      "Patient.contained.name", "nodesByType('HumanName')", "nodesByName('family')",
      "Patient.birthDate.extension.url", "Questionnaire.item.item.linkId",
      "Patient.name.where(use='official').given", "Claim.insurance.coverage",
      "Observation.where(status = 'final').code", "Patient.name.first().family",
      "(Patient.name | Patient.address).where(true)", "Patient.extension('http://x').value",
    ])
  func validPaths(_ path: String) {
    #expect(loadError(Self.config([Self.rule(path)])) == nil, "\(path)")
  }

  @Test("#11: --lenient-paths makes path errors warnings; the load goes on")
  func lenient() throws {
    let c = try Configuration.load(
      Self.config([Self.rule("Patient.nmae")]), options: .init(lenientPaths: true))
    #expect(c.rules.count == 1)
    #expect(c.warnings.contains { $0.contains("'nmae'") && $0.contains("--lenient-paths") })
  }

  @Test("#11: unknown keys at every level are warnings with a suggestion, errors under strict")
  func unknownKeys() throws {
    let text = Self.config(
      [Self.rule("Patient.name", "redact", #","cases":[]"#)],
      parameters: #"{"dateShiftKye":"k"}"#, extra: #","parameter":{}"#)
    let c = try Configuration.load(text)
    let warnings = c.warnings.joined(separator: "\n")
    #expect(warnings.contains("unknown key 'dateShiftKye' in parameters"), "\(warnings)")
    #expect(warnings.contains("did you mean 'dateShiftKey'?"))
    #expect(warnings.contains("unknown key 'parameter' at the top level"))
    #expect(warnings.contains("did you mean 'parameters'?"))
    #expect(warnings.contains("'cases' is a setting of method generalize, not of redact"))
    let message = try #require(loadError(text, options: .init(strictKeys: true)))
    #expect(message.contains("unknown key"), "\(message)")
    // Keys are matched without case, as Json.NET reads them.
    #expect(
      loadError(Array(#"{"FhirPathRules":[],"PARAMETERS":{"DateShiftKey":"k"}}"#.utf8)) == nil)
  }

  @Test("#11: lint finds paths that never match, shadowed rules and methods that cannot apply")
  func lint() throws {
    let text = Self.config([
      Self.rule("Patient.name"),
      Self.rule("Patient.name.family"),
      Self.rule("Patient.gender.ofType(Quantity)"),
      Self.rule("Observation.code.coding.where(code = 5)"),
      Self.rule("Patient.gender", "dateShift"),
      Self.rule("Patient.gender", "perturb", #","span":1"#),
      Self.rule("Patient.address", "generalize", #","cases":{"true":"'x'"}"#),
      Self.rule("nodesByType('string')"),
      Self.rule("nodesByType('string').extension"),
    ])
    let c = try Configuration.load(text, options: .init(collectsErrors: true))
    let findings = ConfigurationLint.findings(for: c)
    func has(_ code: ConfigurationFinding.Code, rule: Int) -> Bool {
      findings.contains { $0.code == code && $0.rule == rule }
    }
    #expect(has(.shadowedRule, rule: 1), "\(findings.map(\.text))")
    #expect(has(.impossibleType, rule: 2))
    #expect(has(.neverTrue, rule: 3))
    #expect(has(.methodCannotApply, rule: 4))
    #expect(has(.methodCannotApply, rule: 5))
    #expect(has(.methodCannotApply, rule: 6))
    #expect(has(.shadowedRule, rule: 8))
    #expect(!findings.contains { $0.rule == 0 || $0.rule == 7 })
  }

  @Test("#11: every built-in preset lints clean", arguments: Preset.allCases)
  func presetsLintClean(_ preset: Preset) throws {
    let c = try Configuration.load(Array(preset.text.utf8), options: .init(collectsErrors: true))
    #expect(ConfigurationLint.findings(for: c).map(\.text) == [])
  }

  @Test("#11: weak and empty keys, and Microsoft's date-shift algorithm")
  func keys() throws {
    let c = try Configuration.load(
      Self.config(
        [Self.rule("Patient.id", "cryptoHash"), Self.rule("Patient.birthDate", "dateShift")],
        parameters: #"{"cryptoHashKey":"short","dateShiftKey":""}"#),
      options: .init(collectsErrors: true))
    let findings = ConfigurationLint.findings(for: c)
    #expect(findings.contains { $0.code == .weakKey && $0.severity == .error })
    #expect(findings.contains { $0.code == .weakKey && $0.location == "parameters.dateShiftKey" })
    #expect(findings.contains { $0.code == .reversibleDateShift })
  }

  @Test("#11: edit distance counts a swap of neighbours as one edit")
  func distance() {
    #expect(Suggestion.distance(Array("nmae".utf8), Array("name".utf8)) == 1)
    #expect(Suggestion.distance(Array("notAvaliable".utf8), Array("notAvailable".utf8)) == 1)
    #expect(Suggestion.distance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    #expect(Suggestion.closest(to: "xyzzy", among: ["name", "gender"]) == nil)
  }
}
