import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// What the writer calls on every node, bottom-up (children first), just before it decides
/// whether the node survives: the output check (``OutputCheck``).
protocol PruningHook {
  /// Members to add to objects, in place of a dropped member of the same name.
  var masks: [OutputMask] { get }

  /// Visits `node`; `alive` and `childAlive` are final for its children. May edit `node`.
  mutating func visit(
    _ node: Int32, tree: ResourceTree, edits: inout ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer, alive: UnsafeMutableBufferPointer<Bool>,
    childAlive: UnsafeMutableBufferPointer<Bool>)
}

/// The hook of a plain write: does nothing.
struct NoPruningHook: PruningHook {
  var masks: [OutputMask] { [] }

  @inline(__always)
  func visit(
    _ node: Int32, tree: ResourceTree, edits: inout ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer, alive: UnsafeMutableBufferPointer<Bool>,
    childAlive: UnsafeMutableBufferPointer<Bool>
  ) {}
}

/// Writes a resource after the rules ran: compact JSON spliced from the input, with edited values
/// replaced, emptied elements pruned (spec §3.7) and security labels added (spec §5).
///
/// Everything no rule touched is copied from the input as written (property order, number
/// lexemes, escapes). An element whose value was removed and that has no surviving children is
/// left out; arrays of primitives and their `_x` partners drop the same positions, so they stay
/// paired. Resource nodes are never pruned.
///
/// A complex node (or resource) can carry an edit too: `.replaced(_, .literal)` is written as
/// that JSON text instead of its object (a substitution, spec §4.6), and `.removed` drops the
/// node with its whole subtree.
struct OutputWriter {
  var alive: [Bool] = []
  var childAlive: [Bool] = []
  var dirty: [Bool] = []
  var tokenNode: [Int32] = []

  mutating func write(
    tree: ResourceTree, edits: ValueEdits, tape: Tape, labels: [Operations],
    bytes: UnsafeRawBufferPointer,
    into out: inout [UInt8]
  ) {
    var edits = edits
    var hook = NoPruningHook()
    write(
      tree: tree, edits: &edits, tape: tape, labels: labels, bytes: bytes, hook: &hook, into: &out)
  }

  /// `write(tree:edits:tape:labels:bytes:into:)` with `hook` visiting each node, bottom-up,
  /// just before the writer decides whether it survives (the output check, which may edit the
  /// node and add the members of ``PruningHook/masks``).
  mutating func write<Hook: PruningHook>(
    tree: ResourceTree, edits: inout ValueEdits, tape: Tape, labels: [Operations],
    bytes: UnsafeRawBufferPointer, hook: inout Hook, into out: inout [UInt8]
  ) {
    prepare(tree: tree, edits: &edits, tape: tape, labels: labels, bytes: bytes, hook: &hook)
    guard dirty[0] else {
      tape.writeCompact(from: bytes, into: &out)
      return
    }
    var context = Context(
      tree: tree, edits: edits, tape: tape, labels: labels, bytes: bytes, alive: alive,
      childAlive: childAlive,
      dirty: dirty, tokenNode: tokenNode, masks: hook.masks)
    context.writeObject(0, owner: 0, kind: .resource, into: &out)
  }

  /// Computes, bottom-up, which nodes survive and which subtrees changed, and maps tape tokens
  /// to nodes.
  private mutating func prepare<Hook: PruningHook>(
    tree: ResourceTree, edits: inout ValueEdits, tape: Tape, labels: [Operations],
    bytes: UnsafeRawBufferPointer, hook: inout Hook
  ) {
    let count = tree.count
    alive.removeAll(keepingCapacity: true)
    alive.append(contentsOf: repeatElement(false, count: count))
    childAlive.removeAll(keepingCapacity: true)
    childAlive.append(contentsOf: repeatElement(false, count: count))
    dirty.removeAll(keepingCapacity: true)
    dirty.append(contentsOf: repeatElement(false, count: count))
    tokenNode.removeAll(keepingCapacity: true)
    tokenNode.append(contentsOf: repeatElement(-1, count: tape.count))
    withBuffers { alive, childAlive, dirty, tokenNode in
      var i = count - 1
      while i >= 0 {
        hook.visit(
          Int32(i), tree: tree, edits: &edits, tape: tape, bytes: bytes, alive: alive,
          childAlive: childAlive)
        Self.settle(
          Int32(i), tree: tree, edits: edits, labels: labels, propagate: true, alive: alive,
          childAlive: childAlive, dirty: dirty, tokenNode: tokenNode)
        i -= 1
      }
    }
  }

