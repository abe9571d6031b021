import Foundation

@testable import NDJSONStream

/// The report of a test worker that has nothing to account for.
struct NoReport: PipelineReport {
  static func += (lhs: inout NoReport, rhs: NoReport) {}
}

/// Serves an in-memory input at most `chunk` bytes per read, then optionally fails.
struct ChunkedSource: ByteSource {
  let data: [UInt8]
  let chunk: Int
  var failure: StreamError? = nil
  var offset = 0

  init(_ data: [UInt8], chunk: Int, failure: StreamError? = nil) {
    self.data = data
    self.chunk = chunk
    self.failure = failure
  }

  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
    let count = min(chunk, buffer.count, data.count - offset)
    if count == 0, let failure { throw failure }
    data.withUnsafeBytes { source in
      buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
    }
    offset += count
    return count
  }
}

/// What framing an input gave: the lines with their numbers, the blank count, and the failure.
struct Framed: Equatable {
  var lines: [Line] = []
  var blankLines = 0
  var failure: StreamError?
  var stoppedAtLongLine = false

  struct Line: Equatable, CustomStringConvertible {
    var number: Int
    var bytes: [UInt8]
    /// Longer than the limit: handed out without its bytes.
    var isTooLong = false
    var description: String {
      isTooLong
        ? "\(number):<too long>"
        : "\(number):\(String(decoding: bytes.prefix(80), as: UTF8.self).debugDescription)"
    }
  }
}

/// Frames `data` (decoding gzip) read `chunk` bytes at a time, checking each batch's invariants:
/// lines point into the batch, a batch holds at most `maxLines` lines, and its bytes stay under
/// `max(batchBytes, 2.5 × (maxLineBytes + 2))` (the carry under `max(…, maxLineBytes + 2)`).
func frameAll(
  _ data: [UInt8], chunk: Int, batchBytes: Int, failure: StreamError? = nil,
  maxLineBytes: Int = PipelineOptions.defaultMaxLineBytes,
  longLines: PipelineOptions.LongLines = .skipToNextLine, maxLines: Int = .max
) -> Framed {
  let source = DecodingSource(
    ChunkedSource(data, chunk: chunk, failure: failure), path: "t", stagingBytes: max(chunk, 2))
  var framer = LineFramer(
    source: source, path: "t", batchBytes: batchBytes, maxLineBytes: maxLineBytes,
    longLines: longLines, maxLines: maxLines)
  var result = Framed()
  var bytes: [UInt8] = []
  var lines: [LineRef] = []
  var guardCount = 0
  let bound = max(batchBytes, (maxLineBytes + 2) * 5 / 2 + 3)
  while !framer.isFinished {
    framer.nextBatch(bytes: &bytes, lines: &lines)
    precondition(lines.count <= maxLines, "a batch holds at most maxLines lines")
    precondition(bytes.count <= bound, "batch of \(bytes.count) bytes, bound \(bound)")
    for line in lines {
      precondition(line.end <= bytes.count)
      if line.isTooLong {
        precondition(line.start == line.end)
        result.lines.append(.init(number: line.number, bytes: [], isTooLong: true))
      } else {
        precondition(line.start < line.end && line.end - line.start <= maxLineBytes)
        result.lines.append(.init(number: line.number, bytes: Array(bytes[line.range])))
      }
    }
    guardCount += 1
    precondition(guardCount < 10_000_000)
  }
  result.blankLines = framer.blankLines
  result.failure = framer.failure
  result.stoppedAtLongLine = framer.stoppedAtLongLine
  precondition(framer.linesFramed == result.lines.count)
  precondition(framer.longLineCount == result.lines.filter(\.isTooLong).count)
  return result
}

/// The framing rules, stated with `split`: LF separates, a trailing CR goes, lines of only
/// spaces, tabs and CRs are blank, a leading BOM goes; a line longer than `maxLineBytes` is too
/// long (and with `.stopReading` the last one).
func oracle(
  _ input: [UInt8], maxLineBytes: Int = .max, longLines: PipelineOptions.LongLines = .skipToNextLine
) -> Framed {
  var data = input[...]
  if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
  var pieces = data.split(separator: 0x0A, omittingEmptySubsequences: false)
  if pieces.last?.isEmpty == true { pieces.removeLast() }
  var result = Framed()
  for (index, piece) in pieces.enumerated() {
    let line = piece.last == 0x0D ? piece.dropLast() : piece
    if line.count > maxLineBytes {
      result.lines.append(.init(number: index + 1, bytes: [], isTooLong: true))
      if longLines == .stopReading {
        result.stoppedAtLongLine = true
        break
      }
    } else if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      result.blankLines += 1
    } else {
      result.lines.append(.init(number: index + 1, bytes: Array(line)))
    }
  }
  return result
}

