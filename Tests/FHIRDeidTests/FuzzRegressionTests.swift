import ByteJSON
import FHIRDeid
import Foundation
import Testing

/// Inputs that Tests/Fuzz/run found breaking a property of the engine, kept as tests (issue 8).
///
/// The engine's output must be one line of valid JSON (no duplicate keys: fhir-deid's own
/// scanner rejects them).
@Suite("Fuzz regressions (engine)")
struct FuzzRegressionTests {
  static let redactGender = config([#"{"path":"Patient.gender","method":"redact"}"#])

  /// engine-all-methods target: security labels added to an empty `meta.security` array were
  /// written after a comma (`"security":[,{…}]`), and the run exited 0. The single-object and
  /// null forms gave a second `security` member.
  @Test(
    "#8: security labels added to an empty, null or single-object meta.security give valid JSON",
    arguments: [
      #"{"resourceType":"Patient","gender":"male","meta":{"security":[]}}"#,
      #"{"resourceType":"Patient","gender":"male","meta":{"security":[ ],"tag":[]}}"#,
      #"{"resourceType":"Patient","gender":"male","meta":{"security":null}}"#,
      #"{"resourceType":"Patient","gender":"male","meta":{"security":{"code":"X"}}}"#,
    ])
  func labelsOnEmptySecurity(_ line: String) throws {
    let harness = try EngineHarness(Self.redactGender)
    let output = try harness.run(line).get()
    try expectValidJSON(output)
    #expect(output.components(separatedBy: #""security""#).count == 2)
  }

  /// The same in a nested resource (the crasher had `"security":[]` and many rules).
  @Test("#8: security labels added to a nested resource's empty meta.security give valid JSON")
  func labelsOnNestedEmptySecurity() throws {
    let line =
      #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","#
      + #""gender":"male","meta":{"security":[]}}}]}"#
    let harness = try EngineHarness(config([#"{"path":"nodesByType('code')","method":"redact"}"#]))
    let output = try harness.run(line).get()
    try expectValidJSON(output)
  }

  func expectValidJSON(_ text: String) throws {
    let bytes = Array(text.utf8)
    var tape = Tape()
    try bytes.withUnsafeBytes { raw in try JSONScanner().scan(raw, into: &tape) }
  }
}
