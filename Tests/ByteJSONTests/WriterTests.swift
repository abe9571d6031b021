import ByteJSON
import Testing

@Suite("Compact writer")
struct WriterTests {
  static let compactSamples: [String] = [
    "{}", "[]", "0", "-0", "1.50", "8E+1", "-0.0", "1e-7", "true", "false", "null", #""""#,
    "12345678901234567890123456789012345678901234567890", "-1.7976931348623157e+309",
    #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #"[[],{},[{}],{"a":[]}]"#,
    #"["é","日本語","😀","\u00E9","\ud83d\ude00","\u2028","\/","\"\\\b\f\n\r\t"]"#,
    #"{"resourceType":"Observation","valueQuantity":{"value":1.50,"unit":"mg"}}"#,
    String(repeating: "[", count: 128) + String(repeating: "]", count: 128),
    String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100),
  ]

  @Test("compact input comes back byte for byte", arguments: compactSamples)
  func roundTrip(_ text: String) {
    #expect(compact(text) == text)
  }

  @Test(
    "whitespace goes, lexemes and escapes stay",
    arguments: [
      (" { \"a\" : 1.50 ,\n\t\"b\" : [ 8E+1 , -0.0 ] } ", #"{"a":1.50,"b":[8E+1,-0.0]}"#),
      ("[\r\n  \"\\u00e9\\n\" ,\r\n  \"x\"\r\n]", #"["\u00e9\n","x"]"#),
      ("\n\n  true \n", "true"),
      ("{ }", "{}"), ("[ ]", "[]"), ("[ [ ] , { } ]", "[[],{}]"),
      ("{\"a\":{\"b\" :[1, 2]} }", #"{"a":{"b":[1,2]}}"#),
    ])
  func prettyToCompact(_ pretty: String, _ expected: String) {
    #expect(compact(pretty) == expected)
  }

  @Test("random documents: pretty and compact spellings both give the compact one")
  func randomDocuments() {
    var generator = JSONGenerator(seed: 0x5EED)
    for _ in 0..<300 {
      let document = generator.value()
      #expect(compact(document.pretty) == document.compact, "\(document.pretty.debugDescription)")
      #expect(compact(document.compact) == document.compact)
    }
  }

  @Test("a token range is written on its own, for splicing")
  func subRanges() throws {
    let bytes = Array(#"{ "a" : [ 1 , 2 ] , "b" : { "c" : "d" } }"#.utf8)
    let tape = try scan(bytes).get()
    bytes.withUnsafeBytes { raw in
      func write(_ range: Range<Int>) -> String {
        var out: [UInt8] = Array("<".utf8)  // appends, never clears
        tape.writeCompact(tokens: range, from: raw, into: &out)
        return String(decoding: out, as: UTF8.self)
      }
      let b = tape.member(named: "b", in: 0, bytes: raw) ?? -1
      #expect(write(b..<tape.next(after: b)) == #"<{"c":"d"}"#)
      #expect(write(1..<tape.next(after: 1)) == #"<"a":[1,2]"#)
      #expect(write(1..<(tape.count - 1)) == #"<"a":[1,2],"b":{"c":"d"}"#)
      #expect(write(3..<4) == "<1")
      #expect(write(3..<5) == "<1,2")
      #expect(write(3..<3) == "<")
      #expect(write(0..<tape.count) == #"<{"a":[1,2],"b":{"c":"d"}}"#)
    }
  }
}
