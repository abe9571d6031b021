import FHIRPath
import FHIRTree
import Foundation
import Testing

@testable import FHIRDeid

/// `perturb` (spec §4.7, §11.8): bounds, rounding, clamps, visited marking, reproducibility.
@Suite struct PerturbationTests {
  /// Where a value of each kind lives in a real resource, and the rule path that reaches it.
  enum Shape: String, CustomStringConvertible {
    case integer, decimal, unsignedInt, positiveInt, age, distance, duration, money, quantity

    var description: String { rawValue }

    /// The resource line holding `value` (JSON number text).
    func line(_ value: String) -> String {
      switch self {
      case .integer:
        #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueInteger":\#(value)}"#
      case .decimal:
        #"{"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/1"},"prediction":[{"probabilityDecimal":\#(value)}]}"#
      case .unsignedInt:
        #"{"resourceType":"ImagingStudy","status":"available","numberOfSeries":\#(value)}"#
      case .positiveInt:
        #"{"resourceType":"Immunization","status":"completed","protocolApplied":[{"doseNumberPositiveInt":\#(value)}]}"#
      case .age:
        #"{"resourceType":"Condition","subject":{"reference":"Patient/1"},"onsetAge":{"value":\#(value),"unit":"a"}}"#
      case .distance, .duration, .money:
        #"{"resourceType":"Patient","extension":[{"url":"http://example.org/x","value\#(rawValue.prefix(1).uppercased() + rawValue.dropFirst())":{"value":\#(value)}}]}"#
      case .quantity:
        #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":\#(value),"unit":"mg"}}"#
      }
    }

    var path: String {
      switch self {
      case .integer, .quantity: "Observation.value"
      case .decimal: "RiskAssessment.prediction.probability"
      case .unsignedInt: "ImagingStudy.numberOfSeries"
      case .positiveInt: "Immunization.protocolApplied.doseNumber"
      case .age: "Condition.onset"
      case .distance, .duration, .money: "Patient.extension.value"
      }
    }

    /// The member whose number is perturbed.
    var key: String {
      switch self {
      case .integer: "valueInteger"
      case .decimal: "probabilityDecimal"
      case .unsignedInt: "numberOfSeries"
      case .positiveInt: "doseNumberPositiveInt"
      case .age, .distance, .duration, .money, .quantity: "value"
      }
    }

    var isInteger: Bool { self == .integer || self == .unsignedInt || self == .positiveInt }
  }

  struct Bound: CustomStringConvertible, Sendable {
    var shape: Shape
    var value: String
    var span: String
    var roundTo: Int?
    var proportional: Bool
    var low: String
    var high: String
    var description: String {
      "\(shape) \(value) span \(span) roundTo \(roundTo.map(String.init) ?? "-")"
        + (proportional ? " proportional" : "")
    }
  }

  static func fixed(
    _ s: Shape, _ v: String, _ span: String, _ r: Int?, _ low: String, _ high: String
  )
    -> Bound
  {
    Bound(shape: s, value: v, span: span, roundTo: r, proportional: false, low: low, high: high)
  }

  static func proportional(
    _ s: Shape, _ v: String, _ span: String, _ r: Int?, _ low: String, _ high: String
  ) -> Bound {
    Bound(shape: s, value: v, span: span, roundTo: r, proportional: true, low: low, high: high)
  }

