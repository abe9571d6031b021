/// The record job of `fhir-deid audit`: indexes original lines (`--original`) or scans output
/// lines. It writes no output lines; what a batch found travels in its counts.
package struct AuditJob: RecordJob {
  /// One batch's index part or tally.
  package struct Counts: RecordCounts {
    package var index = AuditIndexPart()
    package var tally = AuditTally()

    package init() {}

    package static func += (lhs: inout Counts, rhs: Counts) {
      lhs.index += rhs.index
      lhs.tally += rhs.tally
    }
  }

  /// Which pass this job runs.
  package enum Pass {
    case index(AuditIndexer)
    case scan(AuditScanner)
  }

  private let pass: Pass

  package init(_ pass: Pass) { self.pass = pass }

  package func process(
    _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
    counts: inout Counts
  ) throws(RecordFailure) -> Int {
    switch pass {
    case .index(let indexer): try indexer.index(line, into: &counts.index)
    case .scan(let scanner): try scanner.scan(line)
    }
    return 0
  }

  package func finishBatch(_ counts: inout Counts) {
    if case .scan(let scanner) = pass { counts.tally += scanner.takeTally() }
  }

  package func releaseScratch() {
    switch pass {
    case .index(let indexer): indexer.releaseScratch()
    case .scan(let scanner): scanner.releaseScratch()
    }
  }
}