  /// Calls `body` with the four per-node tables as buffers: one uniqueness check per table
  /// instead of one per write.
  private mutating func withBuffers(
    _ body: (
      UnsafeMutableBufferPointer<Bool>, UnsafeMutableBufferPointer<Bool>,
      UnsafeMutableBufferPointer<Bool>, UnsafeMutableBufferPointer<Int32>
    ) -> Void
  ) {
    alive.withUnsafeMutableBufferPointer { alive in
      childAlive.withUnsafeMutableBufferPointer { childAlive in
        dirty.withUnsafeMutableBufferPointer { dirty in
          tokenNode.withUnsafeMutableBufferPointer { tokenNode in
            body(alive, childAlive, dirty, tokenNode)
          }
        }
      }
    }
  }

  /// Computes `node`'s entries once its children's are final, and (with `propagate`) marks its
  /// parent.
  mutating func settle(
    _ node: Int32, tree: ResourceTree, edits: ValueEdits, labels: [Operations], propagate: Bool
  ) {
    withBuffers { alive, childAlive, dirty, tokenNode in
      Self.settle(
        node, tree: tree, edits: edits, labels: labels, propagate: propagate, alive: alive,
        childAlive: childAlive, dirty: dirty, tokenNode: tokenNode)
    }
  }

  /// `settle(_:tree:labels:propagate:)` on the tables' buffers (the tables must have an entry
  /// for every node and every tape token).
  private static func settle(
    _ node: Int32, tree: ResourceTree, edits: ValueEdits, labels: [Operations], propagate: Bool,
    alive: UnsafeMutableBufferPointer<Bool>, childAlive: UnsafeMutableBufferPointer<Bool>,
    dirty: UnsafeMutableBufferPointer<Bool>, tokenNode: UnsafeMutableBufferPointer<Int32>
  ) {
    let i = Int(node)
    let n = tree[node]
    // Buffer subscripts are unchecked in release builds: check the indices once here.
    precondition(
      i < alive.count && i < childAlive.count && i < dirty.count
        && Int(n.parent) < alive.count && Int(n.parent) < childAlive.count
        && Int(n.parent) < dirty.count && Int(n.valueToken) < tokenNode.count
        && Int(n.shadowToken) < tokenNode.count, "OutputWriter tables are too small")
    let edit = edits.kind(of: node)
    if !n.isPrimitive || n.isResource, edit == .removed {
      alive[i] = false  // a removed complex node or resource goes with its subtree
    } else {
      alive[i] = n.isResource || edits.hasValue(node, in: tree) || childAlive[i]
    }
    if edit == .original {
      if i < labels.count && !labels[i].isEmpty { dirty[i] = true }
      // Not written as it came in even without an edit (dropped members, a single value for a
      // repeating element, a value in its type's JSON form).
      if n.flags & (ResourceTree.Flag.rewrite | ResourceTree.Flag.normalized) != 0 {
        dirty[i] = true
      }
    } else {
      dirty[i] = true
    }
    if propagate && n.parent >= 0 {
      let p = Int(n.parent)
      if alive[i] { childAlive[p] = true }
      if dirty[i] || !alive[i] { dirty[p] = true }
    }
    if n.valueToken >= 0 { tokenNode[Int(n.valueToken)] = node }
    if n.shadowToken >= 0 { tokenNode[Int(n.shadowToken)] = node }
  }

  struct Context {
    let tree: ResourceTree
    let edits: ValueEdits
    let tape: Tape
    let labels: [Operations]
    let bytes: UnsafeRawBufferPointer
    let alive: [Bool]
    let childAlive: [Bool]
    let dirty: [Bool]
    let tokenNode: [Int32]
    /// Members the output check adds (data-absent-reason masks), by owner node.
    var masks: [OutputMask] = []
    enum Kind { case complex, resource, shadow }

