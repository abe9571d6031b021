import DeidCrypto
import Testing

@Suite struct HMACSHA256Tests {
  /// Spec §11.1 and the non-reference rows of §11.2 (key `123`), plus `Address.city`, and the
  /// empty message (its digest from Python's `hmac`; `cryptoHash` itself keeps "" empty).
  static let key123: [(String, String)] = [
    ("", "6d6cd63284be4a47ba7aec4a3458939a95dcbdd5cd0438f23d7457099b4b917c"),
    ("abc", "8f16771f9f8851b26f4d460fa17de93e2711c7e51337cb8a608a0f81e1c1b6ae"),
    ("&*^%$@()=-,/", "33f6f7d6b3602bf5354dcb4b8d988982602349355f50f86798d8ce1ffd61521b"),
    ("ÆŊŋßſ♫∅", "1a94823f0a0f00a4b1ca771c3446dc5e17958f4dae3588ace2bca8a843eb63d9"),
    (
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890!@#$%^&*()=-",
      "352b5a4af5adb81fa616c2a5b5c492d0b0b544c188a9aa003767a2b5efbd1478"
    ),
    ("a", "69e99e82127c1f146f50653e02b92c4bb0c3bc182a6165a5bbce5f4f94e1ccb7"),
    (
      "bb6f4872-e456-42d5-a9da-a0d82cb7ea29",
      "73defcb8fcaf4c0c3d5c77f05b479cadbe502db2ef6e9b1523d2bfee31f3b999"
    ),
    ("urn:oid:1.2.3.4.5", "6aa8e3e9af18cae990adc9c26dc006ebf633dd1332886867a691ee2d5247dd15"),
    (
      "urn:uuid:c757873d-ec9a-4326-a141-556f43239520",
      "23a940be8f03522b52a393c7194407796bb5ea3c02b926b0e42fdab94ca30bad"
    ),
    ("2020-04-12", "1e99c6a8b99d3c8b4906c2e80911ad3b5961fd7498d3bc2b96fb128bc7148f90"),
    (
      "2017-01-01T00:00:00.000Z",
      "4c765fc04a6f9967d493ff39238d47993c709d3392a72060efeff285cf7b2501"
    ),
    ("patienttestcity1", "c4321653de997f3029d2efa38dd4baa6c9c2f6bd67b8a52be789f157f8b286ce"),
    ("example", "698d54f0494528a759f19c8e87a9f99e75a5881b9267ee3926bcf62c992d84ba"),
  ]

  @Test("spec §11.1/§11.2 vectors, key 123", arguments: key123)
  func specVectors(_ message: String, _ expected: String) throws {
    let mac = try HMACSHA256(key: "123".bytes)
    #expect(try hexDigest(mac, message.bytes) == expected)
  }

  /// RFC 4231 cases 1, 2 and 6 (key longer than the block), and an empty key (Python's `hmac`).
  static let otherKeys: [([UInt8], String, String)] = [
    (
      [UInt8](repeating: 0x0B, count: 20), "Hi There",
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    (
      "Jefe".bytes, "what do ya want for nothing?",
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    (
      [UInt8](repeating: 0xAA, count: 131),
      "Test Using Larger Than Block-Size Key - Hash Key First",
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    ([], "abc", "fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351"),
  ]

  @Test("RFC 4231 vectors and the empty key", arguments: otherKeys)
  func otherKeyVectors(_ key: [UInt8], _ message: String, _ expected: String) throws {
    let mac = try HMACSHA256(key: key)
    #expect(try hexDigest(mac, message.bytes) == expected)
  }

  @Test func rawDigestMatchesHexAndBothAppend() throws {
    let mac = try HMACSHA256(key: "123".bytes)
    var raw: [UInt8] = [0xEE]
    var hex: [UInt8] = Array("x:".utf8)
    try "abc".bytes.withUnsafeBytes {
      try mac.authenticate($0, into: &raw)
      try mac.hexDigest($0, into: &hex)
    }
    #expect(raw.count == 33 && raw[0] == 0xEE)
    let rawAsHex = raw.dropFirst().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    #expect("x:" + rawAsHex == String(decoding: hex, as: UTF8.self))
    #expect(rawAsHex == Self.key123[1].1)
  }

  @Test func repeatedCallsGiveTheSameDigest() throws {
    let mac = try HMACSHA256(key: "123".bytes)
    for _ in 0..<3 {
      for (message, expected) in Self.key123 {
        #expect(try hexDigest(mac, message.bytes) == expected)
      }
    }
  }

  @Test func copiesMatchTheTemplate() throws {
    let template = try HMACSHA256(key: "123".bytes)
    _ = try hexDigest(template, "warm-up".bytes)  // a used template still copies its key only
    let copy = try HMACSHA256(copying: template)
    let copyOfCopy = try HMACSHA256(copying: copy)
    for (message, expected) in Self.key123 {
      #expect(try hexDigest(copy, message.bytes) == expected)
      #expect(try hexDigest(copyOfCopy, message.bytes) == expected)
      #expect(try hexDigest(template, message.bytes) == expected)
    }
  }

  @Test func separateCopiesOnTwoThreads() async throws {
    let template = try HMACSHA256(key: "123".bytes)
    var rng = SplitMix64(seed: 7)
    let messages = (0..<400).map { rng.bytes($0 % 150) }
    let expected = try messages.map { try hexDigest(template, $0) }
    // The compiler merges each copy's region with the template's, so it cannot prove the hand-off
    // safe; it is: each copy goes to exactly one task, which alone uses it, and the template is
    // not touched while the tasks run.
    nonisolated(unsafe) let first = try HMACSHA256(copying: template)
    nonisolated(unsafe) let second = try HMACSHA256(copying: template)
    let a = Task.detached { try messages.map { try hexDigest(first, $0) } }
    let b = Task.detached { try messages.reversed().map { try hexDigest(second, $0) } }
    #expect(try await a.value == expected)
    #expect(try await b.value == expected.reversed())
  }
}

@Test("SHA-256 of known inputs (FIPS 180-2 vectors)")
func sha256KnownAnswers() {
  #expect(
    SHA256.hexDigest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  #expect(
    SHA256.hexDigest(Array("abc".utf8))
      == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
}
