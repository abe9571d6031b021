import ArgumentParser
import FHIRDeid
import FHIRPath
import NDJSONStream
import Synchronization

/// `fhir-deid select`: where a FHIRPath expression matches in each resource, for rule authors.
struct Select: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "select",
    abstract: "Show where a FHIRPath expression matches in each resource (for writing rules).",
    discussion: """
      Evaluates EXPR (FHIRPath with the anonymizer's nodesByType and nodesByName) with each \
      resource as the focus and prints one line per match: FILE:LINE, the element path \
      (Patient.name[0].family) or (value) for a computed value, and the FHIR type (string, \
      HumanName) or System type (System.Boolean), separated by tabs. Values are patient data: \
      they are printed only with --values. Inputs are read as by the main command.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "A FHIRPath expression, evaluated with each resource as focus.", valueName: "EXPR"))
  var expression: String

  @Argument(
    help: ArgumentHelp("Input files or directories; - for standard input.", valueName: "INPUT"))
  var inputs: [String] = []

  @Flag(help: "Also print each match's value as compact JSON (values are patient data).")
  var values = false

  @Option(
    help: ArgumentHelp(
      "text (tab-separated columns) or json (one object per match).", valueName: "text|json"))
  var format: SelectFormat = .text

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
      "Worker threads, also as -j4; 0 or none: the number of available cores. Output is identical for every N.",
      valueName: "N"))
  var jobs: Int?

  @Option(
    name: .customLong("max-fhirpath-steps"),
    help: ArgumentHelp(
      "The most FHIRPath steps EXPR may take on one line (default: 100000000); a line that needs more is an error (exit 1).",
      valueName: "N"))
  var maxFHIRPathSteps: Int = FHIRPathEvaluator.defaultStepLimit

  @Flag(
    name: .customLong("lenient-paths"),
    help: "A step of EXPR that names no FHIR R4 element is a warning, not an error (exit 78).")
  var lenientPaths = false

  @Flag(name: [.short, .long], help: "Only errors on standard error (no summary, no warnings).")
  var quiet = false

  func validate() throws {
    if let jobs, !(0...256).contains(jobs) {
      throw ValidationError("--jobs must be from 0 (all cores) to 256")
    }
    if maxFHIRPathSteps < 1 {
      throw ValidationError("--max-fhirpath-steps must be at least 1")
    }
    if let problem = ByteCount.maxLineBytesProblem(maxLineBytes) {
      throw ValidationError(problem)
    }
  }

  func run() throws {
    Diagnostics.setQuiet(quiet)
    let compiled: CompiledExpression
    do {
      compiled = try FHIRPathCompiler.compile(expression)
    } catch {
      // The expression is the user's own text, not data: showing it with a caret is safe.
      Diagnostics.error("invalid FHIRPath expression at column \(error.column): \(error.message)")
      if !expression.contains("\n") {
        Diagnostics.emit("  " + expression)
        Diagnostics.emit("  " + String(repeating: " ", count: max(error.column - 1, 0)) + "^")
      }
      throw ExitStatus.usage.exitCode
    }
    // A name R4 does not have selects nothing: say so, as a configuration's load does.
    let findings = PathCheck.check(expression: expression, at: "EXPR")
    for finding in findings {
      if lenientPaths {
        Diagnostics.warning(finding.text)
      } else {
        Diagnostics.error(finding.text)
      }
    }
    if !findings.isEmpty && !lenientPaths { throw ExitStatus.configuration.exitCode }
    let sources: [InputSource]
    do {
      sources = try expandInputs(inputs)
    } catch {
      Diagnostics.error(String(describing: error))
      throw ExitStatus.noInput.exitCode
    }
    let status = execute(compiled, sources)
    if status != .success { throw status.exitCode }
  }

  /// Runs the pipeline over `sources`, reports on stderr, and returns the exit status.
  private func execute(_ compiled: CompiledExpression, _ sources: [InputSource]) -> ExitStatus {
    let names = sources.map(\.displayName)
    let policy = invalidInput
    let format = format
    let showsValues = values
    let jobs = FileIO.workerCount(jobs)
    let maxSteps = maxFHIRPathSteps
    let maxLineBytes = maxLineBytes.bytes
    let makeWorker: @Sendable () -> EngineWorker<SelectJob> = {
      EngineWorker(
        SelectJob(
          expression: compiled, inputNames: names, format: format,
          showsValues: showsValues, maxSteps: maxSteps),
        invalidInput: policy, maxLineBytes: maxLineBytes)
    }
    let pipeline = Pipeline(
      options: PipelineOptions(
        jobs: jobs, maxLineBytes: maxLineBytes, longLines: policy.longLines))
    let stats = Mutex(BatchReport<SelectJob.Counts>())
    let result = pipeline.run(
      inputs: sources, to: .standardOutput, makeWorker: makeWorker,
      onWritten: { report in
        report.warn(inputNames: names)
        stats.withLock { $0 += report }
      })
    if case .brokenPipe = result.outcome { return .success }
    let status = RunPlan.report(result.outcome, inputNames: names)
    guard status == .success else { return status }
    let totals = stats.withLock { $0 }.counts
    var summary =
      "\(totals.matches) matches in \(totals.resourcesMatched) of \(totals.resources) resources"
    let skipped = stats.withLock { $0 }.skipped
    if skipped > 0 { summary += "; invalid lines skipped: \(skipped)" }
    Diagnostics.note(summary)
    return status
  }
}

/// `--format text|json` (the formats are the engine's ``FHIRDeid/SelectFormat``).
extension SelectFormat: ExpressibleByArgument {}
