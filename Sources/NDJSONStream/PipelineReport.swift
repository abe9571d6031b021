/// What a worker accounts for one batch (counts, warnings about its lines), as its
/// `BatchWorker.Report`.
///
/// A worker fills in `OutputBatch.report`; `Pipeline.run` hands it to `onWritten` on the writer
/// thread, in sequence order, once the batch's bytes are written. `+=` totals reports the way
/// ripgrep's `Stats` does, so counts gathered from `onWritten` cover exactly what was written.
package protocol PipelineReport: Sendable {
  /// The report of a batch that has nothing to account for: what `OutputBatch.report` holds
  /// before the worker processes the batch.
  init()

  /// Adds the counts of `rhs` to `lhs`. What concerns one batch only (its warnings, shown by
  /// `onWritten` as they come) need not be kept, so a total stays small.
  static func += (lhs: inout Self, rhs: Self)
}
