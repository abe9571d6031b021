import FHIRDeid
import FHIRModel
import Testing

/// #13: the repairs that keep output valid R4 (`validOutput`, `--valid-output`) and the checks
/// of `--validate-output`, one resource at a time.
@Suite struct OutputCheckTests {
  static let dar =
    #"{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"masked"}]}"#

  /// A configuration with `rules`, partial dates for redact, and `validOutput` when `valid`.
  func harness(_ rules: [String], valid: Bool = true, validation: OutputValidation? = nil)
    throws -> EngineHarness
  {
    try EngineHarness(
      config(
        rules, parameters: #"{"enablePartialDatesForRedact":true}"#,
        extra: valid ? #""validOutput":true,"# : ""),
      outputChecks: OutputChecks(validation: validation))
  }

  let observation =
    #"{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"issued":"2020-01-02T03:04:05Z"}"#

  @Test func anInstantCutToItsYearIsRemoved() throws {
    let rule = #"{"path":"Observation.issued","method":"redact"}"#
    // Microsoft's output (no validOutput): the instant is cut to "2020", invalid R4.
    let plain = try harness([rule], valid: false).output(observation)
    #expect(plain?.contains(#""issued":"2020""#) == true)
    let h = try harness([rule])
    let out = try #require(h.output(observation))
    #expect(!out.contains("issued"))
    #expect(out.hasPrefix(#"{"resourceType":"Observation","id":"o","status":"final""#))
    let counters = h.worker.takeCounters()
    #expect(counters.repairs.total == 1)
    #expect(counters.repairs.entries.first?.kind == .invalidValueRemoved)
    #expect(counters.repairs.entries.first.map { R4.path(of: $0.element) } == "Observation.issued")
  }

  @Test func aRequiredInstantIsMaskedNotCut() throws {
    let provenance =
      #"{"resourceType":"Provenance","target":[{"reference":"Patient/1"}],"recorded":"2020-01-02T03:04:05Z","agent":[{"who":{"reference":"Practitioner/2"}}]}"#
    let out = try harness([#"{"path":"Provenance.recorded","method":"redact"}"#]).output(provenance)
    #expect(out?.contains(#""_recorded":\#(Self.dar)"#) == true, "\(out ?? "nil")")
    #expect(out?.contains(#""recorded":"#) == false)
  }

  @Test func anEmptiedRequiredElementIsMaskedInPlace() throws {
    let goal =
      #"{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"lose weight"},"subject":{"reference":"Patient/1"}}"#
    let rule = #"{"path":"Goal.description.text","method":"redact"}"#
    let plain = try harness([rule], valid: false).output(goal)
    #expect(plain?.contains("description") == false)
    let out = try harness([rule]).output(goal)
    #expect(
      out?.hasPrefix(
        #"{"resourceType":"Goal","lifecycleStatus":"active","description":\#(Self.dar),"subject""#)
        == true, "\(out ?? "nil")")
  }

  @Test func noRuleCanRemoveTheMasks() throws {
    // The repairs run after the rules: even a rule that redacts every extension cannot touch
    // the data-absent-reason extension they add.
    let goal =
      #"{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"Patient/1"}}"#
    let out = try harness([
      #"{"path":"Goal.description.text","method":"redact"}"#,
      #"{"path":"nodesByType('Extension')","method":"redact"}"#,
    ]).output(goal)
    #expect(out?.contains(#""description":\#(Self.dar)"#) == true)
  }

  @Test func aMaskedBackboneElementMasksWhatItRequires() throws {
    let claim =
      #"{"resourceType":"Claim","status":"active","type":{"text":"t"},"use":"claim","patient":{"reference":"Patient/1"},"created":"2020-01-01","provider":{"reference":"Organization/1"},"priority":{"text":"p"},"insurance":[{"sequence":1,"focal":true,"coverage":{"display":"Plan"}}]}"#
    let out = try harness([#"{"path":"Claim.insurance","method":"redact"}"#]).output(claim)
    let insurance =
      #""insurance":[{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"masked"}],"coverage":\#(Self.dar),"_focal":\#(Self.dar),"_sequence":\#(Self.dar)}]"#
    #expect(out?.contains(insurance) == true, "\(out ?? "nil")")
  }

  @Test func anExtensionWithoutURLOrValueIsRemovedWhole() throws {
    let patient =
      #"{"resourceType":"Patient","extension":[{"url":"http://example.org/a","valuePeriod":{"start":"1956-01-01","end":"1957-01-01"}},{"url":"http://example.org/b","valueString":"secret"}],"gender":"female"}"#
    let rules = [
      #"{"path":"Patient.extension.where(url = 'http://example.org/a').url","method":"redact"}"#,
      #"{"path":"Patient.extension.where(url = 'http://example.org/b').value","method":"redact"}"#,
    ]
    let plain = try harness(rules, valid: false).output(patient)
    #expect(plain?.contains(#"{"valuePeriod":"#) == true)  // Microsoft's: a url-less extension
    let h = try harness(rules)
    let out = try h.output(patient)
    #expect(
      out
        == #"{"resourceType":"Patient","gender":"female","meta":{"security":[\#(redactedLabel)]}}"#)
    #expect(h.worker.takeCounters().repairs.total == 2)
  }

  @Test func aRequiredPartThatCannotBeMaskedTakesItsParent() throws {
    // Narrative.div is xhtml, which has no extensions: the narrative goes whole.
    let patient =
      #"{"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Jane</div>"},"gender":"female"}"#
    let out = try harness([#"{"path":"Patient.text.div","method":"redact"}"#]).output(patient)
    #expect(out?.contains("text") == false, "\(out ?? "nil")")
    #expect(out?.contains("generated") == false)
  }

  @Test func aPrimitiveChoiceIsMaskedAsAComplexTypeWhereItHasOne() throws {
    let questionnaire =
      #"{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"1","type":"string","enableWhen":[{"question":"q","operator":"=","answerString":"Jane"}]}]}"#
    let out = try harness([#"{"path":"nodesByType('string')","method":"redact"}"#]).output(
      questionnaire)
    #expect(out?.contains(#""answerCoding":\#(Self.dar)"#) == true, "\(out ?? "nil")")
    #expect(out?.contains(#""_question":\#(Self.dar)"#) == true)
  }

  @Test func aValueOfTheWrongJSONKindIsRemoved() throws {
    // Microsoft's cryptoHash writes a string into a boolean (spec Q5): invalid R4.
    let patient = #"{"resourceType":"Patient","active":true,"gender":"female"}"#
    let rule = #"{"path":"Patient.active","method":"cryptoHash"}"#
    let plain = try harness([rule], valid: false).output(patient)
    #expect(plain?.contains(#""active":""#) == true)
    let out = try harness([rule]).output(patient)
    #expect(out?.contains("active") == false)
  }

  @Test func validationReportsWhatRepairsWouldFix() throws {
    let goal =
      #"{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"x"},"subject":{"reference":"Patient/1"}}"#
    let rules = [#"{"path":"Goal.description.text","method":"redact"}"#, observationRule]
    let warn = try harness(rules, valid: false, validation: .warn)
    #expect(warn.output(goal) != nil)  // written: warn goes on
    #expect(warn.worker.hasOutputFindings)
    let findings = Array(goal.utf8).withUnsafeBytes { warn.worker.outputFindings($0) }
    #expect(findings.count == 1)
    #expect(findings.first?.path == "Goal.description")
    #expect(findings.first?.reason.contains("required element is missing") == true)
    #expect(warn.output(observation) != nil)
    let counters = warn.worker.takeCounters()
    #expect(counters.invalidResources == 2)
    #expect(
      Set(counters.problems.entries.map { R4.path(of: $0.element) })
        == ["Goal.description", "Observation.issued"])

    let fail = try harness(rules, valid: false, validation: .fail)
    guard case .failure(let failure) = fail.run(goal) else {
      Issue.record("--validate-output fail wrote an invalid resource")
      return
    }
    #expect(!failure.isSkippable)
    #expect(failure.path == "Goal.description")
    // With the repairs on, validation finds nothing left to report.
    let both = try harness(rules, validation: .fail)
    #expect(both.output(goal) != nil)
    #expect(both.output(observation) != nil)
  }

  let observationRule = #"{"path":"Observation.issued","method":"redact"}"#

  @Test func validationChecksValuesAsTheyCameIn() throws {
    // The input's own problems are reported too (no rule touched them): an instant without
    // seconds, a code with doubled spaces, an extension without a url.
    let observation =
      #"{"resourceType":"Observation","language":"en  US","status":"final","code":{"text":"x"},"issued":"2020-01-02T03:04Z","extension":[{"valueString":"x"}]}"#
    let h = try harness([], valid: false, validation: .warn)
    let out = h.output(observation)
    #expect(out != nil)
    let problems = h.worker.takeCounters().problems.entries.map {
      "\($0.kind.name) \(R4.path(of: $0.element))"
    }
    #expect(
      Set(problems) == [
        "invalidValue Observation.issued", "invalidValue Observation.language",
        "extensionWithoutUrl Observation.extension",
      ],
      "\(problems)")
  }

  @Test func aConfigurationKeyTurnsRepairsOnAndMustBeABoolean() throws {
    let configuration = try Configuration.load(
      Array(#"{"validOutput":true,"fhirPathRules":[]}"#.utf8))
    #expect(configuration.validOutput)
    #expect(throws: ConfigurationError.self) {
      try Configuration.load(Array(#"{"validOutput":"yes","fhirPathRules":[]}"#.utf8))
    }
    for preset in Preset.allCases {
      #expect(try preset.configuration().validOutput, "preset \(preset.rawValue)")
    }
  }
}
