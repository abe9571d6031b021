import DeidTestSupport
import Foundation
import Testing

/// #8 item 7: messages never echo a key as written in the input (a key can carry patient text),
/// nor a value: unknown keys at every depth, escaped, non-ASCII and long keys, under `fail` and
/// `skip`, for `run` (standard error and the `--stats` report) and `select`.
@Suite struct KeyCanaryTests {
  /// One invalid resource per line; every key and value an attacker controls carries CANARY
  /// (escaped as `\u0043ANARY` where it is escaped).
  static let lines = [
    #"{"resourceType":"Patient","CANARY_KEY_123":1}"#,
    #"{"resourceType":"Patient","name":[{"CANARY_KEY_456":"x"}]}"#,
    #"{"resourceType":"Patient","name":[{"family":"F"},{"CANARY_KEY_457":"x"}]}"#,
    #"{"resourceType":"Patient","CANARY\u005fESCAPED":1}"#,
    #"{"resourceType":"Patient","\u0043ANARY_ESCAPED":1}"#,
    #"{"resourceType":"Patient","CANARY_ÄÖ_日本_🙂":1}"#,
    #"{"resourceType":"Patient","CANARY_\#(String(repeating: "L", count: 200))":1}"#,
    #"{"resourceType":"Patient","_CANARY_SHADOW":{}}"#,
    #"{"resourceType":"Patient","birthDate":"1970","_birthDate":{"CANARY_IN_SHADOW":1}}"#,
    #"{"resourceType":"Patient","contact":[{"name":{"CANARY_DEEP":"x"}}]}"#,
    #"{"resourceType":"Observation","status":"final","valueCANARY":1}"#,
    #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","CANARY_NESTED":1}}]}"#,
    #"{"resourceType":"Patient","contained":[{"resourceType":"CANARY_TYPE"}]}"#,
    #"{"resourceType":"CANARY_TYPE","id":"CANARY_ID"}"#,
    #"{"CANARY_ONLY":"CANARY_VALUE"}"#,
    #"{"resourceType":"Patient","birthDate":{"CANARY_K":"CANARY_V"}}"#,
    #"{"resourceType":"Patient","name":"CANARY_NAME"}"#,
    #"{"resourceType":"Patient","CANARY_DUP":1,"CANARY_DUP":2}"#,
    #"{"resourceType":"Patient","id":"CANARY_ID",}"#,
    #"["CANARY_ARRAY"]"#,
  ]

  /// Whether `text` holds a canary, plain or as it is escaped in the input.
  static func leaks(_ text: String) -> Bool {
    text.contains("CANARY") || text.contains("0043ANARY") || text.contains("日本")
  }

  static let configs: [[String]] = [
    ["--preset", "safe-harbor"], ["--preset", "keep-all"],
  ]

  @Test(
    "#8: with --invalid-input skip, no warning and no report names a canary key", arguments: configs
  )
  func skip(_ config: [String]) throws {
    let input = Self.lines.joined(separator: "\n") + "\n"
    let r = try FhirDeidBinary.run(
      config + ["--invalid-input", "skip", "--stats", "-", "-j", "2"], stdin: Data(input.utf8),
      environment: TestKeys.environment)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!Self.leaks(r.stderr), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    // One warning per line, each naming its line.
    for number in 1...Self.lines.count {
      #expect(r.stderr.contains("warning: skipped -:\(number):"), "line \(number)")
    }
    // Unknown members are reported at their parent element, with the key's column.
    #expect(r.stderr.contains("-:2:37: a member that FHIR R4 does not define in its parent"))
    #expect(r.stderr.contains("(Patient Patient.name[0])"))
    #expect(r.stderr.contains("(Patient Patient.name[1])"))
    #expect(r.stderr.contains("(Patient Patient.birthDate)"))
    #expect(r.stderr.contains("(Patient Patient.contact[0].name)"))
    #expect(r.stderr.contains("(Bundle Bundle.entry[0].resource)"))
  }

  @Test("#8: with --invalid-input fail, the error never names a canary key", arguments: configs)
  func fail(_ config: [String]) throws {
    for (number, line) in Self.lines.enumerated() {
      let input = #"{"resourceType":"Patient","id":"ok"}"# + "\n" + line + "\n"
      let r = try FhirDeidBinary.run(
        config + ["--stats", "-"], stdin: Data(input.utf8), environment: TestKeys.environment)
      #expect(r.status == 65, "line \(number + 1): \(r.stderr)")
      #expect(r.stderr.contains("error: -:2"), "line \(number + 1): \(r.stderr)")
      #expect(!Self.leaks(r.stderr), "line \(number + 1): \(r.stderr)")
    }
  }

  @Test("#8: select never names a canary key, under fail and skip")
  func select() throws {
    let input = Self.lines.joined(separator: "\n") + "\n"
    let skip = try FhirDeidBinary.run(
      ["select", "--invalid-input", "skip", "descendants()"], stdin: Data(input.utf8))
    #expect(skip.status == 0, "\(skip.stderr)")
    #expect(!Self.leaks(skip.stderr), "\(skip.stderr)")
    #expect(skip.stderr.contains("warning: skipped -:2:"))
    for line in Self.lines {
      let r = try FhirDeidBinary.run(["select", "id"], stdin: Data((line + "\n").utf8))
      #expect(r.status == 65)
      #expect(!Self.leaks(r.stderr), "\(r.stderr)")
    }
  }
}
