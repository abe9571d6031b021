/// The one batch loop of every command that reads records (`run`, `select`, `explain`,
/// `audit`): it runs a ``RecordJob`` on each line and applies the failure policy the same way for
/// all of them.
///
/// - A line longer than the line limit, or one that is not valid input, is dropped and counted
///   under `--invalid-input skip`, and stops the run otherwise.
/// - A processing error stops the run unless the job puts a substitute line in its place
///   (`processingErrors: skip` empties the resource).
/// - A line that fails leaves nothing of itself in the output.
package struct RecordLoop<Job: RecordJob> {
  package var job: Job
  /// Whether invalid lines are dropped (`--invalid-input skip`) rather than stopping the run.
  package let skipsInvalidInput: Bool
  /// The line limit, for the message about a line that exceeds it.
  package let maxLineBytes: Int

  package init(job: Job, skipsInvalidInput: Bool, maxLineBytes: Int) {
    self.job = job
    self.skipsInvalidInput = skipsInvalidInput
    self.maxLineBytes = maxLineBytes
  }

  /// Processes one line of input `source`; `line` is nil for a line over the limit, whose
  /// bytes were not kept.
  ///
  /// Appends the line's output to `out`, adds the output lines to `lines` and the counts to
  /// `report`.
  ///
  /// - Returns: the failure that stops the run, or nil to go on.
  package mutating func process(
    _ line: UnsafeRawBufferPointer?, source: Int, number: Int, into out: inout [UInt8],
    lines: inout Int, report: inout BatchReport<Job.Counts>
  ) -> LineFailure? {
    guard let line else {
      let failure = LineFailure(
        source: source, line: number, cause: .tooLong(limit: maxLineBytes))
      report.invalidInput &+= 1
      return skip(failure, report: &report)
    }
    let mark = out.count
    do throws(RecordFailure) {
      lines &+= try job.process(
        line, source: source, number: number, into: &out, counts: &report.counts)
      job.takeNotices(into: &report.notices, source: source, number: number)
      return nil
    } catch {
      out.removeSubrange(mark...)
      let failure = LineFailure(error, source: source, number: number, line: line)
      if error.isInvalidInput {
        report.invalidInput &+= 1
        return skip(failure, report: &report)
      }
      report.processingErrors &+= 1
      guard job.substitute(for: error, into: &out) else { return failure }
      lines &+= 1
      report.skipped &+= 1
      report.notices.append(LineNotice(action: .emptied, failure: failure))
      return nil
    }
  }

  /// Ends a batch: the job adds what it gathered outside its lines.
  package mutating func finishBatch(_ report: inout BatchReport<Job.Counts>) {
    job.finishBatch(&report.counts)
  }

  private func skip(_ failure: LineFailure, report: inout BatchReport<Job.Counts>) -> LineFailure? {
    guard skipsInvalidInput else { return failure }
    report.skipped &+= 1
    report.notices.append(LineNotice(action: .skipped, failure: failure))
    return nil
  }
}
