import ByteJSON
import Foundation
import Testing

/// Validity (not error codes) against Foundation's `JSONSerialization` on mutated documents.
@Suite("Differential: JSONSerialization")
struct DifferentialTests {
  static let seeds: [String] = [
    #"{"resourceType":"Patient","id":"p1","name":[{"family":"Doe","given":["J\u00e9"]}]}"#,
    #"[1,-0,1.50,8E+1,-0.0,1e-7,true,false,null,"a\"b",{"x":[]}]"#,
    #"{"a":{"b":{"c":[1,2,{"d":"\ud83d\ude00 é"}]}},"e":""}"#,
    #" [ "x" , { "y" : 12.5e3 } ] "#,
  ]

  /// Bytes that make interesting mutations: structure, number parts, escapes, UTF-8 pieces.
  static let alphabet: [UInt8] =
    Array(#"{}[]:,"\/ubnt0123456789-+.eE ax"#.utf8) + [
      0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xA9, 0xE2, 0xED, 0xA0, 0xF0, 0xF4,
      0x90, 0xFF,
    ]

  static func mutate(_ input: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      let at = Int.random(in: 0...bytes.count, using: &rng)
      let byte = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
      switch Int.random(in: 0..<3, using: &rng) {
      case 0: bytes.insert(byte, at: at)
      case 1 where at < bytes.count: bytes[at] = byte
      default: if at < bytes.count { bytes.remove(at: at) }
      }
    }
    return bytes
  }

  static func foundationAccepts(_ bytes: [UInt8]) -> Bool {
    (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
  }

  /// Whether `error` is a closing bracket right after a comma (whitespace between allowed).
  static func isTrailingComma(_ error: JSONError, in bytes: [UInt8]) -> Bool {
    let at = Int(error.offset)
    guard error.code == .unexpectedByte, at < bytes.count, bytes[at] == 0x5D || bytes[at] == 0x7D
    else { return false }
    let before = bytes[..<at].last { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    return before == 0x2C
  }

  /// Whether a valid text holds a number that overflows a Double.
  static func hasHugeNumber(_ bytes: [UInt8]) -> Bool {
    guard case .success(let tape) = scan(bytes) else { return false }
    return tape.tokens.contains { token in
      token.kind == .number
        && Double(String(decoding: bytes[token.range], as: UTF8.self))?.isFinite != true
    }
  }

  @Test("valid and invalid agree on mutated documents", arguments: seeds.indices)
  func agreesWithFoundation(_ seedIndex: Int) {
    var rng = SeededGenerator(seed: UInt64(seedIndex) &+ 1)
    let seed = Array(Self.seeds[seedIndex].utf8)
    var disagreements: [String] = []
    var validCount = 0
    for _ in 0..<400 {
      let input = Self.mutate(seed, &rng)
      let ours = scanError(input)
      // Foundation accepts duplicate keys; RFC 8259 leaves them open and we reject them.
      if ours?.code == .duplicateKey { continue }
      // Foundation also accepts a trailing comma (`[1,]`, `{"a":1,}`), which RFC 8259 does not.
      if let ours, Self.isTrailingComma(ours, in: input) { continue }
      // Foundation rejects numbers beyond Double's range; we keep lexemes and never parse them.
      if ours == nil && Self.hasHugeNumber(input) { continue }
      if ours == nil { validCount += 1 }
      if (ours == nil) != Self.foundationAccepts(input) {
        disagreements.append("\(input) ours: \(String(describing: ours))")
      }
    }
    #expect(disagreements.isEmpty)
    #expect(validCount > 10)
  }
}
