import ArgumentParser
import FHIRDeid
import FHIRPath
import NDJSONStream

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The main job: NDJSON in, de-identified NDJSON out.
struct Run: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "De-identify NDJSON (the default command).",
    discussion: """
      INPUT is a file, a directory (its *.ndjson and *.ndjson.gz files, sorted) or - for standard \
      input (the default). gzip input is detected by its magic bytes. Several inputs are processed \
      in order into one output stream, like cat.
      """
  )

  @Argument(
    help: ArgumentHelp("Input files or directories; - for standard input.", valueName: "INPUT"))
  var inputs: [String] = []

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Anonymization configuration in Microsoft's format (JSON; comments allowed).",
      valueName: "FILE"))
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A built-in configuration (see 'fhir-deid presets'); default: safe-harbor.", valueName: "NAME"
    ))
  var preset: String?

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write here instead of standard output; a name ending in .gz means gzip output.",
      valueName: "FILE"))
  var output: String?

  @Option(
    name: .customLong("output-dir"),
    help: ArgumentHelp(
      "Bulk mode: write each input file to DIR under the same name, atomically.",
      valueName: "DIR"))
  var outputDir: String?

  @Flag(
    name: [.short, .long],
    help:
      "Read the *.ndjson files of subfolders of an input folder too; --output-dir mirrors the subfolders."
  )
  var recursive = false

  @Flag(
    name: .customLong("skip-existing"),
    help: "With --output-dir: leave an input whose output file exists (Microsoft's -s).")
  var skipExisting = false

  @Flag(
    name: .customLong("resume"),
    help:
      "With --output-dir: keep the outputs an earlier run finished (checked against its manifest: size, SHA-256, configuration and keys) and redo the rest."
  )
  var resume = false

  @Option(
    name: .customLong("input-format"),
    help: ArgumentHelp(
      "ndjson (one resource per line), json (one resource or Bundle per .json file, written back the same way, as Microsoft's tool) or auto (by extension: .json is json; the default).",
      valueName: "json|ndjson|auto"))
  var inputFormat: InputFormatOption = .auto

  @Flag(name: [.customShort("z"), .long], help: "gzip the output.")
  var gzip = false

  @Option(
    name: .customLong("gzip-level"),
    help: ArgumentHelp(
      "gzip compression level, 1 (fastest) to 9 (smallest); default 6. Needs gzip output.",
      valueName: "N"))
  var gzipLevel: Int?

  @Option(
    name: [.customShort("j", allowingJoined: true), .customLong("jobs")],
    help: ArgumentHelp(
      "Worker threads, also as -j4; 0 or none: the number of available cores. Output is identical for every N.",
      valueName: "N"))
  var jobs: Int?

  @Option(
    name: .customLong("invalid-input"),
    help: ArgumentHelp(
      "A line that is not a JSON object or not FHIR R4: fail (exit 65) or skip (drop and count).",
      valueName: "fail|skip"))
  var invalidInput: InvalidInputPolicy = .fail

  @Option(
    name: .customLong("max-line-bytes"),
    help: ArgumentHelp(
      "The longest line accepted, in bytes, or with K, M or G (default 64M, at most 2G). A longer line is invalid input, found before it is read whole.",
      valueName: "N"))
  var maxLineBytes = ByteCount(bytes: PipelineOptions.defaultMaxLineBytes)

  @Option(
    name: .customLong("keys"),
    help: ArgumentHelp(
      "A JSON file {\"dateShiftKey\", \"cryptoHashKey\", \"encryptKey\"} overriding the configuration's keys.",
      valueName: "FILE"))
  var keys: String?

  @Flag(
    name: .customLong("random-keys"),
    help:
      "A key the rules need and nobody gave is random, for this run only (Microsoft's default; pseudonyms and shifted dates then match no other run)."
  )
  var randomKeys = false

  @OptionGroup var checking: ConfigurationChecking

  @Flag(
    name: .customLong("allow-weak-keys"),
    help: "Accept a dateShiftKey or cryptoHashKey shorter than 16 bytes.")
  var allowWeakKeys = false

  @Option(
    name: .customLong("date-shift-algorithm"),
    help: ArgumentHelp(
      "How dateShift derives offsets from the key: hmac-sha256 (cannot be undone without the key) or microsoft (Microsoft's, drop-in; overrides the configuration).",
      valueName: "microsoft|hmac-sha256"))
  var dateShiftAlgorithm: DateShiftAlgorithmOption?

  @Option(
    name: .customLong("date-shift-scope"),
    help: ArgumentHelp(
      "Date-shift scope: resource, file, folder or patient (overrides the configuration).",
      valueName: "SCOPE"))
  var dateShiftScope: DateShiftScopeOption?

  @Option(
    name: .customLong("date-shift-prefix"),
    help: ArgumentHelp(
      "The file or folder name that scopes file and folder hash with the key, for standard input.",
      valueName: "NAME"))
  var dateShiftPrefix: String?

  @Option(
    name: .customLong("processing-errors"),
    help: ArgumentHelp(
      "A resource that cannot be de-identified: raise (exit 1) or skip (write an empty resource).",
      valueName: "raise|skip"))
  var processingErrors: ProcessingErrorsOption?

  @Option(
    name: .customLong("max-fhirpath-steps"),
    help: ArgumentHelp(
      "The most FHIRPath steps the rules may take on one line (default: 100000000); a line that needs more is a processing error.",
      valueName: "N"))
  var maxFHIRPathSteps: Int = FHIRPathEvaluator.defaultStepLimit

  @Flag(
    name: .customLong("valid-output"),
    help:
      "Repair the output so that it stays valid FHIR R4: emptied required elements get the data-absent-reason extension, cut instants and extensions without url are removed (as \"validOutput\": true; on in every preset)."
  )
  var validOutput = false

  @Option(
    name: .customLong("validate-output"),
    help: ArgumentHelp(
      "Check every output resource against R4 structure (required elements, cardinality, value forms, extension urls): warn reports each problem and goes on; fail stops at the first (exit 1).",
      valueName: "warn|fail"))
  var validateOutput: OutputValidationOption?

  @Option(
    name: .customLong("seed"),
    help: ArgumentHelp(
      "Make perturb reproducible: the same seed, keys and input give the same output, whatever -j or sharding.",
      valueName: "N"))
  var seed: UInt64?

  @Option(
    name: .customLong("today"),
    help: ArgumentHelp(
      "The date the 'age over 89' rules count from (default: today), for reproducible runs.",
      valueName: "YYYY-MM-DD"))
  var today: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the run report as JSON to FILE when done (- for standard error).", valueName: "FILE"))
  var stats: String?

  @Flag(
    inversion: .prefixedNo,
    help: "Show a progress line on standard error (default: when it is a terminal).")
  var progress: Bool?

  @Flag(name: [.short, .long], help: "Only errors on standard error.")
  var quiet = false

  func validate() throws {
    if let gzipLevel {
      guard (1...9).contains(gzipLevel) else {
        throw ValidationError("--gzip-level must be from 1 to 9")
      }
      guard gzip || output?.hasSuffix(".gz") == true else {
        throw ValidationError(
          "--gzip-level applies to gzip output: add -z (or write to a .gz file with -o)")
      }
    }
    // As gzip does: compressed bytes on a terminal are of no use to anyone.
    if gzip, outputDir == nil, output == nil || output == "-", isatty(1) == 1 {
      throw ValidationError(
        "refusing to write gzip data to a terminal; redirect standard output or use -o FILE.gz")
    }
    if let jobs, !(0...256).contains(jobs) {
      throw ValidationError("--jobs must be from 0 (all cores) to 256")
    }
    if maxFHIRPathSteps < 1 {
      throw ValidationError("--max-fhirpath-steps must be at least 1")
    }
    if let problem = ByteCount.maxLineBytesProblem(maxLineBytes) {
      throw ValidationError(problem)
    }
    if output != nil && outputDir != nil {
      throw ValidationError("--output and --output-dir cannot be used together")
    }
    try ConfigurationInput.validate(config: config, preset: preset)
    if let today, LocalDate.parse(today) == nil {
      throw ValidationError("--today must be a date YYYY-MM-DD")
    }
    if skipExisting && outputDir == nil {
      throw ValidationError("--skip-existing applies to --output-dir")
    }
    if resume && outputDir == nil {
      throw ValidationError("--resume applies to --output-dir")
    }
    if resume && skipExisting {
      throw ValidationError(
        "--resume and --skip-existing cannot be used together: --resume checks what exists")
    }
    if resume && randomKeys {
      throw ValidationError(
        "--resume needs the keys of the earlier run; --random-keys makes new ones")
    }
    if outputDir != nil && (inputs.isEmpty || inputs.contains("-")) {
      throw ValidationError("--output-dir needs input files or directories, not standard input")
    }
  }

  func run() throws {
    Diagnostics.setQuiet(quiet)
    do throws(ReportedFailure) {
      let plan = try RunPlan(self)
      try plan.execute()
    } catch {
      throw error.status.exitCode
    }
  }
}
