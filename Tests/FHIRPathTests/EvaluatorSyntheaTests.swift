import ByteJSON
import DeidTestSupport
import FHIRModel
import FHIRTree
import Foundation
import Testing

@testable import FHIRPath

/// The evaluator on real (synthetic) Synthea resources from `shared/corpus`, with every rule
/// path of the Microsoft safe-harbor configuration.
///
/// `FHIR_DEID_EVAL_BENCH=1 swift test -c release --filter EvaluatorSyntheaTests` also measures
/// evaluations per second (skipped otherwise).
@Suite(.enabled(if: Shared.isAvailable))
struct EvaluatorSyntheaTests {
  /// One resource of a bundle as its own line: its bytes, tape and tree.
  struct Line {
    var bytes: [UInt8]
    var tape = Tape()
    var tree = ResourceTree()
  }

  /// The entry resources of a Synthea bundle, each cut out of the bundle text as its own line.
  static func lines(of file: String) throws -> [Line] {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let bundle = EvalResource(String(decoding: data, as: UTF8.self))
    var lines: [Line] = []
    for i in 0..<Int32(bundle.tree.count) {
      let node = bundle.tree[i]
      guard i != 0, node.isResource else { continue }
      let object = bundle.tape[Int(node.valueToken)]
      var line = Line(bytes: Array(bundle.bytes[Int(object.start)..<Int(object.end)]))
      try line.bytes.withUnsafeBytes { raw in
        try JSONScanner().scan(raw, into: &line.tape)
        try line.tree.build(line.tape, bytes: raw)
      }
      lines.append(line)
    }
    return lines
  }

  static let smallest: String = {
    let dir = Shared.path + "/corpus/synthea-r4/"
    return dir + "Carolee951_Sanford861_d88f994a-5efa-421d-9c40-5f116d2114a6.json"
  }()

  /// The rule paths of the shared safe-harbor configuration.
  static func configurationPaths() throws -> [String] {
    let url = URL(fileURLWithPath: Shared.path + "/configs/ms-safe-harbor-r4.json")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let rules = (json as? [String: Any])?["fhirPathRules"] as? [[String: Any]] ?? []
    return rules.compactMap { $0["path"] as? String }
  }

  /// Evaluates `expression` on every line; returns the total number of result items.
  static func evaluateAll(
    _ expression: CompiledExpression, _ lines: [Line], _ evaluator: FHIRPathEvaluator,
    _ result: inout [FHIRPathItem]
  ) throws -> Int {
    var total = 0
    for line in lines {
      result.removeAll(keepingCapacity: true)
      try line.bytes.withUnsafeBytes { raw in
        try evaluator.evaluate(
          expression, focus: 0, resource: 0, tree: line.tree, tape: line.tape, bytes: raw,
          into: &result)
      }
      total += result.count
    }
    return total
  }

  @Test func everyConfigurationPathEvaluatesOnEveryResource() throws {
    let lines = try Self.lines(of: Self.smallest)
    #expect(lines.count > 100)
    let paths = try Self.configurationPaths()
    #expect(paths.count > 100)
    let evaluator = FHIRPathEvaluator()
    var result: [FHIRPathItem] = []
    var matched = 0
    for path in paths {
      let expression = try FHIRPathCompiler.compile(path)
      matched += try Self.evaluateAll(expression, lines, evaluator, &result)
    }
    #expect(matched > 1000)
  }

  @Test func sampleResults() throws {
    let lines = try Self.lines(of: Self.smallest)
    let evaluator = FHIRPathEvaluator()
    var result: [FHIRPathItem] = []
    let patients = lines.filter { $0.tree[0].type == .patient }
    #expect(patients.count == 1)
    let names = try FHIRPathCompiler.compile("Patient.name.family")
    #expect(try Self.evaluateAll(names, patients, evaluator, &result) >= 1)
    let humanNames = try FHIRPathCompiler.compile("nodesByType('HumanName')")
    #expect(try Self.evaluateAll(humanNames, patients, evaluator, &result) >= 1)
    // Every resource has exactly one id, and `Resource.id` finds it.
    let ids = try FHIRPathCompiler.compile("Resource.id")
    #expect(try Self.evaluateAll(ids, lines, evaluator, &result) == lines.count)
    // Dates compare without errors across all resources.
    let recent = try FHIRPathCompiler.compile(
      "(nodesByType('date') | nodesByType('dateTime') | nodesByType('instant'))"
        + ".where($this > @2000-01-01T00:00:00Z)")
    #expect(try Self.evaluateAll(recent, lines, evaluator, &result) > 0)
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["FHIR_DEID_EVAL_BENCH"] != nil))
  func evaluationsPerSecond() throws {
    let dir = Shared.path + "/corpus/synthea-r4/"
    let environment = ProcessInfo.processInfo.environment
    // FHIR_DEID_EVAL_BENCH_SMALL uses the smallest bundle only (for valgrind).
    let files =
      environment["FHIR_DEID_EVAL_BENCH_SMALL"] != nil
      ? [URL(fileURLWithPath: Self.smallest).lastPathComponent]
      : try FileManager.default.contentsOfDirectory(atPath: dir)
        .filter { $0.hasSuffix(".json") }.sorted()
    var lines: [Line] = []
    for file in files { lines += try Self.lines(of: dir + file) }
    let evaluator = FHIRPathEvaluator()
    var result: [FHIRPathItem] = []
    // FHIR_DEID_EVAL_BENCH_EXPR measures one expression only (for profiling).
    let only = environment["FHIR_DEID_EVAL_BENCH_EXPR"]
    let expressions =
      only.map { [$0] } ?? [
        "nodesByType('HumanName')", "Patient.name.family",
        "nodesByType('Address').where(city='x')", "nodesByType('Reference').reference",
        "nodesByType('date') | nodesByType('dateTime') | nodesByType('instant')",
        "Observation.value", "Resource.id", "{}",
      ]
    let roundCount = environment["FHIR_DEID_EVAL_BENCH_ROUNDS"].flatMap { Int($0) } ?? 5
    let clock = ContinuousClock()
    print("resources: \(lines.count)")
    for text in expressions {
      let expression = try FHIRPathCompiler.compile(text)
      _ = try Self.evaluateAll(expression, lines, evaluator, &result)  // warm up
      var rounds = 0
      let elapsed = try clock.measure {
        while rounds < roundCount {
          _ = try Self.evaluateAll(expression, lines, evaluator, &result)
          rounds += 1
        }
      }
      let seconds =
        Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
      let rate = Double(rounds * lines.count) / seconds
      print("\(text): \(Int(rate)) evaluations/s")
    }
    let paths = try Self.configurationPaths().map { try FHIRPathCompiler.compile($0) }
    let elapsed = try clock.measure {
      for expression in paths { _ = try Self.evaluateAll(expression, lines, evaluator, &result) }
    }
    let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
    print(
      "all \(paths.count) safe-harbor paths: \(Int(Double(lines.count) / seconds)) resources/s, "
        + "\(Int(Double(paths.count * lines.count) / seconds)) evaluations/s")
  }
}
