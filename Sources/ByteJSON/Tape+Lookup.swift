extension Tape {
  /// The index of the token after the value that starts at `index`, skipping whole containers.
  ///
  /// For a container start token this is one past its end token; for a key it is one past the
  /// key's value (the whole member is skipped); for anything else it is `index + 1`. O(1).
  @inlinable
  package func next(after index: Int) -> Int {
    let token = tokens[index]
    switch token.kind {
    case .objectStart, .arrayStart:
      return Int(token.link) &+ 1
    case .key:
      let value = tokens[index &+ 1]
      if value.isContainerStart { return Int(value.link) &+ 1 }
      return index &+ 2
    default:
      return index &+ 1
    }
  }

  /// The members of the object that starts at `object`, as (key index, value index) pairs.
  ///
  /// Iterating does not allocate. If `object` is not an object start token the sequence is empty.
  @inlinable
  package func members(of object: Int) -> Members {
    let token = tokens[object]
    guard token.kind == .objectStart else { return Members(tokens: tokens, from: 0, to: 0) }
    return Members(tokens: tokens, from: object &+ 1, to: Int(token.link))
  }

  /// The element value indices of the array that starts at `array`.
  ///
  /// Iterating does not allocate. If `array` is not an array start token the sequence is empty.
  @inlinable
  package func elements(of array: Int) -> Elements {
    let token = tokens[array]
    guard token.kind == .arrayStart else { return Elements(tokens: tokens, from: 0, to: 0) }
    return Elements(tokens: tokens, from: array &+ 1, to: Int(token.link))
  }

  /// The raw bytes of the token at `index` within `bytes` (see ``Token/range``).
  @inlinable
  package func rawBytes(of index: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[tokens[index].range])
  }

  /// Whether the key (or string) at `index` decodes to exactly the UTF-8 bytes `name`.
  ///
  /// Compares raw bytes when the token has no escapes, and decodes on the fly (no allocation)
  /// when it has. `bytes` must be the line the tape was scanned from.
  @inlinable
  package func keyEquals(
    _ index: Int, _ name: UnsafeRawBufferPointer, in bytes: UnsafeRawBufferPointer
  ) -> Bool {
    let token = tokens[index]
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    if token.hasEscapes { return JSONEscaping.unescaped(raw, equals: name) }
    return rawBytesEqual(raw, name)
  }

  /// Whether the key (or string) at `index` decodes to exactly `name`.
  @inlinable
  package func keyEquals(_ index: Int, _ name: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
    name.withUnsafeBytes { keyEquals(index, $0, in: bytes) }
  }

  /// Whether the key (or string) at `index` decodes to exactly `name`.
  @inlinable
  package func keyEquals(_ index: Int, _ name: StaticString, in bytes: UnsafeRawBufferPointer)
    -> Bool
  {
    name.withUTF8Buffer { keyEquals(index, UnsafeRawBufferPointer($0), in: bytes) }
  }

  /// The value index of the first member of `object` whose key decodes to `name`, or nil.
  ///
  /// Linear in the number of members; nil when `object` is not an object start token.
  @inlinable
  package func member(
    named name: UnsafeRawBufferPointer, in object: Int, bytes: UnsafeRawBufferPointer
  ) -> Int? {
    for (key, value) in members(of: object) where keyEquals(key, name, in: bytes) {
      return value
    }
    return nil
  }

  /// The value index of the first member of `object` whose key decodes to `name`, or nil.
  @inlinable
  package func member(named name: [UInt8], in object: Int, bytes: UnsafeRawBufferPointer) -> Int? {
    name.withUnsafeBytes { member(named: $0, in: object, bytes: bytes) }
  }

  /// The value index of the first member of `object` whose key decodes to `name`, or nil.
  @inlinable
  package func member(named name: StaticString, in object: Int, bytes: UnsafeRawBufferPointer)
    -> Int?
  {
    name.withUTF8Buffer { member(named: UnsafeRawBufferPointer($0), in: object, bytes: bytes) }
  }

  /// The (key, value) index pairs of one object's members, in document order.
  @usableFromInline package struct Members: Sequence, IteratorProtocol {
    @usableFromInline let tokens: [Token]
    @usableFromInline var index: Int
    @usableFromInline let end: Int

    @inlinable
    init(tokens: [Token], from start: Int, to end: Int) {
      self.tokens = tokens
      self.index = start
      self.end = end
    }

    @inlinable
    package mutating func next() -> (key: Int, value: Int)? {
      guard index < end else { return nil }
      let key = index
      let value = key &+ 1
      let token = tokens[value]
      if token.isContainerStart {
        index = Int(token.link) &+ 1
      } else {
        index = value &+ 1
      }
      return (key, value)
    }
  }

  /// The value indices of one array's elements, in document order.
  @usableFromInline package struct Elements: Sequence, IteratorProtocol {
    @usableFromInline let tokens: [Token]
    @usableFromInline var index: Int
    @usableFromInline let end: Int

    @inlinable
    init(tokens: [Token], from start: Int, to end: Int) {
      self.tokens = tokens
      self.index = start
      self.end = end
    }

    @inlinable
    package mutating func next() -> Int? {
      guard index < end else { return nil }
      let value = index
      let token = tokens[value]
      if token.isContainerStart {
        index = Int(token.link) &+ 1
      } else {
        index = value &+ 1
      }
      return value
    }
  }
}

/// Whether two byte buffers hold the same bytes; compares 8 bytes at a time.
@inlinable
func rawBytesEqual(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
  let n = a.count
  guard n == b.count else { return false }
  guard n > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
  var i = 0
  while i &+ 8 <= n {
    if pa.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      != pb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
    {
      return false
    }
    i &+= 8
  }
  while i < n {
    if pa.load(fromByteOffset: i, as: UInt8.self) != pb.load(fromByteOffset: i, as: UInt8.self) {
      return false
    }
    i &+= 1
  }
  return true
}
