internal import COpenSSL

/// AES in CBC mode with PKCS#7 padding, as the `encrypt` method uses it (spec §4.5).
///
/// The key length picks the variant: 16, 24 or 32 bytes give AES-128, AES-192 or AES-256. Each
/// encryption uses a fresh random 16-byte IV and produces standard Base64 of IV ‖ ciphertext.
///
/// The encryption context is keyed once; each value only sets a new IV
/// (`EVP_EncryptInit_ex2(ctx, NULL, NULL, iv, NULL)` keeps the key schedule), so encrypting
/// allocates nothing once the scratch buffer has grown to the longest value. IVs are drawn from
/// `RAND_bytes` 64 at a time: one call per IV cost about 0.66 µs, most of an encryption, while
/// one 1 KiB call costs about 0.8 µs. Each IV is used once, and none is visible before the value
/// it encrypts is written, so they stay unpredictable as CBC requires. Not thread-safe: give each
/// worker its own copy made with `init(copying:)` (a copy starts with its own, empty IV pool).
package final class AESCBC {
  /// The IV and block length.
  private static var blockCount: Int { 16 }

  /// The fetched `EVP_CIPHER` for this key length.
  private let cipher: OpaquePointer
  /// The key, kept for decryption (AES decrypts with a different key schedule).
  private let key: [UInt8]
  /// A context keyed for encryption.
  private let encryptor: CipherContext
  /// IV ‖ ciphertext of the value being encrypted; reused between calls.
  private var scratch: [UInt8] = []
  /// Random bytes for the next IVs; `ivPool[ivPoolUsed...]` are still unused.
  private var ivPool = [UInt8](repeating: 0, count: 64 * 16)
  /// How many bytes of `ivPool` have been handed out; starts full so the first use refills.
  private var ivPoolUsed = 64 * 16

  /// Creates a cipher for `key`.
  ///
  /// - Throws: `CryptoError.invalidKeyLength` unless `key` has 16, 24 or 32 bytes;
  ///   `CryptoError.openSSL` if libcrypto fails.
  package init(key: [UInt8]) throws(CryptoError) {
    let fetched: OpaquePointer? =
      switch key.count {
      case 16: Algorithms.aes128CBC
      case 24: Algorithms.aes192CBC
      case 32: Algorithms.aes256CBC
      default: throw .invalidKeyLength(key.count)
      }
    guard let fetched else { throw .fromErrorQueue() }
    let context = try CipherContext()
    let keyed = key.withUnsafeBufferPointer {
      EVP_EncryptInit_ex2(context.raw, fetched, $0.baseAddress, nil, nil)
    }
    guard keyed == 1 else { throw .fromErrorQueue() }
    cipher = fetched
    self.key = key
    encryptor = context
  }

  /// Creates an independent copy of `other`, with the same key.
  ///
  /// `other` must not be in use on another thread during the copy.
  /// - Throws: `CryptoError.openSSL` if copying the context fails.
  package init(copying other: AESCBC) throws(CryptoError) {
    cipher = other.cipher
    key = other.key
    encryptor = try CipherContext(copying: other.encryptor)
  }

  /// Encrypts `plaintext` under a fresh random IV and appends Base64 of IV ‖ ciphertext to `out`.
  ///
  /// Appends `Base64.encodedCount(16 + 16 × (plaintext.count / 16 + 1))` bytes. The empty
  /// plaintext encrypts to one block of padding.
  /// - Throws: `CryptoError.openSSL` if the random generator or the cipher fails; `out` is then
  ///   unchanged.
  package func encryptToBase64(_ plaintext: UnsafeRawBufferPointer, into out: inout [UInt8])
    throws(CryptoError)
  {
    let block = AESCBC.blockCount
    let total = block + (plaintext.count / block + 1) * block
    if scratch.count < total { growScratch(to: total) }
    // 1. A fresh IV into bytes 0..<16.
    if ivPoolUsed == ivPool.count { try refillIVPool() }
    for i in 0..<block { scratch[i] = ivPool[ivPoolUsed + i] }
    ivPoolUsed += block
    let context = encryptor.raw
    let written = try scratch.withUnsafeMutableBufferPointer { buffer throws(CryptoError) -> Int in
      guard let base = buffer.baseAddress else { throw .openSSL(0) }
      // 2. The context re-initialised with the IV (key kept).
      guard EVP_EncryptInit_ex2(context, nil, nil, base, nil) == 1 else {
        throw .fromErrorQueue()
      }
      // 3. Ciphertext after it, in chunks that fit the `int` lengths of the C API.
      var at = block
      var from = 0
      while from < plaintext.count {
        let chunk = min(plaintext.count - from, 1 << 30)
        let input = plaintext.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + from }
        var length: Int32 = 0
        guard EVP_EncryptUpdate(context, base + at, &length, input, Int32(chunk)) == 1 else {
          throw .fromErrorQueue()
        }
        at += Int(length)
        from += chunk
      }
      // 4. The final block, with PKCS#7 padding.
      var length: Int32 = 0
      guard EVP_EncryptFinal_ex(context, base + at, &length) == 1 else { throw .fromErrorQueue() }
      return at + Int(length)
    }
    guard written == total else { throw .openSSL(0) }
    scratch.withUnsafeBytes {
      Base64.encode(UnsafeRawBufferPointer(rebasing: $0[..<total]), into: &out)
    }
  }

  /// Decodes Base64 of IV ‖ ciphertext, as `encryptToBase64` writes it, and returns the plaintext.
  ///
  /// Meant for tests and a `decrypt` tool, not the hot path: it allocates per call.
  /// - Throws: `CryptoError.decryptFailed` if `base64` is not strict Base64, decodes to fewer
  ///   than 32 bytes or to a length that is not whole blocks, or has invalid padding after
  ///   decryption; `CryptoError.openSSL` if libcrypto fails otherwise.
  package func decryptFromBase64(_ base64: UnsafeRawBufferPointer) throws(CryptoError) -> [UInt8] {
    let block = AESCBC.blockCount
    var raw: [UInt8] = []
    do throws(Base64.DecodingError) {
      try Base64.decode(base64, into: &raw)
    } catch {
      throw .decryptFailed
    }
    guard raw.count >= 2 * block, raw.count % block == 0, raw.count <= Int(Int32.max) else {
      throw .decryptFailed
    }
    let context = try CipherContext()
    var plaintext = [UInt8](repeating: 0, count: raw.count)
    let count = try raw.withUnsafeBufferPointer { input throws(CryptoError) -> Int in
      try plaintext.withUnsafeMutableBufferPointer { output throws(CryptoError) -> Int in
        guard let iv = input.baseAddress, let base = output.baseAddress else {
          throw .decryptFailed
        }
        let initialised = key.withUnsafeBufferPointer {
          EVP_DecryptInit_ex2(context.raw, cipher, $0.baseAddress, iv, nil)
        }
        guard initialised == 1 else { throw .fromErrorQueue() }
        var length: Int32 = 0
        let body = Int32(input.count - block)
        guard EVP_DecryptUpdate(context.raw, base, &length, iv + block, body) == 1 else {
          throw .fromErrorQueue()
        }
        var tail: Int32 = 0
        guard EVP_DecryptFinal_ex(context.raw, base + Int(length), &tail) == 1 else {
          // A wrong key or corrupted ciphertext shows up here, as bad padding.
          ERR_clear_error()
          throw .decryptFailed
        }
        return Int(length + tail)
      }
    }
    plaintext.removeSubrange(count...)
    return plaintext
  }

  /// Fills the IV pool with fresh random bytes.
  @inline(never)
  private func refillIVPool() throws(CryptoError) {
    let status = ivPool.withUnsafeMutableBufferPointer {
      RAND_bytes($0.baseAddress, Int32($0.count))
    }
    guard status == 1 else { throw .fromErrorQueue() }
    ivPoolUsed = 0
  }

  /// Grows the scratch buffer to at least `count` bytes; rare, so kept out of line.
  @inline(never)
  private func growScratch(to count: Int) {
    scratch = [UInt8](repeating: 0, count: max(count, 2 * scratch.count))
  }
}
