import ByteJSON
import Testing

/// #14: the scanner's strictness about separators and missing values, from many angles, so that a
/// scanner accepting one malformed shape fails more than one vector. A lenient scanner lets a
/// line through that Microsoft's tool would reject, and what it then reads may differ from what
/// another reader of the same line sees.
@Suite struct ScannerStrictnessTests {
  /// Trailing commas: in arrays and objects, at the top level and nested, with whitespace.
  static let trailingCommas = [
    "[1,]", "[1 ,]", "[1, ]", "[1,\n]", "[1,\t\r\n ]", "[[],]", "[{},]", "[\"a\",]", "[true,]",
    "[null,]", "[1,2,3,]", "[[1,],2]", "[[1],[2,]]", #"{"a":[1,]}"#, #"{"a":[{"b":2},]}"#,
    #"{"a":1,}"#, #"{"a":1 ,}"#, #"{"a":1,\#n}"#, #"{"a":{"b":1,}}"#, #"[{"a":1,}]"#,
    #"{"a":[1],"b":{},}"#, "[-1,]", "[1.5,]", "[1e3,]",
  ]

  /// Values that are missing: leading and doubled commas, a key without a value, a member
  /// without a key, a lone comma.
  static let missingValues = [
    "[,]", "[,1]", "[ ,1]", "[1,,2]", "[1, ,2]", "[[,]]", "{,}", #"{,"a":1}"#,
    #"{"a":1,,"b":2}"#, #"{"a":}"#, #"{"a": }"#, #"{"a":,"b":1}"#, #"{"a"}"#, #"{"a",}"#,
    #"{"a":1,"b"}"#, #"{:1}"#, #"{"a"::1}"#, ",", "[1],", "{},", #"[{"a":1},,]"#,
  ]

  /// Missing separators: values or members side by side.
  static let missingSeparators = [
    "[1 2]", "[1\n2]", #"["a" "b"]"#, "[[] []]", "[{} {}]", #"{"a":1 "b":2}"#, #"{"a" 1}"#,
    "[1]2", "{}{}", "[] []", #"{"a":[1]"b":2}"#, #"{"a":{}"b":2}"#,
  ]

  @Test("#14: a trailing comma is an error", arguments: trailingCommas)
  func trailingComma(_ text: String) {
    #expect(scanError(text) != nil)
  }

  @Test("#14: a missing value is an error", arguments: missingValues)
  func missingValue(_ text: String) {
    #expect(scanError(text) != nil)
  }

  @Test("#14: a missing separator is an error", arguments: missingSeparators)
  func missingSeparator(_ text: String) {
    #expect(scanError(text) != nil)
  }

  @Test("#14: the same shapes with the comma or value in place are valid")
  func controls() {
    for text in [
      "[1]", "[1 ]", "[1,2,3]", "[[1],[2]]", #"{"a":[1]}"#, #"{"a":1}"#, #"{"a":1 }"#,
      #"{"a":{"b":1}}"#, #"[{"a":1}]"#, "[[],[]]", "[{},{}]", #"{"a":1,"b":2}"#,
    ] {
      #expect(scanError(text) == nil, "\(text)")
    }
  }

  @Test("#14: a trailing comma is reported at the closing bracket")
  func trailingCommaOffset() {
    #expect(scanError("[1,]") == JSONError(.unexpectedByte, at: 3))
    #expect(scanError(#"{"a":1,}"#) == JSONError(.unexpectedByte, at: 7))
    #expect(scanError("[[1,],2]") == JSONError(.unexpectedByte, at: 4))
  }
}
