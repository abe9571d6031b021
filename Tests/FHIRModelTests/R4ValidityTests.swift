import DeidTestSupport
import FHIRModel
import Foundation
import Testing

/// Cardinalities, required elements and lexical forms of R4 (`R4Validity.swift`, `R4Lexical.swift`).
@Suite struct R4ValidityTests {
  /// The element at `path` (`"Claim.insurance.coverage"`, `"Observation.value[x]"`).
  static func element(_ path: String) throws -> ElementID {
    let bare = path.hasSuffix("[x]") ? String(path.dropLast(3)) : path
    let dot = try #require(bare.lastIndex(of: "."), "no parent in \(path)")
    let parent = try #require(R4.structure(named: String(bare[..<dot])), "no structure for \(path)")
    let name = String(bare[bare.index(after: dot)...])
    let found = R4.children(of: parent).first { R4.name(of: $0) == name }
    let element = try #require(found, "no element \(path)")
    #expect(R4.path(of: element) == path)
    return element
  }

  // MARK: Cardinality

  struct Cardinality: CustomTestStringConvertible, Sendable {
    var path: String
    var min: Int
    var max: Int?
    var testDescription: String { "\(path) \(min)..\(max.map(String.init) ?? "*")" }
  }

  static let cardinalities: [Cardinality] = [
    .init(path: "Patient.name", min: 0, max: nil),
    .init(path: "Observation.status", min: 1, max: 1),
    .init(path: "Claim.insurance", min: 1, max: nil),
    .init(path: "Claim.insurance.coverage", min: 1, max: 1),
    .init(path: "Goal.description", min: 1, max: 1),
    .init(path: "ExplanationOfBenefit.insurer", min: 1, max: 1),
    .init(path: "ExplanationOfBenefit.insurance", min: 1, max: nil),
    .init(path: "Coverage.payor", min: 1, max: nil),
    .init(path: "Provenance.recorded", min: 1, max: 1),
    .init(path: "Provenance.target", min: 1, max: nil),
    .init(path: "Observation.issued", min: 0, max: 1),
    .init(path: "DocumentReference.date", min: 0, max: 1),
    .init(path: "DocumentReference.content", min: 1, max: nil),
    // A choice counts once, whatever its type suffix; a required choice.
    .init(path: "Observation.value[x]", min: 0, max: 1),
    .init(path: "MedicationAdministration.effective[x]", min: 1, max: 1),
    // Inherited members, per structure.
    .init(path: "Patient.id", min: 0, max: 1),
    .init(path: "Resource.id", min: 0, max: 1),
    .init(path: "DomainResource.contained", min: 0, max: nil),
    .init(path: "Patient.contact.extension", min: 0, max: nil),
    .init(path: "HumanName.given", min: 0, max: nil),
    .init(path: "Extension.url", min: 1, max: 1),
    .init(path: "Narrative.div", min: 1, max: 1),
    .init(path: "Bundle.type", min: 1, max: 1),
    .init(path: "Bundle.entry.resource", min: 0, max: 1),
    // A backbone element and a path defined elsewhere.
    .init(path: "Patient.contact", min: 0, max: nil),
    .init(path: "Questionnaire.item.item", min: 0, max: nil),
    .init(path: "Questionnaire.item.linkId", min: 1, max: 1),
    .init(path: "Age.value", min: 0, max: 1),
  ]

  @Test(arguments: cardinalities)
  func knownCardinalities(_ c: Cardinality) throws {
    let e = try Self.element(c.path)
    #expect(R4.minimumCardinality(of: e) == c.min)
    #expect(R4.maximumCardinality(of: e) == c.max)
    #expect(R4.isRequired(e) == (c.min >= 1))
  }

