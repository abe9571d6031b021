#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts one input into batches of whole lines.
///
/// Lines are separated by LF; a CR right before the LF (or at the very end of the input) is not
/// part of the line. Lines that are empty after that are blank: they are counted and numbered but
/// not handed out (whitespace-only lines are not blank). A last line without LF is a line. A UTF-8
/// BOM (`EF BB BF`) at the start of the input is dropped.
///
/// Each batch is read straight into the caller's `bytes` until it holds about `batchBytes`; the
/// part after the last LF is carried into the next batch. A line longer than the batch grows the
/// batch (doubling) until the line fits. Reused arrays are not shrunk, so a steady state allocates
/// nothing. Offsets are `UInt32`, so a line longer than 4 GiB fails with `readFailed(EOVERFLOW)`.
package struct LineFramer<Source: ByteSource> {
  /// The source being framed.
  package private(set) var source: Source
  private let path: String
  private let batchBytes: Int
  /// Bytes after the last LF of the previous batch (they hold no LF).
  private var carry: [UInt8] = []
  private var lineNumber = 0
  /// The BOM check has not been made yet.
  private var atStart = true

  /// True after the end of the input or a failure; `nextBatch` then yields nothing.
  package private(set) var isFinished = false
  /// Why reading stopped early, if it did. Lines completed before the failure were handed out;
  /// a partial line at the failure point is dropped.
  package private(set) var failure: StreamError?
  /// Decoded bytes read so far (including newlines, blank lines and a BOM).
  package private(set) var bytesRead = 0
  /// Non-blank lines handed out so far.
  package private(set) var linesFramed = 0
  /// Blank lines skipped so far.
  package private(set) var blankLines = 0

  /// Frames `source`; `path` names it in errors; `batchBytes` (≥ 1) is the target batch size.
  package init(source: Source, path: String, batchBytes: Int) {
    self.source = source
    self.path = path
    self.batchBytes = max(batchBytes, 1)
  }

  /// Reads the next batch into `bytes` and `lines`, replacing their contents.
  ///
  /// `lines` may come back empty (a batch of blank lines, or the end). Check `isFinished` and
  /// `failure` afterwards.
  package mutating func nextBatch(bytes: inout [UInt8], lines: inout [LineRef]) {
    lines.removeAll(keepingCapacity: true)
    guard !isFinished else {
      bytes.removeAll(keepingCapacity: true)
      return
    }
    var limit = min(max(batchBytes, carry.count * 2), Int(UInt32.max))
    ensureCount(&bytes, limit)
    // 1. Start with the carried partial line; it holds no LF, so scanning starts after it.
    bytes.withUnsafeMutableBytes { region in
      carry.withUnsafeBytes { tail in
        UnsafeMutableRawBufferPointer(rebasing: region[0..<tail.count]).copyMemory(from: tail)
      }
    }
    var filled = carry.count
    var scanned = carry.count
    var lineStart = 0
    var sawNewline = false
    var atEnd = false
    carry.removeAll(keepingCapacity: true)

    while true {
      // 2. A full region is cut after its last LF; with no LF yet, the region grows.
      if filled == limit {
        if sawNewline { break }
        guard limit < Int(UInt32.max) else {
          failure = .readFailed(path: path, errno: EOVERFLOW)
          break
        }
        limit = min(limit * 2, Int(UInt32.max))
        ensureCount(&bytes, limit)
      }
      // 3. Read straight into the region.
      var readError: StreamError?
      let count = bytes.withUnsafeMutableBytes { region -> Int in
        do throws(StreamError) {
          return try source.read(
            into: UnsafeMutableRawBufferPointer(rebasing: region[filled..<limit]))
        } catch {
          readError = error
          return 0
        }
      }
      if let readError {
        failure = readError  // still scan what came before it
      } else if count == 0 {
        atEnd = true
      } else {
        filled += count
        bytesRead &+= count
      }
      // 4. The BOM check waits for three bytes (or the end); no LF is scanned before it.
      if atStart {
        if filled < 3 && !atEnd && failure == nil { continue }
        atStart = false
        if filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
          lineStart = 3
          scanned = 3
        }
      }
      // 5. Record every line ended by an LF in the new bytes.
      if scanned < filled {
        if scanLines(bytes, from: scanned, to: filled, lineStart: &lineStart, into: &lines) {
          sawNewline = true
        }
        scanned = filled
      }
      if atEnd || failure != nil { break }
    }

    if atEnd {
      // 6. The end: a last line without LF is still a line.
      isFinished = true
      if lineStart < filled {
        var end = filled
        if bytes[end - 1] == 0x0D { end -= 1 }
        record(start: lineStart, end: end, into: &lines)
      }
      trim(&bytes, to: filled)
    } else if failure != nil {
      // 7. A failure: keep the complete lines, drop the partial one.
      isFinished = true
      trim(&bytes, to: lineStart)
    } else {
      // 8. A cut: carry the partial line over.
      carry.append(contentsOf: bytes[lineStart..<filled])
      trim(&bytes, to: lineStart)
    }
  }

  /// Records the lines ended by LFs in `bytes[from..<to]`; returns true if there was any LF.
  private mutating func scanLines(
    _ bytes: [UInt8], from: Int, to: Int, lineStart: inout Int, into lines: inout [LineRef]
  ) -> Bool {
    var found = false
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var position = from
      while position < to, let hit = memchr(base + position, 0x0A, to - position) {
        let newline = base.distance(to: UnsafeRawPointer(hit))
        var end = newline
        if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
        record(start: lineStart, end: end, into: &lines)
        lineStart = newline + 1
        position = newline + 1
        found = true
      }
    }
    return found
  }

  /// Numbers one line and hands it out, or counts it as blank.
  private mutating func record(start: Int, end: Int, into lines: inout [LineRef]) {
    lineNumber &+= 1
    if end == start {
      blankLines &+= 1
    } else {
      linesFramed &+= 1
      lines.append(LineRef(start: UInt32(start), end: UInt32(end), number: lineNumber))
    }
  }
}

/// Makes `bytes.count` at least `count`, zero-filling only the growth.
@inline(__always)
func ensureCount(_ bytes: inout [UInt8], _ count: Int) {
  if bytes.count < count { grow(&bytes, to: count) }
}

@inline(never)
private func grow(_ bytes: inout [UInt8], to count: Int) {
  if bytes.isEmpty {
    bytes = [UInt8](repeating: 0, count: count)
  } else {
    bytes.append(contentsOf: repeatElement(0, count: count - bytes.count))
  }
}

/// Drops the bytes from `count` on, keeping the capacity (constant time for bytes).
@inline(__always)
func trim(_ bytes: inout [UInt8], to count: Int) {
  if bytes.count > count { bytes.removeLast(bytes.count - count) }
}
