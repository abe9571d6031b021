internal import COpenSSL

/// Random key material from libcrypto's CSPRNG (`RAND_bytes`).
package enum RandomKey {
  /// Returns 32 lower-case hexadecimal characters made from 16 random bytes.
  ///
  /// This is the shape of the keys Microsoft's tool generates when none is configured (a GUID
  /// without dashes); as an `encryptKey` its 32 ASCII bytes select AES-256.
  /// - Precondition: the random generator works; if `RAND_bytes` fails the process traps rather
  ///   than use a predictable key.
  package static func hex32() -> String {
    var text: [UInt8] = []
    bytes(count: 16).withUnsafeBytes { Hex.appendLowercase($0, to: &text) }
    return String(decoding: text, as: UTF8.self)
  }

  /// Returns `count` random characters of the URL-safe Base64 alphabet (`A–Z a–z 0–9 - _`), 6
  /// bits of entropy each: 43 give 258 bits, 32 give 192 bits in the 32 bytes of an AES-256
  /// `encryptKey`.
  package static func text(count: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    // 256 is a multiple of 64, so `byte & 63` is uniform.
    let chars = bytes(count: count).map { alphabet[Int($0 & 63)] }
    return String(decoding: chars, as: UTF8.self)
  }

  /// Returns `count` random bytes.
  ///
  /// - Precondition: `count >= 0`, and the random generator works; if `RAND_bytes` fails the
  ///   process traps rather than return predictable bytes.
  package static func bytes(count: Int) -> [UInt8] {
    precondition(count >= 0 && count <= Int(Int32.max), "random byte count out of range")
    var result = [UInt8](repeating: 0, count: count)
    let status = result.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
    if status != 1 { randomFailed() }
    return result
  }

  @inline(never)
  private static func randomFailed() -> Never {
    fatalError("RAND_bytes failed (OpenSSL error \(ERR_get_error()))")
  }
}
