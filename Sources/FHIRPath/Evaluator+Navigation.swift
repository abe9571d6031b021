import ByteJSON
import FHIRModel
import FHIRTree

/// Child navigation, tree walks and type tests (spec §7.1, §7.3).
extension EvaluationRun {
  /// How a member name matches nodes.
  struct NameMatch {
    var name: [UInt8]
    /// The name starts with an upper-case letter: it may name the item's own type.
    var isTypeName: Bool
    /// `Resource` or `DomainResource`: returns every node itself.
    var matchesEveryType: Bool
    var type: FHIRType?

    init(_ name: [UInt8]) {
      self.name = name
      let first = name.first ?? 0
      isTypeName = first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
      matchesEveryType = false
      type = nil
      if isTypeName {
        matchesEveryType =
          name.elementsEqual("Resource".utf8)
          || name.elementsEqual("DomainResource".utf8)
        type = name.withUnsafeBytes { FHIRType.named($0) }
      }
    }
  }

  /// `target.name`: for each node, itself when `name` is its type name (or `Resource` /
  /// `DomainResource`), else its children whose base name is `name`.
  mutating func member(
    target: Int32, name: Int32, _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    let match = NameMatch(expression.names[Int(name)])
    if case .focus = expression.nodes[Int(target)] {
      try navigate(frame.this, match, into: &out)
      return
    }
    var input = try collection(target, frame)
    defer { recycle(&input) }
    for item in input { try navigate(item, match, into: &out) }
  }

  @inline(__always)
  mutating func navigate(_ item: FHIRPathItem, _ match: NameMatch, into out: inout [FHIRPathItem])
    throws(FHIRPathEvaluationError)
  {
    guard case .node(let i) = item else { return }
    if match.isTypeName, match.matchesEveryType || tree[i].type == match.type {
      out.append(item)
      return
    }
    try charge(appendChildren(of: i, named: match.name, into: &out))
  }

  /// Appends the children of `node` whose base name is `name`, in order; returns how many
  /// children it looked at (the steps to charge).
  func appendChildren(of node: Int32, named name: [UInt8], into out: inout [FHIRPathItem]) -> Int {
    name.withUnsafeBytes { wanted in
      var visited = 0
      var child = tree[node].firstChild
      while child >= 0 {
        let c = tree[child]
        if Int(c.nameLength) == wanted.count, nodeName(c).elementsEqual(wanted) {
          out.append(.node(child))
        }
        visited &+= 1
        child = c.nextSibling
      }
      return visited
    }
  }

  /// The node after `node` in pre-order within the subtree of `root`, or -1. With `descend`
  /// false the children of `node` are skipped.
  @inline(__always)
  func next(after node: Int32, descend: Bool, within root: Int32) -> Int32 {
    var current = tree[node]
    if descend && current.firstChild >= 0 { return current.firstChild }
    var c = node
    while true {
      if current.nextSibling >= 0 { return current.nextSibling }
      c = current.parent
      if c == root || c < 0 { return -1 }
      current = tree[c]
    }
  }

  /// Appends every descendant of `node` in pre-order (entering nested resources); returns how
  /// many (the steps to charge).
  func appendDescendants(of node: Int32, into out: inout [FHIRPathItem]) -> Int {
    var visited = 0
    var c = tree[node].firstChild
    while c >= 0 {
      out.append(.node(c))
      visited &+= 1
      c = next(after: c, descend: true, within: node)
    }
    return visited
  }

