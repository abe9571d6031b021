import ByteJSON
import FHIRModel
import FHIRPath

extension EngineCore {
  /// Applies the configuration to the tree of one document (spec §3.1): every resource node,
  /// pre-order in document order, gets its rules; operations bubble up to enclosing resources and
  /// become labels on every resource that is not `contained`.
  mutating func applyRules(_ bytes: UnsafeRawBufferPointer) throws(RecordFailure) {
    let count = tree.count
    visited.removeAll(keepingCapacity: true)
    visited.append(contentsOf: repeatElement(false, count: count))
    if recordsDecidingRules {
      decidingRule.removeAll(keepingCapacity: true)
      decidingRule.append(contentsOf: repeatElement(-1, count: count))
    }
    labels.removeAll(keepingCapacity: true)
    labels.append(contentsOf: repeatElement([], count: count))
    rootID = -1
    var child = tree.firstChild(of: 0)
    while child >= 0 {
      if tree.type(of: child) == .id, tree.nameEquals(child, idName, in: bytes) {
        rootID = child
        break
      }
      child = tree.nextSibling(of: child)
    }
    var rootOperations: Operations = []
    try walk(0, bytes: bytes, into: &rootOperations)
  }

  /// Visits `node`'s subtree; resource nodes are processed on the way down and labelled on the
  /// way up. `operations` collects what was done in the nearest enclosing resource.
  private mutating func walk(
    _ node: Int32, bytes: UnsafeRawBufferPointer, into operations: inout Operations
  )
    throws(RecordFailure)
  {
    let flags = tree.flags(of: node)
    if flags & ResourceTree.Flag.resource != 0 {
      var own = try processResource(node, bytes: bytes)
      var child = tree.firstChild(of: node)
      while child >= 0 {
        try walk(child, bytes: bytes, into: &own)
        child = tree.nextSibling(of: child)
      }
      if !isContained(node, bytes: bytes) { labels[Int(node)] = own }
      operations.formUnion(own)
    } else {
      // A substituted complex node is written from its replacement text: nothing below it is
      // in the output, and every node below it is visited (spec §4.6 step 5).
      if flags & ResourceTree.Flag.primitive == 0, !isOriginal(node) { return }
      var child = tree.firstChild(of: node)
      while child >= 0 {
        try walk(child, bytes: bytes, into: &operations)
        child = tree.nextSibling(of: child)
      }
    }
  }

  private func isOriginal(_ node: Int32) -> Bool {
    tree.editKind(of: node) == .original
  }

  private mutating func isContained(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    guard tree.parent(of: node) >= 0 else { return false }
    return tree.nameEquals(node, containedName, in: bytes)
  }

  /// Runs every rule that applies to the resource at `resource`, in order (spec §3.2–3.4).
  private mutating func processResource(_ resource: Int32, bytes: UnsafeRawBufferPointer)
    throws(RecordFailure) -> Operations
  {
    var operations: Operations = []
    // Microsoft builds its node tables once, before any rule runs: nodes added later (by a
    // substitution) are not selected by later fast-path rules.
    let limit = Int32(tree.count)
    var collected = false
    for ruleIndex in anonymizer.rulesByType[Int(tree.type(of: resource).raw)] {
      let rule = configuration.rules[ruleIndex]
      if !collected, rule.selector.isFastPath {
        collectCandidates(of: resource, limit: limit)
        collected = true
      }
      try select(rule, in: resource, limit: limit, bytes: bytes)
      guard !matches.isEmpty else { continue }
      let selected = matches
      var changed = 0
      for node in selected {
        try process(
          node, rule: rule, resource: resource, bytes: bytes, into: &operations, changed: &changed)
      }
      counters.count(
        rule: ruleIndex, method: rule.method, matched: selected.count, changed: changed)
    }
    return operations
  }

