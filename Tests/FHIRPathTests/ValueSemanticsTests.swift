import FHIRTree
import Testing

@testable import FHIRPath

@Suite("Value semantics")
struct ValueSemanticsTests {
  static func q(_ text: String) -> FHIRPathValue {
    (try? literal(text)) ?? nil ?? .boolean(false)
  }

  @Test(
    "equality =",
    arguments: [
      (FHIRPathValue.integer(1), FHIRPathValue.integer(1), Bool?.some(true)),
      (.integer(1), .decimal(dec("1.0")), true),
      (.decimal(dec("1.0")), .decimal(dec("1.00")), true),
      (.decimal(dec("1.1")), .integer(1), false),
      (.boolean(true), .boolean(true), true),
      (.boolean(true), str("true"), false),
      (str("abc"), str("abc"), true),
      (str("abc"), str("ABC"), false),
      (str("1"), .integer(1), false),
      (date("2010-01-01"), date("2010"), nil),
      (date("2010-01-02"), date("2010"), nil),
      (date("2010"), date("2010"), true),
      (date("2010-01-01"), dateTime("2010-01-01"), true),
      (dateTime("2009-12-31T16:00:00Z"), dateTime("2010-01-01T00:00:00+08:00"), true),
      (date("2010-01-01"), dateTime("2010-01-01T00:00:00+08:00"), false),
      (date("2010-01-01"), str("2010-01-01"), false),
      (time("10:00"), time("10:00"), true),
      (time("10:00"), time("10:00:00"), nil),
      (q("5 'mg'"), q("5.0 'mg'"), true),
      (q("5 'mg'"), q("5 'g'"), nil),
      (q("7 days"), q("1 'wk'"), true),
      (q("1 second"), q("1 's'"), true),
      (q("1 year"), q("1 'a'"), nil),
      (q("1 year"), q("1 years"), true),
      (q("5 'mg'"), .integer(5), false),
    ])
  func equality(_ a: FHIRPathValue, _ b: FHIRPathValue, _ expected: Bool?) {
    #expect(FHIRPathValue.equals(a, b) == expected)
    #expect(FHIRPathValue.equals(b, a) == expected)
  }

  @Test(
    "equivalence ~",
    arguments: [
      (str("Hello World"), str("hello\tworld"), true),
      (str("café"), str("CAFE"), true),
      (str("Ærø Straße"), str("ærø strasse"), false),
      (str("Ærø"), str("æRØ"), true),
      (str("Łódź"), str("łodz"), true),
      (str("Ünïcödé"), str("unicode"), true),
      (str("e\u{301}"), str("E"), true),
      (str("a  b"), str("a b"), false),
      (str("a\u{00A0}b"), str("a b"), true),
      (str("ΑΘΉΝΑ"), str("αθηνα"), true),
      (str("ЁЛКА"), str("елка"), true),
      (str("abc"), str("abd"), false),
      (.integer(1), .decimal(dec("1.2")), true),
      (.decimal(dec("1.2")), .decimal(dec("1.26")), false),
      (date("2020"), date("2020"), true),
      (date("2020-05-20"), date("2020"), false),
      (date("2020"), str("2020"), false),
      (dateTime("2020-01-01T00:00:00"), dateTime("2020-01-01T00:00:00"), true),
      (dateTime("2020-01-01T00:00:00+08:00"), dateTime("2020-01-01T00:00:00"), false),
      (q("1 year"), q("1 'a'"), true),
      (q("1.2 'mg'"), q("1.24 'mg'"), true),
      (q("1 'mg'"), q("1 'g'"), false),
      (.boolean(false), .boolean(false), true),
    ])
  func equivalence(_ a: FHIRPathValue, _ b: FHIRPathValue, _ expected: Bool) {
    #expect(FHIRPathValue.isEquivalent(a, b) == expected)
    #expect(FHIRPathValue.isEquivalent(b, a) == expected)
  }

