import DeidTestSupport
import Foundation
import Testing

/// #8 item 8: with `--output-dir`, messages name the file that holds the bad line (not the first
/// input), and each file is date-shifted with its own name under scope `file`.
@Suite struct OutputDirNamingTests {
  static let ok = #"{"resourceType":"Patient","id":"p1","birthDate":"1970-05-06"}"#
  static let notJSON = #"{"resourceType":"Patient","id":"CANARY-x""#
  /// `given` compared with a number in a generalize case: a processing error.
  static let failing =
    #"{"resourceType":"Patient","id":"CANARY-id","name":[{"given":["CANARY-given"]}]}"#
  static let generalize =
    #"{"fhirVersion":"R4","fhirPathRules":[{"path":"Patient.name.given","method":"generalize","cases":{"$this>=0 and $this<20":"'x'"}}]}"#

  /// Runs `fhir-deid ARGS a.ndjson b.ndjson` in a folder holding both files and `config.json`;
  /// returns the result and the folder's path (removed by the caller).
  func run(first: [String], second: [String], config: String, _ arguments: [String]) throws
    -> (CommandResult, String)
  {
    let dir = try TempDir.make()
    try Data((first.joined(separator: "\n") + "\n").utf8)
      .write(to: URL(fileURLWithPath: dir + "/a.ndjson"))
    try Data((second.joined(separator: "\n") + "\n").utf8)
      .write(to: URL(fileURLWithPath: dir + "/b.ndjson"))
    try Data(config.utf8).write(to: URL(fileURLWithPath: dir + "/config.json"))
    try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
    let r = try FhirDeidBinary.run(
      ["-c", "config.json", "-j", "2"] + arguments + ["a.ndjson", "b.ndjson"], in: dir)
    #expect(!r.stderr.contains("CANARY"), "stderr leaked a value: \(r.stderr)")
    return (r, dir)
  }

  static let keepAll = #"{"fhirVersion":"R4","fhirPathRules":[]}"#

  @Test(
    "#8: an input error in the second file names the second file",
    arguments: [["--output-dir", "out"], ["-o", "out/all.ndjson"], []])
  func invalidInputFail(_ output: [String]) throws {
    let (r, dir) = try run(
      first: [Self.ok, Self.ok, Self.ok], second: [Self.ok, Self.notJSON], config: Self.keepAll,
      output)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(r.status == 65)
    #expect(r.stderr.contains("error: b.ndjson:2:"), "\(r.stderr)")
    #expect(!r.stderr.contains("a.ndjson:"))
  }

  @Test("#8: a skipped line in the second file is warned about under the second file's name")
  func invalidInputSkip() throws {
    let (r, dir) = try run(
      first: [Self.ok, Self.ok, Self.ok], second: [Self.ok, Self.notJSON, Self.ok],
      config: Self.keepAll, ["--output-dir", "out", "--invalid-input", "skip"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("warning: skipped b.ndjson:2:"), "\(r.stderr)")
    #expect(!r.stderr.contains("a.ndjson:"))
    let b = try String(contentsOfFile: dir + "/out/b.ndjson", encoding: .utf8)
    #expect(b.split(separator: "\n").count == 2)
  }

  @Test("#8: a processing error in the second file names it, under raise and skip")
  func processingErrors() throws {
    let (raise, dir) = try run(
      first: [Self.ok, Self.ok, Self.ok], second: [Self.ok, Self.failing],
      config: Self.generalize, ["--output-dir", "out"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(raise.status == 1)
    #expect(raise.stderr.contains("error: b.ndjson:2:"), "\(raise.stderr)")
    #expect(!raise.stderr.contains("a.ndjson:"))

    let (skip, skipDir) = try run(
      first: [Self.ok, Self.ok, Self.ok], second: [Self.ok, Self.failing],
      config: Self.generalize, ["--output-dir", "out", "--processing-errors", "skip"])
    defer { try? FileManager.default.removeItem(atPath: skipDir) }
    #expect(skip.status == 0, "\(skip.stderr)")
    #expect(skip.stderr.contains("warning: emptied b.ndjson:2:"), "\(skip.stderr)")
    #expect(!skip.stderr.contains("a.ndjson:"))
  }

  @Test("#8: with scope file, each file of --output-dir is shifted by its own name, as with -o")
  func dateShiftPrefixPerFile() throws {
    let config =
      #"{"fhirVersion":"R4","parameters":{"dateShiftKey":"k-0123456789abcdef","dateShiftScope":"file"},"#
      + #""fhirPathRules":[{"path":"Patient.birthDate","method":"dateShift"}]}"#
    let lines = [Self.ok, Self.ok]
    let (r, dir) = try run(first: lines, second: lines, config: config, ["--output-dir", "out"])
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(r.status == 0, "\(r.stderr)")
    for name in ["a.ndjson", "b.ndjson"] {
      let alone = try FhirDeidBinary.run(["-c", "config.json", "-q", name], in: dir)
      #expect(alone.status == 0)
      let bulk = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/" + name))
      #expect(bulk == alone.stdout, "\(name)")
    }
    let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/a.ndjson"))
    let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/b.ndjson"))
    #expect(a != b, "the two files must be shifted by different offsets")
  }
}
