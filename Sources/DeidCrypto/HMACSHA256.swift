internal import COpenSSL

/// HMAC-SHA256 under one key, fixed at creation.
///
/// Key one template with `init(key:)` and give each worker its own copy made with
/// `init(copying:)` (`EVP_MAC_CTX_dup`), which is cheaper than keying again. An instance is not
/// thread-safe: every call reuses its one `EVP_MAC_CTX`. Create the copies on one thread and hand
/// each to its worker exactly once.
///
/// Per message, the digest comes from the key's precomputed inner and outer SHA-256 states
/// (RFC 2104; `copenssl_hmac_sha256` in the C shim): two state copies and compressions, no
/// allocation, several times cheaper than `EVP_MAC_init/update/final` (which allocate twice per
/// call in OpenSSL 3.0). The `EVP_MAC_CTX` is kept to validate the key at creation.
///
/// `cryptoHash`'s rule that an empty value stays empty (spec §4.4) belongs to the caller: here
/// the empty message has an ordinary digest.
package final class HMACSHA256 {
  /// Bytes in a digest.
  package static var digestCount: Int { 32 }

  /// The keyed `EVP_MAC_CTX`, owned by this instance and freed in `deinit`.
  private let ctx: OpaquePointer
  /// The key's precomputed inner and outer SHA-256 states (the per-message fast path).
  private let key: UnsafeMutablePointer<copenssl_hmac_sha256_key>

  /// Creates a context keyed with `key` (any length, including empty).
  ///
  /// - Throws: `CryptoError.openSSL` if HMAC is unavailable or keying fails.
  package init(key: [UInt8]) throws(CryptoError) {
    guard let mac = Algorithms.hmac, let c = EVP_MAC_CTX_new(mac) else {
      throw .fromErrorQueue()
    }
    let keyed = key.withUnsafeBytes { copenssl_hmac_sha256_init(c, $0.baseAddress, $0.count) }
    guard keyed == 1 else {
      EVP_MAC_CTX_free(c)
      throw .fromErrorQueue()
    }
    let states = UnsafeMutablePointer<copenssl_hmac_sha256_key>.allocate(capacity: 1)
    let prepared = key.withUnsafeBytes {
      copenssl_hmac_sha256_prepare(states, $0.baseAddress, $0.count)
    }
    guard prepared == 1 else {
      states.deallocate()
      EVP_MAC_CTX_free(c)
      throw .fromErrorQueue()
    }
    ctx = c
    self.key = states
  }

  /// Creates an independent copy of `template`, with the same key.
  ///
  /// `template` must not be in use on another thread during the copy.
  /// - Throws: `CryptoError.openSSL` if `EVP_MAC_CTX_dup` fails.
  package init(copying template: HMACSHA256) throws(CryptoError) {
    guard let c = EVP_MAC_CTX_dup(template.ctx) else { throw .fromErrorQueue() }
    ctx = c
    key = UnsafeMutablePointer<copenssl_hmac_sha256_key>.allocate(capacity: 1)
    key.initialize(to: template.key.pointee)
  }

  deinit {
    EVP_MAC_CTX_free(ctx)
    key.deallocate()
  }

  /// Appends the 32-byte HMAC-SHA256 of `message` to `digest`.
  ///
  /// - Throws: `CryptoError.openSSL` if libcrypto fails; `digest` is then unchanged.
  package func authenticate(_ message: UnsafeRawBufferPointer, into digest: inout [UInt8])
    throws(CryptoError)
  {
    var raw: RawDigest = (0, 0, 0, 0)
    try mac(message, into: &raw)
    withUnsafeBytes(of: &raw) { digest.append(contentsOf: $0) }
  }

  /// Appends the HMAC-SHA256 of `message` as 64 lower-case hexadecimal ASCII bytes to `out`.
  ///
  /// This is the text form `cryptoHash` writes (spec §4.4).
  /// - Throws: `CryptoError.openSSL` if libcrypto fails; `out` is then unchanged.
  package func hexDigest(_ message: UnsafeRawBufferPointer, into out: inout [UInt8])
    throws(CryptoError)
  {
    var raw: RawDigest = (0, 0, 0, 0)
    try mac(message, into: &raw)
    withUnsafeBytes(of: &raw) { Hex.appendLowercase($0, to: &out) }
  }

  /// 32 bytes of stack space for one digest.
  private typealias RawDigest = (UInt64, UInt64, UInt64, UInt64)

  /// MACs `message` from the precomputed key states and writes the digest to `raw`.
  private func mac(_ message: UnsafeRawBufferPointer, into raw: inout RawDigest)
    throws(CryptoError)
  {
    let done = withUnsafeMutableBytes(of: &raw) { buffer in
      copenssl_hmac_sha256(
        key, message.baseAddress, message.count,
        buffer.baseAddress?.assumingMemoryBound(to: UInt8.self))
    }
    guard done == 1 else { throw .fromErrorQueue() }
  }
}
