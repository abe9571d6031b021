import DeidTestSupport
import Foundation
import Testing

/// The engine through the binary: keys, date-shift scopes and prefixes, determinism, the report.
@Suite(.timeLimit(.minutes(3))) struct EngineRunTests {
  static let patient =
    #"{"resourceType":"Patient","id":"p1","name":[{"family":"CANARY-F"}],"birthDate":"2000-01-15"}"#

  static let hashAndShift = #"""
    {"fhirVersion":"R4","fhirPathRules":[
      {"path":"Resource.id","method":"cryptoHash"},
      {"path":"nodesByType('HumanName')","method":"redact"},
      {"path":"nodesByType('date')","method":"dateShift"}]}
    """#

  func withFiles<T>(_ body: (String) throws -> T) throws -> T {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(Self.hashAndShift.utf8).write(to: URL(fileURLWithPath: dir + "/rules.json"))
    return try body(dir)
  }

  @Test("keys: --keys beats the environment, which beats the configuration; keys are never printed")
  func keyPrecedence() throws {
    try withFiles { dir in
      let input = Data((Self.patient + "\n").utf8)
      let env = [
        "FHIR_DEID_CRYPTO_HASH_KEY": "SECRET-ENV-KEY-0123456789",
        "FHIR_DEID_DATE_SHIFT_KEY": "SECRET-ENV-SHIFT-0123456789",
      ]
      try Data(
        #"{"cryptoHashKey":"SECRET-FILE-KEY-0123456789","dateShiftKey":"SECRET-FILE-SHIFT-0123456789"}"#
          .utf8
      )
      .write(to: URL(fileURLWithPath: dir + "/keys.json"))
      let fromEnv = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json"], stdin: input, environment: env)
      let fromEnv2 = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json"], stdin: input, environment: env)
      let fromFile = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "--keys", dir + "/keys.json", "--stats", "-"], stdin: input,
        environment: env)
      #expect(fromEnv.status == 0 && fromFile.status == 0)
      #expect(Bool(fromEnv.stdout == fromEnv2.stdout))
      #expect(fromEnv.stdout != fromFile.stdout)
      for r in [fromEnv, fromFile] {
        #expect(!r.stderr.contains("SECRET"))
        #expect(!r.stdoutText.contains("SECRET"))
        #expect(!r.stderr.contains("CANARY") && !r.stdoutText.contains("CANARY"))
      }
      // No key anywhere: exit 78 naming both keys (KeysTests has the rest).
      let a = try FhirDeidBinary.run(["-c", dir + "/rules.json"], stdin: input)
      #expect(a.status == 78)
      #expect(a.stderr.contains("no cryptoHashKey") && a.stderr.contains("no dateShiftKey"))
      #expect(a.stdout.isEmpty)
    }
  }

  @Test func badKeysAre78() throws {
    try withFiles { dir in
      try Data(#"{"encryptKey":"too-short"}"#.utf8).write(
        to: URL(fileURLWithPath: dir + "/k1.json"))
      try Data(#"{"hashKey":"x"}"#.utf8).write(to: URL(fileURLWithPath: dir + "/k2.json"))
      for k in ["k1", "k2"] {
        let r = try FhirDeidBinary.run(["-c", dir + "/rules.json", "--keys", dir + "/\(k).json"])
        #expect(r.status == 78)
        #expect(!r.stderr.contains("too-short"))
      }
      let missing = try FhirDeidBinary.run([
        "-c", dir + "/rules.json", "--keys", dir + "/none.json",
      ])
      #expect(missing.status == 66)
    }
  }

  @Test("scope file: the file's name is the prefix; on stdin --date-shift-prefix supplies it")
  func fileScope() throws {
    try withFiles { dir in
      let env = TestKeys.environment
      try Data((Self.patient + "\n").utf8).write(
        to: URL(fileURLWithPath: dir + "/Patient-1.ndjson"))
      let file = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "-q", "--date-shift-scope", "file", dir + "/Patient-1.ndjson"],
        environment: env)
      let piped = try FhirDeidBinary.run(
        [
          "-c", dir + "/rules.json", "-q", "--date-shift-scope", "file", "--date-shift-prefix",
          "Patient-1.ndjson",
        ],
        stdin: Data((Self.patient + "\n").utf8), environment: env)
      let bare = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "-q", "--date-shift-scope", "file"],
        stdin: Data((Self.patient + "\n").utf8), environment: env)
      #expect(file.status == 0)
      #expect(Bool(file.stdout == piped.stdout))
      #expect(file.stdout != bare.stdout)  // stdin without a prefix falls back to the id
    }
  }

  @Test("the same keys give the same bytes for every -j")
  func determinism() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var lines: [String] = []
    for i in 0..<3000 {
      lines.append(
        #"{"resourceType":"Patient","id":"p\#(i)","name":[{"family":"F\#(i)"}],"birthDate":"19\#(50 + i % 40)-0\#(1 + i % 9)-1\#(i % 9)","address":[{"city":"C","postalCode":"9\#(1000 + i)"}]}"#
      )
      lines.append(
        #"{"resourceType":"Observation","id":"o\#(i)","status":"final","code":{"text":"t"},"subject":{"reference":"Patient/p\#(i)"},"effectiveDateTime":"2020-02-0\#(1 + i % 9)T10:00:00Z"}"#
      )
    }
    let input = dir + "/in.ndjson"
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
    try Data(TestKeys.json.utf8).write(to: URL(fileURLWithPath: dir + "/keys.json"))
    for preset in ["safe-harbor", "safe-harbor-patient-shift"] {
      let base = [
        "--preset", preset, "--keys", dir + "/keys.json", "--today", "2026-11-29", "-q", input,
      ]
      let one = try FhirDeidBinary.run(base + ["-j", "1"])
      #expect(one.status == 0)
      for jobs in [2, 3, 8] {
        let r = try FhirDeidBinary.run(base + ["-j", String(jobs)])
        // Bool(…): a failing `==` on large byte strings would make #expect diff them (minutes, #14).
        #expect(Bool(r.stdout == one.stdout), "\(preset) -j \(jobs)")
      }
    }
  }

  @Test("the report's methods and rules sections")
  func reportSections() throws {
    try withFiles { dir in
      let r = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "-q", "--stats", dir + "/r.json"],
        stdin: Data((Self.patient + "\n" + Self.patient + "\n").utf8),
        environment: TestKeys.environment)
      #expect(r.status == 0)
      let report = try #require(
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json")))
          as? [String: Any])
      let methods = try #require(report["methods"] as? [String: Int])
      #expect(methods["cryptoHash"] == 2)
      #expect(methods["redact"] == 2)
      #expect(methods["dateShift"] == 2)
      #expect(methods["keep"] == 0)
      let rules = try #require(report["rules"] as? [[String: Any]])
      #expect(rules.count == 3)
      #expect(rules[1]["path"] as? String == "nodesByType('HumanName')")
      #expect(rules[1]["resources"] as? Int == 2)
      #expect(rules[1]["matched"] as? Int == 2)
      #expect(rules[1]["nodes"] as? Int == 2)
      let source = (report["config"] as? [String: Any])?["source"] as? String
      #expect(source?.hasPrefix("file:") == true)
    }
  }

  @Test func presetsCommand() throws {
    let list = try FhirDeidBinary.run(["presets"])
    #expect(list.status == 0)
    #expect(list.stdoutText.contains("safe-harbor"))
    #expect(list.stdoutText.contains("keep-all"))
    let show = try FhirDeidBinary.run(["presets", "show", "keep-all"])
    #expect(show.stdoutText.contains("fhirPathRules"))
    #expect(try FhirDeidBinary.run(["presets", "show", "nope"]).status == 64)
    #expect(try FhirDeidBinary.run(["--preset", "nope"]).status == 64)
    #expect(try FhirDeidBinary.run(["--preset", "keep-all", "-c", "x.json"]).status == 64)
  }

  @Test("--seed makes perturb reproducible across runs and -j; without it runs differ")
  func seededPerturbation() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config =
      #"{"fhirVersion":"R4","fhirPathRules":[{"path":"Observation.value","method":"perturb","span":10,"roundTo":2}]}"#
    try Data(config.utf8).write(to: URL(fileURLWithPath: dir + "/p.json"))
    var lines: [String] = []
    for i in 0..<2000 {
      lines.append(
        #"{"resourceType":"Observation","id":"o\#(i)","status":"final","code":{"text":"t"},"valueQuantity":{"value":\#(i).25}}"#
      )
    }
    let input = Data((lines.joined(separator: "\n") + "\n").utf8)
    let base = ["-c", dir + "/p.json", "-q"]
    let a = try FhirDeidBinary.run(base + ["--seed", "42", "-j", "1"], stdin: input)
    let b = try FhirDeidBinary.run(base + ["--seed", "42", "-j", "4"], stdin: input)
    let c = try FhirDeidBinary.run(base + ["--seed", "43", "-j", "1"], stdin: input)
    let d = try FhirDeidBinary.run(base, stdin: input)
    let e = try FhirDeidBinary.run(base, stdin: input)
    #expect(a.status == 0)
    #expect(Bool(a.stdout == b.stdout))
    #expect(a.stdout != c.stdout)
    #expect(d.stdout != e.stdout)
    // A shard processed alone gives the same lines.
    let shard = Data((lines[1000...].joined(separator: "\n") + "\n").utf8)
    let s = try FhirDeidBinary.run(base + ["--seed", "42"], stdin: shard)
    #expect(a.stdoutText.hasSuffix(s.stdoutText))
  }
}
