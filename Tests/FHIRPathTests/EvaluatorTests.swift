import ByteJSON
import FHIRModel
import FHIRTree
import Testing

@testable import FHIRPath

/// One resource scanned and built, with helpers to evaluate expressions on it and render the
/// results compactly: nodes by element path, values as FHIRPath literals, errors by code.
struct EvalResource {
  let bytes: [UInt8]
  var tape = Tape()
  var tree = ResourceTree()
  /// Edits as the engine makes them (empty unless a test sets some).
  var edits = ValueEdits()

  init(_ json: String) {
    bytes = Array(json.utf8)
    bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { fatalError("bad test JSON") }
      do { try tree.build(tape, bytes: raw) } catch { fatalError("bad test resource \(error)") }
    }
  }

  /// The node with element path `path` (`Patient.name[0].family`).
  func node(_ path: String) -> Int32 {
    bytes.withUnsafeBytes { raw in
      for i in 0..<Int32(tree.count) where tree.path(of: i, bytes: raw) == path { return i }
      Issue.record("no node \(path)")
      return 0
    }
  }

  /// Evaluates `expression` with `focus` (default: the root) as focus and %resource.
  func evaluate(
    _ expression: String, focus: Int32 = 0, resource: Int32 = 0,
    evaluator: FHIRPathEvaluator = FHIRPathEvaluator(today: (2024, 1, 15))
  ) throws -> [FHIRPathItem] {
    let compiled = try FHIRPathCompiler.compile(expression)
    var result: [FHIRPathItem] = []
    try bytes.withUnsafeBytes { raw in
      try evaluator.evaluate(
        compiled, focus: focus, resource: resource, tree: tree, edits: edits, tape: tape,
        bytes: raw, into: &result)
    }
    return result
  }

  /// The result rendered as `a, b, c` (`{}` when empty), or `error: code`.
  func run(_ expression: String, focus: Int32 = 0) -> String {
    do {
      return render(try evaluate(expression, focus: focus))
    } catch let error as FHIRPathEvaluationError {
      return "error: \(error.code.name)"
    } catch {
      return "compile error: \(error)"
    }
  }

  /// The evaluation error of `expression`, or nil when it succeeds.
  func error(_ expression: String, focus: Int32 = 0) -> FHIRPathEvaluationError? {
    do {
      _ = try evaluate(expression, focus: focus)
      return nil
    } catch let error as FHIRPathEvaluationError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  func render(_ items: [FHIRPathItem]) -> String {
    if items.isEmpty { return "{}" }
    return bytes.withUnsafeBytes { raw in
      items.map { item in
        switch item {
        case .node(let n): return tree.path(of: n, bytes: raw)
        case .value(let v):
          var out: [UInt8] = []
          CompiledExpression.appendLiteral(v, to: &out)
          return String(decoding: out, as: UTF8.self)
        }
      }.joined(separator: ", ")
    }
  }

  /// Records an edit of `node`'s value, as the engine does.
  mutating func setEdit(_ edit: ValueEdit, of node: Int32) {
    edits.set(edit, of: node, nodeCount: tree.count)
  }

  /// The current value of a node through the evaluator's public API.
  func value(_ node: Int32) throws -> FHIRPathValue? {
    try bytes.withUnsafeBytes { raw in
      try FHIRPathEvaluator().value(of: node, tree: tree, edits: edits, tape: tape, bytes: raw)
    }
  }
}

