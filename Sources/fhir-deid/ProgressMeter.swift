import NDJSONStream
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Redraws a one-line progress display on standard error about four times a second:
/// bytes read, MB/s, resources/s and, when the input size is known, the ETA.
final class ProgressMeter: Sendable {
  private let progress: PipelineProgress
  private let totalBytes: Int?
  private let running = Atomic<Bool>(false)
  private let thread = Mutex<pthread_t?>(nil)
  private let started = FileIO.now()

  init(progress: PipelineProgress, totalBytes: Int?) {
    self.progress = progress
    self.totalBytes = totalBytes
  }

  func start() {
    running.store(true, ordering: .relaxed)
    let box = Unmanaged.passRetained(self)
    var tid = pthread_t()
    let rc = pthread_create(
      &tid, nil,
      { raw in
        guard let raw else { return nil }
        let meter = Unmanaged<ProgressMeter>.fromOpaque(raw).takeRetainedValue()
        meter.loop()
        return nil
      }, box.toOpaque())
    if rc == 0 {
      thread.withLock { $0 = tid }
    } else {
      box.release()
    }
  }

  /// Stops redrawing and clears the line.
  func stop() {
    running.store(false, ordering: .relaxed)
    if let tid = thread.withLock({ t -> pthread_t? in
      defer { t = nil }; return t
    }) {
      pthread_join(tid, nil)
    }
    clear()
  }

  /// Erases the progress line (before an error message is printed).
  func clear() {
    Diagnostics.writeAll(2, Array("\r\u{1B}[K".utf8))
  }

  private func loop() {
    while running.load(ordering: .relaxed) {
      var ts = timespec(tv_sec: 0, tv_nsec: 250_000_000)
      nanosleep(&ts, nil)
      guard running.load(ordering: .relaxed) else { break }
      draw()
    }
  }

  private func draw() {
    let elapsed = max(FileIO.now() - started, 0.001)
    let read = progress.bytesRead
    let compressed = progress.compressedBytesRead
    let lines = progress.linesRead
    var text = "\r\u{1B}[Kfhir-deid: \(Format.fixed(Double(read) / 1e6, 1)) MB"
    text += "  \(Format.fixed(Double(read) / 1e6 / elapsed, 1)) MB/s"
    text += "  \(Int(Double(lines) / elapsed)) resources/s"
    if let totalBytes, totalBytes > 0, compressed > 0 {
      let fraction = min(1, Double(compressed) / Double(totalBytes))
      text += "  \(Int(fraction * 100))%"
      if fraction > 0.01 { text += "  ETA \(Format.clock(elapsed / fraction - elapsed))" }
    }
    Diagnostics.writeAll(2, Array(text.utf8))
  }
}
