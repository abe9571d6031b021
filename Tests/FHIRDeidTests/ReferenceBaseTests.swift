import FHIRDeid
import Foundation
import Testing

/// #9 item 3: `"referenceBase": "remove"` on a `cryptoHash` rule (a fhir-deid extension of the
/// format) drops the base URL of an absolute reference; without it (or with `"keep"`) the output
/// is Microsoft's (spec §4.4, vectors of §11.2 and §11.3, key `123`).
@Suite struct ReferenceBaseTests {
  static func harness(_ base: String?) throws -> EngineHarness {
    let setting = base.map { #","referenceBase":"\#($0)""# } ?? ""
    return try EngineHarness(
      config([#"{"path":"nodesByType('Reference').reference","method":"cryptoHash"\#(setting)}"#]))
  }

  static func hashed(_ reference: String, _ h: EngineHarness) throws -> String {
    let out = try #require(
      h.output(
        #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"\#(reference)"}}"#
      ))
    let start = try #require(out.range(of: #""subject":{"reference":""#))
    let rest = out[start.upperBound...]
    return String(rest[..<(try #require(rest.firstIndex(of: "\"")))])
  }

  static let example = "698d54f0494528a759f19c8e87a9f99e75a5881b9267ee3926bcf62c992d84ba"
  static let apo = "b1e85ca33baf76575ad28588af85b8f10c0dd40e9ed8cd57cdb7ae94ccd75695"
  static let c897 = "b0ff9c939b3507a79e2ae3d2d3b595d62819b9b8f6ef10d4099b3058d902642f"

  @Test(
    "§11.3 with the base removed: the prefix starts at the resource type",
    arguments: [
      // §11.3's recognised absolute references.
      (
        "http://example.org/fhir/Observation/apo89654/_history/2",
        "Observation/\(apo)/_history/2"
      ),
      (
        "http://fhir.hl7.org/svc/StructureDefinition/c8973a22-2b5b-4e76-9c66-00639c99e61b",
        "StructureDefinition/\(c897)"
      ),
      // The longest type name that ends the segment: RelatedPerson, not Person.
      ("https://host.example.org:8443/fhir/R4/RelatedPerson/example", "RelatedPerson/\(example)"),
      ("http://x.org/MyPatient/example", "Patient/\(example)"),
      ("https://Patient/example", "Patient/\(example)"),
      // Relative, local, urn references: as Microsoft does.
      ("Patient/example", "Patient/\(example)"),
      ("RelatedPerson/example", "RelatedPerson/\(example)"),
      ("#p1", "#a10e6bee4fbeb6a7804153c25688dd4dd7b9c2a005417136026350fc33ac609f"),
      ("#", "#"),
      (
        "urn:uuid:c757873d-ec9a-4326-a141-556f43239520",
        "urn:uuid:24970eb3f915e516a2b5241c0d6979097a6357a13b89612c6a54b8ab5479df34"
      ),
      (
        "urn:oid:1.2.3.4.5",
        "urn:oid:0543fb50485f58a47073f51aad1677607aec031c2c83c25ee7b040ade95cfbcc"
      ),
      // Not recognised: hashed whole, so no base survives either.
      (
        "ftp://fhir.hl7.org/svc/StructureDefinition/c8973a22-2b5b-4e76-9c66-00639c99e61b",
        "a1277cdee86a3d4e3e20e041b4774eb85a9d0e97ea20eba054d96c133129be18"
      ),
      (
        "http://host/fhir/Patient/bad_id",
        "b582f7408858cbf9c91419beb55592b9ab6b33796285c6e840ca5880c8d9e7a0"
      ),
    ])
  func removed(_ reference: String, _ expected: String) throws {
    #expect(try Self.hashed(reference, Self.harness("remove")) == expected)
  }

  @Test("without the setting, or with 'keep', the base stays (Microsoft's behaviour)")
  func kept() throws {
    for base in [nil, "keep"] {
      let h = try Self.harness(base)
      #expect(
        try Self.hashed("http://example.org/fhir/Observation/apo89654/_history/2", h)
          == "http://example.org/fhir/Observation/\(Self.apo)/_history/2")
      #expect(
        try Self.hashed("https://host.example.org:8443/fhir/R4/RelatedPerson/example", h)
          == "https://host.example.org:8443/fhir/R4/RelatedPerson/\(Self.example)")
    }
  }

  @Test("two rules with different settings on the same text in one worker do not share a cache")
  func cacheKeepsTheModesApart() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Observation.subject.reference","method":"cryptoHash"}"#,
        #"{"path":"nodesByType('Reference').reference","method":"cryptoHash","referenceBase":"remove"}"#,
      ]))
    let ref = "http://example.org/fhir/Patient/example"
    let line =
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"\#(ref)"},"performer":[{"reference":"\#(ref)"}]}"#
    for _ in 0..<2 {
      let out = try #require(h.output(line))
      #expect(
        out.contains(#""subject":{"reference":"http://example.org/fhir/Patient/\#(Self.example)"}"#)
      )
      #expect(out.contains(#""performer":[{"reference":"Patient/\#(Self.example)"}]"#), "\(out)")
    }
  }

  @Test("the setting is checked when the configuration loads")
  func validated() throws {
    for (rule, message) in [
      (
        #"{"path":"nodesByType('Reference').reference","method":"cryptoHash","referenceBase":"drop"}"#,
        "must be 'keep' or 'remove'"
      ),
      (
        #"{"path":"nodesByType('Reference').reference","method":"cryptoHash","referenceBase":"Remove"}"#,
        "must be 'keep' or 'remove'"
      ),
      (
        #"{"path":"nodesByType('Reference').reference","method":"cryptoHash","referenceBase":true}"#,
        "must be 'keep' or 'remove'"
      ),
      (
        #"{"path":"nodesByType('Reference').reference","method":"redact","referenceBase":"remove"}"#,
        "applies only to method 'cryptoHash'"
      ),
    ] {
      do {
        _ = try Configuration.load(Array(config([rule]).utf8))
        Issue.record("loaded: \(rule)")
      } catch {
        #expect(error.message.contains("fhirPathRules[0].referenceBase"), "\(error.message)")
        #expect(error.message.contains(message), "\(error.message)")
      }
    }
    let ok = try Configuration.load(
      Array(
        config([
          #"{"path":"nodesByType('Reference').reference","method":"cryptoHash","referenceBase":"remove"}"#
        ]).utf8))
    #expect(ok.rules[0].removesReferenceBase)
  }
}