  /// Spec §11.8, Microsoft's PerturbProcessorTests.
  static let bounds: [Bound] = [
    fixed(.integer, "5", "0", nil, "5", "5"),
    fixed(.decimal, "5.0", "0", 2, "5", "5"),
    fixed(.decimal, "5.234", "6", 2, "2.23", "8.23"),
    fixed(.decimal, "0.12", "2", 2, "-0.88", "1.12"),
    fixed(.integer, "100", "0", nil, "100", "100"),
    fixed(.unsignedInt, "5000", "100", nil, "4950", "5050"),
    fixed(.positiveInt, "1000000", "2000", nil, "999000", "1001000"),
    fixed(.unsignedInt, "10", "40", nil, "0", "30"),
    fixed(.positiveInt, "1", "200", nil, "1", "101"),
    fixed(.age, "20", "0", nil, "20", "20"),
    fixed(.distance, "1024.12345678", "0.00002", 4, "1024.1234", "1024.1235"),
    fixed(.duration, "0.0001", "0.00002", 2, "0", "0"),
    fixed(.money, "7000.12345678", "2000", 4, "6000.1235", "8000.1235"),
    fixed(.quantity, "25162.1378", "2.26", 2, "25161.01", "25163.27"),
    proportional(.integer, "5", "0.4", 0, "4", "6"),
    proportional(.decimal, "5", "2", 2, "0", "10"),
    proportional(.decimal, "5.234", "1", 2, "2.62", "7.85"),
    proportional(.decimal, "0.12", "4", 2, "-0.12", "0.36"),
    proportional(.unsignedInt, "5000", "0.02", nil, "4950", "5050"),
    proportional(.distance, "1024.12345678", "0.2", 4, "921.7111", "1126.5358"),
    proportional(.duration, "0.0001", "2000", 2, "-0.1", "0.1"),
    proportional(.money, "100", "2000", 4, "-99900", "100100"),
    proportional(.quantity, "25162.1378", "1", 2, "12581.07", "37743.21"),
  ]

