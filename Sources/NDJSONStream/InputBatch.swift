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

/// What a worker produced for one batch.
package struct OutputBatch: Sendable {
  /// Output lines, each ending with `"\n"` (the worker appends it).
  package var bytes: [UInt8]
  /// How many output lines are in `bytes`.
  package var lines: Int
  /// When set, the run stops after writing `bytes` of this batch: nothing of later batches is
  /// written, and `run` returns `.stopped` with this error.
  package var stop: (any Error & Sendable)?
  /// Anything the worker wants to account for this batch (counts, messages). `Pipeline.run` hands
  /// it to `onWritten` on the writer thread, in sequence order, once the batch's bytes are
  /// written; batches that are never written (after a stop) never reach `onWritten`.
  package var report: (any Sendable)?

  package init(
    bytes: [UInt8] = [], lines: Int = 0, stop: (any Error & Sendable)? = nil,
    report: (any Sendable)? = nil
  ) {
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

/// Per-worker processing of batches.
///
/// `Pipeline.run` makes one instance per worker thread, on that thread, and never shares it, so a
/// worker may keep mutable scratch space without locks.
package protocol BatchWorker: AnyObject {
  /// Turns `batch` into output lines appended to `output`.
  ///
  /// `output` arrives empty (`bytes` cleared with its capacity kept, `lines` 0, `stop` nil).
  func process(_ batch: InputBatch, into output: inout OutputBatch)

  /// Frees scratch space that grew for a huge line. Called right after `process` for a batch
  /// that holds a line longer than `PipelineOptions.largeLineBytes`, while the pipeline still
  /// counts the batch among the few large ones processed at once; memory kept after this is
  /// outside that bound. The default does nothing.
  func releaseScratch()
}

extension BatchWorker {
  package func releaseScratch() {}
}
