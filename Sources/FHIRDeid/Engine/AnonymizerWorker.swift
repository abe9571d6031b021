import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// Per-thread state for turning input lines into output lines: the tape, the typed tree, the
/// FHIRPath evaluator, crypto contexts and counters. Never shared between threads.
package final class AnonymizerWorker {
  private let scanner = JSONScanner()
  private var core: EngineCore

  init(_ anonymizer: Anonymizer) {
    core = EngineCore(anonymizer)
  }

  /// Counts since the last `takeCounters()`.
  package var counters: EngineCounters { core.counters }

  /// Returns the counters gathered since the last call and starts again from zero.
  package func takeCounters() -> EngineCounters {
    var counters = core.counters
    let (repairs, problems) = core.outputCheck.takeTallies()
    counters.repairs += repairs
    counters.problems += problems
    core.counters = EngineCounters(ruleCount: core.anonymizer.rules.count)
    return counters
  }

  /// Whether ``process(_:dateShiftPrefix:into:)`` records, per node, the rule that decided it
  /// (see ``lastDocument(_:)``). Off by default, and then free: the main run never sets it;
  /// `fhir-deid audit --original` does, to tell values a `keep` rule keeps on purpose.
  package var recordsDecidingRules: Bool {
    get { core.recordsDecidingRules }
    set { core.recordsDecidingRules = newValue }
  }

  /// Whether the rule loop measures how long each rule takes (``EngineCounters/RuleCounts/
  /// nanoseconds``), on one resource in four. Off by default; `fhir-deid explain` and a run with
  /// `--stats` set it.
  package var timesRules: Bool {
    get { core.timesRules }
    set { core.timesRules = newValue }
  }

  /// Calls `body` with the last processed line's tape, its typed tree (original node indices:
  /// nodes a substitution added come after them) and, per node, the index of the first rule that
  /// reached it (spec §3.4), or -1 for none.
  ///
  /// The rule array is empty unless ``recordsDecidingRules`` was set for that line, or when the
  /// configuration has no rules (then no tree is built either: `body` gets an empty tree).
  package func lastDocument<R>(_ body: (Tape, ResourceTree, [Int32]) -> R) -> R {
    body(core.context.tape, core.context.tree, core.decidingRule)
  }

  /// Whether the output check found problems in the last line it processed without failing.
  package var hasOutputFindings: Bool { !core.outputCheck.findings.isEmpty }

  /// The problems the output check found in the last line (`line`: its bytes), each as a
  /// failure with its element path, for `--validate-output warn`'s warnings.
  package func outputFindings(_ line: UnsafeRawBufferPointer) -> [RecordFailure] {
    let tree = core.context.tree
    return core.outputCheck.findings.map { finding in
      var failure = RecordFailure(
        .processing(.invalidOutput(finding.problem, finding.element)), resourceType: tree[0].type,
        node: finding.node)
      failure.resolvePath(in: tree, bytes: line)
      return failure
    }
  }

  /// De-identifies one resource (one NDJSON line, without its newline) and appends the output
  /// line, without a newline, to `out`.
  ///
  /// - Parameter prefix: the date-shift prefix for scopes `file` and `folder` (the input's file
  ///   or folder name), empty otherwise.
  /// - Returns: the resource type.
  /// - Throws: ``RecordFailure`` with its element path and rule path filled in; then nothing
  ///   has been appended to `out`.
  package func process(
    _ line: UnsafeRawBufferPointer, dateShiftPrefix prefix: [UInt8] = [],
    into out: inout [UInt8]
  ) throws(RecordFailure) -> FHIRType {
    do {
      return try core.process(line, scanner: scanner, dateShiftPrefix: prefix, into: &out)
    } catch {
      var failure = error
      failure.resolvePath(in: core.context.tree, bytes: line)
      if let rule = failure.rule, rule >= 0, rule < core.anonymizer.rules.count {
        failure.rulePath = core.anonymizer.rules[rule].rule.path
      }
      throw failure
    }
  }
}
