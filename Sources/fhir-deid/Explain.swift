import ArgumentParser
import FHIRDeid
import NDJSONStream
import Synchronization

/// `fhir-deid explain`: what each rule does on real data, and what no rule touches.
struct Explain: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Run the rules on data without writing it, and report what each rule did.",
    discussion: """
      Runs the configuration on INPUT as the main command would, writes no output, and reports: \
      per rule, the resources it matched, the nodes it selected and changed, and its share of the \
      rules' time (measured on one resource in four); the rules that matched nothing on this \
      data; and every element path present in the data (by resource type, array positions \
      dropped) whose values no rule reached, with counts: the fields that pass through as they \
      came. Counts and paths only, never a value. Keys are random for the run: what a rule \
      selects does not depend on them.
      """)

  @Argument(
    help: ArgumentHelp("Input files or directories; - for standard input.", valueName: "INPUT"))
  var inputs: [String] = []

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("The configuration (Microsoft's format).", valueName: "FILE"))
  var config: String?

  @Option(
    help: ArgumentHelp(
      "A built-in configuration (see 'fhir-deid presets'); default: safe-harbor.",
      valueName: "NAME"))
  var preset: String?

  @OptionGroup var checking: ConfigurationChecking

  @Option(help: ArgumentHelp("text or json.", valueName: "text|json"))
  var format: ReportFormat = .text

  @Option(
    name: .customLong("today"),
    help: ArgumentHelp(
      "The date 'age over 89' counts from (default: today).", valueName: "YYYY-MM-DD"))
  var today: String?

  @Option(
    name: .customLong("invalid-input"),
    help: ArgumentHelp(
      "A line that is not a JSON object or not FHIR R4: fail (exit 65) or skip (warn and go on).",
      valueName: "fail|skip"))
  var invalidInput: InvalidInputPolicy = .fail

  @Option(
    name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
    help: ArgumentHelp(
      "Worker threads, also as -j4; 0 or none: the number of available cores.", valueName: "N"))
  var jobs: Int?

  @Flag(name: [.short, .long], help: "Only errors on standard error.")
  var quiet = false

  func validate() throws {
    try ConfigurationInput.validate(config: config, preset: preset)
    if let jobs, !(0...256).contains(jobs) {
      throw ValidationError("--jobs must be from 0 (all cores) to 256")
    }
    if let today, LocalDate.parse(today) == nil {
      throw ValidationError("--today must be a date YYYY-MM-DD")
    }
  }

  func run() throws {
    Diagnostics.setQuiet(quiet)
    let input = try ReportedFailure.exiting { () throws(ReportedFailure) in
      try ConfigurationInput.read(file: config, preset: preset)
    }
    let day = today.flatMap(LocalDate.parse) ?? LocalDate.today()
    let anonymizer = try ReportedFailure.exiting { () throws(ReportedFailure) in
      try input.compileWithRandomKeys(options: checking.loadOptions, today: day)
    }
    let name = input.name
    let sources: [InputSource]
    do { sources = try expandInputs(inputs) } catch {
      Diagnostics.error(String(describing: error))
      throw ExitStatus.noInput.exitCode
    }
    let names = sources.map(\.displayName)
    let prefixes = Array(repeating: [UInt8](), count: sources.count)
    let policy = invalidInput
    let maxLineBytes = PipelineOptions.defaultMaxLineBytes
    let pipeline = Pipeline(
      options: PipelineOptions(
        jobs: FileIO.workerCount(jobs), maxLineBytes: maxLineBytes,
        longLines: policy.longLines))
    let total = Mutex(BatchReport<ExplainJob.Counts>())
    let started = FileIO.now()
    let result = pipeline.run(
      inputs: sources, to: .standardOutput,
      makeWorker: {
        EngineWorker(
          ExplainJob(anonymizer: anonymizer, prefixes: prefixes), invalidInput: policy,
          maxLineBytes: maxLineBytes)
      },
      onWritten: { report in
        report.warn(inputNames: names)
        total.withLock { $0 += report }
      })
    let status = RunPlan.report(result.outcome, inputNames: names)
    guard status == .success else { throw status.exitCode }
    let report = ExplainReport(
      name: name, rules: anonymizer.configuration.rules, counts: total.withLock { $0 }.counts,
      bytes: result.bytesRead, seconds: FileIO.now() - started)
    try Diagnostics.writeOutput(Array((format == .json ? report.json() : report.text()).utf8))
  }
}

