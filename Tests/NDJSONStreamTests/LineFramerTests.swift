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
    let framed = frameAll(Array("\n\r\na\n \nb".utf8), chunk: 2, batchBytes: 3)
    #expect(framed.lines.map(\.number) == [3, 4, 5])
    #expect(framed.blankLines == 2)
  }
}
