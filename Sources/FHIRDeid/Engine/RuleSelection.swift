import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// Where a rule's path lands in one resource (spec §3.3): the selected nodes, and the
/// per-resource node tables Microsoft's fast paths read. One per worker; buffers keep their
/// capacity from line to line.
struct RuleSelection {
  /// The nodes the last ``select(_:in:limit:context:bytes:)`` selected.
  var matches: [Int32] = []
  /// The previous step's matches while `select` narrows them (swapped with `matches`).
  private var previousMatches: [Int32] = []
  private var candidates: [Int32] = []
  /// Per resource: the first candidate of each type (by `FHIRType.raw`) and the next one of the
  /// same type, in pre-order.
  private var typeHead: [Int32] = Array(repeating: -1, count: R4.typeCount)
  private var typeNext: [Int32] = []
  private var touchedTypes: [UInt16] = []
  private var items: [FHIRPathItem] = []

  /// Fills `matches` with the nodes the rule selects in `resource`; `limit` is the node count
  /// when the resource's tables were built.
  ///
  /// `context` is only read; it is `inout` so that it is passed by address (as a plain
  /// argument the 350-byte context was copied for every rule and resource).
  mutating func select(
    _ rule: Rule, in resource: Int32, limit: Int32, context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  )
    throws(RecordFailure)
  {
    let tree = context.tree
    // `removeAll(keepingCapacity:)` is a general `replaceSubrange`: skip it when already empty.
    if !matches.isEmpty { matches.removeAll(keepingCapacity: true) }
    switch rule.selector {
    case .wholeResource:
      matches.append(resource)
    case .byType(let type, let member):
      guard let type else { return }
      var node = typeHead[Int(type.raw)]
      while node >= 0 {
        matches.append(node)
        node = typeNext[Int(node)]
      }
      if let member { selectMembers(member, tree: tree, bytes: bytes) }
    case .byName(let name, let member):
      for node in candidates where tree.nameEquals(node, name, in: bytes) { matches.append(node) }
      if let member { selectMembers(member, tree: tree, bytes: bytes) }
    case .members(let chain):
      matches.append(resource)
      for name in chain {
        // Swap instead of copying, so that neither buffer is reallocated.
        swap(&matches, &previousMatches)
        if !matches.isEmpty { matches.removeAll(keepingCapacity: true) }
        for node in previousMatches {
          var child = tree.firstChild(of: node)
          while child >= 0 {
            if tree.nameEquals(child, name, in: bytes) { matches.append(child) }
            child = tree.nextSibling(of: child)
          }
        }
        if matches.isEmpty { break }
      }
    case .byTypeWhere(let type, let criterion, let rest, let expression):
      // The table holds every node of the type only while no node has been added.
      guard Int32(tree.count) == limit else {
        try selectByExpression(expression, rule: rule, in: resource, context: context, bytes: bytes)
        return
      }
      var node = typeHead[Int(type.raw)]
      var index = 0
      while node >= 0 {
        var holds = true
        if let criterion {
          do {
            holds = try context.evaluator.criterion(
              criterion, holdsFor: node, index: index, resource: resource, tree: tree,
              edits: context.edits, tape: context.tape, bytes: bytes)
          } catch {
            throw RecordFailure(
              evaluating: rule.index, error, stepLimit: context.evaluator.stepLimit,
              resourceType: tree[0].type, node: resource > 0 ? resource : nil)
          }
        }
        if holds { matches.append(node) }
        node = typeNext[Int(node)]
        index += 1
      }
      if let rest { try follow(rest, rule: rule, in: resource, context: context, bytes: bytes) }
    case .expression(let expression):
      try selectByExpression(expression, rule: rule, in: resource, context: context, bytes: bytes)
    }
  }

