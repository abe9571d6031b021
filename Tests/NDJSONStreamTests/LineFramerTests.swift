import Testing

@testable import NDJSONStream

@Suite("LineFramer")
struct LineFramerTests {
  static let chunkSizes = [1, 2, 3, 7, 64, 4096, 1 << 20]
  static let batchSizes = [1, 7, 64, 1000, 1 << 20]

  @Test("framing matches split for every chunk and batch size", arguments: chunkSizes)
  func framingIgnoresChunkSize(_ chunk: Int) {
    for (name, bytes) in Fixtures.all {
      let expected = oracle(bytes)
      for batchBytes in Self.batchSizes {
        let framed = frameAll(bytes, chunk: chunk, batchBytes: batchBytes)
        #expect(framed == expected, "\(name), batchBytes \(batchBytes)")
      }
    }
  }

  @Test("batches hold whole lines near the target size")
  func batchesAreWholeLines() {
    let input = Fixtures.mixed(seed: 3, lines: 2000, longLine: 300)
    let source = DecodingSource(ChunkedSource(input, chunk: 1 << 20), path: "t")
    var framer = LineFramer(source: source, path: "t", batchBytes: 4096)
    var bytes: [UInt8] = []
    var lines: [LineRef] = []
    var rebuilt: [UInt8] = []
    var batches = 0
    while !framer.isFinished {
      framer.nextBatch(bytes: &bytes, lines: &lines)
      rebuilt += bytes
      batches += 1
      // A batch ends with an LF, except the input's last.
      if !framer.isFinished { #expect(bytes.last == 0x0A) }
      #expect(bytes.count <= 4096)
    }
    #expect(rebuilt == input, "the batches' bytes are the input, cut at LFs")
    #expect(batches > input.count / 4096)
    #expect(framer.bytesRead == input.count)
  }

  @Test("a line longer than the batch makes one bigger batch")
  func hugeLineGrowsTheBatch() {
    let huge = [UInt8](repeating: UInt8(ascii: "z"), count: 10_000)
    let input = Array("a\n".utf8) + huge + Array("\nb\n".utf8)
    let source = DecodingSource(ChunkedSource(input, chunk: 100), path: "t")
    var framer = LineFramer(source: source, path: "t", batchBytes: 64)
    var bytes: [UInt8] = []
    var lines: [LineRef] = []
    var sizes: [Int] = []
    while !framer.isFinished {
      framer.nextBatch(bytes: &bytes, lines: &lines)
      sizes.append(lines.map { Int($0.end - $0.start) }.max() ?? 0)
    }
    #expect(sizes.contains(10_000))
  }

  @Test(
    "a read error keeps the complete lines before it and drops the partial one",
    arguments: [1, 3, 4096])
  func readErrorKeepsCompleteLines(_ chunk: Int) {
    let input = Array("one\ntwo\r\n\nthree-partial".utf8)
    let failure = StreamError.readFailed(path: "t", errno: 5)
    let framed = frameAll(input, chunk: chunk, batchBytes: 64, failure: failure)
    #expect(framed.lines.map(\.bytes) == [Array("one".utf8), Array("two".utf8)])
    #expect(framed.lines.map(\.number) == [1, 2])
    #expect(framed.blankLines == 1)
    #expect(framed.failure == failure)
  }

  @Test("line numbers count blank lines and restart per input")
  func lineNumbers() {
    let framed = frameAll(Array("\n\r\na\nx\nb".utf8), chunk: 2, batchBytes: 3)
    #expect(framed.lines.map(\.number) == [3, 4, 5])
    #expect(framed.blankLines == 2)
  }

  @Test("#8: lines of only spaces, tabs and CRs are blank: counted, numbered, not handed out")
  func whitespaceLinesAreBlank() {
    let input = Array("{}\n  \t \n\t\r\n\r\r\n \n{}\n \t".utf8)
    for chunk in Self.chunkSizes {
      let framed = frameAll(input, chunk: chunk, batchBytes: 3)
      #expect(framed.lines.map(\.number) == [1, 6])
      #expect(framed.blankLines == 5)
    }
  }

  /// Inputs with lines around the limits below, with every line ending.
  static let limitInputs: [(name: String, bytes: [UInt8])] = {
    var inputs = Fixtures.all
    var lengths: [UInt8] = []
    for length in [0, 1, 9, 10, 11, 12, 30, 200, 11, 10, 3000, 5] {
      lengths += Array(repeating: UInt8(ascii: "a"), count: length) + [0x0A]
    }
    inputs.append(("lengths around 10", lengths))
    inputs.append(("CR at the limit", Array("0123456789\r\n0123456789a\r\nb\r".utf8)))
    inputs.append(
      ("long blank line", Array(repeating: UInt8(ascii: " "), count: 50) + [0x0A, 0x41]))
    inputs.append(("long last line", Array("a\n".utf8) + Array(repeating: 0x42, count: 40)))
    return inputs
  }()

  @Test(
    "#8: a line over --max-line-bytes is handed out as too long, at every chunk and batch size",
    arguments: [1, 2, 3, 7, 64, 4096])
  func longLinesIgnoreChunkSize(_ chunk: Int) {
    for (name, bytes) in Self.limitInputs {
      for limit in [1, 10, 11, 64, 1000] {
        for policy in [PipelineOptions.LongLines.skipToNextLine, .stopReading] {
          let expected = oracle(bytes, maxLineBytes: limit, longLines: policy)
          for batchBytes in [1, 7, 64, 1000] {
            let framed = frameAll(
              bytes, chunk: chunk, batchBytes: batchBytes, maxLineBytes: limit, longLines: policy)
            #expect(
              framed == expected, "\(name), limit \(limit), \(policy), batchBytes \(batchBytes)")
          }
        }
      }
    }
  }

