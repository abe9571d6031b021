import RegexEngine

/// String semantics of FHIRPath on UTF-8 bytes: .NET ordinal order and equivalence folding.
package enum FHIRPathString {
  /// Decodes one scalar at `i` of UTF-8; malformed bytes decode as U+FFFD, one byte.
  @inline(__always)
  static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: UInt32, length: Int) {
    UTF8Scalars.decode(s, at: i)
  }

  /// The scalars of UTF-8 text.
  package static func scalars(_ bytes: [UInt8]) -> [UInt32] { UTF8Scalars.scalars(bytes) }

  /// Appends the UTF-8 encoding of a scalar (surrogates and out-of-range values as U+FFFD).
  package static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    var v = scalar
    if (0xD800...0xDFFF).contains(v) || v > 0x10FFFF { v = 0xFFFD }
    switch v {
    case ..<0x80:
      out.append(UInt8(v))
    case ..<0x800:
      out.append(UInt8(0xC0 | v >> 6))
      out.append(UInt8(0x80 | v & 0x3F))
    case ..<0x10000:
      out.append(UInt8(0xE0 | v >> 12))
      out.append(UInt8(0x80 | (v >> 6) & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    default:
      out.append(UInt8(0xF0 | v >> 18))
      out.append(UInt8(0x80 | (v >> 12) & 0x3F))
      out.append(UInt8(0x80 | (v >> 6) & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// The sort key of a scalar in UTF-16 code-unit order: BMP below the surrogates, then the
  /// supplementary planes (whose leading surrogates are D800–DBFF), then U+E000–U+FFFF.
  @inline(__always)
  static func utf16OrderKey(_ scalar: UInt32) -> UInt32 {
    if scalar < 0xD800 { return scalar }
    if scalar >= 0x10000 { return 0xD800 + (scalar - 0x10000) }
    return scalar + 0x10_0000
  }

  /// Ordinal comparison as .NET `string.CompareOrdinal`: -1, 0 or 1 in UTF-16 code-unit order.
  ///
  /// This equals UTF-8 byte order except between supplementary characters and U+E000–U+FFFF,
  /// which the first differing scalar decides.
  package static func compareOrdinal(_ a: [UInt8], _ b: [UInt8]) -> Int {
    a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in
        let common = min(x.count, y.count)
        var i = 0
        while i < common && x[i] == y[i] { i += 1 }
        if i == common { return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1) }
        // Back up to the first byte of the scalar holding the difference (shared prefix).
        var start = i
        while start > 0 && x[start] & 0xC0 == 0x80 { start -= 1 }
        let kx = utf16OrderKey(decode(x, at: start).scalar)
        let ky = utf16OrderKey(decode(y, at: start).scalar)
        if kx != ky { return kx < ky ? -1 : 1 }
        return x[i] < y[i] ? -1 : 1
      }
    }
  }

  /// FHIRPath string equivalence (`~`): equal after ``equivalenceKey(_:)`` of both sides.
  package static func isEquivalent(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    return equivalenceKey(a) == equivalenceKey(b)
  }

  /// Folds text for equivalence: case-insensitive, diacritic-insensitive, every whitespace
  /// character a plain space (runs are not collapsed).
  ///
  /// Coverage: ASCII; Latin-1 Supplement and Latin Extended-A letters (those with a canonical
  /// decomposition lose their accent, `é` → `e`, `Ł`/`ø`/`æ`/`ß` only fold case); combining
  /// diacritical marks U+0300–U+036F are dropped; basic Greek and Cyrillic letters fold case and
  /// tonos/`Ё`/`Й` accents. Other scripts compare exactly. Whitespace is the Unicode
  /// White_Space set.
  package static func equivalenceKey(_ bytes: [UInt8]) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(bytes.count)
    for scalar in scalars(bytes) {
      if isWhitespace(scalar) {
        out.append(0x20)
      } else if (0x300...0x36F).contains(scalar) {
        continue
      } else {
        out.append(foldForEquivalence(scalar))
      }
    }
    return out
  }

  /// Unicode White_Space.
  package static func isWhitespace(_ s: UInt32) -> Bool { UTF8Scalars.isWhitespace(s) }

  /// Base letters of U+00C0–U+017F: the unaccented lower-case ASCII letter, or `.` when the
  /// character has no canonical decomposition (it only folds case).
  private static let latinBase: [UInt8] = Array(
    ("aaaaaa.ceeeeiiii" + ".nooooo..uuuuy.." + "aaaaaa.ceeeeiiii" + ".nooooo..uuuuy.y"
      + "aaaaaaccccccccdd" + "..eeeeeeeeeegggg" + "gggghh..iiiiiiii" + "i...jjkk.llllll."
      + "...nnnnnn...oooo" + "oo..rrrrrrssssss" + "sstttt..uuuuuuuu" + "uuuuwwyyyzzzzzz.").utf8)

  static func foldForEquivalence(_ s: UInt32) -> UInt32 {
    switch s {
    case 0x41...0x5A:
      return s + 0x20
    case 0xC0...0x17F:
      let base = latinBase[Int(s - 0xC0)]
      if base != UInt8(ascii: ".") { return UInt32(base) }
      return lowercaseLatin(s)
    case 0x386: return 0x3B1
    case 0x388: return 0x3B5
    case 0x389: return 0x3B7
    case 0x38A: return 0x3B9
    case 0x38C: return 0x3BF
    case 0x38E: return 0x3C5
    case 0x38F: return 0x3C9
    case 0x3AC: return 0x3B1
    case 0x3AD: return 0x3B5
    case 0x3AE: return 0x3B7
    case 0x3AF: return 0x3B9
    case 0x3CC: return 0x3BF
    case 0x3CD: return 0x3C5
    case 0x3CE: return 0x3C9
    case 0x3C2: return 0x3C3
    case 0x391...0x3A9 where s != 0x3A2: return s + 0x20
    case 0x401, 0x451: return 0x435
    case 0x419, 0x439: return 0x438
    case 0x410...0x42F: return s + 0x20
    case 0x400...0x40F: return s + 0x50
    default: return s
    }
  }

  /// Simple lower-casing within U+00C0–U+017F.
  static func lowercaseLatin(_ s: UInt32) -> UInt32 {
    switch s {
    case 0xC0...0xDE where s != 0xD7: return s + 0x20
    case 0x100...0x137, 0x14A...0x177: return s | 1
    case 0x139...0x148, 0x179...0x17E: return s & 1 == 1 ? s + 1 : s
    case 0x178: return 0xFF
    default: return s
    }
  }
}