/// What `explain` prints.
struct ExplainReport {
  var name: String
  var rules: [Rule]
  var counts: ExplainJob.Counts
  var bytes: Int
  var seconds: Double

  var ruleCounts: [EngineCounters.RuleCounts] {
    let engine = counts.engine ?? EngineCounters(ruleCount: rules.count)
    return rules.indices.map { $0 < engine.rules.count ? engine.rules[$0] : .init() }
  }

  var totalNanoseconds: Int { max(ruleCounts.reduce(0) { $0 + $1.nanoseconds }, 1) }

  /// The untouched paths, most values first, then by path.
  var untouched: [(path: String, count: Int)] {
    counts.untouched.map { ($0.key, $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.path < $1.path
    }
  }

  func text() -> String {
    let c = ruleCounts
    let total = Double(totalNanoseconds)
    var out =
      "explain: \(name) on \(counts.resources) resources (\(Format.fixed(Double(bytes) / 1e6, 1)) MB) "
      + "in \(Format.fixed(seconds, 2)) s\n\nrules that matched (rule, method, path: resources, "
      + "nodes selected, values changed, share of the rules' time):\n"
    for (i, rule) in rules.enumerated() where c[i].matched > 0 {
      out +=
        "  \(i) \(rule.method.rawValue) \(rule.path): \(c[i].resources) resources, "
        + "\(c[i].matched) selected, \(c[i].nodes) changed, "
        + "\(Format.fixed(Double(c[i].nanoseconds) / total * 100, 1))%\n"
    }
    let idle = rules.indices.filter { c[$0].matched == 0 }
    out += "\nrules that matched nothing on this data (\(idle.count)):\n"
    for i in idle {
      // Selecting nothing still costs time (a walk, a where() on every candidate): say so.
      let share = Double(c[i].nanoseconds) / total * 100
      let cost = share >= 0.1 ? " (\(Format.fixed(share, 1))% of the time)" : ""
      out += "  \(i) \(rules[i].method.rawValue) \(rules[i].path)\(cost)\n"
    }
    let paths = untouched
    out +=
      "\nelement paths whose values no rule reached; they pass through as they came "
      + "(\(paths.count)):\n"
    for (path, count) in paths { out += "  \(count)\t\(path)\n" }
    return out
  }

  func json() -> String {
    let c = ruleCounts
    let total = Double(totalNanoseconds)
    var w = JSONOut()
    w.object { w in
      w.field("config") { w in w.string(name) }
      w.field("resources") { w in w.int(counts.resources) }
      w.field("bytes") { w in w.int(bytes) }
      w.field("elapsedSeconds") { w in w.raw(Format.fixed(seconds, 3)) }
      w.field("rules") { w in
        w.array(Array(rules.indices)) { w, i in
          w.object { w in
            w.field("index") { w in w.int(i) }
            w.field("path") { w in w.string(rules[i].path) }
            w.field("method") { w in w.string(rules[i].method.rawValue) }
            w.field("resources") { w in w.int(c[i].resources) }
            w.field("matched") { w in w.int(c[i].matched) }
            w.field("nodes") { w in w.int(c[i].nodes) }
            w.field("seconds") { w in w.raw(Format.fixed(Double(c[i].nanoseconds) / 1e9, 4)) }
            w.field("timeShare") { w in w.raw(Format.fixed(Double(c[i].nanoseconds) / total, 4)) }
          }
        }
      }
      w.field("unmatchedRules") { w in
        w.array(rules.indices.filter { c[$0].matched == 0 }) { w, i in w.int(i) }
      }
      w.field("untouched") { w in
        w.array(untouched) { w, entry in
          w.object { w in
            w.field("path") { w in w.string(entry.path) }
            w.field("count") { w in w.int(entry.count) }
          }
        }
      }
    }
    return String(decoding: w.bytes, as: UTF8.self) + "\n"
  }
}
