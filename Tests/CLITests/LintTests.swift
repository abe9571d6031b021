import DeidTestSupport
import Foundation
import Testing

/// #11: `fhir-deid lint`, and the load-time checks as the command line shows them.
@Suite(.timeLimit(.minutes(2)))
struct LintTests {
  static func write(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "lint-\(UUID().uuidString).json"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let typo = #"""
    {"fhirVersion": "R4", "fhirPathRules": [{"path": "Patient.nmae", "method": "redact"}]}
    """#

  @Test("#11: a run with Patient.nmae exits 78 naming the rule, the column and 'name'")
  func runRefusesATypo() throws {
    let config = try Self.write(Self.typo)
    let r = try FhirDeidBinary.run(
      ["-c", config, "--random-keys"],
      stdin: Data(#"{"resourceType":"Patient","name":[{"family":"CANARY"}]}"#.utf8))
    #expect(r.status == 78)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("fhirPathRules[0].path, column 9"), "\(r.stderr)")
    #expect(r.stderr.contains("did you mean 'name'?"))
    #expect(!r.stderr.contains("CANARY"))
    // --lenient-paths: a warning, and the run goes on.
    let lenient = try FhirDeidBinary.run(
      ["-c", config, "--random-keys", "--lenient-paths"],
      stdin: Data(#"{"resourceType":"Patient","name":[{"family":"X"}]}"#.utf8))
    #expect(lenient.status == 0, "\(lenient.stderr)")
    #expect(lenient.stderr.contains("warning:") && lenient.stderr.contains("'nmae'"))
  }

  @Test("#11: select checks its expression against R4 like a configuration")
  func selectChecksItsExpression() throws {
    let input = Data(#"{"resourceType":"Patient","name":[{"family":"F"}]}"#.utf8)
    let typo = try FhirDeidBinary.run(["select", "Patient.nmae"], stdin: input)
    #expect(typo.status == 78)
    #expect(typo.stderr.contains("EXPR, column 9: 'nmae' is not an element of Patient"))
    #expect(typo.stderr.contains("did you mean 'name'?"))
    let lenient = try FhirDeidBinary.run(
      ["select", "--lenient-paths", "Patient.nmae"], stdin: input)
    #expect(lenient.status == 0)
    let good = try FhirDeidBinary.run(["select", "Patient.name.family"], stdin: input)
    #expect(good.status == 0 && good.stdoutText.contains("Patient.name[0].family"))
  }

  @Test("#11: lint exits 78 for errors, 0 for warnings alone; --format json")
  func exitStatusAndJSON() throws {
    let bad = try FhirDeidBinary.run(["lint", "-c", try Self.write(Self.typo)])
    #expect(bad.status == 78)
    #expect(bad.stdoutText.contains("error: fhirPathRules[0].path, column 9"))
    let warnOnly = try FhirDeidBinary.run([
      "lint", "-c",
      try Self.write(#"{"fhirVersion":"R4","fhirPathRules":[],"parameters":{"dateShiftKye":"x"}}"#),
    ])
    #expect(warnOnly.status == 0, "\(warnOnly.stdoutText)")
    #expect(warnOnly.stdoutText.contains("did you mean 'dateShiftKey'?"))
    let strict = try FhirDeidBinary.run([
      "lint", "--strict", "-c",
      try Self.write(#"{"fhirVersion":"R4","fhirPathRules":[],"parameters":{"dateShiftKye":"x"}}"#),
    ])
    #expect(strict.status == 78)
    let json = try FhirDeidBinary.run(["lint", "--format", "json", "-c", try Self.write(Self.typo)])
    #expect(json.status == 78)
    let object = try #require(
      try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(object["errors"] as? Int == 1)
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.first?["code"] as? String == "unknownElement")
    #expect(findings.first?["suggestion"] as? String == "name")
    #expect(findings.first?["rule"] as? Int == 0)
  }

  @Test(
    "#11: every built-in preset lints clean",
    arguments: ["safe-harbor", "safe-harbor-patient-shift", "keep-all"])
  func presets(_ name: String) throws {
    let r = try FhirDeidBinary.run(["lint", "--preset", name])
    #expect(r.status == 0)
    #expect(r.stdoutText.hasSuffix("0 errors, 0 warnings\n"), "\(r.stdoutText)")
  }

  @Test(
    "#11: Microsoft's sample: lint reports notAvaliable with notAvailable; it loads only with --lenient-paths",
    .enabled(if: Shared.isAvailable))
  func microsoftSample() throws {
    let sample = Shared.path + "/configs/ms-safe-harbor-r4.json"
    let lint = try FhirDeidBinary.run(["lint", "-c", sample])
    #expect(lint.status == 78)
    #expect(
      lint.stdoutText.contains(
        "'notAvaliable' is not an element of HealthcareService; did you mean 'notAvailable'?"),
      "\(lint.stdoutText)")
    let lenient = try FhirDeidBinary.run(["lint", "-c", sample, "--lenient-paths"])
    #expect(lenient.status == 0, "\(lenient.stdoutText)")
    #expect(lenient.stdoutText.contains("warning: fhirPathRules[22].path"))
  }
}
