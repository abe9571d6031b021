import DeidCrypto
import Testing

@Suite struct AESCBCTests {
  static let specKey = "704ab12c8e3e46d4bea600ef62a6bec7".bytes  // 32 ASCII bytes: AES-256

  /// Spec §11.6.
  static let specVectors: [(String, String)] = [
    ("qpxGp6T9DP7wB0EYPQwOYVrScQ/pq3c0D+JQ+hjnfkY=", "abc"),
    ("GI99peR2SpPfcqEgzr7/z7gxYym6qyVPPzvmGc8o8SSwqMpCsW0CRj3v6ZsxFCef", "This is for test"),
    ("JxNRbbxL6pYYpbrtHWZ+1gPTPcIVrLWmrugPiUR9d6k=", "!@)(*&%^!@#$%@"),
    ("nQTtB/efLGpEqzOh/Pt4ZRlqZynO7gjePdu7LbLxH2LoqYJXAq6SQWkFeQ1SiqRM", "ͶΆΈΞξτϡϿῧῄᾴѶѾ"),
    ("zrFYnZ2cIwcfmjCVybP1ZC+LaD7gwGXBHR2bZjuutzA=", "测试"),
  ]

  static func decrypt(_ aes: AESCBC, _ text: String) throws(CryptoError) -> [UInt8] {
    try text.bytes.withUnsafeBufferPointer { (buffer) throws(CryptoError) in
      try aes.decryptFromBase64(UnsafeRawBufferPointer(buffer))
    }
  }

  static func encrypt(_ aes: AESCBC, _ plaintext: [UInt8]) throws -> String {
    var out: [UInt8] = []
    try plaintext.withUnsafeBytes { try aes.encryptToBase64($0, into: &out) }
    return String(decoding: out, as: UTF8.self)
  }

  @Test("spec §11.6 vectors decrypt", arguments: specVectors)
  func specVectorsDecrypt(_ base64: String, _ plaintext: String) throws {
    let aes = try AESCBC(key: Self.specKey)
    #expect(try Self.decrypt(aes, base64) == plaintext.bytes)
  }

  @Test("round trip at every length 0…100, mixed UTF-8", arguments: [16, 24, 32])
  func roundTrip(_ keyCount: Int) throws {
    var rng = SplitMix64(seed: UInt64(keyCount))
    let key = rng.bytes(keyCount)
    let aes = try AESCBC(key: key)
    let other = try AESCBC(key: key)  // decrypts with a context that never encrypted
    // Lengths in a shuffled order, so the reused scratch buffer is longer than some values.
    for length in (0...100).shuffled(using: &rng) {
      let plaintext = rng.utf8String(byteCount: length).bytes
      #expect(plaintext.count == length)
      let text = try Self.encrypt(aes, plaintext)
      #expect(text.utf8.count == Base64.encodedCount(16 + (length / 16 + 1) * 16))
      #expect(try Self.decrypt(other, text) == plaintext)
      #expect(try Self.decrypt(aes, text) == plaintext)
    }
  }

  @Test func encryptingTwiceUsesFreshIVs() throws {
    let aes = try AESCBC(key: Self.specKey)
    let first = try Self.encrypt(aes, "abc".bytes)
    let second = try Self.encrypt(aes, "abc".bytes)
    #expect(first != second)
    let ivs = try [first, second].map { try decodeBase64($0).get().prefix(16) }
    #expect(ivs[0] != ivs[1])
  }

  @Test func ivsStayDistinctAcrossPoolRefillsAndCopies() throws {
    let aes = try AESCBC(key: Self.specKey)
    let copy = try AESCBC(copying: aes)
    var ivs: Set<[UInt8]> = []
    for i in 0..<300 {  // the pool holds 64 IVs
      let text = try Self.encrypt(i % 3 == 0 ? copy : aes, "abc".bytes)
      ivs.insert(Array(try decodeBase64(text).get().prefix(16)))
    }
    #expect(ivs.count == 300)
  }

  @Test func copiesEncryptUnderTheSameKey() throws {
    let aes = try AESCBC(key: Self.specKey)
    let copy = try AESCBC(copying: aes)
    let text = try Self.encrypt(copy, "This is for test".bytes)
    #expect(try Self.decrypt(aes, text) == "This is for test".bytes)
    #expect(try Self.decrypt(copy, Self.specVectors[0].0) == "abc".bytes)
  }

  /// Decoded lengths 0, 1, 15 (shorter than an IV), 16 (IV only), 17 and 31 (partial block).
  @Test("too short or not whole blocks", arguments: [0, 1, 15, 16, 17, 31, 47])
  func shortInputsFail(_ count: Int) throws {
    let aes = try AESCBC(key: Self.specKey)
    let text = base64([UInt8](repeating: 0x41, count: count))
    #expect(throws: CryptoError.decryptFailed) { try Self.decrypt(aes, text) }
  }

  @Test(
    "invalid Base64 fails",
    arguments: [
      "not base64!", "qpxGp6T9DP7wB0EYPQwOYVrScQ/pq3c0D+JQ+hjnfkY",
      "qpxGp6T9DP7wB0EYPQwOYVrScQ/pq3c0D+JQ+hjnfkY=\n",
      "qpxGp6T9DP7wB0EY PQwOYVrScQ/pq3c0D+JQ+hjnfkY=",
      "qpxGp6T9DP7wB0EYPQwOYVrScQ_pq3c0D-JQ+hjnfkY=",
    ])
  func invalidBase64Fails(_ text: String) throws {
    let aes = try AESCBC(key: Self.specKey)
    #expect(throws: CryptoError.decryptFailed) { try Self.decrypt(aes, text) }
  }

  @Test func wrongKeyOrTamperingFailsPadding() throws {
    let wrong = try AESCBC(key: "00000000000000000000000000000000".bytes)
    #expect(throws: CryptoError.decryptFailed) { try Self.decrypt(wrong, Self.specVectors[0].0) }
    // Flip a bit in the last ciphertext block's predecessor (here the IV), garbling the padding.
    var raw = try decodeBase64(Self.specVectors[0].0).get()
    raw[15] ^= 0x01
    let aes = try AESCBC(key: Self.specKey)
    #expect(throws: CryptoError.decryptFailed) { try Self.decrypt(aes, base64(raw)) }
    // The failure leaves nothing behind: the same instance still works.
    #expect(try Self.decrypt(aes, Self.specVectors[1].0) == "This is for test".bytes)
  }

  @Test("invalid key lengths are rejected", arguments: [0, 1, 15, 17, 20, 31, 33, 64])
  func invalidKeyLength(_ count: Int) {
    #expect(throws: CryptoError.invalidKeyLength(count)) {
      try AESCBC(key: [UInt8](repeating: 0x61, count: count))
    }
  }
}
