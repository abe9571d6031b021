#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts one input into batches of whole lines.
///
/// Lines are separated by LF; a CR right before the LF (or at the very end of the input) is not
/// part of the line. Lines that hold nothing else than spaces, tabs and CRs after that (empty
/// ones included) are blank: they are counted and numbered but not handed out. A last line
/// without LF is a line. A UTF-8 BOM (`EF BB BF`) at the start of the input is dropped.
///
/// Each batch is read straight into the caller's `bytes` until it holds about `batchBytes` or
/// `maxLines` lines; the rest is carried into the next batch. A line longer than the batch grows
/// the batch (doubling) until the line fits, but never past `maxLineBytes + 2` bytes for the line:
/// a line whose content (without LF or CR LF) is longer than `maxLineBytes` is too long, found as
/// soon as `maxLineBytes + 2` bytes without an LF are read. It is handed out in its place as a
/// `LineRef` with `isTooLong` and an empty range (no line ever points at its bytes, and once it
/// is known to be too long nothing more of it is kept): with `.stopReading` framing ends there;
/// with `.skipToNextLine` the rest of it is read and thrown away up to its LF, whatever its
/// length, and framing goes on. Whether a line is too long never depends on how the input
/// arrives in reads.
///
/// Memory: a batch's `bytes` stay under `max(batchBytes, 2 × (maxLineBytes + 2))`, and so does
/// the carry; the carry's array is released when it grew past `4 × batchBytes`. Reused arrays are
/// otherwise not shrunk, so a steady state allocates nothing.
package struct LineFramer<Source: ByteSource> {
  /// The source being framed.
  package private(set) var source: Source
  private let path: String
  private let batchBytes: Int
  private let maxLineBytes: Int
  private let maxLines: Int
  private let longLines: PipelineOptions.LongLines
  /// Bytes carried over from the previous batch: the start of a line, or (after a batch was cut
  /// at `maxLines`) whole lines not scanned yet.
  private var carry: [UInt8] = []
  /// `carry` may hold LFs and must be scanned from its start.
  private var carryNeedsScan = false
  private var lineNumber = 0
  /// The BOM check has not been made yet.
  private var atStart = true
  /// The rest of a line that is too long is being read and dropped, up to its LF.
  private var discarding = false
  /// The source returned 0: its end.
  private var reachedEnd = false

  /// True after the end of the input, a failure or a line that is too long with `.stopReading`;
  /// `nextBatch` then yields nothing.
  package private(set) var isFinished = false
  /// Why reading stopped early, if it did. Lines completed before the failure were handed out;
  /// a partial line at the failure point is dropped.
  package private(set) var failure: StreamError?
  /// Framing ended at a line that is too long (`.stopReading`); that line was handed out last.
  package private(set) var stoppedAtLongLine = false
  /// Decoded bytes read so far (including newlines, blank lines, a BOM and dropped lines).
  package private(set) var bytesRead = 0
  /// Non-blank lines handed out so far (lines too long included).
  package private(set) var linesFramed = 0
  /// Blank lines skipped so far.
  package private(set) var blankLines = 0
  /// Lines too long handed out so far.
  package private(set) var longLineCount = 0

  /// Frames `source`; `path` names it in errors; `batchBytes` (≥ 1) is the target batch size,
  /// `maxLines` (≥ 1) the most lines in a batch, `maxLineBytes` (≥ 1) the longest line kept.
  package init(
    source: Source, path: String, batchBytes: Int,
    maxLineBytes: Int = PipelineOptions.defaultMaxLineBytes,
    longLines: PipelineOptions.LongLines = .stopReading, maxLines: Int = Int.max
  ) {
    self.source = source
    self.path = path
    self.batchBytes = max(batchBytes, 1)
    self.maxLineBytes = min(max(maxLineBytes, 1), Int(UInt32.max) - 8)
    self.longLines = longLines
    self.maxLines = max(maxLines, 1)
  }

  /// Reads the next batch into `bytes` and `lines`, replacing their contents.
  ///
  /// `lines` may come back empty (a batch of blank lines, or the end). Check `isFinished`,
  /// `failure` and `stoppedAtLongLine` afterwards.
  package mutating func nextBatch(bytes: inout [UInt8], lines: inout [LineRef]) {
    lines.removeAll(keepingCapacity: true)
    guard !isFinished else {
      bytes.removeAll(keepingCapacity: true)
      return
    }
    // 1. Start with the carried bytes. A partial line holds no LF, so scanning starts after it,
    //    and a line that keeps growing gets twice its size.
    var limit =
      carryNeedsScan
      ? max(batchBytes, carry.count) : min(max(batchBytes, carry.count * 2), Int(UInt32.max))
    ensureCount(&bytes, limit)
    bytes.withUnsafeMutableBytes { region in
      carry.withUnsafeBytes { tail in
        UnsafeMutableRawBufferPointer(rebasing: region[0..<tail.count]).copyMemory(from: tail)
      }
    }
    var filled = carry.count
    var scanned = carryNeedsScan ? 0 : carry.count
    var lineStart = 0
    var sawNewline = false
    if carry.capacity > 4 * batchBytes {
      carry = []  // one huge line must not pin its size for the rest of the input
    } else {
      carry.removeAll(keepingCapacity: true)
    }
    carryNeedsScan = false

    while true {
      // 2. The BOM check waits for three bytes (or the end); nothing is scanned before it.
      if atStart && (filled >= 3 || reachedEnd || failure != nil) {
        atStart = false
        if filled >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
          lineStart = 3
          scanned = 3
        }
      }
      if !atStart {
        // 3. Drop the rest of a line that is too long, up to and including its LF; what
        //    follows the LF moves down to where the dropped bytes began.
        if discarding && scanned < filled {
          if let newline = findNewline(bytes, from: scanned, to: filled) {
            let rest = filled - (newline + 1)
            bytes.withUnsafeMutableBytes { region in
              guard let base = region.baseAddress else { return }
              memmove(base + scanned, base + newline + 1, rest)
            }
            filled = scanned + rest
            lineStart = scanned
            discarding = false
            sawNewline = true
          } else {
            filled = scanned
          }
        }
        // 4. Record every line ended by an LF in the new bytes (up to `maxLines` in a batch).
        if !discarding && scanned < filled {
          let before = lineStart
          scanned = scanLines(
            bytes, from: scanned, to: filled, lineStart: &lineStart, into: &lines)
          if lineStart != before { sawNewline = true }
        }
        // 5. The partial line is too long once it holds more than `maxLineBytes + 1` bytes
        //    (its content, and maybe a CR before the LF still to come).
        if !discarding && !stoppedAtLongLine && scanned == filled
          && filled - lineStart > maxLineBytes + 1
        {
          recordTooLong(at: lineStart, into: &lines)
          filled = lineStart
          scanned = lineStart
          discarding = !stoppedAtLongLine
        }
      }
      if stoppedAtLongLine || lines.count >= maxLines || reachedEnd || failure != nil { break }
      // 6. A full region is cut after its last LF; with no LF yet, it holds one partial line
      //    that is not too long, and the region grows for it.
      if filled == limit {
        if sawNewline || !lines.isEmpty { break }
        guard grow(&bytes, &limit, lineStart: lineStart) else { break }
      }
      // 7. While dropping, cut rather than read in small pieces at the end of a full region.
      if discarding && (sawNewline || !lines.isEmpty) && limit - filled < min(batchBytes, 1 << 16) {
        break
      }
      // 8. Read straight into the region.
      read(into: &bytes, filled: &filled, limit: limit)
    }

    if stoppedAtLongLine {
      // 9. A line too long with `.stopReading` is the last line handed out.
      isFinished = true
      trim(&bytes, to: lineStart)
    } else if reachedEnd && scanned == filled {
      // 10. The end: a last line without LF is still a line.
      isFinished = true
      if !discarding && lineStart < filled {
        var end = filled
        if bytes[end - 1] == 0x0D { end -= 1 }
        bytes.withUnsafeBytes { buffer in
          record(buffer, start: lineStart, end: end, into: &lines)
        }
      }
      trim(&bytes, to: stoppedAtLongLine ? lineStart : filled)
    } else if failure != nil && scanned == filled {
      // 11. A failure: keep the complete lines, drop the partial one.
      isFinished = true
      trim(&bytes, to: lineStart)
    } else {
      // 12. A cut: carry the partial line (and any lines not scanned yet) over.
      carry.append(contentsOf: bytes[lineStart..<filled])
      carryNeedsScan = scanned < filled
      trim(&bytes, to: lineStart)
    }
  }

  /// Reads into `bytes[filled..<limit]`, advancing `filled`, or sets `reachedEnd` or `failure`.
  private mutating func read(into bytes: inout [UInt8], filled: inout Int, limit: Int) {
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
      reachedEnd = true
    } else {
      filled += count
      bytesRead &+= count
    }
  }

  /// Grows a full region that holds one partial line: doubling, but never past what a line of
  /// `maxLineBytes` needs (its content, a CR, and one byte more to tell that it is too long),
  /// and straight to that size when doubling would come close to it (so that a line at the limit
  /// is not copied twice). Returns false, with `failure` set, if offsets would overflow.
  private mutating func grow(_ bytes: inout [UInt8], _ limit: inout Int, lineStart: Int) -> Bool {
    let cap = min(lineStart + maxLineBytes + 2, Int(UInt32.max))
    let doubled = limit * 2
    let grown = doubled + limit / 2 >= cap ? cap : doubled
    guard grown > limit else {
      failure = .readFailed(path: path, errno: EOVERFLOW)
      return false
    }
    limit = grown
    ensureCount(&bytes, limit)
    return true
  }

  /// Records the lines ended by LFs in `bytes[from..<to]`, stopping once the batch holds
  /// `maxLines` lines or at a line too long with `.stopReading`; returns how far it scanned.
  private mutating func scanLines(
    _ bytes: [UInt8], from: Int, to: Int, lineStart: inout Int, into lines: inout [LineRef]
  ) -> Int {
    var position = from
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while lines.count < maxLines && !stoppedAtLongLine {
        guard position < to, let hit = memchr(base + position, 0x0A, to - position) else {
          position = to
          break
        }
        let newline = base.distance(to: UnsafeRawPointer(hit))
        var end = newline
        if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
        record(buffer, start: lineStart, end: end, into: &lines)
        lineStart = newline + 1
        position = newline + 1
      }
    }
    return position
  }

  /// Numbers one complete line and hands it out, or counts it as blank.
  private mutating func record(
    _ bytes: UnsafeRawBufferPointer, start: Int, end: Int, into lines: inout [LineRef]
  ) {
    if end - start > maxLineBytes {
      recordTooLong(at: start, into: &lines)
      return
    }
    lineNumber &+= 1
    if isBlank(bytes, start: start, end: end) {
      blankLines &+= 1
    } else {
      linesFramed &+= 1
      lines.append(LineRef(start: UInt32(start), end: UInt32(end), number: lineNumber))
    }
  }

  /// Numbers a line that is too long and hands it out without its bytes.
  private mutating func recordTooLong(at start: Int, into lines: inout [LineRef]) {
    lineNumber &+= 1
    linesFramed &+= 1
    longLineCount &+= 1
    lines.append(
      LineRef(start: UInt32(start), end: UInt32(start), number: lineNumber, isTooLong: true))
    if longLines == .stopReading { stoppedAtLongLine = true }
  }
}

