import ByteJSON

/// A line that failed: which input, which line and column, and why (typed; text only in
/// ``message(inputName:)``). Never holds a value of the line.
package struct LineFailure: Error, Sendable {
  package enum Cause: Sendable {
    /// The record failed (invalid input or a processing error).
    case record(RecordFailure)
    /// The line is longer than the line limit (its bytes were never kept).
    case tooLong(limit: Int)
  }

  /// The index of the line's input among the run's inputs.
  package var source: Int
  /// The 1-based line number in that input.
  package var line: Int
  /// The 1-based column (in bytes) of the failure, when it has a position.
  package var column: Int?
  package var cause: Cause

  package init(source: Int, line: Int, column: Int? = nil, cause: Cause) {
    self.source = source
    self.line = line
    self.column = column
    self.cause = cause
  }

  /// A record failure of `line` (the bytes of the line, for the column of its offset).
  package init(
    _ failure: RecordFailure, source: Int, number: Int, line: UnsafeRawBufferPointer
  ) {
    self.init(
      source: source, line: number,
      column: failure.offset.map { JSONError(.unexpectedByte, at: $0).position(in: line).column },
      cause: .record(failure))
  }

  /// Invalid input (exit 65) rather than a processing error (exit 1).
  package var isInvalidInput: Bool {
    switch cause {
    case .record(let failure): failure.isInvalidInput
    case .tooLong: true
    }
  }

  /// The record failure, when the line was read.
  package var record: RecordFailure? {
    if case .record(let failure) = cause { return failure }
    return nil
  }

  /// Why, without position.
  package var reason: String {
    switch cause {
    case .record(let failure): failure.reason
    case .tooLong(let limit): "line longer than \(limit) bytes (--max-line-bytes)"
    }
  }

  /// `INPUT:LINE[:COLUMN]: REASON`, with `inputName` the name of input ``source``.
  package func message(inputName: String) -> String {
    var text = "\(inputName):\(line)"
    if let column { text += ":\(column)" }
    return text + ": " + reason
  }
}
