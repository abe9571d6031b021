import FHIRDeid
import Testing

/// Loading Microsoft-format configurations: spec §1 (keys, case rules, comments, BOM) and the
/// validation list of §1.5, in order.
@Suite struct ConfigurationTests {
  func load(_ text: String) -> Result<Configuration, ConfigurationError> {
    do throws(ConfigurationError) {
      return .success(try Configuration.load(Array(text.utf8)))
    } catch {
      return .failure(error)
    }
  }

  func error(_ text: String) -> String? {
    if case .failure(let e) = load(text) { return e.message }
    return nil
  }

  /// A plain member chain loads as one (without the FHIRPath compiler); a chain with a FHIRPath
  /// keyword still goes through the compiler, which refuses what does not parse.
  @Test func memberChainsAndKeywords() throws {
    func rules(_ path: String) -> String {
      #"{"fhirPathRules":[{"path":"\#(path)","method":"redact"}]}"#
    }
    let chain = try load(rules("Patient.name.family")).get()
    guard case .members(let names) = chain.rules[0].selector else {
      Issue.record("Patient.name.family is not a member chain")
      return
    }
    #expect(names == [Array("name".utf8), Array("family".utf8)])
    #expect(error(rules("Patient.and")) != nil)
    #expect(error(rules("Patient.name.family")) == nil)
  }

  @Test func acceptsCommentsBOMAndCaseInsensitiveTopLevelKeys() throws {
    let text =
      "\u{FEFF}" + """
        // a comment
        { /* block */ "FhirVersion": "r4", "ProcessingErrors": "Skip",
          "FHIRPATHRULES": [ {"path": "Patient.name", "method": "REDACT"} ],
          "Parameters": {"DateShiftKey": "k", "enablePartialDatesForRedact": "true",
                         "dateShiftFixedOffsetInDays": "7", "customSettings": {"x": 1}},
          "unknownKey": 1 }
        """
    let c = try load(text).get()
    #expect(c.processingErrors == .skip)
    #expect(c.rules.count == 1)
    #expect(c.rules[0].method == .redact)
    #expect(c.parameters.dateShiftKey == "k")
    #expect(c.parameters.enablePartialDatesForRedact)
    #expect(c.parameters.dateShiftFixedOffsetInDays == 7)
  }

  @Test func emptyRulesAreValid() throws {
    #expect(try load(#"{"fhirVersion":"R4","fhirPathRules":[]}"#).get().rules.isEmpty)
  }

