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

extension SHA256 {
  /// A SHA-256 over data given in pieces (files that are hashed as they are read).
  package final class Stream {
    private let context: OpaquePointer?
    private var ok: Bool

    package init() {
      context = EVP_MD_CTX_new()
      ok = context != nil && EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    package func update(_ bytes: UnsafeRawBufferPointer) {
      guard ok, let base = bytes.baseAddress else { return }
      ok = EVP_DigestUpdate(context, base, bytes.count) == 1
    }

    /// The lower-case hex digest of everything added, or an empty string if libcrypto failed.
    /// The stream cannot be used afterwards.
    package func finish() -> String {
      var digest = [UInt8](repeating: 0, count: 32)
      var length: UInt32 = 0
      guard ok else { return "" }
      let done = digest.withUnsafeMutableBytes {
        EVP_DigestFinal_ex(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
      }
      ok = false
      guard done == 1, length == 32 else { return "" }
      var hex: [UInt8] = []
      digest.withUnsafeBytes { Hex.appendLowercase($0, to: &hex) }
      return String(decoding: hex, as: UTF8.self)
    }
  }
}
