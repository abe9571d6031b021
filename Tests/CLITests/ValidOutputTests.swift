import DeidTestSupport
import Foundation
import Testing

/// #13 end to end: `--valid-output`, `--validate-output warn|fail`, their report, and (with
/// `../shared` and fhir.resources 6.4.0) the Synthea corpus through every preset validating
/// with no error against the independent validator.
@Suite(.serialized) struct ValidOutputTests {
  /// Redacts a Goal's description text (emptying a required element) and cuts instants, with
  /// `validOutput` when `valid`.
  static func configuration(valid: Bool) -> String {
    """
    {"fhirVersion":"R4",\(valid ? #""validOutput":true,"# : "")
     "fhirPathRules":[{"path":"Goal.description.text","method":"redact"},
                      {"path":"Observation.issued","method":"redact"}],
     "parameters":{"enablePartialDatesForRedact":true}}
    """
  }

  static let input =
    [
      #"{"resourceType":"Patient","id":"p1","gender":"female"}"#,
      #"{"resourceType":"Goal","lifecycleStatus":"active","description":{"text":"CANARY-goal"},"subject":{"reference":"Patient/p1"}}"#,
      #"{"resourceType":"Observation","status":"final","code":{"text":"x"},"issued":"2020-01-02T03:04:05Z"}"#,
    ].joined(separator: "\n") + "\n"

  func run(_ arguments: [String], valid: Bool = false) throws -> (CommandResult, String) {
    let dir = try TempDir.make()
    let config = dir + "/config.json"
    try Self.configuration(valid: valid).write(toFile: config, atomically: true, encoding: .utf8)
    let stats = dir + "/stats.json"
    let result = try FhirDeidBinary.run(
      ["-c", config, "--stats", stats, "-j", "1"] + arguments, stdin: Data(Self.input.utf8))
    return (result, (try? String(contentsOfFile: stats, encoding: .utf8)) ?? "")
  }

  static func outputChecks(_ stats: String) -> [String: Any] {
    let object = (try? JSONSerialization.jsonObject(with: Data(stats.utf8))) as? [String: Any]
    return object?["outputChecks"] as? [String: Any] ?? [:]
  }

