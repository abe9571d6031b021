import FHIRModel

/// The record job of the main run: de-identifies each line with the engine.
///
/// The engine's scratch (tape, tree, per-node tables) grows with the longest line it has seen;
/// `releaseScratch` replaces the worker by a fresh one, so that one huge line does not keep its
/// memory for the rest of the run. (The counters were taken at the end of the batch; the hash
/// cache is only a cache.)
package struct AnonymizeJob: RecordJob {
  /// Resources in and out, in all and per type, and the engine's rule and method counts.
  package struct Counts: RecordCounts {
    package struct TypeCounts: Sendable {
      package var input = 0
      package var output = 0
    }

    /// Per resource type, keyed by the model's type index.
    package var byType: [UInt16: TypeCounts] = [:]
    package var resourcesIn = 0
    package var resourcesOut = 0
    /// Rule and method counts of the engine.
    package var engine: EngineCounters?

    package init() {}

    package static func += (lhs: inout Counts, rhs: Counts) {
      for (type, counts) in rhs.byType {
        lhs.byType[type, default: TypeCounts()].input &+= counts.input
        lhs.byType[type, default: TypeCounts()].output &+= counts.output
      }
      lhs.resourcesIn &+= rhs.resourcesIn
      lhs.resourcesOut &+= rhs.resourcesOut
      lhs.engine += rhs.engine
    }

    mutating func count(_ type: FHIRType) {
      resourcesIn &+= 1
      resourcesOut &+= 1
      byType[type.raw, default: TypeCounts()].input &+= 1
      byType[type.raw, default: TypeCounts()].output &+= 1
    }
  }

  private let anonymizer: Anonymizer
  private var worker: AnonymizerWorker
  /// Per input, the date-shift prefix (scopes `file` and `folder`).
  private var prefixes: [[UInt8]]

  /// Whether the engine measures each rule's time (for the run report).
  private let timesRules: Bool

  /// - Parameters:
  ///   - prefixes: per input (by source index), its date-shift prefix.
  ///   - timesRules: measure each rule's time (``AnonymizerWorker/timesRules``).
  /// Shared with the printer of `--validate-output warn`'s notices.
  private let noticeLimit: OutputNoticeLimit?

  /// - Parameter noticeLimit: once it is reached, output problems are counted, not described.
  package init(
    anonymizer: Anonymizer, prefixes: [[UInt8]], timesRules: Bool = false,
    noticeLimit: OutputNoticeLimit? = nil
  ) {
    self.noticeLimit = noticeLimit
    self.anonymizer = anonymizer
    self.worker = anonymizer.makeWorker()
    self.worker.timesRules = timesRules
    self.prefixes = prefixes
    self.timesRules = timesRules
  }

  package mutating func process(
    _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
    counts: inout Counts
  ) throws(RecordFailure) -> Int {
    let type = try worker.process(line, dateShiftPrefix: prefixes[source], into: &out)
    out.append(0x0A)
    counts.count(type)
    if worker.hasOutputFindings, noticesThisBatch < Self.noticesPerBatch,
      noticeLimit?.isReached != true
    {
      findings = worker.outputFindings(line)
    }
    return 1
  }

  /// The output problems of the last line, for its notices.
  private var findings: [RecordFailure] = []
  /// Notices made in this batch: past ``noticesPerBatch`` problems are only counted.
  private var noticesThisBatch = 0
  static let noticesPerBatch = 1000

  package mutating func takeNotices(into notices: inout [LineNotice], source: Int, number: Int) {
    guard !findings.isEmpty else { return }
    for failure in findings {
      let line = LineFailure(source: source, line: number, cause: .record(failure))
      notices.append(LineNotice(action: .invalidOutput, failure: line))
    }
    noticesThisBatch &+= findings.count
    findings.removeAll(keepingCapacity: true)
  }

  /// With `processingErrors: skip` (spec §6), the whole document becomes an empty resource of
  /// the root's type, labelled redacted; errors that Microsoft raises outside that handling
  /// stop the run in either mode.
  package func substitute(for failure: RecordFailure, into out: inout [UInt8]) -> Bool {
    guard anonymizer.configuration.processingErrors == .skip, failure.isSkippable,
      let type = failure.resourceType
    else { return false }
    OutputWriter.appendEmptied(type, into: &out)
    out.append(0x0A)
    return true
  }

  package mutating func finishBatch(_ counts: inout Counts) {
    noticesThisBatch = 0
    counts.engine += worker.takeCounters()
  }

  /// Goes on with other inputs: `prefixes` per source index, as in `init`. A job kept for many
  /// small inputs (JSON documents) so that its worker is compiled once.
  package mutating func use(prefixes: [[UInt8]]) {
    self.prefixes = prefixes
  }

  package mutating func releaseScratch() {
    worker = anonymizer.makeWorker()
    worker.timesRules = timesRules
  }
}
