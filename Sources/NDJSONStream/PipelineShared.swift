import Dispatch
import Synchronization

/// One worker's result, waiting for the writer.
struct CompletedBatch<Report: PipelineReport, Stop: Error & Sendable>: Sendable {
  var sequence: Int
  /// Holds the output in `bytes[0..<count]` (an encoder's buffer may be longer).
  var bytes: [UInt8]
  var count: Int
  var lines: Int
  var stop: Stop?
  /// The worker's account of the batch, handed to `onWritten` once the batch is written.
  var report = Report()
  /// The worker could not produce the output (its encoder could not be set up, or failed).
  var failure: StreamError?
}

/// What the reader reports when it is done.
struct ReadTotals: Sendable {
  var linesRead = 0
  var blankLines = 0
  var bytesRead = 0
  var compressedBytesRead = 0
}

/// The state shared by reader, workers and writer, under one lock.
///
/// All rings hold at most `maxInFlight` entries: a batch takes a slot before it is framed and
/// gives it back after it is written, so in-flight sequence numbers span fewer than
/// `maxInFlight` values and `sequence % maxInFlight` indexes the result ring without collisions.
struct PipelineState<Report: PipelineReport, Stop: Error & Sendable>: Sendable {
  /// Batches framed and not yet taken by a worker, oldest first, in a ring.
  var queue: [InputBatch?]
  var queueHead = 0
  var queueCount = 0
  /// Results by `sequence % maxInFlight`.
  var results: [CompletedBatch<Report, Stop>?]
  /// Set by the reader at its end, with the number of batches it emitted and why it stopped.
  var readerDone = false
  var batchCount = 0
  var readFailure: StreamError?
  var totals = ReadTotals()
  /// Recycled arrays; buffers that grew past `maxPooledBytes` are dropped instead.
  var inputBuffers: [[UInt8]] = []
  var lineBuffers: [[LineRef]] = []
  var outputBuffers: [[UInt8]] = []
}

/// The synchronization between the threads of one run, typed by its worker's report and stop.
final class PipelineShared<Report: PipelineReport, Stop: Error & Sendable>: Sendable {
  let state: Locked<PipelineState<Report, Stop>>
  /// Counts free in-flight slots; the reader takes one per batch, the writer gives it back.
  let slots: DispatchSemaphore
  /// Signalled once per queued batch, and once per worker when the reader is done.
  let work = DispatchSemaphore(value: 0)
  /// Signalled once per completed batch, and once when the reader is done.
  let ready = DispatchSemaphore(value: 0)
  /// Set by the writer when nothing more will be written: reading stops, workers skip.
  let cancelled = Atomic<Bool>(false)
  /// The lowest sequence whose worker asked to stop; later batches need no processing.
  let stopSequence = Atomic<Int>(Int.max)
  /// Counts the large batches (a line over `largeLineBytes`) that may be processed at once.
  let largeBatches: DispatchSemaphore
  let largeLineBytes: Int
  let capacity: Int
  let jobs: Int
  let maxPooledBytes: Int

  init(options: PipelineOptions) {
    capacity = options.maxInFlight
    jobs = options.jobs
    maxPooledBytes = max(options.batchBytes, 1 << 16) * 4
    slots = DispatchSemaphore(value: options.maxInFlight)
    largeBatches = DispatchSemaphore(value: options.maxLargeBatches)
    largeLineBytes = options.largeLineBytes
    var state = PipelineState<Report, Stop>(
      queue: Array(repeating: nil, count: options.maxInFlight),
      results: Array(repeating: nil, count: options.maxInFlight))
    state.inputBuffers.reserveCapacity(options.maxInFlight)
    state.lineBuffers.reserveCapacity(options.maxInFlight)
    state.outputBuffers.reserveCapacity(options.maxInFlight + options.jobs)
    self.state = Locked(state)
  }

  /// True when the reader should stop: the writer cancelled, or a worker asked to stop.
  var shouldStopReading: Bool {
    cancelled.load(ordering: .relaxed) || stopSequence.load(ordering: .relaxed) != Int.max
  }

  // MARK: Reader

  /// Takes recycled (or new, empty) arrays for the next batch.
  func takeInputBuffers() -> (bytes: [UInt8], lines: [LineRef]) {
    state.withLock { state in
      (state.inputBuffers.popLast() ?? [], state.lineBuffers.popLast() ?? [])
    }
  }

  /// Hands a framed batch to the workers.
  func enqueue(_ batch: sending InputBatch) {
    state.withLock { state in
      let index = (state.queueHead + state.queueCount) % capacity
      state.queue[index] = batch
      state.queueCount += 1
    }
    work.signal()
  }

  /// Records the reader's end and wakes the workers (to exit) and the writer.
  func finishReading(batchCount: Int, failure: StreamError?, totals: ReadTotals) {
    state.withLock { state in
      state.readerDone = true
      state.batchCount = batchCount
      state.readFailure = failure
      state.totals = totals
    }
    for _ in 0..<jobs { work.signal() }
    ready.signal()
  }

  // MARK: Workers

  /// Whether `batch` holds a line longer than `largeLineBytes` (constant time for most batches:
  /// only a batch longer than that can).
  func isLarge(_ batch: InputBatch) -> Bool {
    guard batch.bytes.count > largeLineBytes else { return false }
    return batch.lines.contains { Int($0.end - $0.start) > largeLineBytes }
  }

  /// Takes the oldest queued batch, or nil when the reader is done and the queue is empty.
  func dequeue() -> InputBatch? {
    state.withLock { state -> InputBatch? in
      guard state.queueCount > 0 else { return nil }
      let batch = state.queue[state.queueHead].take()
      state.queueHead = (state.queueHead + 1) % capacity
      state.queueCount -= 1
      return batch
    }
  }

  /// Gives a processed batch's arrays back for reuse.
  func recycle(bytes: consuming [UInt8], lines: consuming [LineRef]) {
    let keepBytes = bytes.capacity <= maxPooledBytes
    let bytes = consume bytes
    let lines = consume lines
    state.withLock { state in
      if keepBytes { state.inputBuffers.append(bytes) }
      state.lineBuffers.append(lines)
    }
  }

  func takeOutputBuffer() -> [UInt8] {
    state.withLock { state in state.outputBuffers.popLast() ?? [] }
  }

  /// Stores a worker's result and wakes the writer.
  func complete(_ result: sending CompletedBatch<Report, Stop>) {
    let index = result.sequence % capacity
    state.withLock { state in state.results[index] = result }
    ready.signal()
  }

  // MARK: Writer

  enum Next {
    case batch(CompletedBatch<Report, Stop>)
    case wait
    case end(StreamError?)
  }

  /// The result with sequence `sequence` if it is ready, or the end of the run.
  func takeResult(_ sequence: Int) -> Next {
    state.withLock { state -> Next in
      let index = sequence % capacity
      if let result = state.results[index], result.sequence == sequence {
        state.results[index] = nil
        return .batch(result)
      }
      if state.readerDone && state.batchCount == sequence { return .end(state.readFailure) }
      return .wait
    }
  }

  /// Gives a written output buffer back for reuse.
  func recycleOutput(_ buffer: consuming [UInt8]) {
    guard buffer.capacity <= maxPooledBytes else { return }
    let buffer = consume buffer
    state.withLock { state in state.outputBuffers.append(buffer) }
  }

  /// The reader's totals (valid once every thread has finished).
  var totals: ReadTotals {
    state.withLock { state in state.totals }
  }
}
