import ByteJSON
import FHIRModel

extension ResourceTree {
  /// The element path of a node, FHIRPath style, with array positions:
  /// `Patient.contact[0].name.given[1]`.
  ///
  /// Every name comes from the R4 model, never from the line: the resource type for a resource
  /// at the root, the element's name for the others, with the type suffix of a choice element
  /// (`valueQuantity`). So a path can be shown in any message: it carries no byte of the input.
  /// (`bytes` is not read; it is kept for the callers' convenience.)
  package func path(of node: Int32, bytes: UnsafeRawBufferPointer) -> String {
    var parts: [String] = []
    var current = node
    while current >= 0 {
      let n = nodes[Int(current)]
      var part = modelName(of: n)
      if n.isInArray { part += "[\(n.index)]" }
      parts.append(part)
      current = n.parent
    }
    return parts.reversed().joined(separator: ".")
  }

  /// The element path of a node without array positions: `Patient.contact.name.given`.
  ///
  /// Made of model names only, as ``path(of:bytes:)``; used to count findings per element.
  package func elementPath(of node: Int32) -> String {
    var parts: [String] = []
    var current = node
    while current >= 0 {
      let n = nodes[Int(current)]
      parts.append(modelName(of: n))
      current = n.parent
    }
    return parts.reversed().joined(separator: ".")
  }

  /// The path of a failure: the path of the node the offending member belongs to, followed by
  /// the member's name only when that name is an element of the node in the R4 model (a value
  /// of the wrong kind), spelled as the model spells it. A key R4 does not know there (an
  /// unknown element, `resourceType` out of place, a key with escapes) is never shown: the
  /// column of the message points at it instead, since a key can carry patient text.
  package func path(of failure: Failure, tape: Tape, bytes: UnsafeRawBufferPointer) -> String {
    guard failure.parent >= 0 else { return "" }
    var path = self.path(of: failure.parent, bytes: bytes)
    if failure.keyToken >= 0, let structure = memberStructure(of: failure.parent) {
      let key = tape[Int(failure.keyToken)]
      if !key.hasEscapes,
        let match = model.child(UnsafeRawBufferPointer(rebasing: bytes[key.range]), of: structure)
      {
        path += "." + elementName(match.element, type: match.type)
      }
    }
    return path
  }

  /// The model's name of a node: the resource type of the root, else the element's name (with
  /// a choice element's type suffix).
  package func modelName(of node: Node) -> String {
    node.parent < 0 ? node.type.name : elementName(node.element, type: node.type)
  }

  /// An element's member name for a node of `type`: `birthDate`, `valueQuantity`.
  func elementName(_ element: ElementID, type: FHIRType) -> String {
    model.memberName(of: element, type: type)
  }

  /// The structure in which the members of `node`'s JSON object were looked up: a resource's
  /// own, `Element`'s for a primitive (its `_x` object), else the one its element names
  /// (a backbone element's own, a complex type's).
  func memberStructure(of node: Int32) -> StructureID? {
    let n = nodes[Int(node)]
    if n.isResource { return model.structure(of: n.type) }
    if n.isPrimitive { return FHIRType.named("Element").flatMap { model.structure(of: $0) } }
    return model.memberStructure(of: n.element, type: n.type)
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