  /// Fills `matches` with the nodes the rule selects in `resource`; `limit` is the node count
  /// when the resource's tables were built.
  private mutating func select(
    _ rule: Rule, in resource: Int32, limit: Int32, bytes: UnsafeRawBufferPointer
  )
    throws(RecordFailure)
  {
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
      if let member { selectMembers(member, bytes: bytes) }
    case .byName(let name, let member):
      for node in candidates where tree.nameEquals(node, name, in: bytes) { matches.append(node) }
      if let member { selectMembers(member, bytes: bytes) }
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
    case .byTypeWhere(let type, let criterion, let expression):
      // The table holds every node of the type only while no node has been added.
      guard Int32(tree.count) == limit else {
        try selectByExpression(expression, rule: rule, in: resource, bytes: bytes)
        return
      }
      var node = typeHead[Int(type.raw)]
      var index = 0
      while node >= 0 {
        let holds: Bool
        do {
          holds = try evaluator.criterion(
            criterion, holdsFor: node, index: index, resource: resource, tree: tree, tape: tape,
            bytes: bytes)
        } catch {
          throw RecordFailure(
            evaluating: rule, error, stepLimit: evaluator.stepLimit,
            resourceType: tree[0].type.name,
            path: resource > 0 ? tree.path(of: resource, bytes: bytes) : nil)
        }
        if holds { matches.append(node) }
        node = typeNext[Int(node)]
        index += 1
      }
    case .expression(let expression):
      try selectByExpression(expression, rule: rule, in: resource, bytes: bytes)
    }
  }

  /// Fills `matches` with the nodes `expression` yields on `resource`.
  private mutating func selectByExpression(
    _ expression: CompiledExpression, rule: Rule, in resource: Int32,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) {
    if !items.isEmpty { items.removeAll(keepingCapacity: true) }
    do {
      try evaluator.evaluate(
        expression, focus: resource, resource: resource, tree: tree, tape: tape, bytes: bytes,
        into: &items)
    } catch {
      throw RecordFailure(
        evaluating: rule, error, stepLimit: evaluator.stepLimit,
        resourceType: tree[0].type.name,
        path: resource > 0 ? tree.path(of: resource, bytes: bytes) : nil)
    }
    for item in items {
      guard case .node(let node) = item else {
        throw RecordFailure(
          .processing("the rule's path yields values, not elements"),
          resourceType: tree[0].type.name, rule: rule.index, isSkippable: false)
      }
      matches.append(node)
    }
  }

  /// Fills `candidates` with every node below `resource`, in pre-order: Microsoft's node tables
  /// (spec §3.3), built once per resource before its rules run. Nested resource nodes are
  /// candidates themselves but are not descended into; nodes added later (index ≥ `limit`) are
  /// not candidates.
  private mutating func collectCandidates(of resource: Int32, limit: Int32) {
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
  private mutating func selectMembers(_ member: [UInt8], bytes: UnsafeRawBufferPointer) {
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

  /// Applies `rule`'s method to `node` and its unvisited non-resource descendants (spec §3.4).
  /// `changed` counts the nodes whose value the method changed.
  private mutating func process(
    _ node: Int32, rule: Rule, resource: Int32, bytes: UnsafeRawBufferPointer,
    into operations: inout Operations, changed: inout Int
  ) throws(RecordFailure) {
    guard !visited[Int(node)] else { return }
    let done = try apply(rule, to: node, resource: resource, bytes: bytes)
    if !done.isEmpty {
      operations.formUnion(done)
      changed &+= 1
    }
    visited[Int(node)] = true
    if recordsDecidingRules, Int(node) < decidingRule.count {
      decidingRule[Int(node)] = Int32(truncatingIfNeeded: rule.index)
    }
    var child = tree.firstChild(of: node)
    while child >= 0 {
      if !tree.isResource(child) {
        try process(
          child, rule: rule, resource: resource, bytes: bytes, into: &operations,
          changed: &changed)
      }
      child = tree.nextSibling(of: child)
    }
  }

  /// One method on one node.
  private mutating func apply(
    _ rule: Rule, to node: Int32, resource: Int32, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let operations: Operations
    switch rule.method {
    case .keep: operations = []
    case .redact: operations = redact(node, bytes: bytes)
    case .dateShift: operations = try dateShift(node, rule: rule, bytes: bytes)
    case .cryptoHash: operations = try cryptoHash(node, rule: rule, bytes: bytes)
    case .encrypt: operations = try encrypt(node, rule: rule, bytes: bytes)
    case .perturb: operations = try perturb(node, rule: rule, resource: resource, bytes: bytes)
    case .generalize:
      operations = try generalize(node, rule: rule, resource: resource, bytes: bytes)
    case .substitute: operations = try substitute(node, rule: rule, bytes: bytes)
    }
    if let fault = anonymizer.settings.injectedFault, fault == rule.method {
      throw RecordFailure(
        .processing("injected fault (FHIR_DEID_TEST_FAULT)"), resourceType: tree[0].type.name,
        path: tree.path(of: node, bytes: bytes), rule: rule.index)
    }
    return operations
  }
}

private let idName = Array("id".utf8)
private let containedName = Array("contained".utf8)
