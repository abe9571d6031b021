internal import COpenSSL

/// Why a cryptographic operation failed.
///
/// Cases carry only codes and lengths, never key or message bytes.
package enum CryptoError: Error, Sendable, Equatable {
  /// libcrypto reported a failure; the payload is the first `ERR_get_error()` code (0 if none).
  case openSSL(UInt)
  /// An AES key was not 16, 24 or 32 bytes long; the payload is the length given.
  case invalidKeyLength(Int)
  /// A ciphertext was not valid Base64, was too short, or did not decrypt with valid padding.
  case decryptFailed

  /// Takes the oldest error code off this thread's OpenSSL error queue and clears the rest.
  ///
  /// Clearing matters: a stale entry would otherwise be reported by a later, unrelated failure.
  @inline(never)
  static func fromErrorQueue() -> CryptoError {
    let code = ERR_get_error()
    ERR_clear_error()
    return .openSSL(code)
  }
}
