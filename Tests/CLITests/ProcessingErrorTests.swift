import DeidTestSupport
import Foundation
import Testing

/// `processingErrors` (spec §6) with the methods that raise them: a failing generalize case is
/// skippable, generalize on a complex element is not.
@Suite(.timeLimit(.minutes(3))) struct ProcessingErrorTests {
  static let ok = #"{"resourceType":"Patient","id":"p1","name":[{"family":"Ok"}]}"#
  /// `given` compared with a number: a processing error in the generalize case.
  static let failing =
    #"{"resourceType":"Patient","id":"CANARY-id","name":[{"family":"CANARY-Fam","given":["CANARY-given"]}]}"#
  static let emptyPatient =
    #"{"resourceType":"Patient","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"REDACTED","display":"redacted"}]}}"#

  func run(_ rule: String, _ arguments: [String]) throws -> CommandResult {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/config.json"
    try Data(#"{"fhirVersion":"R4","fhirPathRules":[\#(rule)]}"#.utf8)
      .write(to: URL(fileURLWithPath: config))
    let input = [Self.ok, Self.failing, Self.ok].joined(separator: "\n") + "\n"
    return try FhirDeidBinary.run(["-c", config, "-q"] + arguments, stdin: Data(input.utf8))
  }

  static let caseError =
    #"{"path":"Patient.name.given","method":"generalize","cases":{"$this>=0 and $this<20":"'x'"}}"#

  @Test("skip: a failing generalize case empties the resource, and the run goes on")
  func skipWritesTheEmptyResource() throws {
    let r = try run(Self.caseError, ["--processing-errors", "skip"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdoutText == [Self.ok, Self.emptyPatient, Self.ok].joined(separator: "\n") + "\n")
    #expect(!r.stderr.contains("CANARY"))
  }

  @Test("raise: the same error stops the run with exit 1, naming line, path and rule")
  func raiseStops() throws {
    let r = try run(Self.caseError, [])
    #expect(r.status == 1)
    #expect(r.stdoutText == Self.ok + "\n")
    #expect(r.stderr.contains("-:2"))
    #expect(r.stderr.contains("Patient.name[0].given[0]"))
    #expect(r.stderr.contains("[rule 0]"))
    #expect(!r.stderr.contains("CANARY"))
  }

  @Test("generalize on a complex element is not skippable (spec §4.8)")
  func complexNodeIsNotSkipped() throws {
    let r = try run(
      #"{"path":"Patient.name","method":"generalize","cases":{"true":"'x'"}}"#,
      ["--processing-errors", "skip"])
    #expect(r.status == 1)
    #expect(r.stdoutText.isEmpty)
    #expect(!r.stderr.contains("CANARY"))
  }
}
