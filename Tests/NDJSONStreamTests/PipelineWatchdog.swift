import Dispatch
import Foundation
import Synchronization
import Testing

@testable import NDJSONStream

/// Runs a pipeline on a thread of its own and gives up on it after a time limit, so that a
/// deadlocked pipeline fails its test within seconds instead of hanging the whole test run (#14).
///
/// Swift Testing's `.timeLimit` trait cannot end a test that blocks its thread on a semaphore:
/// it records the timeout and then waits for the test forever. Here the test's thread waits with
/// a deadline; a hung run's threads are left blocked (the process ends when the tests do).
enum PipelineWatchdog {
  /// How long one run may take: far beyond the test inputs' needs (milliseconds), short enough
  /// that a deadlock fails fast.
  static let limit: Duration = .seconds(30)

  /// Set once a run has hung: later runs fail at once rather than hang again.
  static let tripped = Atomic<Bool>(false)

  /// The outcome reported for a run that hung.
  static func hung<Stop>() -> PipelineResult<Stop> {
    PipelineResult(outcome: .failed(.writeFailed(path: "pipeline watchdog", errno: ETIMEDOUT)))
  }

  /// `pipeline.run(inputs:to:makeWorker:onWritten:)`, or `hung()` (with a recorded issue) if it
  /// does not finish within `limit`. `onWritten` runs on the run's own thread.
  static func run<Worker: BatchWorker>(
    _ pipeline: Pipeline, inputs: [InputSource], to target: OutputTarget,
    sourceLocation: SourceLocation = #_sourceLocation,
    onWritten: @escaping @Sendable (Worker.Report) -> Void = { _ in },
    makeWorker: @escaping @Sendable () -> Worker
  ) -> PipelineResult<Worker.Stop> {
    guard !tripped.load(ordering: .relaxed) else {
      Issue.record(
        "an earlier pipeline run hung; this one was not started", sourceLocation: sourceLocation)
      return hung()
    }
    let box = ResultBox<Worker.Stop>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      let result = pipeline.run(
        inputs: inputs, to: target, makeWorker: makeWorker, onWritten: onWritten)
      box.value.withLock { $0 = result }
      done.signal()
    }
    thread.start()
    let seconds = Int(limit.components.seconds)
    guard done.wait(timeout: .now() + .seconds(seconds)) == .success else {
      tripped.store(true, ordering: .relaxed)
      Issue.record(
        "the pipeline did not finish within \(seconds) s: a deadlock",
        sourceLocation: sourceLocation)
      return hung()
    }
    return box.value.withLock { $0 } ?? hung()
  }

  final class ResultBox<Stop: Error & Sendable>: Sendable {
    let value = Mutex<PipelineResult<Stop>?>(nil)
  }
}
