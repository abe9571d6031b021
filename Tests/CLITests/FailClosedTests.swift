import DeidTestSupport
import Foundation
import Testing

/// #8 "fail closed, proven": a method that fails never lets its resource through, and no error
/// path prints a value or a key of the input.
@Suite struct FailClosedTests {
  static let keys = [
    "FHIR_DEID_CRYPTO_HASH_KEY": "fail-closed-test-hash-key-0123456789",
    "FHIR_DEID_DATE_SHIFT_KEY": "fail-closed-test-date-key-0123456789",
    "FHIR_DEID_ENCRYPT_KEY": "0123456789abcdef",
  ]

  static let patient =
    #"{"resourceType":"Patient","id":"CANARYid","name":[{"family":"CANARYfamily","given":["CANARYgiven"]}],"birthDate":"1990-01-01","multipleBirthInteger":3,"telecom":[{"system":"phone","value":"CANARYphone"}]}"#
  static let other = #"{"resourceType":"Basic","id":"b1"}"#

  /// One rule per method, each selecting a node of `patient`.
  static let rules: [(String, String)] = [
    ("keep", #"{"path":"Patient.name","method":"keep"}"#),
    ("redact", #"{"path":"Patient.name.family","method":"redact"}"#),
    ("dateShift", #"{"path":"Patient.birthDate","method":"dateShift"}"#),
    ("cryptoHash", #"{"path":"Patient.id","method":"cryptoHash"}"#),
    ("encrypt", #"{"path":"Patient.name.family","method":"encrypt"}"#),
    ("substitute", #"{"path":"Patient.name.family","method":"substitute","replaceWith":"X"}"#),
    ("perturb", #"{"path":"Patient.multipleBirth","method":"perturb","span":2}"#),
    (
      "generalize",
      #"{"path":"Patient.multipleBirth","method":"generalize","cases":{"$this >= 0":"0"}}"#
    ),
  ]

  func run(_ method: String, rule: String, mode: String) throws -> CommandResult {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/config.json"
    try Data(#"{"fhirVersion":"R4","fhirPathRules":[\#(rule)]}"#.utf8)
      .write(to: URL(fileURLWithPath: config))
    var environment = Self.keys
    environment["FHIR_DEID_TEST_FAULT"] = method
    let input = Self.other + "\n" + Self.patient + "\n" + Self.other + "\n"
    return try FhirDeidBinary.run(
      ["-c", config, "--processing-errors", mode, "--stats", "-", "-j", "2"],
      stdin: Data(input.utf8), environment: environment)
  }

  @Test(
    "#8: a failure injected into each method never lets the resource through (raise)",
    .timeLimit(.minutes(3)), arguments: rules)
  func raise(_ method: String, _ rule: String) throws {
    let r = try run(method, rule: rule, mode: "raise")
    #expect(r.status == 1, "\(method)")
    #expect(r.stdoutText == Self.other + "\n", "\(method)")
    #expect(!r.stderr.contains("CANARY"), "\(method)")
    #expect(r.stderr.contains("-:2"), "\(method)")
  }

  @Test(
    "#8: a failure injected into each method empties the resource under skip",
    .timeLimit(.minutes(3)), arguments: rules)
  func skip(_ method: String, _ rule: String) throws {
    let r = try run(method, rule: rule, mode: "skip")
    #expect(r.status == 0, "\(method)")
    let lines = r.stdoutText.split(separator: "\n")
    #expect(lines.count == 3, "\(method)")
    #expect(!r.stdoutText.contains("CANARY") && !r.stderr.contains("CANARY"), "\(method)")
    #expect(lines.count > 1 && lines[1].hasPrefix(#"{"resourceType":"Patient","meta""#))
    #expect(r.stderr.contains(#""processing":1"#), "\(method)")
  }

  /// Lines that reach every error path, with a marker in string, key and number positions.
  static let hostile: [String] = [
    #"{"resourceType":"Patient","id":"CANARY1","name":[{"family":"CANARY2"}],"#,
    #"{"resourceType":"Patient","id":"CANARY1",}"#,
    #"{"resourceType":"Patient","id":"CANARY1" "x":1}"#,
    #"{"resourceType":"Patient","id":"CANARY1\q"}"#,
    #"{"resourceType":"Patient","id":"CANARY1","CANARYkey":"CANARY2"}"#,
    #"{"resourceType":"Patient","name":[{"CANARYkey":"CANARY2"}]}"#,
    #"{"resourceType":"Patient","name":[{"CANARY\u006bey":1}]}"#,
    #"{"resourceType":"Patient","_CANARYkey":{"id":"CANARY2"}}"#,
    #"{"resourceType":"Patient","active":"CANARY2"}"#,
    #"{"resourceType":"Patient","multipleBirthInteger":98765432109876543210}"#,
    #"{"resourceType":"Patient","birthDate":{"CANARYkey":"CANARY2"}}"#,
    #"{"resourceType":"Patient","name":"CANARY2"}"#,
    #"{"resourceType":"CANARYType","id":"CANARY1"}"#,
    #"{"resourceType":"Patient","contained":[{"id":"CANARY1"}]}"#,
    #"{"resourceType":"Patient","contained":[{"resourceType":"CANARYType"}]}"#,
    #"["CANARY1"]"#,
    #"{"resourceType":"Patient","id":"CANARY1","name":[{"family":"CANARY2"}]"#,
    #"{"resourceType":"Patient","extension":[{"url":"CANARY1","valueDecimal":1e999}]}"#,
    #"{"resourceType":"Patient","id":"CANARY1","deceasedCANARY":true}"#,
    #"{"resourceType":"Patient","id":"CANARY1","name":[{"family":"CANARY2"}]}"#,
  ]

  @Test(
    "#8: no error path prints a marker from the input (stderr and the run report)",
    .timeLimit(.minutes(2)), arguments: ["fail", "skip"], [nil, "redact", "substitute"])
  func canaries(_ invalidInput: String, _ fault: String?) throws {
    for line in Self.hostile {
      var environment = Self.keys
      if let fault { environment["FHIR_DEID_TEST_FAULT"] = fault }
      let r = try FhirDeidBinary.run(
        [
          "--preset", "safe-harbor", "--invalid-input", invalidInput, "--processing-errors",
          "skip", "--stats", "-", "--today", "2026-11-29",
        ], stdin: Data((line + "\n").utf8), environment: environment)
      #expect(!r.stderr.contains("CANARY"), "\(line): \(r.stderr)")
      #expect(!r.stderr.contains("98765"), "\(line)")
      #expect(!r.stdoutText.contains("CANARY"), "\(line)")
    }
  }
}
