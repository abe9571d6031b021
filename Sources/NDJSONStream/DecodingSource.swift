#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads an input as plain bytes, inflating it first when it is gzip.
///
/// gzip is detected by the first two bytes `1f 8b`, whatever the name. A gzip input may hold
/// several members back to back; each must start with `1f 8b`, so trailing bytes that do not are
/// corrupt. The input must end right after a member: an end inside one is `truncatedGzip`.
/// Plain input is read straight into the caller's buffer after the first few bytes.
package final class DecodingSource<Raw: ByteSource>: ByteSource {
  private enum Mode {
    case undecided
    case plain
    case gzip(GzipInflater)
  }

  private var raw: Raw
  private let path: String
  /// Holds compressed input (and, before the mode is known, the first bytes read).
  private let staging: UnsafeMutableRawBufferPointer
  /// Plain mode: staged bytes `stagedStart..<stagedEnd` not yet handed out.
  private var stagedStart = 0
  private var stagedEnd = 0
  private var mode = Mode.undecided
  /// gzip mode: the current member has ended and the next one has not started.
  private var betweenMembers = false
  /// gzip mode: how many of the current member's magic bytes `1f 8b` were checked.
  private var magicChecked = 2

  /// Bytes read from the underlying source (compressed bytes, for gzip).
  package private(set) var rawBytesRead = 0

  /// Wraps `raw`; `path` names the input in errors.
  ///
  /// - Parameter stagingBytes: the size of compressed reads (and of the first read).
  package init(_ raw: Raw, path: String, stagingBytes: Int = 256 << 10) {
    self.raw = raw
    self.path = path
    self.staging = .allocate(byteCount: max(stagingBytes, 2), alignment: 16)
  }

  deinit {
    staging.deallocate()
  }

  /// True once the input is known to be gzip.
  package var isGzip: Bool {
    if case .gzip = mode { return true }
    return false
  }

  /// Reads up to `buffer.count` decoded bytes; returns 0 at the end of the input.
  ///
  /// - Throws: `readFailed` from the source, `truncatedGzip`, `corruptGzip`.
  package func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
    guard buffer.count > 0 else { return 0 }
    switch mode {
    case .plain:
      return try readPlain(into: buffer)
    case .gzip(let inflater):
      return try inflate(inflater, into: buffer)
    case .undecided:
      try decide()
      return try read(into: buffer)
    }
  }

  /// Reads until two bytes are staged (or the input ends) and picks the mode from them.
  private func decide() throws(StreamError) {
    while stagedEnd < 2 {
      let count = try raw.read(into: UnsafeMutableRawBufferPointer(rebasing: staging[stagedEnd...]))
      if count == 0 { break }
      stagedEnd += count
      rawBytesRead &+= count
    }
    guard stagedEnd >= 2, staging[0] == 0x1F, staging[1] == 0x8B else {
      mode = .plain
      return
    }
    guard let inflater = GzipInflater() else { throw .readFailed(path: path, errno: ENOMEM) }
    inflater.setInput(UnsafeMutableRawBufferPointer(rebasing: staging[0..<stagedEnd]))
    mode = .gzip(inflater)
  }

  private func readPlain(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
    if stagedStart < stagedEnd {
      let count = min(buffer.count, stagedEnd - stagedStart)
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: staging[stagedStart..<(stagedStart + count)]))
      stagedStart += count
      return count
    }
    let count = try raw.read(into: buffer)
    rawBytesRead &+= count
    return count
  }

  /// Reads the next compressed chunk into `staging`; returns false at the end of the input.
  private func refill(_ inflater: GzipInflater) throws(StreamError) -> Bool {
    let count = try raw.read(into: staging)
    guard count > 0 else { return false }
    rawBytesRead &+= count
    inflater.setInput(UnsafeMutableRawBufferPointer(rebasing: staging[0..<count]))
    return true
  }

  private func inflate(
    _ inflater: GzipInflater, into buffer: UnsafeMutableRawBufferPointer
  ) throws(StreamError) -> Int {
    while true {
      if betweenMembers {
        if inflater.availableInput == 0 {
          guard try refill(inflater) else { return 0 }  // clean end after a whole member
        }
        inflater.reset()
        betweenMembers = false
        magicChecked = 0
      }
      if inflater.availableInput == 0 {
        guard try refill(inflater) else { throw .truncatedGzip(path: path) }
      }
      // A member must start with 1f 8b; inflate (windowBits 15 + 32) would also take a zlib
      // header. Only unconsumed bytes are checked, and inflate consumes what it is given, so a
      // member start split across two reads is checked byte by byte.
      var offset = 0
      while magicChecked < 2, offset < inflater.availableInput {
        let expected: UInt8 = magicChecked == 0 ? 0x1F : 0x8B
        guard inflater.inputByte(at: offset) == expected else { throw .corruptGzip(path: path) }
        magicChecked += 1
        offset += 1
      }
      let (status, produced) = inflater.inflate(into: buffer)
      switch status {
      case .more:
        if produced > 0 { return produced }
      case .memberEnd:
        betweenMembers = true
        if produced > 0 { return produced }
      case .corrupt:
        throw .corruptGzip(path: path)
      case .outOfMemory:
        throw .readFailed(path: path, errno: ENOMEM)
      }
    }
  }
}
