import ByteJSON

extension ResourceTree {
  /// The element path of a node, FHIRPath style, with array positions:
  /// `Patient.contact[0].name.given[1]`. Names come from the model's element names (for choice
  /// elements the typed name, `valueQuantity`), never from values.
  package func path(of node: Int32, bytes: UnsafeRawBufferPointer) -> String {
    var parts: [String] = []
    var current = node
    while current >= 0 {
      let n = nodes[Int(current)]
      var part = name(of: n, bytes: bytes)
      if n.isInArray { part += "[\(n.index)]" }
      parts.append(part)
      current = n.parent
    }
    return parts.reversed().joined(separator: ".")
  }

  /// The path of a failure: the parent's path and the offending member's key.
  package func path(of failure: Failure, tape: Tape, bytes: UnsafeRawBufferPointer) -> String {
    var path = failure.parent >= 0 ? self.path(of: failure.parent, bytes: bytes) : ""
    if failure.keyToken >= 0 {
      let key = tape[Int(failure.keyToken)]
      let text = Self.printableKey(UnsafeRawBufferPointer(rebasing: bytes[key.range]))
      path += path.isEmpty ? text : "." + text
    }
    return path
  }

  /// The member name of a node as written (`valueQuantity`, `birthDate`; the resource type for
  /// the root).
  func name(of node: Node, bytes: UnsafeRawBufferPointer) -> String {
    if node.keyToken < 0 {
      let start = Int(node.nameStart)
      return String(decoding: bytes[start..<start + Int(node.nameLength)], as: UTF8.self)
    }
    return Self.memberName(node, bytes: bytes)
  }

  private static func memberName(_ node: Node, bytes: UnsafeRawBufferPointer) -> String {
    // The key without a leading `_`: base name plus the choice suffix as written.
    let start = Int(node.nameStart)
    var end = start + Int(node.nameLength)
    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
    return printableKey(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
  }

  /// A key made safe for a message: at most 64 characters, non-printable ASCII as `?`.
  static func printableKey(_ key: UnsafeRawBufferPointer) -> String {
    var out: [UInt8] = []
    for b in key.prefix(64) {
      out.append(b < 0x20 || b == 0x7F ? UInt8(ascii: "?") : b)
    }
    if key.count > 64 { out.append(contentsOf: "…".utf8) }
    return String(decoding: out, as: UTF8.self)
  }
}

extension ResourceTree {
  /// Whether the node's base name is exactly `name`.
  @inlinable @inline(__always)
  package func nameEquals(_ node: Int32, _ name: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool
  {
    let length = Int(nodes[Int(node)].nameLength)
    guard length == name.count else { return false }
    let start = Int(nodes[Int(node)].nameStart)
    for i in 0..<length where bytes[start + i] != name[i] { return false }
    return true
  }

  /// Whether the node's base name equals `name` ignoring ASCII case.
  package func nameEqualsIgnoringCase(
    _ node: Int32, _ name: StaticString, in bytes: UnsafeRawBufferPointer
  ) -> Bool {
    let n = nodes[Int(node)]
    guard Int(n.nameLength) == name.utf8CodeUnitCount else { return false }
    let start = Int(n.nameStart)
    let p = name.utf8Start
    for i in 0..<Int(n.nameLength) {
      let a = bytes[start + i] | 0x20
      let b = p[i] | 0x20
      if a != b { return false }
    }
    return true
  }
}

extension ResourceTree {
  /// The node after `node` in pre-order within the subtree of `root`, or -1 at its end. With
  /// `descend` false, `node`'s own children are skipped (used to step over nested resources).
  ///
  /// Starting at `root` walks the whole subtree: `root`, then each descendant once.
  @inlinable
  package func next(after node: Int32, within root: Int32, descend: Bool = true) -> Int32 {
    if descend {
      let first = nodes[Int(node)].firstChild
      if first >= 0 { return first }
    }
    // The next sibling, or that of the nearest ancestor below `root` that has one.
    var current = node
    while current != root {
      let c = nodes[Int(current)]
      if c.nextSibling >= 0 { return c.nextSibling }
      current = c.parent
    }
    return -1
  }
}
