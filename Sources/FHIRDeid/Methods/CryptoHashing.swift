import DeidCrypto
import FHIRModel
import FHIRPath

extension EngineCore {
  /// `cryptoHash` (spec §4.4): HMAC-SHA256 hex of the value; for `Reference.reference` only the
  /// id part of a recognised reference is hashed, and with `"referenceBase": "remove"` the base
  /// URL of an absolute reference is dropped.
  mutating func cryptoHash(_ node: Int32, rule: Rule, bytes: UnsafeRawBufferPointer)
    throws(RecordFailure)
    -> Operations
  {
    guard loadText(node, bytes: bytes) else { return [] }
    guard let hmac else {
      throw RecordFailure(
        .processing("cryptoHash key could not be set up"), resourceType: tree[0].type.name,
        rule: rule.index)
    }
    let parent = tree[node].parent
    let isReference =
      parent >= 0 && tree[parent].type == .reference
      && tree.nameEqualsIgnoringCase(node, "reference", in: bytes)
    let kind: HashCache.Kind =
      !isReference ? .value : rule.removesReferenceBase ? .referenceWithoutBase : .reference
    if let cached = hashCache.lookup(text, kind: kind) {
      replace(node, with: cached)
      return .cryptoHash
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count + 64)
    do throws(CryptoError) {
      if isReference {
        switch ReferenceText.parts(text, removingBase: rule.removesReferenceBase) {
        case .unchanged: return .cryptoHash
        case .whole: try hex(text[...], hmac, into: &out)
        case .id(let prefix, let id, let suffix):
          out.append(contentsOf: text[prefix])
          try hex(text[id], hmac, into: &out)
          out.append(contentsOf: text[suffix])
        }
      } else {
        try hex(text[...], hmac, into: &out)
      }
    } catch {
      throw RecordFailure(
        .processing("libcrypto failed while hashing"), resourceType: tree[0].type.name,
        path: tree.path(of: node, bytes: bytes), rule: rule.index)
    }
    hashCache.insert(text, kind: kind, value: out)
    replace(node, with: out)
    return .cryptoHash
  }

  private mutating func hex(
    _ message: ArraySlice<UInt8>, _ hmac: HMACSHA256, into out: inout [UInt8]
  )
    throws(CryptoError)
  {
    let failure: CryptoError? = message.withUnsafeBytes { raw in
      do throws(CryptoError) {
        try hmac.hexDigest(raw, into: &out)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
  }
}
