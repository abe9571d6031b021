import FHIRDeid
import Testing

let substitutedLabel =
  #"{"code":"SUBSTITUTED","display":"exact value is replaced with a predefined value"}"#

/// The `substitute` method (spec §4.6): replacement values, the merge with visited nodes, and
/// the errors Microsoft treats as fatal.
@Suite struct SubstituteTests {
  /// A substitute rule with `replaceWith` given as JSON text.
  static func rule(_ path: String, _ replaceWith: String) -> String {
    #"{"path":"\#(path)","method":"substitute","replaceWith":\#(replaceWith)}"#
  }

  static func labelled(_ body: String, _ labels: String...) -> String {
    #"{"resourceType":"Patient",\#(body),"meta":{"security":[\#(labels.joined(separator: ","))]}}"#
  }

  @Test(
    "a primitive gets the replacement's text as a JSON string (Q5, Q19)",
    arguments: [
      (#""example""#, #""example""#),
      (#""""#, #""""#),
      (#""2020-01-01T00:00:00Z""#, #""2020-01-01T00:00:00Z""#),
      ("12", #""12""#),
      ("-1.50", #""-1.50""#),
      ("true", #""True""#),
      ("false", #""False""#),
      (#"{"a": [1, "b"]}"#, #""{\"a\":[1,\"b\"]}""#),
    ])
  func primitive(_ replaceWith: String, _ written: String) throws {
    let h = try EngineHarness(config([Self.rule("Patient.gender", replaceWith)]))
    #expect(
      h.output(#"{"resourceType":"Patient","gender":"male","active":true}"#)
        == Self.labelled(#""gender":\#(written),"active":true"#, substitutedLabel))
  }

  @Test("a substituted boolean or integer element is written as a string (Q5)")
  func primitiveTypesBecomeStrings() throws {
    let h = try EngineHarness(
      config([Self.rule("Patient.active", "false"), Self.rule("Patient.multipleBirth", "3")]))
    #expect(
      h.output(#"{"resourceType":"Patient","active":true,"multipleBirthInteger":2}"#)
        == Self.labelled(#""active":"False","multipleBirthInteger":"3""#, substitutedLabel))
  }

  @Test("null removes a primitive's value; the element is pruned")
  func primitiveNull() throws {
    let h = try EngineHarness(config([Self.rule("Patient.name.given", "null")]))
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"family":"F","given":["A","B"]}]}"#)
        == Self.labelled(#""name":[{"family":"F"}]"#, substitutedLabel))
  }

  @Test("a primitive loses its unvisited extensions, keeps visited ones")
  func primitiveExtensions() throws {
    let input =
      #"{"resourceType":"Patient","birthDate":"1990-01-01","_birthDate":{"extension":[{"url":"u","valueString":"x"}]}}"#
    let plain = try EngineHarness(config([Self.rule("Patient.birthDate", #""2000-01-01""#)]))
    #expect(plain.output(input) == Self.labelled(#""birthDate":"2000-01-01""#, substitutedLabel))
    let kept = try EngineHarness(
      config([
        #"{"path":"Patient.birthDate.extension","method":"keep"}"#,
        Self.rule("Patient.birthDate", "null"),
      ]))
    #expect(
      kept.output(input)
        == Self.labelled(
          #""_birthDate":{"extension":[{"url":"u","valueString":"x"}]}"#, substitutedLabel))
  }

  @Test("a HumanName is replaced; unvisited members not in the replacement go")
  func complexReplaced() throws {
    let h = try EngineHarness(
      config([Self.rule("Patient.name", #"{"family":"example","given":["test","testing"]}"#)]))
    #expect(
      h.output(
        #"{"resourceType":"Patient","name":[{"use":"official","family":"Chalmers","given":["Peter","James"],"period":{"start":"2002"}}],"gender":"male"}"#
      )
        == Self.labelled(
          #""name":[{"family":"example","given":["test","testing"]}],"gender":"male""#,
          substitutedLabel))
  }

  @Test("replaceWith may be a string holding the JSON object")
  func complexFromString() throws {
    let h = try EngineHarness(
      config([Self.rule("Patient.name", #""{\"family\":\"example\"}""#)]))
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"family":"Chalmers"}]}"#)
        == Self.labelled(#""name":[{"family":"example"}]"#, substitutedLabel))
  }

  @Test("null, empty strings and empty objects in the replacement are dropped")
  func complexNormalized() throws {
    let h = try EngineHarness(
      config([
        Self.rule(
          "Patient.name", #"{"family":"example","text":null,"period":{"end":""},"given":[]}"#)
      ]))
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"family":"Chalmers"}]}"#)
        == Self.labelled(#""name":[{"family":"example"}]"#, substitutedLabel))
  }

  @Test("§4.6: Patient.name.period substituted first survives the name's substitution")
  func conflictPeriodFirst() throws {
    let h = try EngineHarness(
      config([
        Self.rule("Patient.name.period", #"{"start":"2020-01-01"}"#),
        Self.rule("Patient.name", #"{"family":"example","given":["test","testing"]}"#),
      ]))
    #expect(
      h.output(
        #"{"resourceType":"Patient","name":[{"family":"Chalmers","period":{"start":"1990","end":"2000"}}]}"#
      )
        == Self.labelled(
          #""name":[{"family":"example","given":["test","testing"],"period":{"start":"2020-01-01"}}]"#,
          substitutedLabel))
  }

  @Test("§4.6: after Patient.name, a Patient.name.family substitution does nothing")
  func conflictNameFirst() throws {
    let h = try EngineHarness(
      config([
        Self.rule("Patient.name", #"{"family":"example","given":["test","testing"]}"#),
        Self.rule("Patient.name.family", #""other""#),
      ]))
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"family":"Chalmers"}]}"#)
        == Self.labelled(
          #""name":[{"family":"example","given":["test","testing"]}]"#, substitutedLabel))
  }

  @Test("§4.6: a redacted period.start (partial date) survives the name's substitution")
  func conflictRedactFirst() throws {
    let h = try EngineHarness(
      config(
        [
          #"{"path":"Patient.name.period.start","method":"redact"}"#,
          Self.rule("Patient.name", #"{"family":"example","given":["test","testing"]}"#),
        ], parameters: #"{"enablePartialDatesForRedact":true}"#))
    #expect(
      h.output(
        #"{"resourceType":"Patient","name":[{"use":"official","family":"Chalmers","given":["Peter"],"period":{"start":"2002-05-06","end":"2003-01-01"}}]}"#
      )
        == Self.labelled(
          #""name":[{"family":"example","given":["test","testing"],"period":{"start":"2002"}}]"#,
          redactedLabel, substitutedLabel))
  }

  @Test("§4.6: a visited given[0] keeps its value and takes the first replacement slot")
  func visitedItemTakesASlot() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.name.given[0]","method":"keep"}"#,
        Self.rule("Patient.name", #"{"given":["Jim","Cook"]}"#),
      ]))
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"family":"F","given":["Chris","Bob"]}]}"#)
        == Self.labelled(#""name":[{"given":["Chris","Cook"]}]"#, substitutedLabel))
    // Surplus replacement items are appended.
    #expect(
      h.output(#"{"resourceType":"Patient","name":[{"given":["Chris"]}]}"#)
        == Self.labelled(#""name":[{"given":["Chris","Cook"]}]"#, substitutedLabel))
  }

  @Test("a visited primitive keeps its extension; an extension-only path survives a merge")
  func visitedExtensions() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.name.given.extension","method":"keep"}"#,
        Self.rule("Patient.name", #"{"given":["Jim","Cook"]}"#),
      ]))
    #expect(
      h.output(
        #"{"resourceType":"Patient","name":[{"given":["A","B"],"_given":[null,{"extension":[{"url":"u","valueCode":"c"}]}]}]}"#
      )
        == Self.labelled(
          #""name":[{"given":["Jim","Cook"],"_given":[null,{"extension":[{"url":"u","valueCode":"c"}]}]}]"#,
          substitutedLabel))
  }

  @Test("replaceWith null on a complex node removes it, unless something in it was visited")
  func complexNull() throws {
    let h = try EngineHarness(config([Self.rule("Patient.address", "null")]))
    #expect(
      h.output(#"{"resourceType":"Patient","address":[{"city":"C"},{"city":"D"}],"gender":"male"}"#)
        == Self.labelled(#""gender":"male""#, substitutedLabel))
    let kept = try EngineHarness(
      config([
        #"{"path":"Patient.address.state","method":"keep"}"#, Self.rule("Patient.address", "{}"),
      ]))
    #expect(
      kept.output(#"{"resourceType":"Patient","address":[{"city":"C","state":"WA"},{"city":"D"}]}"#)
        == Self.labelled(#""address":[{"state":"WA"}]"#, substitutedLabel))
  }

  @Test("a backbone element is validated against its own structure")
  func backbone() throws {
    let h = try EngineHarness(
      config([Self.rule("Patient.contact", #"{"gender":"other","name":{"family":"X"}}"#)]))
    #expect(
      h.output(
        #"{"resourceType":"Patient","contact":[{"relationship":[{"text":"r"}],"gender":"male"}]}"#)
        == Self.labelled(#""contact":[{"gender":"other","name":{"family":"X"}}]"#, substitutedLabel)
    )
  }

  @Test("a choice element: a replacement of another type replaces the node")
  func choiceTypes() throws {
    let h = try EngineHarness(
      config([Self.rule("Observation.component", #"{"code":{"text":"c"},"valueString":"v"}"#)]))
    let out = h.output(
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"component":[{"code":{"text":"a"},"valueQuantity":{"value":1}}]}"#
    )
    #expect(out?.contains(#""component":[{"code":{"text":"c"},"valueString":"v"}]"#) == true)
  }

  @Test(
    "a replacement that does not fit the node fails the record, even in skip mode",
    arguments: [
      #"{"family":"x","foo":1}"#,  // not a HumanName member
      #"{"_family":{"id":"a"}}"#,  // `_x` members
      #"{"family":{"text":"x"}}"#,  // object for a primitive
      #"{"period":"2020"}"#,  // string for a complex type
      #""2019-01-01""#,  // not JSON
      "12",
    ])
  func unfit(_ replaceWith: String) throws {
    let h = try EngineHarness(config([Self.rule("Patient.name", replaceWith)]))
    let result = h.run(#"{"resourceType":"Patient","name":[{"family":"Chalmers"}]}"#)
    guard case .failure(let failure) = result else {
      Issue.record("expected a failure, got \(result)")
      return
    }
    #expect(!failure.isSkippable)
    #expect(!failure.isInvalidInput)
    #expect(failure.rule == 0)
    #expect(failure.path == "Patient.name[0]")
    #expect(!failure.reason.contains("Chalmers"))
  }

  @Test("a later rule on a substituted node does nothing")
  func laterRulesSkipped() throws {
    let h = try EngineHarness(
      config([
        Self.rule("Patient.address", #"{"city":"Town"}"#),
        #"{"path":"Patient.address","method":"redact"}"#,
        #"{"path":"Patient.address.city","method":"redact"}"#,
      ]))
    #expect(
      h.output(#"{"resourceType":"Patient","address":[{"city":"C","line":["L"]}]}"#)
        == Self.labelled(#""address":[{"city":"Town"}]"#, substitutedLabel))
  }

  @Test("substituting a whole resource or its meta is refused, not skipped")
  func refusedTargets() throws {
    for path in ["Patient", "Patient.meta"] {
      let h = try EngineHarness(config([Self.rule(path, #"{"id":"x"}"#)]))
      let result = h.run(#"{"resourceType":"Patient","meta":{"versionId":"1"}}"#)
      guard case .failure(let failure) = result else {
        Issue.record("\(path): expected a failure")
        continue
      }
      #expect(!failure.isSkippable, "\(path)")
    }
  }

  @Test("contained resources inside a substituted element are dropped, not processed")
  func nestedResources() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Bundle.entry","method":"substitute","replaceWith":{"fullUrl":"urn:x"}}"#,
        #"{"path":"Patient.name","method":"redact"}"#,
      ]))
    #expect(
      h.output(
        #"{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"a","resource":{"resourceType":"Patient","name":[{"family":"F"}]}}]}"#
      )
        == #"{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:x"}],"meta":{"security":["#
        + substitutedLabel + "]}}")
  }
}
