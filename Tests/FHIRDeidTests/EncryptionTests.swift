import DeidCrypto
import FHIRDeid
import Foundation
import Testing

/// `encrypt` (spec §4.5, §11.6): AES-CBC under `encryptKey`, Base64 of IV ‖ ciphertext.
@Suite struct EncryptionTests {
  /// The string value of `key` in the first object of the output that has it.
  static func stringValue(_ key: String, in output: String) throws -> String {
    let data = Data(output.utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    func find(_ any: Any) -> String? {
      if let d = any as? [String: Any] {
        if let s = d[key] as? String { return s }
        for v in d.values { if let s = find(v) { return s } }
      } else if let a = any as? [Any] {
        for v in a { if let s = find(v) { return s } }
      }
      return nil
    }
    return try #require(find(object), "no string \(key) in \(output)")
  }

  static func decrypt(_ base64: String, key: String) throws -> String {
    let aes = try AESCBC(key: Array(key.utf8))
    let plain = try Array(base64.utf8).withUnsafeBytes { try aes.decryptFromBase64($0) }
    return String(decoding: plain, as: UTF8.self)
  }

  @Test(
    "round trip: the written value decrypts to the value a method sees",
    arguments: [
      ("0123456789abcdef", #""family":"Chalmers""#, "Chalmers"),
      ("0123456789abcdef01234567", #""family":"  ÆŊŋßſ♫∅ 测试 ""#, "ÆŊŋßſ♫∅ 测试"),
      ("704ab12c8e3e46d4bea600ef62a6bec7", #""family":"a\"b\\c\u00e9""#, "a\"b\\cé"),
      ("704ab12c8e3e46d4bea600ef62a6bec7", #""family":"exactly sixteen!""#, "exactly sixteen!"),
    ])
  func roundTrip(_ key: String, _ member: String, _ plaintext: String) throws {
    let h = try EngineHarness(
      config([#"{"path":"Patient.name.family","method":"encrypt"}"#]), encryptKey: key)
    let out = try #require(h.output(#"{"resourceType":"Patient","name":[{\#(member)}]}"#))
    let written = try Self.stringValue("family", in: out)
    #expect(try Self.decrypt(written, key: key) == plaintext)
    // 16-byte IV plus whole blocks, as standard Base64.
    let blocks = plaintext.utf8.count / 16 + 1
    #expect(written.utf8.count == (16 + 16 * blocks + 2) / 3 * 4)
    #expect(out.hasSuffix(#","meta":{"security":["# + maskedLabel + "]}}"))
  }

  @Test("numbers and booleans encrypt their text (True/False) and become strings")
  func nonStrings() throws {
    let key = "0123456789abcdef"
    let h = try EngineHarness(
      config([
        #"{"path":"Patient.active","method":"encrypt"}"#,
        #"{"path":"Patient.multipleBirth","method":"encrypt"}"#,
      ]), encryptKey: key)
    let out = try #require(
      h.output(#"{"resourceType":"Patient","active":false,"multipleBirthInteger":-5}"#))
    #expect(try Self.decrypt(try Self.stringValue("active", in: out), key: key) == "False")
    #expect(
      try Self.decrypt(try Self.stringValue("multipleBirthInteger", in: out), key: key) == "-5")
  }

  @Test("a fresh IV per value: the same text encrypts differently every time")
  func freshIV() throws {
    let h = try EngineHarness(config([#"{"path":"Patient.name.given","method":"encrypt"}"#]))
    var seen = Set<String>()
    for _ in 0..<20 {
      let out = try #require(
        h.output(#"{"resourceType":"Patient","name":[{"given":["Peter","Peter"]}]}"#))
      let data = Data(out.utf8)
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let names = try #require(object["name"] as? [[String: Any]])
      let given = try #require(names.first?["given"] as? [String])
      #expect(given.count == 2)
      for g in given { seen.insert(g) }
    }
    #expect(seen.count == 40)
  }

  @Test("a primitive without a value is left alone; the recursion still reaches its id")
  func nothingToEncrypt() throws {
    let key = "0123456789abcdef"
    let h = try EngineHarness(
      config([#"{"path":"Patient.birthDate","method":"encrypt"}"#]), encryptKey: key)
    let out = try #require(h.output(#"{"resourceType":"Patient","_birthDate":{"id":"b"}}"#))
    #expect(!out.contains(#""birthDate""#))
    #expect(try Self.decrypt(try Self.stringValue("id", in: out), key: key) == "b")
    let none = try EngineHarness(config([#"{"path":"Patient.name","method":"encrypt"}"#]))
    let line = #"{"resourceType":"Patient","gender":"male"}"#
    #expect(none.output(line) == line)
  }

  @Test(
    "§11.6: Microsoft's vectors decrypt under the engine's key bytes",
    arguments: [
      ("qpxGp6T9DP7wB0EYPQwOYVrScQ/pq3c0D+JQ+hjnfkY=", "abc"),
      ("GI99peR2SpPfcqEgzr7/z7gxYym6qyVPPzvmGc8o8SSwqMpCsW0CRj3v6ZsxFCef", "This is for test"),
      ("JxNRbbxL6pYYpbrtHWZ+1gPTPcIVrLWmrugPiUR9d6k=", "!@)(*&%^!@#$%@"),
      ("nQTtB/efLGpEqzOh/Pt4ZRlqZynO7gjePdu7LbLxH2LoqYJXAq6SQWkFeQ1SiqRM", "ͶΆΈΞξτϡϿῧῄᾴѶѾ"),
      ("zrFYnZ2cIwcfmjCVybP1ZC+LaD7gwGXBHR2bZjuutzA=", "测试"),
    ])
  func microsoftVectors(_ base64: String, _ plaintext: String) throws {
    #expect(try Self.decrypt(base64, key: "704ab12c8e3e46d4bea600ef62a6bec7") == plaintext)
  }

  @Test("a key that is not 16, 24 or 32 bytes is a configuration error when a rule encrypts")
  func badKey() throws {
    let encrypting = config([#"{"path":"Patient.name","method":"encrypt"}"#])
    #expect(throws: ConfigurationError.self) {
      _ = try EngineHarness(encrypting, encryptKey: "01234567890123456789")
    }
    // Without an encrypt rule the key is not used, so it is not checked here.
    _ = try EngineHarness(
      config([#"{"path":"Patient.name","method":"redact"}"#]), encryptKey: "short")
  }
}
