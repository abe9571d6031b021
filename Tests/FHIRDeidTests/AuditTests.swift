import Testing

@testable import FHIRDeid

/// The detectors of `fhir-deid audit`: pattern matchers, ZIP forms, ages, dates, free text, the
/// survival index with keep-rule attribution, k-anonymity and `--show-values`.
@Suite struct AuditTests {
  // MARK: Patterns

  @Test(arguments: [
    ("SSN 123-45-6789 on file", AuditPattern.ssn),
    ("999-12-3456", .ssn),
    ("call 555-829-2838", .phone),
    ("(555) 829-2838", .phone),
    ("+1 555.829.2838", .phone),
    ("1-800-555-1234", .phone),
    ("555 829 2838", .phone),
    ("mail jane.doe+x@example.org today", .email),
    ("host 10.0.0.1.", .ipv4),
    ("255.255.255.255", .ipv4),
    ("fe80::1", .ipv6),
    ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", .ipv6),
    ("see https://example.org/x", .url),
    ("HTTP://EXAMPLE.ORG", .url),
    ("www.example.com", .url),
    ("ftp://files", .url),
  ])
  func patternFound(_ text: String, _ pattern: AuditPattern) {
    #expect(AuditPatterns.find(text).contains(pattern), "\(text)")
  }

  @Test(arguments: [
    "2019-03-04", "2019-03-04T10:30:00+01:00", "fe07e69a-4d6d-4e11-a675-de69f62de5f3",
    "2.16.840.1.113883.6.1", "1.2.3", "256.1.1.1", "12:30:45", "00:1A:2B:3C:4D:5E",
    "a@b", "@example.org", "x@y.", "1234567890", "12-345-6789", "123-45-67890", "A123-45-6789",
    "http://", "urn:oid:2.16.840", "3.5 mg", "0123456789abcdef0123456789abcdef",
    #"<div xmlns="http://www.w3.org/1999/xhtml">plain</div>"#, "Mr. Smith",
  ])
  func nothingFound(_ text: String) {
    #expect(AuditPatterns.find(text).isEmpty, "\(text): \(AuditPatterns.find(text).patterns)")
  }

  // MARK: Single values

  @Test func zipForms() {
    let restricted = AuditSettings.safeHarborRestrictedZips.map { Array($0.utf8) }
    #expect(restricted.contains(Array("036".utf8)))
    func finding(_ s: String) -> AuditCheck? {
      AuditText.postalCodeFinding(Array(s.utf8), restricted: restricted)
    }
    #expect(finding("98000") == nil)
    #expect(finding("98000-0000") == nil)
    #expect(finding("00000") == nil)
    #expect(finding("98004") == .zipCode)
    #expect(finding("98004-1234") == .zipCode)
    #expect(finding("980") == .zipCode)
    #expect(finding("03600") == .zipRestricted)
    #expect(finding("03601") == .zipRestricted)
  }

  @Test func ageValues() {
    #expect(AuditText.over89(Array("90".utf8)))
    #expect(AuditText.over89(Array("89.5".utf8)))
    #expect(!AuditText.over89(Array("89".utf8)))
    #expect(!AuditText.over89(Array("89.0".utf8)))
    #expect(AuditText.isYearUnit(Array("a".utf8)))
    #expect(AuditText.isYearUnit(Array("Years".utf8)))
    #expect(!AuditText.isYearUnit(Array("mo".utf8)))
  }

  // MARK: Whole lines

  static let today = (year: 2026, month: 11, day: 29)

  func scan(_ lines: [String], settings: AuditSettings? = nil, index: AuditIndex? = nil) throws
    -> AuditTally
  {
    let scanner = AuditScanner(
      settings: settings ?? Self.defaultSettings, index: index)
    for line in lines {
      var bytes = Array(line.utf8)
      try bytes.withUnsafeMutableBytes { try scanner.scan(UnsafeRawBufferPointer($0)) }
    }
    return scanner.takeTally()
  }

  static var defaultSettings: AuditSettings {
    var s = AuditSettings(today: today)
    s.restrictedZips = AuditSettings.safeHarborRestrictedZips.map { Array($0.utf8) }
    return s
  }

  func count(_ tally: AuditTally, _ check: AuditCheck, _ path: String) -> Int {
    tally.checks[AuditTally.CheckKey(check: check, path: path)]?.count ?? 0
  }

