/// A small direct-mapped cache of `cryptoHash` results for one worker.
///
/// Bulk exports repeat the same references and ids on many lines (every resource of a patient
/// points at `Patient/<id>`, at the same practitioners and organizations), so most hashes have
/// been computed before. Entries are keyed by the exact input text and how it was hashed (a
/// plain value, a `Reference.reference`, one without its base URL); a hit returns the same bytes
/// the computation would.
struct HashCache {
  /// How a text was hashed: the same text gives different results for each.
  enum Kind: UInt8 {
    case value, reference, referenceWithoutBase
  }

  private static let slots = 2048
  private var keys: [[UInt8]] = Array(repeating: [], count: HashCache.slots)
  private var kinds: [Kind] = Array(repeating: .value, count: HashCache.slots)
  private var values: [[UInt8]] = Array(repeating: [], count: HashCache.slots)

  private static func slot(_ text: [UInt8], kind: Kind) -> Int {
    text.withUnsafeBytes { text in
      let n = text.count
      var h: UInt64 =
        switch kind {
        case .value: 0xCBF2_9CE4_8422_2325
        case .reference: 0x9E37_79B9_7F4A_7C15
        case .referenceWithoutBase: 0xC2B2_AE3D_27D4_EB4F
        }
      h ^= UInt64(truncatingIfNeeded: n)
      // Eight bytes at a time, then the tail byte by byte.
      var i = 0
      while i &+ 8 <= n {
        h = (h ^ text.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        i &+= 8
      }
      while i < n {
        h = (h ^ UInt64(text[i])) &* 0x0000_0100_0000_01B3
        i &+= 1
      }
      h ^= h >> 29
      h &*= 0xBF58_476D_1CE4_E5B9
      h ^= h >> 32
      return Int(truncatingIfNeeded: h) & (slots - 1)
    }
  }

  func lookup(_ text: [UInt8], kind: Kind) -> [UInt8]? {
    let i = Self.slot(text, kind: kind)
    guard !values[i].isEmpty, kinds[i] == kind, keys[i] == text else { return nil }
    // (Values are written from fresh buffers of their own size.)
    return values[i]
  }

  mutating func insert(_ text: [UInt8], kind: Kind, value: [UInt8]) {
    let i = Self.slot(text, kind: kind)
    // A copy of exactly the text: `text` is the worker's scratch buffer, whose capacity may be
    // that of the longest value seen; sharing it would pin that capacity in every slot.
    var key: [UInt8] = []
    key.reserveCapacity(text.count)
    key.append(contentsOf: text)
    keys[i] = key
    kinds[i] = kind
    values[i] = value
  }
}