  /// `memberStructure(of:type:)` answers, without the key, what a lookup of the member's key
  /// (`child(_:of:)`) gives, for every element and type an element allows (resource-holding
  /// elements aside: their structure comes from the nested `resourceType`); and
  /// `FHIRVersionModel.memberName` is that key.
  @Test func memberStructureAgreesWithTheKeyLookup() throws {
    var checked = 0
    for raw in 0..<UInt32(R4.elementCount) {
      let e = ElementID(raw: raw)
      for type in R4.allowedTypes(of: e) {
        let key = FHIRVersionModel.r4.memberName(of: e, type: type)
        let match = try #require(R4.child(key, of: R4.parent(of: e)), "\(R4.path(of: e)) \(key)")
        #expect(match.element == e)
        guard !match.holdsResource else { continue }
        #expect(
          R4.memberStructure(of: e, type: type) == match.structure, "\(R4.path(of: e)) \(key)")
        checked += 1
      }
    }
    #expect(checked > 7000)
  }

  /// The maximum comes from hl7.fhir.r4.core and `repeats` from fhirclient: two sources agree.
  @Test func everyElementHasACardinalityThatAgreesWithRepeats() {
    var required = 0
    for raw in 0..<UInt32(R4.elementCount) {
      let e = ElementID(raw: raw)
      let (lo, hi) = (R4.minimumCardinality(of: e), R4.maximumCardinality(of: e))
      #expect((hi == nil) == R4.repeats(e), "\(R4.path(of: e))")
      #expect(lo == 0 || lo == 1, "\(R4.path(of: e))")
      #expect(hi == nil || hi == 1, "\(R4.path(of: e))")
      #expect(R4.isRequired(e) == (lo >= 1))
      if lo >= 1 { required += 1 }
    }
    // 711 elements are 1..1 and 62 are 1..* in R4 (R4Validity.generated.swift's header).
    #expect(required == 773)
  }

  // MARK: Required elements

  static let requiredSets: [(String, [String])] = [
    ("Claim.insurance", ["coverage", "focal", "sequence"]),
    (
      "Claim", ["created", "insurance", "patient", "priority", "provider", "status", "type", "use"]
    ),
    (
      "ExplanationOfBenefit",
      [
        "created", "insurance", "insurer", "outcome", "patient", "provider", "status", "type",
        "use",
      ]
    ),
    ("Coverage", ["beneficiary", "payor", "status"]),
    ("Goal", ["description", "lifecycleStatus", "subject"]),
    ("Observation", ["code", "status"]),
    ("Provenance", ["agent", "recorded", "target"]),
    ("Questionnaire.item", ["linkId", "type"]),
    ("Extension", ["url"]),
    ("Narrative", ["div", "status"]),
    ("Bundle", ["type"]),
    ("Patient", []),
    ("HumanName", []),
    ("Resource", []),
  ]

  @Test(arguments: requiredSets)
  func requiredElementsOfAStructure(_ path: String, _ names: [String]) throws {
    let s = try #require(R4.structure(named: path))
    #expect(R4.requiredElements(of: s).map(R4.name(of:)) == names)
  }

  @Test func requiredElementsAreTheChildrenWithAMinimum() {
    for raw in 0..<UInt16(R4.structureCount) {
      let s = StructureID(raw: raw)
      let expected = R4.children(of: s).filter { R4.minimumCardinality(of: $0) >= 1 }
      let list = R4.requiredElements(of: s)
      #expect(Array(list) == expected, "\(R4.path(of: s))")
      #expect(list.allSatisfy { R4.parent(of: $0) == s })
    }
  }

  /// hl7.fhir.r4.core and fhir.resources 6.4.0 (the receiving team's validator) agree on every
  /// element that is required.
  @Test(.enabled(if: FhirResourcesValidator.isAvailable))
  func requiredElementsAgreeWithFhirResources() throws {
    let elements = (0..<UInt32(R4.elementCount)).map { ElementID(raw: $0) }
    let list = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID())")
    try Data(elements.map { R4.path(of: $0) + "\n" }.joined().utf8).write(to: list)
    defer { try? FileManager.default.removeItem(at: list) }
    let script = Shared.packageRoot + "/Tests/Validation/required-elements.py"
    let result = try FhirResourcesValidator.run([script, list.path], stdin: Data())
    try #require(result.status == 0)
    var theirs: [String: Substring] = [:]
    for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ")
      theirs[String(parts[0])] = parts[1]
    }
    #expect(theirs.count == elements.count)
    var differences: [String] = []
    for e in elements {
      let path = R4.path(of: e)
      let expected: Substring = R4.isRequired(e) ? "1" : "0"
      if theirs[path] != expected { differences.append("\(path): \(theirs[path] ?? "absent")") }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }

  // MARK: Lexical forms

  @Test func patternsAreTheSpecificationsRegexes() {
    #expect(
      R4.lexicalPattern(of: .instant)
        == #"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"#
    )
    #expect(R4.lexicalPattern(of: .id) == #"[A-Za-z0-9\-\.]{1,64}"#)
    #expect(R4.lexicalPattern(of: .boolean) == "true|false")
    #expect(R4.lexicalPattern(of: .xhtml) == nil)
    #expect(R4.lexicalPattern(of: .humanName) == nil)
    #expect(R4.maximumLength(of: .string) == 1_048_576)
    #expect(R4.maximumLength(of: .code) == nil)
    for raw in 0..<UInt16(R4.typeCount) {
      let t = FHIRType(raw: raw)
      #expect((R4.lexicalPattern(of: t) != nil) == (t.isPrimitive && t != .xhtml), "\(t)")
    }
  }

  struct Samples: CustomTestStringConvertible, Sendable {
    var type: FHIRType
    var valid: [String]
    var invalid: [String]
    var testDescription: String { type.name }
  }

  static let samples: [Samples] = [
    .init(
      type: .instant,
      valid: [
        "2020-01-01T10:00:00Z", "2020-01-01T10:00:00+01:00", "2020-01-01T10:00:00.123-05:00",
        "2016-02-29T23:59:60Z", "0001-01-01T00:00:00Z", "2020-01-01T10:00:00+14:00",
        "2020-01-01T10:00:00-13:59", "2020-12-31T23:59:59.999999999+00:00",
      ],
      invalid: [
        "2020", "2020-01", "2020-01-01", "2020-01-01T10:00", "2020-01-01T10:00:00",
        "2020-01-01T10:00Z", "2020-01-01T24:00:00Z", "2020-01-01T10:00:00+14:01",
        "2020-01-01T10:00:00+1:00", "2020-01-01T10:00:00.Z", "2020-02-30T10:00:00Z",
        "0000-01-01T00:00:00Z", "2020-01-01 10:00:00Z", "2020-01-01T10:00:00z", "",
        " 2020-01-01T10:00:00Z", "2020-01-01T10:00:00Z ", "2020-01-01T10:00:00+0100",
        "2020-01-01T10:00:00+01:00Z",
      ]),
    .init(
      type: .date,
      valid: ["2020", "2020-01", "2020-01-31", "2000-02-29", "0001", "1999-12"],
      invalid: [
        "2020-1", "2020-13", "2020-00", "2020-01-32", "1900-02-29", "2021-02-29", "2020-04-31",
        "20", "0000", "2020-01-01T10:00:00Z", "2020/01/01", "", "12020", "2020-", "2020-01-",
      ]),
    .init(
      type: .dateTime,
      valid: [
        "2020", "2020-01", "2020-01-01", "2020-01-01T10:00:00Z", "2020-01-01T10:00:00.5+05:30",
        "2020-02-29T00:00:00-00:00",
      ],
      invalid: [
        "2020-01-01T10:00", "2020-01-01T10:00:00", "2020-01T10:00:00Z", "2020-01-01T",
        "2020-01-01T10:00:00+15:00", "2019-02-29", "2020-01-01T10:00Z", "2020T10:00:00Z",
      ]),
    .init(
      type: .time,
      valid: ["00:00:00", "23:59:59", "10:00:00.000", "23:59:60"],
      invalid: [
        "24:00:00", "10:00", "10:00:00Z", "1:00:00", "10:60:00", "10:00:61", "10:00:00.", "",
        "10:00:00+01:00", "T10:00:00",
      ]),
    .init(
      type: .id,
      valid: ["a", "A-1.b", String(repeating: "x", count: 64), "0"],
      invalid: ["", String(repeating: "x", count: 65), "a b", "a_b", "é", "a/b"]),
    .init(
      type: .code,
      valid: ["final", "a b", "a\tb", "é", "[x]"],
      invalid: ["", " a", "a ", "a  b", "\n", "a \tb"]),
    .init(
      type: .uri,
      valid: ["http://example.org/x", "urn:uuid:abc", "", "#ref", "é"],
      invalid: ["http://x y", "a\tb", " ", "a\n"]),
    .init(type: .url, valid: ["http://example.org"], invalid: ["http://example.org /"]),
    .init(type: .canonical, valid: ["http://example.org|1.0"], invalid: ["a b"]),
    .init(
      type: .decimal,
      valid: ["0", "-0", "1.50", "-1.5e10", "1E+2", "0.0", "123", "8E+1", "1e-7"],
      invalid: ["01", "1.", ".5", "+1", "1e", "--1", "1.5.5", "", "NaN", "0x10", "1 ", "-"]),
    .init(
      type: .integer,
      valid: ["0", "-0", "2147483647", "-2147483648", "42"],
      invalid: [
        "2147483648", "-2147483649", "01", "+1", "1.0", "1e2", "", "-", "99999999999", " 1",
      ]),
    .init(
      type: .positiveInt,
      valid: ["1", "2147483647", "10"],
      invalid: ["0", "-1", "+1", "01", "2147483648", "", "1.0"]),
    .init(
      type: .unsignedInt,
      valid: ["0", "2147483647", "10"],
      invalid: ["-0", "-1", "00", "2147483648", "", "01"]),
    .init(
      type: .base64Binary,
      valid: ["AAAA", "SGVsbG8=", "YQ==", "AB+/ CD==", "\nAAAA\nBBBB\n", "a=b="],
      invalid: ["", "AAA", "AA AA", "AAAA!", "   ", "AAAAA", "AA-_"]),
    .init(
      type: .oid,
      valid: ["urn:oid:1.2.3", "urn:oid:2.16.840.1.113883", "urn:oid:0.0"],
      invalid: [
        "urn:oid:1", "urn:oid:3.1", "urn:oid:1.02", "1.2.3", "urn:oid:1..2", "urn:oid:1.2.",
        "urn:oid:12.3", "",
      ]),
    .init(
      type: .uuid,
      valid: ["urn:uuid:c757873d-ec9a-4326-a141-556f43239520"],
      invalid: [
        "urn:uuid:C757873D-EC9A-4326-A141-556F43239520", "c757873d-ec9a-4326-a141-556f43239520",
        "urn:uuid:c757873dec9a-4326-a141-556f43239520-",
        "urn:uuid:c757873d-ec9a-4326-a141-556f4323952",
        "",
      ]),
    .init(
      type: .boolean, valid: ["true", "false"], invalid: ["True", "1", "", "yes", "truee", "fals"]),
    .init(type: .string, valid: ["a", " ", "\n", "é", "  x  "], invalid: [""]),
    .init(type: .markdown, valid: ["# x", " "], invalid: [""]),
    .init(
      type: .xhtml,
      valid: [#"<div xmlns="http://www.w3.org/1999/xhtml">x</div>"#, "<div/>", " <div>x</div>\n"],
      invalid: ["", "text", "<p>x</p>", "<divx>", "<div"]),
  ]

  @Test(arguments: samples)
  func lexicalForms(_ s: Samples) {
    for v in s.valid {
      #expect(R4.isLexicallyValid(v, as: s.type), "\(s.type) \(v.debugDescription) is valid")
    }
    for v in s.invalid {
      #expect(!R4.isLexicallyValid(v, as: s.type), "\(s.type) \(v.debugDescription) is invalid")
    }
  }

  @Test func stringsLongerThanTheMaximumAreInvalid() {
    let max = 1_048_576
    #expect(R4.isLexicallyValid(String(repeating: "a", count: max), as: .string))
    #expect(!R4.isLexicallyValid(String(repeating: "a", count: max + 1), as: .string))
    // Characters, not bytes: 2 bytes each.
    #expect(R4.isLexicallyValid(String(repeating: "é", count: max), as: .string))
    #expect(!R4.isLexicallyValid(String(repeating: "é", count: max + 1), as: .string))
    // markdown has no maximum in R4.
    #expect(R4.isLexicallyValid(String(repeating: "a", count: max + 1), as: .markdown))
  }

  @Test func complexTypesAreNeverLexicallyValid() {
    #expect(!R4.isLexicallyValid("x", as: .humanName))
    #expect(!R4.isLexicallyValid("2020", as: .period))
    #expect(!R4.isLexicallyValid("x", as: .patient))
  }
}
