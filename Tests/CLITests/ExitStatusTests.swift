import DeidTestSupport
import Foundation
import Testing

/// Every exit code of the command-line contract, and messages that never echo input values.
@Suite(.timeLimit(.minutes(3))) struct ExitStatusTests {
  static let keepAll = Data(#"{"fhirVersion": "R4", "fhirPathRules": []}"#.utf8)
  static let patient = #"{"resourceType":"Patient","id":"p","name":[{"family":"CANARY-Fam"}]}"#

  func withConfig<T>(_ body: (String, String) throws -> T) throws -> T {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/keep-all.json"
    try Self.keepAll.write(to: URL(fileURLWithPath: config))
    return try body(dir, config)
  }

  @Test func successIsZero() throws {
    try withConfig { _, config in
      let r = try FhirDeidBinary.run(["-c", config, "-q"], stdin: Data((Self.patient + "\n").utf8))
      #expect(r.status == 0)
      #expect(r.stdoutText == Self.patient + "\n")
      #expect(r.stderr.isEmpty)
    }
  }

  @Test func badCommandLineIs64() throws {
    #expect(try FhirDeidBinary.run(["--no-such-option"]).status == 64)
    #expect(try FhirDeidBinary.run(["--gzip-level", "12"]).status == 64)
    #expect(try FhirDeidBinary.run(["--jobs", "257"]).status == 64)
    #expect(try FhirDeidBinary.run(["--invalid-input", "maybe"]).status == 64)
  }

  @Test("invalid JSON is 65 with line and column, never the value")
  func invalidJSONIs65() throws {
    try withConfig { _, config in
      let input = Self.patient + "\n" + #"{"resourceType":"Patient","id":"CANARY-x",}"# + "\n"
      let r = try FhirDeidBinary.run(["-c", config], stdin: Data(input.utf8))
      #expect(r.status == 65)
      #expect(r.stdoutText == Self.patient + "\n")
      #expect(r.stderr.contains("-:2:43"))
      #expect(!r.stderr.contains("CANARY"))
    }
  }

  @Test func notAnObjectAndUnknownTypeAre65() throws {
    try withConfig { _, config in
      for line in [
        #"["CANARY"]"#, #"{"resourceType":"DeviceComponent","id":"CANARY"}"#,
        #"{"id":"CANARY"}"#, #"{"resourceType":7}"#,
      ] {
        let r = try FhirDeidBinary.run(["-c", config], stdin: Data((line + "\n").utf8))
        #expect(r.status == 65, "\(line)")
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.contains("CANARY"))
      }
    }
  }

  @Test("a replaceWith that does not fit stops the run with 1 even with --processing-errors skip")
  func unfitSubstitutionIsNotSkipped() throws {
    try withConfig { dir, _ in
      let config = dir + "/substitute.json"
      try Data(
        #"{"fhirVersion":"R4","fhirPathRules":[{"path":"Patient.name","method":"substitute","replaceWith":{"foo":1}}]}"#
          .utf8
      ).write(to: URL(fileURLWithPath: config))
      let r = try FhirDeidBinary.run(
        ["-c", config, "--processing-errors", "skip"], stdin: Data((Self.patient + "\n").utf8))
      #expect(r.status == 1)
      #expect(r.stdout.isEmpty)
      #expect(r.stderr.contains("Patient.name[0]"))
      #expect(!r.stderr.contains("CANARY"))
    }
  }

  @Test func truncatedGzipIs65() throws {
    try withConfig { dir, config in
      let plain = dir + "/in.ndjson"
      let lines = (0..<2000).map { _ in Self.patient }.joined(separator: "\n") + "\n"
      try Data(lines.utf8).write(to: URL(fileURLWithPath: plain))
      let gz = try FhirDeidBinary.shell("gzip -c \(plain) | head -c 300 > \(dir)/cut.gz && echo ok")
      #expect(gz.status == 0)
      let r = try FhirDeidBinary.run(["-c", config, dir + "/cut.gz"])
      #expect(r.status == 65)
      #expect(r.stderr.contains("cut.gz"))
    }
  }

  @Test func missingInputIs66() throws {
    try withConfig { dir, config in
      let r = try FhirDeidBinary.run(["-c", config, dir + "/nope.ndjson"])
      #expect(r.status == 66)
      #expect(r.stderr.contains("nope.ndjson"))
    }
  }

  @Test func uncreatableOutputIs73() throws {
    try withConfig { dir, config in
      let r = try FhirDeidBinary.run(
        ["-c", config, "-o", dir + "/no/such/dir/out.ndjson"],
        stdin: Data((Self.patient + "\n").utf8))
      #expect(r.status == 73)
    }
  }

  @Test func writeErrorIs74() throws {
    try withConfig { _, config in
      let r = try FhirDeidBinary.run(
        ["-c", config, "-o", "/dev/full"], stdin: Data((Self.patient + "\n").utf8))
      #expect(r.status == 74)
    }
  }

  @Test func badConfigurationIs78() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cases = [
      #"{"fhirPathRules": [{"path": "Patient.name"}]}"#,
      #"{"fhirVersion": "Stu3", "fhirPathRules": []}"#,
      #"{"parameters": {}}"#,
      #"{"fhirPathRules": [], "fhirPathRules": []}"#,
      "{not json",
    ]
    for (i, text) in cases.enumerated() {
      let path = dir + "/c\(i).json"
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      let r = try FhirDeidBinary.run(["-c", path], stdin: Data((Self.patient + "\n").utf8))
      #expect(r.status == 78, "\(text): \(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test("| head -1 ends quietly with 0")
  func closedPipeIsQuiet() throws {
    try withConfig { dir, config in
      let big = dir + "/big.ndjson"
      let lines = String(repeating: Self.patient + "\n", count: 200_000)
      try Data(lines.utf8).write(to: URL(fileURLWithPath: big))
      let r = try FhirDeidBinary.shell("fhir-deid -c \(config) \(big) | head -1")
      #expect(r.status == 0)
      #expect(r.stdoutText == Self.patient + "\n")
      #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
  }
}
