/// One kind of per-record work that the shared batch loop (``RecordLoop``) runs on each input
/// line: de-identifying (``AnonymizeJob``), selecting (``SelectJob``), auditing (``AuditJob``).
///
/// A job owns its scratch space (tape, tree, evaluator) and is used by one thread at a time.
package protocol RecordJob {
  /// What the job counts per batch, added up over the run.
  associatedtype Counts: RecordCounts

  /// Processes one line (without its newline), appending whole output lines, each ending in a
  /// newline, to `out`.
  ///
  /// - Parameters:
  ///   - source: the index of the line's input among the run's inputs.
  ///   - number: the line's 1-based number in its input.
  /// - Returns: how many output lines were appended.
  /// - Throws: ``RecordFailure`` with its element path filled in. What was appended to `out`
  ///   before the throw is discarded by the loop.
  mutating func process(
    _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
    counts: inout Counts
  ) throws(RecordFailure) -> Int

  /// Appends the one output line that stands in for a line that failed with a processing
  /// error, and returns true; or returns false, and the failure stops the run. The default
  /// returns false.
  func substitute(for failure: RecordFailure, into out: inout [UInt8]) -> Bool

  /// Adds to `counts` what the job gathered over the batch outside `process` (engine
  /// counters, tallies). Called once at the end of every batch. The default does nothing.
  mutating func finishBatch(_ counts: inout Counts)

  /// Drops the scratch space that grew for a huge line; the job goes on with fresh space.
  mutating func releaseScratch()

  /// Adds the notices of the line just processed (`source`, `number`) that did not stop it
  /// (`--validate-output warn`'s problems) to `notices`. The default adds none.
  mutating func takeNotices(into notices: inout [LineNotice], source: Int, number: Int)
}

extension RecordJob {
  package func substitute(for failure: RecordFailure, into out: inout [UInt8]) -> Bool { false }
  package mutating func finishBatch(_ counts: inout Counts) {}
  package mutating func takeNotices(into notices: inout [LineNotice], source: Int, number: Int) {}
}

/// A job's per-batch counts: an empty value to start from and `+=` to total them.
package protocol RecordCounts: Sendable {
  init()
  static func += (lhs: inout Self, rhs: Self)
}
