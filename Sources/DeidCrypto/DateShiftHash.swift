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

/// The day offset of the `hmac-sha256` date-shift algorithm (`shared/spec/cli.md`): keyed on
/// the scope's original id, so it cannot be found without the key, and uniform over
/// `[−R, −1] ∪ [1, R]`, so it is never 0.
///
/// `mac = HMAC-SHA256(key, "fhir-deid/date-shift/v1:" + scope + ":" + id)`; `v` = the first 8
/// bytes of `mac`, big-endian; `m = v mod 2R`; the offset is `m − R` when `m < R`, else
/// `m − R + 1`. The modulo bias is below 2R / 2⁶⁴ (about 4·10⁻¹⁶ for R = 3650).
package struct HMACDateShift {
  private let hmac: HMACSHA256
  private let range: Int
  private var message: [UInt8] = []
  private var digest: [UInt8] = []

  /// The message prefix before the scope name.
  private static let domain = Array("fhir-deid/date-shift/v1:".utf8)

  /// A shifter keyed with `key`, for offsets in ±1…`range` days (`range` ≥ 1).
  package init(key: [UInt8], range: Int) throws(CryptoError) {
    precondition(range >= 1, "the date-shift range must be at least 1 day")
    hmac = try HMACSHA256(key: key)
    self.range = range
  }

  /// The offset in days for the scope named `scope` (`patient`, `resource`, `file` or
  /// `folder`) and the id `id` (UTF-8, as in the input).
  package mutating func offset(scope: String, id: some Collection<UInt8>) throws(CryptoError)
    -> Int
  {
    message.removeAll(keepingCapacity: true)
    message.append(contentsOf: Self.domain)
    message.append(contentsOf: scope.utf8)
    message.append(UInt8(ascii: ":"))
    message.append(contentsOf: id)
    var mac: [UInt8] = []
    swap(&mac, &digest)
    mac.removeAll(keepingCapacity: true)
    let hmac = self.hmac
    let failure: CryptoError? = message.withUnsafeBytes { bytes in
      do throws(CryptoError) {
        try hmac.authenticate(bytes, into: &mac)
        return nil
      } catch { return error }
    }
    defer { swap(&mac, &digest) }
    if let failure { throw failure }
    var v: UInt64 = 0
    for byte in mac.prefix(8) { v = v << 8 | UInt64(byte) }
    return Self.offset(value: v, range: range)
  }

  /// Maps the 64-bit value of a MAC to a day offset in `[−range, −1] ∪ [1, range]`.
  package static func offset(value: UInt64, range: Int) -> Int {
    let m = Int(value % UInt64(2 * range))
    return m < range ? m - range : m - range + 1
  }
}