  @Test(
    "ordering < <= > >=",
    arguments: [
      (FHIRPathValue.integer(1), FHIRPathValue.decimal(dec("1.5")), Int?.some(-1)),
      (.decimal(dec("2.0")), .integer(2), 0),
      (str("a"), str("b"), -1),
      (str("Z"), str("a"), -1),
      (str("abc"), str("ab"), 1),
      // UTF-16 order: a supplementary character sorts before U+FF5E (byte order says after).
      (str("😀"), str("～"), -1),
      (str("é"), str("z"), 1),
      (date("1990"), date("1990-01-01"), nil),
      (q("5 'mg'"), q("6 'mg'"), -1),
      (q("1 day"), q("23 hours"), 1),
      (q("5 'mg'"), q("5 'g'"), nil),
      (time("10:00:00"), time("09:59:59.999"), 1),
    ])
  func ordering(_ a: FHIRPathValue, _ b: FHIRPathValue, _ expected: Int?) throws {
    #expect(try FHIRPathValue.compare(a, b) == expected)
  }

  @Test(
    "ordering incompatible types is an evaluation error",
    arguments: [
      (FHIRPathValue.integer(5), str("0")),
      (str("2015-01-01"), date("2015-01-01")),
      (date("2015"), time("10:00")),
      (.boolean(true), .boolean(false)),
      (q("5 'mg'"), .integer(5)),
      (dateTime("2015"), .integer(2015)),
    ])
  func orderingErrors(_ a: FHIRPathValue, _ b: FHIRPathValue) {
    #expect(throws: FHIRPathEvaluationError(.incomparableTypes)) {
      try FHIRPathValue.compare(a, b)
    }
    #expect(throws: FHIRPathEvaluationError(.incomparableTypes)) {
      try FHIRPathValue.evaluate(.less, b, a)
    }
  }

  @Test func orderingOperators() throws {
    #expect(try FHIRPathValue.evaluate(.lessOrEqual, .integer(2), .integer(2)) == true)
    #expect(try FHIRPathValue.evaluate(.greater, .integer(2), .integer(2)) == false)
    #expect(try FHIRPathValue.evaluate(.greaterOrEqual, date("1990"), date("1990-01-01")) == nil)
  }

  @Test(
    "arithmetic",
    arguments: [
      ("1 + 2", FHIRPathValue.integer(3)),
      ("0.1 + 0.2", .decimal(dec("0.3"))),
      ("1 + 0.5", .decimal(dec("1.5"))),
      ("5 - 7", .integer(-2)),
      ("2 * 3", .integer(6)),
      ("1.5 * 2", .decimal(dec("3.0"))),
      ("5 / 2", .decimal(dec("2.5"))),
      ("6 / 2", .decimal(dec("3"))),
      ("5 div 2", .integer(2)),
      ("-5 div 2", .integer(-2)),
      ("5.5 div 0.7", .decimal(dec("7"))),
      ("5 mod 2", .integer(1)),
      ("-5 mod 2", .integer(-1)),
      ("5.5 mod 0.7", .decimal(dec("0.6"))),
      ("'abc' + 'def'", str("abcdef")),
      ("5 'mg' + 2.5 'mg'", .quantity(QuantityValue(dec("7.5"), unit: "mg"))),
      ("2 * 3 'mg'", .quantity(QuantityValue(dec("6"), unit: "mg"))),
      ("6 'mg' / 4", .quantity(QuantityValue(dec("1.5"), unit: "mg"))),
    ])
  func arithmetic(_ expression: String, _ expected: FHIRPathValue) throws {
    let e = try FHIRPathCompiler.compile(expression)
    guard case .binary(let op, let l, let r) = e[e.root], case .literal(let a) = e[l],
      case .literal(let b) = e[r]
    else {
      Issue.record("not a binary of literals")
      return
    }
    #expect(try FHIRPathValue.arithmetic(op, e.constants[Int(a)], e.constants[Int(b)]) == expected)
  }

  @Test func arithmeticEdgeCases() throws {
    #expect(try FHIRPathValue.divide(.integer(1), .integer(0)) == nil)
    #expect(try FHIRPathValue.divide(.decimal(dec("1.5")), .decimal(dec("0.0"))) == nil)
    #expect(try FHIRPathValue.truncatedDivide(.integer(1), .integer(0)) == nil)
    #expect(try FHIRPathValue.modulo(.integer(1), .integer(0)) == nil)
    #expect(throws: FHIRPathEvaluationError(.overflow)) {
      try FHIRPathValue.add(.integer(.max), .integer(1))
    }
    #expect(throws: FHIRPathEvaluationError(.overflow)) {
      try FHIRPathValue.multiply(.integer(.max), .integer(2))
    }
    #expect(throws: FHIRPathEvaluationError(.overflow)) {
      try FHIRPathValue.truncatedDivide(.integer(.min), .integer(-1))
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.add(str("a"), .integer(1))
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.subtract(str("a"), str("b"))
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.add(Self.q("1 'mg'"), Self.q("1 'g'"))
    }
    #expect(FHIRPathValue.concatenate(bytes("a"), nil) == bytes("a"))
    #expect(FHIRPathValue.concatenate(nil, nil) == [])
    #expect(
      try FHIRPathValue.applyPolarity(.negate, .decimal(dec("1.50"))) == .decimal(dec("-1.50")))
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.applyPolarity(.negate, str("x"))
    }
  }

  @Test(
    "toString()",
    arguments: [
      (FHIRPathValue.boolean(true), "true"), (.boolean(false), "false"), (.integer(-5), "-5"),
      (.decimal(dec("1.50")), "1.50"), (.decimal(dec("8E+1")), "80"), (str("x y"), "x y"),
      (date("1990"), "1990"), (date("2001-01-01Z"), "2001-01-01Z"),
      (dateTime("2017-01-01T00:00:00.000Z"), "2017-01-01T00:00:00.000Z"),
      (dateTime("2015-02-07T13:28:17.12345-05:00"), "2015-02-07T13:28:17.12345-05:00"),
      (time("12:00:00"), "12:00:00"),
      (QuantityValue(dec("5"), unit: "mg").asValue, "5 'mg'"),
      (QuantityValue(dec("4"), unit: "days", isCalendarKeyword: true).asValue, "4 days"),
    ])
  func toStringText(_ value: FHIRPathValue, _ expected: String) {
    #expect(text(value) == expected)
  }

  @Test func literalsPrintWithoutAt() throws {
    #expect(text(try literal("@1990")) == "1990")
    #expect(text(try literal("@2000-01-01T00:00:00Z")) == "2000-01-01T00:00:00Z")
    #expect(text(try literal("@T12:00:00")) == "12:00:00")
    #expect(text(try literal("@2015-02-07T")) == "2015-02-07")
  }

  @Test(
    "toInteger()",
    arguments: [
      (str("42"), 42), (str("+5"), 5), (str("-7"), -7), (str("1.0"), nil),
      (str(""), nil), (str(" 1"), nil), (str("3000000000"), nil), (str("-2147483648"), -2147483648),
      (.boolean(true), 1), (.boolean(false), 0), (.decimal(dec("1")), nil), (.integer(9), 9),
      (date("2015"), nil),
    ] as [(FHIRPathValue, Int64?)])
  func toInteger(_ value: FHIRPathValue, _ expected: Int64?) {
    #expect(value.toInteger() == expected)
  }

  @Test(
    "toBoolean()",
    arguments: [
      (str("true"), Bool?.some(true)), (str("T"), true), (str("Yes"), true), (str("y"), true),
      (str("1"), true), (str("1.0"), true), (str("false"), false), (str("F"), false),
      (str("NO"), false), (str("n"), false), (str("0"), false), (str("0.0"), false),
      (str("2"), nil), (str("truthy"), nil), (.integer(1), true), (.integer(0), false),
      (.integer(2), nil), (.decimal(dec("1.00")), true), (.decimal(dec("0.0")), false),
      (.decimal(dec("0.5")), nil), (.boolean(false), false),
    ])
  func toBoolean(_ value: FHIRPathValue, _ expected: Bool?) {
    #expect(value.toBoolean() == expected)
  }

  @Test func otherConversions() {
    #expect(str("1.50").toDecimal()?.description == "1.50")
    #expect(str("+1").toDecimal()?.description == "1")
    #expect(str("1e3").toDecimal() == nil)
    #expect(FHIRPathValue.boolean(true).toDecimal()?.description == "1.0")
    #expect(FHIRPathValue.integer(3).toDecimal()?.description == "3")
    #expect(dateTime("2015-02-07T10:00:00Z").toDate() == PartialDateTime(fhirDate: "2015-02-07"))
    #expect(str("2015-02").toDate()?.description == "2015-02")
    #expect(str("2015-02-07T10:00").toDate() == nil)
    #expect(date("2015-02").toDateTime()?.description == "2015-02")
    #expect(
      str("2015-02-07T10:00:00.5+01:00").toDateTime()?.description == "2015-02-07T10:00:00.5+01:00")
    #expect(str("10:00").toTime()?.description == "10:00")
    #expect(str("x").toTime() == nil)
    #expect(str("5 'mg'").toQuantity()?.description == "5 'mg'")
    #expect(str("5.5'mg'").toQuantity()?.description == "5.5 'mg'")
    #expect(str("4 days").toQuantity()?.description == "4 days")
    #expect(str("4 parsecs").toQuantity() == nil)
    #expect(str("4").toQuantity()?.description == "4 '1'")
    #expect(FHIRPathValue.integer(2).toQuantity()?.description == "2 '1'")
    #expect(str("5 'mg'").toQuantity(unit: bytes("mg")) != nil)
    #expect(str("5 'mg'").toQuantity(unit: bytes("g")) == nil)
  }

  @Test func mathFunctions() throws {
    #expect(try FHIRPathValue.integer(-5).absoluteValue() == .integer(5))
    #expect(try FHIRPathValue.decimal(dec("-1.50")).absoluteValue() == .decimal(dec("1.50")))
    #expect(try FHIRPathValue.decimal(dec("1.1")).roundedToInteger(.up) == .integer(2))
    #expect(try FHIRPathValue.decimal(dec("-1.1")).roundedToInteger(.down) == .integer(-2))
    #expect(try FHIRPathValue.decimal(dec("-1.9")).roundedToInteger(.towardZero) == .integer(-1))
    #expect(
      try FHIRPathValue.decimal(dec("3.14159")).rounded(precision: 3) == .decimal(dec("3.142")))
    #expect(try FHIRPathValue.integer(2).power(.integer(10)) == .integer(1024))
    #expect(try FHIRPathValue.decimal(dec("1.5")).power(.integer(2)) == .decimal(dec("2.25")))
    #expect(try FHIRPathValue.integer(-1).power(.decimal(dec("0.5"))) == nil)
    #expect(try FHIRPathValue.integer(16).squareRoot() == .decimal(dec("4")))
    #expect(try FHIRPathValue.integer(2).squareRoot() == .decimal(dec("1.4142135623731")))
    #expect(try FHIRPathValue.integer(-1).squareRoot() == nil)
    #expect(try FHIRPathValue.integer(0).naturalLogarithm() == nil)
    #expect(try FHIRPathValue.integer(1).exponential() == .decimal(dec("2.71828182845905")))
    #expect(try FHIRPathValue.integer(100).logarithm(base: .integer(10)) == .decimal(dec("2")))
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try str("x").absoluteValue()
    }
  }

  @Test func stringFunctions() {
    let s = bytes("1230005")
    #expect(FHIRPathString.substring(s, start: 0, length: 3) == bytes("123"))
    #expect(FHIRPathString.substring(s, start: 5, length: 10) == bytes("05"))
    #expect(FHIRPathString.substring(s, start: 7) == nil)
    #expect(FHIRPathString.substring(s, start: -1) == nil)
    #expect(FHIRPathString.substring(bytes("héllo"), start: 1, length: 2) == bytes("él"))
    #expect(FHIRPathString.startsWith(s, bytes("123")))
    #expect(!FHIRPathString.endsWith(s, bytes("234")))
    #expect(FHIRPathString.endsWith(bytes("2345234"), bytes("234")))
    #expect(FHIRPathString.indexOf(bytes("héllo"), bytes("l")) == 2)
    #expect(FHIRPathString.indexOf(s, bytes("9")) == -1)
    #expect(FHIRPathString.length(bytes("héllo")) == 5)
    #expect(FHIRPathString.upper(bytes("straße é")) == bytes("STRAßE É"))
    #expect(FHIRPathString.lower(bytes("ÉCOLE")) == bytes("école"))
    #expect(FHIRPathString.replace(bytes("abc"), bytes(""), with: bytes("x")) == bytes("xaxbxcx"))
    #expect(FHIRPathString.replace(bytes("aaa"), bytes("aa"), with: bytes("b")) == bytes("ba"))
    #expect(FHIRPathString.characters(bytes("hé")) == [bytes("h"), bytes("é")])
  }
}

extension QuantityValue {
  var asValue: FHIRPathValue { .quantity(self) }
}
