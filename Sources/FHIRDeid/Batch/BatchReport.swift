/// What the batch loop accounts for one batch: the job's counts, the lines that were invalid,
/// failed or skipped, and a notice per skipped or emptied line (positions only, never a value).
///
/// `+=` adds the counts; the notices concern one batch (they are shown as the batch is
/// written) and are not kept in a total.
package struct BatchReport<Counts: RecordCounts>: Sendable {
  /// The job's own counts.
  package var counts = Counts()
  /// Lines that were not valid input (bad JSON, not R4, longer than the line limit).
  package var invalidInput = 0
  /// Valid lines whose processing failed.
  package var processingErrors = 0
  /// Lines dropped (invalid input under `--invalid-input skip`) or replaced by an emptied
  /// resource (`processingErrors: skip`).
  package var skipped = 0
  /// This batch's skipped and emptied lines, in line order.
  package var notices: [LineNotice] = []

  package init() {}

  package static func += (lhs: inout Self, rhs: Self) {
    lhs.counts += rhs.counts
    lhs.invalidInput &+= rhs.invalidInput
    lhs.processingErrors &+= rhs.processingErrors
    lhs.skipped &+= rhs.skipped
  }
}

/// A line the loop went past: dropped, or replaced by an emptied resource.
package struct LineNotice: Sendable {
  package enum Action: Sendable {
    /// The line was invalid input and was dropped.
    case skipped
    /// The line failed to process and an empty resource of its type took its place.
    case emptied
    /// The line was written, but its output is not valid R4 (`--validate-output warn`).
    case invalidOutput
  }

  package var action: Action
  package var failure: LineFailure
}