  @Test(
    "a batch holds at most maxLines lines, and framing does not depend on it",
    arguments: [1, 2, 3, 5, 1000])
  func maxLinesPerBatch(_ maxLines: Int) {
    for (name, bytes) in Fixtures.all {
      let expected = oracle(bytes)
      for chunk in [1, 7, 4096] {
        for batchBytes in [1, 64, 1 << 20] {
          let framed = frameAll(bytes, chunk: chunk, batchBytes: batchBytes, maxLines: maxLines)
          #expect(framed == expected, "\(name), chunk \(chunk), batchBytes \(batchBytes)")
        }
      }
    }
  }

  @Test("#8: a line too long is never buffered whole, and the lines after it come through")
  func longLineIsNotBuffered() {
    // 8 MiB without a newline, then two good lines; the limit is 1000 bytes.
    let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 8 << 20)
    let input = Array("a\n".utf8) + huge + Array("\nb\r\nc".utf8)
    for policy in [PipelineOptions.LongLines.skipToNextLine, .stopReading] {
      let source = DecodingSource(ChunkedSource(input, chunk: 65536), path: "t")
      var framer = LineFramer(
        source: source, path: "t", batchBytes: 4096, maxLineBytes: 1000, longLines: policy)
      var bytes: [UInt8] = []
      var lines: [LineRef] = []
      var seen: [String] = []
      var largest = 0
      while !framer.isFinished {
        framer.nextBatch(bytes: &bytes, lines: &lines)
        largest = max(largest, bytes.capacity)
        for line in lines {
          seen.append(
            line.isTooLong
              ? "\(line.number):too long"
              : "\(line.number):" + String(decoding: bytes[line.range], as: UTF8.self))
        }
      }
      #expect(largest <= 8192, "the batch never held the long line (\(largest) bytes)")
      if policy == .skipToNextLine {
        #expect(seen == ["1:a", "2:too long", "3:b", "4:c"])
        #expect(framer.bytesRead == input.count)
        #expect(!framer.stoppedAtLongLine)
      } else {
        #expect(seen == ["1:a", "2:too long"])
        #expect(framer.stoppedAtLongLine)
        #expect(framer.bytesRead < 16384, "reading stopped at the long line")
      }
      #expect(framer.longLineCount == 1)
      #expect(framer.failure == nil)
    }
  }

  @Test("#8: a gzip of zeros is rejected after the limit, not inflated into memory")
  func zeroBombStopsAtTheLimit() {
    // 64 MiB of zeros deflate to about 64 KB; the framer must stop after 1 MiB of them.
    let bomb = gzip([UInt8](repeating: 0, count: 64 << 20), level: 9)
    let source = DecodingSource(ChunkedSource(bomb, chunk: 1 << 16), path: "t")
    var framer = LineFramer(
      source: source, path: "t", batchBytes: 1 << 16, maxLineBytes: 1 << 20,
      longLines: .stopReading)
    var bytes: [UInt8] = []
    var lines: [LineRef] = []
    var largest = 0
    while !framer.isFinished {
      framer.nextBatch(bytes: &bytes, lines: &lines)
      largest = max(largest, bytes.capacity)
      #expect(lines.allSatisfy { $0.isTooLong })
    }
    #expect(framer.stoppedAtLongLine && framer.longLineCount == 1)
    #expect(framer.bytesRead < 4 << 20)
    #expect(largest < (1 << 20) + (1 << 16), "at most the limit (and a little) was buffered")
  }
}
