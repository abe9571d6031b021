import DeidTestSupport
import Foundation
import Testing

/// #8 at the command line: values that do not parse as their R4 type stop the run (65) or are
/// skipped, and comments never reach the output; both for the default preset and a keep-all run.
@Suite struct TypedInputTests {
  static let good = #"{"resourceType":"Patient","id":"p1","gender":"female"}"#
  static let bad = #"{"resourceType":"Patient","id":"p2","active":"CANARY John Smith"}"#
  static let commented =
    #"{"resourceType":"Patient","id":"p3","fhir_comments":["CANARY comment"],"name":[{"fhir_comments":"CANARY","family":"F"}]}"#

  static let keys = [
    "FHIR_DEID_CRYPTO_HASH_KEY": "typed-input-test-hash-key-0123456789",
    "FHIR_DEID_DATE_SHIFT_KEY": "typed-input-test-date-key-0123456789",
    "FHIR_DEID_ENCRYPT_KEY": "0123456789abcdef",
  ]
  static let runs: [[String]] = [["--preset", "keep-all"], ["--preset", "safe-harbor"]]

  @Test(
    "#8: text in a boolean is invalid input: 65, earlier lines written, value not echoed",
    arguments: runs)
  func textInBooleanFails(_ options: [String]) throws {
    let input = Self.good + "\n" + Self.bad + "\n" + Self.good + "\n"
    let r = try FhirDeidBinary.run(
      options + ["--today", "2026-11-29"], stdin: Data(input.utf8),
      environment: Self.keys)
    #expect(r.status == 65)
    #expect(r.stdoutText.split(separator: "\n").count == 1)
    #expect(r.stderr.contains("-:2:"))
    #expect(r.stderr.contains("Patient.active"))
    #expect(!r.stderr.contains("CANARY") && !r.stdoutText.contains("CANARY"))
  }

  @Test(
    "#8: with --invalid-input skip the line is dropped, counted, and the run goes on",
    arguments: runs)
  func textInBooleanSkipped(_ options: [String]) throws {
    let input = Self.good + "\n" + Self.bad + "\n" + Self.commented + "\n"
    let r = try FhirDeidBinary.run(
      options + ["--today", "2026-11-29", "--invalid-input", "skip", "--stats", "-"],
      stdin: Data(input.utf8), environment: Self.keys)
    #expect(r.status == 0)
    #expect(r.stdoutText.split(separator: "\n").count == 2)
    #expect(!r.stdoutText.contains("CANARY") && !r.stdoutText.contains("fhir_comments"))
    #expect(!r.stderr.contains("CANARY"))
    #expect(r.stderr.contains(#""invalidInput":1"#))
    #expect(r.stderr.contains(#""fhirComments":2"#))
  }
}
