import Foundation
import Testing

@testable import NDJSONStream

@Suite("gzip input")
struct DecodingSourceTests {
  static let chunkSizes = [1, 2, 3, 7, 64, 4096, 1 << 20]
  static let text = Fixtures.mixed(seed: 11, lines: 400, longLine: 2000)

  @Test("one member decodes like the plain input", arguments: chunkSizes)
  func singleMember(_ chunk: Int) {
    let framed = frameAll(gzip(Self.text), chunk: chunk, batchBytes: 1000)
    #expect(framed == oracle(Self.text))
  }

  @Test("concatenated members decode as one stream", arguments: chunkSizes)
  func multiMember(_ chunk: Int) {
    let first = Array(Self.text[..<5000])  // cut mid-line: the line continues in member two
    let second = Array(Self.text[5000...])
    let input = gzip(first) + gzip([]) + gzip(second, level: 1)
    #expect(frameAll(input, chunk: chunk, batchBytes: 64) == oracle(Self.text))
  }

  @Test("an empty first member is fine", arguments: [1, 2, 4096])
  func emptyFirstMember(_ chunk: Int) {
    let input = gzip([]) + gzip(Array("a\nb\n".utf8))
    #expect(frameAll(input, chunk: chunk, batchBytes: 64) == oracle(Array("a\nb\n".utf8)))
    #expect(frameAll(gzip([]), chunk: chunk, batchBytes: 64) == Framed())
  }

  @Test("a truncated member emits the complete lines before the cut", arguments: [1, 7, 4096])
  func truncated(_ chunk: Int) {
    let compressed = gzip(Self.text)
    let expected = oracle(Self.text)
    for cut in [2, 10, compressed.count / 3, compressed.count / 2, compressed.count - 1] {
      let framed = frameAll(Array(compressed[..<cut]), chunk: chunk, batchBytes: 512)
      #expect(framed.failure == .truncatedGzip(path: "t"), "cut at \(cut)")
      #expect(framed.lines.count <= expected.lines.count)
      #expect(Array(expected.lines.prefix(framed.lines.count)) == framed.lines, "cut at \(cut)")
    }
    // All but the trailer: every line is read, yet the member is incomplete.
    let framed = frameAll(Array(compressed.dropLast(8)), chunk: chunk, batchBytes: 1 << 20)
    #expect(framed.failure == .truncatedGzip(path: "t"))
  }

  @Test("a member cut right after another member's end is truncated")
  func truncatedSecondMember() {
    let first = gzip(Array("a\n".utf8))
    for tail in [[0x1F], [0x1F, 0x8B], Array(gzip(Array("b\n".utf8)).prefix(12))] as [[UInt8]] {
      let framed = frameAll(first + tail, chunk: 1, batchBytes: 64)
      #expect(framed.failure == .truncatedGzip(path: "t"))
      #expect(framed.lines.map(\.bytes) == [Array("a".utf8)])
    }
  }

  @Test("corrupt data, header or CRC is an error", arguments: [1, 4096])
  func corrupt(_ chunk: Int) {
    let compressed = gzip(Self.text)
    var header = compressed
    header[2] = 0x07  // compression method must be 8
    var data = compressed
    for index in stride(from: 20, to: 40, by: 1) { data[index] ^= 0x5A }
    var crc = compressed
    crc[crc.count - 6] ^= 0x01
    var size = compressed
    size[size.count - 2] ^= 0x01
    for bad in [header, data, crc, size] {
      #expect(frameAll(bad, chunk: chunk, batchBytes: 4096).failure == .corruptGzip(path: "t"))
    }
  }

  @Test("bytes after a member that do not start a member are corrupt")
  func trailingGarbage() {
    let good = gzip(Array("a\nb\n".utf8))
    for tail in [[0x00], [0x00, 0x00], [0x1F, 0x00], Array("x\n".utf8)] as [[UInt8]] {
      let framed = frameAll(good + tail, chunk: 3, batchBytes: 64)
      #expect(framed.failure == .corruptGzip(path: "t"), "tail \(tail)")
      #expect(framed.lines.map(\.bytes) == [Array("a".utf8), Array("b".utf8)])
    }
    // A zlib stream after a member is not a gzip member either.
    let framed = frameAll(good + [0x78, 0x9C, 0x03, 0x00], chunk: 4096, batchBytes: 64)
    #expect(framed.failure == .corruptGzip(path: "t"))
  }

  @Test("input starting with 0x1f alone is plain", arguments: [1, 4096])
  func notGzip(_ chunk: Int) {
    for input in [[0x1F], [0x1F, 0x0A, 0x41], [0x1F, 0x8C, 0x0A], [0x8B, 0x1F]] as [[UInt8]] {
      #expect(frameAll(input, chunk: chunk, batchBytes: 64) == oracle(input))
    }
    #expect(frameAll([], chunk: chunk, batchBytes: 64) == Framed())
  }

  @Test(
    "the gzip binary's output decodes, and it decodes ours",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip")))
  func interoperatesWithGzip() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    directory.write("t.ndjson", Self.text)
    let theirs = try runGzip(["-c", "-6", directory.file("t.ndjson")])
    let twice = theirs + theirs
    #expect(frameAll(twice, chunk: 4096, batchBytes: 1 << 20) == oracle(Self.text + Self.text))
    directory.write("ours.gz", gzip(Self.text) + gzip([]) + gzip(Self.text))
    #expect(try runGzip(["-dc", directory.file("ours.gz")]) == Self.text + Self.text)
  }
}

/// Runs /usr/bin/gzip and returns its standard output; throws when gzip exits non-zero (it
/// does for input that is not valid gzip, an empty file included).
func runGzip(_ arguments: [String]) throws -> [UInt8] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw Failure("gzip \(arguments.joined(separator: " ")): exit \(process.terminationStatus)")
  }
  return Array(data)
}
