import DeidCrypto
import Testing

@Suite struct DateShiftHashTests {
  /// Spec §11.4, derived offsets: (prefix, key, offset).
  static let table: [(String, String, Int)] = [
    ("", "dummy", -21),
    ("", "", -50),
    ("example", "123", 41),
    ("bundle-transaction", "123", 7),
  ]

  @Test("spec §11.4 offsets", arguments: table)
  func specOffsets(_ prefix: String, _ key: String, _ offset: Int) {
    #expect(DateShiftHash.offset(prefix: prefix.bytes, key: key.bytes) == offset)
    prefix.bytes.withUnsafeBytes {
      #expect(DateShiftHash.offset(prefix: $0, key: key.bytes) == offset)
    }
  }

  /// Spec §11.4 rows where the prefix is the cryptoHashed root id (key `123` for both).
  @Test(
    "hashed root ids as prefix",
    arguments: [("example", -20), ("100150", -41), ("lipid", -11), ("C-123", -11)])
  func hashedPrefix(_ id: String, _ offset: Int) throws {
    let mac = try HMACSHA256(key: "123".bytes)
    let prefix = try hexDigest(mac, id.bytes)
    if id == "example" {
      #expect(prefix == "698d54f0494528a759f19c8e87a9f99e75a5881b9267ee3926bcf62c992d84ba")
    }
    #expect(DateShiftHash.offset(prefix: prefix.bytes, key: "123".bytes) == offset)
  }

  @Test("the fold sees prefix ‖ key as one byte string", arguments: 0..<4)
  func concatenation(_ seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<50 {
      let whole = rng.bytes(Int.random(in: 0...80, using: &rng))
      let split = Int.random(in: 0...whole.count, using: &rng)
      let offset = DateShiftHash.offset(prefix: Array(whole[..<split]), key: Array(whole[split...]))
      #expect(offset == DateShiftHash.offset(prefix: [], key: whole))
      #expect((-50...50).contains(offset))
    }
  }
}
