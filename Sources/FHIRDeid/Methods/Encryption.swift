import DeidCrypto
import FHIRModel
import FHIRPath

extension EngineCore {
  /// `encrypt` (spec §4.5): AES-CBC with PKCS#7 padding under `encryptKey`, a fresh random IV per
  /// value; the value becomes Base64 of IV ‖ ciphertext, written as a JSON string.
  ///
  /// Encrypts the text a method sees (§4.9: trimmed strings, numbers as written, `True`/`False`).
  /// Throws a processing failure only when libcrypto fails.
  mutating func encrypt(_ node: Int32, rule: Rule, bytes: UnsafeRawBufferPointer)
    throws(RecordFailure) -> Operations
  {
    guard loadText(node, bytes: bytes) else { return [] }
    guard let aes else {
      throw RecordFailure(
        .processing("encryptKey could not be set up"), resourceType: tree[0].type.name,
        rule: rule.index, isSkippable: false)
    }
    // Base64 of (16-byte IV + whole blocks): the exact length, so the edit is one allocation.
    var out: [UInt8] = []
    out.reserveCapacity(((16 + (text.count / 16 + 1) * 16) + 2) / 3 * 4)
    let failure: CryptoError? = text.withUnsafeBytes { plaintext in
      do throws(CryptoError) {
        try aes.encryptToBase64(plaintext, into: &out)
        return nil
      } catch { return error }
    }
    if failure != nil {
      throw RecordFailure(
        .processing("libcrypto failed while encrypting"), resourceType: tree[0].type.name,
        path: tree.path(of: node, bytes: bytes), rule: rule.index, isSkippable: false)
    }
    replace(node, with: out)
    return .encrypt
  }
}
