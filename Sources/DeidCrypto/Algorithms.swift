internal import COpenSSL

/// libcrypto algorithm objects, fetched once per process.
///
/// OpenSSL 3 slows down and takes locks when algorithms are fetched implicitly on every call, so
/// each one is fetched explicitly the first time it is needed. Swift initialises a `static let`
/// exactly once, thread-safely. A `nil` means the fetch failed (for example, a provider is
/// missing); users turn that into `CryptoError`.
enum Algorithms {
  // `nonisolated(unsafe)`: `OpaquePointer` is not `Sendable`, but fetched `EVP_MAC` and
  // `EVP_CIPHER` objects are immutable and reference-counted atomically; OpenSSL documents them as
  // safe to share between threads. They are never freed.

  /// The `HMAC` MAC implementation (`EVP_MAC *`).
  nonisolated(unsafe) static let hmac: OpaquePointer? = EVP_MAC_fetch(nil, "HMAC", nil)

  /// `AES-128-CBC` (`EVP_CIPHER *`).
  nonisolated(unsafe) static let aes128CBC: OpaquePointer? = EVP_CIPHER_fetch(
    nil, "AES-128-CBC", nil)

  /// `AES-192-CBC` (`EVP_CIPHER *`).
  nonisolated(unsafe) static let aes192CBC: OpaquePointer? = EVP_CIPHER_fetch(
    nil, "AES-192-CBC", nil)

  /// `AES-256-CBC` (`EVP_CIPHER *`).
  nonisolated(unsafe) static let aes256CBC: OpaquePointer? = EVP_CIPHER_fetch(
    nil, "AES-256-CBC", nil)
}
