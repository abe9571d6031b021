import ByteJSON
import Testing

@Suite("JSONScanner")
struct ScannerTests {
  // MARK: Valid input

  static let validSamples: [String] = [
    "{}", "[]", "0", "-0", "1.50", "8E+1", "-0.0", "1e-7", "true", "false", "null", #""""#,
    #""a""#, "[[]]", "[{}]", #"{"a":{}}"#, #"{"a":[1,2,3],"b":{"c":null}}"#,
    "12345678901234567890123456789012345678901234567890", "-1.7976931348623157e+309",
    #"["é","日本語","😀","\u00e9","\ud83d\ude00","\u2028"]"#,
    #"{"\u0061b":"\"\\\/\b\f\n\r\t"}"#, #"{"a\u0000":0,"a":1}"#, "\"\u{7F}\"",
    " \t\r\n[ 1 , 2 ]\r\n ", #"{"resourceType":"Patient","id":"x","active":true}"#,
    #"["abcdefghijklmnopqrstuvwxyz0123456789 long enough to cross eight-byte words"]"#,
    #"{"a":"é","b":"日本語日本語日本語","c":"😀😀😀😀😀"}"#,
  ]

  @Test(arguments: validSamples)
  func acceptsValidJSON(_ text: String) {
    #expect(scanError(text) == nil)
  }

  @Test("tokens are filled in as documented")
  func tokenFillIn() throws {
    let text = #"{"a":[1,"x\n"],"b":true}"#
    let tape = try scan(text).get()
    let expected: [Token] = [
      Token(kind: .objectStart, start: 0, end: 24, link: 8),
      Token(kind: .key, start: 2, end: 3),
      Token(kind: .arrayStart, start: 5, end: 14, link: 5),
      Token(kind: .number, start: 6, end: 7),
      Token(kind: .string, flags: Token.Flag.hasEscapes, start: 9, end: 12),
      Token(kind: .arrayEnd, start: 13, end: 14, link: 2),
      Token(kind: .key, start: 16, end: 17),
      Token(kind: .true, start: 19, end: 23),
      Token(kind: .objectEnd, start: 23, end: 24, link: 0),
    ]
    #expect(tape.tokens == expected)
    #expect(tape.count == 9)
    #expect(tape[4].hasEscapes)
    #expect(!tape[1].hasEscapes)
  }

  @Test("scalars at top level", arguments: ["0", " 12 ", "\"s\"", "null"])
  func topLevelScalar(_ text: String) throws {
    let tape = try scan(text).get()
    #expect(tape.count == 1)
    #expect(tape[0].link == 0)
  }

