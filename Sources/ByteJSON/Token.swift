/// One entry of a ``Tape``: a JSON value, key or container boundary, as a byte range of the line.
///
/// Tokens are 16 bytes and trivially copyable. Offsets are relative to the start of the line the
/// tape was scanned from; the tape never copies or owns the bytes.
@usableFromInline package struct Token: Equatable, Sendable {
  /// What the token stands for.
  @usableFromInline package enum Kind: UInt8, Sendable {
    case objectStart, objectEnd, arrayStart, arrayEnd
    /// An object member name; the value's tokens follow it directly.
    case key
    case string, number, `true`, `false`, null
  }

  /// Bit flags in ``flags``.
  @usableFromInline package enum Flag {
    /// A key or string contains at least one backslash escape.
    @usableFromInline package static let hasEscapes: UInt8 = 1
  }

  @usableFromInline package var kind: Kind
  @usableFromInline package var flags: UInt8
  /// Keys and strings: the first byte after the opening quote. Numbers and literals: the first
  /// byte of the lexeme. Containers: the offset of `{` / `[` (start) or `}` / `]` (end).
  @usableFromInline package var start: UInt32
  /// Keys and strings: the offset of the closing quote. Numbers and literals: one past the
  /// lexeme. Containers: one past the `}` / `]` of the container, on both start and end tokens.
  @usableFromInline package var end: UInt32
  /// Containers: the index of the matching end token (on a start token) or start token (on an
  /// end token). Otherwise 0.
  @usableFromInline package var link: UInt32

  @inlinable
  package init(kind: Kind, flags: UInt8 = 0, start: UInt32, end: UInt32, link: UInt32 = 0) {
    self.kind = kind
    self.flags = flags
    self.start = start
    self.end = end
    self.link = link
  }

  /// Whether a key or string token contains backslash escapes.
  @inlinable package var hasEscapes: Bool { flags & Flag.hasEscapes != 0 }

  /// The raw bytes of the token in its line: for keys and strings without the quotes (escapes
  /// left as written), for numbers the lexeme as written.
  @inlinable package var range: Range<Int> { Int(start)..<Int(end) }
}

extension Token.Kind {
  /// Compares kinds by raw value.
  ///
  /// Without this, `==` on a raw-value enum resolves to the standard library's generic
  /// `RawRepresentable` operator, which the optimizer left as a witness-table call on the hot path.
  @inlinable
  package static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
}

extension Token {
  /// Whether the token opens an object or an array.
  @inlinable package var isContainerStart: Bool {
    switch kind {
    case .objectStart, .arrayStart: true
    default: false
    }
  }
}
