import Foundation
import Testing

@testable import NDJSONStream

/// Writes each line with its batch's sequence number, after a delay that makes early batches
/// finish last.
final class SlowEarlyWorker: BatchWorker {
  func process(_ batch: InputBatch, into output: inout OutputBatch<NoReport, Never>) {
    if batch.sequence % 4 == 0 { usleep(2_000) }
    batch.bytes.withUnsafeBytes { all in
      for line in batch.lines {
        output.appendLine(UnsafeRawBufferPointer(rebasing: all[line.range]))
      }
    }
  }
}

/// #14: output order does not depend on which worker finishes first, and a pipeline whose writer
/// loses track of the sequence fails (through `PipelineWatchdog`) instead of hanging.
@Suite("Pipeline order", .timeLimit(.minutes(2)))
struct PipelineOrderTests {
  @Test(
    "#14: batches finishing out of order are written in input order",
    arguments: [(2, 2), (4, 3), (8, 16)])
  func outOfOrderCompletion(_ jobs: Int, _ maxInFlight: Int) throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let lines = (0..<2_000).map { "line \($0) " + String(repeating: "x", count: $0 % 37) }
    let text = Array((lines.joined(separator: "\n") + "\n").utf8)
    let input = directory.write("in.ndjson", text)
    let result = PipelineWatchdog.run(
      Pipeline(
        options: PipelineOptions(
          jobs: jobs, batchBytes: 256, maxInFlight: maxInFlight, encoding: .plain)),
      inputs: [.file(input)], to: .file(path: directory.file("out"))
    ) { SlowEarlyWorker() }
    guard case .completed = result.outcome else {
      Issue.record("outcome \(result.outcome)")
      return
    }
    // Bool(…): a failing `==` on large byte strings would make #expect diff them (minutes, #14).
    #expect(Bool(directory.read("out") == text))
    #expect(result.linesWritten == lines.count)
  }
}
