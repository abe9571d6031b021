import FHIRDeid
import FHIRModel
import Testing

/// `generalize` (spec §4.8, §11.7) on real resources through the engine.
@Suite struct GeneralizationTests {
  /// Where a primitive lives in a resource: the rule path and the line holding a value (JSON
  /// text), or the line left once the value is gone (pruned up to the resource).
  struct Shape: Sendable {
    var path: String
    var line: @Sendable (String?) -> String

    static let integer = Shape(path: "Observation.value") { v in
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"}"#
        + (v.map { #","valueInteger":\#($0)"# } ?? "") + "}"
    }
    static let positiveInt = Shape(path: "Immunization.protocolApplied.doseNumber") { v in
      #"{"resourceType":"Immunization","status":"completed""#
        + (v.map { #","protocolApplied":[{"doseNumberPositiveInt":\#($0)}]"# } ?? "") + "}"
    }
    static let unsignedInt = Shape(path: "ImagingStudy.numberOfSeries") { v in
      #"{"resourceType":"ImagingStudy","status":"available""#
        + (v.map { #","numberOfSeries":\#($0)"# } ?? "") + "}"
    }
    static let language = Shape(path: "Patient.communication.language.coding.code") { v in
      #"{"resourceType":"Patient""#
        + (v.map { #","communication":[{"language":{"coding":[{"code":\#($0)}]}}]"# } ?? "") + "}"
    }
    static let identifier = Shape(path: "Patient.identifier.value") { v in
      #"{"resourceType":"Patient""# + (v.map { #","identifier":[{"value":\#($0)}]"# } ?? "") + "}"
    }
    static let birthDate = Shape(path: "Patient.birthDate") { v in
      #"{"resourceType":"Patient""# + (v.map { #","birthDate":\#($0)"# } ?? "") + "}"
    }
    static let effective = Shape(path: "Observation.effective") { v in
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"}"#
        + (v.map { #","effectiveDateTime":\#($0)"# } ?? "") + "}"
    }
    static let issued = Shape(path: "Observation.issued") { v in
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"}"#
        + (v.map { #","issued":\#($0)"# } ?? "") + "}"
    }
    static let time = Shape(path: "Observation.value") { v in
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"}"#
        + (v.map { #","valueTime":\#($0)"# } ?? "") + "}"
    }
  }

  /// A JSON string literal for `s` (quotes and backslashes escaped).
  static func json(_ s: String) -> String {
    "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"") + "\""
  }

  static func rule(_ path: String, _ cases: [(String, String)], otherValues: String? = nil)
    -> String
  {
    let members = cases.map { json($0.0) + ":" + json($0.1) }.joined(separator: ",")
    var rule = #"{"path":"\#(path)","method":"generalize","cases":{\#(members)}"#
    if let otherValues { rule += #","otherValues":"\#(otherValues)""# }
    return rule + "}"
  }

  /// Generalizes `value` (JSON text) in `shape` and checks the whole output line: the member
  /// becomes `expected` (JSON text; nil = removed), and the GENERALIZED label is added.
  static func check(
    _ shape: Shape, _ cases: [(String, String)], _ value: String, _ expected: String?,
    otherValues: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let h = try EngineHarness(config([rule(shape.path, cases, otherValues: otherValues)]))
    let out = h.run(shape.line(value))
    let body = shape.line(expected)
    let want = String(body.dropLast()) + #","meta":{"security":["# + generalizedLabel + "]}}"
    #expect(try out.get() == want, "\(value)", sourceLocation: sourceLocation)
  }

  static let ranges = [
    ("$this>=0 and $this<20", "20"), ("$this>=20 and $this<40", "40"),
    ("$this>=40 and $this<60", "60"), ("$this>=60 and $this<80", "80"),
  ]

  @Test(
    "§11.7 range mapping; no match is removed (redact) or kept (keep), labelled either way",
    arguments: [("5", "20"), ("20", "40"), ("43", "60"), ("78", "80"), ("110", nil)])
  func rangeMapping(_ value: String, _ expected: String?) throws {
    try Self.check(.integer, Self.ranges, value, expected)
    try Self.check(.integer, Self.ranges, value, expected ?? value, otherValues: "Keep")
  }

  @Test(
    "§11.7 arithmetic value expression on integer, positiveInt and unsignedInt",
    arguments: [("5", "-10"), ("20", "10"), ("43", "30"), ("78", "60"), ("24", "10")])
  func arithmetic(_ value: String, _ expected: String) throws {
    let cases = [("$this>=-20 and $this<80", "($this div 10 -1)*10 ")]
    try Self.check(.integer, cases, value, expected)
    if value == "24" {
      try Self.check(.positiveInt, cases, value, expected)
      try Self.check(.unsignedInt, cases, value, expected)
    }
  }

  @Test("§11.7 division gives a decimal number; $this keeps the value as written")
  func divisionAndThis() throws {
    try Self.check(.integer, [("$this>=0 and $this<20", "$this / 2")], "5", "2.5")
    try Self.check(.integer, [("$this<5.5", "$this")], "5", "5")
    try Self.check(.identifier, [("true", "$this")], #""007""#, #""007""#)
  }

  @Test(
    "§11.7 value sets on Patient.communication.language",
    arguments: [
      ("en-AU", "en"), ("en-CA", "en"), ("en-CI", nil), ("es-AR", "es"), ("es-ES", "es"),
    ])
  func valueSets(_ value: String, _ expected: String?) throws {
    let cases = [
      ("$this in ('en-AU' | 'en-CA')", "'en'"), ("$this in ('es-AR' | 'es-ES')", "'es'"),
    ]
    try Self.check(.language, cases, Self.json(value), expected.map(Self.json))
  }

  @Test(
    "§11.7 masking strings",
    arguments: [
      ("1230005", "123****", "123****"), ("1238765", "123****", "123****"),
      ("2345234", "234****", "234****"), ("1111111", nil, "1111111"), ("7654321", nil, "7654321"),
    ])
  func mask(_ value: String, _ redacted: String?, _ kept: String) throws {
    let cases = [
      ("$this.startsWith('123') or $this.endsWith('234')", "$this.substring(0,3)+'****'")
    ]
    try Self.check(.identifier, cases, Self.json(value), redacted.map(Self.json))
    try Self.check(
      .identifier, cases, Self.json(value), Self.json(kept), otherValues: "keep")
  }

  @Test(
    "§11.7 date cases on Patient.birthDate (an empty comparison matches, Q2)",
    arguments: [
      ("1990-01-01", "1990"), ("2000-01-01", nil), ("1990", "1990"), ("2000", "1990"),
      ("2010", "2010-01-01"), ("2010-01-01", "2010-01-01"), ("2010-01-02", "2010-01-01"),
      ("2020", "2020-01-01"), ("2020-01-01", nil), ("2020-05-20", nil),
    ])
  func dates(_ value: String, _ expected: String?) throws {
    let cases = [
      ("$this >= @1990-01-01 and $this < @2000-01-01", "@1990"),
      ("$this = @2010", "@2010-01-01"),
      ("$this ~ @2020", "@2020-01-01"),
    ]
    try Self.check(.birthDate, cases, Self.json(value), expected.map(Self.json))
    if expected == nil {
      try Self.check(.birthDate, cases, Self.json(value), Self.json(value), otherValues: "keep")
    }
  }

  @Test("§11.7 a date no case matches is kept with otherValues keep")
  func dateKept() throws {
    let cases = [("$this >= @1990-01-01 and $this < @2000-01-01", "@1990")]
    try Self.check(.birthDate, cases, #""2021-05-20""#, #""2021-05-20""#, otherValues: "keep")
  }

  @Test(
    "§11.7 dateTime cases on Observation.effectiveDateTime",
    arguments: [
      ("1990-01-01T00:00:00Z", "1990"), ("1990-01-01T00:00:00+08:00", nil),
      ("1990-01-01", "1990"), ("1990-01", "1990"), ("2000-01-01T00:00:00Z", nil),
      ("2000-01-01T00:00:00+08:00", "1990"), ("2000-01-01T00:00:00+09:00", "1990"),
      ("2000-01-01T00:00:00-09:00", nil), ("2010-01-01", nil), ("2010-01-01T00:00:00Z", nil),
      ("2010-01-01T00:00:00+08:00", "2010-01-01"), ("2010-01-01T00:00:00+09:00", nil),
      ("2009-12-31T16:00:00Z", "2010-01-01"), ("2020-01-01T00:00:00", "2020-01-01"),
      ("2020-01-01T00:00:00+08:00", nil), ("2020-01-01", nil),
    ])
  func dateTimes(_ value: String, _ expected: String?) throws {
    let cases = [
      ("$this >= @1990-01-01T00:00:00Z and $this <= @2000-01-01T00:00:00+08:00", "@1990"),
      ("$this = @2010-01-01T00:00:00+08:00", "@2010-01-01"),
      ("$this ~ @2020-01-01T00:00:00", "@2020-01-01"),
    ]
    try Self.check(.effective, cases, Self.json(value), expected.map(Self.json))
  }

  @Test(
    "§11.7 time cases on Observation.valueTime (cases reconstructed to fit the vectors)",
    arguments: [
      ("13:45:02", "12:00:00"), ("02:00:00", nil), ("06:00:00", nil), ("00:00:00", "00:00:00"),
      ("10:00:00", "10:00:00"),
    ])
  func times(_ value: String, _ expected: String?) throws {
    let cases = [
      ("$this >= @T12:00:00", "@T12:00:00"), ("$this = @T00:00:00", "@T00:00:00"),
      ("$this ~ @T10:00:00", "@T10:00:00"),
    ]
    try Self.check(.time, cases, Self.json(value), expected.map(Self.json))
  }

  @Test(
    "§11.7 instant cases on Observation.issued",
    arguments: [
      ("2001-04-06T04:13:14Z", "1990-01-01T00:00:00Z"),
      ("1995-04-06T05:13:14+05:00", "1990-01-01T00:00:00Z"),
      ("2020-04-06T05:13:14+05:00", nil),
    ])
  func instants(_ value: String, _ expected: String?) throws {
    let cases = [
      (
        "$this >= @1990-01-01T00:00:00Z and $this <= @2020-01-01T00:00:00+08:00",
        "@1990-01-01T00:00:00Z"
      )
    ]
    try Self.check(.issued, cases, Self.json(value), expected.map(Self.json))
  }

  @Test("§11.7 omit the day with replaceMatches (date and dateTime)")
  func omitDay() throws {
    let date =
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
      + #"(?<day>\\d{1,2})\\b','${year}-${month}')"#
    for (value, expected) in [("1990-11-01", "1990-11"), ("1990", "1990"), ("1990-11", "1990-11")] {
      try Self.check(.birthDate, [("true", date)], Self.json(value), Self.json(expected))
    }
    let dateTime =
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
      + #"(?<day>\\d{1,2})(T)?(?<hour>\\d{1,2})?(:)?(?<minute>\\d{1,2})?(:)?"#
      + #"(?<second>\\d{1,2})?(Z)?\\b','${year}-${month}')"#
    for value in ["1990-01-01T00:00:00Z", "1990-01-01T00:00:00", "1990-01-01"] {
      try Self.check(.effective, [("true", dateTime)], Self.json(value), Self.json("1990-01"))
    }
  }

  @Test(
    "§11.7 the first matching case wins, in JSON order",
    arguments: [("18", "20"), ("31", "40"), ("45", "60"), ("110", "80")])
  func firstMatchWins(_ value: String, _ expected: String) throws {
    let cases = [
      ("$this>=0 and $this<20", "20"), ("$this>=10 and $this<40", "40"),
      ("$this>=30 and $this<60", "60"), ("true", "80"),
    ]
    try Self.check(.integer, cases, value, expected)
  }

  @Test("result typing: booleans are JSON literals, a string element can receive a number")
  func resultTyping() throws {
    try Self.check(.identifier, [("true", "$this.length() > 3")], #""abcd""#, "true")
    try Self.check(.identifier, [("true", "1.50")], #""abcd""#, "1.50")
    try Self.check(.integer, [("true", "'many'")], "7", #""many""#)
    try Self.check(.integer, [("true", "{}")], "7", nil)
  }

  @Test(
    "§11.7 processing errors are skippable: comparisons of incompatible types, bad literals",
    arguments: [
      (Shape.integer, "5", "$this>='0' and $this<'20'"),
      (Shape.identifier, #""2015-01-01""#, "$this > @2015-01-01"),
      (Shape.birthDate, #""2015-01-01""#, "$this > @2015-1-1"),
      (Shape.effective, #""2015-01-01T10:00:00Z""#, "$this > @2015-1-1"),
      (Shape.identifier, #""a""#, "true"),
    ])
  func processingErrors(_ shape: Shape, _ value: String, _ condition: String) throws {
    // The last row fails in its value expression, which yields two items.
    let valueExpression = condition == "true" ? "$this | 'b'" : "'x'"
    let h = try EngineHarness(config([Self.rule(shape.path, [(condition, valueExpression)])]))
    let line = shape.line(value)
    guard case .failure(let failure) = h.run(line) else {
      Issue.record("no failure for \(condition)")
      return
    }
    guard case .processing(.generalizeCase(let index, _)) = failure.kind else {
      Issue.record("not a failing generalize case: \(failure.kind)")
      return
    }
    #expect(failure.isSkippable)
    #expect(failure.rule == 0)
    #expect(failure.resourceType?.name == String(line.split(separator: "\"")[3]))
    #expect(index == 0)
    #expect(failure.reason.contains("case 1"))
    #expect(!failure.reason.contains("2015"))
  }

  @Test("a complex node is not applicable: a failure that skip does not cover")
  func complexNode() throws {
    let h = try EngineHarness(config([Self.rule("Patient.name", [("true", "'x'")])]))
    guard case .failure(let failure) = h.run(#"{"resourceType":"Patient","name":[{"family":"F"}]}"#)
    else {
      Issue.record("no failure")
      return
    }
    #expect(!failure.isSkippable)
    #expect(failure.path == "Patient.name[0]")
  }

  @Test("Q17: the recursion from a primitive reaches its extension, which is not applicable")
  func extensionOfPrimitive() throws {
    let h = try EngineHarness(config([Self.rule("Patient.birthDate", [("true", "@1990")])]))
    let result = h.run(
      #"{"resourceType":"Patient","birthDate":"1991-02-03","_birthDate":{"extension":[{"url":"http://example.org/x","valueString":"y"}]}}"#
    )
    guard case .failure(let failure) = result else {
      Issue.record("no failure")
      return
    }
    #expect(!failure.isSkippable)
    #expect(failure.path?.hasPrefix("Patient.birthDate.extension") == true)
  }

  @Test("a primitive without a value is left alone with no label")
  func emptyPrimitive() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.birthDate.id","method":"keep"}"#,
        Self.rule("Patient.birthDate", [("true", "@1990")]),
      ]))
    let line = #"{"resourceType":"Patient","_birthDate":{"id":"b1"}}"#
    #expect(h.output(line) == line)
  }

  @Test("cases are evaluated with %resource as the resource being processed")
  func resourceVariable() throws {
    try Self.check(
      .identifier, [("%resource.birthDate.exists()", "'x'"), ("true", "'y'")], #""a""#, #""y""#)
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
