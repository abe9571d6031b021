import FHIRDeid
import FHIRModel
import Testing

/// #8: every input value is either seen by the rules in its FHIR type's shape or rejected; what
/// the typed view drops (`fhir_comments`, nulls, empty strings) never reaches the output.
@Suite("#8: input shapes")
struct InputShapeTests {
  static let keepAll = config([])
  /// A rule that touches something unrelated, so the engine takes its rule path.
  static let oneRule = config([#"{"path":"Patient.telecom","method":"redact"}"#])
  static let engines = [keepAll, oneRule]

  @Test(
    "#8: a primitive that does not parse as its R4 type is invalid input, with or without rules",
    arguments: engines,
    [
      (#""active":"John Smith""#, "Patient.active"),
      (#""deceasedBoolean":"John Smith""#, "Patient.deceasedBoolean"),
      (#""deceasedBoolean":1"#, "Patient.deceasedBoolean"),
      (#""multipleBirthInteger":"John Smith""#, "Patient.multipleBirthInteger"),
      (#""multipleBirthInteger":5.0"#, "Patient.multipleBirthInteger"),
      (#""multipleBirthInteger":1e2"#, "Patient.multipleBirthInteger"),
      (#""multipleBirthInteger":2147483648"#, "Patient.multipleBirthInteger"),
      (#""multipleBirthInteger":-2147483649"#, "Patient.multipleBirthInteger"),
      (#""multipleBirthInteger":true"#, "Patient.multipleBirthInteger"),
      (
        #""multipleBirthInteger":\#(String(repeating: "9", count: 5000))"#,
        "Patient.multipleBirthInteger"
      ),
      (#""birthDate":"John Smith""#, "Patient.birthDate"),
      (#""birthDate":"1990-13-01""#, "Patient.birthDate"),
      (#""birthDate":"1990-02-30""#, "Patient.birthDate"),
      (#""birthDate":"1990-01-01T10:00:00""#, "Patient.birthDate"),
      (#""birthDate":true"#, "Patient.birthDate"),
      (#""deceasedDateTime":"yesterday at 10""#, "Patient.deceasedDateTime"),
      (#""deceasedDateTime":"2020-01-01T25:00:00Z""#, "Patient.deceasedDateTime"),
      (
        #""name":[{"given":["A"],"period":{"start":"SSN 123-45-6789"}}]"#,
        "Patient.name[0].period.start"
      ),
      (#""photo":[{"size":"John"}]"#, "Patient.photo[0].size"),
      (
        #""communication":[{"language":{"text":"x"},"preferred":"no"}]"#,
        "Patient.communication[0].preferred"
      ),
      (
        #""_birthDate":{"extension":[{"url":"u","valueDecimal":1e999}]}"#,
        "Patient.birthDate.extension[0].valueDecimal"
      ),
      (#""extension":[{"url":"u","valueTime":"noon"}]"#, "Patient.extension[0].valueTime"),
      (#""extension":[{"url":"u","valueInstant":"2020"}]"#, ""),
    ])
  func invalidPrimitives(_ engine: String, _ member: (String, String)) throws {
    let harness = try EngineHarness(engine)
    let line = #"{"resourceType":"Patient","id":"p1",\#(member.0)}"#
    switch harness.run(line) {
    case .success(let out):
      // `instant` follows dateTime's rule in Firely (spec §2.1): a year alone is accepted.
      #expect(member.1.isEmpty, "accepted \(member.0) as \(out)")
    case .failure(let failure):
      #expect(!member.1.isEmpty, "rejected \(member.0)")
      #expect(failure.kind == .invalidValue || failure.kind == .wrongKind, "\(member.0)")
      #expect(failure.isInvalidInput)
      #expect(failure.resourceType?.name == "Patient")
      #expect(failure.path?.hasPrefix(member.1) == true, "\(failure.path ?? "nil")")
      for canary in ["John", "Smith", "123-45", "SSN", "yesterday", "noon", "99999"] {
        #expect(!failure.reason.contains(canary), "\(failure.reason)")
      }
    }
  }

  @Test("#8: Claim.total.value given as text is invalid input")
  func claimTotal() throws {
    let line =
      #"{"resourceType":"Claim","id":"c","total":{"value":"John Smith","currency":"USD"}}"#
    for engine in Self.engines {
      let failure = try #require(try EngineHarness(engine).run(line).failure)
      #expect(failure.kind == .invalidValue)
      #expect(failure.path == "Claim.total.value")
    }
  }

  @Test(
    "#8: a value in another JSON kind that parses as its type is written in the type's JSON form",
    arguments: engines,
    [
      (#""active":"true""#, #""active":true"#),
      (#""active":" false ""#, #""active":false"#),
      (#""multipleBirthInteger":"3""#, #""multipleBirthInteger":3"#),
      (#""multipleBirthInteger":"+007""#, #""multipleBirthInteger":7"#),
      (#""multipleBirthInteger":-0"#, #""multipleBirthInteger":-0"#),
      (#""gender":true"#, #""gender":"true""#),
      (#""id":123"#, #""id":"123""#),
      (#""birthDate":" 1990-01-01 ""#, #""birthDate":"1990-01-01""#),
      (#""birthDate":1990"#, #""birthDate":"1990""#),
      (#""deceasedDateTime":"2001-01-01Z""#, #""deceasedDateTime":"2001-01-01Z""#),
      (#""photo":[{"size":"12"}]"#, #""photo":[{"size":12}]"#),
      (
        #""extension":[{"url":"u","valueDecimal":"1.50"}]"#,
        #""extension":[{"url":"u","valueDecimal":1.50}]"#
      ),
      (
        #""extension":[{"url":"u","valueDecimal":"01.5"}]"#,
        #""extension":[{"url":"u","valueDecimal":1.5}]"#
      ),
      (
        #""extension":[{"url":"u","valueDecimal":8E+1}]"#,
        #""extension":[{"url":"u","valueDecimal":8E+1}]"#
      ),
    ])
  func normalizedPrimitives(_ engine: String, _ pair: (String, String)) throws {
    let out = try EngineHarness(engine).run(#"{"resourceType":"Patient",\#(pair.0)}"#).get()
    #expect(out == #"{"resourceType":"Patient",\#(pair.1)}"#)
  }

  @Test("#8: fhir_comments is dropped wherever it appears, and counted", arguments: engines)
  func fhirComments(_ engine: String) throws {
    let harness = try EngineHarness(engine)
    let line =
      #"{"fhir_comments":["John Smith, SSN 123-45-6789"],"resourceType":"Patient","id":"p","name":[{"fhir_comments":"nickname Johnny","family":"F"}],"_birthDate":{"fhir_comments":["x"]},"birthDate":"1990","contained":[{"resourceType":"Basic","fhir_comments":"c","id":"b"}]}"#
    let out = try harness.run(line).get()
    #expect(!out.contains("fhir_comments"))
    #expect(!out.contains("John") && !out.contains("Johnny") && !out.contains("123-45"))
    #expect(harness.worker.takeCounters().droppedComments == 4)
    #expect(
      out
        == #"{"resourceType":"Patient","id":"p","name":[{"family":"F"}],"birthDate":"1990","contained":[{"resourceType":"Basic","id":"b"}]}"#
    )
  }

  @Test("#8: nulls, empty and white-space-only values, {} and [] are dropped", arguments: engines)
  func emptyValues(_ engine: String) throws {
    let harness = try EngineHarness(engine)
    let line =
      #"{"resourceType":"Patient","id":"  ","gender":"","active":null,"name":[{"given":["","A",null," "],"family":"\t"},{}],"telecom":[],"birthDate":" ","maritalStatus":{}}"#
    let out = try harness.run(line).get()
    #expect(out == #"{"resourceType":"Patient","name":[{"given":["A"]}]}"#)
    #expect(harness.worker.takeCounters().droppedEmpty == 8)
  }

  @Test("#8: an x/_x pair keeps its positions when values are dropped", arguments: engines)
  func shadowPositions(_ engine: String) throws {
    let line =
      #"{"resourceType":"Patient","name":[{"given":["",null,"C"],"_given":[{"id":"a"},{"id":"b"},null]}]}"#
    let out = try EngineHarness(engine).run(line).get()
    #expect(
      out
        == #"{"resourceType":"Patient","name":[{"given":[null,null,"C"],"_given":[{"id":"a"},{"id":"b"},null]}]}"#
    )
  }

  @Test(
    "#8: a single value for a repeating element is written as an array (MS patient-generalize)",
    arguments: engines)
  func singleValuesBecomeArrays(_ engine: String) throws {
    let line =
      #"{"resourceType":"Patient","communication":{"language":{"coding":{"system":"urn:ietf:bcp:47","code":"en"}}},"name":{"given":"John","_given":{"id":"g"},"family":"F"},"gender":"male"}"#
    let out = try EngineHarness(engine).run(line).get()
    #expect(
      out
        == #"{"resourceType":"Patient","communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}}],"name":[{"given":["John"],"_given":[{"id":"g"}],"family":"F"}],"gender":"male"}"#
    )
  }

  @Test("#8: a single value for a repeating element is seen and handled by the rules")
  func singleValuesAreSeenByRules() throws {
    let harness = try EngineHarness(
      config([
        #"{"path":"nodesByType('HumanName').given","method":"redact"}"#,
        #"{"path":"Patient.telecom","method":"redact"}"#,
      ]))
    let line =
      #"{"resourceType":"Patient","name":{"given":"John","family":"F"},"telecom":{"system":"phone","value":"555-0100"}}"#
    let out = try harness.run(line).get()
    #expect(!out.contains("John") && !out.contains("555"))
    #expect(out.hasPrefix(#"{"resourceType":"Patient","name":[{"family":"F"}],"meta":"#))
  }

  @Test("#8: the safe-harbor preset rejects text in a boolean and drops comments")
  func safeHarbor() throws {
    let configuration = try Preset.safeHarbor.configuration()
    let settings = EngineSettings(
      dateShiftKey: Array("k".utf8), cryptoHashKey: Array("0123456789abcdef0123".utf8),
      encryptKey: Array("0123456789abcdef".utf8), today: (2026, 11, 29), perturbSeed: nil)
    let worker = try Anonymizer(configuration: configuration, settings: settings).makeWorker()
    func run(_ line: String) -> String? {
      var out: [UInt8] = []
      let ok: Bool = Array(line.utf8).withUnsafeBytes { raw in
        do throws(RecordFailure) {
          _ = try worker.process(raw, into: &out)
          return true
        } catch { return false }
      }
      return ok ? String(decoding: out, as: UTF8.self) : nil
    }
    #expect(run(#"{"resourceType":"Patient","id":"p","active":"John Smith"}"#) == nil)
    let out = try #require(
      run(#"{"resourceType":"Patient","id":"p","fhir_comments":"John Smith","active":"true"}"#))
    #expect(!out.contains("John") && out.contains(#""active":true"#))
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let f) = self { return f }
    return nil
  }
}
