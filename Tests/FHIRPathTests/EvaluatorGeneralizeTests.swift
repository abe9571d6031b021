import ByteJSON
import FHIRModel
import Testing

@testable import FHIRPath

/// Spec §11.7 generalize vectors evaluated by the real evaluator on primitive nodes: each
/// condition with the node as focus and `$this`, then the value expression of the first case
/// whose result is not exactly one `false` (spec §4.8).
@Suite("Evaluator: spec §11.7 generalize vectors on nodes")
struct EvaluatorGeneralizeTests {
  /// Runs generalize on the node at `path` of `json`: the rendered value result (`$this` is
  /// the node's own value text), `removed` when no case matches, or `error: code`.
  static func generalize(_ json: String, _ path: String, _ cases: [(String, String)]) -> String {
    let r = EvalResource(json)
    let node = r.node(path)
    let evaluator = FHIRPathEvaluator(today: (2024, 1, 15))
    do {
      for (condition, value) in cases {
        let result = try r.evaluate(condition, focus: node, evaluator: evaluator)
        let truth = try r.bytes.withUnsafeBytes { raw in
          try evaluator.truth(of: result, tree: r.tree, tape: r.tape, bytes: raw)
        }
        if result.count == 1 && truth == false { continue }
        let items = try r.evaluate(value, focus: node, evaluator: evaluator)
        guard items.count <= 1 else { return "error: several" }
        guard let item = items.first else { return "null" }
        switch item {
        case .node(let n):
          return try r.value(n).map { String(decoding: $0.text, as: UTF8.self) } ?? "null"
        case .value(let v):
          return String(decoding: v.text, as: UTF8.self)
        }
      }
      return "removed"
    } catch let error as FHIRPathEvaluationError {
      return "error: \(error.code.name)"
    } catch {
      return "error: \(error)"
    }
  }

  static func patient(_ member: String, _ value: String) -> String {
    #"{"resourceType":"Patient",""# + member + #"":"# + value + "}"
  }

  static let ranges = [
    ("$this>=0 and $this<20", "20"), ("$this>=20 and $this<40", "40"),
    ("$this>=40 and $this<60", "60"), ("$this>=60 and $this<80", "80"),
  ]

  @Test(
    "range mapping",
    arguments: [("5", "20"), ("20", "40"), ("43", "60"), ("78", "80"), ("110", "removed")])
  func rangeMapping(_ n: String, _ expected: String) {
    let json = Self.patient("multipleBirthInteger", n)
    #expect(Self.generalize(json, "Patient.multipleBirthInteger", Self.ranges) == expected)
  }

