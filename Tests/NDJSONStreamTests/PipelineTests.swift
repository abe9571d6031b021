import Foundation
import Synchronization
import Testing

@testable import NDJSONStream

/// Writes `<source>:<line number>:<LINE UPPERCASED>` per line; stops at a line containing
/// `STOP`, writing only the lines before it.
final class UppercasingWorker: BatchWorker {
  struct Stop: Error, Equatable { var line: Int }

  func process(_ batch: InputBatch, into output: inout OutputBatch<NoReport, Stop>) {
    batch.bytes.withUnsafeBytes { all in
      for line in batch.lines {
        let bytes = UnsafeRawBufferPointer(rebasing: all[line.range])
        if bytes.count >= 4, bytes.starts(with: Array("STOP".utf8)) {
          output.stop = Stop(line: line.number)
          return
        }
        output.bytes += Array("\(batch.sourceIndex):\(line.number):".utf8)
        for byte in bytes {
          output.bytes.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte)
        }
        output.bytes.append(0x0A)
        output.lines += 1
      }
    }
  }
}

/// Copies lines unchanged.
final class IdentityWorker: BatchWorker {
  func process(_ batch: InputBatch, into output: inout OutputBatch<NoReport, Never>) {
    batch.bytes.withUnsafeBytes { all in
      for line in batch.lines {
        output.appendLine(UnsafeRawBufferPointer(rebasing: all[line.range]))
      }
    }
  }
}

/// What `UppercasingWorker` writes for `inputs`, computed with the framing oracle.
func expectedOutput(_ inputs: [[UInt8]], stopAtMarker: Bool = false) -> (bytes: [UInt8], lines: Int)
{
  var out: [UInt8] = []
  var count = 0
  for (index, input) in inputs.enumerated() {
    for line in oracle(input).lines {
      if stopAtMarker && line.bytes.starts(with: Array("STOP".utf8)) { return (out, count) }
      out += Array("\(index):\(line.number):".utf8)
      out += line.bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
      out.append(0x0A)
      count += 1
    }
  }
  return (out, count)
}

/// Every run goes through `PipelineWatchdog`, so a deadlock fails the test instead of hanging.
@Suite("Pipeline", .timeLimit(.minutes(2)))
struct PipelineTests {
  static let first = Fixtures.mixed(seed: 21, lines: 600, longLine: 3000)
  static let second = Fixtures.bom + Fixtures.mixed(seed: 22, lines: 300, longLine: 200)

  func run(
    _ inputs: [InputSource], to target: OutputTarget, jobs: Int, batchBytes: Int = 1 << 20,
    maxInFlight: Int? = nil, encoding: OutputEncoding = .plain, progress: PipelineProgress? = nil
  ) -> PipelineResult<UppercasingWorker.Stop> {
    let options = PipelineOptions(
      jobs: jobs, batchBytes: batchBytes, maxInFlight: maxInFlight, encoding: encoding)
    return PipelineWatchdog.run(
      Pipeline(options: options, progress: progress), inputs: inputs, to: target
    ) { UppercasingWorker() }
  }