    /// Writes the object at tape index `object`, which holds `owner`'s members (a complex
    /// element, a resource, or a primitive's `_x` object).
    mutating func writeObject(_ object: Int, owner: Int32, kind: Kind, into out: inout [UInt8]) {
      let pending = kind == .resource ? labels[Int(owner)] : []
      if !dirty[Int(owner)] && pending.isEmpty {
        tape.writeCompact(tokens: object..<(Int(tape[object].link) + 1), from: bytes, into: &out)
        return
      }
      out.append(UInt8(ascii: "{"))
      var first = true
      var metaWritten = false
      // Masks of this object not written yet (each goes where its dropped member was).
      var pendingMasks =
        masks.isEmpty || kind == .shadow
        ? []
        : masks.indices.filter {
          masks[$0].owner == owner
        }
      for (key, value) in tape.members(of: object) {
        let keyToken = tape[key]
        let name = UnsafeRawBufferPointer(rebasing: bytes[keyToken.range])
        if kind == .resource && !pending.isEmpty && ResourceTree.equals(name, "meta") {
          let node = tokenNode[value]
          member(key, first: &first, into: &out)
          writeMeta(value, node: node, labels: pending, into: &out)
          metaWritten = true
          continue
        }
        let mark = out.count
        let wasFirst = first
        member(key, first: &first, into: &out)
        if kind == .resource && ResourceTree.equals(name, "resourceType") {
          copy(value, into: &out)
        } else if !writeValue(
          value, key: key, owner: owner, shadow: name.first == UInt8(ascii: "_"), into: &out)
        {
          out.removeSubrange(mark...)
          first = wasFirst
          if !pendingMasks.isEmpty, let m = maskIndex(named: name, in: pendingMasks) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            masks[pendingMasks[m]].append(to: &out)
            pendingMasks.remove(at: m)
          }
        }
      }
      for m in pendingMasks {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        masks[m].append(to: &out)
      }
      if !pending.isEmpty && !metaWritten {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: #""meta":{"security":"#.utf8)
        out.append(UInt8(ascii: "["))
        appendLabels(pending, existing: [], first: true, into: &out)
        out.append(contentsOf: "]}".utf8)
      }
      out.append(UInt8(ascii: "}"))
    }

    /// The position in `candidates` of the mask for the member `name` (`x` or `_x`), or nil.
    func maskIndex(named name: UnsafeRawBufferPointer, in candidates: [Int]) -> Int? {
      let base =
        name.first == UInt8(ascii: "_") ? UnsafeRawBufferPointer(rebasing: name[1...]) : name
      return candidates.firstIndex { masks[$0].name.elementsEqual(base) }
    }

    /// Writes `"key":` (with a comma before it unless it is the first member).
    func member(_ key: Int, first: inout Bool, into out: inout [UInt8]) {
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      let token = tape[key]
      // A typed buffer takes Array's contiguous-copy path (cheaper than a raw slice).
      let key = UnsafeRawBufferPointer(rebasing: bytes[(Int(token.start) - 1)...Int(token.end)])
      out.append(contentsOf: key.assumingMemoryBound(to: UInt8.self))
      out.append(UInt8(ascii: ":"))
    }

    /// Writes the value of one member; returns false when nothing of it survives.
    ///
    /// A value that no node stands for (`fhir_comments`, `null`, an empty string) is never
    /// copied: what the rules did not see is not written. A single value of a repeating element
    /// is written as a one-item array.
    mutating func writeValue(
      _ value: Int, key: Int, owner: Int32, shadow: Bool, into out: inout [UInt8]
    ) -> Bool {
      let token = tape[value]
      if token.kind == .arrayStart {
        return writeArray(value, owner: owner, shadow: shadow, into: &out)
      }
      let node = tokenNode[value]
      guard node >= 0 else { return false }
      let wrap = tree[node].repeats
      let mark = out.count
      if wrap { out.append(UInt8(ascii: "[")) }
      defer { if wrap && out.count > mark { out.append(UInt8(ascii: "]")) } }
      if token.kind == .objectStart {
        if shadow {
          guard childAlive[Int(node)] else { return false }
          writeObject(value, owner: node, kind: .shadow, into: &out)
          return true
        }
        guard alive[Int(node)] else {
          out.removeSubrange(mark...)
          return false
        }
        writeComplex(value, node: node, into: &out)
        return true
      }
      guard edits.hasValue(node, in: tree) else {
        out.removeSubrange(mark...)
        return false
      }
      writePrimitive(node, into: &out)
      return true
    }

