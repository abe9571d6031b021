import Foundation
import Synchronization
import Testing

@testable import NDJSONStream

/// A batch's account as a typed report: its sequence number and the lines it wrote.
struct WrittenLines: PipelineReport {
  var sequences: [Int] = []
  /// `<source>:<line number>` of each line written.
  var lines: [String] = []
  var bytes = 0

  static func += (lhs: inout WrittenLines, rhs: WrittenLines) {
    lhs.sequences += rhs.sequences
    lhs.lines += rhs.lines
    lhs.bytes += rhs.bytes
  }
}

/// Why `ReportingWorker` stops a run.
enum MarkerStop: Error, Equatable {
  case marker(source: Int, line: Int)
}

/// Copies lines and reports each batch; every third batch is slow, so batches finish out of
/// order. Stops at a line starting with `STOP`, after the lines before it.
final class ReportingWorker: BatchWorker {
  /// Batches whose report did not arrive as `WrittenLines()`.
  static let unclean = Atomic<Int>(0)

  func process(_ batch: InputBatch, into output: inout OutputBatch<WrittenLines, MarkerStop>) {
    let fresh = output.report.sequences.isEmpty && output.report.lines.isEmpty
    if !fresh || output.report.bytes != 0 { Self.unclean.add(1, ordering: .relaxed) }
    if batch.sequence % 3 == 0 { usleep(1_000) }
    output.report.sequences.append(batch.sequence)
    batch.bytes.withUnsafeBytes { all in
      for line in batch.lines {
        let bytes = UnsafeRawBufferPointer(rebasing: all[line.range])
        if bytes.starts(with: Array("STOP".utf8)) {
          output.stop = .marker(source: batch.sourceIndex, line: line.number)
          return
        }
        output.appendLine(bytes)
        output.report.lines.append("\(batch.sourceIndex):\(line.number)")
        output.report.bytes += bytes.count + 1
      }
    }
  }
}

/// What `onWritten` received, in order (it runs on the watchdog's thread).
final class ReportLog: Sendable {
  let reports = Mutex<[WrittenLines]>([])

  var all: [WrittenLines] { reports.withLock { $0 } }

  /// The reports added up with `+=`.
  var total: WrittenLines {
    var total = WrittenLines()
    for report in all { total += report }
    return total
  }
}

@Suite("Pipeline reports and stops", .timeLimit(.minutes(5)))
struct PipelineReportTests {
  static func numbered(_ count: Int, from first: Int = 1) -> [UInt8] {
    Array(
      (first..<(first + count)).map { "line \($0) " + String(repeating: "y", count: $0 % 29) }
        .joined(separator: "\n").utf8) + [0x0A]
  }

  @Test(
    "#10: each batch's report reaches onWritten typed, in sequence order, and += totals them",
    arguments: [1, 2, 4])
  func reportsInSequenceOrder(_ jobs: Int) {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson", Self.numbered(700))),
      .file(directory.write("b.ndjson", Self.numbered(300))),
    ]
    let log = ReportLog()
    let result = PipelineWatchdog.run(
      Pipeline(options: PipelineOptions(jobs: jobs, batchBytes: 256)), inputs: inputs,
      to: .file(path: directory.file("out")),
      onWritten: { report in log.reports.withLock { $0.append(report) } }
    ) { ReportingWorker() }
    guard case .completed = result.outcome else {
      Issue.record("outcome \(result.outcome)")
      return
    }
    let reports = log.all
    #expect(reports.count > 20, "many batches")
    #expect(reports.map(\.sequences) == reports.indices.map { [$0] }, "one each, in order")
    let total = log.total
    #expect(total.sequences == Array(reports.indices))
    let expected = (1...700).map { "0:\($0)" } + (1...300).map { "1:\($0)" }
    #expect(total.lines == expected)
    #expect(total.lines.count == result.linesWritten)
    #expect(total.bytes == result.bytesWritten)
    #expect(ReportingWorker.unclean.load(ordering: .relaxed) == 0, "reports start as Report()")
  }

  @Test(
    "#10: a worker's stop arrives typed in .stopped, after the reports of exactly what was written",
    arguments: [1, 3])
  func stopArrivesTyped(_ jobs: Int) throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let second = Self.numbered(4) + Array("STOP\n".utf8) + Self.numbered(200, from: 6)
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson", Self.numbered(500))),
      .file(directory.write("b.ndjson", second)),
    ]
    let log = ReportLog()
    let result = PipelineWatchdog.run(
      Pipeline(options: PipelineOptions(jobs: jobs, batchBytes: 128)), inputs: inputs,
      to: .file(path: directory.file("out")),
      onWritten: { report in log.reports.withLock { $0.append(report) } }
    ) { ReportingWorker() }
    guard case .stopped(let stop) = result.outcome else {
      throw Failure("outcome \(result.outcome)")
    }
    #expect(stop == .marker(source: 1, line: 5))
    let total = log.total
    #expect(total.lines == (1...500).map { "0:\($0)" } + (1...4).map { "1:\($0)" })
    #expect(total.lines.count == result.linesWritten)
    #expect(total.bytes == result.bytesWritten)
    #expect(total.sequences == Array(log.all.indices), "no report after the stopping batch")
    let written = directory.read("out") ?? []
    #expect(Bool(written == Self.numbered(500) + Self.numbered(4)))
  }
}
