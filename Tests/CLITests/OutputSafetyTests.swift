import DeidTestSupport
import Foundation
import Testing

/// #12 (found 1, 2, 3, 5): outputs that never destroy inputs or each other, checked before
/// anything is read.
@Suite(.timeLimit(.minutes(2)))
struct OutputSafetyTests {
  static let line = #"{"resourceType":"Patient","id":"x"}"# + "\n"

  /// A scratch folder with `A/x.ndjson`, `B/x.ndjson`, `y.ndjson`, `y.ndjson.gz` and `empty/`.
  static func scratch() throws -> String {
    let dir = try TempDir.make("fhir-deid-output-safety")
    let r = try FhirDeidBinary.shell(
      "mkdir -p A B empty && printf '%s' '\(line)' > A/x.ndjson && cp A/x.ndjson B/x.ndjson "
        + "&& cp A/x.ndjson y.ndjson && gzip -c y.ndjson > y.ndjson.gz", in: dir)
    #expect(r.status == 0)
    return dir
  }

  static func run(_ args: String, in dir: String) throws -> CommandResult {
    try FhirDeidBinary.shell("fhir-deid --preset keep-all -q " + args, in: dir)
  }

  @Test("#12: --output-dir is created with its parents")
  func createsTheOutputFolder() throws {
    let dir = try Self.scratch()
    let r = try Self.run("--output-dir deid/a/b A/x.ndjson", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/deid/a/b/x.ndjson"))
  }

  @Test(
    "#12: two inputs that map to one output name are refused, naming both",
    arguments: [
      "--output-dir out A/x.ndjson B/x.ndjson", "-z --output-dir out y.ndjson y.ndjson.gz",
    ])
  func collisions(_ args: String) throws {
    let dir = try Self.scratch()
    let r = try Self.run(args, in: dir)
    #expect(r.status == 64)
    #expect(r.stderr.contains("would both be written to"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "nothing was created")
  }

  @Test(
    "#12: an output that is an input, also through a link, is refused and the input kept",
    arguments: ["-o y.ndjson y.ndjson", "-o link.ndjson y.ndjson"])
  func outputIsInput(_ args: String) throws {
    let dir = try Self.scratch()
    _ = try FhirDeidBinary.shell("ln -s y.ndjson link.ndjson", in: dir)
    let r = try Self.run(args, in: dir)
    #expect(r.status == 64)
    #expect(r.stderr.contains("is the input y.ndjson"), "\(r.stderr)")
    let kept = try String(contentsOfFile: dir + "/y.ndjson", encoding: .utf8)
    #expect(kept == Self.line)
  }

  @Test(
    "#12: an output folder that is or lies inside an input folder is refused",
    arguments: [
      "--output-dir A A", "--output-dir ./A/ A", "--output-dir A/inner/deeper A",
    ])
  func outputFolderInsideInput(_ args: String) throws {
    let dir = try Self.scratch()
    let r = try Self.run(args, in: dir)
    #expect(r.status == 64)
    #expect(r.stderr.contains("is the input folder A or inside it"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/A/inner"))
    #expect(try String(contentsOfFile: dir + "/A/x.ndjson", encoding: .utf8) == Self.line)
  }

  @Test("#12: --skip-existing leaves inputs whose output exists, with a note")
  func skipExisting() throws {
    let dir = try Self.scratch()
    _ = try FhirDeidBinary.shell("mkdir out && echo kept > out/x.ndjson", in: dir)
    let r = try FhirDeidBinary.shell(
      "fhir-deid --preset keep-all --output-dir out --skip-existing A/x.ndjson y.ndjson", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("skipped A/x.ndjson: out/x.ndjson exists (--skip-existing)"))
    #expect(try String(contentsOfFile: dir + "/out/x.ndjson", encoding: .utf8) == "kept\n")
    #expect(try String(contentsOfFile: dir + "/out/y.ndjson", encoding: .utf8) == Self.line)
    let without = try Self.run("--skip-existing A/x.ndjson", in: dir)
    #expect(without.status == 64)
  }

  @Test("#12: -r reads subfolders in name order, and --output-dir mirrors them")
  func recursive() throws {
    let dir = try TempDir.make("fhir-deid-recursive")
    let made = try FhirDeidBinary.shell(
      #"""
      mkdir -p rec/a/b rec/.hidden
      echo '{"resourceType":"Patient","id":"1"}' > rec/top.ndjson
      echo '{"resourceType":"Patient","id":"2"}' > rec/a/x.ndjson
      echo '{"resourceType":"Patient","id":"3"}' > rec/a/b/y.ndjson
      echo '{"resourceType":"Patient","id":"4"}' > rec/.hidden/z.ndjson
      """#, in: dir)
    #expect(made.status == 0)
    let flat = try Self.run("rec", in: dir)
    #expect(flat.stdoutText == #"{"resourceType":"Patient","id":"1"}"# + "\n")
    let deep = try Self.run("-r rec", in: dir)
    #expect(
      deep.stdoutText.split(separator: "\n").map { $0.suffix(4) } == [#""3"}"#, #""2"}"#, #""1"}"#])
    let mirrored = try Self.run("-r --output-dir out rec", in: dir)
    #expect(mirrored.status == 0, "\(mirrored.stderr)")
    for path in ["out/top.ndjson", "out/a/x.ndjson", "out/a/b/y.ndjson"] {
      #expect(FileManager.default.fileExists(atPath: dir + "/" + path), "\(path)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/out/.hidden"))
  }

  @Test("#12: an input folder with nothing to read is exit 66, saying what it looked for")
  func emptyFolder() throws {
    let dir = try Self.scratch()
    _ = try FhirDeidBinary.shell(
      "mkdir -p empty/sub bundles && touch empty/a.jsonl empty/b.NDJSON empty/.h.ndjson "
        + "empty/sub/c.ndjson bundles/a.json",
      in: dir)
    let r = try Self.run("empty", in: dir)
    #expect(r.status == 66)
    #expect(r.stderr.contains("no *.ndjson, *.ndjson.gz or *.json file"), "\(r.stderr)")
    #expect(r.stderr.contains("subfolders only with -r"))
    // .json files are documents (a resource or a Bundle each) unless NDJSON alone is asked for.
    let ndjson = try Self.run("--input-format ndjson bundles", in: dir)
    #expect(ndjson.status == 66)
    #expect(ndjson.stderr.contains("no *.ndjson or *.ndjson.gz file"), "\(ndjson.stderr)")
  }
}

/// #12 (found 4): outputs are written beside and renamed when complete; signals clean up.
@Suite(.timeLimit(.minutes(2)))
struct InterruptedOutputTests {
  @Test(
    "#12: SIGTERM and SIGINT leave the old output intact, no temporary file, exit 143/130",
    arguments: [("TERM", 143), ("INT", 130)])
  func signal(_ name: String, _ status: Int32) throws {
    let dir = try TempDir.make("fhir-deid-signal")
    try "old\n".write(toFile: dir + "/out.ndjson", atomically: true, encoding: .utf8)
    // A run whose input stays open, signalled while it waits for more.
    let r = try FhirDeidBinary.shell(
      #"""
      (printf '{"resourceType":"Patient","id":"x"}\n'; sleep 5) | fhir-deid --preset keep-all -q -o out.ndjson &
      pid=$!
      sleep 1
      kill -\#(name) $pid; wait $pid; echo "status $?"
      """#, in: dir)
    #expect(r.stdoutText.contains("status \(status)"), "\(r.stdoutText) \(r.stderr)")
    #expect(try String(contentsOfFile: dir + "/out.ndjson", encoding: .utf8) == "old\n")
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter {
      $0.contains(".tmp-")
    }
    #expect(left.isEmpty, "\(left)")
  }

  @Test("#12: temporaries an earlier, killed run left are removed with a note")
  func staleTemporaries() throws {
    let dir = try TempDir.make("fhir-deid-stale")
    // PID 999999 is above Linux's default pid_max: never a live process.
    try "partial".write(
      toFile: dir + "/.out.ndjson.tmp-999999-0", atomically: true, encoding: .utf8)
    let r = try FhirDeidBinary.shell(
      #"printf '{"resourceType":"Patient","id":"x"}\n' | fhir-deid --preset keep-all -o out.ndjson"#,
      in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr.contains("removed ./.out.ndjson.tmp-999999-0")
        || r.stderr.contains("removed .out.ndjson.tmp-999999-0"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/.out.ndjson.tmp-999999-0"))
  }

  @Test("#12: a run that fails to write says it stopped, counting the lines read")
  func fullDisk() throws {
    let r = try FhirDeidBinary.shell(
      #"printf '{"resourceType":"Patient","id":"x"}\n' | fhir-deid --preset keep-all > /dev/full"#)
    #expect(r.status == 74)
    #expect(r.stderr.contains("stopped: 0 of 1 lines written"), "\(r.stderr)")
  }
}
