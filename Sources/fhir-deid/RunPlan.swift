import ByteJSON
import Dispatch
import FHIRDeid
import NDJSONStream
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything a run needs, resolved from the command line before any data is read.
struct RunPlan {
  let options: Run
  let configSource: String
  let configText: [UInt8]
  let anonymizer: Anonymizer
  /// The keys the run made up (`--random-keys`) or accepted although weak.
  let randomKeys: [KeyName]
  let weakKeys: [KeyName]
  /// Seconds from reading the configuration to the compiled ``anonymizer`` (keys included).
  let loadSeconds: Double
  let inputs: [InputSource]
  /// Per input, its name relative to its operand (`x.ndjson`, `sub/x.ndjson` with `-r`): the
  /// name it gets under `--output-dir`.
  let relativeNames: [String]
  let jobs: Int
  /// The date-shift prefix of each input.
  let prefixes: [[UInt8]]
  /// Per input, whether it is read as one JSON document (`--input-format`), not as NDJSON.
  let documents: [Bool]
  /// Idle record loops for JSON documents (see ``runDocuments(_:_:)``).
  let documentLoops = DocumentLoops()

  init(_ options: Run) throws(ReportedFailure) {
    self.options = options
    let loadStarted = ContinuousClock.now
    let input = try ConfigurationInput.read(file: options.config, preset: options.preset)
    configText = input.text
    configSource = input.source
    let path = input.name
    var configuration = try input.load(options: options.checking.loadOptions)
    if let scope = options.dateShiftScope { configuration.parameters.dateShiftScope = scope.scope }
    if let policy = options.processingErrors {
      configuration.processingErrors = policy == .skip ? .skip : .raise
    }
    if let algorithm = options.dateShiftAlgorithm {
      configuration.parameters.dateShiftAlgorithm = algorithm.algorithm
    }
    let keys = try Keys.resolve(
      configuration: configuration, keyFile: options.keys,
      policy: Keys.Policy(randomKeys: options.randomKeys, allowWeakKeys: options.allowWeakKeys))
    randomKeys = keys.random
    weakKeys = keys.weak
    if configuration.shiftsDatesReversiblyByDefault {
      Diagnostics.alwaysWarn(
        "\(path): dateShift uses Microsoft's algorithm, whose offsets can be recovered from the "
          + "output alone; set \"dateShiftAlgorithm\" to \"hmac-sha256\" (or to \"microsoft\" "
          + "to keep Microsoft's output and silence this warning), or use --date-shift-algorithm")
    }
    let today = options.today.flatMap(LocalDate.parse) ?? LocalDate.today()
    var settings = EngineSettings(
      dateShiftKey: Array(keys.dateShift.utf8), cryptoHashKey: Array(keys.cryptoHash.utf8),
      encryptKey: Array(keys.encrypt.utf8), today: today, perturbSeed: options.seed,
      maxFHIRPathSteps: options.maxFHIRPathSteps)
    settings.outputChecks = OutputChecks(
      repairs: options.validOutput, validation: options.validateOutput?.mode)
    // Fail-closed tests make one method fail on every node (README, "Testing").
    if let fault = getenv("FHIR_DEID_TEST_FAULT") {
      guard let method = Rule.Method(rawValue: String(cString: fault)) else {
        Diagnostics.error("FHIR_DEID_TEST_FAULT names no method")
        throw ReportedFailure(status: .usage)
      }
      settings.injectedFault = method
    }
    do {
      anonymizer = try Anonymizer(configuration: configuration, settings: settings)
    } catch {
      Diagnostics.error("invalid configuration \(path): \(error.message)")
      throw ReportedFailure(status: .configuration)
    }
    let loaded = ContinuousClock.now - loadStarted
    loadSeconds =
      Double(loaded.components.seconds) + Double(loaded.components.attoseconds) * 1e-18
    do {
      let expanded = try expandInputsNamed(
        options.inputs, recursive: options.recursive, listing: options.inputFormat.listing)
      inputs = expanded.map(\.source)
      relativeNames = expanded.map(\.relative)
      documents = expanded.map { input in
        input.source != .standardInput && options.inputFormat.readsDocument(input.relative)
      }
    } catch {
      Diagnostics.error(String(describing: error))
      throw ReportedFailure(status: .noInput)
    }
    // A bare `fhir-deid` at a terminal would otherwise wait in silence.
    if inputs.contains(.standardInput), isatty(0) == 1 {
      Diagnostics.note(
        "reading FHIR R4 NDJSON from standard input (end with Ctrl-D); "
          + "give files as arguments, or see fhir-deid --help")
    }
    if documents.contains(true) {
      if options.outputDir == nil && documents.contains(false) {
        Diagnostics.error(
          "JSON documents (.json, --input-format) and NDJSON inputs cannot share one output "
            + "stream; use --output-dir, or give them separate runs")
        throw ReportedFailure(status: .usage)
      }
      if options.outputDir == nil && (options.gzip || options.output?.hasSuffix(".gz") == true) {
        Diagnostics.error("JSON documents are written back as JSON; gzip output applies to NDJSON")
        throw ReportedFailure(status: .usage)
      }
    }
    jobs = FileIO.workerCount(options.jobs)
    prefixes = inputs.map {
      Self.dateShiftPrefix(
        for: $0, scope: configuration.parameters.dateShiftScope, options: options)
    }
  }

