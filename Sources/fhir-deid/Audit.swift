import ArgumentParser
import DeidCrypto
import FHIRDeid
import NDJSONStream
import Synchronization

/// `fhir-deid audit`: the residual-identifier check a privacy officer runs on de-identified
/// output before it leaves.
struct Audit: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Check de-identified NDJSON for identifiers left behind (exit 2 when found).",
    discussion: """
      Scans OUTPUT (files, directories, - for standard input; gzip by magic, as the main \
      command reads input) and reports, per element path, dates finer than a year, ages over \
      89, untruncated and restricted-area ZIP codes, SSN, phone, e-mail, IP address and URL \
      patterns, and free text. With --original, also which identifying values of the original \
      input (held only as keyed hashes under a random key made for this run) survive in the \
      output; values a keep rule of the configuration (-c or --preset, default safe-harbor) keeps \
      on purpose are listed apart and are not findings. Values are printed only with \
      --show-values. Exit status 0: clean; 2: findings.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "De-identified files or directories; - for standard input (the default).",
      valueName: "OUTPUT"))
  var outputs: [String] = []

  @Option(
    name: .customLong("original"),
    help: ArgumentHelp(
      "An original (not de-identified) input file or directory; repeat the option for several.",
      valueName: "INPUT"))
  var original: [String] = []

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "The configuration the output was made with (for --original: values its keep rules keep).",
      valueName: "FILE"))
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The built-in configuration the output was made with (default: safe-harbor).",
      valueName: "NAME"))
  var preset: String?

  @Flag(
    name: .customLong("shifted-dates"),
    help: "Dates were shifted on purpose: a month or day is no finding.")
  var shiftedDates = false

  @Option(
    name: .customLong("today"),
    help: ArgumentHelp(
      "The date 'age over 89' counts from (default: today).", valueName: "YYYY-MM-DD"))
  var today: String?

  @Flag(
    name: .customLong("k-anonymity"),
    help: "Report k-anonymity of the Patients over the quasi-identifiers.")
  var kAnonymity = false

  @Option(
    name: .customLong("quasi-identifiers"),
    help: ArgumentHelp(
      "Comma-separated quasi-identifiers for --k-anonymity: gender, birthYear, zip3, state (default: all).",
      valueName: "LIST"))
  var quasiIdentifiers: String?

  @Option(
    name: .customLong("k"),
    help: ArgumentHelp(
      "The smallest acceptable class size for --k-anonymity (default: 11).", valueName: "N"))
  var k: Int = 11

  @Flag(
    name: .customLong("show-values"),
    help: "Print up to 3 example values per finding (they are patient data).")
  var showValues = false

  @Option(
    help: ArgumentHelp("text (for people) or json (one object).", valueName: "text|json"))
  var format: ReportFormat = .text

  @Option(
    name: .customLong("invalid-input"),
    help: ArgumentHelp(
      "A line that is not a JSON object or not FHIR R4: fail (exit 65) or skip (warn and go on).",
      valueName: "fail|skip"))
  var invalidInput: InvalidInputPolicy = .fail

  @Option(
    name: .customLong("max-line-bytes"),
    help: ArgumentHelp(
      "The longest line accepted, in bytes, or with K, M or G (default 64M, at most 2G).",
      valueName: "N"))
  var maxLineBytes = ByteCount(bytes: PipelineOptions.defaultMaxLineBytes)

  @Option(
    name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
    help: ArgumentHelp(
      "Worker threads, also as -j4; 0 or none: the number of available cores.", valueName: "N"))
  var jobs: Int?

  @OptionGroup var checking: ConfigurationChecking

  @Flag(name: [.short, .long], help: "Only errors on standard error (no summary, no warnings).")
  var quiet = false

  func validate() throws {
    if let jobs, !(0...256).contains(jobs) {
      throw ValidationError("--jobs must be from 0 (all cores) to 256")
    }
    if let problem = ByteCount.maxLineBytesProblem(maxLineBytes) {
      throw ValidationError(problem)
    }
    try ConfigurationInput.validate(config: config, preset: preset)
    if let today, LocalDate.parse(today) == nil {
      throw ValidationError("--today must be a date YYYY-MM-DD")
    }
    if k < 1 { throw ValidationError("--k must be at least 1") }
    _ = try parsedQuasiIdentifiers()
    let outputsReadStdin = outputs.isEmpty || outputs.contains("-")
    if original.contains("-") && outputsReadStdin {
      throw ValidationError("standard input can be either --original or OUTPUT, not both")
    }
  }

  /// The quasi-identifiers chosen with `--quasi-identifiers`, or all of them.
  func parsedQuasiIdentifiers() throws -> [AuditQuasiIdentifier] {
    guard let quasiIdentifiers else { return AuditQuasiIdentifier.allCases }
    var chosen: [AuditQuasiIdentifier] = []
    for name in quasiIdentifiers.split(separator: ",") {
      let trimmed = name.trimmingCharacters()
      guard let q = AuditQuasiIdentifier(rawValue: trimmed) else {
        throw ValidationError(
          "--quasi-identifiers: unknown '\(trimmed)'; choose from "
            + AuditQuasiIdentifier.allCases.map(\.rawValue).joined(separator: ", "))
      }
      if !chosen.contains(q) { chosen.append(q) }
    }
    guard !chosen.isEmpty else { throw ValidationError("--quasi-identifiers is empty") }
    return chosen
  }

  func run() throws {
    Diagnostics.setQuiet(quiet)
    let day = today.flatMap(LocalDate.parse) ?? LocalDate.today()
    var settings = AuditSettings(today: day)
    settings.shiftedDates = shiftedDates
    settings.restrictedZips = AuditSettings.safeHarborRestrictedZips.map { Array($0.utf8) }
    settings.showsValues = showValues
    settings.quasiIdentifiers = kAnonymity ? try parsedQuasiIdentifiers() : nil

    var index: AuditIndex?
    var rules: [Rule] = []
    var configSource: String?
    if !original.isEmpty {
      let input = try ReportedFailure.exiting { () throws(ReportedFailure) in
        try ConfigurationInput.read(file: config, preset: preset)
      }
      // Compiled with random keys: its hashes and shifts are never used, only which rule decides
      // each node.
      let anonymizer = try ReportedFailure.exiting { () throws(ReportedFailure) in
        try input.compileWithRandomKeys(options: checking.loadOptions, today: day)
      }
      let source = input.source
      rules = anonymizer.configuration.rules
      configSource = source
      let hasKeep = rules.contains { $0.method == .keep }
      let sources = try expand(original)
      let key = AuditIndexKey()
      let policy = invalidInput
      let maxLineBytes = maxLineBytes.bytes
      let parts = Mutex(AuditIndexPart())
      let status = runPass(sources) {
        EngineWorker(
          AuditJob(.index(AuditIndexer(anonymizer: hasKeep ? anonymizer : nil, keyTemplate: key))),
          invalidInput: policy, maxLineBytes: maxLineBytes)
      } collect: { report in
        parts.withLock { $0 += report.counts.index }
      }
      if status != .success { throw status.exitCode }
      index = AuditIndex(key: key, part: parts.withLock { $0 })
    }

    let sources = try expand(outputs)
    let names = sources.map(\.displayName)
    let policy = invalidInput
    let maxLineBytes = maxLineBytes.bytes
    let tally = Mutex(AuditTally())
    let frozenSettings = settings
    let frozenIndex = index
    let status = runPass(sources) {
      EngineWorker(
        AuditJob(.scan(AuditScanner(settings: frozenSettings, index: frozenIndex))),
        invalidInput: policy, maxLineBytes: maxLineBytes)
    } collect: { report in
      tally.withLock { $0 += report.counts.tally }
    }
    if status != .success { throw status.exitCode }

    let report = AuditReportText(
      tally: tally.withLock { $0 }, settings: settings, k: k, outputs: names,
      originals: original, configSource: configSource, rules: rules, index: index)
    try Diagnostics.writeOutput(Array((format == .json ? report.json() : report.text()).utf8))
    if report.hasFindings { throw ExitStatus.findings.exitCode }
  }

  private func expand(_ operands: [String]) throws -> [InputSource] {
    do { return try expandInputs(operands) } catch {
      Diagnostics.error(String(describing: error))
      throw ExitStatus.noInput.exitCode
    }
  }

  /// Runs one pass of the pipeline over `sources`; `collect` gets each batch's report on the
  /// writer thread. Returns the exit status of the pass.
  private func runPass(
    _ sources: [InputSource], makeWorker: @escaping @Sendable () -> EngineWorker<AuditJob>,
    collect: (BatchReport<AuditJob.Counts>) -> Void
  ) -> ExitStatus {
    let names = sources.map(\.displayName)
    let pipeline = Pipeline(
      options: PipelineOptions(
        jobs: FileIO.workerCount(jobs), maxLineBytes: maxLineBytes.bytes,
        longLines: invalidInput.longLines))
    let result = pipeline.run(
      inputs: sources, to: .standardOutput, makeWorker: makeWorker,
      onWritten: { report in
        report.warn(inputNames: names)
        collect(report)
      })
    return RunPlan.report(result.outcome, inputNames: names)
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
