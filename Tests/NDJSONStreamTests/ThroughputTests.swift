import Foundation
import Testing

@testable import NDJSONStream

/// A by-hand throughput check, skipped unless `NDJSON_STREAM_BENCH` names an input file.
///
/// Run in release: `NDJSON_STREAM_BENCH=/tmp/corpus/mixed-1000MB.ndjson swift test -c release
/// --filter ThroughputTests`. It copies every line with `IdentityWorker` to /dev/null for
/// jobs 1 and 2 and prints MB/s of decoded input. `NDJSON_STREAM_BENCH_OUT` writes to a file.
@Suite("Throughput")
struct ThroughputTests {
  static let input = ProcessInfo.processInfo.environment["NDJSON_STREAM_BENCH"]
  /// Where to write instead of /dev/null (to compare with `cmp`).
  static let output = ProcessInfo.processInfo.environment["NDJSON_STREAM_BENCH_OUT"]

  @Test("identity worker to /dev/null", .enabled(if: input != nil))
  func identity() throws {
    let path = try #require(Self.input)
    for jobs in [1, 2] {
      let start = ContinuousClock.now
      let result = Pipeline(options: PipelineOptions(jobs: jobs)).run(
        inputs: [.file(path)], to: .file(path: Self.output ?? "/dev/null")
      ) { IdentityWorker() }
      let seconds = (ContinuousClock.now - start) / .seconds(1)
      guard case .completed = result.outcome else { throw Failure("\(result.outcome)") }
      #expect(result.linesWritten == result.linesRead)
      let rate = Double(result.bytesRead) / seconds / 1e6
      print(
        "jobs \(jobs): \(result.bytesRead) bytes, \(result.linesRead) lines, "
          + "\(String(format: "%.2f", seconds)) s, \(String(format: "%.0f", rate)) MB/s")
    }
  }
}