  /// The date-shift prefix of one input (spec §9): its file name for scope `file`, its folder's
  /// name for scope `folder`, `--date-shift-prefix` for standard input; empty otherwise (the
  /// root resource id is used then).
  static func dateShiftPrefix(
    for input: InputSource, scope: Configuration.DateShiftScope, options: Run
  ) -> [UInt8] {
    switch (input, scope) {
    case (.standardInput, .file), (.standardInput, .folder):
      return Array((options.dateShiftPrefix ?? "").utf8)
    case (.file(let path), .file):
      return Array(FileIO.baseName(path).utf8)
    case (.file(let path), .folder):
      return Array(FileIO.baseName(FileIO.directoryName(path)).utf8)
    default:
      return []
    }
  }

  /// Runs the pipeline (once, or once per input with `--output-dir`), then reports.
  func execute() throws(ReportedFailure) {
    try checkOutputs()
    // An interrupted run removes its temporary files (exit 130 or 143), and a run finds those an
    // earlier, killed one left.
    TemporaryFiles.removeOnSignals()
    let outputs = outputPlan()
    var stalePaths = outputs.compactMap { output -> String? in
      guard case .atomicFile(let path) = output.target.target else { return nil }
      return path
    }
    if let dir = options.outputDir {
      let prefix = dir.hasSuffix("/") ? dir : dir + "/"
      stalePaths += [prefix + OutputManifest.fileName, prefix + OutputManifest.sumsName]
    }
    if let stats = options.stats, stats != "-" { stalePaths.append(stats) }
    for path in stalePaths {
      for stale in TemporaryFiles.removeStale(beside: path) {
        Diagnostics.note("removed \(stale), left by an earlier run that did not finish")
      }
    }
    let bulk = try options.outputDir.map { dir throws(ReportedFailure) in
      try BulkRun(self, outputs: outputs, folder: dir)
    }
    let started = FileIO.now()
    var totals = RunTotals()
    let names = inputs.map(\.displayName)
    let progress = PipelineProgress()
    let meter =
      options.showsProgress(stderrIsTerminal: FileIO.stderrIsTerminal)
      ? ProgressMeter(progress: progress, totalBytes: Self.totalSize(inputs)) : nil
    meter?.start()

    // The groups to run: all, less those --skip-existing or --resume leaves.
    var pending: [Int] = []
    let manifestFailed = Atomic<Bool>(false)
    for (index, output) in outputs.enumerated() {
      guard case .atomicFile(let path) = output.target.target else {
        pending.append(index)
        continue
      }
      if let bulk, bulk.finished.contains(index) {
        if !options.quiet {
          Diagnostics.note("kept \(path): finished by an earlier run (--resume)")
        }
        continue
      }
      if options.skipExisting, FileIO.exists(path) {
        Diagnostics.note(
          "skipped \(inputs[output.inputs.lowerBound].displayName): \(path) exists (--skip-existing)"
        )
        if let bulk, !bulk.record(index, lines: nil, byType: [:]) {
          manifestFailed.store(true, ordering: .relaxed)
        }
        continue
      }
      pending.append(index)
    }

    // With --output-dir, two files are in flight at once: while one drains its last batches,
    // the other keeps the workers busy (each file is still parallel within).
    // JSON documents are one record each: as many in flight as there are workers.
    let onlyDocuments = pending.allSatisfy { documents[outputs[$0].inputs.lowerBound] }
    let concurrency =
      bulk != nil && jobs > 1 ? min(onlyDocuments ? jobs : 2, pending.count) : 1
    let results = Mutex<[Int: (PipelineResult<LineFailure>, RunStats)]>([:])
    let next = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
    let runOne = { @Sendable (index: Int) in
      let output = outputs[index]
      let (result, stats) = self.runGroup(output.target, output.inputs, progress: progress)
      var ok = false
      if case .completed = result.outcome {
        ok = true
        if let bulk, result.linesWritten > 0 || !self.documents[output.inputs.lowerBound],
          !bulk.record(index, lines: result.linesWritten, byType: stats.counts.byType)
        {
          manifestFailed.store(true, ordering: .relaxed)
          ok = false
        }
      }
      results.withLock { $0[index] = (result, stats) }
      if !ok { stop.store(true, ordering: .relaxed) }
      return ok
    }
    if concurrency <= 1 {
      for index in pending {
        if !runOne(index) { break }
      }
    } else {
      let todo = pending
      DispatchQueue.concurrentPerform(iterations: concurrency) { _ in
        while !stop.load(ordering: .relaxed) {
          let k = next.add(1, ordering: .relaxed).oldValue
          guard k < todo.count else { return }
          _ = runOne(todo[k])
        }
      }
    }

    var status = ExitStatus.success
    var stoppedQuietly = false
    let finished = results.withLock { $0 }
    for index in pending {
      guard let (result, stats) = finished[index] else { continue }
      totals.add(result, stats: stats)
      switch result.outcome {
      case .completed:
        continue
      case .brokenPipe:
        stoppedQuietly = true
      case .stopped, .failed:
        meter?.clear()
        if status == .success {
          status = Self.report(result.outcome, inputNames: Array(names[outputs[index].inputs]))
        }
      }
    }
    // A manifest that could not be written stops the run (exit 74): what it lists is what the
    // receiving team and --resume rely on.
    if status == .success, manifestFailed.load(ordering: .relaxed) { status = .ioError }
    if status == .success, let bulk, !bulk.complete() { status = .ioError }
    meter?.stop()
    totals.elapsed = FileIO.now() - started
    if !stoppedQuietly && !options.quiet {
      Diagnostics.note(totals.summary(jobs: jobs, completed: status == .success))
    }
    if let statsPath = options.stats {
      let report = RunReport(
        plan: self, totals: totals, inputNames: names, configSource: configSource,
        configText: configText)
      // A report that cannot be written is an I/O error (exit 74), unless the run failed first.
      if !report.write(to: statsPath), status == .success { status = .ioError }
    }
    if status != .success { throw ReportedFailure(status: status) }
  }

