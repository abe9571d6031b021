import DeidTestSupport
import FHIRDeid
import Foundation
import Testing

/// Whole resources through whole configurations, compared with `expected.ndjson` in each folder
/// of `Fixtures/` (configurations written by us; keys `golden-key`, perturb seed 7, today
/// 2026-11-29). `RECORD=1 swift test --filter GoldenTests` rewrites the expected files — and
/// fails, so that a rewrite never passes unseen.
@Suite struct GoldenTests {
  static let directory = Shared.packageRoot + "/Tests/FHIRDeidTests/Fixtures"

  static var names: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
      FileManager.default.fileExists(atPath: directory + "/" + $0 + "/config.json")
    }.sorted()
  }

  @Test func fixturesExist() {
    #expect(Self.names.count >= 5)
  }

  @Test(arguments: GoldenTests.names)
  func fixture(_ name: String) throws {
    let dir = Self.directory + "/" + name
    let config = try String(contentsOfFile: dir + "/config.json", encoding: .utf8)
    let harness = try EngineHarness(
      config, dateShiftKey: "golden-key", cryptoHashKey: "golden-key", today: (2026, 11, 29),
      perturbSeed: 7)
    let input = try String(contentsOfFile: dir + "/input.ndjson", encoding: .utf8)
    var output = ""
    for line in input.split(separator: "\n") {
      switch harness.run(String(line)) {
      case .success(let out): output += out + "\n"
      case .failure(let failure): output += "ERROR " + failure.reason + "\n"
      }
    }
    let expectedPath = dir + "/expected.ndjson"
    if ProcessInfo.processInfo.environment["RECORD"] == "1" {
      try output.write(toFile: expectedPath, atomically: true, encoding: .utf8)
      Issue.record("recorded \(expectedPath); rerun without RECORD=1")
      return
    }
    let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
    #expect(output == expected)
  }
}
