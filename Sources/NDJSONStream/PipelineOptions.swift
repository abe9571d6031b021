/// How a `Pipeline` runs.
package struct PipelineOptions: Sendable {
  /// What the reader does after a line longer than `maxLineBytes`.
  package enum LongLines: Sendable {
    /// Stop reading: the line is the last one handed out (its worker is expected to stop the
    /// run). Nothing after it is read, in this input or the next.
    case stopReading
    /// Read past the line without keeping its bytes, up to its LF, and go on with the next.
    case skipToNextLine
  }

  /// The default of `maxLineBytes`: 64 MiB.
  package static let defaultMaxLineBytes = 64 << 20
  /// The largest `maxLineBytes` accepted: 2 GiB (batch offsets are 32-bit).
  package static let largestMaxLineBytes = 1 << 31

  /// Worker threads (≥ 1).
  package var jobs: Int
  /// Target batch size in bytes. A batch always holds whole lines, so one huge line makes a
  /// bigger batch (up to about twice `maxLineBytes`).
  package var batchBytes: Int
  /// The most lines in one batch, so that per-line bookkeeping (line offsets, the workers'
  /// per-line counts and warnings) stays proportional to `batchBytes` even for tiny lines.
  package var maxLinesPerBatch: Int
  /// Batches between reader and writer (read, queued, processed or waiting to be written).
  /// Peak memory is about `maxInFlight × max(batchBytes, longest line)` for the input plus as
  /// much for the output, plus each worker's scratch space.
  package var maxInFlight: Int
  /// The longest line handed to workers with its bytes, not counting its LF (or CR LF). A longer
  /// line is found while it is being read, before it is buffered whole: at most about
  /// `maxLineBytes` of it is ever held. It reaches the worker as a `LineRef` with `isTooLong`.
  package var maxLineBytes: Int
  /// What happens after a line longer than `maxLineBytes`.
  package var longLines: LongLines
  /// A batch holding a line longer than this is a large batch: a worker's scratch space for it
  /// (tape, tree, output) is many times the line, so only `maxLargeBatches` are processed at
  /// once, and the worker releases that scratch afterwards. Default `batchBytes / 4`, so that
  /// the scratch all workers may keep for lines up to this size stays a fraction of the batches
  /// in flight.
  package var largeLineBytes: Int
  /// Large batches processed at the same time: `max(1, (jobs + 1) / 2)` by default, so that the
  /// workers' scratch for huge lines grows with half the workers, as the in-flight bound
  /// `2 × jobs + 2` does, and never with all of them.
  package var maxLargeBatches: Int
  /// How the output is encoded: plain, or each batch's output deflated on its worker into one
  /// gzip member.
  package var encoding: OutputEncoding

  /// Options with `maxInFlight` defaulting to `2 × jobs + 2`; values below 1 are raised to 1 and
  /// `maxLineBytes` is clamped to `1...largestMaxLineBytes`.
  package init(
    jobs: Int, batchBytes: Int = 1 << 20, maxInFlight: Int? = nil,
    encoding: OutputEncoding = .plain,
    maxLineBytes: Int = PipelineOptions.defaultMaxLineBytes,
    longLines: LongLines = .stopReading, maxLinesPerBatch: Int = 16384,
    largeLineBytes: Int? = nil, maxLargeBatches: Int? = nil
  ) {
    self.jobs = max(jobs, 1)
    self.batchBytes = max(batchBytes, 1)
    self.maxInFlight = max(maxInFlight ?? (2 * max(jobs, 1) + 2), 1)
    self.encoding = encoding
    self.maxLineBytes = min(max(maxLineBytes, 1), Self.largestMaxLineBytes)
    self.longLines = longLines
    self.maxLinesPerBatch = max(maxLinesPerBatch, 1)
    self.largeLineBytes = max(largeLineBytes ?? self.batchBytes / 4, 1)
    self.maxLargeBatches = max(maxLargeBatches ?? (self.jobs + 1) / 2, 1)
  }
}

/// What a `Pipeline.run` did; `Stop` is its worker's `BatchWorker.Stop`.
package struct PipelineResult<Stop: Error & Sendable>: Sendable {
  /// Non-blank lines framed and handed to workers (lines too long included).
  package var linesRead: Int
  /// Blank lines skipped (empty, or only spaces, tabs and CRs).
  package var blankLines: Int
  /// Decoded input bytes (what was framed, newlines and blank lines included).
  package var bytesRead: Int
  /// Bytes read from the files and stdin (equal to `bytesRead` for plain input).
  package var compressedBytesRead: Int
  /// Lines in the batches written to the target.
  package var linesWritten: Int
  /// Bytes actually written to the target (compressed, for gzip output).
  package var bytesWritten: Int
  /// How the run ended.
  package var outcome: Outcome

  /// How a run ended.
  package enum Outcome: Sendable {
    /// Every input was read to its end and every batch written.
    case completed
    /// A worker set `OutputBatch.stop`; its batch was the last one written.
    case stopped(Stop)
    /// `write(2)` failed with `EPIPE` (as with `| head`); the caller exits 0 quietly.
    case brokenPipe
    /// An input or the output failed; every batch before the failure point was written.
    case failed(StreamError)
  }

  package init(
    linesRead: Int = 0, blankLines: Int = 0, bytesRead: Int = 0, compressedBytesRead: Int = 0,
    linesWritten: Int = 0, bytesWritten: Int = 0, outcome: Outcome
  ) {
    self.linesRead = linesRead
    self.blankLines = blankLines
    self.bytesRead = bytesRead
    self.compressedBytesRead = compressedBytesRead
    self.linesWritten = linesWritten
    self.bytesWritten = bytesWritten
    self.outcome = outcome
  }
}
