import DeidTestSupport
import Foundation
import Testing

/// `fhir-deid audit` end to end: exit status 0 vs 2, `--format json`, values only with
/// `--show-values`, no value in any message, and the Synthea corpus through the default preset
/// (clean) and `keep-all` (everything found).
@Suite(.timeLimit(.minutes(10))) struct AuditCLITests {
  static let keys = [
    "FHIR_DEID_CRYPTO_HASH_KEY": "audit-test-hash-key-0123456789",
    "FHIR_DEID_DATE_SHIFT_KEY": "audit-test-shift-key-0123456789",
    "FHIR_DEID_ENCRYPT_KEY": "0123456789abcdef0123456789abcdef",
  ]

  /// Resources whose identifying values all contain `CANARY` (never allowed in stderr, nor in
  /// stdout without --show-values).
  static let leaky =
    [
      #"{"resourceType":"Patient","id":"CANARYid1","name":[{"family":"CANARYFamily","given":["CANARYGiven"]}],"birthDate":"1950-03-04","address":[{"postalCode":"98004","city":"CANARYCity"}],"telecom":[{"value":"555-829-2838"}],"text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">CANARYText mail CANARY@example.org</div>"}}"#,
      #"{"resourceType":"Observation","id":"CANARYid2","status":"final","code":{"text":"CANARY code"},"subject":{"reference":"Patient/CANARYid1"}}"#,
    ].joined(separator: "\n") + "\n"

  static let clean =
    #"{"resourceType":"Patient","id":"0f3a","gender":"female","birthDate":"1950","address":[{"postalCode":"98000","state":"WA"}]}"#
    + "\n"

  func audit(_ arguments: [String], stdin: String) throws -> CommandResult {
    let r = try FhirDeidBinary.run(
      ["audit", "--today", "2026-11-29"] + arguments, stdin: Data(stdin.utf8))
    #expect(!r.stderr.contains("CANARY"), "stderr leaked a value: \(r.stderr)")
    return r
  }

  @Test func exitStatusIsZeroWhenCleanAndTwoWithFindings() throws {
    let clean = try audit([], stdin: Self.clean)
    #expect(clean.status == 0, "\(clean.stdoutText) \(clean.stderr)")
    #expect(clean.stdoutText.contains("result: clean"))
    let found = try audit([], stdin: Self.leaky)
    #expect(found.status == 2)
    #expect(found.stdoutText.contains("Patient.address.postalCode"))
    let bad = try audit([], stdin: "{\"resourceType\":\"Nope\"}\n")
    #expect(bad.status == 65)
    let usage = try audit(["--quasi-identifiers", "shoeSize", "--k-anonymity"], stdin: "")
    #expect(usage.status == 64)
    let missing = try audit(["/nonexistent/missing.ndjson"], stdin: "")
    #expect(missing.status == 66)
    let config = try audit(["--original", "-", "-c", "/nonexistent.json", "/dev/null"], stdin: "")
    #expect(config.status == 66)
  }

  @Test func valuesOnlyWithShowValues() throws {
    let plain = try audit(["--k-anonymity"], stdin: Self.leaky)
    #expect(plain.status == 2)
    #expect(!plain.stdoutText.contains("CANARY"), "stdout leaked a value: \(plain.stdoutText)")
    let json = try audit(["--format", "json"], stdin: Self.leaky)
    #expect(!json.stdoutText.contains("CANARY"))
    let shown = try audit(["--show-values"], stdin: Self.leaky)
    #expect(shown.stdoutText.contains("CANARYCity"))
  }

  @Test func originalValuesNeverPrintedWithoutShowValues() throws {
    let dir = try TempDir.make("fhir-deid-audit-canary")
    let input = dir + "/in.ndjson"
    try Self.leaky.write(toFile: input, atomically: true, encoding: .utf8)
    let r = try FhirDeidBinary.run(
      ["audit", "--today", "2026-11-29", "--original", input, "--preset", "keep-all", "-"],
      stdin: Data(Self.leaky.utf8))
    #expect(r.status == 2)
    #expect(!r.stderr.contains("CANARY"))
    #expect(!r.stdoutText.contains("CANARY"), "stdout leaked a value: \(r.stdoutText)")
    #expect(r.stdoutText.contains("names"))
  }

  @Test func jsonReportParses() throws {
    let r = try audit(["--format", "json", "--k-anonymity", "--k", "2"], stdin: Self.leaky)
    #expect(r.status == 2)
    let object = try #require(
      try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    #expect(object["command"] as? String == "audit")
    #expect(object["resources"] as? Int == 2)
    #expect(object["clean"] as? Bool == false)
    let findings = try #require(object["findings"] as? [[String: Any]])
    let checks = Set(findings.compactMap { $0["check"] as? String })
    for check in ["date-finer-than-year", "zip-code", "phone", "email", "free-text"] {
      #expect(checks.contains(check), "\(checks)")
    }
    #expect(findings.allSatisfy { $0["values"] == nil })
    let k = try #require(object["kAnonymity"] as? [String: Any])
    #expect(k["patients"] as? Int == 1)
    #expect(k["smallestK"] as? Int == 1)
    #expect(k["patientsBelowK"] as? Int == 1)
    let clean = try audit(["--format", "json"], stdin: Self.clean)
    #expect(clean.status == 0)
    let cleanObject = try #require(
      try JSONSerialization.jsonObject(with: clean.stdout) as? [String: Any])
    #expect(cleanObject["clean"] as? Bool == true)
  }

  // MARK: The hand-made hostile resources

  /// The default-deny fixtures (`Tests/FHIRDeidTests/Fixtures/hostile`): identifiers and free
  /// text in unusual places, contained resources, Bundle entries, Parameters.
  static let hostile = Shared.packageRoot + "/Tests/FHIRDeidTests/Fixtures/hostile/input.ndjson"

  @Test(
    "the hostile fixtures: nothing of the original survives either Safe Harbor preset",
    arguments: [
      ("safe-harbor", [String]()), ("safe-harbor-patient-shift", ["--shifted-dates"]),
    ])
  func hostileFixturesAreClean(_ preset: String, _ auditOptions: [String]) throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/out.ndjson"
    let run = try FhirDeidBinary.run(
      ["--preset", preset, "-q", "--today", "2026-11-29", "-o", out, Self.hostile],
      environment: Self.keys)
    #expect(run.status == 0, "\(run.stderr)")
    let (status, report) = try auditJSON(
      ["--preset", preset, "--original", Self.hostile] + auditOptions + [out])
    #expect(status == 0, "\(report)")
    #expect((report["surviving"] as? [[String: Any]] ?? []).isEmpty, "\(report)")
    #expect((report["findings"] as? [[String: Any]] ?? []).isEmpty, "\(report)")
    // And the audit is not blind there: keep-all output of the same lines is full of findings.
    let kept = dir + "/kept.ndjson"
    let keepAll = try FhirDeidBinary.run(
      ["--preset", "keep-all", "-q", "-o", kept, Self.hostile], environment: Self.keys)
    #expect(keepAll.status == 0, "\(keepAll.stderr)")
    let (keptStatus, keptReport) = try auditJSON(
      ["--preset", "keep-all", "--original", Self.hostile, kept])
    #expect(keptStatus == 2)
    let surviving = Self.categories(keptReport)
    for category in ["names", "geography", "identifiers", "dates", "free-text"] {
      #expect(surviving[category, default: 0] > 0, "\(category): \(surviving)")
    }
  }

  // MARK: The Synthea corpus

  static let corpus: String? = {
    guard Shared.isAvailable, let dir = try? TempDir.make("fhir-deid-audit-synthea") else {
      return nil
    }
    let r = try? FhirDeidBinary.shell(
      "\(Shared.path)/tools/make-corpus --copies 2 --seed 7 --single \(dir)/all.ndjson -q")
    return r?.status == 0 ? dir : nil
  }()

  func deidentify(_ arguments: [String], corpus: String, name: String) throws -> String {
    let out = corpus + "/" + name
    let r = try FhirDeidBinary.run(
      arguments + ["-q", "-j", "2", "--today", "2026-11-29", "-o", out, corpus + "/all.ndjson"],
      environment: Self.keys)
    #expect(r.status == 0, "\(r.stderr)")
    return out
  }

  func auditJSON(_ arguments: [String]) throws -> (Int32, [String: Any]) {
    let r = try FhirDeidBinary.run(
      ["audit", "--today", "2026-11-29", "--format", "json", "-j", "2"] + arguments)
    let object = (try? JSONSerialization.jsonObject(with: r.stdout)) as? [String: Any] ?? [:]
    #expect(!object.isEmpty, "\(r.stderr)")
    return (r.status, object)
  }

  static func categories(_ object: [String: Any]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for row in object["surviving"] as? [[String: Any]] ?? [] {
      counts[row["category"] as? String ?? "", default: 0] += row["count"] as? Int ?? 0
    }
    return counts
  }

  @Test(
    "the default preset's output of the Synthea corpus: nothing of the original survives",
    .enabled(if: Shared.isAvailable))
  func safeHarborOutputIsClean() throws {
    let corpus = try #require(Self.corpus)
    let out = try deidentify([], corpus: corpus, name: "safe-harbor.ndjson")
    let (status, report) = try auditJSON(["--original", corpus + "/all.ndjson", out])
    let surviving = Self.categories(report)
    for category in ["names", "geography", "telecom", "identifiers", "dates", "ids"] {
      #expect(surviving[category, default: 0] == 0, "\(category): \(report["surviving"] ?? [])")
    }
    let findings = report["findings"] as? [[String: Any]] ?? []
    let checks = findings.filter { $0["check"] as? String != "free-text" }
    #expect(checks.isEmpty, "\(checks)")
    // Provider organizations' names and addresses are kept by rule, not findings.
    let kept = report["keptByRule"] as? [[String: Any]] ?? []
    #expect(kept.contains { $0["path"] as? String == "Organization.name" })
    // Free text and every other check: the default-deny preset removes all text that no rule
    // keeps, so nothing is left to find.
    #expect(surviving["free-text", default: 0] == 0, "\(report["surviving"] ?? [])")
    #expect(findings.isEmpty, "\(findings)")
    #expect(status == 0)
  }

  @Test(
    "keep-all output of the Synthea corpus: names, addresses, identifiers and dates are found",
    .enabled(if: Shared.isAvailable))
  func keepAllOutputIsNotClean() throws {
    let corpus = try #require(Self.corpus)
    let out = try deidentify(["--preset", "keep-all"], corpus: corpus, name: "keep-all.ndjson")
    let (status, report) = try auditJSON([
      "--original", corpus + "/all.ndjson", "--preset", "keep-all", out,
    ])
    #expect(status == 2)
    let surviving = Self.categories(report)
    for category in ["names", "geography", "identifiers", "dates", "telecom", "ids"] {
      #expect(surviving[category, default: 0] > 0, "\(category)")
    }
    let checks = Set(
      (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String })
    for check in ["date-finer-than-year", "zip-code", "ssn", "phone", "free-text"] {
      #expect(checks.contains(check), "\(checks)")
    }
  }
}