  @Test(
    "arithmetic value expressions on integer, positiveInt, unsignedInt",
    arguments: [
      (
        #"{"resourceType":"Patient","multipleBirthInteger":5}"#, "Patient.multipleBirthInteger",
        "-10"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":20}"#, "Patient.multipleBirthInteger",
        "10"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":43}"#, "Patient.multipleBirthInteger",
        "30"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":78}"#, "Patient.multipleBirthInteger",
        "60"
      ),
      (#"{"resourceType":"Coverage","order":24}"#, "Coverage.order", "10"),
      (#"{"resourceType":"Patient","photo":[{"size":24}]}"#, "Patient.photo[0].size", "10"),
    ])
  func divExpression(_ json: String, _ path: String, _ expected: String) {
    let cases = [("$this>=-20 and $this<80", "($this div 10 -1)*10 ")]
    #expect(Self.generalize(json, path, cases) == expected)
  }

  @Test func divisionAndIdentity() {
    let json = Self.patient("multipleBirthInteger", "5")
    let path = "Patient.multipleBirthInteger"
    #expect(Self.generalize(json, path, [("$this>=0 and $this<20", "$this / 2")]) == "2.5")
    #expect(Self.generalize(json, path, [("$this<5.5", "$this")]) == "5")
  }

  @Test(
    "value sets",
    arguments: [
      ("en-AU", "en"), ("en-CA", "en"), ("en-CI", "removed"), ("es-AR", "es"), ("es-ES", "es"),
    ])
  func valueSets(_ code: String, _ expected: String) {
    let json =
      #"{"resourceType":"Patient","communication":[{"language":{"coding":[{"code":""#
      + code + #""}]}}]}"#
    let cases = [
      ("$this in ('en-AU' | 'en-CA')", "'en'"), ("$this in ('es-AR' | 'es-ES')", "'es'"),
    ]
    #expect(
      Self.generalize(json, "Patient.communication[0].language.coding[0].code", cases) == expected)
  }

  @Test(
    "masking strings",
    arguments: [
      ("1230005", "123****"), ("1238765", "123****"), ("2345234", "234****"),
      ("1111111", "removed"), ("7654321", "removed"),
    ])
  func mask(_ s: String, _ expected: String) {
    let json = #"{"resourceType":"Patient","telecom":[{"value":""# + s + #""}]}"#
    let cases = [
      ("$this.startsWith('123') or $this.endsWith('234')", "$this.substring(0,3)+'****'")
    ]
    #expect(Self.generalize(json, "Patient.telecom[0].value", cases) == expected)
  }

  @Test(
    "date cases",
    arguments: [
      ("1990-01-01", "1990"), ("2000-01-01", "removed"), ("1990", "1990"), ("2000", "1990"),
      ("2010", "2010-01-01"), ("2010-01-01", "2010-01-01"), ("2010-01-02", "2010-01-01"),
      ("2020", "2020-01-01"), ("2020-01-01", "removed"), ("2020-05-20", "removed"),
      ("2021-05-20", "removed"),
    ])
  func dates(_ value: String, _ expected: String) {
    let cases = [
      ("$this >= @1990-01-01 and $this < @2000-01-01", "@1990"),
      ("$this = @2010", "@2010-01-01"),
      ("$this ~ @2020", "@2020-01-01"),
    ]
    let json = Self.patient("birthDate", "\"\(value)\"")
    #expect(Self.generalize(json, "Patient.birthDate", cases) == expected)
  }

  @Test("the brief's example: birthDate 1990 against a day-precision range is empty")
  func partialDateIsEmpty() throws {
    let r = EvalResource(#"{"resourceType":"Patient","birthDate":"1990"}"#)
    let node = r.node("Patient.birthDate")
    let result = try r.evaluate("$this >= @1990-01-01 and $this < @2000-01-01", focus: node)
    #expect(result.isEmpty)
    #expect(FHIRPathEvaluator.truth(of: result) == nil)
  }

  @Test(
    "dateTime cases",
    arguments: [
      ("1990-01-01T00:00:00Z", "1990"), ("1990-01-01T00:00:00+08:00", "removed"),
      ("1990-01-01", "1990"), ("1990-01", "1990"), ("2000-01-01T00:00:00Z", "removed"),
      ("2000-01-01T00:00:00+08:00", "1990"), ("2000-01-01T00:00:00+09:00", "1990"),
      ("2000-01-01T00:00:00-09:00", "removed"), ("2010-01-01", "removed"),
      ("2010-01-01T00:00:00Z", "removed"), ("2010-01-01T00:00:00+08:00", "2010-01-01"),
      ("2010-01-01T00:00:00+09:00", "removed"), ("2009-12-31T16:00:00Z", "2010-01-01"),
      ("2020-01-01T00:00:00", "2020-01-01"), ("2020-01-01T00:00:00+08:00", "removed"),
      ("2020-01-01", "removed"),
    ])
  func dateTimes(_ value: String, _ expected: String) {
    let cases = [
      ("$this >= @1990-01-01T00:00:00Z and $this <= @2000-01-01T00:00:00+08:00", "@1990"),
      ("$this = @2010-01-01T00:00:00+08:00", "@2010-01-01"),
      ("$this ~ @2020-01-01T00:00:00", "@2020-01-01"),
    ]
    let json = Self.patient("deceasedDateTime", "\"\(value)\"")
    #expect(Self.generalize(json, "Patient.deceasedDateTime", cases) == expected)
  }

  @Test(
    "instant cases",
    arguments: [
      ("2001-04-06T04:13:14Z", "1990-01-01T00:00:00Z"),
      ("1995-04-06T05:13:14+05:00", "1990-01-01T00:00:00Z"),
      ("2020-04-06T05:13:14+05:00", "removed"),
    ])
  func instants(_ value: String, _ expected: String) {
    let cases = [
      (
        "$this >= @1990-01-01T00:00:00Z and $this <= @2020-01-01T00:00:00+08:00",
        "@1990-01-01T00:00:00Z"
      )
    ]
    let json = #"{"resourceType":"Observation","issued":""# + value + #""}"#
    #expect(Self.generalize(json, "Observation.issued", cases) == expected)
  }

  @Test(
    "time cases",
    arguments: [
      ("13:45:02", "12:00:00"), ("02:00:00", "removed"), ("06:00:00", "removed"),
      ("00:00:00", "00:00:00"), ("10:00:00", "10:00:00"),
    ])
  func times(_ value: String, _ expected: String) {
    let cases = [
      ("$this >= @T12:00:00", "@T12:00:00"),
      ("$this = @T00:00:00 or $this = @T10:00:00", "$this"),
    ]
    let json = #"{"resourceType":"Observation","valueTime":""# + value + #""}"#
    #expect(Self.generalize(json, "Observation.valueTime", cases) == expected)
  }

  @Test("first match wins", arguments: [("18", "20"), ("31", "40"), ("45", "60"), ("110", "80")])
  func firstMatchWins(_ n: String, _ expected: String) {
    let cases = [
      ("$this>=0 and $this<20", "20"), ("$this>=10 and $this<40", "40"),
      ("$this>=30 and $this<60", "60"), ("true", "80"),
    ]
    let json = Self.patient("multipleBirthInteger", n)
    #expect(Self.generalize(json, "Patient.multipleBirthInteger", cases) == expected)
  }

  @Test(
    "omit day with replaceMatches on date and dateTime nodes",
    arguments: [
      ("birthDate", "1990-11-01", "1990-11"), ("birthDate", "1990", "1990"),
      ("birthDate", "1990-11", "1990-11"), ("deceasedDateTime", "1990-01-01T00:00:00Z", "1990-01"),
      ("deceasedDateTime", "1990-01-01T00:00:00", "1990-01"),
      ("deceasedDateTime", "1990-01-01", "1990-01"),
    ])
  func omitDay(_ member: String, _ value: String, _ expected: String) {
    let expression =
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
      + #"(?<day>\\d{1,2})(T)?(?<hour>\\d{1,2})?(:)?(?<minute>\\d{1,2})?(:)?"#
      + #"(?<second>\\d{1,2})?(Z)?\\b','${year}-${month}')"#
    let json = Self.patient(member, "\"\(value)\"")
    #expect(Self.generalize(json, "Patient.\(member)", [("true", expression)]) == expected)
  }

  @Test(
    "processing errors",
    arguments: [
      (
        Self.patient("multipleBirthInteger", "5"), "Patient.multipleBirthInteger",
        "$this>='0' and $this<'20'", "error: incomparableTypes"
      ),
      (
        Self.patient("gender", "\"2015-01-01\""), "Patient.gender", "$this > @2015-01-01",
        "error: incomparableTypes"
      ),
      (
        Self.patient("birthDate", "\"2015-01-01\""), "Patient.birthDate", "$this > @2015-1-1",
        "error: invalidOperandTypes"
      ),
      (
        Self.patient("deceasedDateTime", "\"2015-01-01T10:00:00Z\""), "Patient.deceasedDateTime",
        "$this > @2015-1-1", "error: invalidOperandTypes"
      ),
      (
        #"{"resourceType":"Patient","name":[{"family":"Doe"}]}"#, "Patient.name[0].family",
        "$this>=0 and $this<20", "error: incomparableTypes"
      ),
    ])
  func processingErrors(_ json: String, _ path: String, _ condition: String, _ expected: String) {
    #expect(Self.generalize(json, path, [(condition, "1")]) == expected)
  }

  @Test("conditions that are empty, non-boolean or several items match")
  func matchingRules() {
    let json = Self.patient("multipleBirthInteger", "5")
    let path = "Patient.multipleBirthInteger"
    #expect(Self.generalize(json, path, [("{}", "1")]) == "1")
    #expect(Self.generalize(json, path, [("$this", "1")]) == "1")
    #expect(Self.generalize(json, path, [("false | true", "1")]) == "1")
    #expect(Self.generalize(json, path, [("false", "1")]) == "removed")
    #expect(Self.generalize(json, path, [("true", "{}")]) == "null")
    let boolean = Self.patient("active", "false")
    #expect(Self.generalize(boolean, "Patient.active", [("$this", "true")]) == "removed")
  }
}
