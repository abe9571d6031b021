/// Standard Base64 (RFC 4648 §4: `A–Z a–z 0–9 + /`, `=` padding).
///
/// Both directions append to a caller-owned buffer and allocate only when its capacity is
/// exceeded.
package enum Base64 {
  /// Why `decode(_:into:)` rejected its input.
  package struct DecodingError: Error, Sendable, Equatable {
    /// Offset of the first offending byte, or the input length if the length is not a multiple
    /// of 4.
    package var offset: Int

    /// Creates an error at `offset`.
    package init(offset: Int) { self.offset = offset }
  }

  /// The number of Base64 bytes that encode `count` bytes: `4 × ⌈count / 3⌉`.
  package static func encodedCount(_ count: Int) -> Int { (count + 2) / 3 * 4 }

  /// Appends the padded Base64 encoding of `bytes` to `out`.
  package static func encode(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    let table = alphabet.utf8Start
    let start = out.count
    out.append(contentsOf: repeatElement(0x3D, count: encodedCount(bytes.count)))  // "="
    out.withUnsafeMutableBufferPointer { buffer in
      var from = 0
      var to = start
      // 1. Whole 3-byte groups become 4 characters.
      while from + 3 <= bytes.count {
        let group =
          UInt32(bytes[from]) << 16 | UInt32(bytes[from + 1]) << 8 | UInt32(bytes[from + 2])
        buffer[to] = table[Int(group >> 18)]
        buffer[to + 1] = table[Int(group >> 12 & 0x3F)]
        buffer[to + 2] = table[Int(group >> 6 & 0x3F)]
        buffer[to + 3] = table[Int(group & 0x3F)]
        from &+= 3
        to &+= 4
      }
      // 2. One or two bytes left become two or three characters; the "=" already there stay.
      let left = bytes.count - from
      guard left > 0 else { return }
      var group = UInt32(bytes[from]) << 16
      if left == 2 { group |= UInt32(bytes[from + 1]) << 8 }
      buffer[to] = table[Int(group >> 18)]
      buffer[to + 1] = table[Int(group >> 12 & 0x3F)]
      if left == 2 { buffer[to + 2] = table[Int(group >> 6 & 0x3F)] }
    }
  }

  /// Appends the bytes that the padded Base64 text `text` encodes to `out`.
  ///
  /// Decoding is strict: the length must be a multiple of 4, only the standard alphabet is
  /// accepted (no whitespace, no URL-safe `-` `_`), `=` may appear only as the last one or two
  /// bytes, and the unused low bits before the padding must be zero, so every byte string has
  /// exactly one accepted encoding.
  /// - Throws: `DecodingError` with the offset of the first bad byte; `out` is then unchanged.
  package static func decode(_ text: UnsafeRawBufferPointer, into out: inout [UInt8])
    throws(DecodingError)
  {
    let count = text.count
    guard count % 4 == 0 else { throw DecodingError(offset: count) }
    guard count > 0 else { return }
    let padding = text[count - 1] != 0x3D ? 0 : text[count - 2] != 0x3D ? 1 : 2
    let start = out.count
    out.append(contentsOf: repeatElement(0, count: count / 4 * 3 - padding))
    let failure: Int? = out.withUnsafeMutableBufferPointer { buffer in
      var from = 0
      var to = start
      // 1. Every quantum but the last is four alphabet characters giving three bytes.
      while from + 4 < count {
        let a = value(text[from]), b = value(text[from + 1])
        let c = value(text[from + 2]), d = value(text[from + 3])
        guard a | b | c | d < 64 else { return firstInvalid(text, from) }
        let group = a << 18 | b << 12 | c << 6 | d
        buffer[to] = UInt8(truncatingIfNeeded: group >> 16)
        buffer[to + 1] = UInt8(truncatingIfNeeded: group >> 8)
        buffer[to + 2] = UInt8(truncatingIfNeeded: group)
        from &+= 4
        to &+= 3
      }
      // 2. The last quantum holds 4 − padding characters; "=" in them is invalid (value 255).
      let a = value(text[from]), b = value(text[from + 1])
      let c = padding == 2 ? 0 : value(text[from + 2])
      let d = padding >= 1 ? 0 : value(text[from + 3])
      guard a | b | c | d < 64 else { return firstInvalid(text, from) }
      let group = a << 18 | b << 12 | c << 6 | d
      // 3. The bits that the padding drops must be zero (c's low 4 bits, or d's low 2 bits).
      switch padding {
      case 2 where group & 0xFFFF != 0: return from + 1
      case 1 where group & 0xFF != 0: return from + 2
      default: break
      }
      buffer[to] = UInt8(truncatingIfNeeded: group >> 16)
      if padding < 2 { buffer[to + 1] = UInt8(truncatingIfNeeded: group >> 8) }
      if padding < 1 { buffer[to + 2] = UInt8(truncatingIfNeeded: group) }
      return nil
    }
    if let failure {
      out.removeSubrange(start...)
      throw DecodingError(offset: failure)
    }
  }

  /// The 6-bit value of an alphabet byte, or 255 for any other byte (including `=`).
  @inline(__always)
  private static func value(_ byte: UInt8) -> UInt32 {
    switch byte {
    case 0x41...0x5A: UInt32(byte &- 0x41)  // A–Z
    case 0x61...0x7A: UInt32(byte &- 0x61 &+ 26)  // a–z
    case 0x30...0x39: UInt32(byte &- 0x30 &+ 52)  // 0–9
    case 0x2B: 62  // +
    case 0x2F: 63  // /
    default: 255
    }
  }

  /// The offset of the first non-alphabet byte in the quantum at `from`.
  @inline(never)
  private static func firstInvalid(_ text: UnsafeRawBufferPointer, _ from: Int) -> Int {
    var at = from
    while at < from + 3 && value(text[at]) < 64 { at += 1 }
    return at
  }
}
