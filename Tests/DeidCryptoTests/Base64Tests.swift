import DeidCrypto
import Foundation
import Testing

@Suite struct Base64Tests {
  /// RFC 4648 §10.
  static let rfc4648: [(String, String)] = [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
    ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
  ]

  @Test("RFC 4648 vectors", arguments: rfc4648)
  func vectors(_ plain: String, _ encoded: String) throws {
    #expect(base64(plain.bytes) == encoded)
    #expect(try decodeBase64(encoded).get() == plain.bytes)
  }

  @Test("round trip against Foundation", arguments: 0..<8)
  func roundTrip(_ seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    for count in 0...64 {
      let bytes = rng.bytes(count)
      let text = base64(bytes)
      #expect(text == Data(bytes).base64EncodedString())
      #expect(text.utf8.count == Base64.encodedCount(count))
      #expect(try decodeBase64(text).get() == bytes)
    }
  }

  @Test func appendsToExistingContent() throws {
    var out = Array("a=".utf8)
    "foob".bytes.withUnsafeBytes { Base64.encode($0, into: &out) }
    #expect(String(decoding: out, as: UTF8.self) == "a=Zm9vYg==")
    var decoded: [UInt8] = [1, 2]
    try "Zm9v".bytes.withUnsafeBufferPointer { (buffer) throws(Base64.DecodingError) in
      try Base64.decode(UnsafeRawBufferPointer(buffer), into: &decoded)
    }
    #expect(decoded == [1, 2] + "foo".bytes)
  }

  /// Each input with the offset its error reports.
  static let invalid: [(String, Int)] = [
    ("Zg=", 3), ("Zm9vY", 5), ("Zm9v\n", 5),  // length not a multiple of 4
    ("====", 0), ("=Zm9", 0), ("Z===", 1), ("Zm=v", 2), ("Zg=a", 2),  // misplaced "="
    ("Zm9-", 3), ("Zm_v", 2), ("Zm9 Zm9v", 3), ("Zm9vZm9\u{0}", 7),  // outside the alphabet
    ("Zh==", 1), ("Zm9=", 2),  // non-zero bits dropped by the padding
  ]

  @Test("strict decoding rejects", arguments: invalid)
  func rejects(_ text: String, _ offset: Int) {
    var out: [UInt8] = [9]
    #expect(throws: Base64.DecodingError(offset: offset)) {
      try text.bytes.withUnsafeBufferPointer { (buffer) throws(Base64.DecodingError) in
        try Base64.decode(UnsafeRawBufferPointer(buffer), into: &out)
      }
    }
    #expect(out == [9])
  }
}
