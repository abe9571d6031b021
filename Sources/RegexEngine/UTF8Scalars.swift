/// Unicode scalars of UTF-8 text, as the regex engine (and FHIRPath's string functions) read
/// them: malformed bytes decode as U+FFFD, one byte at a time, as .NET's decoder does.
package enum UTF8Scalars {
  /// Decodes one scalar at `i` of UTF-8; malformed bytes decode as U+FFFD, one byte.
  @inlinable @inline(__always)
  package static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let b0 = UInt32(s[i])
    if b0 < 0x80 { return (b0, 1) }
    func cont(_ k: Int) -> UInt32? {
      guard i + k < s.count, s[i + k] & 0xC0 == 0x80 else { return nil }
      return UInt32(s[i + k] & 0x3F)
    }
    if b0 >= 0xC2 && b0 < 0xE0, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
    if b0 >= 0xE0 && b0 < 0xF0, let c1 = cont(1), let c2 = cont(2) {
      return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3)
    }
    if b0 >= 0xF0 && b0 < 0xF5, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
      return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
    }
    return (0xFFFD, 1)
  }

  /// The scalars of UTF-8 text.
  package static func scalars(_ bytes: [UInt8]) -> [UInt32] {
    bytes.withUnsafeBufferPointer { s in
      var out: [UInt32] = []
      out.reserveCapacity(s.count)
      var i = 0
      while i < s.count {
        let (scalar, length) = decode(s, at: i)
        out.append(scalar)
        i += length
      }
      return out
    }
  }

  /// .NET's `char.IsWhiteSpace`, on scalars.
  package static func isWhitespace(_ s: UInt32) -> Bool {
    switch s {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }
}
