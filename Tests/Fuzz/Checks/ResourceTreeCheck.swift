import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// The R4 tree targets.
///
/// `tree`: on a line that scans, `ResourceTree.build` either gives a consistent tree (links,
/// tokens, flags and names agree; every node has a path; every primitive's value either parses
/// or throws a typed error) or a failure that points inside the line and has a path.
///
/// `tree-agreement`: `ResourceTree.isValid` (the validate-only fast path of `keep-all`) is true
/// exactly when `build` succeeds.
enum ResourceTreeCheck {
  static func check(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    var tape = Tape()
    guard (try? JSONScanner().scan(input, into: &tape)) != nil else { return }
    _ = ResourceTree.isValid(tape, bytes: input)
    var tree = ResourceTree()
    do {
      try tree.build(tape, bytes: input)
    } catch {
      try checkFailure(error, tree: tree, tape: tape, bytes: input)
      return
    }
    try checkTree(tree, tape: tape, bytes: input)
  }

  static func checkAgreement(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    var tape = Tape()
    guard (try? JSONScanner().scan(input, into: &tape)) != nil else { return }
    let valid = ResourceTree.isValid(tape, bytes: input)
    var tree = ResourceTree()
    let failure: ResourceTree.Failure?
    do {
      try tree.build(tape, bytes: input)
      failure = nil
    } catch {
      failure = error
    }
    if let failure {
      try require(!valid, "isValid is true but build fails: \(failure.kind) at \(failure.offset)")
    } else {
      try require(valid, "isValid is false but build succeeds")
    }
  }

  static func checkFailure(
    _ failure: ResourceTree.Failure, tree: ResourceTree, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(FuzzViolation) {
    try require(Int(failure.offset) <= bytes.count, "failure offset past the end")
    try require(failure.parent < Int32(tree.count), "failure parent is not a node")
    try require(
      failure.keyToken < 0
        || (Int(failure.keyToken) < tape.count
          && tape[Int(failure.keyToken)].kind == .key),
      "failure key token is not a key")
    _ = tree.path(of: failure, tape: tape, bytes: bytes)
  }

  /// Links, tokens, flags and names of a built tree; the value of every primitive.
  static func checkTree(_ tree: ResourceTree, tape: Tape, bytes: UnsafeRawBufferPointer)
    throws(FuzzViolation)
  {
    let count = Int32(tree.count)
    try require(count > 0, "a built tree has no root")
    let root = tree[0]
    try require(root.parent == -1 && root.isResource && root.type.isResource, "bad root node")
    if let value = tape.member(named: "resourceType", in: 0, bytes: bytes) {
      let name = UnsafeRawBufferPointer(rebasing: bytes[tape[value].range])
      try require(R4.resourceType(named: name) == root.type, "root type is not resourceType")
    } else {
      throw FuzzViolation("a tree was built for an object without resourceType")
    }

    // Every node but the root is reached exactly once from its parent's child list.
    var reached = [Bool](repeating: false, count: tree.count)
    for node in 0..<count {
      var child = tree.firstChild(of: node)
      var last: Int32 = -1
      var steps: Int32 = 0
      var previous: ResourceTree.Node?
      while child >= 0 {
        try require(child > 0 && child < count, "child index \(child) out of range")
        try require(!reached[Int(child)], "node \(child) is in two child lists (or a cycle)")
        reached[Int(child)] = true
        let current = tree[child]
        try require(current.parent == node, "node \(child) does not name its parent \(node)")
        if let previous, previous.element == current.element, previous.type == current.type {
          try require(current.index > previous.index, "same-named siblings out of order")
        }
        previous = current
        last = child
        child = tree.nextSibling(of: child)
        steps &+= 1
        try require(steps < count, "child list of \(node) does not end")
      }
      try require(tree[node].lastChild == last, "lastChild of \(node) is not the last child")
    }
    try require(!reached[0] && reached.dropFirst().allSatisfy { $0 }, "a node is unreachable")

    let evaluator = FHIRPathEvaluator(today: (2026, 11, 29))
    for index in 0..<count {
      let node = tree[index]
      try require(
        node.isPrimitive == node.type.isPrimitive, "primitive flag of \(index) disagrees")
      try require(!node.isResource || node.type.isResource, "resource flag on a non-resource")
      try require(
        Int(node.nameStart) + Int(node.nameLength) <= bytes.count, "name of \(index) past the end")
      if index > 0 {
        try require(
          node.keyToken >= 0 && Int(node.keyToken) < tape.count
            && tape[Int(node.keyToken)].kind == .key, "key token of \(index) is not a key")
      }
      try require(
        node.shadowToken < 0
          || (Int(node.shadowToken) < tape.count
            && tape[Int(node.shadowToken)].kind == .objectStart),
        "shadow of \(index) not an object")
      if node.valueToken >= 0 {
        try require(Int(node.valueToken) < tape.count, "value token of \(index) out of range")
        let kind = tape[Int(node.valueToken)].kind
        if node.isPrimitive {
          try require(
            kind == .string || kind == .number || kind == .true || kind == .false,
            "primitive \(index) has a container value")
        } else {
          try require(kind == .objectStart, "complex node \(index) has a scalar value")
        }
      } else {
        try require(
          node.isPrimitive && node.shadowToken >= 0, "node \(index) has neither value nor _x")
      }
      try require(!tree.path(of: index, bytes: bytes).isEmpty, "node \(index) has no path")
      if node.isPrimitive {
        _ = try? evaluator.value(of: index, tree: tree, tape: tape, bytes: bytes)
      }
    }
  }
}
