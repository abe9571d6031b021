import Foundation
import Testing

@testable import NDJSONStream

@Suite("Output encoding")
struct OutputEncodingTests {
  static let hasGzip = FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip")

  /// Batches of output lines: short, mixed, and one that does not compress (pseudo-random bytes).
  static let batches: [[UInt8]] = [
    Array("{\"a\":1}\n".utf8),
    Fixtures.mixed(seed: 5, lines: 400, longLine: 2000),
    (0..<300_000).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) },
  ]

  @Test("plain output is the batch itself, exchanged with the recycled buffer, not copied")
  func plainEncoder() throws {
    let encoder = try #require(OutputEncoding.plain.makeEncoder() as? PlainEncoder)
    for batch in Self.batches {
      var plain = batch
      var recycled: [UInt8] = Array(repeating: 0xEE, count: 17)
      recycled.removeAll(keepingCapacity: true)
      let storage = plain.withUnsafeBytes { $0.baseAddress }
      let count = try #require(encoder.encode(&plain, into: &recycled))
      #expect(Bool(Array(recycled[0..<count]) == batch))
      #expect(recycled.withUnsafeBytes { $0.baseAddress } == storage, "the same storage")
      #expect(plain.isEmpty && plain.capacity >= 17, "the worker gets the recycled buffer")
    }
    #expect(OutputEncoding.plain.emptyStream == [])
  }

  @Test("each batch becomes a gzip member that decodes back to it, past a recycled buffer's junk")
  func gzipEncoderRoundTrips() throws {
    for level: Int32 in [1, 6, 9] {
      let encoder = try #require(OutputEncoding.gzip(level: level).makeEncoder() as? GzipEncoder)
      var encoded = [UInt8](repeating: 0xEE, count: 1 << 20)  // a recycled, bigger buffer
      for batch in Self.batches {
        var plain = batch
        let count = try #require(encoder.encode(&plain, into: &encoded))
        #expect(Bool(plain == batch), "the plain bytes stay as they were")
        let member = Array(encoded[0..<count])
        #expect(Array(member.prefix(3)) == [0x1F, 0x8B, 0x08])
        #expect(try Bool(gunzip(member) == batch), "level \(level)")
      }
    }
  }

  @Test("members of one encoder, one after another, are one gzip stream (gzip -dc reads it)")
  func gzipMembersConcatenate() throws {
    var encoder = try #require(OutputEncoding.gzip(level: 6).makeEncoder())
    var stream: [UInt8] = []
    for batch in Self.batches {
      var plain = batch
      var encoded: [UInt8] = []
      let count = try #require(encoder.encode(&plain, into: &encoded))
      stream += encoded[0..<count]
    }
    let all = Self.batches.reduce([], +)
    #expect(try Bool(gunzip(stream) == all))
    if Self.hasGzip {
      let directory = TemporaryDirectory()
      defer { directory.cleanup() }
      #expect(try Bool(runGzip(["-dc", directory.write("out.gz", stream)]) == all))
    }
  }

  @Test("the empty gzip output is one empty member: a valid gzip file of nothing")
  func gzipEmptyStream() throws {
    let empty = OutputEncoding.gzip(level: 6).emptyStream
    #expect(empty == GzipEncoder.emptyStream)
    #expect(try gunzip(empty) == [])
    #expect(empty == gzip([]), "what zlib writes for no input")
    if Self.hasGzip {
      let directory = TemporaryDirectory()
      defer { directory.cleanup() }
      #expect(try runGzip(["-dc", directory.write("empty.gz", empty)]) == [])
      // An empty file is not gzip at all: that is why the empty output needs the member.
      #expect(throws: Failure.self) { try runGzip(["-dc", directory.write("zero.gz", [])]) }
    }
  }

  @Test("a gzip level out of 1…9 is clamped", arguments: [-3, 0, 10, 99] as [Int32])
  func gzipLevelClamped(_ level: Int32) throws {
    var encoder = try #require(OutputEncoding.gzip(level: level).makeEncoder())
    var plain = Self.batches[1]
    var encoded: [UInt8] = []
    let count = try #require(encoder.encode(&plain, into: &encoded))
    #expect(try Bool(gunzip(Array(encoded[0..<count])) == Self.batches[1]))
  }
}
