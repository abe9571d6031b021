import DeidTestSupport
import Foundation
import Testing

/// #11: `fhir-deid explain`, and the per-rule time of the run report.
@Suite(.timeLimit(.minutes(5)))
struct ExplainTests {
  static let example = Shared.packageRoot + "/examples/explain"

  @Test("#11: explain counts per rule, lists idle rules and untouched paths, never a value")
  func text() throws {
    let r = try FhirDeidBinary.run(
      ["explain", "-c", Self.example + "/config.json", "-q", Self.example + "/input.ndjson"])
    #expect(r.status == 0, "\(r.stderr)")
    let out = r.stdoutText
    #expect(out.contains("on 3 resources"))
    #expect(out.contains("0 redact nodesByType('HumanName'): 1 resources, 1 selected, 3 changed"))
    #expect(out.contains("4 cryptoHash Resource.id: 3 resources, 3 selected, 3 changed"))
    #expect(out.contains("rules that matched nothing on this data (1):\n  7 redact"))
    #expect(out.contains("1\tPatient.gender\n"))
    #expect(out.contains("1\tPatient.meta.lastUpdated\n"))
    #expect(!out.contains("Patient.name"), "a redacted path is not untouched")
    #expect(!out.contains("CANARY") && !r.stderr.contains("CANARY"))
    // Nothing of the data is written.
    #expect(!out.contains("resourceType"))
  }

  @Test("#11: explain --format json")
  func json() throws {
    let r = try FhirDeidBinary.run([
      "explain", "--format", "json", "-c", Self.example + "/config.json", "-q",
      Self.example + "/input.ndjson",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    #expect(object["resources"] as? Int == 3)
    let rules = try #require(object["rules"] as? [[String: Any]])
    #expect(rules.count == 8)
    #expect(rules[4]["nodes"] as? Int == 3)
    let shares = rules.compactMap { $0["timeShare"] as? Double }
    #expect(shares.count == 8)
    #expect(shares.reduce(0, +) > 0.99 && shares.reduce(0, +) < 1.01)
    #expect(object["unmatchedRules"] as? [Int] == [7])
    let untouched = try #require(object["untouched"] as? [[String: Any]])
    #expect(untouched.contains { $0["path"] as? String == "Patient.birthDate" })
  }

  @Test("#11: the run report gives each rule's time")
  func statsGiveRuleSeconds() throws {
    let dir = try TempDir.make("fhir-deid-explain")
    let stats = dir + "/stats.json"
    var lines = ""
    let input = try String(contentsOfFile: Self.example + "/input.ndjson", encoding: .utf8)
    for _ in 0..<200 { lines += input }
    let r = try FhirDeidBinary.run(
      ["-c", Self.example + "/config.json", "--random-keys", "-q", "--stats", stats],
      stdin: Data(lines.utf8))
    #expect(r.status == 0, "\(r.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stats)))
        as? [String: Any])
    let rules = try #require(report["rules"] as? [[String: Any]])
    let seconds = rules.compactMap { $0["seconds"] as? Double }
    #expect(seconds.count == rules.count)
    #expect(seconds.reduce(0, +) > 0)
  }

  @Test(
    "#11: explain on the Synthea corpus with Microsoft's sample lists untouched paths and per-rule cost",
    .enabled(if: Shared.isAvailable))
  func microsoftSampleOnSynthea() throws {
    let dir = try TempDir.make("fhir-deid-explain-synthea")
    let corpus = dir + "/all.ndjson"
    let made = try FhirDeidBinary.shell(
      "\(Shared.path)/tools/make-corpus --copies 1 --seed 7 --single \(corpus) -q")
    #expect(made.status == 0)
    let r = try FhirDeidBinary.run([
      "explain", "-c", Shared.path + "/configs/ms-safe-harbor-r4.json", "--lenient-paths", "-q",
      "--today", "2026-11-29", "--format", "json", corpus,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    let untouched = try #require(object["untouched"] as? [[String: Any]])
    #expect(untouched.count > 10)
    #expect(untouched.contains { $0["path"] as? String == "Patient.gender" })
    let rules = try #require(object["rules"] as? [[String: Any]])
    #expect(rules.contains { ($0["timeShare"] as? Double ?? 0) > 0 })
    #expect(
      (object["unmatchedRules"] as? [Int])?.contains(22) == true, "notAvaliable matches nothing")
  }
}
