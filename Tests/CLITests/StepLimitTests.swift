import DeidTestSupport
import Foundation
import Testing

/// #8 item 6: `--max-fhirpath-steps`, the per-line FHIRPath work limit of `run` and `select`.
/// A rule that turns quadratic on a hostile resource stops fast with a processing error that
/// names the rule, under `raise` and `skip`; ordinary resources are not affected.
@Suite struct StepLimitTests {
  /// A Patient with `count` identifiers whose values carry `CANARY` (never allowed on stderr).
  static func manyIdentifiers(_ count: Int) -> String {
    let identifiers = (0..<count).map { #"{"system":"urn:s","value":"CANARY-\#($0)"}"# }
    return #"{"resourceType":"Patient","id":"CANARY-id","identifier":["#
      + identifiers.joined(separator: ",") + "]}"
  }

  static let ok = #"{"resourceType":"Patient","id":"p1","identifier":[{"value":"x"}]}"#
  static let hostile = manyIdentifiers(20_000)
  static let input = [ok, hostile, ok].joined(separator: "\n") + "\n"
  static let quadratic =
    "Patient.identifier.where(%resource.identifier.where(value = 'x').exists())"
  /// A rule whose path is quadratic in the number of identifiers.
  static let config =
    #"{"fhirVersion":"R4","fhirPathRules":[{"path":"Resource.id","method":"keep"},"#
    + #"{"path":"\#(quadratic)","method":"redact"}]}"#
  static let emptyPatient =
    #"{"resourceType":"Patient","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"REDACTED","display":"redacted"}]}}"#

  func run(_ arguments: [String], input: String = StepLimitTests.input) throws -> (
    CommandResult, Duration
  ) {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/config.json"
    try Data(Self.config.utf8).write(to: URL(fileURLWithPath: config))
    let clock = ContinuousClock()
    let started = clock.now
    let r = try FhirDeidBinary.run(["-c", config, "-j", "1"] + arguments, stdin: Data(input.utf8))
    #expect(!r.stderr.contains("CANARY"), "stderr leaked a value: \(r.stderr)")
    return (r, clock.now - started)
  }

  /// The output of the ok line under this configuration: its only identifier is redacted (and
  /// pruned).
  static let okOutput =
    #"{"resourceType":"Patient","id":"p1","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"REDACTED","display":"redacted"}]}}"#

  @Test("#8: raise stops at the quadratic line with exit 1, naming line, rule and path, fast")
  func raise() throws {
    let (r, elapsed) = try run(["--max-fhirpath-steps", "1000000"])
    #expect(r.status == 1)
    #expect(r.stdoutText.hasPrefix(#"{"resourceType":"Patient","id":"p1""#))
    #expect(r.stdoutText.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("fhir-deid: error: -:2: FHIRPath step limit reached"))
    #expect(r.stderr.contains("more than 1000000 steps"))
    #expect(r.stderr.contains("[rule 1]"))
    #expect(r.stderr.contains(Self.quadratic))
    // 400 million inner iterations without the limit (minutes); stopped after 1 million steps.
    #expect(elapsed < .seconds(20), "took \(elapsed)")
  }

  @Test("#8: skip empties the quadratic line and goes on")
  func skip() throws {
    let (r, _) = try run([
      "--max-fhirpath-steps", "1000000", "--processing-errors", "skip", "--stats", "-",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdoutText == [Self.okOutput, Self.emptyPatient, Self.okOutput].joined(separator: "\n")
        + "\n")
    #expect(r.stderr.contains("warning: emptied -:2: FHIRPath step limit reached"))
    #expect(r.stderr.contains("[rule 1]"))
    #expect(r.stderr.contains(#""processing":1"#))
  }

  @Test("#8: ordinary lines are unaffected, and the report shows the limit and the most used")
  func ordinaryLines() throws {
    let input = [Self.ok, Self.manyIdentifiers(3), Self.ok].joined(separator: "\n") + "\n"
    let (r, _) = try run(["--stats", "-"], input: input)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdoutText.split(separator: "\n").count == 3)
    #expect(r.stderr.contains(#""fhirPath":{"stepLimit":100000000,"maxStepsPerLine":"#))
    // The same lines with a limit just large enough pass too: the limit is per line.
    let (tight, _) = try run(["--max-fhirpath-steps", "200"], input: input)
    #expect(tight.status == 0, "\(tight.stderr)")
    #expect(tight.stdout == r.stdout)
  }

  @Test("#8: --max-fhirpath-steps must be positive")
  func validation() throws {
    let (r, _) = try run(["--max-fhirpath-steps", "0"])
    #expect(r.status == 64)
    let s = try FhirDeidBinary.run(["select", "--max-fhirpath-steps", "-5", "id"])
    #expect(s.status == 64)
  }

  @Test("#8: select stops at the quadratic line with exit 1, naming the line")
  func select() throws {
    let r = try FhirDeidBinary.run(
      ["select", "-j", "1", "--max-fhirpath-steps", "1000000", Self.quadratic],
      stdin: Data(Self.input.utf8))
    #expect(r.status == 1)
    #expect(r.stdoutText == "-:1\tPatient.identifier[0]\tIdentifier\n")
    #expect(r.stderr.contains("fhir-deid: error: -:2: the expression needs more than 1000000"))
    #expect(!r.stderr.contains("CANARY"))
    let ok = try FhirDeidBinary.run(
      ["select", "-q", "--max-fhirpath-steps", "1000", "identifier.value"],
      stdin: Data((Self.ok + "\n").utf8))
    #expect(ok.status == 0)
    #expect(ok.stdoutText == "-:1\tPatient.identifier[0].value\tstring\n")
  }
}