  /// Runs the pipeline for one output and its inputs (or, for JSON documents, the engine on
  /// each document).
  func runGroup(_ target: Output, _ range: Range<Int>, progress: PipelineProgress)
    -> (PipelineResult<LineFailure>, RunStats)
  {
    if documents[range.lowerBound] { return runDocuments(target, range) }
    let jobs = self.jobs
    let policy = options.invalidInput
    let anonymizer = self.anonymizer
    let maxLineBytes = options.maxLineBytes.bytes
    // The run report gives each rule's time; measuring it costs a clock read per rule on one
    // resource in four.
    let timesRules = options.stats != nil
    // A batch's source index counts from the start of its group: each group's workers get
    // that group's names and date-shift prefixes.
    let group = Array(inputs[range])
    let groupNames = group.map(\.displayName)
    let groupPrefixes = Array(prefixes[range])
    let makeWorker: @Sendable () -> EngineWorker<AnonymizeJob> = {
      EngineWorker(
        AnonymizeJob(
          anonymizer: anonymizer, prefixes: groupPrefixes, timesRules: timesRules,
          noticeLimit: outputNoticeLimit),
        invalidInput: policy,
        maxLineBytes: maxLineBytes)
    }
    let pipeline = Pipeline(
      options: PipelineOptions(
        jobs: jobs, encoding: target.gzip ? .gzip(level: Int32(options.gzipLevel ?? 6)) : .plain,
        maxLineBytes: maxLineBytes, longLines: policy.longLines),
      progress: progress)
    let stats = Mutex(RunStats())
    let result = pipeline.run(
      inputs: group, to: target.target, makeWorker: makeWorker,
      onWritten: { report in
        report.warn(inputNames: groupNames)
        stats.withLock { $0 += report }
      })
    return (result, stats.withLock { $0 })
  }