  /// `nodesByType(type)` / `nodesByName(name)` on one node: the node itself when it matches,
  /// then matching descendants in pre-order, neither entering nor returning nested resources.
  /// Returns how many nodes it looked at (the steps to charge).
  func appendNodes(
    under node: Int32, type: FHIRType?, name: UnsafeRawBufferPointer?,
    into out: inout [FHIRPathItem]
  ) -> Int {
    @inline(__always) func matches(_ n: ResourceTree.Node) -> Bool {
      if let type { return n.type == type }
      guard let name else { return false }
      return Int(n.nameLength) == name.count && nodeName(n).elementsEqual(name)
    }
    if matches(tree[node]) { out.append(.node(node)) }
    var visited = 1
    var c = tree[node].firstChild
    while c >= 0 {
      let n = tree[c]
      visited &+= 1
      if n.isResource {
        c = next(after: c, descend: false, within: node)
        continue
      }
      if matches(n) { out.append(.node(c)) }
      c = next(after: c, descend: true, within: node)
    }
    return visited
  }

  /// `extension(url)`: the `extension` children of each node whose `url` equals `url`.
  mutating func appendExtensions(
    of node: Int32, url: [UInt8], into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var visited = 0
    var child = tree[node].firstChild
    while child >= 0 {
      let c = tree[child]
      visited &+= 1
      if ResourceTree.equals(nodeName(c), "extension") {
        var grandchild = c.firstChild
        while grandchild >= 0 {
          let g = tree[grandchild]
          visited &+= 1
          if ResourceTree.equals(nodeName(g), "url") {
            if try equalOperands(operand(.node(grandchild)), .value(.string(url))) == true {
              out.append(.node(child))
              break
            }
          }
          grandchild = g.nextSibling
        }
      }
      child = c.nextSibling
    }
    try charge(visited)
  }

  // MARK: Types

  /// The System types by name, for `is` / `as` / `ofType` on values.
  static let systemTypeNames: [[UInt8]] = [
    "Boolean", "Integer", "Decimal", "String", "Date", "DateTime", "Time", "Quantity",
  ].map { Array($0.utf8) }

  /// Index in ``systemTypeNames`` of a value's type.
  static func systemTypeIndex(_ v: FHIRPathValue) -> Int {
    switch v {
    case .boolean: 0
    case .integer: 1
    case .decimal: 2
    case .string: 3
    case .date: 4
    case .dateTime: 5
    case .time: 6
    case .quantity: 7
    }
  }

  /// A resolved type specifier: the FHIR type and the System type it names (either may be
  /// absent). The namespace is tolerated and not checked: matching is by exact name.
  struct TypeMatch {
    var fhirType: FHIRType?
    var systemType: Int?

    init(_ spec: TypeSpecifier) {
      fhirType = spec.name.withUnsafeBytes { FHIRType.named($0) }
      systemType = EvaluationRun.systemTypeNames.firstIndex(of: spec.name)
    }

    func matches(_ item: FHIRPathItem, in tree: ResourceTree) -> Bool {
      switch item {
      case .node(let n): return fhirType != nil && tree[n].type == fhirType
      case .value(let v): return systemType == EvaluationRun.systemTypeIndex(v)
      }
    }
  }

  /// `is T`, `as T`, `ofType(T)`: exact type name, no subtypes. `as` and `ofType` filter the
  /// whole collection; `is` needs at most one item.
  mutating func typeOperation(
    _ op: TypeOperator, operand: Int32, type: Int32, _ frame: Frame,
    into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    let match = TypeMatch(expression.types[Int(type)])
    var input = try collection(operand, frame)
    defer { recycle(&input) }
    switch op {
    case .is:
      guard let item = try single(input) else { return }
      out.append(.value(.boolean(match.matches(item, in: tree))))
    case .as, .ofType:
      for item in input where match.matches(item, in: tree) { out.append(item) }
    }
  }

  /// `target[index]`: the item at a 0-based position; empty when out of range.
  mutating func indexer(
    target: Int32, index: Int32, _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var position = try collection(index, frame)
    defer { recycle(&position) }
    guard let value = try singleScalar(position) else { return }
    guard case .integer(let i) = value else { throw FHIRPathEvaluationError(.invalidArgument) }
    var input = try collection(target, frame)
    defer { recycle(&input) }
    if i >= 0 && i < input.count { out.append(input[Int(i)]) }
  }
}