    /// Writes an array member, dropping dead items (the same positions in `x` and `_x`).
    mutating func writeArray(_ array: Int, owner: Int32, shadow: Bool, into out: inout [UInt8])
      -> Bool
    {
      // Non-null items map to their nodes; a null item stands for the node of the same position
      // made by the partner array (`x` / `_x`), found when needed.
      var sample: Int32 = -1
      for item in tape.elements(of: array) where tokenNode[item] >= 0 {
        sample = tokenNode[item]
        break
      }
      guard sample >= 0 else { return false }  // nothing here that a node stands for
      out.append(UInt8(ascii: "["))
      var first = true
      var content = false
      var position = 0
      for item in tape.elements(of: array) {
        defer { position += 1 }
        var node = tokenNode[item]
        if node < 0 {  // a dropped item (null, empty): the partner array's node, if any
          node = partner(of: sample, owner: owner, index: position)
        }
        guard node >= 0, alive[Int(node)] else { continue }
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        let n = tree[node]
        if shadow {
          if childAlive[Int(node)], tape[item].kind == .objectStart {
            writeObject(item, owner: node, kind: .shadow, into: &out)
            content = true
          } else {
            out.append(contentsOf: "null".utf8)
          }
        } else if n.isPrimitive && !n.isResource {
          if edits.hasValue(node, in: tree) {
            writePrimitive(node, into: &out)
            content = true
          } else {
            out.append(contentsOf: "null".utf8)
          }
        } else {
          writeComplex(item, node: node, into: &out)
          content = true
        }
      }
      out.append(UInt8(ascii: "]"))
      return content
    }

    /// Writes a complex element or resource whose object is at tape index `object`: the text of
    /// a literal replacement (a substitution), or its members.
    mutating func writeComplex(_ object: Int, node: Int32, into out: inout [UInt8]) {
      if case .replaced(let text, .literal) = edits.edit(of: node) {
        out.append(contentsOf: text)
        return
      }
      let kind: Kind = tree[node].isResource ? .resource : .complex
      writeObject(object, owner: node, kind: kind, into: &out)
    }

    /// The node among `owner`'s children of the same element and type as `sample` at `index`.
    func partner(of sample: Int32, owner: Int32, index: Int) -> Int32 {
      let s = tree[sample]
      var child = tree[owner].firstChild
      while child >= 0 {
        let c = tree[child]
        if c.element == s.element && c.type == s.type && Int(c.index) == index { return child }
        child = c.nextSibling
      }
      return -1
    }

    /// Writes a primitive's current value.
    func writePrimitive(_ node: Int32, into out: inout [UInt8]) {
      switch edits.edit(of: node) {
      case .replaced(let text, .string):
        text.withUnsafeBytes { JSONEscaping.appendQuoted($0, to: &out) }
      case .replaced(let text, .literal):
        out.append(contentsOf: text)
      case .original, .removed:
        let n = tree[node]
        if n.isNormalized {
          PrimitiveSyntax.write(
            Int(n.valueToken), type: n.type, tape: tape, bytes: bytes, into: &out)
        } else {
          copy(Int(n.valueToken), into: &out)
        }
      }
    }

    /// Copies the value at tape index `index` as written (compact).
    func copy(_ index: Int, into out: inout [UInt8]) {
      let token = tape[index]
      switch token.kind {
      case .objectStart, .arrayStart:
        tape.writeCompact(tokens: index..<(Int(token.link) + 1), from: bytes, into: &out)
      case .string, .key:
        out.appendBytes(
          UnsafeRawBufferPointer(
            rebasing: bytes[(Int(token.start) - 1)...Int(token.end)]))
      default:
        out.appendBytes(UnsafeRawBufferPointer(rebasing: bytes[token.range]))
      }
    }

