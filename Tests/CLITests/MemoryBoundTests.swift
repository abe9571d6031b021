import DeidTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 8, items 3 and 5: blank lines with whitespace, `--max-line-bytes`, bounded memory.
@Suite struct MemoryBoundTests {
  static let patient = #"{"resourceType":"Patient","id":"p1","gender":"female"}"#
  static let observation = #"{"resourceType":"Observation","id":"o1","status":"final"}"#
  /// A valid line of exactly 300 bytes whose text must never show in a message.
  static let longLine: String = {
    let head = #"{"resourceType":"Patient","id":"SECRET-MARKER","name":[{"text":""#
    let tail = #""}]}"#
    return head + String(repeating: "Z", count: 300 - head.utf8.count - tail.utf8.count) + tail
  }()

  func withDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let dir = try TempDir.make("fhir-deid-memory")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    return try body(dir)
  }

  func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  func report(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test("#8: a line of only spaces, tabs and CR is blank: skipped and counted")
  func whitespaceLinesAreBlank() throws {
    try withDirectory { dir in
      let input = dir + "/in.ndjson"
      try write(
        Self.patient + "\n  \t \r\n\t\n \r\r\n" + Self.observation + "\n   ", to: input)
      let r = try FhirDeidBinary.run(
        ["--preset", "keep-all", "-q", "--stats", dir + "/report.json", input])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdoutText == Self.patient + "\n" + Self.observation + "\n")
      let inputs = try #require(try report(dir + "/report.json")["input"] as? [String: Any])
      #expect(inputs["lines"] as? Int == 2)
      #expect(inputs["blankLines"] as? Int == 4)
    }
  }

  @Test("#8: a line over --max-line-bytes stops the run with exit 65 after the earlier lines")
  func longLineFails() throws {
    try withDirectory { dir in
      let input = dir + "/in.ndjson"
      try write(
        [Self.patient, Self.observation, Self.longLine, Self.patient].joined(separator: "\n"),
        to: input)
      let r = try FhirDeidBinary.run(
        ["--preset", "keep-all", "--max-line-bytes", "200", "--stats", dir + "/report.json", input])
      #expect(r.status == 65)
      #expect(r.stdoutText == Self.patient + "\n" + Self.observation + "\n")
      #expect(r.stderr.contains("\(input):3: line longer than 200 bytes (--max-line-bytes)"))
      #expect(!r.stderr.contains("SECRET-MARKER") && !r.stderr.contains("ZZZ"))
      let errors = try #require(try report(dir + "/report.json")["errors"] as? [String: Int])
      #expect(errors["invalidInput"] == 1)
      // At the limit is fine; one byte less is not.
      let exact = try FhirDeidBinary.run(
        ["--preset", "keep-all", "-q", "--max-line-bytes", "300", input])
      #expect(exact.status == 0, "\(exact.stderr)")
      let under = try FhirDeidBinary.run(
        ["--preset", "keep-all", "-q", "--max-line-bytes", "299", input])
      #expect(under.status == 65)
    }
  }

  @Test("#8: with --invalid-input skip a long line is dropped, counted and warned about")
  func longLineSkipped() throws {
    try withDirectory { dir in
      let input = dir + "/in.ndjson"
      let lines = [
        Self.patient, Self.longLine, Self.observation, Self.longLine + Self.longLine, Self.patient,
      ]
      try write(lines.joined(separator: "\r\n") + "\r\n", to: input)
      let r = try FhirDeidBinary.run([
        "--preset", "keep-all", "--max-line-bytes", "1K", "--invalid-input", "skip", "-j", "2",
        "--stats", dir + "/report.json", "--max-line-bytes", "200", input,
      ])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(
        r.stdoutText == [Self.patient, Self.observation, Self.patient, ""].joined(separator: "\n"))
      #expect(r.stderr.contains("warning: skipped \(input):2: line longer than 200 bytes"))
      #expect(r.stderr.contains("warning: skipped \(input):4: line longer than 200 bytes"))
      #expect(!r.stderr.contains("SECRET-MARKER") && !r.stderr.contains("ZZZ"))
      let stats = try report(dir + "/report.json")
      let errors = try #require(stats["errors"] as? [String: Int])
      #expect(errors["invalidInput"] == 2)
      let resources = try #require(stats["resources"] as? [String: Any])
      #expect(resources["skipped"] as? Int == 2)
      #expect(resources["out"] as? Int == 3)
    }
  }

  @Test("#8: --max-line-bytes takes bytes or K, M, G; anything else is a usage error")
  func maxLineBytesValues() throws {
    try withDirectory { dir in
      let input = dir + "/in.ndjson"
      try write(Self.longLine + "\n", to: input)
      for accepted in ["300", "1K", "1k", "1KiB", "64M", "2G"] {
        let r = try FhirDeidBinary.run(
          ["--preset", "keep-all", "-q", "--max-line-bytes", accepted, input])
        #expect(r.status == 0, "\(accepted): \(r.stderr)")
      }
      for rejected in ["0", "-1", "1.5M", "3G", "10T", "M", "1 K", ""] {
        let r = try FhirDeidBinary.run(
          ["--preset", "keep-all", "-q", "--max-line-bytes", rejected, input])
        #expect(r.status == 64, "\(rejected)")
      }
    }
  }

  @Test("#8: select applies --max-line-bytes too")
  func selectHonoursTheLimit() throws {
    try withDirectory { dir in
      let input = dir + "/in.ndjson"
      try write([Self.patient, Self.longLine, Self.patient].joined(separator: "\n"), to: input)
      let fail = try FhirDeidBinary.run(["select", "--max-line-bytes", "200", "Patient.id", input])
      #expect(fail.status == 65)
      #expect(fail.stderr.contains("\(input):2: line longer than 200 bytes"))
      let skip = try FhirDeidBinary.run([
        "select", "--max-line-bytes", "200", "--invalid-input", "skip", "Patient.id", input,
      ])
      #expect(skip.status == 0)
      #expect(
        skip.stdoutText.split(separator: "\n").map { $0.prefix(input.count + 2) } == [
          "\(input):1", "\(input):3",
        ])
    }
  }

  /// Writes `count` gzip members of 1 MiB of zeros each (no newline anywhere) to `path`: `count`
  /// MiB of zeros in about `count` KB of gzip.
  func writeZeroBomb(megabytes count: Int, then tail: String = "", to path: String) throws {
    let member = try FhirDeidBinary.shell("head -c 1048576 /dev/zero | gzip -9")
    #expect(member.status == 0 && member.stdout.count < 4096)
    var bomb = Data()
    for _ in 0..<count { bomb.append(member.stdout) }
    if !tail.isEmpty {
      let rest = try FhirDeidBinary.shell("gzip -9", stdin: Data(tail.utf8))
      bomb.append(rest.stdout)
    }
    try bomb.write(to: URL(fileURLWithPath: path))
  }

  @Test("#8: 1 GB of zeros in 1 MB of gzip is rejected under 150 MB of memory")
  func zeroBombIsRejectedInBoundedMemory() throws {
    try withDirectory { dir in
      let bomb = dir + "/bomb.ndjson.gz"
      try writeZeroBomb(megabytes: 1024, to: bomb)
      let size = try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int ?? 0
      #expect(size < 2_000_000)
      let run = try spawnMeasured(
        ["--preset", "keep-all", "-j", "2", bomb], stderrTo: dir + "/err")
      let stderr = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
      #expect(run.status == 65, "\(stderr)")
      #expect(stderr.contains("\(bomb):1: line longer than 67108864 bytes (--max-line-bytes)"))
      #expect(run.maxRSSBytes < 150_000_000, "peak RSS \(run.maxRSSBytes) bytes")
    }
  }

  @Test("#8: under skip the reader streams past a long line without holding it")
  func zeroBombIsSkippedInBoundedMemory() throws {
    try withDirectory { dir in
      let bomb = dir + "/bomb.ndjson.gz"
      try writeZeroBomb(megabytes: 128, then: "\n" + Self.patient + "\n", to: bomb)
      let run = try spawnMeasured(
        [
          "--preset", "keep-all", "--invalid-input", "skip", "--max-line-bytes", "1M", "-o",
          dir + "/out.ndjson", bomb,
        ], stderrTo: dir + "/err")
      let stderr = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
      #expect(run.status == 0, "\(stderr)")
      #expect(stderr.contains("skipped \(bomb):1: line longer than 1048576 bytes"))
      let output = try String(contentsOfFile: dir + "/out.ndjson", encoding: .utf8)
      #expect(output == Self.patient + "\n")
      #expect(run.maxRSSBytes < 60_000_000, "peak RSS \(run.maxRSSBytes) bytes")
    }
  }

  /// How a child process ended and its peak resident set size.
  struct MeasuredRun {
    var status: Int32
    var maxRSSBytes: Int
  }

  /// Reports the exit status and peak RSS (`ru_maxrss` of its children, in KiB) of a command.
  static let measuringScript = """
    import resource, subprocess, sys
    with open(sys.argv[1], "wb") as err:
        run = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
    print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """

  /// Runs the binary with standard output to /dev/null (or `-o`) and standard error to a file,
  /// and measures its peak RSS with getrusage.
  ///
  /// Linux charges a process, when it calls exec, with the peak RSS of the memory it had before:
  /// for a child spawned straight from this test process that is the test process's own peak
  /// (tests run in parallel and some hold big arrays), so `wait4` here gives only an upper
  /// bound. A small python3 in between forks the child from its own small image and reads
  /// `RUSAGE_CHILDREN`, which is then the binary's own peak. Without python3 the upper bound is
  /// used: it can fail a run that is within the bound, never pass one that is not.
  func spawnMeasured(_ arguments: [String], stderrTo errorPath: String) throws -> MeasuredRun {
    let hasPython = try FhirDeidBinary.shell("command -v python3").status == 0
    if hasPython {
      let script = errorPath + ".py"
      try write(Self.measuringScript, to: script)
      let quoted = ([script, errorPath, FhirDeidBinary.path] + arguments).map { "'\($0)'" }
      let r = try FhirDeidBinary.shell("python3 " + quoted.joined(separator: " "))
      let fields = r.stdoutText.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
      try #require(r.status == 0 && fields.count == 2, "\(r.stderr)")
      return MeasuredRun(
        status: Int32(truncatingIfNeeded: fields[0]), maxRSSBytes: fields[1] * 1024)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([FhirDeidBinary.path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, FhirDeidBinary.path, &actions, nil, argv, environ)
    try #require(spawned == 0, "posix_spawn: \(spawned)")
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      try #require(errno == EINTR, "wait4: \(errno)")
    }
    let exited = (status & 0x7F) == 0
    return MeasuredRun(
      status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
      maxRSSBytes: Int(usage.ru_maxrss) * 1024)
  }
}
