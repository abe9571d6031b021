import DeidTestSupport
import Foundation
import Testing

/// #12: a Bulk Data export folder in, a de-identified folder with a verifiable manifest out;
/// `--resume`; folders of `.json` documents (`--input-format`).
@Suite struct BulkExportTests {
  static let patients = [
    #"{"resourceType":"Patient","id":"p1","name":[{"family":"CANARY-One"}],"gender":"female","birthDate":"1970-02-03"}"#,
    #"{"resourceType":"Patient","id":"p2","name":[{"family":"CANARY-Two"}],"gender":"male","birthDate":"1981-04-05"}"#,
  ]
  static let observations = [
    #"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"CANARY-x"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-01-02","issued":"2020-01-02T03:04:05Z"}"#,
    #"{"resourceType":"Observation","id":"o2","status":"final","code":{"text":"y"},"subject":{"reference":"Patient/p2"},"effectiveDateTime":"2021-06-07"}"#,
    #"{"resourceType":"Observation","id":"o3","status":"final","code":{"text":"z"},"subject":{"reference":"Patient/p1"}}"#,
  ]
  static let exportManifest = """
    {"transactionTime": "2024-05-06T07:08:09.123Z",
     "request": "https://ehr.example.org/fhir/$export?_type=Patient,Observation",
     "requiresAccessToken": true,
     "output": [
       {"type": "Patient", "url": "https://ehr.example.org/files/Patient.ndjson", "count": 2},
       {"type": "Observation", "url": "https://ehr.example.org/files/Observation.ndjson", "count": 3}],
     "error": []}
    """

  /// A temporary folder holding `export/` (the two files, with the manifest when `manifest`).
  static func export(manifest: Bool = true) throws -> String {
    let dir = try TempDir.make("fhir-deid-bulk")
    let export = dir + "/export"
    try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
    try (patients.joined(separator: "\n") + "\n").write(
      toFile: export + "/Patient.ndjson", atomically: true, encoding: .utf8)
    try (observations.joined(separator: "\n") + "\n").write(
      toFile: export + "/Observation.ndjson", atomically: true, encoding: .utf8)
    if manifest {
      try exportManifest.write(toFile: export + "/manifest.json", atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func run(_ arguments: [String], in dir: String, environment: [String: String]? = nil)
    throws -> CommandResult
  {
    try FhirDeidBinary.run(
      arguments + ["--today", "2026-11-29"], in: dir,
      environment: environment ?? TestKeys.environment)
  }

  @Test func anExportWithAManifestGivesAVerifiableManifest() throws {
    let dir = try Self.export()
    let r = try Self.run(["--output-dir", "deid", "--stats", "stats.json", "export"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let m = try Self.json(dir + "/deid/manifest.json")
    #expect(m["transactionTime"] as? String == "2024-05-06T07:08:09.123Z")
    #expect(
      m["request"] as? String == "https://ehr.example.org/fhir/$export?_type=Patient,Observation")
    #expect(m["requiresAccessToken"] as? Bool == false)
    let output = try #require(m["output"] as? [[String: Any]])
    #expect(output.map { $0["url"] as? String } == ["Observation.ndjson", "Patient.ndjson"])
    #expect(output.map { $0["type"] as? String } == ["Observation", "Patient"])
    #expect(output.map { $0["count"] as? Int } == [3, 2])
    let ours = try #require((m["extension"] as? [String: Any])?["fhir-deid"] as? [String: Any])
    #expect(ours["complete"] as? Bool == true)
    let stats = try Self.json(dir + "/stats.json")
    #expect(
      ((ours["configuration"] as? [String: Any])?["sha256"] as? String)
        == (stats["config"] as? [String: Any])?["sha256"] as? String)
    #expect((ours["keysFingerprint"] as? String)?.count == 32)
    #expect(
      !(try String(contentsOfFile: dir + "/deid/manifest.json", encoding: .utf8)).contains(
        TestKeys.cryptoHash))
    // The receiving team's check: every digest in the manifest (and SHA256SUMS) matches.
    let check = try FhirDeidBinary.shell(
      #"cd deid && sha256sum -c SHA256SUMS && python3 -c 'import hashlib,json; m=json.load(open("manifest.json")); [print(hashlib.sha256(open(o["url"],"rb").read()).hexdigest() == o["extension"]["fhir-deid"]["sha256"]) for o in m["output"]]'"#,
      in: dir)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdoutText.contains("Patient.ndjson: OK"))
    #expect(!check.stdoutText.contains("False"))
  }

  @Test func withoutAnInputManifestOneIsWrittenFromTheFiles() throws {
    let dir = try Self.export(manifest: false)
    let r = try Self.run(["--output-dir", "deid", "-z", "export"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let m = try Self.json(dir + "/deid/manifest.json")
    let output = try #require(m["output"] as? [[String: Any]])
    #expect(output.map { $0["url"] as? String } == ["Observation.ndjson.gz", "Patient.ndjson.gz"])
    #expect(output.map { $0["type"] as? String } == ["Observation", "Patient"])
    #expect((m["transactionTime"] as? String)?.hasSuffix("Z") == true)
    let check = try FhirDeidBinary.shell("cd deid && sha256sum -c --quiet SHA256SUMS", in: dir)
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func resumeKeepsFinishedFilesAndRedoesTheRest() throws {
    let dir = try Self.export()
    let full = try Self.run(["--output-dir", "full", "export"], in: dir)
    #expect(full.status == 0)
    // An interrupted run: the second file (Patient) stops at a bad line, after Observation was
    // finished; the manifest lists Observation and says the run did not complete.
    let good = try String(contentsOfFile: dir + "/export/Patient.ndjson", encoding: .utf8)
    try (good + "{\"resourceType\":\n").write(
      toFile: dir + "/export/Patient.ndjson", atomically: true, encoding: .utf8)
    let broken = try Self.run(["--output-dir", "deid", "-j", "1", "export"], in: dir)
    #expect(broken.status == 65)
    var m = try Self.json(dir + "/deid/manifest.json")
    #expect(
      ((m["extension"] as? [String: Any])?["fhir-deid"] as? [String: Any])?["complete"] as? Bool
        == false)
    #expect(
      (m["output"] as? [[String: Any]])?.compactMap { $0["url"] as? String } == [
        "Observation.ndjson"
      ])
    try good.write(toFile: dir + "/export/Patient.ndjson", atomically: true, encoding: .utf8)

    let resumed = try Self.run(["--output-dir", "deid", "--resume", "export"], in: dir)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("kept deid/Observation.ndjson: finished by an earlier run"))
    #expect(resumed.stderr.contains("2 of 2 resources written"), "\(resumed.stderr)")
    m = try Self.json(dir + "/deid/manifest.json")
    #expect(
      ((m["extension"] as? [String: Any])?["fhir-deid"] as? [String: Any])?["complete"] as? Bool
        == true)
    for name in ["Patient.ndjson", "Observation.ndjson", "manifest.json", "SHA256SUMS"] {
      #expect(
        FileManager.default.contents(atPath: dir + "/deid/" + name)
          == FileManager.default.contents(atPath: dir + "/full/" + name), "\(name)")
    }