    /// Writes `meta` with the security labels of `labels` that it lacks (codes compared
    /// ignoring case); everything else in it as the rules left it.
    mutating func writeMeta(_ object: Int, node: Int32, labels: Operations, into out: inout [UInt8])
    {
      guard tape[object].kind == .objectStart, node >= 0 else {
        out.append(contentsOf: #"{"security":["#.utf8)
        appendLabels(labels, existing: [], first: true, into: &out)
        out.append(contentsOf: "]}".utf8)
        return
      }
      let existing = existingCodes(in: node)
      out.append(UInt8(ascii: "{"))
      var first = true
      var securityWritten = false
      for (key, value) in tape.members(of: object) {
        let name = UnsafeRawBufferPointer(rebasing: bytes[tape[key].range])
        let mark = out.count
        let wasFirst = first
        member(key, first: &first, into: &out)
        if ResourceTree.equals(name, "security") {
          // An array, or a single coding (written as an array) or null: labels go inside.
          let arrayMark = out.count
          let wrote =
            tape[value].kind == .arrayStart
            ? writeArray(value, owner: node, shadow: false, into: &out)
            : writeValue(value, key: key, owner: node, shadow: false, into: &out)
          if wrote {
            out.removeLast()  // "]"
            appendLabels(labels, existing: existing, first: false, into: &out)
          } else {
            out.removeSubrange(arrayMark...)
            out.append(UInt8(ascii: "["))
            appendLabels(labels, existing: existing, first: true, into: &out)
          }
          out.append(UInt8(ascii: "]"))
          securityWritten = true
          continue
        }
        if !writeValue(
          value, key: key, owner: node, shadow: name.first == UInt8(ascii: "_"), into: &out)
        {
          out.removeSubrange(mark...)
          first = wasFirst
        }
      }
      if !securityWritten {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(contentsOf: #""security":["#.utf8)
        appendLabels(labels, existing: existing, first: true, into: &out)
        out.append(UInt8(ascii: "]"))
      }
      out.append(UInt8(ascii: "}"))
    }

    /// The upper-cased codes of the security codings already in `meta` (as the rules left them).
    func existingCodes(in meta: Int32) -> Set<[UInt8]> {
      var codes: Set<[UInt8]> = []
      var child = tree[meta].firstChild
      while child >= 0 {
        if tree.nameEquals(child, securityName, in: bytes) {
          var c = tree[child].firstChild
          while c >= 0 {
            if tree.nameEquals(c, codeName, in: bytes), edits.hasValue(c, in: tree) {
              var text: [UInt8] = []
              switch edits.edit(of: c) {
              case .replaced(let t, _): text = t
              default:
                let token = tape[Int(tree[c].valueToken)]
                text = Array(bytes[token.range])
              }
              codes.insert(text.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 })
            }
            c = tree[c].nextSibling
          }
        }
        child = tree[child].nextSibling
      }
      return codes
    }

    func appendLabels(
      _ labels: Operations, existing: Set<[UInt8]>, first: Bool, into out: inout [UInt8]
    ) {
      labels.appendCodings(skipping: existing, first: first, into: &out)
    }
  }
}

extension OutputWriter {
  /// Appends the output that stands in for a document whose processing failed under
  /// `processingErrors: skip` (spec §6): an empty resource of `type`, labelled redacted.
  static func appendEmptied(_ type: FHIRType, into out: inout [UInt8]) {
    out.append(contentsOf: #"{"resourceType":""#.utf8)
    type.withNameBytes { out.append(contentsOf: $0) }
    out.append(contentsOf: #"","meta":{"security":["#.utf8)
    Operations.redact.appendCodings(skipping: [], first: true, into: &out)
    out.append(contentsOf: "]}}".utf8)
  }
}

extension Array where Element == UInt8 {
  /// Appends raw bytes through a typed buffer, which takes Array's contiguous-copy path (a raw
  /// buffer goes through the slower generic sequence path).
  @inline(__always)
  mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
    append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
  }
}

private let securityName = Array("security".utf8)
private let codeName = Array("code".utf8)
