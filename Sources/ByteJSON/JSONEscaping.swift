/// Writing and reading JSON string literals at the byte level.
///
/// All functions work on UTF-8 bytes and append to caller-owned buffers; none of them allocates
/// beyond growing that buffer.
@usableFromInline package enum JSONEscaping {
  /// Appends `utf8` as a quoted JSON string literal, escaping the way Json.NET does.
  ///
  /// `"` and `\` become `\"` and `\\`; U+0008, U+0009, U+000A, U+000C and U+000D become `\b`,
  /// `\t`, `\n`, `\f` and `\r`; other U+0000 to U+001F become `\u00xx` (lower-case hex); U+0085,
  /// U+2028 and U+2029 become `\u0085`, `\u2028` and `\u2029`. Everything else, `/` and DEL
  /// included, is copied as is. The input is expected to be valid UTF-8; other bytes are copied
  /// unchanged. Runs of plain bytes are copied in one go.
  package static func appendQuoted(_ utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
    let n = utf8.count
    out.append(0x22)
    var runStart = 0
    var i = 0
    while i < n {
      // Eight plain bytes at a time while they last.
      if i &+ 8 <= n && isPlainWord(utf8.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
        i &+= 8
        continue
      }
      let c = utf8[i]
      // Fast path: printable ASCII other than `"` and `\`, and UTF-8 bytes that cannot start
      // U+0085 (C2 85) or U+2028/U+2029 (E2 80 A8/A9).
      if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0xC2 && c != 0xE2 {
        i &+= 1
        continue
      }
      // (input bytes replaced, escape letter or 0 for a \u escape, scalar for a \u escape)
      let escape: (length: Int, letter: UInt8, scalar: UInt32)
      switch c {
      case 0x22, 0x5C: escape = (1, c, 0)
      case 0x08: escape = (1, UInt8(ascii: "b"), 0)
      case 0x09: escape = (1, UInt8(ascii: "t"), 0)
      case 0x0A: escape = (1, UInt8(ascii: "n"), 0)
      case 0x0C: escape = (1, UInt8(ascii: "f"), 0)
      case 0x0D: escape = (1, UInt8(ascii: "r"), 0)
      case 0x00..<0x20: escape = (1, 0, UInt32(c))
      case 0xC2 where i &+ 1 < n && utf8[i &+ 1] == 0x85: escape = (2, 0, 0x85)
      case 0xE2 where i &+ 2 < n && utf8[i &+ 1] == 0x80 && utf8[i &+ 2] == 0xA8:
        escape = (3, 0, 0x2028)
      case 0xE2 where i &+ 2 < n && utf8[i &+ 1] == 0x80 && utf8[i &+ 2] == 0xA9:
        escape = (3, 0, 0x2029)
      default:
        i &+= 1
        continue
      }
      if runStart < i {
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<i]))
      }
      out.append(0x5C)
      if escape.letter != 0 {
        out.append(escape.letter)
      } else {
        appendUnicodeEscapeBody(escape.scalar, to: &out)
      }
      i &+= escape.length
      runStart = i
    }
    if runStart < n {
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[runStart..<n]))
    }
    out.append(0x22)
  }

  /// Whether none of the eight bytes of `w` needs a look from `appendQuoted`: no byte below
  /// 0x20 and no `"`, `\`, 0xC2 or 0xE2.
  ///
  /// Uses the classic "has a byte less than n" and "has a zero byte" word tricks; they can
  /// report a false positive above a real hit but never miss one, so a `false` only costs a
  /// byte-wise look.
  @inline(__always)
  static func isPlainWord(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let control = (w &- ones &* 0x20) & ~w & high
    let quote = w ^ (ones &* 0x22)
    let backslash = w ^ (ones &* 0x5C)
    let c2 = w ^ (ones &* 0xC2)
    let e2 = w ^ (ones &* 0xE2)
    let hits =
      control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
      | ((c2 &- ones) & ~c2) | ((e2 &- ones) & ~e2)
    return hits & high == 0
  }

  /// Appends `utf8` as a quoted JSON string literal; copies into a temporary array only
  /// when `utf8` has no contiguous storage.
  package static func appendQuoted(_ utf8: some Collection<UInt8>, to out: inout [UInt8]) {
    let done: Void? = utf8.withContiguousStorageIfAvailable { buffer in
      appendQuoted(UnsafeRawBufferPointer(buffer), to: &out)
    }
    if done == nil {
      Array(utf8).withUnsafeBytes { appendQuoted($0, to: &out) }
    }
  }

  /// Appends `u` and four lower-case hex digits of `scalar` (which must be ≤ 0xFFFF).
  static func appendUnicodeEscapeBody(_ scalar: UInt32, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "u"))
    var shift: UInt32 = 12
    while true {
      out.append(hexDigit(UInt8(truncatingIfNeeded: scalar >> shift) & 0xF))
      if shift == 0 { break }
      shift -= 4
    }
  }

  /// The lower-case hex digit for `nibble` (0...15).
  @inline(__always)
  static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? 0x30 &+ nibble : 0x61 &- 10 &+ nibble
  }

  /// Appends the UTF-8 decoding of the raw contents of a scanned JSON string (without quotes).
  ///
  /// Escapes are decoded; a surrogate pair becomes one 4-byte scalar. The input is expected to
  /// have been validated by ``JSONScanner``; on anything malformed this function does not trap:
  /// an unknown escape is copied literally and a lone surrogate becomes U+FFFD. Appends to
  /// `out` without clearing it.
  package static func unescape(_ raw: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    let n = raw.count
    var runStart = 0
    var i = 0
    while i < n {
      if raw[i] != 0x5C {
        i &+= 1
        continue
      }
      if runStart < i {
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[runStart..<i]))
      }
      let (scalar, length) = decodeEscape(raw, at: i)
      let (packed, count) = utf8Encode(scalar)
      var p = packed
      for _ in 0..<count {
        out.append(UInt8(truncatingIfNeeded: p))
        p >>= 8
      }
      i &+= length
      runStart = i
    }
    if runStart < n {
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[runStart..<n]))
    }
  }

  /// Decodes the escape whose backslash is at `i`: the scalar and the number of raw bytes used.
  ///
  /// Never traps: a malformed escape yields the backslash itself with length 1, and a lone
  /// surrogate yields U+FFFD.
  @usableFromInline
  static func decodeEscape(_ raw: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int) {
    let n = raw.count
    guard i &+ 1 < n else { return (0x5C, 1) }
    switch raw[i &+ 1] {
    case UInt8(ascii: "\""): return (0x22, 2)
    case UInt8(ascii: "\\"): return (0x5C, 2)
    case UInt8(ascii: "/"): return (0x2F, 2)
    case UInt8(ascii: "b"): return (0x08, 2)
    case UInt8(ascii: "f"): return (0x0C, 2)
    case UInt8(ascii: "n"): return (0x0A, 2)
    case UInt8(ascii: "r"): return (0x0D, 2)
    case UInt8(ascii: "t"): return (0x09, 2)
    case UInt8(ascii: "u"):
      guard let unit = hex4(raw, at: i &+ 2) else { return (0x5C, 1) }
      switch unit {
      case 0xD800...0xDBFF:
        if i &+ 12 <= n, raw[i &+ 6] == 0x5C, raw[i &+ 7] == UInt8(ascii: "u"),
          let low = hex4(raw, at: i &+ 8), (0xDC00...0xDFFF).contains(low)
        {
          return (0x10000 &+ ((unit &- 0xD800) << 10) &+ (low &- 0xDC00), 12)
        }
        return (0xFFFD, 6)
      case 0xDC00...0xDFFF: return (0xFFFD, 6)
      default: return (unit, 6)
      }
    default: return (0x5C, 1)
    }
  }

  /// The value of four hex digits at `i`, or nil if they are not all there or not all hex.
  @usableFromInline
  static func hex4(_ raw: UnsafeRawBufferPointer, at i: Int) -> UInt32? {
    guard i >= 0, i &+ 4 <= raw.count else { return nil }
    var value: UInt32 = 0
    for k in 0..<4 {
      guard let d = hexValue(raw[i &+ k]) else { return nil }
      value = value << 4 | UInt32(d)
    }
    return value
  }

  /// The value of one hex digit (either case), or nil.
  @inline(__always)
  static func hexValue(_ c: UInt8) -> UInt8? {
    let digit = c &- 0x30
    if digit < 10 { return digit }
    let letter = (c | 0x20) &- 0x61
    if letter < 6 { return letter &+ 10 }
    return nil
  }

  /// The UTF-8 encoding of `scalar`, packed little-endian (first byte lowest), and its length.
  @usableFromInline
  static func utf8Encode(_ scalar: UInt32) -> (UInt32, Int) {
    switch scalar {
    case 0..<0x80:
      return (scalar, 1)
    case 0x80..<0x800:
      return ((0xC0 | scalar >> 6) | (0x80 | scalar & 0x3F) << 8, 2)
    case 0x800..<0x10000:
      return (
        (0xE0 | scalar >> 12) | (0x80 | scalar >> 6 & 0x3F) << 8 | (0x80 | scalar & 0x3F) << 16, 3
      )
    default:
      return (
        (0xF0 | scalar >> 18) | (0x80 | scalar >> 12 & 0x3F) << 8
          | (0x80 | scalar >> 6 & 0x3F) << 16 | (0x80 | scalar & 0x3F) << 24, 4
      )
    }
  }

  /// Whether the escaped raw string `escaped` decodes to exactly the bytes `plain`.
  @usableFromInline
  static func unescaped(_ escaped: UnsafeRawBufferPointer, equals plain: UnsafeRawBufferPointer)
    -> Bool
  {
    var a = UnescapedBytes(escaped)
    var j = 0
    while let byte = a.next() {
      guard j < plain.count, plain[j] == byte else { return false }
      j &+= 1
    }
    return j == plain.count
  }

  /// Whether two escaped raw strings decode to the same bytes.
  @usableFromInline
  static func unescaped(_ a: UnsafeRawBufferPointer, equalsUnescaped b: UnsafeRawBufferPointer)
    -> Bool
  {
    var x = UnescapedBytes(a)
    var y = UnescapedBytes(b)
    while true {
      let p = x.next()
      guard p == y.next() else { return false }
      if p == nil { return true }
    }
  }

  /// Feeds the decoded bytes of a raw string to `hasher`; equal decoded strings hash equally.
  ///
  /// Bytes go in as little-endian 8-byte words plus the length, the same way whether or not
  /// the raw string has escapes.
  static func hashUnescaped(
    _ raw: UnsafeRawBufferPointer, hasEscapes: Bool, into hasher: inout Hasher
  ) {
    if hasEscapes {
      var bytes = UnescapedBytes(raw)
      combineWords(&bytes, into: &hasher)
    } else {
      var bytes = raw.makeIterator()
      combineWords(&bytes, into: &hasher)
    }
  }

  private static func combineWords(
    _ bytes: inout some IteratorProtocol<UInt8>, into hasher: inout Hasher
  ) {
    var word: UInt64 = 0
    var count = 0
    while let byte = bytes.next() {
      word |= UInt64(byte) << UInt64((count & 7) &* 8)
      count &+= 1
      if count & 7 == 0 {
        hasher.combine(word)
        word = 0
      }
    }
    hasher.combine(word)
    hasher.combine(count)
  }
}

/// The decoded UTF-8 bytes of a raw JSON string, produced one at a time without allocating.
@usableFromInline
struct UnescapedBytes: IteratorProtocol {
  @usableFromInline let raw: UnsafeRawBufferPointer
  @usableFromInline var index = 0
  @usableFromInline var pending: UInt32 = 0
  @usableFromInline var pendingCount = 0

  @usableFromInline
  init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

  @usableFromInline
  mutating func next() -> UInt8? {
    if pendingCount > 0 {
      let byte = UInt8(truncatingIfNeeded: pending)
      pending >>= 8
      pendingCount &-= 1
      return byte
    }
    guard index < raw.count else { return nil }
    let c = raw[index]
    if c != 0x5C {
      index &+= 1
      return c
    }
    let (scalar, length) = JSONEscaping.decodeEscape(raw, at: index)
    index &+= length
    let (packed, count) = JSONEscaping.utf8Encode(scalar)
    pending = packed >> 8
    pendingCount = count &- 1
    return UInt8(truncatingIfNeeded: packed)
  }
}
