import RegexEngine

/// The N1 string functions on UTF-8 values.
///
/// Positions and lengths count Unicode scalars. .NET counts UTF-16 code units, so results differ
/// only for text containing characters outside the Basic Multilingual Plane (emoji and the
/// like). Comparisons are ordinal (byte-exact), which spec §7.3 accepts for `startsWith` and
/// `endsWith`.
extension FHIRPathString {
  /// `length()`.
  package static func length(_ s: [UInt8]) -> Int {
    s.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
  }

  /// Byte offset of each scalar boundary: `count + 1` entries, the last being `s.count`.
  static func boundaries(_ s: [UInt8]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(s.count + 1)
    for (i, b) in s.enumerated() where b & 0xC0 != 0x80 { result.append(i) }
    result.append(s.count)
    return result
  }

  /// `substring(start[, length])`: nil when `start` is outside the string (negative or at or
  /// past the end); the length is cut to what remains, and a negative length gives `''`.
  package static func substring(_ s: [UInt8], start: Int64, length: Int64? = nil) -> [UInt8]? {
    let b = boundaries(s)
    let count = b.count - 1
    guard start >= 0, start < count else { return nil }
    let from = Int(start)
    var to = count
    if let length {
      guard length > 0 else { return [] }
      to = Int(min(Int64(count), Int64(from) + min(length, Int64(count))))
    }
    return Array(s[b[from]..<b[to]])
  }

  /// `indexOf(substring)`: scalar index of the first occurrence, 0 for `''`, -1 when absent.
  package static func indexOf(_ s: [UInt8], _ sub: [UInt8]) -> Int {
    guard let byteIndex = firstRange(of: sub, in: s)?.lowerBound else { return -1 }
    return length(Array(s[0..<byteIndex]))
  }

  /// Byte range of the first occurrence of `sub` in `s` (`0..<0` for an empty `sub`).
  static func firstRange(of sub: [UInt8], in s: [UInt8], from: Int = 0) -> Range<Int>? {
    if sub.isEmpty { return from..<from }
    guard s.count - from >= sub.count else { return nil }
    var i = from
    while i + sub.count <= s.count {
      if s[i] == sub[0] && s[i..<(i + sub.count)].elementsEqual(sub) { return i..<(i + sub.count) }
      i += 1
    }
    return nil
  }

  /// `startsWith(prefix)`.
  package static func startsWith(_ s: [UInt8], _ prefix: [UInt8]) -> Bool {
    s.count >= prefix.count && s[0..<prefix.count].elementsEqual(prefix)
  }

  /// `endsWith(suffix)`.
  package static func endsWith(_ s: [UInt8], _ suffix: [UInt8]) -> Bool {
    s.count >= suffix.count && s[(s.count - suffix.count)...].elementsEqual(suffix)
  }

  /// `contains(substring)` (the function).
  package static func contains(_ s: [UInt8], _ sub: [UInt8]) -> Bool {
    firstRange(of: sub, in: s) != nil
  }

  /// `upper()`: simple one-to-one case mapping per scalar, as .NET `ToUpperInvariant`
  /// (`ß` stays `ß`).
  package static func upper(_ s: [UInt8]) -> [UInt8] { mapScalars(s, RegexCase.upper) }

  /// `lower()`: simple one-to-one case mapping per scalar, as .NET `ToLowerInvariant`.
  package static func lower(_ s: [UInt8]) -> [UInt8] { mapScalars(s, RegexCase.lower) }

  static func mapScalars(_ s: [UInt8], _ f: (UInt32) -> UInt32) -> [UInt8] {
    if s.allSatisfy({ $0 < 0x80 }) {
      return s.map { UInt8(truncatingIfNeeded: f(UInt32($0))) }
    }
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    for scalar in scalars(s) { appendUTF8(f(scalar), to: &out) }
    return out
  }

  /// `replace(pattern, substitution)`: every occurrence, left to right, not overlapping. An
  /// empty pattern puts the substitution around every character (`'abc'` → `'xaxbxcx'`).
  package static func replace(_ s: [UInt8], _ pattern: [UInt8], with substitution: [UInt8])
    -> [UInt8]
  {
    var out: [UInt8] = []
    if pattern.isEmpty {
      let b = boundaries(s)
      out.append(contentsOf: substitution)
      for k in 0..<(b.count - 1) {
        out.append(contentsOf: s[b[k]..<b[k + 1]])
        out.append(contentsOf: substitution)
      }
      return out
    }
    var copied = 0
    var from = 0
    while let r = firstRange(of: pattern, in: s, from: from) {
      out.append(contentsOf: s[copied..<r.lowerBound])
      out.append(contentsOf: substitution)
      copied = r.upperBound
      from = r.upperBound
    }
    out.append(contentsOf: s[copied...])
    return out
  }

  /// `toChars()`: one string per scalar.
  package static func characters(_ s: [UInt8]) -> [[UInt8]] {
    let b = boundaries(s)
    return (0..<(b.count - 1)).map { Array(s[b[$0]..<b[$0 + 1]]) }
  }
}
