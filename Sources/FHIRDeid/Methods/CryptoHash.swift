import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree

/// `cryptoHash` (spec §4.4), compiled: HMAC-SHA256 hex of the value under `cryptoHashKey`
/// (``MethodContext/hmac``); for `Reference.reference` only the id part of a recognised
/// reference is hashed, and with `"referenceBase": "remove"` the base URL of an absolute
/// reference is dropped.
struct CryptoHash: Sendable {
  /// `"referenceBase": "remove"` on the rule (a fhir-deid extension of the format).
  var removesReferenceBase: Bool

  func apply(
    to node: Int32, rule: Rule, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    guard context.loadText(node, bytes: bytes) else { return [] }
    guard let hmac = context.hmac else {
      throw context.failure(.keyMissing(.cryptoHash), rule: rule.index)
    }
    let parent = context.tree[node].parent
    let isReference =
      parent >= 0 && context.tree[parent].type == .reference
      && context.tree.nameEqualsIgnoringCase(node, "reference", in: bytes)
    let kind: HashCache.Kind =
      !isReference ? .value : removesReferenceBase ? .referenceWithoutBase : .reference
    if let cached = context.hashCache.lookup(context.text, kind: kind) {
      context.replace(node, with: cached)
      return .cryptoHash
    }
    let text = context.text
    var out: [UInt8] = []
    out.reserveCapacity(text.count + 64)
    do throws(CryptoError) {
      if isReference {
        switch ReferenceText.parts(text, removingBase: removesReferenceBase) {
        case .unchanged: return .cryptoHash
        case .whole: try Self.hex(text[...], hmac, into: &out)
        case .id(let prefix, let id, let suffix):
          out.append(contentsOf: text[prefix])
          try Self.hex(text[id], hmac, into: &out)
          out.append(contentsOf: text[suffix])
        }
      } else {
        try Self.hex(text[...], hmac, into: &out)
      }
    } catch {
      throw context.failure(.hashFailed, at: node, rule: rule.index)
    }
    context.hashCache.insert(text, kind: kind, value: out)
    context.replace(node, with: out)
    return .cryptoHash
  }

  private static func hex(
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
