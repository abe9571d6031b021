import FHIRTree
import Testing

@testable import FHIRPath

@Suite("ExactDecimal")
struct ExactDecimalTests {
  @Test(
    "JSON lexemes parse keeping scale",
    arguments: [
      ("1.50", "1.50"), ("-0.12", "-0.12"), ("8E+1", "80"), ("1.2e-3", "0.0012"), ("1e2", "100"),
      ("1.50e1", "15.0"), ("0", "0"), ("0.00", "0.00"), ("-0", "0"), ("-0.0", "0.0"),
      ("007", "7"), ("79228162514264337593543950335", "79228162514264337593543950335"),
      ("0.1234567890123456789012345678901", "0.1234567890123456789012345679"),
      ("12345678901234567890.123456789012345", "12345678901234567890.123456789"),
      ("1E-40", "0.0000000000000000000000000000"),
    ])
  func parse(_ input: String, _ printed: String) throws {
    let d = try #require(ExactDecimal(input))
    #expect(d.description == printed)
  }

  @Test(
    "malformed or out-of-range numbers are refused",
    arguments: [
      "", "-", "+1", ".5", "5.", "1e", "1e+", "--1", "1.2.3", "1,5", " 1", "1 ",
      "0x10", "79228162514264337593543950336", "1e29", "NaN",
    ])
  func refuse(_ input: String) {
    #expect(ExactDecimal(input) == nil)
  }

  @Test func fhirPathStringSyntax() {
    #expect(ExactDecimal("+1.5", syntax: .fhirPathString)?.description == "1.5")
    #expect(ExactDecimal("-2", syntax: .fhirPathString)?.description == "-2")
    #expect(ExactDecimal("1e5", syntax: .fhirPathString) == nil)
    #expect(ExactDecimal("+1", syntax: .fhirPathLiteral) == nil)
  }

  @Test(
    "addition, subtraction, multiplication are exact",
    arguments: [
      ("0.1", "+", "0.2", "0.3"), ("1.50", "+", "1", "2.50"), ("-1.5", "+", "1.25", "-0.25"),
      ("1", "-", "0.999", "0.001"), ("0.3", "-", "0.1", "0.2"), ("1.5", "*", "1.5", "2.25"),
      ("1.0", "*", "1.0", "1.00"), ("-2", "*", "0.5", "-1.0"), ("0", "*", "-3", "0"),
      ("0.0000000000000001", "*", "0.0000000000000001", "0.0000000000000000000000000000"),
      ("79228162514264337593543950335", "-", "1", "79228162514264337593543950334"),
      ("7922816251426433759354395033.5", "*", "10", "79228162514264337593543950335"),
    ])
  func ring(_ a: String, _ op: String, _ b: String, _ expected: String) throws {
    let x = dec(a)
    let y = dec(b)
    let r =
      switch op {
      case "+": try x.adding(y)
      case "-": try x.subtracting(y)
      default: try x.multiplied(by: y)
      }
    #expect(r.description == expected)
  }

  @Test func overflowThrows() {
    let max = dec("79228162514264337593543950335")
    #expect(throws: FHIRPathEvaluationError(.overflow)) { try max.adding(.one) }
    #expect(throws: FHIRPathEvaluationError(.overflow)) { try max.multiplied(by: dec("2")) }
    #expect(throws: FHIRPathEvaluationError(.overflow)) { try max.divided(by: dec("0.5")) }
  }

  @Test(
    "division like .NET decimal",
    arguments: [
      ("5", "2", "2.5"), ("1", "3", "0.3333333333333333333333333333"),
      ("2", "3", "0.6666666666666666666666666667"), ("20", "3", "6.6666666666666666666666666667"),
      ("4.00", "2", "2.00"), ("1", "0.5", "2"), ("10", "4", "2.5"), ("-7", "2", "-3.5"),
      ("100", "0.5", "200"), ("1", "8", "0.125"), ("0", "5", "0"), ("1.000", "0.001", "1000"),
    ])
  func divide(_ a: String, _ b: String, _ expected: String) throws {
    #expect(try dec(a).divided(by: dec(b))?.description == expected)
  }

