import ByteJSON
import Testing

@Suite("JSONEscaping")
struct JSONEscapingTests {
  func quoted(_ text: String) -> String {
    var out: [UInt8] = []
    JSONEscaping.appendQuoted(Array(text.utf8), to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  func unescaped(_ raw: String) -> String {
    var out: [UInt8] = []
    Array(raw.utf8).withUnsafeBytes { JSONEscaping.unescape($0, into: &out) }
    return String(decoding: out, as: UTF8.self)
  }

  @Test(
    "escapes like Json.NET",
    arguments: [
      ("", #""""#),
      ("plain", #""plain""#),
      ("a\"b\\c", #""a\"b\\c""#),
      ("\u{8}\u{9}\u{A}\u{C}\u{D}", #""\b\t\n\f\r""#),
      ("\u{0}\u{1}\u{B}\u{E}\u{1F}", #""\u0000\u0001\u000b\u000e\u001f""#),
      ("\u{85}|\u{2028}|\u{2029}", #""\u0085|\u2028|\u2029""#),
      (
        "/ \u{7F} é 日本 😀 \u{84}\u{86}\u{2027}\u{202A}",
        "\"/ \u{7F} é 日本 😀 \u{84}\u{86}\u{2027}\u{202A}\""
      ),
      ("ends with \u{2029}", #""ends with \u2029""#),
      ("\u{85}", #""\u0085""#),
    ])
  func appendQuoted(_ text: String, _ expected: String) {
    #expect(quoted(text) == expected)
  }

  @Test(
    "the eight-byte skip finds a special character at every offset",
    arguments: [
      ("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1F}", #"\u001f"#),
      ("\u{85}", #"\u0085"#), ("\u{2028}", #"\u2028"#), ("é", "é"), ("\u{7F}", "\u{7F}"),
    ])
  func appendQuotedAtEveryOffset(_ special: String, _ escaped: String) {
    for before in 0..<20 {
      let prefix = String(repeating: "a", count: before)
      let suffix = String(repeating: "b", count: 19 - before)
      #expect(quoted(prefix + special + suffix) == "\"" + prefix + escaped + suffix + "\"")
    }
  }

  @Test("appendQuoted takes raw buffers and non-contiguous collections alike")
  func appendQuotedOverloads() {
    var viaBuffer: [UInt8] = Array("x".utf8)
    Array("a\nb".utf8).withUnsafeBytes { JSONEscaping.appendQuoted($0, to: &viaBuffer) }
    #expect(String(decoding: viaBuffer, as: UTF8.self) == #"x"a\nb""#)
    var viaSequence: [UInt8] = []
    JSONEscaping.appendQuoted("a\nb".utf8, to: &viaSequence)  // String.UTF8View
    #expect(String(decoding: viaSequence, as: UTF8.self) == #""a\nb""#)
  }

  @Test(
    "unescape decodes every escape",
    arguments: [
      (#"plain"#, "plain"),
      (#"\"\\\/\b\f\n\r\t"#, "\"\\/\u{8}\u{C}\u{A}\u{D}\u{9}"),
      (#"\u0041\u00e9\u00E9\u65e5\u2028"#, "Aéé日\u{2028}"),
      (#"\ud83d\ude00 and \uD83D\uDE00"#, "😀 and 😀"),
      (#"\u0000x"#, "\u{0}x"),
      (#"é\n日"#, "é\n日"),
    ])
  func unescape(_ raw: String, _ expected: String) {
    #expect(unescaped(raw) == expected)
  }

  @Test("unescape does not trap on malformed input")
  func unescapeMalformed() {
    #expect(unescaped(#"a\"#) == #"a\"#)
    #expect(unescaped(#"\x"#) == #"\x"#)
    #expect(unescaped(#"\u12"#) == #"\u12"#)
    #expect(unescaped(#"\ud800x"#) == "\u{FFFD}x")
    #expect(unescaped(#"\udc00"#) == "\u{FFFD}")
  }

  @Test("unescape appends")
  func unescapeAppends() {
    var out: [UInt8] = Array("ab".utf8)
    Array(#"\n"#.utf8).withUnsafeBytes { JSONEscaping.unescape($0, into: &out) }
    #expect(out == Array("ab\n".utf8))
  }

  /// A random string biased towards characters that need escaping.
  static func randomString(_ rng: inout SeededGenerator) -> String {
    let special: [Unicode.Scalar] = [
      "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}", "\u{7F}",
      "\u{85}", "\u{2028}", "\u{2029}", "é", "日", "😀", "\u{10FFFF}", "\u{FFFF}", "\u{E000}",
    ]
    var scalars = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...24, using: &rng) {
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: scalars.append(special[Int.random(in: 0..<special.count, using: &rng)])
      case 1: scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
      case 2: scalars.append(Unicode.Scalar(UInt8.random(in: 0...0x1F, using: &rng)))
      default:
        let value = UInt32.random(in: 0x80...0x10FFFF, using: &rng)
        scalars.append(Unicode.Scalar(value) ?? "?")  // surrogates are not scalars
      }
    }
    return String(scalars)
  }

  @Test("appendQuoted then scan then unescape gives back the string", arguments: [1, 2, 3, 4])
  func escapeRoundTrip(_ seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<500 {
      let original = Self.randomString(&rng)
      var literal: [UInt8] = []
      JSONEscaping.appendQuoted(Array(original.utf8), to: &literal)
      let tape = try scan(literal).get()
      #expect(tape.count == 1 && tape[0].kind == .string)
      // Only the characters Json.NET escapes come out as escapes.
      for byte in literal.dropFirst().dropLast() { #expect(byte >= 0x20) }
      var decoded: [UInt8] = []
      literal.withUnsafeBytes {
        JSONEscaping.unescape(tape.rawBytes(of: 0, in: $0), into: &decoded)
      }
      #expect(decoded == Array(original.utf8), "\(original.debugDescription)")
      // keyEquals agrees with the decoded value.
      literal.withUnsafeBytes { #expect(tape.keyEquals(0, Array(original.utf8), in: $0)) }
    }
  }

  @Test("unescaping a written escape sequence agrees with the standard library's decoding")
  func unescapeMatchesScalars() {
    var rng = SeededGenerator(seed: 99)
    for _ in 0..<500 {
      let scalar =
        Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &rng)) ?? "A"
      var raw = ""
      if scalar.value > 0xFFFF {
        let v = scalar.value - 0x10000
        raw = hexEscape(0xD800 + (v >> 10)) + hexEscape(0xDC00 + (v & 0x3FF))
      } else {
        raw = hexEscape(scalar.value)
      }
      #expect(unescaped(raw) == String(Character(scalar)), "\(raw)")
    }
  }

  func hexEscape(_ unit: UInt32) -> String {
    let hex = String(unit, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