/// True when `bytes[start..<end]` holds only spaces, tabs and CRs, or nothing. A line of JSON
/// stops the loop at its first byte.
@inline(__always)
private func isBlank(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> Bool {
  var index = start
  while index < end {
    let byte = bytes[index]
    guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { return false }
    index &+= 1
  }
  return true
}

/// The offset of the first LF in `bytes[from..<to]`, if any.
private func findNewline(_ bytes: [UInt8], from: Int, to: Int) -> Int? {
  bytes.withUnsafeBytes { buffer -> Int? in
    guard let base = buffer.baseAddress, from < to,
      let hit = memchr(base + from, 0x0A, to - from)
    else { return nil }
    return base.distance(to: UnsafeRawPointer(hit))
  }
}

/// Makes `bytes.count` at least `count`, zero-filling only the growth.
@inline(__always)
func ensureCount(_ bytes: inout [UInt8], _ count: Int) {
  if bytes.count < count { grow(&bytes, to: count) }
}

@inline(never)
private func grow(_ bytes: inout [UInt8], to count: Int) {
  // One copy and one memset (`append(contentsOf: repeatElement(0, …))` costs a generic call per
  // byte in debug builds: a minute for a 64 MiB line). The new part is zeroed only once the old
  // array is gone, so that growing to N bytes never touches more than N bytes of memory at once.
  let old = bytes.count
  var grown = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
    guard let base = buffer.baseAddress else { return }
    bytes.withUnsafeBufferPointer { source in
      if let from = source.baseAddress { base.update(from: from, count: old) }
    }
    initialized = count  // bytes `old...` are zeroed below, before anything reads them
  }
  swap(&bytes, &grown)
  grown = []  // frees the old array; `bytes` is now the only reference (no copy on write)
  bytes.withUnsafeMutableBytes { region in
    guard let base = region.baseAddress else { return }
    memset(base + old, 0, count - old)
  }
}

/// Drops the bytes from `count` on, keeping the capacity (constant time for bytes).
@inline(__always)
func trim(_ bytes: inout [UInt8], to count: Int) {
  if bytes.count > count { bytes.removeLast(bytes.count - count) }
}