  @Test func divisionByZeroIsEmpty() throws {
    #expect(try dec("1").divided(by: dec("0.00")) == nil)
    #expect(try dec("1").truncatingDivision(by: .zero) == nil)
    #expect(try dec("1").remainder(dividingBy: .zero) == nil)
  }

  @Test(
    "div and mod truncate toward zero",
    arguments: [
      ("5.5", "0.7", "7", "0.6"), ("-5.5", "0.7", "-7", "-0.6"), ("5.5", "-0.7", "-7", "0.6"),
      ("7", "2", "3", "1"), ("0.3", "0.1", "3", "0.0"), ("1", "3", "0", "1"),
      ("2", "0.6666666666666666666666666667", "2", "0.6666666666666666666666666666"),
    ])
  func divMod(_ a: String, _ b: String, _ q: String, _ r: String) throws {
    #expect(try dec(a).truncatingDivision(by: dec(b))?.description == q)
    #expect(try dec(a).remainder(dividingBy: dec(b))?.description == r)
  }

  @Test(
    "rounding",
    arguments: [
      ("2.5", 0, FloatingPointRoundingRule.toNearestOrEven, "2"),
      ("3.5", 0, .toNearestOrEven, "4"),
      ("-2.5", 0, .toNearestOrEven, "-2"),
      ("2.5", 0, .toNearestOrAwayFromZero, "3"),
      ("-2.5", 0, .toNearestOrAwayFromZero, "-3"),
      ("2.345", 2, .toNearestOrEven, "2.34"),
      ("2.345", 2, .toNearestOrAwayFromZero, "2.35"),
      ("2.3451", 2, .toNearestOrEven, "2.35"),
      ("-1.5", 0, .down, "-2"),
      ("-1.5", 0, .up, "-1"),
      ("-1.5", 0, .towardZero, "-1"),
      ("1.2", 0, .up, "2"),
      ("1.5", 3, .toNearestOrEven, "1.5"),
      ("0.05", 1, .toNearestOrEven, "0.0"),
    ])
  func rounding(_ a: String, _ scale: Int, _ rule: FloatingPointRoundingRule, _ expected: String) {
    #expect(dec(a).rounded(scale: scale, rule: rule).description == expected)
  }

  @Test func comparisonIsByValue() {
    #expect(ExactDecimal.compare(dec("1.0"), dec("1.00")) == 0)
    #expect(dec("1.0") != dec("1.00"))  // structural
    #expect(ExactDecimal.compare(dec("-0.5"), dec("0.25")) == -1)
    #expect(ExactDecimal.compare(dec("-0.5"), dec("-0.25")) == -1)
    #expect(ExactDecimal.compare(dec("0"), dec("-0.00")) == 0)
    #expect(ExactDecimal.compare(dec("10"), dec("9.999999")) == 1)
  }

  @Test(
    "equivalence at the lesser precision",
    arguments: [
      ("1.2", "1.23", true), ("1.2", "1.25", true), ("1.2", "1.26", false), ("1.0", "1.00", true),
      ("1", "1.4", true), ("1", "1.6", false), ("0.333", "0.3333333", true),
    ])
  func equivalence(_ a: String, _ b: String, _ expected: Bool) {
    #expect(dec(a).isEquivalent(to: dec(b)) == expected)
    #expect(dec(b).isEquivalent(to: dec(a)) == expected)
  }

  @Test func integralValues() {
    #expect(dec("3.00").exactInt64 == 3)
    #expect(dec("3.01").exactInt64 == nil)
    #expect(dec("-9223372036854775808").exactInt64 == .min)
    #expect(dec("9223372036854775808").exactInt64 == nil)
    #expect(dec("2.50").strippingTrailingZeros.description == "2.5")
    #expect(ExactDecimal(-42).description == "-42")
  }
}
