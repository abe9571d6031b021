extension Tape {
  /// Appends the whole text as compact JSON (no whitespace) to `out`.
  ///
  /// Every token's bytes are copied verbatim from `bytes`, the line the tape was scanned from:
  /// strings keep their escapes as written and numbers their lexeme (`1.50`, `8E+1`, `-0.0`).
  /// Stretches of the input that are already compact are copied in one go, so compact input
  /// costs one `memcpy`. O(tokens + output bytes).
  package func writeCompact(from bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    writeCompact(tokens: 0..<tokens.count, from: bytes, into: &out)
  }

  /// Appends the tokens in `range` as compact JSON to `out`.
  ///
  /// `range` should cover whole values or whole members (for example one value, or the
  /// key-value tokens of several members) so that the result is well-formed; separators are
  /// written between the tokens of the range only, never before the first.
  package func writeCompact(
    tokens range: Range<Int>, from bytes: UnsafeRawBufferPointer, into out: inout [UInt8]
  ) {
    guard !range.isEmpty else { return }
    // 1. Each token covers a span of the input: its quotes for keys and strings, its bracket
    //    for containers, its lexeme otherwise.
    // 2. Between two tokens, compact output needs separator "", "," or ":". Valid input has
    //    exactly that separator between the spans, plus whitespace. So if the gap is exactly as
    //    long as the separator, the input is compact there and the run continues.
    // 3. Otherwise flush the run up to the previous span's end, write the separator, and start a
    //    new run at the current span.
    var runStart = spanStart(tokens[range.lowerBound])
    var previous = tokens[range.lowerBound]
    var previousEnd = spanEnd(previous)
    for index in (range.lowerBound &+ 1)..<range.upperBound {
      let token = tokens[index]
      let start = spanStart(token)
      let separator = Self.separator(between: previous.kind, and: token.kind)
      let separatorLength = separator == 0 ? 0 : 1
      if start &- previousEnd != separatorLength {
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<previousEnd]))
        if separator != 0 { out.append(separator) }
        runStart = start
      }
      previous = token
      previousEnd = spanEnd(token)
    }
    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<previousEnd]))
  }

  /// The separator byte compact JSON has between two consecutive tokens, or 0 for none.
  @inline(__always)
  static func separator(between previous: Token.Kind, and next: Token.Kind) -> UInt8 {
    switch next {
    case .objectEnd, .arrayEnd: return 0
    default: break
    }
    switch previous {
    case .key: return UInt8(ascii: ":")
    case .objectStart, .arrayStart: return 0
    default: return UInt8(ascii: ",")
    }
  }

  /// The first byte of the token's span in the input, opening quote included.
  @inline(__always)
  func spanStart(_ token: Token) -> Int {
    switch token.kind {
    case .key, .string: Int(token.start) &- 1
    default: Int(token.start)
    }
  }

  /// One past the last byte of the token's span, closing quote included.
  @inline(__always)
  func spanEnd(_ token: Token) -> Int {
    switch token.kind {
    case .key, .string: Int(token.end) &+ 1
    case .objectStart, .arrayStart: Int(token.start) &+ 1
    default: Int(token.end)
    }
  }
}