  @Test func datesFinerThanAYearAndAgesOver89() throws {
    let tally = try scan([
      #"{"resourceType":"Patient","birthDate":"1950","deceasedDateTime":"2020-05"}"#,
      #"{"resourceType":"Patient","birthDate":"1930"}"#,
      #"{"resourceType":"Observation","status":"final","code":{},"valueQuantity":{"value":95,"unit":"yr"}}"#,
      #"{"resourceType":"Observation","status":"final","code":{},"valueQuantity":{"value":95,"unit":"mg"}}"#,
      #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/x"},"relationship":{},"ageAge":{"value":90}}"#,
      #"{"resourceType":"Observation","status":"final","code":{},"valueRange":{"low":{"value":91,"code":"a"}}}"#,
    ])
    #expect(count(tally, .dateFinerThanYear, "Patient.deceasedDateTime") == 1)
    #expect(count(tally, .dateFinerThanYear, "Patient.birthDate") == 0)
    #expect(count(tally, .ageOver89, "Patient.birthDate") == 1)
    #expect(count(tally, .ageOver89, "Observation.valueQuantity.value") == 1)
    #expect(count(tally, .ageOver89, "FamilyMemberHistory.ageAge.value") == 1)
    #expect(count(tally, .ageOver89, "Observation.valueRange.low.value") == 1)
    #expect(tally.resources == 6)

    var shifted = Self.defaultSettings
    shifted.shiftedDates = true
    let again = try scan(
      [#"{"resourceType":"Patient","birthDate":"1950-02-03"}"#], settings: shifted)
    #expect(again.checks.isEmpty)
  }

  /// Elements of different resource types in one Bundle share a path string
  /// (`Bundle.entry.resource.issued`) under different path ids: their rows add up.
  @Test func rowsOfOnePathStringAddUp() throws {
    let bundle =
      #"{"resourceType":"Bundle","type":"collection","entry":["#
      + #"{"resource":{"resourceType":"Observation","status":"final","code":{},"issued":"2020-01-02T03:04:05Z"}},"#
      + #"{"resource":{"resourceType":"DiagnosticReport","status":"final","code":{},"issued":"2020-01-02T03:04:05Z"}},"#
      + #"{"resource":{"resourceType":"Observation","status":"final","code":{},"issued":"2021-01-02T03:04:05Z"}}"#
      + "]}"
    let tally = try scan([bundle])
    #expect(count(tally, .dateFinerThanYear, "Bundle.entry.resource.issued") == 3)
  }

  @Test func zipAndPatternsAndFreeTextByPath() throws {
    let tally = try scan([
      #"{"resourceType":"Patient","address":[{"postalCode":"98004","state":"WA","city":"X"},{"postalCode":"03600"},{"postalCode":"98000"}],"telecom":[{"system":"phone","value":"555-829-2838"}],"identifier":[{"value":"123-45-6789"}]}"#
    ])
    #expect(count(tally, .zipCode, "Patient.address.postalCode") == 1)
    #expect(count(tally, .zipRestricted, "Patient.address.postalCode") == 1)
    #expect(count(tally, .phone, "Patient.telecom.value") == 1)
    #expect(count(tally, .ssn, "Patient.identifier.value") == 1)
    #expect(count(tally, .freeText, "Patient.address.city") == 1)
    #expect(count(tally, .freeText, "Patient.address.state") == 0)  // structured
    #expect(count(tally, .freeText, "Patient.identifier.value") == 0)  // structured
    #expect(count(tally, .freeText, "Patient.telecom.value") == 1)
  }

  @Test func valuesOnlyWithShowValues() throws {
    let line = #"{"resourceType":"Patient","name":[{"family":"CANARY-Family"}]}"#
    let plain = try scan([line])
    #expect(plain.checks.values.allSatisfy { $0.values.isEmpty })
    var show = Self.defaultSettings
    show.showsValues = true
    let shown = try scan([line], settings: show)
    #expect(
      shown.checks[AuditTally.CheckKey(check: .freeText, path: "Patient.name.family")]?.values
        == ["CANARY-Family"])
  }

  @Test func kAnonymityClasses() throws {
    var settings = Self.defaultSettings
    settings.quasiIdentifiers = [.gender, .birthYear, .zip3, .state]
    let p = { (g: String, y: String, z: String) in
      #"{"resourceType":"Patient","gender":"\#(g)","birthDate":"\#(y)","address":[{"postalCode":"\#(z)","state":"WA"},{"postalCode":"11111"}]}"#
    }
    let lines =
      Array(repeating: p("male", "1970", "98000"), count: 3)
      + Array(repeating: p("female", "1970", "98000"), count: 2) + [p("female", "1980", "98100")]
    let tally = try scan(lines, settings: settings)
    let k = AuditKAnonymity(classes: tally.classes, k: 3)
    #expect(k.patients == 6)
    #expect(k.classes == 3)
    #expect(k.smallestK == 1)
    #expect(k.classesBelowK == 2)
    #expect(k.patientsBelowK == 3)
    settings.quasiIdentifiers = [.birthYear]
    let coarse = AuditKAnonymity(classes: try scan(lines, settings: settings).classes, k: 3)
    #expect(coarse.classes == 2)
    #expect(coarse.smallestK == 1)
  }

  // MARK: --original

  func index(_ lines: [String], configuration: String?) throws -> AuditIndex {
    let key = AuditIndexKey()
    var anonymizer: Anonymizer?
    if let configuration {
      let config = try Configuration.load(Array(configuration.utf8))
      anonymizer = try Anonymizer(
        configuration: config,
        settings: EngineSettings(
          dateShiftKey: Array("k".utf8), cryptoHashKey: Array("0123456789abcdef".utf8),
          encryptKey: Array("0123456789abcdef".utf8), today: Self.today))
    }
    let indexer = AuditIndexer(anonymizer: anonymizer, keyTemplate: key)
    var part = AuditIndexPart()
    for line in lines {
      var bytes = Array(line.utf8)
      try bytes.withUnsafeMutableBytes {
        try indexer.index(UnsafeRawBufferPointer($0), into: &part)
      }
    }
    return AuditIndex(key: key, part: part)
  }

  @Test func survivingValuesByCategoryAndKeptByRule() throws {
    let original = [
      #"{"resourceType":"Patient","id":"pat-1","name":[{"family":"Brekke496","given":["Aaron697"]}],"birthDate":"1950-03-04","address":[{"city":"Springfield","postalCode":"98004"}],"telecom":[{"value":"555-829-2838"}],"identifier":[{"value":"MRN-77"}]}"#,
      #"{"resourceType":"Organization","id":"org-1","name":"Springfield Clinic","address":[{"city":"Springfield"}]}"#,
    ]
    let config = #"""
      {"fhirPathRules": [
        {"path": "Organization.address", "method": "keep"},
        {"path": "Organization.name", "method": "keep"},
        {"path": "nodesByType('Address')", "method": "redact"}
      ]}
      """#
    let idx = try index(original, configuration: config)
    #expect(idx.lines == 2)
    // No value is stored as such: only 8-byte hashes.
    let output = [
      #"{"resourceType":"Patient","id":"pat-1","name":[{"family":"Brekke496"}],"birthDate":"1950-03-04","address":[{"city":"Springfield"}],"telecom":[{"value":"555-829-2838"}],"identifier":[{"value":"MRN-77"}],"generalPractitioner":[{"reference":"Patient/pat-1","display":"Dr. Aaron697 says hi"}]}"#,
      #"{"resourceType":"Organization","id":"x","name":"Springfield Clinic","address":[{"city":"Springfield"}]}"#,
    ]
    let tally = try scan(output, index: idx)
    func survived(_ c: AuditCategory, _ path: String) -> Int {
      tally.survived[AuditTally.SurvivalKey(category: c, path: path)]?.count ?? 0
    }
    #expect(survived(.names, "Patient.name.family") == 1)
    #expect(survived(.names, "Patient.generalPractitioner.display") == 1)  // a name token
    #expect(survived(.ids, "Patient.id") == 1)
    #expect(survived(.ids, "Patient.generalPractitioner.reference") == 1)
    #expect(survived(.dates, "Patient.birthDate") == 1)
    #expect(survived(.geography, "Patient.address.city") == 1)
    #expect(survived(.telecom, "Patient.telecom.value") == 1)
    #expect(survived(.identifiers, "Patient.identifier.value") == 1)
    #expect(tally.kept[AuditTally.KeptKey(rule: 0, path: "Organization.address.city")]?.count == 1)
    #expect(tally.kept[AuditTally.KeptKey(rule: 1, path: "Organization.name")]?.count == 1)
    #expect(survived(.geography, "Organization.address.city") == 0)
    #expect(count(tally, .freeText, "Organization.name") == 0)

    // Without keep rules (keep-all), the organization's values are findings like any other.
    let plain = try scan(output, index: try index(original, configuration: nil))
    #expect(plain.kept.isEmpty)
    #expect(
      plain.survived[
        AuditTally.SurvivalKey(category: .geography, path: "Organization.address.city")]?
        .count == 1)
  }

  @Test func truncatedFormsAreNotIndexed() throws {
    let idx = try index(
      [
        #"{"resourceType":"Patient","birthDate":"1950","address":[{"postalCode":"98000","city":"Xy"}]}"#
      ], configuration: nil)
    #expect(idx.distinctValues == 0)
  }
}
