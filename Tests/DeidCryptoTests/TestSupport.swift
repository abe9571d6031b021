import DeidCrypto

/// Deterministic SplitMix64, so property tests draw the same inputs on every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SplitMix64 {
  /// `count` uniformly random bytes.
  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &self) }
  }

  /// A string of exactly `byteCount` UTF-8 bytes mixing 1-, 2-, 3- and 4-byte scalars.
  mutating func utf8String(byteCount: Int) -> String {
    let ranges: [ClosedRange<UInt32>] = [
      0x20...0x7E, 0xA0...0x7FF, 0x800...0xD7FF, 0x1_0000...0x1_FFFF,
    ]
    var text = ""
    var left = byteCount
    while left > 0 {
      let width = Int.random(in: 1...min(4, left), using: &self)
      let value = UInt32.random(in: ranges[width - 1], using: &self)
      guard let scalar = Unicode.Scalar(value) else { continue }
      text.unicodeScalars.append(scalar)
      left -= width
    }
    return text
  }
}

extension String {
  /// The UTF-8 bytes of the string.
  var bytes: [UInt8] { Array(utf8) }
}

/// The lower-case hex HMAC-SHA256 of `message` as a `String`.
func hexDigest(_ mac: HMACSHA256, _ message: [UInt8]) throws -> String {
  var out: [UInt8] = []
  try message.withUnsafeBytes { try mac.hexDigest($0, into: &out) }
  return String(decoding: out, as: UTF8.self)
}

/// Base64 of `bytes` as a `String`.
func base64(_ bytes: [UInt8]) -> String {
  var out: [UInt8] = []
  bytes.withUnsafeBytes { Base64.encode($0, into: &out) }
  return String(decoding: out, as: UTF8.self)
}

/// The bytes that `text` decodes to, or the decoding error.
func decodeBase64(_ text: String) -> Result<[UInt8], Base64.DecodingError> {
  var out: [UInt8] = []
  do throws(Base64.DecodingError) {
    try text.bytes.withUnsafeBufferPointer { (buffer) throws(Base64.DecodingError) in
      try Base64.decode(UnsafeRawBufferPointer(buffer), into: &out)
    }
    return .success(out)
  } catch {
    return .failure(error)
  }
}
