import ByteJSON

/// Reading configuration text the way Json.NET does: a leading UTF-8 BOM is ignored and `//` and
/// `/* */` comments are allowed outside strings.
enum ConfigurationText {
  /// Returns `text` without a leading BOM and with every comment byte replaced by a space
  /// (newlines inside block comments are kept), so byte offsets, lines and columns still point at
  /// the same place. An unterminated block comment is left for the JSON scanner to reject.
  static func normalize(_ text: [UInt8]) -> [UInt8] {
    var bytes = text
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.replaceSubrange(0..<3, with: [0x20, 0x20, 0x20])
    }
    var i = 0
    var inString = false
    while i < bytes.count {
      let b = bytes[i]
      if inString {
        if b == UInt8(ascii: "\\") {
          i += 2
          continue
        }
        if b == UInt8(ascii: "\"") { inString = false }
        i += 1
        continue
      }
      if b == UInt8(ascii: "\"") {
        inString = true
        i += 1
        continue
      }
      if b == UInt8(ascii: "/"), i + 1 < bytes.count {
        if bytes[i + 1] == UInt8(ascii: "/") {
          while i < bytes.count, bytes[i] != 0x0A {
            bytes[i] = 0x20
            i += 1
          }
          continue
        }
        if bytes[i + 1] == UInt8(ascii: "*") {
          var j = i + 2
          while j + 1 < bytes.count,
            !(bytes[j] == UInt8(ascii: "*") && bytes[j + 1] == UInt8(ascii: "/"))
          {
            j += 1
          }
          guard j + 1 < bytes.count else { return bytes }  // unterminated: let the scanner fail
          for k in i...(j + 1) where bytes[k] != 0x0A { bytes[k] = 0x20 }
          i = j + 2
          continue
        }
      }
      i += 1
    }
    return bytes
  }

  /// Parses a whole JSON text into a ``JSONValue``.
  static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONError> {
    bytes.withUnsafeBytes { raw in
      var tape = Tape()
      do throws(JSONError) {
        try JSONScanner().scan(raw, into: &tape)
      } catch {
        return .failure(error)
      }
      return .success(JSONValue(tape: tape, at: 0, in: raw))
    }
  }
}
