import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Moves NDJSON lines from inputs through parallel workers to one output, in input order.
///
/// One reader thread decodes (gunzips) and frames the inputs into batches of whole lines; `jobs`
/// worker threads process batches in any order; the calling thread writes the results strictly
/// in sequence order with big `write(2)` calls. At most `maxInFlight` batches exist at a time, so
/// memory does not depend on the input size, and the output bytes do not depend on `jobs`.
/// Threads are Dispatch serial queues (overcommitting, so blocking reads never starve a pool);
/// nothing runs on the Swift concurrency pool.
package struct Pipeline: Sendable {
  /// Threads, batch size, in-flight bound and output encoding.
  package var options: PipelineOptions
  /// Counters updated while running, if the caller wants to show progress.
  package var progress: PipelineProgress?

  package init(options: PipelineOptions, progress: PipelineProgress? = nil) {
    self.options = options
    self.progress = progress
  }

  /// Runs all inputs in order into one output stream (like `cat`), blocking until done.
  ///
  /// `makeWorker` is called once per worker thread, on that thread. The run stops early when a
  /// worker sets `OutputBatch.stop` (after writing that batch), on the first input error (after
  /// writing every line read completely before it), on a write error, and on `EPIPE`. `SIGPIPE`
  /// is set to be ignored (process-wide) so that a closed pipe shows up as `EPIPE`. Stopping
  /// waits for all threads; a reader blocked on an idle standard input ends with its next read.
  ///
  /// `onWritten` runs on the calling thread with each batch's `OutputBatch.report`, in sequence
  /// order, right after the batch is written: counts gathered there (with `+=`) cover exactly
  /// what was written.
  ///
  /// - Returns: the counts and the outcome, `.stopped` with the worker's `Stop`; an output that
  ///   cannot be created is `.failed(.cannotCreate)` before anything is read.
  package func run<Worker: BatchWorker>(
    inputs: [InputSource], to target: OutputTarget,
    makeWorker: @escaping @Sendable () -> Worker,
    onWritten: (Worker.Report) -> Void = { _ in }
  ) -> PipelineResult<Worker.Stop> {
    signal(SIGPIPE, SIG_IGN)
    let output: OutputFile
    do {
      output = try OutputFile(opening: target)
    } catch {
      return PipelineResult(outcome: .failed(error))
    }
    let shared = PipelineShared<Worker.Report, Worker.Stop>(options: options)
    let options = options
    let progress = progress
    let group = DispatchGroup()
    DispatchQueue(label: "fhir-deid.reader").async(group: group) {
      readInputs(inputs, shared: shared, options: options, progress: progress)
    }
    for index in 0..<options.jobs {
      DispatchQueue(label: "fhir-deid.worker.\(index)").async(group: group) {
        runWorker(makeWorker(), shared: shared, encoding: options.encoding, target: target)
      }
    }
    var result = writeOutputs(
      to: output, shared: shared, options: options, progress: progress, onWritten: onWritten)
    group.wait()

    let totals = shared.totals
    result.linesRead = totals.linesRead
    result.blankLines = totals.blankLines
    result.bytesRead = totals.bytesRead
    result.compressedBytesRead = totals.compressedBytesRead
    var completed = false
    if case .completed = result.outcome { completed = true }
    do {
      try output.finish(keep: completed)
    } catch {
      if completed { result.outcome = .failed(error) }
    }
    return result
  }
}

/// The reader thread: frames every input into batches until the end, a failure or a stop.
private func readInputs<Report, Stop>(
  _ inputs: [InputSource], shared: PipelineShared<Report, Stop>, options: PipelineOptions,
  progress: PipelineProgress?
) {
  var totals = ReadTotals()
  var sequence = 0
  var failure: StreamError?
  for (index, input) in inputs.enumerated() {
    if shared.shouldStopReading { break }
    progress?.startInput(index)
    let descriptor: Int32
    do {
      descriptor = try openInput(input)
    } catch {
      failure = error
      break
    }
    defer { if descriptor != 0 { close(descriptor) } }
    let path = input.displayName
    let source = DecodingSource(
      FileDescriptorSource(descriptor: descriptor, path: path), path: path)
    var framer = LineFramer(
      source: source, path: path, batchBytes: options.batchBytes,
      maxLineBytes: options.maxLineBytes, longLines: options.longLines,
      maxLines: options.maxLinesPerBatch)
    var compressedBefore = 0
    var stopped = false
    while !framer.isFinished {
      shared.slots.wait()
      if shared.shouldStopReading {
        shared.slots.signal()
        stopped = true
        break
      }
      var (bytes, lines) = shared.takeInputBuffers()
      let before = (framer.bytesRead, framer.linesFramed, framer.blankLines)
      framer.nextBatch(bytes: &bytes, lines: &lines)
      let compressed = source.rawBytesRead - compressedBefore
      compressedBefore = source.rawBytesRead
      progress?.addRead(
        bytes: framer.bytesRead - before.0, compressedBytes: compressed,
        lines: framer.linesFramed - before.1, blankLines: framer.blankLines - before.2)
      if lines.isEmpty {
        shared.recycle(bytes: bytes, lines: lines)
        shared.slots.signal()
      } else {
        shared.enqueue(
          InputBatch(sequence: sequence, sourceIndex: index, bytes: bytes, lines: lines))
        sequence += 1
      }
    }
    totals.linesRead += framer.linesFramed
    totals.blankLines += framer.blankLines
    totals.bytesRead += framer.bytesRead
    totals.compressedBytesRead += source.rawBytesRead
    // A line too long with `.stopReading`: its worker stops the run, nothing after it is read.
    if stopped || framer.stoppedAtLongLine { break }
    if let error = framer.failure {
      failure = error
      break
    }
  }
  shared.finishReading(batchCount: sequence, failure: failure, totals: totals)
}

