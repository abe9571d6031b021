import DeidTestSupport
import Foundation
import Testing

/// Runs every folder of `examples/` as the README shows it: `command` from inside the folder,
/// stdout compared with `expected.ndjson`, the exit status with `expected-status` (default 0).
/// Inputs carry `CANARY` values; stderr must never contain one.
@Suite(.timeLimit(.minutes(3))) struct ExamplesTests {
  static let examplesDirectory = Shared.packageRoot + "/examples"

  static var names: [String] {
    let all = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory)) ?? []
    return all.filter {
      FileManager.default.fileExists(atPath: examplesDirectory + "/" + $0 + "/command")
    }.sorted()
  }

  @Test func examplesExist() {
    #expect(Self.names.count >= 4)
  }

  @Test(arguments: ExamplesTests.names)
  func example(_ name: String) throws {
    let dir = Self.examplesDirectory + "/" + name
    let command = try String(contentsOfFile: dir + "/command", encoding: .utf8)
    let result = try FhirDeidBinary.shell(command, in: dir)
    let expectedStatus =
      (try? String(contentsOfFile: dir + "/expected-status", encoding: .utf8))
      .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    #expect(result.status == expectedStatus, "stderr: \(result.stderr)")
    if FileManager.default.fileExists(atPath: dir + "/expected.ndjson") {
      let expected = try Data(contentsOf: URL(fileURLWithPath: dir + "/expected.ndjson"))
      #expect(result.stdoutText == String(decoding: expected, as: UTF8.self))
    }
    #expect(!result.stderr.contains("CANARY"), "stderr leaked an input value: \(result.stderr)")
  }
}
