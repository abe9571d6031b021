import DeidCrypto
import FHIRModel
import FHIRPath

/// `encrypt` (spec §4.5), compiled: AES-CBC with PKCS#7 padding under `encryptKey`
/// (``MethodContext/aes``), a fresh random IV per value; the value becomes Base64 of
/// IV ‖ ciphertext, written as a JSON string.
///
/// Encrypts the text a method sees (§4.9: trimmed strings, numbers as written, `True`/`False`).
/// Throws a processing failure only when libcrypto fails.
struct Encryption: Sendable {
  func apply(
    to node: Int32, rule: Rule, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    guard context.loadText(node, bytes: bytes) else { return [] }
    guard let aes = context.aes else {
      throw context.failure(.keyMissing(.encrypt), rule: rule.index, isSkippable: false)
    }
    // Base64 of (16-byte IV + whole blocks): the exact length, so the edit is one allocation.
    let count = context.text.count
    var out: [UInt8] = []
    out.reserveCapacity(((16 + (count / 16 + 1) * 16) + 2) / 3 * 4)
    let failure: CryptoError? = context.text.withUnsafeBytes { plaintext in
      do throws(CryptoError) {
        try aes.encryptToBase64(plaintext, into: &out)
        return nil
      } catch { return error }
    }
    if failure != nil {
      throw context.failure(.encryptFailed, at: node, rule: rule.index, isSkippable: false)
    }
    context.replace(node, with: out)
    return .encrypt
  }
}
