internal import COpenSSL

/// An owned `EVP_CIPHER_CTX`, freed in `deinit`.
final class CipherContext {
  /// The `EVP_CIPHER_CTX *`.
  let raw: OpaquePointer

  /// Creates an empty context.
  ///
  /// - Throws: `CryptoError.openSSL` if allocation fails.
  init() throws(CryptoError) {
    guard let c = EVP_CIPHER_CTX_new() else { throw .fromErrorQueue() }
    raw = c
  }

  /// Creates a copy of `other`, including its cipher, key schedule and direction.
  ///
  /// - Throws: `CryptoError.openSSL` if the copy fails.
  init(copying other: CipherContext) throws(CryptoError) {
    guard let c = EVP_CIPHER_CTX_new() else { throw .fromErrorQueue() }
    guard EVP_CIPHER_CTX_copy(c, other.raw) == 1 else {
      EVP_CIPHER_CTX_free(c)
      throw .fromErrorQueue()
    }
    raw = c
  }

  deinit { EVP_CIPHER_CTX_free(raw) }
}
