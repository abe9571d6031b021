import DeidCrypto
import Testing

@Suite struct RandomKeyTests {
  @Test func hex32IsLowerCaseHexAndFresh() throws {
    let keys = (0..<4).map { _ in RandomKey.hex32() }
    for key in keys {
      #expect(key.utf8.count == 32)
      #expect(key.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
      _ = try AESCBC(key: key.bytes)  // usable as an AES-256 encryptKey
    }
    #expect(Set(keys).count == keys.count)
  }

  @Test(arguments: [0, 1, 16, 32, 1000])
  func bytesHaveTheRequestedCount(_ count: Int) {
    #expect(RandomKey.bytes(count: count).count == count)
  }
}
