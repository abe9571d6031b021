import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// One item of a member in a merge result (spec §4.6 S(target, repl)).
private enum Piece {
  /// A visited node, written as it is now.
  case current(Int32)
  /// An unvisited node merged with a replacement item.
  case merged(Int32, JSONValue)
  /// An unvisited node with visited descendants: only the paths to them survive (S(e, {})).
  case kept(Int32)
  /// A replacement item with no node to merge into.
  case fresh(JSONValue)

  var node: Int32? {
    switch self {
    case .current(let n), .merged(let n, _), .kept(let n): n
    case .fresh: nil
    }
  }
}

/// A read-only view of the document while a substitution merges a complex node with its
/// replacement (spec §4.6): which nodes are visited, and which lead to visited nodes.
///
/// It holds copies of the tree and the marks: drop it before editing the tree, or the edit
/// copies the tree's arrays.
struct SubstitutionMerge {
  let tree: ResourceTree
  let tape: Tape
  let visited: [Bool]
  let keepMarks: [Bool]
}

extension SubstitutionMerge {
  /// Writes S(`node`, `members`) as a JSON object and returns whether it has any member (a
  /// resource always counts, as resources are never pruned).
  ///
  /// Member order: the replacement's members in its order, each with its same-named items
  /// grouped (visited items first where they were, then merged ones, then the surplus
  /// replacement items), then the node's other children that survive, in their order.
  /// Microsoft writes the replacement's members in canonical FHIR order instead, and its
  /// functional tests compare without order.
  ///
  /// - Parameters:
  ///   - members: the replacement object's members, validated against `structure`; empty for
  ///     S(node, {}), which keeps only the paths to visited nodes.
  ///   - structure: the node's R4 structure (unused when `members` is empty).
  func writeMerged(
    _ node: Int32, members: [JSONValue.Member], structure: StructureID?,
    renderer: inout OutputWriter.SubtreeRenderer, bytes: UnsafeRawBufferPointer,
    into out: inout [UInt8]
  ) throws(SubstitutionIssue) -> Bool {
    let n = tree[node]
    out.append(UInt8(ascii: "{"))
    var first = true
    if n.isResource {
      out.append(contentsOf: #""resourceType":"#.utf8)
      JSONEscaping.appendQuoted(Array(n.type.name.utf8), to: &out)
      first = false
    }
    // Step 2: the replacement's members.
    var names: [[UInt8]] = []
    for m in members {
      if n.isResource && m.key == "resourceType" { continue }
      guard let structure, let match = R4.child(m.key, of: structure) else { continue }
      let key = Array(m.key.utf8)
      let base = Array(key.prefix(match.nameLength))
      names.append(base)
      var items: [JSONValue]
      var isArray = false
      if case .array(let list) = m.value {
        items = list
        isArray = true
      } else {
        items = [m.value]
      }
      var pieces: [Piece] = []
      var i = 0
      var child = n.firstChild
      while child >= 0 {
        defer { child = tree[child].nextSibling }
        guard tree.nameEquals(child, base, in: bytes) else { continue }
        if visited[Int(child)] {
          pieces.append(.current(child))  // keeps its state and takes a slot
          i += 1
        } else if i < items.count {
          if fits(child, items[i], match: match) {
            pieces.append(.merged(child, items[i]))
          } else if keepMarks[Int(child)] {
            throw SubstitutionIssue.typeMismatch(m.key)
          } else {
            pieces.append(.fresh(items[i]))
          }
          i += 1
        } else if keepMarks[Int(child)] {
          pieces.append(.kept(child))
        }
      }
      while i < items.count {
        pieces.append(.fresh(items[i]))
        i += 1
      }
      try writeGroup(
        pieces, key: key, isArray: isArray, match: match, renderer: &renderer, bytes: bytes,
        first: &first, into: &out)
    }
    // Step 3: the node's other children survive if visited, or as paths to visited nodes.
    var child = n.firstChild
    while child >= 0 {
      let head = child
      var pieces: [Piece] = []
      while child >= 0 && sameName(child, head, bytes: bytes) {
        if visited[Int(child)] {
          pieces.append(.current(child))
        } else if keepMarks[Int(child)] {
          pieces.append(.kept(child))
        }
        child = tree[child].nextSibling
      }
      guard !pieces.isEmpty, !names.contains(where: { tree.nameEquals(head, $0, in: bytes) })
      else { continue }
      try writeGroup(
        pieces, key: nil, isArray: false, match: nil, renderer: &renderer, bytes: bytes,
        first: &first, into: &out)
    }
    out.append(UInt8(ascii: "}"))
    return !first
  }

  /// Whether a replacement item can be merged into `node`: the same type (for a choice, the
  /// same suffix; for a resource, the same `resourceType`).
  private func fits(_ node: Int32, _ item: JSONValue, match: ChildMatch) -> Bool {
    let n = tree[node]
    guard match.holdsResource else { return n.type == match.type }
    guard case .object(let members) = item,
      case .string(let name)? = members.first(where: { $0.key == "resourceType" })?.value
    else { return false }
    return FHIRType.named(name) == n.type
  }

  private func sameName(_ a: Int32, _ b: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    let x = tree[a]
    let y = tree[b]
    guard x.nameLength == y.nameLength else { return false }
    let s = Int(x.nameStart)
    let t = Int(y.nameStart)
    for i in 0..<Int(x.nameLength) where bytes[s + i] != bytes[t + i] { return false }
    return true
  }

  /// The member key a node was written under, without a leading `_` (`valueQuantity`).
  private func key(of node: Int32, bytes: UnsafeRawBufferPointer) -> [UInt8] {
    let token = tape[Int(tree[node].keyToken)]
    var key = Array(UnsafeRawBufferPointer(rebasing: bytes[token.range]))
    if key.first == UInt8(ascii: "_") { key.removeFirst() }
    return key
  }

  /// Writes the pieces of one element, as one member per key (one, unless a choice element has
  /// items of several types). A key's items form an array when the replacement gave an array,
  /// a node came from one, or there are several.
  private func writeGroup(
    _ pieces: [Piece], key replacementKey: [UInt8]?, isArray: Bool, match: ChildMatch?,
    renderer: inout OutputWriter.SubtreeRenderer, bytes: UnsafeRawBufferPointer,
    first: inout Bool, into out: inout [UInt8]
  ) throws(SubstitutionIssue) {
    var keys: [[UInt8]] = []
    var buckets: [[Piece]] = []
    for piece in pieces {
      let k = piece.node.map { key(of: $0, bytes: bytes) } ?? replacementKey ?? []
      if let j = keys.firstIndex(of: k) {
        buckets[j].append(piece)
      } else {
        keys.append(k)
        buckets.append([piece])
      }
    }
    for (k, bucket) in zip(keys, buckets) {
      var array = bucket.count > 1
      var primitive = false
      for piece in bucket {
        if let node = piece.node {
          let n = tree[node]
          if n.isInArray { array = true }
          primitive = n.type.isPrimitive && !n.isResource
          if isArray, case .merged = piece { array = true }
        } else {
          if isArray { array = true }
          if let match { primitive = match.type.isPrimitive && !match.holdsResource }
        }
      }
      if primitive {
        try writePrimitives(
          bucket, key: k, array: array, renderer: &renderer, bytes: bytes, first: &first,
          into: &out)
      } else {
        try writeComplexes(
          bucket, key: k, array: array, match: match, renderer: &renderer, bytes: bytes,
          first: &first, into: &out)
      }
    }
  }

  private func writeKey(_ key: [UInt8], first: inout Bool, into out: inout [UInt8]) {
    if !first { out.append(UInt8(ascii: ",")) }
    first = false
    JSONEscaping.appendQuoted(key, to: &out)
    out.append(UInt8(ascii: ":"))
  }

  /// Writes complex (or resource) items under `key`, leaving out those that come out empty.
  private func writeComplexes(
    _ bucket: [Piece], key: [UInt8], array: Bool, match: ChildMatch?,
    renderer: inout OutputWriter.SubtreeRenderer, bytes: UnsafeRawBufferPointer,
    first: inout Bool, into out: inout [UInt8]
  ) throws(SubstitutionIssue) {
    let mark = out.count
    let wasFirst = first
    writeKey(key, first: &first, into: &out)
    if array { out.append(UInt8(ascii: "[")) }
    var count = 0
    for piece in bucket {
      let pieceMark = out.count
      if count > 0 { out.append(UInt8(ascii: ",")) }
      var wrote = true
      switch piece {
      case .current(let node):
        if renderer.isAlive(node) {
          renderer.writeValue(of: node, into: &out)
        } else {
          wrote = false
        }
      case .merged(let node, let item):
        let n = tree[node]
        let structure = n.isResource ? R4.structure(of: n.type) : match?.structure
        wrote = try writeMerged(
          node, members: item.members ?? [], structure: structure, renderer: &renderer,
          bytes: bytes, into: &out)
      case .kept(let node):
        wrote = try writeMerged(
          node, members: [], structure: nil, renderer: &renderer, bytes: bytes, into: &out)
      case .fresh(let item):
        item.write(into: &out)
      }
      if wrote {
        count += 1
      } else {
        out.removeSubrange(pieceMark...)
      }
    }
    guard count > 0 else {
      out.removeSubrange(mark...)
      first = wasFirst
      return
    }
    if array { out.append(UInt8(ascii: "]")) }
  }

  /// Writes primitive items under `key` and their `id`/`extension` under `_key`, with `null`
  /// placeholders in arrays, leaving out items with neither.
  private func writePrimitives(
    _ bucket: [Piece], key: [UInt8], array: Bool,
    renderer: inout OutputWriter.SubtreeRenderer, bytes: UnsafeRawBufferPointer,
    first: inout Bool, into out: inout [UInt8]
  ) throws(SubstitutionIssue) {
    var values: [[UInt8]?] = []
    var shadows: [[UInt8]?] = []
    for piece in bucket {
      var value: [UInt8]? = nil
      var shadow: [UInt8]? = nil
      switch piece {
      case .current(let node):
        if renderer.hasValue(node) {
          var v: [UInt8] = []
          renderer.writeValue(of: node, into: &v)
          value = v
        }
        if renderer.hasAliveChildren(node) {
          var s: [UInt8] = []
          renderer.writeShadow(of: node, into: &s)
          shadow = s
        }
      case .merged(let node, let item):
        var v: [UInt8] = []
        item.write(into: &v)
        value = v
        shadow = try keptChildren(of: node, renderer: &renderer, bytes: bytes)
      case .kept(let node):
        shadow = try keptChildren(of: node, renderer: &renderer, bytes: bytes)
      case .fresh(let item):
        var v: [UInt8] = []
        item.write(into: &v)
        value = v
      }
      guard value != nil || shadow != nil else { continue }
      values.append(value)
      shadows.append(shadow)
    }
    for (name, list, empty) in [
      (key, values, Array("null".utf8)), ([UInt8(ascii: "_")] + key, shadows, Array("null".utf8)),
    ] where list.contains(where: { $0 != nil }) {
      writeKey(name, first: &first, into: &out)
      if array {
        out.append(UInt8(ascii: "["))
        for (i, item) in list.enumerated() {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          out.append(contentsOf: item ?? empty)
        }
        out.append(UInt8(ascii: "]"))
      } else if let item = list.first, let item {
        out.append(contentsOf: item)
      }
    }
  }

  /// S(primitive, {}) for the `_x` object: the paths to visited `id`/`extension` nodes, or nil.
  private func keptChildren(
    of node: Int32, renderer: inout OutputWriter.SubtreeRenderer, bytes: UnsafeRawBufferPointer
  ) throws(SubstitutionIssue) -> [UInt8]? {
    guard keepMarks[Int(node)] else { return nil }
    var s: [UInt8] = []
    let wrote = try writeMerged(
      node, members: [], structure: nil, renderer: &renderer, bytes: bytes, into: &s)
    return wrote ? s : nil
  }
}
