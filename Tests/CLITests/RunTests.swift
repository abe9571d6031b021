import DeidTestSupport
import Foundation
import Testing

/// Whole runs of the binary: determinism across jobs, reports, bulk mode, gzip, docs coverage.
@Suite(.timeLimit(.minutes(3))) struct RunTests {
  /// A few MB of varied synthetic resources (no real data), with blank and CRLF lines.
  static let corpus: String = {
    var lines: [String] = []
    for i in 0..<6000 {
      switch i % 4 {
      case 0:
        lines.append(
          #"{"resourceType":"Patient","id":"p\#(i)","name":[{"family":"Fam\#(i)","given":["Gïvén","\u00e9"]}],"birthDate":"19\#(10 + i % 89)-01-0\#(1 + i % 9)"}"#
        )
      case 1:
        lines.append(
          #"{ "resourceType": "Observation", "id": "o\#(i)", "status": "final", "valueQuantity": { "value": \#(i).50, "unit": "mg" } }"#
            + "\r")
      case 2:
        lines.append(
          #"{"resourceType":"Encounter","id":"e\#(i)","status":"finished","period":{"start":"2020-01-01T10:00:00+01:00"}}"#
        )
      default:
        lines.append("")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  func withFiles<T>(_ body: (String, String, String) throws -> T) throws -> T {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/keep-all.json"
    try Data(#"{"fhirVersion": "R4", "fhirPathRules": []}"#.utf8).write(
      to: URL(fileURLWithPath: config))
    let input = dir + "/in.ndjson"
    try Data(Self.corpus.utf8).write(to: URL(fileURLWithPath: input))
    return try body(dir, config, input)
  }

  @Test func outputIsIdenticalForEveryJobCount() throws {
    try withFiles { _, config, input in
      let reference = try FhirDeidBinary.run(["-c", config, "-j", "1", "-q", input])
      #expect(reference.status == 0)
      #expect(reference.stdoutText.split(separator: "\n").count == 4500)
      for jobs in 2...8 {
        let r = try FhirDeidBinary.run(["-c", config, "-j", String(jobs), "-q", input])
        #expect(r.status == 0)
        // Bool(…): a failing `==` on large byte strings would make #expect diff them (minutes, #14).
        #expect(Bool(r.stdout == reference.stdout), "jobs \(jobs)")
      }
    }
  }

  @Test func gzipOutputDecodesToThePlainOutput() throws {
    try withFiles { dir, config, input in
      let plain = try FhirDeidBinary.run(["-c", config, "-q", input])
      for level in ["1", "9"] {
        let r = try FhirDeidBinary.shell(
          "fhir-deid -c \(config) -q -j 2 --gzip-level \(level) -o \(dir)/out.ndjson.gz \(input) && gzip -dc \(dir)/out.ndjson.gz"
        )
        #expect(r.status == 0)
        #expect(Bool(r.stdout == plain.stdout))
      }
      let short = try FhirDeidBinary.shell("fhir-deid -c \(config) -q -z \(input) | gzip -dc")
      #expect(short.status == 0)
      #expect(Bool(short.stdout == plain.stdout))
      let gzIn = try FhirDeidBinary.shell(
        "gzip -c \(input) > \(dir)/in2.ndjson.gz && cat \(dir)/in2.ndjson.gz \(dir)/in2.ndjson.gz | fhir-deid -c \(config) -q"
      )
      #expect(Bool(gzIn.stdout == plain.stdout + plain.stdout))
    }
  }

  @Test func statsReportCountsEverything() throws {
    try withFiles { dir, config, input in
      let r = try FhirDeidBinary.run(["-c", config, "-q", "--stats", dir + "/report.json", input])
      #expect(r.status == 0)
      let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/report.json"))
      let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect(report["tool"] as? String == "fhir-deid")
      let inputs = try #require(report["input"] as? [String: Any])
      #expect(inputs["lines"] as? Int == 4500)
      #expect(inputs["blankLines"] as? Int == 1500)
      #expect(inputs["bytes"] as? Int == Self.corpus.utf8.count)
      let output = try #require(report["output"] as? [String: Any])
      #expect(output["lines"] as? Int == 4500)
      #expect(output["bytes"] as? Int == r.stdout.count)
      let resources = try #require(report["resources"] as? [String: Any])
      #expect(resources["in"] as? Int == 4500)
      let byType = try #require(resources["byType"] as? [String: [String: Int]])
      #expect(byType["Patient"]?["out"] == 1500)
      #expect(byType["Observation"]?["in"] == 1500)
      let config = try #require(report["config"] as? [String: Any])
      #expect((config["sha256"] as? String)?.count == 64)
      let load = try #require(config["loadSeconds"] as? Double)
      #expect(load >= 0 && load < 10)
      #expect(report["jobs"] as? Int != nil)
      #expect(report["elapsedSeconds"] != nil)
      let errors = try #require(report["errors"] as? [String: Int])
      #expect(errors["invalidInput"] == 0)
    }
  }

  @Test func summaryLineUnlessQuiet() throws {
    try withFiles { _, config, input in
      let r = try FhirDeidBinary.run(["-c", config, input])
      #expect(r.stderr.contains("4500 of 4500 resources written"))
      #expect(r.stderr.split(separator: "\n").count == 1)
    }
  }

  @Test func outputDirWritesEachInputUnderItsName() throws {
    try withFiles { dir, config, input in
      let inDir = dir + "/export"
      let outDir = dir + "/deid"
      try FileManager.default.createDirectory(atPath: inDir, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: input, toPath: inDir + "/Patient.ndjson")
      _ = try FhirDeidBinary.shell("gzip -c \(input) > \(inDir)/Observation.ndjson.gz")
      try Data("ignored".utf8).write(to: URL(fileURLWithPath: inDir + "/notes.txt"))
      let r = try FhirDeidBinary.run(["-c", config, "-q", "--output-dir", outDir, inDir])
      #expect(r.status == 0, "\(r.stderr)")
      let names = try FileManager.default.contentsOfDirectory(atPath: outDir).sorted()
      #expect(names == ["Observation.ndjson.gz", "Patient.ndjson", "SHA256SUMS", "manifest.json"])
      let plain = try FhirDeidBinary.run(["-c", config, "-q", input])
      let a = try Data(contentsOf: URL(fileURLWithPath: outDir + "/Patient.ndjson"))
      #expect(Bool(a == plain.stdout))
      let b = try FhirDeidBinary.shell("gzip -dc \(outDir)/Observation.ndjson.gz")
      #expect(Bool(b.stdout == plain.stdout))
    }
  }

  @Test func outputDirLeavesNoFileForAFailedInput() throws {
    try withFiles { dir, config, _ in
      let inDir = dir + "/export"
      let outDir = dir + "/deid"
      try FileManager.default.createDirectory(atPath: inDir, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
      try Data("{\"resourceType\":\"Patient\"}\n{bad\n".utf8).write(
        to: URL(fileURLWithPath: inDir + "/Patient.ndjson"))
      let r = try FhirDeidBinary.run(["-c", config, "-q", "--output-dir", outDir, inDir])
      #expect(r.status == 65)
      #expect(try FileManager.default.contentsOfDirectory(atPath: outDir).isEmpty)
    }
  }

  @Test("every option in --help is in the man page")
  func manPageCoversEveryOption() throws {
    let man = try String(contentsOfFile: Shared.packageRoot + "/man/fhir-deid.1", encoding: .utf8)
    let dump = try FhirDeidBinary.run(["--experimental-dump-help"])
    let json = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
    var names: Set<String> = []
    func collect(_ command: [String: Any]) {
      for arg in (command["arguments"] as? [[String: Any]]) ?? [] {
        for n in (arg["names"] as? [[String: Any]]) ?? [] {
          if let kind = n["kind"] as? String, let name = n["name"] as? String, kind != "short" {
            names.insert(name)
          }
        }
      }
      for sub in (command["subcommands"] as? [[String: Any]]) ?? [] { collect(sub) }
    }
    collect(try #require(json["command"] as? [String: Any]))
    #expect(names.count > 10)
    for name in names.sorted() where name != "help" && name != "version" {
      #expect(man.contains("Fl " + name) || man.contains("Fl -" + name), "man page lacks --\(name)")
    }
  }
}