  @Test func warnReportsEachProblemByLineTypeAndPathAndGoesOn() throws {
    let (r, stats) = try run(["--validate-output", "warn"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdoutText.split(separator: "\n").count == 3)
    #expect(
      r.stderr.contains(
        "-:2: output is not valid R4: a required element is missing (Goal Goal.description)"),
      "\(r.stderr)")
    #expect(
      r.stderr.contains(
        "-:3: output is not valid R4: the value is not a valid value of its FHIR type (Observation Observation.issued)"
      ))
    #expect(!r.stderr.contains("CANARY"))
    #expect(r.stderr.contains("2 R4 problems in 2 resources (--validate-output)"))
    let checks = Self.outputChecks(stats)
    #expect(checks["validation"] as? String == "warn")
    #expect(checks["repairs"] as? Bool == false)
    #expect(checks["invalidResources"] as? Int == 2)
    let problems = checks["problems"] as? [String: Any]
    #expect(problems?["total"] as? Int == 2)
    let byElement = problems?["byElement"] as? [[String: Any]] ?? []
    #expect(
      Set(byElement.compactMap { $0["path"] as? String })
        == ["Goal.description", "Observation.issued"])
  }

  @Test func failStopsAtTheFirstInvalidResourceWithExit1() throws {
    let (r, _) = try run(["--validate-output", "fail"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdoutText == #"{"resourceType":"Patient","id":"p1","gender":"female"}"# + "\n")
    #expect(r.stderr.contains("-:2: output is not valid R4"), "\(r.stderr)")
    #expect(!r.stderr.contains("CANARY"))
  }

  @Test func repairsFromTheFlagOrTheConfigurationLeaveNothingToReport() throws {
    for (arguments, valid) in [(["--valid-output"], false), ([], true)] {
      let (r, stats) = try run(arguments + ["--validate-output", "fail"], valid: valid)
      #expect(r.status == 0, "\(r.stderr)")
      let lines = r.stdoutText.split(separator: "\n").map(String.init)
      try #require(lines.count == 3)
      #expect(
        lines[1].contains(
          #""description":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"masked"}]}"#
        ))
      #expect(!lines[2].contains("issued"))
      #expect(r.stderr.contains("2 repairs for valid R4"), "\(r.stderr)")
      let checks = Self.outputChecks(stats)
      #expect(checks["repairs"] as? Bool == true)
      let repaired = checks["repaired"] as? [String: Any]
      #expect(repaired?["total"] as? Int == 2)
      let kinds = (repaired?["byElement"] as? [[String: Any]] ?? []).compactMap {
        $0["repair"] as? String
      }
      #expect(Set(kinds) == ["masked", "invalidValueRemoved"])
    }
  }

  @Test func withoutTheKeyAMicrosoftConfigurationKeepsMicrosoftsOutput() throws {
    let (r, _) = try run([])
    #expect(r.status == 0)
    #expect(r.stdoutText.contains(#""issued":"2020""#))
    #expect(!r.stdoutText.contains("description"))
  }

  // MARK: The Synthea corpus and the independent validator

  static let corpus: String? = {
    guard Shared.isAvailable, let dir = try? TempDir.make("fhir-deid-valid") else { return nil }
    let file = dir + "/mb5.ndjson"
    let r = try? FhirDeidBinary.shell(
      "\(Shared.path)/tools/make-corpus -q --target-mb 5 --single \(file)")
    return r?.status == 0 ? file : nil
  }()

  static let corpusReady = Shared.isAvailable && FhirResourcesValidator.isAvailable

  func deidentify(_ arguments: [String]) throws -> (CommandResult, Data) {
    let corpus = try #require(Self.corpus)
    let r = try FhirDeidBinary.run(
      arguments + ["-q", "--today", "2026-11-29", corpus], environment: TestKeys.environment)
    #expect(r.status == 0, "\(r.stderr)")
    return (r, r.stdout)
  }

  @Test(
    "every preset turns the Synthea corpus into valid R4 (fhir.resources 6.4.0)",
    .enabled(if: corpusReady), arguments: ["safe-harbor", "safe-harbor-patient-shift", "keep-all"])
  func presetOutputValidates(_ preset: String) throws {
    let (_, output) = try deidentify(["--preset", preset])
    let verdicts = try FhirResourcesValidator.verdicts(of: output)
    #expect(verdicts.count > 3000)
    let invalid = verdicts.indices.filter { !verdicts[$0] }
    #expect(invalid.isEmpty, "\(invalid.count) invalid lines, first: \(invalid.prefix(5))")
  }

  @Test(
    "Microsoft's sample: --validate-output finds what the validator finds; --valid-output repairs it",
    .enabled(if: corpusReady))
  func microsoftSample() throws {
    let sample = ["-c", Shared.path + "/configs/ms-safe-harbor-r4.json", "--lenient-paths"]
    let dir = try TempDir.make()
    let (_, plain) = try deidentify(
      sample + ["--validate-output", "warn", "--stats", dir + "/stats.json"])
    let invalid = try FhirResourcesValidator.verdicts(of: plain).filter { !$0 }.count
    #expect(invalid > 0)  // 692 on the corpus of issue #13
    let stats = try String(contentsOfFile: dir + "/stats.json", encoding: .utf8)
    #expect(Self.outputChecks(stats)["invalidResources"] as? Int == invalid)

    let (_, repaired) = try deidentify(sample + ["--valid-output", "--validate-output", "fail"])
    let verdicts = try FhirResourcesValidator.verdicts(of: repaired)
    #expect(verdicts.count > 3000)
    #expect(!verdicts.contains(false))
  }
}
