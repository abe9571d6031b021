/// The flat token list of one JSON text (one NDJSON line), in document order.
///
/// A tape never owns or copies the bytes it was scanned from: every ``Token`` is a byte range of
/// that line, so the caller must pass the same bytes to the lookup and writer helpers. Reuse one
/// tape per worker: ``JSONScanner/scan(_:into:)`` empties it while keeping its capacity, so a
/// warmed-up tape scans further lines without allocating.
@usableFromInline package struct Tape: Sendable {
  /// The tokens, in document order. A container's start and end tokens link to each other.
  @usableFromInline package var tokens: [Token]

  /// Scratch space for duplicate-key detection in objects with many members; reused across lines.
  var keyTable = KeyTable()

  /// Creates an empty tape.
  package init() {
    tokens = []
  }

  /// The number of tokens.
  @inlinable package var count: Int { tokens.count }

  /// Whether the tape holds no tokens.
  @inlinable package var isEmpty: Bool { tokens.isEmpty }

  /// The token at `index`. Traps when `index` is out of bounds.
  @inlinable @inline(__always) package subscript(index: Int) -> Token { tokens[index] }

  /// Removes all tokens; with `keepingCapacity` the storage stays for the next line.
  package mutating func removeAll(keepingCapacity: Bool = false) {
    tokens.removeAll(keepingCapacity: keepingCapacity)
    if !keepingCapacity { keyTable = KeyTable() }
  }
}
