import FHIRDeid
import Foundation
import Testing

/// #14: both sides of every threshold the privacy rules use, for every method that applies it.
///
/// The "age over 89" rule (spec §4.2) is applied by `redact` (partial dates on) and by `dateShift`
/// (its fall-back); the Age rule by `redact` (partial ages on); the ZIP3 rule by `redact` (partial
/// ZIP codes on). Each test names the value just inside and just outside the line, so moving a
/// threshold by one in either direction fails a test.
@Suite struct PrivacyBoundaryTests {
  // MARK: Helpers

  enum DateMethod: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case redact, dateShift
    var testDescription: String { rawValue }
  }

  /// The three date types, with an element of each in an Observation.
  enum DateType: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case date, dateTime, instant
    var testDescription: String { rawValue }

    /// A resource whose only date of this type is `value`, and the element's name.
    func resource(_ value: String) -> (line: String, element: String) {
      switch self {
      case .date:
        return (#"{"resourceType":"Patient","birthDate":"\#(value)"}"#, "birthDate")
      case .dateTime:
        return (
          #"{"resourceType":"Patient","deceasedDateTime":"\#(value)"}"#, "deceasedDateTime"
        )
      case .instant:
        return (
          #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"issued":"\#(value)"}"#,
          "issued"
        )
      }
    }
  }

  /// A harness with the three date rules using `method`, partial dates on, a fixed shift of
  /// `shift` days (nil: shifted by the key's fold), counting ages from `today`.
  static func dateHarness(
    _ method: DateMethod, today: (Int, Int, Int) = (2026, 11, 29), shift: Int? = 10,
    partialDates: Bool = true
  ) throws -> EngineHarness {
    let rules = ["date", "dateTime", "instant"].map {
      #"{"path":"nodesByType('\#($0)')","method":"\#(method.rawValue)"}"#
    }
    var parameters = #"{"enablePartialDatesForRedact":\#(partialDates)"#
    if let shift { parameters += #","dateShiftFixedOffsetInDays":\#(shift)"# }
    return try EngineHarness(
      config(rules, parameters: parameters + "}"), dateShiftKey: "dummy", today: today)
  }

  /// The value of the top-level element `name` in the output line, nil when it is gone.
  static func element(_ name: String, in output: String?) throws -> String? {
    let line = try #require(output, "the engine failed")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    return object[name] as? String
  }

  /// Runs one date through `harness` and returns what became of it.
  static func dateResult(_ harness: EngineHarness, _ type: DateType, _ value: String) throws
    -> String?
  {
    let (line, name) = type.resource(value)
    return try element(name, in: harness.output(line))
  }

  static let allDateCases: [(DateMethod, DateType)] = DateMethod.allCases.flatMap { m in
    DateType.allCases.map { (m, $0) }
  }

  /// A full date-and-time text for `type` on the day `day` (`YYYY-MM-DD`).
  static func text(_ day: String, _ type: DateType) -> String {
    type == .date ? day : day + "T10:11:12Z"
  }

  /// What a value on `day` that is NOT over 89 becomes: the year (redact) or the day moved by
  /// the fixed shift of 10 (dateShift) with the time zeroed.
  static func kept(_ day: String, shifted: String, _ method: DateMethod, _ type: DateType)
    -> String
  {
    switch method {
    case .redact: return String(day.prefix(4))
    case .dateShift: return type == .date ? shifted : shifted + "T00:00:00Z"
    }
  }

  // MARK: Age over 89 by date (today 2026-11-29)

  @Test("#14: exactly 90 years before today is over 89 (removed)", arguments: allDateCases)
  func exactlyNinetyYears(_ method: DateMethod, _ type: DateType) throws {
    let h = try Self.dateHarness(method)
    #expect(try Self.dateResult(h, type, Self.text("1936-11-29", type)) == nil)
  }

  @Test("#14: one day short of 90 years is not over 89 (kept)", arguments: allDateCases)
  func oneDayShortOfNinety(_ method: DateMethod, _ type: DateType) throws {
    let h = try Self.dateHarness(method)
    #expect(
      try Self.dateResult(h, type, Self.text("1936-11-30", type))
        == Self.kept("1936-11-30", shifted: "1936-12-10", method, type))
  }

  @Test(
    "#14: 1936-06-01 with today 2026-11-29 is 90, never the year 1936", arguments: allDateCases)
  func issueExample(_ method: DateMethod, _ type: DateType) throws {
    let h = try Self.dateHarness(method)
    #expect(try Self.dateResult(h, type, Self.text("1936-06-01", type)) == nil)
    // The month after today's month in the same year is still 89.
    #expect(
      try Self.dateResult(h, type, Self.text("1936-12-01", type))
        == Self.kept("1936-12-01", shifted: "1936-12-11", method, type))
  }

  @Test(
    "#14: a date without a day counts from day 1, without a month from 1 January",
    arguments: DateMethod.allCases)
  func partialDatesCountFromTheFirst(_ method: DateMethod) throws {
    let h = try Self.dateHarness(method)
    for type in DateType.allCases where type != .instant {
      // 1936-11-01 is 90 years and 28 days before today; 1936-12-01 is 89.
      #expect(try Self.dateResult(h, type, "1936-11") == nil, "\(type)")
      #expect(try Self.dateResult(h, type, "1936-12") == "1936", "\(type)")
      // 1936-01-01 is 90; 1937-01-01 is 89.
      #expect(try Self.dateResult(h, type, "1936") == nil, "\(type)")
      #expect(try Self.dateResult(h, type, "1937") == "1937", "\(type)")
    }
  }

  @Test(
    "#14: a birthday on 29 February, around 28 February and 1 March",
    arguments: allDateCases)
  func leapDay(_ method: DateMethod, _ type: DateType) throws {
    let leapBirth = Self.text("1936-02-29", type)
    // Not a leap year: on 28 February the 90th birthday has not come, on 1 March it has.
    let feb28 = try Self.dateHarness(method, today: (2026, 2, 28))
    #expect(
      try Self.dateResult(feb28, type, leapBirth)
        == Self.kept("1936-02-29", shifted: "1936-03-10", method, type))
    let mar1 = try Self.dateHarness(method, today: (2026, 3, 1))
    #expect(try Self.dateResult(mar1, type, leapBirth) == nil)
    // Today is 29 February: born on 29 February 90 years before is 90; on 1 March, 89.
    let feb29 = try Self.dateHarness(method, today: (2024, 2, 29))
    #expect(try Self.dateResult(feb29, type, Self.text("1934-02-28", type)) == nil)
    #expect(
      try Self.dateResult(feb29, type, Self.text("1934-03-01", type))
        == Self.kept("1934-03-01", shifted: "1934-03-11", method, type))
  }

  @Test("#14: with partial dates off, redact removes every date, young or old")
  func partialDatesOff() throws {
    let h = try Self.dateHarness(.redact, partialDates: false)
    for type in DateType.allCases {
      #expect(try Self.dateResult(h, type, Self.text("2020-01-01", type)) == nil)
    }
    // dateShift still shifts a full date but removes the partial ones and the old ones.
    let shift = try Self.dateHarness(.dateShift, partialDates: false)
    #expect(try Self.dateResult(shift, .date, "2020-01-01") == "2020-01-11")
    #expect(try Self.dateResult(shift, .date, "2020-01") == nil)
    #expect(try Self.dateResult(shift, .date, "2020") == nil)
    #expect(try Self.dateResult(shift, .date, "1936-06-01") == nil)
  }

  // MARK: Partial dates at each precision

  static let precisions: [(DateType, String, redacted: String, shifted: String)] = [
    (.date, "2015", "2015", "2015"),
    (.date, "2015-02", "2015", "2015"),
    (.date, "2015-02-07", "2015", "2015-01-17"),
    (.dateTime, "2015", "2015", "2015"),
    (.dateTime, "2015-02", "2015", "2015"),
    (.dateTime, "2015-02-07", "2015", "2015-01-17"),
    (.dateTime, "2015-02-07T13:28:17-05:00", "2015", "2015-01-17T00:00:00-05:00"),
    (.dateTime, "2015-02-07T13:28:17+14:00", "2015", "2015-01-17T00:00:00+14:00"),
    (.dateTime, "2015-02-07T13:28:17.12345Z", "2015", "2015-01-17T00:00:00.00000Z"),
    (.instant, "2015-02-07T13:28:17Z", "2015", "2015-01-17T00:00:00Z"),
    (.instant, "2015-02-07T23:59:59.999+05:30", "2015", "2015-01-17T00:00:00.000+05:30"),
    // Across a month and a year: the offset of "dummy" alone is −21.
    (.date, "2015-01-03", "2015", "2014-12-13"),
    (.date, "2016-03-05", "2016", "2016-02-13"),
  ]

  @Test("#14: redact keeps the year at every precision", arguments: precisions)
  func redactAtEachPrecision(
    _ type: DateType, _ value: String, _ redacted: String, _ shifted: String
  ) throws {
    let h = try Self.dateHarness(.redact)
    #expect(try Self.dateResult(h, type, value) == redacted)
  }

  @Test(
    "#14: dateShift (key dummy, no id: −21 days) shifts full dates, cuts partial ones to the year",
    arguments: precisions)
  func dateShiftAtEachPrecision(
    _ type: DateType, _ value: String, _ redacted: String, _ shifted: String
  ) throws {
    let h = try Self.dateHarness(.dateShift, shift: nil)
    #expect(try Self.dateResult(h, type, value) == shifted)
  }

  // MARK: Age

  static func ageHarness(partialAges: Bool = true, partialDates: Bool = true) throws
    -> EngineHarness
  {
    try EngineHarness(
      config(
        [#"{"path":"nodesByType('Age')","method":"redact"}"#],
        parameters:
          #"{"enablePartialAgesForRedact":\#(partialAges),"enablePartialDatesForRedact":\#(partialDates)}"#
      ))
  }

  static func onsetAge(_ value: String) -> String {
    #"{"resourceType":"Condition","subject":{"reference":"Patient/p"},"onsetAge":{"value":\#(value),"unit":"a","system":"http://unitsofmeasure.org","code":"a"}}"#
  }

  /// The kept `onsetAge.value` as written, nil when it is gone.
  static func ageValue(_ output: String?) throws -> String? {
    let line = try #require(output, "the engine failed")
    guard let range = line.range(of: #""onsetAge":{"value":"#) else { return nil }
    return String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })
  }

  @Test(
    "#14: an Age of 89 or less is kept, anything over 89 is removed",
    arguments: [
      ("0", true), ("1", true), ("88", true), ("89", true), ("89.0", true), ("89.00", true),
      ("89.000001", false), ("89.5", false), ("90", false), ("90.0", false), ("91", false),
      ("120", false),
    ])
  func ageValues(_ value: String, _ kept: Bool) throws {
    let h = try Self.ageHarness()
    let out = h.output(Self.onsetAge(value))
    #expect(try Self.ageValue(out) == (kept ? value : nil), "\(out ?? "failed")")
    // The unit, system and code go either way.
    #expect(out?.contains(#""unit""#) == false)
    #expect(out?.contains("unitsofmeasure") == false)
  }

  @Test("#14: with partial ages off every Age is removed, whatever the dates setting")
  func partialAgesOff() throws {
    for dates in [false, true] {
      let h = try Self.ageHarness(partialAges: false, partialDates: dates)
      for value in ["5", "89", "90"] {
        let out = h.output(Self.onsetAge(value))
        #expect(try Self.ageValue(out) == nil, "\(value), partial dates \(dates)")
      }
    }
  }

  // MARK: Quantity and Range forms under the presets

  /// A line through a Safe Harbor preset (today 2026-11-29).
  static func preset(_ preset: Preset, _ line: String) throws -> String {
    let h = try EngineHarness(preset.text, dateShiftKey: "k", cryptoHashKey: "c")
    return try #require(h.output(line), "the engine failed on \(line)")
  }

  static func age(_ value: Int) -> String {
    #"{"value":\#(value),"unit":"a","system":"http://unitsofmeasure.org","code":"a"}"#
  }

  static func range(_ low: Int, _ high: Int) -> String {
    #"{"low":{"value":\#(low),"unit":"a","system":"http://unitsofmeasure.org","code":"a"},"high":{"value":\#(high),"unit":"a","system":"http://unitsofmeasure.org","code":"a"}}"#
  }

  /// (resource with an Age or Range of the given form, element, whether an age of 89 is kept)
  static let ageForms: [(String, String, Bool)] = [
    (
      #"{"resourceType":"Condition","subject":{"reference":"Patient/p"},"onsetAge":AGE}"#,
      "onsetAge", true
    ),
    (
      #"{"resourceType":"Condition","subject":{"reference":"Patient/p"},"abatementAge":AGE}"#,
      "abatementAge", true
    ),
    (
      #"{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/p"},"onsetAge":AGE}"#,
      "onsetAge", true
    ),
    (
      #"{"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/p"},"performedAge":AGE}"#,
      "performedAge", true
    ),
    (
      #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/p"},"relationship":{"text":"x"},"ageAge":AGE}"#,
      "ageAge", true
    ),
    // A relative's onset age goes whole (substitute null), young or old.
    (
      #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/p"},"relationship":{"text":"x"},"condition":[{"code":{"text":"x"},"onsetAge":AGE}]}"#,
      "onsetAge", false
    ),
    // A measured quantity goes whole (the parity rules).
    (
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":AGE}"#,
      "valueQuantity", false
    ),
    (
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"component":[{"code":{"text":"x"},"valueQuantity":AGE}]}"#,
      "valueQuantity", false
    ),
  ]

  @Test(
    "#14: preset Age forms keep 89 and remove 90 and 95",
    arguments: [Preset.safeHarbor, .safeHarborPatientShift], ageForms)
  func presetAgeForms(_ preset: Preset, _ form: (String, String, Bool)) throws {
    let (template, element, keeps89) = form
    for value in [89, 90, 95] {
      let out = try Self.preset(
        preset, template.replacingOccurrences(of: "AGE", with: Self.age(value)))
      let expectKept = keeps89 && value <= 89
      #expect(
        out.contains(#""\#(element)":{"value":\#(value)}"#) == expectKept,
        "\(value): \(out)")
      #expect(!out.contains(#""value":\#(value)"#) || expectKept, "\(value) survives in \(out)")
    }
  }

  static let rangeForms: [String] = [
    #"{"resourceType":"Condition","subject":{"reference":"Patient/p"},"onsetRange":RANGE}"#,
    #"{"resourceType":"Condition","subject":{"reference":"Patient/p"},"abatementRange":RANGE}"#,
    #"{"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/p"},"onsetRange":RANGE}"#,
    #"{"resourceType":"Procedure","status":"completed","subject":{"reference":"Patient/p"},"performedRange":RANGE}"#,
    #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/p"},"relationship":{"text":"x"},"ageRange":RANGE}"#,
    #"{"resourceType":"FamilyMemberHistory","status":"completed","patient":{"reference":"Patient/p"},"relationship":{"text":"x"},"condition":[{"code":{"text":"x"},"onsetRange":RANGE}]}"#,
    #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueRange":RANGE}"#,
  ]

  @Test(
    "#14: preset Range forms are removed whole, on both sides of 89",
    arguments: [Preset.safeHarbor, .safeHarborPatientShift], rangeForms)
  func presetRangeForms(_ preset: Preset, _ template: String) throws {
    for (low, high) in [(85, 89), (89, 95), (91, 97)] {
      let out = try Self.preset(
        preset, template.replacingOccurrences(of: "RANGE", with: Self.range(low, high)))
      #expect(!out.contains("Range"), "\(out)")
      #expect(!out.contains(#""value""#), "\(out)")
    }
  }

  // MARK: ZIP3

  /// The restricted 3-digit areas of both Safe Harbor presets.
  static let restricted = [
    "036", "059", "063", "102", "203", "205", "369", "556", "692", "790", "821", "823", "830",
    "831", "878", "879", "884", "890", "893",
  ]

  /// The nearest 3-digit prefixes above and below `area` that are not restricted.
  static func neighbours(of area: String) -> [String] {
    let n = Int(area) ?? 0
    var result: [String] = []
    for step in [1, -1] {
      var m = n + step
      while restricted.contains(String(format: "%03d", m)) { m += step }
      if (0...999).contains(m) { result.append(String(format: "%03d", m)) }
    }
    return result
  }

  static func postal(_ preset: Preset, _ zip: String) throws -> String? {
    let out = try Self.preset(
      preset, #"{"resourceType":"Patient","address":[{"city":"X","postalCode":"\#(zip)"}]}"#)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    let addresses = object["address"] as? [[String: Any]]
    return addresses?.first?["postalCode"] as? String
  }

  @Test("#14: the presets' list of restricted ZIP3 areas is exactly this one")
  func restrictedList() throws {
    for preset in [Preset.safeHarbor, .safeHarborPatientShift] {
      let zips = try preset.configuration().parameters.restrictedZipCodeTabulationAreas
      #expect(zips == Self.restricted)
    }
  }

  @Test(
    "#14: each restricted ZIP3 area becomes 00000; its neighbours keep three digits",
    arguments: [Preset.safeHarbor, .safeHarborPatientShift], restricted)
  func restrictedArea(_ preset: Preset, _ area: String) throws {
    #expect(try Self.postal(preset, area + "12") == "00000")
    #expect(try Self.postal(preset, area + "99-1234") == "00000-0000")
    #expect(try Self.postal(preset, area) == "000")
    for neighbour in Self.neighbours(of: area) {
      #expect(try Self.postal(preset, neighbour + "12") == neighbour + "00", "\(neighbour)")
      #expect(
        try Self.postal(preset, neighbour + "99-1234") == neighbour + "00-0000", "\(neighbour)")
    }
  }

  /// #9: a postal code not shaped like a ZIP code (3 to 5 digits, optionally -4 more) is
  /// removed whole: the ZIP3 rule would keep a foreign postcode's letters (`A1B 0C0`).
  @Test(
    "#14: ZIP codes outside the list keep exactly three characters",
    arguments: [
      ("98052", "98000"), ("10104", "10100"), ("98028-1830", "98000-0000"), ("123", "123"),
      ("1234", "1230"), ("12", nil), ("A1B 2C3", nil), ("00501", "00500"), ("CANARY-9", nil),
    ] as [(String, String?)])
  func otherZips(_ zip: String, _ expected: String?) throws {
    #expect(try Self.postal(.safeHarbor, zip) == expected)
  }

  @Test("#14: with partial ZIP codes off, every postal code is removed")
  func partialZipOff() throws {
    let h = try EngineHarness(
      config(
        [#"{"path":"nodesByType('Address').postalCode","method":"redact"}"#],
        parameters: #"{"restrictedZipCodeTabulationAreas":["036"]}"#))
    for zip in ["03612", "98052", "12"] {
      let out = try #require(
        h.output(#"{"resourceType":"Patient","address":[{"postalCode":"\#(zip)"}]}"#))
      #expect(!out.contains("postalCode"), "\(out)")
    }
  }

  // MARK: The never-zero patient offset

  /// Microsoft's fold (spec §4.3), computed here independently of the engine.
  static func fold(_ text: String) -> Int {
    var h = 0
    for byte in text.utf8 { h = (h * 131 + Int(byte)) % 101 }
    return h - 50
  }

  /// With this key, the patient id `patient-34` and the resource id `obs-50` fold to offset 0.
  static let zeroKey = "pinned-key"
  static let zeroPatient = "patient-34"
  static let zeroResource = "obs-50"

  static func shiftHarness(scope: String) throws -> EngineHarness {
    try EngineHarness(
      config(
        [
          #"{"path":"nodesByType('date')","method":"dateShift"}"#,
          #"{"path":"nodesByType('dateTime')","method":"dateShift"}"#,
        ],
        parameters: #"{"dateShiftScope":"\#(scope)","enablePartialDatesForRedact":true}"#),
      dateShiftKey: zeroKey)
  }

  @Test("#14: the pinned key and ids fold to a raw offset of 0")
  func pinnedZero() throws {
    #expect(Self.fold(Self.zeroPatient + Self.zeroKey) == 0)
    #expect(Self.fold(Self.zeroResource + Self.zeroKey) == 0)
    #expect(Self.fold("dummy") == -21)
    // The engine agrees: in resource scope a raw offset of 0 is allowed (Microsoft's rule), and
    // the date stays.
    let resource = try Self.shiftHarness(scope: "resource")
    let out = resource.output(
      #"{"resourceType":"Patient","id":"\#(Self.zeroPatient)","birthDate":"2000-01-01"}"#)
    #expect(try Self.element("birthDate", in: out) == "2000-01-01")
  }

  @Test("#14: patient scope never keeps true dates, even when the patient's offset folds to 0")
  func patientOffsetIsNeverZero() throws {
    let h = try Self.shiftHarness(scope: "patient")
    let patient = h.output(
      #"{"resourceType":"Patient","id":"\#(Self.zeroPatient)","birthDate":"2000-01-01"}"#)
    #expect(try Self.element("birthDate", in: patient) == "2000-01-02")
    // A resource of the same patient moves by the same day.
    let observation = h.output(
      #"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/\#(Self.zeroPatient)"},"effectiveDateTime":"2000-01-01T10:00:00Z"}"#
    )
    #expect(
      try Self.element("effectiveDateTime", in: observation) == "2000-01-02T00:00:00Z")
  }

  @Test("#14: patient scope without a patient falls back to the resource id, never to offset 0")
  func fallbackOffsetIsNeverZero() throws {
    let h = try Self.shiftHarness(scope: "patient")
    let out = h.output(
      #"{"resourceType":"Observation","id":"\#(Self.zeroResource)","status":"final","code":{"text":"x"},"effectiveDateTime":"2000-01-01T10:00:00Z"}"#
    )
    #expect(try Self.element("effectiveDateTime", in: out) == "2000-01-02T00:00:00Z")
  }
}