  @Test("output is the same for every job count and batch size", arguments: [64, 4096, 1 << 20])
  func outputIndependentOfJobs(_ batchBytes: Int) {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson", Self.first)),
      .file(directory.write("b.ndjson.gz", gzip(Self.second))),
      .file(directory.write("empty.ndjson", [])),
      .file(directory.write("c.ndjson", Array("last\nline".utf8))),
    ]
    let texts = [Self.first, Self.second, [], Array("last\nline".utf8)]
    let expected = expectedOutput(texts)
    let framed = texts.map { oracle($0) }
    for jobs in 1...8 {
      let result = run(
        inputs, to: .file(path: directory.file("out")), jobs: jobs,
        batchBytes: batchBytes, maxInFlight: jobs == 3 ? 1 : nil)
      guard case .completed = result.outcome else {
        Issue.record("outcome \(result.outcome), jobs \(jobs)")
        continue
      }
      // Bool(…): a failing `==` on large byte strings would make #expect diff them (minutes, #14).
      #expect(Bool(directory.read("out") == expected.bytes), "jobs \(jobs)")
      #expect(result.linesRead == expected.lines)
      #expect(result.linesWritten == expected.lines)
      #expect(result.blankLines == framed.map(\.blankLines).reduce(0, +))
      #expect(result.bytesRead == texts.map(\.count).reduce(0, +))
      #expect(result.compressedBytesRead == Self.first.count + gzip(Self.second).count + 9)
      #expect(result.bytesWritten == expected.bytes.count)
    }
  }

  @Test("a worker's stop writes exactly the earlier lines", arguments: [1, 2, 4, 8])
  func stopInTheMiddle(_ jobs: Int) {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let marked = Self.first + Array("STOP here\n".utf8) + Self.first
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson", marked)), .file(directory.write("b.ndjson", Self.second)),
    ]
    let expected = expectedOutput([marked, Self.second], stopAtMarker: true)
    for batchBytes in [64, 4096, 1 << 20] {
      let result = run(
        inputs, to: .file(path: directory.file("out")), jobs: jobs,
        batchBytes: batchBytes)
      guard case .stopped(let error) = result.outcome else {
        Issue.record("outcome \(result.outcome)")
        continue
      }
      #expect(error == .init(line: 601))
      #expect(Bool(directory.read("out") == expected.bytes), "batchBytes \(batchBytes)")
      #expect(result.linesWritten == expected.lines)
    }
  }

  @Test("gzip output decodes to the plain output and does not depend on jobs")
  func gzipOutput() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let inputs: [InputSource] = [.file(directory.write("a.ndjson", Self.first))]
    let expected = expectedOutput([Self.first])
    var outputs: [[UInt8]] = []
    for jobs in [1, 3] {
      let result = run(
        inputs, to: .file(path: directory.file("out.gz")), jobs: jobs,
        batchBytes: 4096, encoding: .gzip(level: 6))
      guard case .completed = result.outcome else {
        Issue.record("outcome \(result.outcome)")
        continue
      }
      let compressed = try #require(directory.read("out.gz"))
      #expect(result.bytesWritten == compressed.count)
      #expect(compressed.count < expected.bytes.count)
      #expect(try Bool(gunzip(compressed) == expected.bytes))
      if FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") {
        #expect(try Bool(runGzip(["-dc", directory.file("out.gz")]) == expected.bytes))
      }
      outputs.append(compressed)
    }
    #expect(outputs.count == 2 && outputs[0] == outputs[1])
  }

  @Test("gzip output of no lines is one empty member")
  func gzipEmptyOutput() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let inputs: [InputSource] = [.file(directory.write("a.ndjson", Array("\n\n".utf8)))]
    let result = run(
      inputs, to: .file(path: directory.file("out.gz")), jobs: 2, encoding: .gzip(level: 9))
    let compressed = try #require(directory.read("out.gz"))
    #expect(compressed == gzip([]))
    #expect(try gunzip(compressed) == [])
    #expect(result.blankLines == 2 && result.linesRead == 0)
  }

  @Test("atomicFile renames on success and leaves no temporary file on failure")
  func atomicFile() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let good = directory.write("in.ndjson", Self.second)
    let marked = directory.write("stop.ndjson", Array("a\nSTOP\n".utf8))
    let target = OutputTarget.atomicFile(path: directory.file("out.ndjson"))

    var result = run([.file(good)], to: target, jobs: 2, batchBytes: 64)
    guard case .completed = result.outcome else { throw Failure("outcome \(result.outcome)") }
    #expect(Bool(directory.read("out.ndjson") == expectedOutput([Self.second]).bytes))
    #expect(directory.entries() == ["in.ndjson", "out.ndjson", "stop.ndjson"])

    for inputs in [[marked], [good, directory.file("missing.ndjson")]] {
      result = run(inputs.map { .file($0) }, to: target, jobs: 2, batchBytes: 64)
      if case .completed = result.outcome { Issue.record("completed") }
      #expect(Bool(directory.read("out.ndjson") == expectedOutput([Self.second]).bytes), "kept")
      #expect(directory.entries() == ["in.ndjson", "out.ndjson", "stop.ndjson"])
    }
  }

  @Test("a missing input fails with cannotOpen after the earlier inputs are written")
  func missingInput() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let missing = directory.file("missing.ndjson")
    let inputs: [InputSource] = [.file(directory.write("a.ndjson", Self.second)), .file(missing)]
    let result = run(inputs, to: .file(path: directory.file("out")), jobs: 4, batchBytes: 64)
    guard case .failed(let error) = result.outcome else {
      Issue.record("outcome \(result.outcome)")
      return
    }
    #expect(error == .cannotOpen(path: missing, errno: ENOENT))
    #expect(Bool(directory.read("out") == expectedOutput([Self.second]).bytes))
  }

  @Test("a truncated gzip input writes the lines read completely, then fails")
  func truncatedGzipInput() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let compressed = gzip(Self.first)
    let path = directory.write("a.ndjson.gz", Array(compressed[..<(compressed.count / 2)]))
    let after = directory.write("b.ndjson", Self.second)
    let result = run(
      [.file(path), .file(after)], to: .file(path: directory.file("out")), jobs: 3,
      batchBytes: 256)
    guard case .failed(let error) = result.outcome else {
      Issue.record("outcome \(result.outcome)")
      return
    }
    #expect(error == .truncatedGzip(path: path))
    let written = directory.read("out") ?? []
    let full = expectedOutput([Self.first]).bytes
    #expect(written.count > 0 && written.count < full.count)
    #expect(full.starts(with: written) && written.last == 0x0A)
  }

  @Test("an output in a missing directory is cannotCreate, before reading")
  func cannotCreate() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let path = directory.file("no/such/dir/out")
    for target in [OutputTarget.file(path: path), .atomicFile(path: path)] {
      let progress = PipelineProgress()
      let result = PipelineWatchdog.run(
        Pipeline(options: PipelineOptions(jobs: 1), progress: progress), inputs: [.standardInput],
        to: target
      ) { IdentityWorker() }
      guard case .failed(let error) = result.outcome else {
        Issue.record("outcome \(result.outcome)")
        continue
      }
      #expect(error == .cannotCreate(path: path, errno: ENOENT))
      #expect(progress.bytesRead == 0)
    }
  }

  @Test("a closed pipe ends the run as brokenPipe")
  func brokenPipe() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    close(fds[0])
    defer { close(fds[1]) }
    let input = directory.write("a.ndjson", Self.first)
    let result = run(
      [.file(input)], to: .file(path: "/dev/fd/\(fds[1])"), jobs: 2,
      batchBytes: 64)
    guard case .brokenPipe = result.outcome else {
      throw Failure("outcome \(result.outcome)")
    }
    #expect(result.bytesWritten == 0)
  }

  @Test("progress counters end equal to the result")
  func progressCounters() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let progress = PipelineProgress()
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson.gz", gzip(Self.first))),
      .file(directory.write("b.ndjson", Self.second)),
    ]
    let result = run(
      inputs, to: .file(path: directory.file("out")), jobs: 2, batchBytes: 1000,
      progress: progress)
    #expect(progress.bytesRead == result.bytesRead)
    #expect(progress.compressedBytesRead == result.compressedBytesRead)
    #expect(progress.linesRead == result.linesRead)
    #expect(progress.blankLines == result.blankLines)
    #expect(progress.linesWritten == result.linesWritten)
    #expect(progress.bytesWritten == result.bytesWritten)
    #expect(progress.inputIndex == 1)
  }

  @Test(
    "#8: at most (jobs + 1) / 2 batches with a huge line are processed at once, each then releases its scratch"
  )
  func largeBatchesAreLimited() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    var input: [UInt8] = []
    for index in 0..<60 {
      let length = index % 3 == 0 ? 300 : 20
      input += Array(repeating: UInt8(ascii: "a") + UInt8(index % 26), count: length) + [0x0A]
    }
    let path = directory.write("in.ndjson", input)
    // batchBytes 256: lines over 64 bytes are large.
    let options = PipelineOptions(jobs: 4, batchBytes: 256)
    #expect(options.largeLineBytes == 64 && options.maxLargeBatches == 2)
    let result = PipelineWatchdog.run(
      Pipeline(options: options), inputs: [.file(path)], to: .file(path: directory.file("out"))
    ) { GateWatchingWorker(threshold: 64) }
    guard case .completed = result.outcome else {
      Issue.record("outcome \(result.outcome)")
      return
    }
    #expect(directory.read("out") == input)
    #expect(GateWatchingWorker.most.load(ordering: .relaxed) <= 2)
    #expect(GateWatchingWorker.large.load(ordering: .relaxed) >= 20)
    #expect(
      GateWatchingWorker.releases.load(ordering: .relaxed)
        == GateWatchingWorker.large.load(ordering: .relaxed))
  }

  @Test("#8: a line too long stops reading there, or is passed over, as the options say")
  func longLinesInThePipeline() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 5000)
    let inputs: [InputSource] = [
      .file(directory.write("a.ndjson", Array("one\n".utf8) + long + Array("\nthree\n".utf8))),
      .file(directory.write("b.ndjson", Array("four\n".utf8))),
    ]
    for policy in [PipelineOptions.LongLines.stopReading, .skipToNextLine] {
      let options = PipelineOptions(
        jobs: 2, batchBytes: 64, maxLineBytes: 1000, longLines: policy)
      let result = PipelineWatchdog.run(
        Pipeline(options: options), inputs: inputs, to: .file(path: directory.file("out"))
      ) { GateWatchingWorker(threshold: .max) }
      guard case .completed = result.outcome else {
        Issue.record("outcome \(result.outcome)")
        continue
      }
      let text = String(decoding: directory.read("out") ?? [], as: UTF8.self)
      if policy == .stopReading {
        #expect(text == "one\nTOO LONG 2\n")
        #expect(result.linesRead == 2)
        #expect(result.bytesRead < 2000, "nothing after the limit was read")
      } else {
        #expect(text == "one\nTOO LONG 2\nthree\nfour\n")
        #expect(result.linesRead == 4)
        #expect(result.bytesRead == 4 + 5000 + 7 + 5)
      }
    }
  }
}