  @Test("Q9: the singular processingError is honoured, with a warning")
  func singularProcessingError() throws {
    let c = try load(#"{"fhirVersion":"R4","processingError":"skip","fhirPathRules":[]}"#).get()
    #expect(c.processingErrors == .skip)
    #expect(c.warnings.contains { $0.contains("processingError") })
  }

  @Test func missingVersionWarns() throws {
    let c = try load(#"{"fhirPathRules":[]}"#).get()
    #expect(c.warnings.contains { $0.contains("fhirVersion") })
  }

  @Test(
    "§1.5: each configuration error names what is wrong",
    arguments: [
      (#"{"fhirPathRules":[], "fhirPathRules":[]}"#, "duplicate"),
      (#"{"fhirPathRules":[}"#, "invalid JSON"),
      (#"{"fhirVersion":"Stu3","fhirPathRules":[]}"#, "fhirVersion"),
      (#"{"fhirVersion":" R4","fhirPathRules":[]}"#, "fhirVersion"),
      (#"{"fhirVersion":"R4"}"#, "fhirPathRules"),
      (#"{"fhirVersion":"R4","fhirPathRules":null}"#, "fhirPathRules"),
      (#"{"fhirPathRules":[{"path":"Patient.name"}]}"#, "fhirPathRules[0]: missing"),
      (#"{"fhirPathRules":[{"Path":"Patient.name","method":"redact"}]}"#, "missing"),
      (
        #"{"fhirPathRules":[{"path":"Patient.name &&","method":"redact"}]}"#,
        "fhirPathRules[0].path: FHIRPath error at column"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.invalid()","method":"redact"}]}"#,
        "fhirPathRules[0].path"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"redact"},{"path":"Patient","method":"skip"}]}"#,
        "fhirPathRules[1].method 'skip'"
      ),
      (#"{"fhirPathRules":[{"path":"Patient.name","method":"substitute"}]}"#, "replaceWith"),
      (#"{"fhirPathRules":[{"path":"Patient.name","method":"perturb"}]}"#, "span"),
      (#"{"fhirPathRules":[{"path":"Patient.name","method":"perturb","span":"test"}]}"#, "span"),
      (#"{"fhirPathRules":[{"path":"Patient.name","method":"perturb","span":-1}]}"#, "span"),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"perturb","span":1,"roundTo":29}]}"#,
        "roundTo"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"perturb","span":1,"roundTo":2.5}]}"#,
        "roundTo"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"perturb","span":1,"rangeType":"Proportionaal"}]}"#,
        "rangeType"
      ),
      (#"{"fhirPathRules":[{"path":"Patient.name","method":"generalize"}]}"#, "cases"),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"generalize","cases":{"$this sub 1":"1"}}]}"#,
        "cases condition"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"generalize","cases":{"true":"10 add"}}]}"#,
        "cases value"
      ),
      (
        #"{"fhirPathRules":[{"path":"Patient.name","method":"generalize","cases":{"true":"1"},"otherValues":"unknown"}]}"#,
        "otherValues"
      ),
      (#"{"fhirPathRules":[],"parameters":{"encryptKey":"01234567890123456789"}}"#, "encryptKey"),
      (#"{"fhirPathRules":[],"processingErrors":"keep"}"#, "processingErrors"),
      (#"{"fhirPathRules":[],"parameters":{"dateShiftScope":"planet"}}"#, "dateShiftScope"),
    ])
  func rejected(_ text: String, _ expected: String) {
    let message = error(text)
    #expect(message?.contains(expected) == true, "\(text) → \(message ?? "accepted")")
  }

  @Test("§1.5 order: a rule error is reported before the encryptKey error")
  func validationOrder() {
    let message = error(
      #"{"fhirPathRules":[{"path":"Patient.name","method":"substitute"}],"parameters":{"encryptKey":"short"}}"#
    )
    #expect(message?.contains("replaceWith") == true)
  }

  @Test func acceptedMethodSettings() throws {
    let c = try load(
      #"{"fhirPathRules":[{"path":"Patient.name","method":"substitute","replaceWith":null},{"path":"Patient.multipleBirth","method":"perturb","span":"0","roundTo":"28","rangeType":"Proportional"},{"path":"Patient.birthDate","method":"generalize","cases":"{\"$this > @2000\": \"@2000\"}","otherValues":"KEEP"}]}"#
    ).get()
    #expect(c.rules.map(\.method) == [.substitute, .perturb, .generalize])
  }

  @Test(
    "§3.2: a path's resource type prefix",
    arguments: [
      ("Patient.address", "Patient", "address"),
      ("Patient.nodesByType('address')", "Patient", "nodesByType('address')"),
      ("nodesByType('address')", "", "nodesByType('address')"),
      ("Patient", "Patient", "Patient"),
      ("Resource", "Resource", "Resource"),
      (
        "(nodesByType('Observation').value as Quantity).value", "",
        "(nodesByType('Observation').value as Quantity).value"
      ),
    ])
  func split(_ path: String, _ type: String, _ expression: String) {
    let (t, e) = Rule.split(path)
    #expect(t == type)
    #expect(e == expression)
  }

  @Test(
    "§3.3: which paths take the fast path",
    arguments: [
      ("nodesByType('Address')", true), ("nodesByType(\"Address\").country", true),
      ("nodesByName('value')", true), ("Patient.nodesByType('Address')", false),
      ("nodesByType('Address').where(city='x')", false),
      ("nodesByType('Address').nodesByType('Period')", false),
    ])
  func fastPath(_ path: String, _ fast: Bool) {
    #expect((Rule.Selector.fastPath(path) != nil) == fast)
  }
}