  @Test("a reused tape holds only the last line's tokens")
  func tapeReuse() throws {
    var tape = Tape()
    let lines = [#"{"a":[1,2,{"b":3}]}"#, "[]", #"{"x":"y"}"#]
    for line in lines {
      try scan(Array(line.utf8), into: &tape)
      #expect(tape.tokens == (try scan(line).get()).tokens)
    }
    // A failing line leaves the tape reusable.
    #expect(throws: JSONError(.unexpectedEnd, at: 3)) { try scan(Array("[1,".utf8), into: &tape) }
    try scan(Array("[1]".utf8), into: &tape)
    #expect(tape.count == 3)
  }

  // MARK: Invalid input with marked offsets

  static let invalid: [(JSONError.Code, String)] = [
    (.empty, "1️⃣"),
    (.empty, "1️⃣ \t\r\n "),
    (.unexpectedByte, #"{"a": 1️⃣tru}"#),
    (.unexpectedEnd, #"{"a": tru1️⃣"#),
    (.unexpectedEnd, "nul1️⃣"),
    (.unexpectedByte, "1️⃣nulx"),
    (.unexpectedByte, "[1️⃣fals]"),
    (.unexpectedByte, "[1️⃣True]"),
    (.unexpectedByte, #"{"a":1️⃣nan}"#),
    (.unexpectedByte, "[1️⃣Infinity]"),
    (.unexpectedByte, #"{"a":1,1️⃣}"#),
    (.unexpectedByte, "[1,1️⃣]"),
    (.unexpectedByte, "[1,1️⃣,2]"),
    (.unexpectedByte, "[1️⃣,1]"),
    (.unexpectedByte, "{1️⃣,}"),
    (.unexpectedByte, "[1 1️⃣2]"),
    (.unexpectedByte, #"{"a":1 1️⃣"b":2}"#),
    (.unexpectedByte, "{1️⃣a:1}"),
    (.unexpectedByte, "{1️⃣'a':1}"),
    (.unexpectedByte, #"{"a"1️⃣1}"#),
    (.unexpectedByte, #"{"a":1️⃣}"#),
    (.unexpectedByte, #"{"a":[11️⃣}"#),
    (.unexpectedByte, "[1️⃣}"),
    (.unexpectedByte, "1️⃣]"),
    (.unexpectedByte, "[1️⃣'a']"),
    (.unexpectedByte, "1️⃣\u{FEFF}{}"),
    (.unexpectedByte, "1️⃣\u{0}"),
    (.unexpectedByte, "[1️⃣\u{0B}1]"),
    (.unexpectedByte, "[1️⃣\u{0C}1]"),
    (.unexpectedByte, "[1️⃣\u{A0}1]"),
    (.unexpectedByte, "1️⃣.5"),
    (.unexpectedByte, "1️⃣+1"),
    (.unexpectedEnd, "[1,21️⃣"),
    (.unexpectedEnd, #"{"a":1️⃣"#),
    (.unexpectedEnd, #"{"a"1️⃣"#),
    (.unexpectedEnd, "{1️⃣"),
    (.unexpectedEnd, "[ 1️⃣"),
    (.unexpectedEnd, "-1️⃣"),
    (.unexpectedEnd, "1.1️⃣"),
    (.unexpectedEnd, "1e+1️⃣"),
    (.badNumber, "-1️⃣a"),
    (.badNumber, "-1️⃣.5"),
    (.badNumber, "[-1️⃣Infinity]"),
    (.badNumber, "01️⃣1"),
    (.badNumber, "-01️⃣0"),
    (.badNumber, "1.1️⃣e5"),
    (.badNumber, "1.1️⃣]"),
    (.badNumber, "1e1️⃣x"),
    (.badNumber, "1E+1️⃣-"),
    (.unterminatedString, #"1️⃣"abc"#),
    (.unterminatedString, #"{"a":1️⃣"abc}"#),
    (.unterminatedString, #"[1️⃣"a\"#),
    (.unterminatedString, #"[1️⃣"a\u00"#),
    (.unterminatedString, #"[1️⃣"a\uD800"#),
    (.unterminatedString, #"[1️⃣"a\uD800\u"#),
    (.unterminatedString, #"{1️⃣"key"#),
    (.badEscape, #""1️⃣\x""#),
    (.badEscape, #""1️⃣\U0041""#),
    (.badEscape, #""abc1️⃣\'""#),
    (.badEscape, #""1️⃣\u12G4""#),
    (.badEscape, #""1️⃣\u12""#),
    (.badEscape, #""1️⃣\uD800""#),
    (.badEscape, #""1️⃣\uDC00""#),
    (.badEscape, #""x1️⃣\udfff\ud800""#),
    (.badEscape, #""1️⃣\uD800\u0041""#),
    (.badEscape, #""1️⃣\uD800\uD800""#),
    (.badEscape, #""1️⃣\uD800\n""#),
    (.badEscape, #""1️⃣\uD800x""#),
    (.badEscape, #""\uD8001️⃣\uZZZZ""#),
    (.controlCharacter, "\"a1️⃣\u{1}\""),
    (.controlCharacter, "\"a1️⃣\t\""),
    (.controlCharacter, "\"line1️⃣\nbreak\""),
    (.controlCharacter, "\"a long string with more than eight bytes1️⃣\u{1F}\""),
    (.controlCharacter, "{\"k1️⃣\u{0}\":1}"),
    (.trailingContent, "{}1️⃣{}"),
    (.trailingContent, "[] 1️⃣x"),
    (.trailingContent, #"{"a":1}1️⃣}"#),
    (.trailingContent, "1.5 1️⃣.3"),
    (.trailingContent, "1 1️⃣2"),
    (.trailingContent, "{\"a\":1}1️⃣\u{0}"),
    (.trailingContent, "\"a\"1️⃣\"b\""),
    (.duplicateKey, #"{"a":1,1️⃣"a":2}"#),
    (.duplicateKey, #"{"a":1,"b":2,1️⃣"a":3}"#),
    (.duplicateKey, #"{"a":1,1️⃣"\u0061":2}"#),
    (.duplicateKey, #"{"\u0061":1,1️⃣"a":2}"#),
    (.duplicateKey, #"{"\u0061":1,1️⃣"\u0061":2}"#),
    (.duplicateKey, #"{"/":1, 1️⃣"\/":2}"#),
    (.duplicateKey, #"{"é":1,1️⃣"\u00e9":2}"#),
    (.duplicateKey, #"{"😀":1,1️⃣"\ud83d\ude00":2}"#),
    (.duplicateKey, #"{"a":{"b":1,1️⃣"b":2}}"#),
    (.duplicateKey, #"{"a":[1,{"x":[]}],"b":2,1️⃣"a":3}"#),
    (.duplicateKey, #"{"":1,1️⃣"":2}"#),
  ]

  @Test(arguments: invalid.map { ($0.0, Marked($0.1)) })
  func rejectsInvalidJSON(_ code: JSONError.Code, _ input: Marked) {
    #expect(scanError(input.bytes) == JSONError(code, at: input.offset))
  }

  @Test func batteryIsLargeAndCoversEveryCodeButTooLarge() {
    #expect(Self.invalid.count >= 40)
    let codes = Set(Self.invalid.map(\.0.rawValue))
    // UTF-8 errors cannot be written in a String; depth and size have their own tests.
    let elsewhere: [JSONError.Code] = [.invalidUTF8, .tooDeep, .tooLarge]
    let expected = Set(JSONError.Code.allCases.filter { !elsewhere.contains($0) }.map(\.rawValue))
    #expect(codes == expected)
  }

  // MARK: UTF-8

  static let invalidUTF8: [[UInt8]] = [
    [0xC0, 0xAF],  // overlong "/"
    [0xC1, 0xBF],  // overlong
    [0xE0, 0x80, 0xAF],  // overlong
    [0xF0, 0x80, 0x80, 0xAF],  // overlong
    [0xED, 0xA0, 0x80],  // UTF-8-encoded surrogate U+D800
    [0xED, 0xBF, 0xBF],  // U+DFFF
    [0xF4, 0x90, 0x80, 0x80],  // U+110000
    [0xF5, 0x80, 0x80, 0x80],
    [0xFF], [0xFE], [0x80], [0xBF],  // never valid / stray continuation
    [0xE2, 0x82],  // truncated by the closing quote
    [0xF0, 0x9F, 0x98],  // truncated
    [0xC3, 0x41],  // continuation missing
    [0xE2, 0x28, 0xA1],
    [0xF0, 0x9F, 0x28, 0x80],
  ]

  @Test(arguments: invalidUTF8)
  func rejectsInvalidUTF8(_ sequence: [UInt8]) {
    // At the start of a string, after a long ASCII run, and as a key.
    #expect(scanError([0x22] + sequence + [0x22]) == JSONError(.invalidUTF8, at: 1))
    let prefix = Array(#"["0123456789abcdef"#.utf8)
    #expect(
      scanError(prefix + sequence + Array(#""]"#.utf8))
        == JSONError(.invalidUTF8, at: prefix.count))
    #expect(
      scanError(Array(#"{"ab"#.utf8) + sequence + Array(#"":1}"#.utf8))
        == JSONError(.invalidUTF8, at: 4))
  }

  @Test("a sequence truncated by the end of the line")
  func truncatedAtEnd() {
    #expect(scanError([0x22, 0x61, 0xE2, 0x82]) == JSONError(.invalidUTF8, at: 2))
    #expect(scanError([0x22, 0xF0]) == JSONError(.invalidUTF8, at: 1))
  }

  static let validUTF8: [[UInt8]] = [
    [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
    [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    [0xF0, 0x9F, 0x98, 0x80], [0xE2, 0x80, 0xA8],
  ]

  @Test(arguments: validUTF8)
  func acceptsBoundaryUTF8(_ sequence: [UInt8]) {
    #expect(scanError([0x22] + sequence + [0x22]) == nil)
    #expect(scanError([0x22] + Array(repeating: 0x61, count: 9) + sequence + [0x22]) == nil)
  }

  @Test("UTF-8 validity agrees with the standard library for every lead and second byte")
  func utf8AgreesWithStandardLibrary() {
    var mismatches: [[UInt8]] = []
    for lead in UInt8(0x80)...0xFF {
      for second in UInt8(0x00)...0xFF {
        // Skip bytes the scanner treats specially before UTF-8 is even considered.
        if second == 0x22 || second == 0x5C || second < 0x20 { continue }
        let content: [UInt8] = [lead, second, 0x80, 0x80]
        for k in 2...4 {
          let piece = Array(content[..<k])
          let expected = String(validating: piece, as: UTF8.self) != nil
          let error = scanError([0x22] + piece + [0x22])
          if (error == nil) != expected || (error != nil && error?.code != .invalidUTF8) {
            mismatches.append(piece)
          }
        }
      }
    }
    #expect(mismatches.isEmpty)
  }

  // MARK: Depth

  @Test("depth limit: 128 nested containers pass, 129 fail at the 129th bracket")
  func depthLimit() {
    let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(scanError(ok) == nil)
    let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
    #expect(scanError(deep) == JSONError(.tooDeep, at: 128))
    let objects =
      String(repeating: #"{"a":"#, count: 128) + "1" + String(repeating: "}", count: 128)
    #expect(scanError(objects) == nil)
    let deeperObjects = String(repeating: #"{"a":"#, count: 129) + "1"
    #expect(scanError(deeperObjects) == JSONError(.tooDeep, at: 128 * 5))
  }

  @Test("a custom limit counts containers, not values")
  func customDepth() {
    #expect(scanError(#"{"a":[1]}"#, maxDepth: 2) == nil)
    #expect(scanError(#"{"a":[[1]]}"#, maxDepth: 2) == JSONError(.tooDeep, at: 6))
    #expect(scanError("1", maxDepth: 0) == nil)
    #expect(scanError("[]", maxDepth: 0) == JSONError(.tooDeep, at: 0))
    // Depth goes back down after closing.
    #expect(scanError("[[1],[2],[[]]]", maxDepth: 3) == nil)
  }

  // MARK: Duplicate keys

  @Test(arguments: [
    #"{"a":{"a":1},"b":{"a":2}}"#, #"{"a":[{"a":1},{"a":1}]}"#, #"{"a":1,"A":2,"a ":3}"#,
    #"{"a\u0000":1,"a":2}"#, #"{"ab":1,"a":2,"b":3}"#, #"{"\u00e9":1,"e\u0301":2}"#,
  ])
  func distinctKeysAreAccepted(_ text: String) {
    #expect(scanError(text) == nil)
  }

  /// `{"k0":0,"k1":1,...}` with `count` members, optionally with spellings from `spelling`.
  static func bigObject(_ count: Int, spelling: (Int) -> String = { "k\($0)" }) -> String {
    "{" + (0..<count).map { #""\#(spelling($0))":\#($0)"# }.joined(separator: ",") + "}"
  }

  @Test("large objects", arguments: [16, 17, 18, 40, 300])
  func largeObjects(_ count: Int) {
    #expect(scanError(Self.bigObject(count)) == nil)
    // Two sibling large objects with the same keys, and one nested in another.
    let twin = Self.bigObject(count)
    #expect(scanError("[\(twin),\(twin)]") == nil)
    #expect(scanError(#"{"inner":\#(twin),"k0":1}"#) == nil)
    // A duplicate as the last member, spelled plainly and with an escape.
    for (name, key) in [("k0", "k0"), ("k\(count / 2)", "k\(count / 2)"), ("k1", #"\u006b1"#)] {
      let body = (0..<count).map { #""k\#($0)":0"# }.joined(separator: ",")
      let prefix = "{" + body + ","
      let text = prefix + #""\#(key)":1}"#
      #expect(
        scanError(text) == JSONError(.duplicateKey, at: prefix.utf8.count), "duplicate of \(name)")
    }
  }

  @Test("a duplicate among escaped keys of a large object")
  func largeEscapedObject() {
    let spelled = Self.bigObject(30) { #"\u006b\#($0)"# }
    #expect(scanError(spelled) == nil)
    let prefix = String(spelled.dropLast()) + ","
    #expect(scanError(prefix + #""k29":1}"#) == JSONError(.duplicateKey, at: prefix.utf8.count))
  }

  @Test("large objects across reused tapes are judged per line")
  func largeObjectsAcrossLines() throws {
    var tape = Tape()
    let text = Array(Self.bigObject(50).utf8)
    for _ in 0..<5 {
      try scan(text, into: &tape)
    }
    #expect(tape.count == 102)
  }

  // MARK: Size

  @Test("lines of 4 GiB or more are rejected before any byte is read")
  func tooLarge() {
    var tape = Tape()
    let byte: [UInt8] = [0x20]
    let error = byte.withUnsafeBytes { buffer -> JSONError? in
      // Only the count is looked at; the scanner must not touch the bytes.
      let huge = UnsafeRawBufferPointer(start: buffer.baseAddress, count: 1 << 32)
      do throws(JSONError) {
        try JSONScanner().scan(huge, into: &tape)
        return nil
      } catch {
        return error
      }
    }
    #expect(error == JSONError(.tooLarge, at: 0))
  }
}