  /// Replaces `matches` by what `rest` yields from each of them, in order: as FHIRPath
  /// evaluates `rest` on the collection of them (its steps act on each item alone), with the
  /// same failures (every evaluation first, then the check that all results are elements).
  private mutating func follow(
    _ rest: CompiledExpression, rule: Rule, in resource: Int32, context: MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) {
    let tree = context.tree
    if !items.isEmpty { items.removeAll(keepingCapacity: true) }
    do {
      for node in matches {
        try context.evaluator.evaluate(
          rest, focus: node, resource: resource, tree: tree, edits: context.edits,
          tape: context.tape, bytes: bytes, into: &items)
      }
    } catch {
      throw RecordFailure(
        evaluating: rule.index, error, stepLimit: context.evaluator.stepLimit,
        resourceType: tree[0].type, node: resource > 0 ? resource : nil)
    }
    matches.removeAll(keepingCapacity: true)
    try appendNodes(of: items, rule: rule, tree: tree)
  }

  /// Fills `matches` with the nodes `expression` yields on `resource`.
  private mutating func selectByExpression(
    _ expression: CompiledExpression, rule: Rule, in resource: Int32, context: MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) {
    let tree = context.tree
    if !items.isEmpty { items.removeAll(keepingCapacity: true) }
    do {
      try context.evaluator.evaluate(
        expression, focus: resource, resource: resource, tree: tree, edits: context.edits,
        tape: context.tape,
        bytes: bytes, into: &items)
    } catch {
      throw RecordFailure(
        evaluating: rule.index, error, stepLimit: context.evaluator.stepLimit,
        resourceType: tree[0].type, node: resource > 0 ? resource : nil)
    }
    try appendNodes(of: items, rule: rule, tree: tree)
  }

  /// Appends the nodes of `items` to `matches`; a System value among them is an error.
  private mutating func appendNodes(
    of items: [FHIRPathItem], rule: Rule, tree: ResourceTree
  ) throws(RecordFailure) {
    for item in items {
      guard case .node(let node) = item else {
        throw RecordFailure(
          .processing(.valuesNotElements), resourceType: tree[0].type, rule: rule.index,
          isSkippable: false)
      }
      matches.append(node)
    }
  }

  /// Fills `candidates` with every node below `resource`, in pre-order: Microsoft's node tables
  /// (spec §3.3), built once per resource before its rules run. Nested resource nodes are
  /// candidates themselves but are not descended into; nodes added later (index ≥ `limit`) are
  /// not candidates.
  mutating func collectCandidates(of resource: Int32, limit: Int32, tree: ResourceTree) {
    candidates.removeAll(keepingCapacity: true)
    for type in touchedTypes { typeHead[Int(type)] = -1 }
    if !touchedTypes.isEmpty { touchedTypes.removeAll(keepingCapacity: true) }
    if typeNext.count < tree.count {
      typeNext.append(contentsOf: repeatElement(-1, count: tree.count - typeNext.count))
    }
    let nodes = tree.nodes
    var node = tree.next(after: resource, within: resource)
    while node >= 0 {
      if node < limit { candidates.append(node) }
      node = tree.next(after: node, within: resource, descend: !nodes[Int(node)].isResource)
    }
    // Per-type lists in pre-order (built back to front).
    var i = candidates.count - 1
    while i >= 0 {
      let node = candidates[i]
      let type = Int(nodes[Int(node)].type.raw)
      if typeHead[type] < 0 { touchedTypes.append(UInt16(type)) }
      typeNext[Int(node)] = typeHead[type]
      typeHead[type] = node
      i -= 1
    }
  }

  /// Replaces `matches` by the children named `member` of each match (an upper-case name equal
  /// to the match's type, or `Resource`/`DomainResource`, selects the match itself).
  private mutating func selectMembers(
    _ member: [UInt8], tree: ResourceTree, bytes: UnsafeRawBufferPointer
  ) {
    // Swap instead of copying, so that neither buffer is reallocated.
    swap(&matches, &previousMatches)
    if !matches.isEmpty { matches.removeAll(keepingCapacity: true) }
    let upper = member.first.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } ?? false
    for node in previousMatches {
      if upper {
        let name = String(decoding: member, as: UTF8.self)
        if tree.type(of: node).name == name || name == "Resource" || name == "DomainResource" {
          matches.append(node)
          continue
        }
      }
      var child = tree.firstChild(of: node)
      while child >= 0 {
        if tree.nameEquals(child, member, in: bytes) { matches.append(child) }
        child = tree.nextSibling(of: child)
      }
    }
  }
}
