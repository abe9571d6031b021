import DeidTestSupport
import Foundation
import Testing

/// The map step of a cluster (examples/parallel, examples/spark): the input cut into shards, each
/// shard one fhir-deid run on its standard input, the outputs concatenated in order, is byte for
/// byte one run over the whole input, for both presets (and, for the script and the Spark job,
/// which name standard input for it, a configuration with date-shift scope `file`). GNU parallel
/// cuts blocks of 200 kB, Spark 4 partitions per file. Skipped without `parallel`, or without
/// `java` and python3 with pyspark.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ClusterMapTests {
  static let keys = TestKeys.environment
  static let today = ["--today", "2026-11-29"]
  static let presets = ["safe-harbor", "safe-harbor-patient-shift"]
  /// The presets and `file-scope`: dates shifted by one offset per file name, ids hashed.
  static let rules = presets + ["file-scope"]

  static let fileScopeConfig: String = {
    let path = (try? TempDir.make("fhir-deid-cluster-config")).map { $0 + "/file-scope.json" }
    let json = """
      {"fhirVersion": "R4", "fhirPathRules": [
        {"path": "nodesByType('date')", "method": "dateShift"},
        {"path": "nodesByType('dateTime')", "method": "dateShift"},
        {"path": "Resource.id", "method": "cryptoHash"}],
       "parameters": {"dateShiftScope": "file", "dateShiftAlgorithm": "hmac-sha256"}}
      """
    if let path { FileManager.default.createFile(atPath: path, contents: Data(json.utf8)) }
    return path ?? "/nonexistent"
  }()

  /// fhir-deid's options for `rules` (a preset name or `file-scope`).
  static func options(_ rules: String) -> [String] {
    rules == "file-scope" ? ["-c", fileScopeConfig] : ["--preset", rules]
  }

  static let hasParallel = (try? FhirDeidBinary.shell("command -v parallel"))?.status == 0
  static let hasSpark =
    (try? FhirDeidBinary.shell(
      #"{ [ -x "${JAVA_HOME:-/nonexistent}/bin/java" ] || command -v java; } && python3 -c 'import pyspark'"#
    ))?.status == 0

  /// A few MB of NDJSON: from the shared Synthea corpus when `../shared` has it, else the inputs
  /// committed under examples/ and Tests/FHIRDeidTests/Fixtures (those both presets accept),
  /// repeated.
  static let input: String? = {
    guard let dir = try? TempDir.make("fhir-deid-cluster") else { return nil }
    let file = dir + "/all.ndjson"
    let tool = Shared.path + "/tools/make-corpus"
    if FileManager.default.fileExists(atPath: Shared.path + "/corpus/synthea-r4"),
      FileManager.default.isExecutableFile(atPath: tool)
    {
      let made = try? FhirDeidBinary.shell("\(tool) --target-mb 3 --seed 1 --single \(file) -q")
      return made?.status == 0 ? file : nil
    }
    var candidates: [String] = []
    for folder in ["/examples", "/Tests/FHIRDeidTests/Fixtures"] {
      let root = Shared.packageRoot + folder
      for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
        candidates.append(root + "/" + name + "/input.ndjson")
      }
    }
    var accepted = Data()
    for path in candidates.sorted() {
      guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { continue }
      let allRun = presets.allSatisfy { preset in
        (try? FhirDeidBinary.run(
          ["--preset", preset, "-q"] + today, stdin: data, environment: keys))?.status == 0
      }
      // Blank lines are skipped by fhir-deid (one output line per resource): leave them out.
      for line in data.split(separator: 0x0A) where allRun {
        if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
          accepted += line + Data([0x0A])
        }
      }
    }
    guard !accepted.isEmpty else { return nil }
    var repeated = Data()
    while repeated.count < 1_500_000 { repeated += accepted }
    return FileManager.default.createFile(atPath: file, contents: repeated) ? file : nil
  }()

  static func lineCount(_ data: Data) -> Int { data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }

  static func read(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  /// One fhir-deid run over the whole file (plain NDJSON `input`, or its gzip copy `file`): the
  /// reference the shards must equal.
  static func single(_ rules: String, _ input: String, file: String? = nil) throws -> Data {
    let r = try FhirDeidBinary.run(
      options(rules) + ["-q"] + today + [file ?? input], environment: keys)
    #expect(r.status == 0, "\(r.stderr)")
    let data = try read(input)
    #expect(!r.stdout.isEmpty)
    let changed = r.stdout != data
    #expect(changed, "the rules changed nothing")
    #expect(lineCount(r.stdout) == lineCount(data))
    return r.stdout
  }

  /// Records an issue unless `sharded` is byte for byte `single`, naming the first line that
  /// differs. (`#expect(a == b)` on two Data values would diff them as byte collections for its
  /// message, which takes many minutes on megabytes.)
  static func expectSame(
    _ sharded: Data, _ single: Data, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if sharded == single { return }
    let a = sharded.split(separator: 0x0A, omittingEmptySubsequences: false)
    let b = single.split(separator: 0x0A, omittingEmptySubsequences: false)
    let line = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
    Issue.record(
      "\(what): differs from one run from line \(line + 1) on (\(sharded.count) bytes in \(a.count - 1) lines, one run \(single.count) bytes in \(b.count - 1) lines)",
      sourceLocation: sourceLocation)
  }

  static func quoted(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  @Test(
    "parallel --pipe -k: the README's command, in 200 kB blocks, equals one run",
    .enabled(if: hasParallel, "needs GNU parallel on the PATH (apt-get install parallel)"),
    arguments: presets)
  func parallelCommand(_ preset: String) throws {
    let file = try #require(Self.input)
    let expected = try Self.single(preset, file)
    let blocks = try FhirDeidBinary.shell(
      "parallel --pipe --block 200k -k wc -l < \(Self.quoted(file))")
    let perBlock = blocks.stdoutText.split(separator: "\n").compactMap { Int($0) }
    #expect(perBlock.count >= 5, "the input is not cut into several blocks")
    #expect(perBlock.reduce(0, +) == Self.lineCount(try Self.read(file)))
    let r = try FhirDeidBinary.shell(
      "parallel --pipe --block 200k -k --halt now,fail=1 fhir-deid --preset \(preset) -q -j 1 --today 2026-11-29 < \(Self.quoted(file))",
      environment: Self.keys)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    Self.expectSame(r.stdout, expected, "parallel --pipe, \(preset)")
  }

  static let script = Shared.packageRoot + "/examples/parallel/deid-parallel.sh"

  static func runScript(_ arguments: [String]) throws -> CommandResult {
    var env = keys
    env["FHIR_DEID"] = FhirDeidBinary.path
    env["BLOCK"] = "200k"
    return try FhirDeidBinary.shell(
      ([script] + arguments).map(quoted).joined(separator: " "), environment: env)
  }

  @Test(
    "deid-parallel.sh: plain and gzip input and output equal one run",
    .enabled(if: hasParallel, "needs GNU parallel on the PATH (apt-get install parallel)"),
    arguments: rules)
  func parallelScript(_ rules: String) throws {
    let file = try #require(Self.input)
    let dir = try TempDir.make("fhir-deid-cluster-script")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plain = try Self.runScript([file, dir + "/out.ndjson"] + Self.options(rules) + Self.today)
    #expect(plain.status == 0, "\(plain.stderr)")
    Self.expectSame(
      try Self.read(dir + "/out.ndjson"), try Self.single(rules, file), "plain, \(rules)")

    let gz = try FhirDeidBinary.shell("gzip -c \(Self.quoted(file)) > \(dir)/in.ndjson.gz")
    try #require(gz.status == 0)
    let zipped = try Self.runScript(
      [dir + "/in.ndjson.gz", dir + "/out.ndjson.gz"] + Self.options(rules) + Self.today)
    #expect(zipped.status == 0, "\(zipped.stderr)")
    let unzipped = try FhirDeidBinary.shell("gzip -dc \(dir)/out.ndjson.gz")
    #expect(unzipped.status == 0, "\(unzipped.stderr)")
    let single = try Self.single(rules, file, file: dir + "/in.ndjson.gz")
    Self.expectSame(unzipped.stdout, single, "gzip, \(rules)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
        "in.ndjson.gz", "out.ndjson", "out.ndjson.gz",
      ])
  }

  @Test(
    "deid-parallel.sh: a bad line stops the run with its status, no output, the block named, no value",
    .enabled(if: hasParallel, "needs GNU parallel on the PATH (apt-get install parallel)"))
  func parallelScriptFailsClosed() throws {
    let file = try #require(Self.input)
    let lines = String(decoding: try Self.read(file), as: UTF8.self).split(separator: "\n")
    try #require(lines.count >= 10)
    let dir = try TempDir.make("fhir-deid-cluster-fail")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var bad = lines.map(String.init)
    bad.insert(#"{"resourceType":"Patient","name":"CANARY-NAME"}"#, at: lines.count * 2 / 3)
    let input = dir + "/bad.ndjson"
    try Data((bad.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: input))
    let r = try Self.runScript([input, dir + "/out.ndjson"])
    #expect(r.status == 65, "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bad.ndjson"])
    #expect(r.stderr.contains("block "), "\(r.stderr)")
    #expect(r.stderr.contains("Patient.name"), "\(r.stderr)")
    #expect(!r.stderr.contains("CANARY"), "stderr leaked an input value: \(r.stderr)")

    // Without keys the rules are refused once, before anything is read.
    var env = ["FHIR_DEID": FhirDeidBinary.path]
    for name in Self.keys.keys { env[name] = "" }
    let noKeys = try FhirDeidBinary.shell(
      "\(Self.quoted(Self.script)) \(Self.quoted(file)) \(dir)/out.ndjson", environment: env)
    #expect(noKeys.status == 78, "\(noKeys.stderr)")
    #expect(noKeys.stderr.components(separatedBy: "error:").count == 2, "\(noKeys.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bad.ndjson"])
  }

  @Test(
    "Spark rdd.pipe: every file's parts, concatenated in order, equal one run on the file",
    .enabled(if: hasSpark, "needs java and python3 with pyspark (python3 -m pip install pyspark)"),
    arguments: rules)
  func spark(_ rules: String) throws {
    let file = try #require(Self.input)
    let dir = try TempDir.make("fhir-deid-cluster-spark")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A plain file Hadoop splits (the first third of the input, to keep Spark's part short), the
    // same gzipped (one partition, cut by the job) and a file with fewer lines than partitions.
    let export = dir + "/export"
    let third = Self.lineCount(try Self.read(file)) / 3
    let made = try FhirDeidBinary.shell(
      """
      mkdir \(export) && head -n \(third) \(Self.quoted(file)) > \(export)/Mixed.ndjson && \
      gzip -c \(export)/Mixed.ndjson > \(export)/Zipped.ndjson.gz && \
      head -n 2 \(Self.quoted(file)) > \(export)/Small.ndjson && echo '{}' > \(export)/notes.json
      """)
    try #require(made.status == 0, "\(made.stderr)")
    let job = Shared.packageRoot + "/examples/spark/deid_export.py"
    let r = try FhirDeidBinary.shell(
      "python3 \(Self.quoted(job)) \(export) \(dir)/out --fhir-deid \(Self.quoted(FhirDeidBinary.path)) \(Self.options(rules).map(Self.quoted).joined(separator: " ")) --partitions 4 --today 2026-11-29",
      environment: Self.keys)
    #expect(r.status == 0, "\(r.stderr)")
    let outputs = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
    #expect(outputs == ["Mixed.ndjson", "Small.ndjson", "Zipped.ndjson"])
    for (name, source, plain) in [
      ("Mixed.ndjson", "Mixed.ndjson", "Mixed.ndjson"),
      ("Small.ndjson", "Small.ndjson", "Small.ndjson"),
      ("Zipped.ndjson", "Zipped.ndjson.gz", "Mixed.ndjson"),
    ] {
      let folder = dir + "/out/" + name
      let parts = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasPrefix("part-") }.sorted()
      #expect(parts.count >= 4, "\(name): \(parts)")
      #expect(FileManager.default.fileExists(atPath: folder + "/_SUCCESS"))
      let contents = try parts.map { try Self.read(folder + "/" + $0) }
      if name != "Small.ndjson" {
        #expect(contents.filter { !$0.isEmpty }.count >= 2, "\(name): not cut into partitions")
      }
      let expected = try Self.single(rules, export + "/" + plain, file: export + "/" + source)
      Self.expectSame(contents.reduce(Data(), +), expected, "\(name), \(rules)")
    }
  }
}