/// Copies lines, writes `TOO LONG <n>` for a line too long, and records how many batches with a
/// line over `threshold` it processes at once (across all instances) and how often its scratch
/// is released.
final class GateWatchingWorker: BatchWorker {
  static let current = Atomic<Int>(0)
  static let most = Atomic<Int>(0)
  static let large = Atomic<Int>(0)
  static let releases = Atomic<Int>(0)
  let threshold: Int

  init(threshold: Int) { self.threshold = threshold }

  func process(_ batch: InputBatch, into output: inout OutputBatch<NoReport, Never>) {
    let isLarge = batch.lines.contains { Int($0.end - $0.start) > threshold }
    if isLarge {
      Self.large.add(1, ordering: .relaxed)
      let now = Self.current.add(1, ordering: .relaxed).newValue
      Self.most.max(now, ordering: .relaxed)
      usleep(2000)
    }
    batch.bytes.withUnsafeBytes { all in
      for line in batch.lines {
        if line.isTooLong {
          Array("TOO LONG \(line.number)".utf8).withUnsafeBytes { output.appendLine($0) }
          continue
        }
        output.appendLine(UnsafeRawBufferPointer(rebasing: all[line.range]))
      }
    }
    if isLarge { Self.current.subtract(1, ordering: .relaxed) }
  }

  func releaseScratch() {
    Self.releases.add(1, ordering: .relaxed)
  }
}

struct Failure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
