/// Why a line is not valid JSON, and where. Never carries the line's bytes.
package struct JSONError: Error, Equatable, Sendable {
  package enum Code: UInt8, Sendable, CaseIterable {
    /// The line holds no JSON value (empty or whitespace only).
    case empty
    /// A byte that cannot start or continue a value here.
    case unexpectedByte
    /// The line ended inside a value.
    case unexpectedEnd
    /// A string has no closing quote.
    case unterminatedString
    /// An unknown escape, or a bad `\u` escape (not 4 hex digits, or a lone surrogate).
    case badEscape
    /// A raw control character (U+0000 to U+001F) inside a string.
    case controlCharacter
    /// Bytes that are not well-formed UTF-8.
    case invalidUTF8
    /// A number that does not follow the RFC 8259 grammar.
    case badNumber
    /// Nesting deeper than the scanner's limit.
    case tooDeep
    /// Something other than whitespace after the value.
    case trailingContent
    /// An object names the same member twice.
    case duplicateKey
    /// The line is too long for 32-bit offsets.
    case tooLarge
  }

  package var code: Code
  /// Byte offset in the line where the problem was found.
  package var offset: UInt32

  @inlinable
  package init(_ code: Code, at offset: Int) {
    self.code = code
    self.offset = UInt32(truncatingIfNeeded: offset)
  }
}

extension JSONError.Code: CustomStringConvertible {
  package var description: String {
    switch self {
    case .empty: "no JSON value"
    case .unexpectedByte: "unexpected character"
    case .unexpectedEnd: "unexpected end of line"
    case .unterminatedString: "unterminated string"
    case .badEscape: "invalid escape sequence"
    case .controlCharacter: "unescaped control character in string"
    case .invalidUTF8: "invalid UTF-8"
    case .badNumber: "invalid number"
    case .tooDeep: "nesting too deep"
    case .trailingContent: "content after the JSON value"
    case .duplicateKey: "duplicate object key"
    case .tooLarge: "line too long"
    }
  }
}