  /// De-identifies JSON documents (`--input-format json`: one resource or Bundle per file) with
  /// the same record loop as NDJSON lines, each document as one record, and writes each output
  /// document, compact, followed by a newline. The whole document is read first; it may be as
  /// large as `--max-line-bytes`.
  func runDocuments(_ target: Output, _ range: Range<Int>) -> (
    PipelineResult<LineFailure>, RunStats
  ) {
    // A worker compiles its copy of the rules once: documents reuse the idle ones.
    var loop =
      documentLoops.take()
      ?? RecordLoop(
        job: AnonymizeJob(
          anonymizer: anonymizer, prefixes: [], timesRules: options.stats != nil,
          noticeLimit: outputNoticeLimit),
        skipsInvalidInput: options.invalidInput == .skip,
        maxLineBytes: options.maxLineBytes.bytes)
    loop.job.use(prefixes: Array(prefixes[range]))
    defer { documentLoops.give(loop) }
    var report = RunStats()
    var out: [UInt8] = []
    var read = 0
    var written = 0
    var bytesRead = 0
    let names = inputs[range].map(\.displayName)
    for (source, input) in inputs[range].enumerated() {
      guard case .file(let path) = input else { continue }
      var bytes: [UInt8]
      do { bytes = try FileIO.read(path) } catch {
        return (
          PipelineResult(
            linesRead: read, bytesRead: bytesRead,
            outcome: .failed(.cannotOpen(path: path, errno: error.errno))),
          report
        )
      }
      bytesRead += bytes.count
      read += 1
      if bytes.starts(with: [0x1F, 0x8B]) {
        Diagnostics.error("\(path): gzip-compressed JSON documents are not read; gunzip it first")
        return (
          PipelineResult(
            linesRead: read, bytesRead: bytesRead, outcome: .failed(.corruptGzip(path: path))),
          report
        )
      }
      while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 {
        bytes.removeLast()
      }
      var batch = RunStats()
      let tooLong = bytes.count > options.maxLineBytes.bytes
      let stop = bytes.withUnsafeBytes { raw in
        loop.process(
          tooLong ? nil : raw, source: source, number: 1, into: &out, lines: &written,
          report: &batch)
      }
      loop.finishBatch(&batch)
      batch.warn(inputNames: names)
      report += batch
      report.notices = []
      if let stop {
        return (
          PipelineResult(linesRead: read, bytesRead: bytesRead, outcome: .stopped(stop)), report
        )
      }
    }
    // A document that was skipped (--invalid-input skip) leaves no file.
    if written == 0, case .atomicFile = target.target {
      return (PipelineResult(linesRead: read, bytesRead: bytesRead, outcome: .completed), report)
    }
    do throws(FileIO.Failure) {
      switch target.target {
      case .standardOutput:
        if !Diagnostics.writeAll(1, out) {
          if errno == EPIPE {
            return (
              PipelineResult(linesRead: read, bytesRead: bytesRead, outcome: .brokenPipe), report
            )
          }
          throw FileIO.Failure(errno: errno)
        }
      case .file(let path): try FileIO.write(out, to: path)
      case .atomicFile(let path): try FileIO.writeAtomically(out, to: path)
      }
    } catch {
      let path: String
      switch target.target {
      case .standardOutput: path = "-"
      case .file(let p), .atomicFile(let p): path = p
      }
      return (
        PipelineResult(
          linesRead: read, bytesRead: bytesRead,
          outcome: .failed(.writeFailed(path: path, errno: error.errno))),
        report
      )
    }
    return (
      PipelineResult(
        linesRead: read, bytesRead: bytesRead, compressedBytesRead: bytesRead,
        linesWritten: written, bytesWritten: out.count, outcome: .completed),
      report
    )
  }

  /// Where each group of inputs (a range of ``inputs``) goes: one stream, or one file per input
  /// with `--output-dir`.
  func outputPlan() -> [(target: Output, inputs: Range<Int>)] {
    if let dir = options.outputDir {
      return inputs.indices.map { i in
        var name = relativeNames[i]
        // A JSON document is written back as JSON under its own name.
        if options.gzip && !name.hasSuffix(".gz") && !documents[i] { name += ".gz" }
        let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
        return (Output(target: .atomicFile(path: path), gzip: name.hasSuffix(".gz")), i..<i + 1)
      }
    }
    if let path = options.output, path != "-" {
      // A regular file (or a new one) is written beside and renamed when complete; a device or
      // a pipe (`-o /dev/stdout`) is written in place.
      let regular = FileIO.isRegularOrMissing(path)
      return [
        (
          Output(
            target: regular ? .atomicFile(path: path) : .file(path: path),
            gzip: options.gzip || path.hasSuffix(".gz")),
          inputs.indices
        )
      ]
    }
    return [(Output(target: .standardOutput, gzip: options.gzip), inputs.indices)]
  }