/// A worker thread: processes batches until the reader is done and the queue is empty.
private func runWorker<Worker: BatchWorker>(
  _ worker: Worker, shared: PipelineShared<Worker.Report, Worker.Stop>, encoding: OutputEncoding,
  target: OutputTarget
) {
  var output = OutputBatch<Worker.Report, Worker.Stop>()
  var encoder = encoding.makeEncoder()
  while true {
    shared.work.wait()
    guard var batch = shared.dequeue() else { break }
    let sequence = batch.sequence
    var result = CompletedBatch<Worker.Report, Worker.Stop>(
      sequence: sequence, bytes: [], count: 0, lines: 0)
    if !shared.cancelled.load(ordering: .relaxed)
      && sequence <= shared.stopSequence.load(ordering: .relaxed)
    {
      // A huge line takes many times its size in the worker's scratch space: only so many
      // are processed at once, and the worker frees that scratch before it lets go. The holder
      // never waits for anything else, so this cannot deadlock.
      let large = shared.isLarge(batch)
      if large { shared.largeBatches.wait() }
      defer { if large { shared.largeBatches.signal() } }
      output.bytes.removeAll(keepingCapacity: true)
      output.lines = 0
      output.stop = nil
      output.report = Worker.Report()
      worker.process(batch, into: &output)
      if large { worker.releaseScratch() }
      result.lines = output.lines
      result.stop = output.stop.take()
      swap(&result.report, &output.report)
      if result.stop != nil {
        shared.stopSequence.min(sequence, ordering: .relaxed)
      }
      if output.bytes.isEmpty {
        // Nothing to write: nothing is encoded (no gzip member at all).
      } else if encoder != nil {
        var buffer = shared.takeOutputBuffer()
        if let count = encoder?.encode(&output.bytes, into: &buffer) {
          result.bytes = buffer
          result.count = count
        } else {
          result.failure = .writeFailed(path: target.displayName, errno: ENOMEM)
        }
        // The buffer this worker keeps for the next batch must not pin a huge batch's size for
        // the rest of the run (with plain output it is a recycled one, and small already).
        if output.bytes.capacity > shared.maxPooledBytes { output.bytes = [] }
      } else {
        result.failure = .writeFailed(path: target.displayName, errno: ENOMEM)
      }
    }
    // Move the arrays out so that the pool holds the only reference.
    var bytes: [UInt8] = []
    var lines: [LineRef] = []
    swap(&bytes, &batch.bytes)
    swap(&lines, &batch.lines)
    shared.recycle(bytes: bytes, lines: lines)
    shared.complete(result)
  }
}

/// The writer (the calling thread): writes results in sequence order until the end or a stop,
/// then keeps draining without writing so that the other threads can finish.
private func writeOutputs<Report, Stop>(
  to output: OutputFile, shared: PipelineShared<Report, Stop>, options: PipelineOptions,
  progress: PipelineProgress?, onWritten: (Report) -> Void
) -> PipelineResult<Stop> {
  var result = PipelineResult<Stop>(outcome: .completed)
  var ended = false  // the outcome is decided; nothing more is written
  var next = 0

  func end(_ outcome: PipelineResult<Stop>.Outcome) {
    result.outcome = outcome
    ended = true
    shared.cancelled.store(true, ordering: .relaxed)
  }

  func write(_ bytes: UnsafeRawBufferPointer, lines: Int) {
    var written = 0
    do {
      try output.write(bytes, written: &written)
      result.linesWritten += lines
      progress?.addWritten(lines: lines, bytes: written)
    } catch {
      progress?.addWritten(lines: 0, bytes: written)
      end(
        error.code == EPIPE
          ? .brokenPipe : .failed(.writeFailed(path: output.target.displayName, errno: error.code)))
    }
    result.bytesWritten += written
  }

  loop: while true {
    switch shared.takeResult(next) {
    case .wait:
      shared.ready.wait()
    case .end(let failure):
      if !ended, let failure { end(.failed(failure)) }
      break loop
    case .batch(var batch):
      if !ended {
        if let failure = batch.failure {
          end(.failed(failure))
        } else {
          batch.bytes.withUnsafeBytes { bytes in
            write(UnsafeRawBufferPointer(rebasing: bytes[0..<batch.count]), lines: batch.lines)
          }
          if !ended {
            onWritten(batch.report)
            if let stop = batch.stop { end(.stopped(stop)) }
          }
        }
      }
      var buffer: [UInt8] = []
      swap(&buffer, &batch.bytes)
      shared.recycleOutput(buffer)
      next += 1
      shared.slots.signal()
    }
  }
  // An output without bytes may still need some (an empty file is not valid gzip).
  if result.bytesWritten == 0 && !ended {
    let empty = options.encoding.emptyStream
    if !empty.isEmpty { empty.withUnsafeBytes { write($0, lines: 0) } }
  }
  return result
}
