import ByteJSON
import Testing

@Suite("JSONError position")
struct JSONErrorTests {
  @Test(
    arguments: [
      (#"{"a": 1️⃣tru}"#, 1, 7),
      ("1️⃣", 1, 1),
      (#"{"é": 1️⃣x}"#, 1, 7),
      (#"["日本😀", 1️⃣x]"#, 1, 9),
      ("{\n  \"a\": 1️⃣x\n}", 2, 8),
      ("[\n1,\n\n  1️⃣x]", 4, 3),
      ("[1,\r\n 1️⃣x]", 2, 2),
      ("\n1️⃣", 2, 1),
    ])
  func position(_ source: String, _ line: Int, _ column: Int) {
    let input = Marked(source)
    let error = JSONError(.unexpectedByte, at: input.offset)
    #expect(error.position(in: input.bytes) == (line, column))
    input.bytes.withUnsafeBytes { #expect(error.position(in: $0) == (line, column)) }
  }

  @Test("the scanner's own offsets map to positions")
  func scannerOffsets() throws {
    let text = "{\n  \"name\": \"Zoë\",\n  \"age\": 01\n}"
    let error = try #require(scanError(text))
    #expect(error.code == .badNumber)
    #expect(error.position(in: Array(text.utf8)) == (3, 11))
  }

  @Test("offsets past the end are clamped")
  func clamped() {
    let error = JSONError(.unexpectedEnd, at: 99)
    #expect(error.position(in: Array("ab\ncd".utf8)) == (2, 3))
    #expect(error.position(in: []) == (1, 1))
  }

  @Test("every code has a description without placeholders")
  func descriptions() {
    for code in JSONError.Code.allCases { #expect(!code.description.isEmpty) }
  }
}
