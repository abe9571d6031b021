import DeidTestSupport
import Foundation
import Testing

/// #9 item 3: the built binary, both Safe Harbor presets, on hand-made hostile resources with a
/// canary in elements that no rule names (`Tests/FHIRDeidTests/Fixtures/hostile`): none
/// survives, the allow-listed values do, absolute references come out relative.
@Suite(.timeLimit(.minutes(3)))
struct DefaultDenyCLITests {
  static let input = Shared.packageRoot + "/Tests/FHIRDeidTests/Fixtures/hostile/input.ndjson"
  /// Keys of 32 bytes (runs need keys of at least 16 bytes).
  static let keys =
    #"{"cryptoHashKey":"hostile-hash-key-0123456789abcdef","dateShiftKey":"hostile-shift-key-0123456789abcd"}"#

  @Test(
    "#9: no canary of the hostile resources survives a Safe Harbor preset",
    arguments: [
      ["--preset", "safe-harbor"], ["--preset", "safe-harbor-patient-shift"],
      ["--preset", "safe-harbor", "-j", "2"],
    ])
  func hostileResources(_ preset: [String]) throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(Self.keys.utf8).write(to: URL(fileURLWithPath: dir + "/keys.json"))
    let r = try FhirDeidBinary.run(
      preset + ["--keys", dir + "/keys.json", "-q", "--today", "2026-11-29", Self.input])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdoutText.split(separator: "\n")
    let inputLines = try String(contentsOfFile: Self.input, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == inputLines.count)
    for (i, line) in lines.enumerated() {
      #expect(!line.contains("CANARY"), "line \(i + 1): \(line)")
      #expect(!line.contains("example.org"), "line \(i + 1): \(line)")
    }
    #expect(!r.stderr.contains("CANARY"))
    for kept in [
      #""unit":"mL""#, #""system":"http://loinc.org""#, #""state":"MA""#, #""country":"US""#,
      #""system":"http://hl7.org/fhir/sid/us-ssn""#, #""name":"General Hospital""#,
    ] {
      #expect(r.stdoutText.contains(kept), "\(kept) was removed")
    }
    #expect(r.stdoutText.contains(#""reference":"Patient/"#))
  }
}