/// gzip-compresses `data` into one member with zlib.
func gzip(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
  guard let encoder = GzipEncoder(level: level) else { fatalError("deflateInit2") }
  var plain = data
  var output: [UInt8] = []
  guard let count = encoder.encode(&plain, into: &output) else { fatalError("deflate") }
  return Array(output[0..<count])
}

/// Decodes a whole gzip (or plain) byte string the way the pipeline reads inputs.
func gunzip(_ data: [UInt8]) throws(StreamError) -> [UInt8] {
  let source = DecodingSource(ChunkedSource(data, chunk: 1 << 16), path: "t")
  var output: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    var failure: StreamError?
    let count = buffer.withUnsafeMutableBytes { raw in
      do throws(StreamError) { return try source.read(into: raw) } catch {
        failure = error
        return 0
      }
    }
    if let failure { throw failure }
    if count == 0 { return output }
    output += buffer[0..<count]
  }
}

/// Deterministic pseudo-random numbers (a 64-bit LCG), so fixtures are the same on every run.
struct Seeded {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
}

/// NDJSON-ish fixtures covering LF, CRLF, blank, whitespace-only and long lines.
enum Fixtures {
  static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Lines of varied length and endings; `seed` varies the mix.
  static func mixed(seed: UInt64, lines count: Int = 300, longLine: Int = 5000) -> [UInt8] {
    var random = Seeded(state: seed)
    var out: [UInt8] = []
    for index in 0..<count {
      switch random.next(10) {
      case 0: break  // blank
      case 1: out += Array("   \t ".utf8)  // whitespace-only: blank
      case 2: out += Array(repeating: UInt8(ascii: "x"), count: longLine + random.next(100))
      case 3: out += [0x0D]  // CR alone before the LF (or CR CR LF): blank
      default:
        out += Array(#"{"resourceType":"Patient","id":"p\#(index)","a":"\#(index * 7)"}"#.utf8)
        if random.next(4) == 0 { out += Array("\r mid".utf8) }  // a CR not before LF stays
      }
      out += random.next(3) == 0 ? [0x0D, 0x0A] : [0x0A]
    }
    return out
  }

  /// Named inputs for the framing tests.
  static let all: [(name: String, bytes: [UInt8])] = [
    ("empty", []),
    ("one LF", [0x0A]),
    ("CRLF only", [0x0D, 0x0A]),
    ("CR at end", Array("a\r".utf8)),
    ("no final newline", Array("a\nbb\nccc".utf8)),
    ("final newline", Array("a\nbb\nccc\n".utf8)),
    ("blank lines", Array("\n\na\n\n\nb\n\n".utf8)),
    ("whitespace lines", Array(" \n\t\n \r\n\r\r\n \t\r \n".utf8)),
    ("whitespace then JSON", Array(" {}\n\t\n{} \r\n".utf8)),
    ("BOM", bom + Array("{}\n{}\n".utf8)),
    ("BOM only", bom),
    ("BOM then LF", bom + [0x0A, 0x41]),
    ("BOM not at start", Array("a\n".utf8) + bom + Array("b\n".utf8)),
    ("partial BOM", [0xEF, 0xBB, 0x0A, 0xBF]),
    ("long line", Array(repeating: UInt8(ascii: "y"), count: 9_000) + [0x0A, 0x42]),
    ("mixed 1", mixed(seed: 1, lines: 200, longLine: 1500)),
    ("mixed 2 with BOM", bom + mixed(seed: 2, lines: 200, longLine: 1500)),
  ]
}

/// A fresh temporary directory, removed by `cleanup()`.
struct TemporaryDirectory {
  let path: String

  init() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("ndjson-stream-tests-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { path + "/" + name }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  func read(_ name: String) -> [UInt8]? {
    FileManager.default.contents(atPath: file(name)).map { Array($0) }
  }

  func entries() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
  }

  func cleanup() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