    // A finished file that changed since is done again.
    try "tampered\n".write(toFile: dir + "/deid/Patient.ndjson", atomically: true, encoding: .utf8)
    let again = try Self.run(["--output-dir", "deid", "--resume", "export"], in: dir)
    #expect(again.status == 0)
    #expect(again.stderr.contains("2 of 2 resources written"), "\(again.stderr)")
    #expect(
      FileManager.default.contents(atPath: dir + "/deid/Patient.ndjson")
        == FileManager.default.contents(atPath: dir + "/full/Patient.ndjson"))
  }

  @Test(.timeLimit(.minutes(2)))
  func resumeAfterSIGTERMDoesNotRedoFinishedFiles() throws {
    let dir = try Self.export()
    #expect(try Self.run(["--output-dir", "full", "export"], in: dir).status == 0)
    // Patient.ndjson becomes a pipe that stays open: the run finishes Observation.ndjson (first
    // in name order, -j 1: one file at a time), then waits on Patient and gets SIGTERM there.
    let r = try FhirDeidBinary.shell(
      #"""
      mv export/Patient.ndjson patients && mkfifo export/Patient.ndjson
      # This shell holds the pipe open (read-write: the open does not wait for a reader).
      exec 3<>export/Patient.ndjson
      cat patients >&3
      fhir-deid --output-dir deid -j 1 -q --today 2026-11-29 export 3>&- &
      pid=$!
      for i in $(seq 100); do [ -e deid/manifest.json ] && break; sleep 0.1; done
      sleep 0.5
      kill -TERM $pid; wait $pid; echo "status $?"
      exec 3>&-; rm export/Patient.ndjson && mv patients export/Patient.ndjson
      ls -a deid
      """#, in: dir, environment: TestKeys.environment)
    #expect(r.stdoutText.contains("status 143"), "\(r.stdoutText) \(r.stderr)")
    #expect(!r.stdoutText.contains(".tmp-"), "\(r.stdoutText)")
    #expect(!r.stdoutText.contains("Patient.ndjson"))
    let kept = try Self.json(dir + "/deid/manifest.json")
    #expect(
      (kept["output"] as? [[String: Any]])?.compactMap { $0["url"] as? String }
        == ["Observation.ndjson"])
    let before = try FileManager.default.attributesOfItem(atPath: dir + "/deid/Observation.ndjson")

    let resumed = try Self.run(["--output-dir", "deid", "--resume", "export"], in: dir)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("kept deid/Observation.ndjson"))
    let after = try FileManager.default.attributesOfItem(atPath: dir + "/deid/Observation.ndjson")
    // Not written again: the same file (inode), untouched.
    #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
    #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
    for name in ["Patient.ndjson", "Observation.ndjson", "manifest.json", "SHA256SUMS"] {
      #expect(
        FileManager.default.contents(atPath: dir + "/deid/" + name)
          == FileManager.default.contents(atPath: dir + "/full/" + name), "\(name)")
    }
  }

  @Test func resumeRefusesAnotherConfigurationOrOtherKeys() throws {
    let dir = try Self.export()
    #expect(try Self.run(["--output-dir", "deid", "export"], in: dir).status == 0)
    let preset = try Self.run(
      ["--output-dir", "deid", "--resume", "--preset", "safe-harbor-patient-shift", "export"],
      in: dir)
    #expect(preset.status == 64)
    #expect(preset.stderr.contains("another configuration"), "\(preset.stderr)")
    var keys = TestKeys.environment
    keys["FHIR_DEID_CRYPTO_HASH_KEY"] = "another-crypto-hash-key-0123456789"
    let other = try Self.run(
      ["--output-dir", "deid", "--resume", "export"], in: dir, environment: keys)
    #expect(other.status == 64)
    #expect(other.stderr.contains("other keys"))
    #expect(!other.stderr.contains("another-crypto-hash-key"))
    for arguments in [
      ["--resume", "export"], ["--output-dir", "x", "--resume", "--random-keys", "export"],
    ] {
      #expect(try Self.run(arguments, in: dir).status == 64, "\(arguments)")
    }
  }

  @Test func outputIsTheSameForOneJobAndForFilesInParallel() throws {
    let dir = try Self.export()
    #expect(try Self.run(["--output-dir", "a", "-j", "1", "export"], in: dir).status == 0)
    #expect(try Self.run(["--output-dir", "b", "-j", "4", "export"], in: dir).status == 0)
    for name in ["Patient.ndjson", "Observation.ndjson", "SHA256SUMS"] {
      #expect(
        FileManager.default.contents(atPath: dir + "/a/" + name)
          == FileManager.default.contents(atPath: dir + "/b/" + name), "\(name)")
    }
  }

  // MARK: Folders of JSON documents

  static func documents() throws -> String {
    let dir = try TempDir.make("fhir-deid-json")
    try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
    // Pretty-printed, as Microsoft's folder mode reads them: one resource, and a Bundle.
    let patient = try JSONSerialization.jsonObject(with: Data(patients[0].utf8))
    try JSONSerialization.data(withJSONObject: patient, options: [.prettyPrinted]).write(
      to: URL(fileURLWithPath: dir + "/in/patient.json"))
    let entries = (patients + observations).map { #"{"fullUrl":"urn:uuid:x","resource":\#($0)}"# }
    let bundle =
      #"{"resourceType":"Bundle","type":"collection","entry":[\#(entries.joined(separator: ",\n  "))]}"#
    try bundle.write(toFile: dir + "/in/bundle.json", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func aFolderOfJSONDocumentsComesOutInTheSameShapeAndNames() throws {
    let dir = try Self.documents()
    let r = try Self.run(["--output-dir", "out", "in"], in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let bundle = try Self.json(dir + "/out/bundle.json")
    #expect(bundle["resourceType"] as? String == "Bundle")
    #expect((bundle["entry"] as? [Any])?.count == 5)
    let patient = try Self.json(dir + "/out/patient.json")
    #expect(patient["resourceType"] as? String == "Patient")
    #expect(patient["name"] == nil || !"\(patient["name"]!)".contains("CANARY"))
    for name in ["bundle.json", "patient.json"] {
      let text = try String(contentsOfFile: dir + "/out/" + name, encoding: .utf8)
      #expect(!text.contains("CANARY"), "\(name)")
      #expect(text.split(separator: "\n").count == 1)
    }
    let m = try Self.json(dir + "/out/manifest.json")
    #expect(
      (m["output"] as? [[String: Any]])?.compactMap { $0["url"] as? String }
        == ["bundle.json", "patient.json"])
    // The same documents with --input-format json, one at a time to standard output.
    let single = try Self.run(["--input-format", "json", "in/patient.json"], in: dir)
    #expect(single.status == 0)
    #expect(
      single.stdoutText
        == (try String(contentsOfFile: dir + "/out/patient.json", encoding: .utf8)))
  }

  @Test func aPrettyPrintedDocumentFedAsNDJSONSaysHowToReadIt() throws {
    let dir = try Self.documents()
    let r = try Self.run(["--input-format", "ndjson", "in/bundle.json"], in: dir)
    #expect(r.status == 65)
    #expect(r.stderr.contains("in/bundle.json:1:"), "\(r.stderr)")
    #expect(r.stderr.contains("read it with --input-format json"))
    let mixed = try Self.run(["in/patient.json", "-"], in: dir)
    #expect(mixed.status == 64)
    #expect(mixed.stderr.contains("use --output-dir"))
  }
}
