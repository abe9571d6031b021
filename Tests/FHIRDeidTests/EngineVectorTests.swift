import FHIRDeid
import Testing

/// Known answers from spec §11 and whole-resource behaviour of the engine (spec §3–§5).
@Suite struct EngineVectorTests {
  @Test("§11.9: the sample configuration's Patient output, byte for byte")
  func wholeResourceExample() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.nodesByType('HumanName')","method":"redact"}"#,
        #"{"path":"Resource","method":"keep"}"#,
      ]))
    #expect(
      h.output(
        #"{"resourceType":"Patient","id":"example","name":[{"use":"official","family":"Chalmers","given":["Peter","James"]}]}"#
      )
        == #"{"resourceType":"Patient","id":"example","meta":{"security":["# + redactedLabel + "]}}"
    )
  }

  @Test(
    "§11.2: cryptoHash of ids and references, key 123",
    arguments: [
      ("a", "69e99e82127c1f146f50653e02b92c4bb0c3bc182a6165a5bbce5f4f94e1ccb7"),
      (
        "bb6f4872-e456-42d5-a9da-a0d82cb7ea29",
        "73defcb8fcaf4c0c3d5c77f05b479cadbe502db2ef6e9b1523d2bfee31f3b999"
      ),
    ])
  func hashIDs(_ id: String, _ hash: String) throws {
    let h = try EngineHarness(config([#"{"path":"Resource.id","method":"cryptoHash"}"#]))
    #expect(
      h.output(#"{"resourceType":"Patient","id":"\#(id)"}"#)
        == #"{"resourceType":"Patient","id":"\#(hash)","meta":{"security":["# + hashedLabel + "]}}")
  }

  @Test(
    "§11.2: Reference.reference keeps its type and history parts",
    arguments: [
      ("#p1", "#a10e6bee4fbeb6a7804153c25688dd4dd7b9c2a005417136026350fc33ac609f"),
      ("#", "#"),
      (
        "Patient/example",
        "Patient/698d54f0494528a759f19c8e87a9f99e75a5881b9267ee3926bcf62c992d84ba"
      ),
      (
        "http://fhir.hl7.org/svc/StructureDefinition/c8973a22-2b5b-4e76-9c66-00639c99e61b",
        "http://fhir.hl7.org/svc/StructureDefinition/b0ff9c939b3507a79e2ae3d2d3b595d62819b9b8f6ef10d4099b3058d902642f"
      ),
      (
        "http://example.org/fhir/Observation/apo89654/_history/2",
        "http://example.org/fhir/Observation/b1e85ca33baf76575ad28588af85b8f10c0dd40e9ed8cd57cdb7ae94ccd75695/_history/2"
      ),
      (
        "urn:uuid:c757873d-ec9a-4326-a141-556f43239520",
        "urn:uuid:24970eb3f915e516a2b5241c0d6979097a6357a13b89612c6a54b8ab5479df34"
      ),
      (
        "urn:oid:1.2.3.4.5",
        "urn:oid:0543fb50485f58a47073f51aad1677607aec031c2c83c25ee7b040ade95cfbcc"
      ),
    ])
  func hashReferences(_ reference: String, _ hashed: String) throws {
    let h = try EngineHarness(
      config([#"{"path":"nodesByType('Reference').reference","method":"cryptoHash"}"#]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"\#(reference)"}}"#
      ))
    #expect(out.contains(#""subject":{"reference":"\#(hashed)"}"#), "\(out)")
  }

  @Test("§11.2: non-reference values hash whole; oid and uuid values of other elements too")
  func hashOtherValues() throws {
    let h = try EngineHarness(
      config([#"{"path":"nodesByType('Address').city","method":"cryptoHash"}"#]))
    let out = try #require(
      h.output(#"{"resourceType":"Patient","address":[{"city":"patienttestcity1","state":"WA"}]}"#))
    #expect(
      out.contains(#""city":"c4321653de997f3029d2efa38dd4baa6c9c2f6bd67b8a52be789f157f8b286ce""#))
    #expect(out.contains(#""state":"WA""#))
  }

  @Test("§11.4: date shift with key dummy and no id moves −21 days")
  func dateShiftVectors() throws {
    let h = try EngineHarness(
      config(
        [
          #"{"path":"nodesByType('date') | nodesByType('dateTime') | nodesByType('instant')","method":"dateShift"}"#
        ],
        parameters: #"{"enablePartialDatesForRedact":true}"#), dateShiftKey: "dummy")
    let cases = [
      (#""birthDate":"2015-02-07""#, #""birthDate":"2015-01-17""#),
      (#""birthDate":"2015-02""#, #""birthDate":"2015""#),
    ]
    for (input, expected) in cases {
      let out = try #require(h.output(#"{"resourceType":"Patient",\#(input)}"#))
      #expect(out.contains(expected), "\(out)")
    }
    let times = [
      ("2015-02-07T13:28:17-05:00", "2015-01-17T00:00:00-05:00"),
      ("2015-02-07T13:28:17+05:00", "2015-01-17T00:00:00+05:00"),
      ("2015-02-07T13:28:17Z", "2015-01-17T00:00:00Z"),
      ("2015-02-07T13:28:17.12345-05:00", "2015-01-17T00:00:00.00000-05:00"),
      ("2001-01-01Z", "2000-12-11"),
    ]
    for (input, expected) in times {
      let out = try #require(
        h.output(
          #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"effectiveDateTime":"\#(input)"}"#
        ))
      #expect(out.contains(#""effectiveDateTime":"\#(expected)""#), "\(input) → \(out)")
    }
  }

  @Test("§11.4: the root id (as hashed so far) is the prefix")
  func dateShiftUsesRootID() throws {
    let basic = try EngineHarness(
      config([#"{"path":"nodesByType('date')","method":"dateShift"}"#]), dateShiftKey: "123")
    #expect(
      basic.output(#"{"resourceType":"Patient","id":"example","birthDate":"2000-01-01"}"#)?
        .contains(#""birthDate":"2000-02-11""#) == true)
    let hashedFirst = try EngineHarness(
      config([
        #"{"path":"Resource.id","method":"cryptoHash"}"#,
        #"{"path":"nodesByType('date')","method":"dateShift"}"#,
      ]), dateShiftKey: "123")
    let out = try #require(
      hashedFirst.output(
        #"{"resourceType":"Account","id":"example","status":"active","servicePeriod":{"start":"2016-01-01","end":"2016-06-30"}}"#
      ))
    _ = out
    let account = try EngineHarness(
      config([
        #"{"path":"Resource.id","method":"cryptoHash"}"#,
        #"{"path":"Account.servicePeriod.start","method":"dateShift"}"#,
      ]), dateShiftKey: "123")
    let shifted = try #require(
      account.output(
        #"{"resourceType":"Account","id":"example","status":"active","servicePeriod":{"start":"2016-01-01T00:00:00Z"}}"#
      ))
    #expect(shifted.contains(#""start":"2015-12-12T00:00:00Z""#), "\(shifted)")
  }

  @Test("§11.4: scope file uses the prefix instead of the id")
  func dateShiftPrefix() throws {
    let h = try EngineHarness(
      config([#"{"path":"nodesByType('date')","method":"dateShift"}"#]), dateShiftKey: "123")
    // "bundle-transaction" + "123" folds to +7.
    let out = h.output(
      #"{"resourceType":"Patient","id":"x","birthDate":"2015-08-31"}"#, prefix: "bundle-transaction"
    )
    #expect(out?.contains(#""birthDate":"2015-09-07""#) == true)
  }

  @Test("§11.5: partial dates, ages and ZIP codes")
  func partialRedaction() throws {
    let on = try EngineHarness(
      config(
        [
          #"{"path":"nodesByType('date') | nodesByType('dateTime')","method":"redact"}"#,
          #"{"path":"nodesByType('Address')","method":"redact"}"#,
          #"{"path":"nodesByType('Age')","method":"redact"}"#,
        ],
        parameters:
          #"{"enablePartialDatesForRedact":true,"enablePartialAgesForRedact":true,"enablePartialZipCodesForRedact":true,"restrictedZipCodeTabulationAreas":["123"]}"#
      ), today: (2026, 11, 29))
    let p = try #require(
      on.output(
        #"{"resourceType":"Patient","birthDate":"2015-02-07","address":[{"city":"C","postalCode":"54321"},{"postalCode":"12345"},{"postalCode":"98028-1830"}]}"#
      ))
    #expect(
      p
        == #"{"resourceType":"Patient","birthDate":"2015","address":[{"postalCode":"54300"},{"postalCode":"00000"},{"postalCode":"98000-0000"}],"meta":{"security":["#
        + redactedLabel + "," + abstractedLabel + "]}}")
    let old = try #require(on.output(#"{"resourceType":"Patient","birthDate":"1925-02-07"}"#))
    #expect(old == #"{"resourceType":"Patient","meta":{"security":["# + redactedLabel + "]}}")
    let ages = try #require(
      on.output(
        #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/1"},"relationship":{"text":"x"},"condition":[{"code":{"text":"a"},"onsetAge":{"value":91}},{"code":{"text":"b"},"onsetAge":{"value":89}},{"code":{"text":"c"},"onsetAge":{"value":89.5}}]}"#
      ))
    #expect(ages.contains(#"{"code":{"text":"a"}}"#))
    #expect(ages.contains(#"{"code":{"text":"b"},"onsetAge":{"value":89}}"#))
    #expect(ages.contains(#"{"code":{"text":"c"}}"#))
  }

  @Test("the first rule to reach a node wins; keep protects")
  func firstRuleWins() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient","method":"keep"}"#, #"{"path":"Patient.address","method":"redact"}"#,
      ]))
    let line = #"{"resourceType":"Patient","address":[{"city":"C"}]}"#
    #expect(h.output(line) == line)
  }

  @Test("a redacted primitive with a surviving extension keeps only its _x; arrays stay paired")
  func shadowsAndArrays() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.name.given","method":"redact"}"#
      ]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Patient","name":[{"family":"F","given":["A","B"],"_given":[null,{"id":"g"}]}]}"#
      ))
    #expect(out.contains(#""name":[{"family":"F"}]"#), "\(out)")
    let keepExtensions = try EngineHarness(
      config([
        #"{"path":"nodesByType('Extension')","method":"keep"}"#,
        #"{"path":"Patient.name.given","method":"redact"}"#,
      ]))
    let out2 = try #require(
      keepExtensions.output(
        #"{"resourceType":"Patient","name":[{"given":["A","B"],"_given":[null,{"extension":[{"url":"u","valueString":"s"}]}]}]}"#
      ))
    // Position 0 is dead in both arrays and dropped from both; position 1 keeps only its `_x`.
    #expect(
      out2.contains(#""name":[{"_given":[{"extension":[{"url":"u","valueString":"s"}]}]}]"#),
      "\(out2)")
  }

  @Test(
    "labels: existing meta kept, codes not repeated (ignoring case), contained resources not labelled"
  )
  func labels() throws {
    let h = try EngineHarness(config([#"{"path":"nodesByType('HumanName')","method":"redact"}"#]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Patient","meta":{"lastUpdated":"2020-01-01T00:00:00Z","security":[{"code":"redacted"}]},"name":[{"family":"F"}]}"#
      ))
    #expect(
      out
        == #"{"resourceType":"Patient","meta":{"lastUpdated":"2020-01-01T00:00:00Z","security":[{"code":"redacted"}]}}"#
    )
    let contained = try EngineHarness(
      config([#"{"path":"nodesByType('HumanName')","method":"redact"}"#]))
    let c = try #require(
      contained.output(
        #"{"resourceType":"Patient","contained":[{"resourceType":"Practitioner","name":[{"family":"P"}]}]}"#
      ))
    #expect(
      c
        == #"{"resourceType":"Patient","contained":[{"resourceType":"Practitioner"}],"meta":{"security":["#
        + redactedLabel + "]}}")
  }

  @Test("Bundle entries are processed by their own rules and labelled; labels bubble up")
  func bundles() throws {
    let h = try EngineHarness(config([#"{"path":"Patient.name","method":"redact"}"#]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","name":[{"family":"F"}]}},{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}}}]}"#
      ))
    #expect(
      out
        == #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","meta":{"security":["#
        + redactedLabel
        + #"]}}},{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}}}],"meta":{"security":["#
        + redactedLabel + "]}}")
  }

  @Test("untouched values keep their bytes: numbers, escapes, unicode")
  func fidelity() throws {
    let h = try EngineHarness(config([#"{"path":"Observation.id","method":"redact"}"#]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Observation","id":"o","status":"final","code":{"text":"\u00b5 \"q\" Zoë"},"valueQuantity":{"value":1.50,"unit":"mg"},"component":[{"code":{"text":"c"},"valueQuantity":{"value":8E+1}}]}"#
      ))
    #expect(
      out
        == #"{"resourceType":"Observation","status":"final","code":{"text":"\u00b5 \"q\" Zoë"},"valueQuantity":{"value":1.50,"unit":"mg"},"component":[{"code":{"text":"c"},"valueQuantity":{"value":8E+1}}],"meta":{"security":["#
        + redactedLabel + "]}}")
  }
}