  static func rule(_ path: String, span: String, roundTo: Int?, proportional: Bool) -> String {
    var rule = #"{"path":"\#(path)","method":"perturb","span":\#(span)"#
    if let roundTo { rule += #","roundTo":\#(roundTo)"# }
    if proportional { rule += #","rangeType":"Proportional""# }
    return rule + "}"
  }

  /// The JSON number text of the first `"key":` member in `output`.
  static func number(_ key: String, in output: String) throws -> String {
    let marker = "\"\(key)\":"
    let range = try #require(output.range(of: marker), "no \(key) in \(output)")
    let rest = output[range.upperBound...]
    let text = rest.prefix { $0 == "-" || $0 == "." || $0.isNumber }
    #expect(!text.isEmpty, "\(key) is not a JSON number in \(output)")
    return String(text)
  }

  static func decimal(_ text: String) throws -> ExactDecimal {
    try #require(ExactDecimal(text))
  }

  @Test(
    "§11.8: results stay in Microsoft's bounds, with at most roundTo decimals", arguments: bounds)
  func staysInBounds(_ b: Bound) throws {
    let h = try EngineHarness(
      config([
        Self.rule(b.shape.path, span: b.span, roundTo: b.roundTo, proportional: b.proportional)
      ]))
    let low = try Self.decimal(b.low)
    let high = try Self.decimal(b.high)
    let places = b.shape.isInteger ? 0 : (b.roundTo ?? 2)
    var distinct = Set<String>()
    for _ in 0..<300 {
      let out = try #require(h.output(b.shape.line(b.value)))
      let text = try Self.number(b.shape.key, in: out)
      distinct.insert(text)
      let y = try Self.decimal(text)
      #expect(ExactDecimal.compare(y, low) >= 0 && ExactDecimal.compare(y, high) <= 0, "\(text)")
      #expect(Int(y.scale) <= places, "\(text)")
      #expect(out.hasSuffix(#""meta":{"security":["# + perturbedLabel + "]}}"), "\(out)")
    }
    if ExactDecimal.compare(low, high) != 0 { #expect(distinct.count > 1) }
  }

  @Test("clamps: positiveInt never below 1, unsignedInt never below 0, integer not clamped")
  func clamps() throws {
    func values(_ shape: Shape, _ value: String, span: String) throws -> Set<String> {
      let h = try EngineHarness(
        config([Self.rule(shape.path, span: span, roundTo: nil, proportional: false)]))
      var seen = Set<String>()
      for _ in 0..<200 {
        seen.insert(try Self.number(shape.key, in: try #require(h.output(shape.line(value)))))
      }
      return seen
    }
    let positive = try values(.positiveInt, "1", span: "200")
    #expect(positive.contains("1"))
    #expect(!positive.contains { $0.hasPrefix("-") || $0 == "0" })
    let unsigned = try values(.unsignedInt, "10", span: "40")
    #expect(unsigned.contains("0"))
    #expect(!unsigned.contains { $0.hasPrefix("-") })
    let integer = try values(.integer, "1", span: "200")
    #expect(integer.contains { $0.hasPrefix("-") })
  }

  @Test("Q13 deviation: a negative value with proportional uses its magnitude")
  func negativeProportional() throws {
    let h = try EngineHarness(
      config([Self.rule("Observation.value", span: "0.4", roundTo: 2, proportional: true)]))
    for _ in 0..<100 {
      let out = try #require(h.output(Shape.quantity.line("-5")))
      let y = try Self.decimal(try Self.number("value", in: out))
      #expect(ExactDecimal.compare(y, try Self.decimal("-6")) >= 0)
      #expect(ExactDecimal.compare(y, try Self.decimal("-4")) <= 0)
    }
  }

  @Test("span 0 keeps the value's digits up to roundTo; banker's rounding of the exact value")
  func roundingWithoutNoise() throws {
    let cases = [
      ("2.345", 2, "2.34"), ("2.355", 2, "2.36"), ("2.5", 0, "2"), ("3.5", 0, "4"),
      ("-2.5", 0, "-2"), ("1.50", 2, "1.50"), ("1.5", 3, "1.5"), ("1e2", 2, "100"),
      ("0.000", 2, "0.00"),
    ]
    for (value, roundTo, expected) in cases {
      let h = try EngineHarness(
        config([Self.rule("Observation.value", span: "0", roundTo: roundTo, proportional: false)]))
      let out = try #require(h.output(Shape.quantity.line(value)))
      #expect(try Self.number("value", in: out) == expected, "\(value)")
    }
  }

  @Test("perturb then redact on the same Quantity: value perturbed, unit kept (spec §3.4)")
  func marksDescendantsVisited() throws {
    let h = try EngineHarness(
      config([
        #"{"path":"Observation.value","method":"perturb","span":0}"#,
        #"{"path":"Observation.value","method":"redact"}"#,
        #"{"path":"Observation.value.unit","method":"redact"}"#,
      ]))
    #expect(
      h.output(Shape.quantity.line("5.5"))
        == #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":5.5,"unit":"mg"},"meta":{"security":["#
        + perturbedLabel + "]}}")
  }

  @Test("a value handled by an earlier rule, or absent, is not perturbed and adds no label")
  func visitedOrAbsentValue() throws {
    let keepFirst = try EngineHarness(
      config([
        #"{"path":"Observation.value.value","method":"keep"}"#,
        #"{"path":"Observation.value","method":"perturb","span":100}"#,
        #"{"path":"Observation.value.unit","method":"redact"}"#,
      ]))
    // Nothing is perturbed, but the perturb rule still reached (and so protects) the unit.
    #expect(keepFirst.output(Shape.quantity.line("5")) == Shape.quantity.line("5"))
    let noValue = try EngineHarness(
      config([#"{"path":"Observation.value","method":"perturb","span":100}"#]))
    let line =
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"unit":"mg"}}"#
    #expect(noValue.output(line) == line)
  }

  @Test("perturb on a complex node reaches its quantities (Range low and high)")
  func rangeLowHigh() throws {
    let h = try EngineHarness(
      config([#"{"path":"Observation.value","method":"perturb","span":0,"roundTo":0}"#]))
    let out = try #require(
      h.output(
        #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueRange":{"low":{"value":1.4},"high":{"value":2.6}}}"#
      ))
    #expect(out.contains(#""valueRange":{"low":{"value":1},"high":{"value":3}}"#), "\(out)")
  }

  @Test("with a seed the noise is reproducible and independent of other lines")
  func seeded() throws {
    let rules = config([
      #"{"path":"Observation.value","method":"perturb","span":1000,"roundTo":6}"#,
      #"{"path":"Observation.component.value","method":"perturb","span":1000,"roundTo":6}"#,
    ])
    let line =
      #"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"valueQuantity":{"value":5},"component":[{"code":{"text":"a"},"valueQuantity":{"value":5}},{"code":{"text":"b"},"valueQuantity":{"value":5}}]}"#
    let other =
      #"{"resourceType":"Observation","id":"o2","status":"final","code":{"text":"x"},"valueQuantity":{"value":5}}"#
    let a = try EngineHarness(rules, perturbSeed: 42)
    let b = try EngineHarness(rules, perturbSeed: 42)
    let first = try #require(a.output(line))
    _ = b.output(other)
    #expect(b.output(line) == first)
    #expect(a.output(line) == first)
    // Each element draws its own noise.
    let values = first.components(separatedBy: #""value":"#).dropFirst().map { $0.prefix(12) }
    #expect(Set(values).count == 3, "\(first)")
    // Another seed or another id gives other noise.
    #expect(try EngineHarness(rules, perturbSeed: 43).output(line) != first)
    let renamed = line.replacingOccurrences(of: #""id":"o1""#, with: #""id":"o3""#)
    #expect(
      a.output(renamed)?.replacingOccurrences(of: #""id":"o3""#, with: #""id":"o1""#) != first)
  }

  @Test("with a seed, resources without an id are told apart by their place in the line")
  func seededWithoutIDs() throws {
    let rules = config([
      #"{"path":"Observation.value","method":"perturb","span":1000,"roundTo":6}"#
    ])
    let entry =
      #"{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":5}}}"#
    let line = #"{"resourceType":"Bundle","type":"collection","entry":[\#(entry),\#(entry)]}"#
    let h = try EngineHarness(rules, perturbSeed: 1)
    let out = try #require(h.output(line))
    #expect(try EngineHarness(rules, perturbSeed: 1).output(line) == out)
    let values = out.components(separatedBy: #""value":"#).dropFirst().map { $0.prefix(12) }
    #expect(values.count == 2)
    #expect(Set(values).count == 2, "\(out)")
  }

  @Test("with a seed, a rule that changed the id first does not change the noise")
  func seedUsesTheInputID() throws {
    let perturb = #"{"path":"Observation.value","method":"perturb","span":1000,"roundTo":6}"#
    let line =
      #"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"valueQuantity":{"value":5}}"#
    // Same rule index in both runs (the index is part of the seed).
    let plain = try #require(
      try EngineHarness(
        config([#"{"path":"Observation.status","method":"keep"}"#, perturb]), perturbSeed: 7
      ).output(line))
    let hashed = try #require(
      try EngineHarness(
        config([#"{"path":"Resource.id","method":"cryptoHash"}"#, perturb]), perturbSeed: 7
      ).output(line))
    #expect(try Self.number("value", in: plain) == Self.number("value", in: hashed))
  }

  @Test(
    ".NET (decimal)double: 15 significant digits, half to even, trailing zeros dropped",
    arguments: [
      (0.1, "0.1"), (1.0 / 3, "0.333333333333333"), (2.0 / 3, "0.666666666666667"),
      (-1.25, "-1.25"), (1.0, "1"), (123456789012345678.0, "123456789012346000"),
      (1e-30, "0"), (0.0, "0"), (-0.0, "0"), (1234.5, "1234.5"), (1e-10, "0.0000000001"),
      (0.00001234567890123456, "0.0000123456789012346"),
    ])
  func doubleToDecimal(_ value: Double, _ expected: String) throws {
    let d = try #require(Perturbation.decimal(value))
    #expect(d.description == expected)
  }

  @Test(".NET (double)decimal")
  func decimalToDouble() throws {
    #expect(Perturbation.double(try Self.decimal("5.234")) == 5.234)
    #expect(Perturbation.double(try Self.decimal("-0.12")) == -0.12)
    #expect(Perturbation.double(try Self.decimal("25162.1378")) == 25162.1378)
    #expect(Perturbation.decimal(.infinity) == nil)
    #expect(Perturbation.decimal(1e40) == nil)
  }
}
