import FHIRDeid
import Testing

/// The shared batch loop's policy, with a job that fails on demand.
@Suite("RecordLoop")
struct RecordLoopTests {
  /// Writes each line back with a newline after appending half of it first; lines starting
  /// with `!` fail as invalid input, lines starting with `?` as processing errors.
  struct EchoJob: RecordJob {
    struct Counts: RecordCounts {
      var lines = 0
      var batches = 0
      init() {}
      static func += (lhs: inout Counts, rhs: Counts) {
        lhs.lines += rhs.lines
        lhs.batches += rhs.batches
      }
    }

    var substitutes = false

    mutating func process(
      _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
      counts: inout Counts
    ) throws(RecordFailure) -> Int {
      // Something is appended before the failure: the loop must take it back.
      out.append(contentsOf: line.prefix(line.count / 2))
      if line.first == UInt8(ascii: "!") { throw RecordFailure(.notAnObject, offset: 1) }
      if line.first == UInt8(ascii: "?") { throw RecordFailure(.processing(.notANumber)) }
      out.append(contentsOf: line.dropFirst(line.count / 2))
      out.append(0x0A)
      counts.lines += 1
      return 1
    }

    func substitute(for failure: RecordFailure, into out: inout [UInt8]) -> Bool {
      guard substitutes else { return false }
      out.append(contentsOf: "{}\n".utf8)
      return true
    }

    mutating func finishBatch(_ counts: inout Counts) { counts.batches += 1 }
    mutating func releaseScratch() {}
  }

  struct Outcome {
    var output = ""
    var lines = 0
    var report = BatchReport<EchoJob.Counts>()
    var stop: LineFailure?
  }

  /// Runs `lines` (nil: a line over the limit) through a loop, as the pipeline's worker does.
  func run(_ lines: [String?], skipInvalid: Bool = false, substitutes: Bool = false) -> Outcome {
    var loop = RecordLoop(
      job: EchoJob(substitutes: substitutes), skipsInvalidInput: skipInvalid, maxLineBytes: 10)
    var outcome = Outcome()
    var out: [UInt8] = []
    for (i, text) in lines.enumerated() {
      let bytes = Array((text ?? "").utf8)
      let stop = bytes.withUnsafeBytes { raw in
        loop.process(
          text == nil ? nil : raw, source: 0, number: i + 1, into: &out,
          lines: &outcome.lines, report: &outcome.report)
      }
      if let stop {
        outcome.stop = stop
        break
      }
    }
    loop.finishBatch(&outcome.report)
    outcome.output = String(decoding: out, as: UTF8.self)
    return outcome
  }

  @Test("good lines pass through; the batch is finished once")
  func passes() {
    let r = run(["ab", "cd"])
    #expect(r.output == "ab\ncd\n")
    #expect(r.lines == 2)
    #expect(r.report.counts.lines == 2 && r.report.counts.batches == 1)
    #expect(r.stop == nil && r.report.notices.isEmpty)
  }

  @Test("an invalid line stops the run at its line and column, leaving nothing of itself")
  func invalidStops() throws {
    let r = run(["ab", "!secret", "cd"])
    #expect(r.output == "ab\n")
    #expect(r.lines == 1)
    let stop = try #require(r.stop)
    #expect(stop.line == 2 && stop.column == 2 && stop.isInvalidInput)
    #expect(stop.message(inputName: "in.ndjson") == "in.ndjson:2:2: not a JSON object")
    #expect(r.report.invalidInput == 1 && r.report.skipped == 0)
  }

  @Test("--invalid-input skip drops invalid and too-long lines with a notice each")
  func invalidSkipped() {
    let r = run(["ab", "!secret", nil, "cd"], skipInvalid: true)
    #expect(r.output == "ab\ncd\n")
    #expect(r.stop == nil)
    #expect(r.report.invalidInput == 2 && r.report.skipped == 2)
    #expect(r.report.notices.map(\.failure.line) == [2, 3])
    #expect(r.report.notices.allSatisfy { $0.action == .skipped })
    #expect(
      r.report.notices[1].failure.message(inputName: "-")
        == "-:3: line longer than 10 bytes (--max-line-bytes)")
  }

  @Test("a processing error stops the run even under skip, unless the job substitutes")
  func processingErrors() throws {
    let stopped = run(["ab", "?boom", "cd"], skipInvalid: true)
    #expect(stopped.output == "ab\n")
    let stop = try #require(stopped.stop)
    #expect(!stop.isInvalidInput && stop.line == 2)
    #expect(stopped.report.processingErrors == 1)

    let emptied = run(["ab", "?boom", "cd"], substitutes: true)
    #expect(emptied.output == "ab\n{}\ncd\n")
    #expect(emptied.lines == 3 && emptied.stop == nil)
    #expect(emptied.report.processingErrors == 1 && emptied.report.skipped == 1)
    #expect(emptied.report.notices.map(\.action) == [.emptied])
  }

  @Test("+= adds counts but keeps no notices")
  func totals() {
    var total = BatchReport<EchoJob.Counts>()
    total += run(["!x", "a"], skipInvalid: true).report
    total += run(["!x", "b"], skipInvalid: true).report
    #expect(total.invalidInput == 2 && total.skipped == 2 && total.counts.lines == 2)
    #expect(total.notices.isEmpty)
  }
}
