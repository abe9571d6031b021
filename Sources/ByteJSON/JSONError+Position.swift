extension JSONError {
  /// The 1-based line and column of ``offset`` in `bytes`, the text that was scanned.
  ///
  /// The line is 1 plus the number of LF bytes before the offset (always 1 for an NDJSON line).
  /// The column is 1 plus the number of Unicode scalars between the start of that line and the
  /// offset, counted as UTF-8 lead bytes, so a multi-byte character counts once. Offsets past
  /// the end are clamped to `bytes.count`. O(offset); meant for error reports, not hot paths.
  package func position(in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
    let end = Swift.min(Int(offset), bytes.count)
    var line = 1
    var column = 1
    for index in 0..<end {
      let byte = bytes[index]
      if byte == 0x0A {
        line &+= 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column &+= 1
      }
    }
    return (line, column)
  }

  /// The 1-based line and column of ``offset`` in `bytes`, like the buffer-pointer overload.
  package func position(in bytes: [UInt8]) -> (line: Int, column: Int) {
    bytes.withUnsafeBytes { position(in: $0) }
  }
}
