/// The day offset that Microsoft's `dateShift` derives from a prefix and the date-shift key.
package enum DateShiftHash {
  /// Returns the offset in days, −50…+50, for `prefix` followed by `key` (spec §4.3).
  ///
  /// The fold: h = 0; for each byte b of prefix ‖ key, h = (h × 131 + b) mod 101; the offset is
  /// h − 50. The bytes are concatenated implicitly, so nothing is allocated. Empty input gives −50.
  package static func offset(prefix: UnsafeRawBufferPointer, key: [UInt8]) -> Int {
    var h = 0
    for byte in prefix { h = (h &* 131 &+ Int(byte)) % 101 }
    for byte in key { h = (h &* 131 &+ Int(byte)) % 101 }
    return h - 50
  }

  /// Returns the offset in days, −50…+50, for `prefix` followed by `key` (spec §4.3).
  package static func offset(prefix: [UInt8], key: [UInt8]) -> Int {
    prefix.withUnsafeBytes { offset(prefix: $0, key: key) }
  }
}
