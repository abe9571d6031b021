import ByteJSON
import FHIRModel

/// The typed FHIR view of one resource scanned onto a ``Tape``: every element is a ``Node`` that
/// knows its name, FHIR type, parent, position among same-named siblings, and whether it is a
/// resource.
///
/// Built once per line in O(members) with model lookups that are hash probes; nodes live in one
/// flat array that is reused from line to line (no allocation per line in steady state). A
/// primitive `x` and its `_x` sibling form one node: the value from `x`, the children (`id`,
/// `extension`) from `_x`. Children are in document order of each name's first appearance, with
/// same-named siblings kept together, as Firely's element model orders them (spec §2.1).
@usableFromInline package struct ResourceTree: Sendable {
  /// One element (or resource) of the tree.
  @usableFromInline package struct Node: Sendable {
    /// The FHIR type: a resource type for resource nodes, the concrete type of a choice element.
    @usableFromInline package var type: FHIRType
    /// The element definition (`ElementID(raw: .max)` for the root resource).
    @usableFromInline package var element: ElementID
    /// Index of the parent node, -1 for the root.
    @usableFromInline package var parent: Int32
    @usableFromInline package var firstChild: Int32 = -1
    @usableFromInline package var lastChild: Int32 = -1
    @usableFromInline package var nextSibling: Int32 = -1
    /// Byte range of the node's base name in the line (`value` of `valueQuantity`; for the root,
    /// the value of `resourceType`).
    @usableFromInline package var nameStart: UInt32
    @usableFromInline package var nameLength: UInt16
    /// Flags: see ``ResourceTree/Flag``.
    @usableFromInline package var flags: UInt8 = 0
    /// Tape index of the key of the member this node came from (`x`, or `_x` when there is no
    /// `x`), -1 for the root.
    @usableFromInline package var keyToken: Int32
    /// Tape index of the value: the primitive's string/number/boolean token, or the object of a
    /// complex element or resource; -1 when a primitive has no value (only `_x`).
    @usableFromInline package var valueToken: Int32
    /// Tape index of the `_x` object holding the primitive's `id`/`extension`, or -1.
    @usableFromInline package var shadowToken: Int32 = -1
    /// Position in its JSON array (0 when the member is not an array).
    @usableFromInline package var index: Int32

    @inlinable @inline(__always) package var isResource: Bool { flags & Flag.resource != 0 }
    @inlinable package var isInArray: Bool { flags & Flag.inArray != 0 }
    /// Whether the node's type is a FHIR primitive (cached from the model at build time).
    @inlinable package var isPrimitive: Bool { flags & Flag.primitive != 0 }
    @inlinable package var hasValue: Bool { valueToken >= 0 && isPrimitive }
    /// Whether the node's element repeats (an array in JSON).
    @inlinable package var repeats: Bool { flags & Flag.repeats != 0 }
    /// Whether the node's value is written in its type's JSON form rather than as it came in
    /// (see ``PrimitiveSyntax``).
    @inlinable package var isNormalized: Bool { flags & Flag.normalized != 0 }
    /// Whether the node's object (or the object holding its members) must be rewritten even
    /// when no rule changes it: a member was dropped on input (`fhir_comments`, `null`, an empty
    /// string) or a repeating element was given a single value.
    @inlinable package var needsRewrite: Bool { flags & Flag.rewrite != 0 }
  }

  @usableFromInline package enum Flag {
    @inlinable package static var resource: UInt8 { 1 }
    @inlinable package static var inArray: UInt8 { 2 }
    @inlinable package static var primitive: UInt8 { 4 }
    @inlinable package static var rewrite: UInt8 { 8 }
    @inlinable package static var repeats: UInt8 { 16 }
    @inlinable package static var normalized: UInt8 { 32 }
  }

  /// Why a resource does not fit the R4 model. Carries offsets and node indices, never bytes.
  package struct Failure: Error, Sendable, Equatable {
    package enum Kind: UInt8, Sendable {
      case notAnObject, missingResourceType, unknownResourceType
      /// A member R4 does not define at this place.
      case unknownElement
      /// A JSON value of the wrong kind for the element (an object for a primitive, a string
      /// for a complex type, nested arrays, a resource without `resourceType`).
      case wrongKind
      /// A primitive value that does not parse as its type (`"active": "John"`, an integer
      /// beyond 32 bits, `1e999` in a decimal, `"2020-13-01"` in a date).
      case invalidValue
    }
    package var kind: Kind
    /// Byte offset in the line.
    package var offset: UInt32
    /// The node the offending member belongs to (-1 when there is none yet).
    @usableFromInline package var parent: Int32
    /// The tape index of the offending member's key, or -1.
    @usableFromInline package var keyToken: Int32
  }

  @usableFromInline package private(set) var nodes: [Node] = []
  /// The FHIR version model the last build read the resource with.
  package private(set) var model = FHIRVersionModel.r4

  /// `fhir_comments` members dropped by the last build (spec §2.1).
  package private(set) var droppedComments = 0
  /// `null` values and empty or white-space-only strings dropped by the last build.
  package private(set) var droppedEmpty = 0

  package init() {
    nodes.reserveCapacity(256)
  }

  @inlinable package var count: Int { nodes.count }
  @inlinable @inline(__always) package subscript(_ index: Int32) -> Node { nodes[Int(index)] }

  /// The first child of `node`, or -1; reads one field instead of copying the whole ``Node``.
  @inlinable @inline(__always) package func firstChild(of node: Int32) -> Int32 {
    nodes[Int(node)].firstChild
  }

  /// The next sibling of `node`, or -1; reads one field instead of copying the whole ``Node``.
  @inlinable @inline(__always) package func nextSibling(of node: Int32) -> Int32 {
    nodes[Int(node)].nextSibling
  }

  /// The parent of `node`, or -1 for the root.
  @inlinable @inline(__always) package func parent(of node: Int32) -> Int32 {
    nodes[Int(node)].parent
  }

  /// The FHIR type of `node`.
  @inlinable @inline(__always) package func type(of node: Int32) -> FHIRType {
    nodes[Int(node)].type
  }

  /// The flags of `node` (see ``Flag``).
  @inlinable @inline(__always) package func flags(of node: Int32) -> UInt8 {
    nodes[Int(node)].flags
  }

  /// Whether `node` is a resource.
  @inlinable @inline(__always) package func isResource(_ node: Int32) -> Bool {
    nodes[Int(node)].flags & Flag.resource != 0
  }

  /// Builds the tree of the resource on `tape` (token 0 must start the line's value).
  ///
  /// - Parameter model: the FHIR version's element model to read the resource with.
  package mutating func build(
    _ tape: Tape, bytes: UnsafeRawBufferPointer, model: FHIRVersionModel = .r4
  ) throws(Failure) {
    self.model = model
    nodes.removeAll(keepingCapacity: true)
    droppedComments = 0
    droppedEmpty = 0
    guard tape.count > 0, tape[0].kind == .objectStart else {
      throw Failure(kind: .notAnObject, offset: 0, parent: -1, keyToken: -1)
    }
    let (type, typeToken) = try resourceType(of: 0, tape: tape, bytes: bytes, parent: -1)
    let token = tape[typeToken]
    nodes.append(
      Node(
        type: type, element: ElementID(raw: .max), parent: -1, nameStart: token.start,
        nameLength: UInt16(clamping: token.end - token.start), flags: Flag.resource, keyToken: -1,
        valueToken: 0, index: 0))
    if let structure = model.structure(of: type) {
      try addMembers(
        of: 0, object: 0, structure: structure, isResource: true, tape: tape, bytes: bytes)
    }
  }

  /// The type named by the `resourceType` member of the object at `object`.
  private func resourceType(
    of object: Int, tape: Tape, bytes: UnsafeRawBufferPointer, parent: Int32
  ) throws(Failure) -> (FHIRType, Int) {
    guard let value = tape.member(named: "resourceType", in: object, bytes: bytes),
      tape[value].kind == .string
    else {
      throw Failure(
        kind: .missingResourceType, offset: tape[object].start, parent: parent, keyToken: -1)
    }
    let token = tape[value]
    guard !token.hasEscapes,
      let type = model.resourceType(named: UnsafeRawBufferPointer(rebasing: bytes[token.range]))
    else {
      throw Failure(
        kind: .unknownResourceType, offset: token.start, parent: parent, keyToken: Int32(value - 1))
    }
    return (type, value)
  }

  /// Adds the node(s) for one JSON value of a member. `pairing` is true once the object has
  /// shown a `_x` key: only then can a primitive's node already exist.
  private mutating func addValue(
    _ value: Int, index: Int32, inArray: Bool, match: ChildMatch, key: Int, parent: Int32,
    pairing: Bool, tape: Tape, bytes: UnsafeRawBufferPointer
  ) throws(Failure) {
    let token = tape[value]
    let wrongKind = Failure(
      kind: .wrongKind, offset: token.start, parent: parent, keyToken: Int32(key))
    if token.kind == .null {  // dropped, as Firely's permissive parser does
      droppedEmpty &+= 1
      markRewrite(parent)
      return
    }
    let keyToken = tape[key]
    let nameStart = keyToken.start &+ (match.isShadow ? 1 : 0)
    let isPrimitive = match.type.isPrimitive  // a model lookup: read it once
    var flags = (inArray ? Flag.inArray : 0) | (isPrimitive ? Flag.primitive : 0)
    if match.repeats {
      flags |= Flag.repeats
      // A single value for a repeating element is written back as an array (spec §2.1).
      if !inArray { markRewrite(parent) }
    }

    if match.isShadow {
      guard token.kind == .objectStart else { throw wrongKind }
      let node = findOrAddNode(
        parent: parent, match: match, index: index, flags: flags, nameStart: nameStart, key: key)
      guard nodes[Int(node)].shadowToken < 0 else { throw wrongKind }
      nodes[Int(node)].shadowToken = Int32(value)
      if let structure = match.structure {
        try addMembers(of: node, object: value, structure: structure, tape: tape, bytes: bytes)
      }
      return
    }
    if match.holdsResource {
      guard token.kind == .objectStart else { throw wrongKind }
      let (type, _) = try resourceType(of: value, tape: tape, bytes: bytes, parent: parent)
      let node = appendNode(
        Node(
          type: type, element: match.element, parent: parent, nameStart: nameStart,
          nameLength: UInt16(match.nameLength), flags: flags | Flag.resource,
          keyToken: Int32(key), valueToken: Int32(value), index: index), to: parent)
      if let structure = model.structure(of: type) {
        try addMembers(
          of: node, object: value, structure: structure, isResource: true, tape: tape, bytes: bytes)
      }
      return
    }
    if isPrimitive {
      switch token.kind {
      case .string, .number, .true, .false: break
      default: throw wrongKind
      }
      switch PrimitiveSyntax.fit(value, type: match.type, tape: tape, bytes: bytes) {
      case .asWritten: break
      case .normalized:
        flags |= Flag.normalized
      case .empty:
        droppedEmpty &+= 1
        markRewrite(parent)  // dropped, as Firely drops empty strings
        return
      case .invalid:
        throw Failure(
          kind: .invalidValue, offset: token.start, parent: parent, keyToken: Int32(key))
      }
      guard pairing else {
        _ = appendNode(
          Node(
            type: match.type, element: match.element, parent: parent, nameStart: nameStart,
            nameLength: UInt16(match.nameLength), flags: flags, keyToken: Int32(key),
            valueToken: Int32(value), index: index), to: parent)
        return
      }
      let node = findOrAddNode(
        parent: parent, match: match, index: index, flags: flags, nameStart: nameStart, key: key)
      guard nodes[Int(node)].valueToken < 0 else { throw wrongKind }
      nodes[Int(node)].valueToken = Int32(value)
      nodes[Int(node)].flags |= flags & Flag.normalized  // `_x` may have made the node
      return
    }
    guard token.kind == .objectStart, let structure = match.structure else { throw wrongKind }
    if Int(tape[value].link) == value + 1 { markRewrite(parent) }  // `{}` is dropped
    let node = appendNode(
      Node(
        type: match.type, element: match.element, parent: parent, nameStart: nameStart,
        nameLength: UInt16(match.nameLength), flags: flags, keyToken: Int32(key),
        valueToken: Int32(value), index: index), to: parent)
    try addMembers(of: node, object: value, structure: structure, tape: tape, bytes: bytes)
  }

  /// Adds a node for every member of the object at tape index `object` as children of `parent`.
  private mutating func addMembers(
    of parent: Int32, object: Int, structure: StructureID, isResource: Bool = false, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(Failure) {
    var pairing = false
    for (key, value) in tape.members(of: object) {
      let keyToken = tape[key]
      let name = UnsafeRawBufferPointer(rebasing: bytes[keyToken.range])
      if !pairing, name.first == UInt8(ascii: "_") { pairing = true }
      if isResource, Self.equals(name, "resourceType") { continue }
      if Self.equals(name, "fhir_comments") {
        droppedComments &+= 1
        markRewrite(parent)  // dropped (spec §2.1): comments are free text no rule inspects
        continue
      }
      guard !keyToken.hasEscapes, let match = model.child(name, of: structure) else {
        throw Failure(
          kind: .unknownElement, offset: keyToken.start, parent: parent, keyToken: Int32(key))
      }
      if tape[value].kind == .arrayStart {
        if Int(tape[value].link) == value + 1 { markRewrite(parent) }  // `[]` is dropped
        var i: Int32 = 0
        for item in tape.elements(of: value) {
          guard tape[item].kind != .arrayStart else {
            throw Failure(
              kind: .wrongKind, offset: tape[item].start, parent: parent, keyToken: Int32(key))
          }
          try addValue(
            item, index: i, inArray: true, match: match, key: key, parent: parent,
            pairing: pairing, tape: tape, bytes: bytes)
          i &+= 1
        }
      } else {
        try addValue(
          value, index: 0, inArray: false, match: match, key: key, parent: parent,
          pairing: pairing, tape: tape, bytes: bytes)
      }
    }
  }

  /// Marks `node`'s object for rewriting: one of its members is not written as it came in.
  private mutating func markRewrite(_ node: Int32) {
    nodes[Int(node)].flags |= Flag.rewrite
  }

  /// The primitive node for (element, type, index) among `parent`'s children, created in index
  /// order among its same-named siblings when neither `x` nor `_x` has made it yet.
  private mutating func findOrAddNode(
    parent: Int32, match: ChildMatch, index: Int32, flags: UInt8, nameStart: UInt32, key: Int
  ) -> Int32 {
    var previous: Int32 = -1
    var child = nodes[Int(parent)].firstChild
    var lastOfGroup: Int32 = -1
    while child >= 0 {
      let node = nodes[Int(child)]
      if node.element == match.element && node.type == match.type {
        if node.index == index { return child }
        if node.index > index { break }
        lastOfGroup = child
      } else if lastOfGroup >= 0 {
        break
      }
      previous = child
      child = node.nextSibling
    }
    let new = Node(
      type: match.type, element: match.element, parent: parent, nameStart: nameStart,
      nameLength: UInt16(match.nameLength), flags: flags, keyToken: Int32(key), valueToken: -1,
      index: index)
    if child < 0 && lastOfGroup < 0 { return appendNode(new, to: parent) }
    if previous < 0 { return insertFirst(new, in: parent) }
    return insertNode(new, after: previous)
  }

  private mutating func insertFirst(_ node: Node, in parent: Int32) -> Int32 {
    let index = Int32(nodes.count)
    var node = node
    node.nextSibling = nodes[Int(parent)].firstChild
    nodes.append(node)
    nodes[Int(parent)].firstChild = index
    if nodes[Int(parent)].lastChild < 0 { nodes[Int(parent)].lastChild = index }
    return index
  }

  private mutating func appendNode(_ node: Node, to parent: Int32) -> Int32 {
    let index = Int32(nodes.count)
    nodes.append(node)
    // One uniqueness check for the three link updates. `parent` and its last child are
    // existing nodes, so both are below `index`.
    nodes.withUnsafeMutableBufferPointer { nodes in
      let p = Int(parent)
      precondition(p >= 0 && p < nodes.count, "parent out of range")
      let last = nodes[p].lastChild
      if last >= 0 {
        nodes[Int(last)].nextSibling = index
      } else {
        nodes[p].firstChild = index
      }
      nodes[p].lastChild = index
    }
    return index
  }

  private mutating func insertNode(_ node: Node, after sibling: Int32) -> Int32 {
    let index = Int32(nodes.count)
    var node = node
    node.nextSibling = nodes[Int(sibling)].nextSibling
    nodes.append(node)
    nodes[Int(sibling)].nextSibling = index
    let parent = Int(node.parent)
    if nodes[parent].lastChild == sibling { nodes[parent].lastChild = index }
    return index
  }

  @inline(__always)
  package static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
    guard bytes.count == literal.utf8CodeUnitCount else { return false }
    let p = literal.utf8Start
    for i in 0..<bytes.count where bytes[i] != p[i] { return false }
    return true
  }
}
