import FHIRDeid
import NDJSONStream

/// The pipeline's worker for every command that reads records: hands each line of a batch to
/// the engine's shared loop (``RecordLoop``) with the command's job.
///
/// One instance per pipeline worker thread; the job in it owns the thread's scratch space.
final class EngineWorker<Job: RecordJob>: BatchWorker {
  private var loop: RecordLoop<Job>

  init(_ job: Job, invalidInput: InvalidInputPolicy, maxLineBytes: Int) {
    loop = RecordLoop(
      job: job, skipsInvalidInput: invalidInput == .skip, maxLineBytes: maxLineBytes)
  }

  func process(
    _ batch: InputBatch, into output: inout OutputBatch<BatchReport<Job.Counts>, LineFailure>
  ) {
    batch.bytes.withUnsafeBytes { raw in
      for ref in batch.lines {
        let line =
          ref.isTooLong ? nil : UnsafeRawBufferPointer(rebasing: raw[Int(ref.start)..<Int(ref.end)])
        if let stop = loop.process(
          line, source: batch.sourceIndex, number: ref.number, into: &output.bytes,
          lines: &output.lines, report: &output.report)
        {
          output.stop = stop
          break
        }
      }
    }
    loop.finishBatch(&output.report)
  }

  func releaseScratch() {
    loop.job.releaseScratch()
  }
}

extension BatchReport: PipelineReport {
  /// Shows this batch's skipped and emptied lines as warnings (`names`: the inputs by source
  /// index).
  func warn(inputNames names: [String]) {
    for notice in notices {
      let verb: String
      switch notice.action {
      case .skipped: verb = "skipped "
      case .emptied: verb = "emptied "
      case .invalidOutput:
        let shown = outputNoticeLimit.noteShown()
        if shown == outputNoticeLimit.limit + 1 {
          Diagnostics.warning(
            "more output problems are not shown; the summary and --stats count them all")
        }
        guard shown <= outputNoticeLimit.limit else { continue }
        verb = ""
      }
      Diagnostics.warning(verb + notice.failure.message(inputName: names[notice.failure.source]))
    }
  }
}

/// `--validate-output warn` shows this many problems, then only counts them (one run per
/// process; batches are reported one at a time, in order).
let outputNoticeLimit = OutputNoticeLimit(limit: 1000)
