internal import COpenSSL

/// SHA-256 digests of whole buffers (configuration fingerprints in the run report; not a hot path).
package enum SHA256 {
  /// The lower-case hex SHA-256 of `bytes` (64 characters), or an empty string if libcrypto fails.
  package static func hexDigest(_ bytes: [UInt8]) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let ok = bytes.withUnsafeBytes { input in
      digest.withUnsafeMutableBytes { out in
        EVP_Digest(
          input.baseAddress, input.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self),
          &length, EVP_sha256(), nil)
      }
    }
    guard ok == 1, length == 32 else { return "" }
    var hex: [UInt8] = []
    digest.withUnsafeBytes { Hex.appendLowercase($0, to: &hex) }
    return String(decoding: hex, as: UTF8.self)
  }
}