/// Fixtures shared by the evaluator suites (synthetic data).
enum EvalFixtures {
  static let patient = EvalResource(
    #"""
    {"resourceType":"Patient","id":"p1","meta":{"lastUpdated":"2020-01-01T00:00:00Z"},
     "contained":[{"resourceType":"Practitioner","id":"pr1","name":[{"family":"Smith"}],
       "address":[{"city":"Capital"}]}],
     "extension":[{"url":"http://example.org/a","valueString":"x"},
       {"url":"http://example.org/b","valueCode":"y"}],
     "active":true,
     "name":[{"use":"official","family":"Doe","given":["John","Q"]},
       {"use":"nickname","family":"Doe","given":["Johnny"]}],
     "telecom":[{"system":"phone","value":"555","use":"home"},
       {"system":"email","value":"a@b.c","use":"work"}],
     "gender":"male","birthDate":"1990",
     "_birthDate":{"extension":[{"url":"http://example.org/t","valueDateTime":"1990-05-05"}]},
     "deceasedBoolean":false,
     "address":[{"city":"Springfield","state":"IL","postalCode":"62701",
       "period":{"start":"2000-01-01"}},{"city":"Shelbyville","country":"US"}],
     "multipleBirthInteger":2,
     "contact":[{"name":{"family":"Roe"},"address":{"city":"Springfield"}}],
     "generalPractitioner":[{"reference":"#pr1"}]}
    """#)

  static let observation = EvalResource(
    #"""
    {"resourceType":"Observation","id":"o1","status":"final","code":{"text":"t"},
     "valueQuantity":{"value":5.50,"unit":"milligram","system":"http://unitsofmeasure.org",
       "code":"mg"},
     "effectiveDateTime":"2020-01-01T10:00:00+01:00","issued":"2020-01-02T00:00:00.000Z",
     "component":[{"code":{"text":"a"},"valueInteger":3},
       {"code":{"text":"b"},"valueString":"  padded\u0020 "},
       {"code":{"text":"c"},"valueTime":"10:30"},
       {"code":{"text":"d"},"valueBoolean":true}]}
    """#)

  static let condition = EvalResource(
    #"""
    {"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p1"},
     "onsetAge":{"value":40,"unit":"a","system":"http://unitsofmeasure.org","code":"a"},
     "abatementString":"later","recordedDate":"2020-02-03"}
    """#)

  static let bundle = EvalResource(
    #"""
    {"resourceType":"Bundle","type":"collection","entry":[
     {"resource":{"resourceType":"Patient","id":"b1","birthDate":"1970-01-01",
       "name":[{"family":"One"}]}},
     {"resource":{"resourceType":"Patient","id":"b2","birthDate":"1970-01-01",
       "name":[{"family":"Two"}]}},
     {"resource":{"resourceType":"Observation","id":"b3","status":"final","code":{"text":"x"},
       "effectiveDateTime":"1970-01-01"}}]}
    """#)
}

/// Literal-only expressions: operators and functions on System values.
@Suite("Evaluator: operators and functions on values")
struct EvaluatorValueTests {
  static let empty = EvalResource(#"{"resourceType":"Patient"}"#)

  @Test(
    "arithmetic and concatenation",
    arguments: [
      ("1 + 2", "3"), ("1 + 2.0", "3.0"), ("5 / 2", "2.5"), ("5 div 2", "2"), ("-5 div 2", "-2"),
      ("5 mod 2", "1"), ("-5 mod 2", "-1"), ("5.5 div 0.7", "7"), ("5.5 mod 0.7", "0.6"),
      ("5 / 0", "{}"), ("5 div 0", "{}"), ("5 mod 0", "{}"), ("2 * 3", "6"), ("2.0 * 3", "6.0"),
      ("1.5 - 0.25", "1.25"), ("'a' + 'b'", "'ab'"), ("'a' & 'b'", "'ab'"), ("'a' & {}", "'a'"),
      ("{} & {}", "''"), ("{} + 1", "{}"), ("1 + {}", "{}"), ("-(3)", "-3"), ("-(1.50)", "-1.50"),
      ("+(3)", "3"), ("-{}", "{}"), ("(5 'mg' + 2 'mg')", "7 'mg'"), ("2 * 3 'mg'", "6 'mg'"),
      ("@2020-01-31 + 1 month", "@2020-02-29"), ("@2020-01-01 - 1 day", "@2019-12-31"),
      ("@T10:00 + 30 minutes", "@T10:30"), ("(1 | 2).count() * 10", "20"),
    ])
  func arithmetic(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "comparison, equality, equivalence",
    arguments: [
      ("1 < 2", "true"), ("2 <= 2.0", "true"), ("3 > 2.5", "true"), ("'a' < 'b'", "true"),
      ("'B' < 'a'", "true"), ("@2010 < @2011", "true"), ("@2010-01 < @2010", "{}"),
      ("@2010-01-01 >= @2010-01-01T00:00:00", "{}"), ("@2010-01-01 < @2010-01-02T10:00", "true"),
      ("@T10:00 < @T11:00", "true"), ("5 'mg' < 6 'mg'", "true"), ("5 'mg' < 6 'g'", "{}"),
      ("{} < 1", "{}"), ("1 > {}", "{}"), ("1 = 1", "true"), ("1 = 1.0", "true"),
      ("1.0 = 1.00", "true"), ("1 = 2", "false"), ("'a' = 'a'", "true"), ("'a' = 'A'", "false"),
      ("'1' = 1", "false"), ("@2010 = @2010-01", "{}"), ("@2010-01-01 = @2010-01-01T00:00", "{}"),
      ("{} = 1", "{}"), ("1 = {}", "{}"), ("{} = {}", "{}"), ("(1 | 2) = (1 | 2)", "true"),
      ("(1 | 2) = (2 | 1)", "false"), ("(1 | 2) = 1", "false"), ("1 != 2", "true"),
      ("1 != 1", "false"), ("{} != 1", "{}"), ("'A b' ~ 'a  B'", "false"),
      ("'A b' ~ 'a B'", "true"),
      ("'café' ~ 'CAFE'", "true"), ("1.2 ~ 1.23", "true"), ("{} ~ {}", "true"), ("{} ~ 1", "false"),
      ("1 ~ {}", "false"), ("(1 | 2) ~ (2 | 1)", "true"), ("(1 | 2) ~ (1 | 3)", "false"),
      ("@2010 ~ @2010-01", "false"), ("1 !~ 2", "true"), ("{} !~ {}", "false"),
      ("true = true", "true"), ("true = 'true'", "false"), ("1 year ~ 1 'a'", "true"),
      ("1 year = 1 'a'", "{}"), ("7 days = 1 'wk'", "true"),
    ])
  func comparison(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "three-valued logic",
    arguments: [
      ("true and true", "true"), ("true and false", "false"), ("true and {}", "{}"),
      ("false and {}", "false"), ("{} and false", "false"), ("{} and {}", "{}"),
      ("true or {}", "true"), ("{} or true", "true"), ("false or {}", "{}"),
      ("false or false", "false"), ("{} or {}", "{}"), ("true xor false", "true"),
      ("true xor true", "false"), ("true xor {}", "{}"), ("false implies {}", "true"),
      ("true implies {}", "{}"), ("{} implies true", "true"), ("{} implies false", "{}"),
      ("true implies false", "false"), ("true.not()", "false"), ("false.not()", "true"),
      ("{}.not()", "{}"), ("1.not()", "false"), ("(1 | 2).not()", "false"),
      ("'x' and true", "true"), ("false.combine(false) and true", "true"),
      ("false and (1 < 'a')", "false"), ("true or (1 < 'a')", "true"),
    ])
  func logic(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "collections: union, combine, membership, subsetting",
    arguments: [
      ("1 | 2 | 1", "1, 2"), ("(1 | 1.0)", "1"), ("(1 | 2).union(2 | 3)", "1, 2, 3"),
      ("(1 | 2).combine(2 | 3)", "1, 2, 2, 3"), ("{} | {}", "{}"),
      ("@2010 | @2010-01", "@2010, @2010-01"),
      ("'a' | 'A'", "'a', 'A'"), ("2 in (1 | 2)", "true"), ("3 in (1 | 2)", "false"),
      ("{} in (1 | 2)", "{}"), ("1 in {}", "false"), ("(1 | 2) contains 2", "true"),
      ("(1 | 2) contains {}", "{}"), ("{} contains 1", "false"), ("1.0 in (1 | 2)", "true"),
      ("(1 | 2 | 3).first()", "1"), ("(1 | 2 | 3).last()", "3"), ("(1 | 2 | 3).tail()", "2, 3"),
      ("(1 | 2 | 3).skip(1)", "2, 3"), ("(1 | 2 | 3).skip(0)", "1, 2, 3"),
      ("(1 | 2 | 3).skip(-1)", "1, 2, 3"), ("(1 | 2 | 3).skip(5)", "{}"),
      ("(1 | 2 | 3).take(2)", "1, 2"), ("(1 | 2 | 3).take(0)", "{}"),
      ("(1 | 2 | 3).take(9)", "1, 2, 3"), ("(1 | 2 | 3)[1]", "2"), ("(1 | 2 | 3)[3]", "{}"),
      ("(1 | 2 | 3)[-1]", "{}"), ("{}.first()", "{}"), ("{}.tail()", "{}"), ("5.single()", "5"),
      ("{}.single()", "{}"), ("(1 | 2 | 3).intersect(2 | 3 | 4)", "2, 3"),
      ("(1 | 2 | 3).exclude(2 | 4)", "1, 3"), ("(1 | 2).combine(1).exclude(2)", "1, 1"),
      ("(1 | 2).combine(1).intersect(1)", "1"), ("(1 | 2).subsetOf(1 | 2 | 3)", "true"),
      ("(1 | 4).subsetOf(1 | 2 | 3)", "false"), ("{}.subsetOf(1)", "true"),
      ("(1 | 2 | 3).supersetOf(1 | 2)", "true"), ("(1 | 2).supersetOf(1 | 5)", "false"),
      ("(1 | 2).combine(1).distinct()", "1, 2"), ("(1 | 2).combine(1).isDistinct()", "false"),
      ("(1 | 2).isDistinct()", "true"), ("(1 | 2).count()", "2"), ("{}.count()", "0"),
      ("{}.empty()", "true"), ("1.empty()", "false"), ("{}.exists()", "false"),
      ("(1 | 2).exists()", "true"), ("(1 | 2).exists($this > 1)", "true"),
      ("(1 | 2).exists($this > 2)", "false"), ("(1 | 2).all($this > 0)", "true"),
      ("(1 | 2).all($this > 1)", "false"), ("{}.all(false)", "true"),
      ("(true | false).allTrue()", "false"), ("(true).allTrue()", "true"), ("{}.allTrue()", "true"),
      ("(true | false).anyTrue()", "true"), ("(false).anyTrue()", "false"),
      ("(false).allFalse()", "true"), ("(true | false).anyFalse()", "true"),
      ("{}.anyFalse()", "false"),
    ])
  func collections(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "where, select, repeat, $this, $index, iif, trace",
    arguments: [
      ("(1 | 2 | 3).where($this > 1)", "2, 3"), ("(1 | 2 | 3).where($index = 1)", "2"),
      ("(1 | 2 | 3).where({})", "{}"), ("(1 | 2 | 3).where('x')", "1, 2, 3"),
      ("(1 | 2 | 3).select($this * 2)", "2, 4, 6"), ("(1 | 2).select($index)", "0, 1"),
      ("(1 | 2).select({})", "{}"), ("(1 | 2).select($this | 9)", "1, 9, 2, 9"),
      ("1.repeat(iif($this < 4, $this + 1, {}))", "2, 3, 4"), ("'a'.repeat($this)", "'a'"),
      ("iif(true, 'y', 'n')", "'y'"), ("iif(false, 'y', 'n')", "'n'"), ("iif({}, 'y', 'n')", "'n'"),
      ("iif(false, 'y')", "{}"), ("iif(true, 'y', 1 < 'a')", "'y'"),
      ("iif(false, 1 < 'a', 'n')", "'n'"), ("5.iif($this > 3, 'big', 'small')", "'big'"),
      ("{}.iif(true, 'y', 'n')", "{}"), ("(1 | 2).trace('x')", "1, 2"),
      ("(1 | 2).trace('x', $this + 1)", "1, 2"),
    ])
  func projection(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "string functions",
    arguments: [
      ("'abcdef'.substring(2)", "'cdef'"), ("'abcdef'.substring(2, 3)", "'cde'"),
      ("'abcdef'.substring(4, 9)", "'ef'"), ("'abc'.substring(3)", "{}"),
      ("'abc'.substring(-1)", "{}"), ("'abc'.substring({})", "{}"),
      ("'1230005'.substring(0, 3)", "'123'"),
      ("'abc'.startsWith('ab')", "true"), ("'abc'.startsWith('b')", "false"),
      ("'abc'.startsWith('')", "true"), ("'abc'.endsWith('bc')", "true"),
      ("'abc'.contains('b')", "true"), ("'abc'.contains('x')", "false"),
      ("'abc'.contains({})", "{}"), ("{}.startsWith('a')", "{}"), ("'abcb'.indexOf('b')", "1"),
      ("'abc'.indexOf('x')", "-1"), ("'abc'.indexOf('')", "0"), ("'aBc'.upper()", "'ABC'"),
      ("'aBc'.lower()", "'abc'"), ("'héllo'.length()", "5"), ("''.length()", "0"),
      ("'abc'.toChars()", "'a', 'b', 'c'"), ("'a.b.c'.replace('.', '-')", "'a-b-c'"),
      ("'abc'.replace('', 'x')", "'xaxbxcx'"), ("'abc'.matches('b')", "true"),
      ("'abc'.matches('^b')", "false"), ("'abc'.matches('^[a-c]+$')", "true"),
      (
        "'2021-03-04'.replaceMatches('(?<y>\\\\d{4})-(?<m>\\\\d{2})-\\\\d{2}', '${y}/${m}')",
        "'2021/03'"
      ),
      ("'abc'.replaceMatches('[ac]', 'x')", "'xbx'"), ("'  a b  '.trim()", "'a b'"),
      ("'\u{00A0}a\u{2003}'.trim()", "'a'"), ("'   '.trim()", "''"),
      ("'a,b,,c'.split(',')", "'a', 'b', '', 'c'"), ("'abc'.split(',')", "'abc'"),
      ("'a--b'.split('--')", "'a', 'b'"), ("('a' | 'b' | 'c').join(',')", "'a,b,c'"),
      ("('a' | 'b').join()", "'ab'"), ("{}.join(',')", "{}"), ("(1 | 'b').join('-')", "'1-b'"),
    ])
  func strings(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "regular expressions compiled at run time",
    arguments: [
      ("'abc'.matches('a' + 'b')", "true"), ("'abc'.matches('x' + '')", "false"),
      ("'abc'.replaceMatches('b' & '', 'X')", "'aXc'"), ("'abc'.matches({})", "{}"),
    ])
  func runtimeRegex(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "conversions",
    arguments: [
      ("'1'.toInteger()", "1"), ("'1.0'.toInteger()", "{}"), ("true.toInteger()", "1"),
      ("'1.50'.toDecimal()", "1.50"), ("1.toDecimal()", "1"), ("'x'.toDecimal()", "{}"),
      ("'yes'.toBoolean()", "true"), ("0.toBoolean()", "false"), ("2.toBoolean()", "{}"),
      ("1.5.toString()", "'1.5'"), ("@2010-01.toString()", "'2010-01'"),
      ("@2010-01-01T10:00:00.120+01:00.toString()", "'2010-01-01T10:00:00.120+01:00'"),
      ("5 'mg'.toString()", "'5 \\'mg\\''"), ("true.toString()", "'true'"),
      ("'2010-01-02'.toDate()", "@2010-01-02"), ("@2010-01-02T10:00.toDate()", "@2010-01-02"),
      ("'2010-01-02T10:00:00Z'.toDateTime()", "@2010-01-02T10:00:00Z"),
      ("'10:00'.toTime()", "@T10:00"), ("'5 \\'mg\\''.toQuantity()", "5 'mg'"),
      ("5.toQuantity()", "5 '1'"), ("'4 days'.toQuantity()", "4 days"),
      ("'5 \\'mg\\''.toQuantity('g')", "{}"), ("'1'.convertsToInteger()", "true"),
      ("'a'.convertsToInteger()", "false"), ("'1.5'.convertsToDecimal()", "true"),
      ("'t'.convertsToBoolean()", "true"), ("'2010'.convertsToDate()", "true"),
      ("'2010-13'.convertsToDate()", "false"), ("'2010-01-01T10'.convertsToDateTime()", "true"),
      ("'25:00'.convertsToTime()", "false"), ("1.convertsToString()", "true"),
      ("'x'.convertsToQuantity()", "false"), ("{}.toString()", "{}"),
    ])
  func conversions(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "math functions",
    arguments: [
      ("(-5).abs()", "5"), ("(-5.5).abs()", "5.5"), ("(-5 'mg').abs()", "5 'mg'"),
      ("1.1.ceiling()", "2"), ("(-1.1).ceiling()", "-1"), ("1.9.floor()", "1"),
      ("(-1.1).floor()", "-2"), ("1.9.truncate()", "1"), ("(-1.9).truncate()", "-1"),
      ("2.5.round()", "2"), ("3.14159.round(2)", "3.14"), ("16.sqrt()", "4"),
      ("(-1).sqrt()", "{}"), ("0.exp()", "1"), ("1.ln()", "0"), ("100.log(10)", "2"),
      ("2.power(10)", "1024"), ("2.0.power(2)", "4.00"), ("4.power(0.5)", "2"),
      ("{}.abs()", "{}"), ("5.round({})", "{}"),
    ])
  func math(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test(
    "type tests on values",
    arguments: [
      ("1 is Integer", "true"), ("1 is System.Integer", "true"), ("1 is Decimal", "false"),
      ("1.0 is Decimal", "true"), ("'a' is String", "true"), ("'a' is string", "false"),
      ("@2010 is Date", "true"), ("@2010 is DateTime", "false"), ("@2010T is DateTime", "true"),
      ("@T10:00 is Time", "true"), ("5 'mg' is Quantity", "true"), ("true is Boolean", "true"),
      ("{} is Integer", "{}"), ("(1 | 'a' | 2).ofType(Integer)", "1, 2"),
      ("(1 | 'a' | 2) as Integer", "1, 2"), ("(1 | 'a').as(String)", "'a'"),
      ("1.is(Integer)", "true"),
    ])
  func types(_ expression: String, _ expected: String) {
    #expect(Self.empty.run(expression) == expected, "\(expression)")
  }

  @Test("environment and clock")
  func environment() {
    let e = Self.empty
    #expect(e.run("%ucum") == "'http://unitsofmeasure.org'")
    #expect(e.run("%sct") == "'http://snomed.info/sct'")
    #expect(e.run("%loinc") == "'http://loinc.org'")
    #expect(
      e.run("%`vs-administrative-gender`") == "'http://hl7.org/fhir/ValueSet/administrative-gender'"
    )
    #expect(e.run("%resource") == "Patient")
    #expect(e.run("%context") == "Patient")
    #expect(e.run("today()") == "@2024-01-15")
    #expect(e.run("now()") == "@2024-01-15T00:00:00.000Z")
    #expect(e.run("timeOfDay()") == "@T00:00:00.000")
    #expect(e.run("today() > @2020") == "true")
    #expect(e.run("$index") == "{}")
    let clock = EvaluationClock(fixed: nil)
    #expect(clock.today().year >= 2024)
    #expect(clock.now().precision == .second)
  }

  @Test("truth(of:) is Firely's predicate")
  func truth() {
    #expect(FHIRPathEvaluator.truth(of: []) == nil)
    #expect(FHIRPathEvaluator.truth(of: [.value(.boolean(false))]) == false)
    #expect(FHIRPathEvaluator.truth(of: [.value(.boolean(true))]) == true)
    #expect(FHIRPathEvaluator.truth(of: [.value(.integer(0))]) == true)
    #expect(
      FHIRPathEvaluator.truth(of: [.value(.boolean(false)), .value(.boolean(false))]) == true)
    #expect(FHIRPathEvaluator.truth(of: [.node(0)]) == true)
  }
}

extension FHIRPathEvaluationError.Code {
  /// The case name, for compact expectations.
  var name: String {
    switch self {
    case .incomparableTypes: "incomparableTypes"
    case .invalidOperandTypes: "invalidOperandTypes"
    case .overflow: "overflow"
    case .dateOutOfRange: "dateOutOfRange"
    case .invalidRegex: "invalidRegex"
    case .regexTooComplex: "regexTooComplex"
    case .singletonExpected: "singletonExpected"
    case .invalidValue: "invalidValue"
    case .invalidArgument: "invalidArgument"
    case .tooManyItems: "tooManyItems"
    case .stepLimitExceeded: "stepLimitExceeded"
    }
  }
}

/// Every function of the compiler's table has an implementation.
@Suite("Evaluator: function table coverage")
struct EvaluatorFunctionTableTests {
  /// One expression per function that evaluates without error to a non-empty result.
  static let samples: [FHIRPathFunction: String] = [
    .empty: "{}.empty()", .exists: "1.exists()", .all: "(1 | 2).all($this > 0)",
    .allTrue: "true.allTrue()", .anyTrue: "true.anyTrue()", .allFalse: "false.allFalse()",
    .anyFalse: "false.anyFalse()", .subsetOf: "1.subsetOf(1 | 2)",
    .supersetOf: "(1 | 2).supersetOf(1)", .count: "{}.count()", .distinct: "1.distinct()",
    .isDistinct: "1.isDistinct()", .where: "(1 | 2).where($this > 1)",
    .select: "(1 | 2).select($this)", .repeat: "Patient.repeat(name)",
    .ofType: "1.ofType(Integer)", .single: "1.single()", .first: "1.first()",
    .last: "1.last()", .tail: "(1 | 2).tail()", .skip: "(1 | 2).skip(1)",
    .take: "(1 | 2).take(1)", .intersect: "1.intersect(1)", .exclude: "1.exclude(2)",
    .union: "1.union(2)", .combine: "1.combine(1)", .iif: "iif(true, 1, 2)",
    .toBoolean: "'true'.toBoolean()", .convertsToBoolean: "'x'.convertsToBoolean()",
    .toInteger: "'1'.toInteger()", .convertsToInteger: "'1'.convertsToInteger()",
    .toDecimal: "'1.5'.toDecimal()", .convertsToDecimal: "'1.5'.convertsToDecimal()",
    .toString: "1.toString()", .convertsToString: "1.convertsToString()",
    .toDate: "'2010'.toDate()", .convertsToDate: "'2010'.convertsToDate()",
    .toDateTime: "'2010'.toDateTime()", .convertsToDateTime: "'2010'.convertsToDateTime()",
    .toTime: "'10:00'.toTime()", .convertsToTime: "'10:00'.convertsToTime()",
    .toQuantity: "1.toQuantity()", .convertsToQuantity: "1.convertsToQuantity()",
    .indexOf: "'abc'.indexOf('b')", .substring: "'abc'.substring(1)",
    .startsWith: "'abc'.startsWith('a')", .endsWith: "'abc'.endsWith('c')",
    .contains: "'abc'.contains('b')", .upper: "'a'.upper()", .lower: "'A'.lower()",
    .replace: "'abc'.replace('b', 'x')", .matches: "'abc'.matches('b')",
    .replaceMatches: "'abc'.replaceMatches('b', 'x')", .length: "'abc'.length()",
    .toChars: "'ab'.toChars()", .abs: "(-1).abs()", .ceiling: "1.5.ceiling()",
    .floor: "1.5.floor()", .exp: "1.exp()", .ln: "1.ln()", .log: "8.log(2)",
    .power: "2.power(3)", .round: "1.5.round()", .sqrt: "4.sqrt()", .truncate: "1.5.truncate()",
    .children: "Patient.children()", .descendants: "Patient.descendants()",
    .trace: "1.trace('t')", .not: "false.not()", .hasValue: "1.hasValue()",
    .is: "1.is(Integer)", .as: "1.as(Integer)", .now: "now()", .today: "today()",
    .timeOfDay: "timeOfDay()", .nodesByType: "nodesByType('HumanName')",
    .nodesByName: "nodesByName('family')", .extension: "extension('http://example.org/a')",
    .trim: "' a '.trim()", .split: "'a,b'.split(',')", .join: "('a' | 'b').join(',')",
  ]

  @Test("every function has a sample", arguments: FHIRPathFunction.allCases)
  func sampleEvaluates(_ function: FHIRPathFunction) throws {
    let sample = try #require(Self.samples[function], "no sample for \(function.name)")
    let result = EvalFixtures.patient.run(sample)
    #expect(result != "{}" && !result.hasPrefix("error") && !result.hasPrefix("compile"))
  }
}
