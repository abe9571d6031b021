import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

extension OutputWriter {
  /// Writes pieces of one complex node's subtree in their current state, exactly as
  /// ``OutputWriter/write(tree:tape:labels:bytes:into:)`` would write them at the end (value
  /// edits applied, dead nodes pruned). `substitute` uses it to render the nodes a merge keeps.
  ///
  /// It holds copies of the tree and the writer's tables: drop it before editing the tree, or
  /// the edit copies the tree's arrays.
  struct SubtreeRenderer {
    var context: Context

    /// Whether the node survives pruning.
    func isAlive(_ node: Int32) -> Bool { context.alive[Int(node)] }

    /// Whether the node has a value now.
    func hasValue(_ node: Int32) -> Bool { context.edits.hasValue(node, in: context.tree) }

    /// Whether any child of the node survives pruning (for a primitive: its `_x` is written).
    func hasAliveChildren(_ node: Int32) -> Bool { context.childAlive[Int(node)] }

    /// Writes the node's JSON value: a primitive's current value, or a complex element's or
    /// resource's object (its literal replacement, if it has one). The node must be alive (for
    /// a primitive: have a value).
    mutating func writeValue(of node: Int32, into out: inout [UInt8]) {
      let n = context.tree[node]
      if n.isPrimitive && !n.isResource {
        context.writePrimitive(node, into: &out)
      } else {
        context.writeComplex(Int(n.valueToken), node: node, into: &out)
      }
    }

    /// Writes a primitive's `_x` object (its `id` and `extension`); the node must have alive
    /// children.
    mutating func writeShadow(of node: Int32, into out: inout [UInt8]) {
      let shadow = Int(context.tree[node].shadowToken)
      guard shadow >= 0 else {
        out.append(contentsOf: "{}".utf8)
        return
      }
      context.writeObject(shadow, owner: node, kind: .shadow, into: &out)
    }
  }

  /// A renderer for the subtree `nodes` of a complex node (`nodes[0]`, then its descendants in
  /// pre-order), computing the pruning tables for those nodes only.
  ///
  /// O(subtree nodes + subtree tape tokens); the tables of other nodes are left as they are and
  /// are not read.
  mutating func subtreeRenderer(
    _ nodes: [Int32], tree: ResourceTree, edits: ValueEdits, tape: Tape, labels: [Operations],
    bytes: UnsafeRawBufferPointer
  ) -> SubtreeRenderer {
    if alive.count < tree.count {
      let more = tree.count - alive.count
      alive.append(contentsOf: repeatElement(false, count: more))
      childAlive.append(contentsOf: repeatElement(false, count: more))
      dirty.append(contentsOf: repeatElement(false, count: more))
    }
    if tokenNode.count < tape.count {
      tokenNode.append(contentsOf: repeatElement(-1, count: tape.count - tokenNode.count))
    }
    if let root = nodes.first {
      // Tokens of the root's object that belong to no node (`resourceType`, `fhir_comments`)
      // must read as -1, not as a previous line's mapping.
      let object = Int(tree[root].valueToken)
      if object >= 0, tape[object].kind == .objectStart {
        for t in object...Int(tape[object].link) { tokenNode[t] = -1 }
      }
    }
    for node in nodes {
      alive[Int(node)] = false
      childAlive[Int(node)] = false
      dirty[Int(node)] = false
    }
    var i = nodes.count - 1
    while i >= 0 {
      settle(nodes[i], tree: tree, edits: edits, labels: labels, propagate: i > 0)
      i -= 1
    }
    return SubtreeRenderer(
      context: Context(
        tree: tree, edits: edits, tape: tape, labels: labels, bytes: bytes, alive: alive,
        childAlive: childAlive, dirty: dirty, tokenNode: tokenNode))
  }
}
