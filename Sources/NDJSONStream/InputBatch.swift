/// Where one line lies in a batch's bytes, and its number in its input.
///
/// A line longer than `PipelineOptions.maxLineBytes` is handed out too, so that workers can
/// report or count it in line order, but without its bytes: `isTooLong` is set and the range is
/// empty.
package struct LineRef: Equatable, Sendable {
  /// Offset of the line's first byte in `InputBatch.bytes`.
  package var start: UInt32
  /// Offset just past the line's last byte; the LF (and a CR before it) are not included.
  package var end: UInt32
  /// 1-based line number within its input, counting blank lines.
  package var number: Int
  /// The line is longer than the limit; its bytes were not kept (`start == end`).
  package var isTooLong: Bool

  package init(start: UInt32, end: UInt32, number: Int, isTooLong: Bool = false) {
    self.start = start
    self.end = end
    self.number = number
    self.isTooLong = isTooLong
  }

  /// The line's bytes as a range of offsets into `InputBatch.bytes`.
  @inlinable package var range: Range<Int> { Int(start)..<Int(end) }
}

/// A batch of whole lines (about `PipelineOptions.batchBytes`, at most
/// `PipelineOptions.maxLinesPerBatch` lines) from one input.
///
/// `bytes` is a stretch of the decoded input, newlines included (less what was dropped of lines
/// that are too long); `lines` says where each non-blank line is. Batches never mix inputs. The
/// pipeline recycles the arrays once the worker returns, so a worker that keeps a copy only costs
/// a copy-on-write later.
package struct InputBatch: Sendable {
  /// 0, 1, 2, … across the whole run, in input order.
  package let sequence: Int
  /// Index into the `inputs` given to `Pipeline.run`.
  package let sourceIndex: Int
  /// The raw bytes the lines point into.
  package var bytes: [UInt8]
  /// The non-blank lines, in order.
  package var lines: [LineRef]

  package init(sequence: Int, sourceIndex: Int, bytes: [UInt8], lines: [LineRef]) {
    self.sequence = sequence
    self.sourceIndex = sourceIndex
    self.bytes = bytes
    self.lines = lines
  }
}

/// What a worker produced for one batch: output lines, the report, and possibly a stop.
///
/// `Report` and `Stop` are the worker's `BatchWorker.Report` and `BatchWorker.Stop`, so that
/// `Pipeline.run` hands them back typed (to `onWritten` and in `PipelineResult.Outcome.stopped`).
package struct OutputBatch<Report: PipelineReport, Stop: Error & Sendable>: Sendable {
  /// Output lines, each ending with `"\n"` (the worker appends it).
  package var bytes: [UInt8]
  /// How many output lines are in `bytes`.
  package var lines: Int
  /// When set, the run stops after writing `bytes` of this batch: nothing of later batches is
  /// written, and `run` returns `.stopped` with this error.
  package var stop: Stop?
  /// What the worker accounts for this batch (counts, messages). `Pipeline.run` hands it to
  /// `onWritten` on the writer thread, in sequence order, once the batch's bytes are written;
  /// batches that are never written (after a stop) never reach `onWritten`.
  package var report: Report

  package init(bytes: [UInt8] = [], lines: Int = 0, stop: Stop? = nil, report: Report = Report()) {
    self.bytes = bytes
    self.lines = lines
    self.stop = stop
    self.report = report
  }

  /// Appends `line` and a `"\n"`, and counts it.
  @inlinable package mutating func appendLine(_ line: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: line)
    bytes.append(0x0A)
    lines &+= 1
  }
}

#if compiler(>=6.2)
  /// What a `BatchWorker` is: a class whose type can be used on any thread (`Pipeline.run` makes
  /// and calls workers on threads of its own). Swift 6.1 has no `SendableMetatype`.
  package typealias BatchWorkerBase = AnyObject & SendableMetatype
#else
  package typealias BatchWorkerBase = AnyObject
#endif

/// Per-worker processing of batches.
///
/// `Pipeline.run` makes one instance per worker thread, on that thread, and never shares it, so a
/// worker may keep mutable scratch space without locks.
package protocol BatchWorker: BatchWorkerBase {
  /// What the worker accounts for one batch; `Pipeline.run` hands it to `onWritten`.
  associatedtype Report: PipelineReport
  /// Why the worker stops a run (`OutputBatch.stop`); `Pipeline.run` returns it in
  /// `PipelineResult.Outcome.stopped`. `Never` for a worker that never stops one.
  associatedtype Stop: Error & Sendable

  /// Turns `batch` into output lines appended to `output`.
  ///
  /// `output` arrives empty (`bytes` cleared with its capacity kept, `lines` 0, `stop` nil,
  /// `report` is `Report()`).
  func process(_ batch: InputBatch, into output: inout OutputBatch<Report, Stop>)

  /// Frees scratch space that grew for a huge line. Called right after `process` for a batch
  /// that holds a line longer than `PipelineOptions.largeLineBytes`, while the pipeline still
  /// counts the batch among the few large ones processed at once; memory kept after this is
  /// outside that bound. The default does nothing.
  func releaseScratch()
}

extension BatchWorker {
  package func releaseScratch() {}
}
