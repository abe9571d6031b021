import Synchronization

/// Counters of a running pipeline, readable from any thread (for a progress line).
///
/// The reader updates the input counters once per batch, the writer the output counters once per
/// batch written; reads are relaxed, so counters may be a batch apart from each other.
package final class PipelineProgress: Sendable {
  private let bytesReadCounter = Atomic<Int>(0)
  private let compressedBytesReadCounter = Atomic<Int>(0)
  private let linesReadCounter = Atomic<Int>(0)
  private let blankLinesCounter = Atomic<Int>(0)
  private let linesWrittenCounter = Atomic<Int>(0)
  private let bytesWrittenCounter = Atomic<Int>(0)
  private let inputIndexCounter = Atomic<Int>(0)

  package init() {}

  /// Decoded input bytes framed so far.
  package var bytesRead: Int { bytesReadCounter.load(ordering: .relaxed) }
  /// Bytes read from files and stdin so far (compressed bytes for gzip input).
  package var compressedBytesRead: Int { compressedBytesReadCounter.load(ordering: .relaxed) }
  /// Non-blank lines framed so far.
  package var linesRead: Int { linesReadCounter.load(ordering: .relaxed) }
  /// Blank lines skipped so far.
  package var blankLines: Int { blankLinesCounter.load(ordering: .relaxed) }
  /// Lines written so far.
  package var linesWritten: Int { linesWrittenCounter.load(ordering: .relaxed) }
  /// Bytes written to the target so far.
  package var bytesWritten: Int { bytesWrittenCounter.load(ordering: .relaxed) }
  /// Index of the input being read.
  package var inputIndex: Int { inputIndexCounter.load(ordering: .relaxed) }

  func addRead(bytes: Int, compressedBytes: Int, lines: Int, blankLines: Int) {
    bytesReadCounter.wrappingAdd(bytes, ordering: .relaxed)
    compressedBytesReadCounter.wrappingAdd(compressedBytes, ordering: .relaxed)
    linesReadCounter.wrappingAdd(lines, ordering: .relaxed)
    blankLinesCounter.wrappingAdd(blankLines, ordering: .relaxed)
  }

  func addWritten(lines: Int, bytes: Int) {
    linesWrittenCounter.wrappingAdd(lines, ordering: .relaxed)
    bytesWrittenCounter.wrappingAdd(bytes, ordering: .relaxed)
  }

  func startInput(_ index: Int) {
    inputIndexCounter.store(index, ordering: .relaxed)
  }
}