  struct Output {
    var target: OutputTarget
    var gzip: Bool
  }

  static func totalSize(_ inputs: [InputSource]) -> Int? {
    var total = 0
    for input in inputs {
      guard case .file(let path) = input, let size = FileIO.size(path) else { return nil }
      total += size
    }
    return total
  }

  /// Reports why a pipeline run stopped early (a line that failed, a stream error) on standard
  /// error and returns the exit status for it; `.success` for a run that completed or whose
  /// reader went away.
  static func report(
    _ outcome: PipelineResult<LineFailure>.Outcome, inputNames names: [String]
  ) -> ExitStatus {
    switch outcome {
    case .completed, .brokenPipe:
      return .success
    case .stopped(let failure):
      var message = failure.message(inputName: names[failure.source])
      if failure.line == 1, let record = failure.record,
        case .invalidJSON(.unexpectedEnd) = record.kind
      {
        message +=
          "; a JSON document over several lines (one resource or a Bundle, as a .json file) is "
          + "not NDJSON: read it with --input-format json"
      }
      Diagnostics.error(message)
      return failure.isInvalidInput ? .dataError : .processingError
    case .failed(let error):
      Diagnostics.error(String(describing: error))
      return status(for: error)
    }
  }

  static func status(for error: StreamError) -> ExitStatus {
    switch error {
    case .cannotOpen: .noInput
    case .truncatedGzip, .corruptGzip: .dataError
    case .readFailed, .writeFailed: .ioError
    case .cannotCreate: .cannotCreate
    }
  }
}

/// What all pipeline runs of one invocation read, wrote and counted.
struct RunTotals {
  var linesRead = 0
  var blankLines = 0
  var bytesRead = 0
  var compressedBytesRead = 0
  var linesWritten = 0
  var bytesWritten = 0
  var stats = RunStats()
  var elapsed = 0.0

  mutating func add(_ result: PipelineResult<LineFailure>, stats more: RunStats) {
    linesRead += result.linesRead
    blankLines += result.blankLines
    bytesRead += result.bytesRead
    compressedBytesRead += result.compressedBytesRead
    linesWritten += result.linesWritten
    bytesWritten += result.bytesWritten
    stats += more
  }

  /// The one-line summary printed at the end unless `-q`.
  ///
  /// A run that stopped (a bad line, a full disk) says so and counts against the lines read, so
  /// that it never reads as complete.
  func summary(jobs: Int, completed: Bool = true) -> String {
    let mb = Double(bytesRead) / 1e6
    let rate = elapsed > 0 ? mb / elapsed : 0
    let read = completed ? stats.counts.resourcesIn : max(linesRead - blankLines, 0)
    var text =
      (completed ? "" : "stopped: ")
      + "\(stats.counts.resourcesOut) of \(read) \(completed ? "resources" : "lines") written "
      + "(\(stats.counts.byType.count) types), \(Format.fixed(mb, 1)) MB in \(Format.fixed(elapsed, 2)) s "
      + "(\(Format.fixed(rate, 1)) MB/s, \(jobs) jobs)"
    if stats.invalidInput > 0 { text += "; \(stats.invalidInput) invalid" }
    if stats.skipped > 0 { text += "; \(stats.skipped) skipped" }
    if stats.processingErrors > 0 { text += "; \(stats.processingErrors) processing errors" }
    if let engine = stats.counts.engine {
      let repairs = engine.repairs.total
      if repairs > 0 { text += "; \(repairs) repairs for valid R4" }
      if engine.invalidResources > 0 {
        text +=
          "; \(engine.problems.total) R4 problems in \(engine.invalidResources) resources "
          + "(--validate-output)"
      }
    }
    return text
  }
}

/// The idle record loops of JSON documents, shared by the threads that process them.
final class DocumentLoops: @unchecked Sendable {
  // @unchecked: `idle` is only touched under `lock`; a loop taken out is used by one thread.
  private var idle: [RecordLoop<AnonymizeJob>] = []
  private let lock = Mutex(())

  func take() -> RecordLoop<AnonymizeJob>? {
    lock.withLock { _ in idle.popLast() }
  }

  func give(_ loop: RecordLoop<AnonymizeJob>) {
    lock.withLock { _ in idle.append(loop) }
  }
}
