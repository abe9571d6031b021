import ByteJSON
import FHIRModel
import FHIRTree

/// Operators on collections (spec §7.3): empty operands give empty results, singletons are
/// required where N1 requires them, equality compares values (complex nodes child by child).
extension EvaluationRun {
  mutating func unary(
    _ op: UnaryOperator, operand: Int32, _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var input = try collection(operand, frame)
    defer { recycle(&input) }
    guard let item = try single(input), let value = try scalar(item) else { return }
    out.append(.value(try FHIRPathValue.applyPolarity(op, value)))
  }

  mutating func binary(
    _ op: BinaryOperator, lhs: Int32, rhs: Int32, _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    switch op {
    case .and, .or, .implies:
      // Short-circuit as Firely does: `false and x`, `true or x`, `false implies x`.
      let a = try truth(of: lhs, frame)
      switch (op, a) {
      case (.and, false):
        out.append(.value(.boolean(false)))
        return
      case (.or, true), (.implies, false):
        out.append(.value(.boolean(true)))
        return
      default: break
      }
      let b = try truth(of: rhs, frame)
      let result: Bool?
      switch op {
      case .and: result = b == false ? false : (a == true && b == true ? true : nil)
      case .or: result = b == true ? true : (a == false && b == false ? false : nil)
      default: result = b == true ? true : (a == true && b == false ? false : nil)
      }
      if let result { out.append(.value(.boolean(result))) }
      return
    case .xor:
      let a = try truth(of: lhs, frame)
      let b = try truth(of: rhs, frame)
      if let a, let b { out.append(.value(.boolean(a != b))) }
      return
    default:
      break
    }

    var left = try collection(lhs, frame)
    defer { recycle(&left) }
    var right = try collection(rhs, frame)
    defer { recycle(&right) }
    switch op {
    case .union:
      try appendUnion(left, right, into: &out)
    case .equal, .notEqual:
      if let equal = try equalCollections(left, right) {
        out.append(.value(.boolean(equal == (op == .equal))))
      }
    case .equivalent, .notEquivalent:
      let equivalent = try equivalentCollections(left, right)
      out.append(.value(.boolean(equivalent == (op == .equivalent))))
    case .less, .greater, .lessOrEqual, .greaterOrEqual:
      guard let a = try single(left), let b = try single(right) else { return }
      guard let x = try orderable(a), let y = try orderable(b) else { return }
      if let r = try FHIRPathValue.evaluate(op, x, y) { out.append(.value(.boolean(r))) }
    case .in, .contains:
      let (element, container) = op == .in ? (left, right) : (right, left)
      guard let item = try single(element) else { return }
      let key = try operand(item)
      try charge(container.count)
      var found = false
      for candidate in container where try equalOperands(key, operand(candidate)) == true {
        found = true
        break
      }
      out.append(.value(.boolean(found)))
    case .concatenate:
      let a = try concatenationText(left)
      let b = try concatenationText(right)
      try charge(bytes: a.count + b.count)
      out.append(.value(.string(a + b)))
    case .add, .subtract, .multiply, .divide, .div, .mod:
      guard let a = try single(left), let b = try single(right) else { return }
      guard let x = try arithmeticOperand(a), let y = try arithmeticOperand(b) else { return }
      if let r = try FHIRPathValue.arithmetic(op, x, y) { out.append(.value(r)) }
    case .and, .or, .xor, .implies:
      break  // handled above
    }
  }

  /// Boolean evaluation of sub-expression `n`.
  mutating func truth(of n: Int32, _ frame: Frame) throws(FHIRPathEvaluationError) -> Bool? {
    var items = try collection(n, frame)
    defer { recycle(&items) }
    return try truth(items)
  }

  /// An operand of `<`, `<=`, `>`, `>=`: nil (empty result) for a valueless primitive node;
  /// complex nodes cannot be ordered.
  mutating func orderable(_ item: FHIRPathItem) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    switch try operand(item) {
    case .complex: throw FHIRPathEvaluationError(.incomparableTypes)
    case let o: return materialize(o)
    }
  }

  /// An operand of `+ - * / div mod`: nil for a valueless primitive node.
  mutating func arithmeticOperand(_ item: FHIRPathItem) throws(FHIRPathEvaluationError)
    -> FHIRPathValue?
  {
    switch try operand(item) {
    case .complex: throw FHIRPathEvaluationError(.invalidOperandTypes)
    case let o: return materialize(o)
    }
  }

  /// An operand of `&`: empty is the empty string; the item must be a String.
  mutating func concatenationText(_ items: [FHIRPathItem]) throws(FHIRPathEvaluationError)
    -> [UInt8]
  {
    guard let item = try single(items) else { return [] }
    switch try operand(item) {
    case .noValue: return []
    case .complex: throw FHIRPathEvaluationError(.invalidOperandTypes)
    case let o:
      guard case .string(let s) = materialize(o) else {
        throw FHIRPathEvaluationError(.invalidOperandTypes)
      }
      return s
    }
  }

  // MARK: Equality and equivalence

  /// `=` on collections: empty when either is empty; false when the counts differ; else the
  /// items pairwise in order, the first pair that is not equal deciding (false or empty).
  mutating func equalCollections(_ a: [FHIRPathItem], _ b: [FHIRPathItem])
    throws(FHIRPathEvaluationError) -> Bool?
  {
    if a.isEmpty || b.isEmpty { return nil }
    guard a.count == b.count else { return false }
    try charge(a.count)
    for k in 0..<a.count {
      let r = try equalItems(a[k], b[k])
      if r != true { return r }
    }
    return true
  }

  /// `~` on collections: both empty is true, one empty false; otherwise the same count and
  /// every item of `a` equivalent to some item of `b` (order does not matter).
  mutating func equivalentCollections(_ a: [FHIRPathItem], _ b: [FHIRPathItem])
    throws(FHIRPathEvaluationError) -> Bool
  {
    if a.isEmpty || b.isEmpty { return a.isEmpty && b.isEmpty }
    guard a.count == b.count else { return false }
    if a.count == 1 { return try equivalentOperands(operand(a[0]), operand(b[0])) }
    for x in a {
      let ox = try operand(x)
      var found = false
      for y in b where try equivalentOperands(ox, operand(y)) {
        found = true
        break
      }
      if !found { return false }
    }
    return true
  }

  /// `=` on two items; the same node is equal to itself.
  mutating func equalItems(_ a: FHIRPathItem, _ b: FHIRPathItem) throws(FHIRPathEvaluationError)
    -> Bool?
  {
    if case .node(let x) = a, case .node(let y) = b, x == y { return true }
    return try equalOperands(operand(a), operand(b))
  }

  /// `=` on two prepared items (Firely `IsEqualTo`): values compare as System values; two
  /// valueless nodes compare their children (names and values, in order); a value against a
  /// valueless node is false.
  mutating func equalOperands(_ a: Operand, _ b: Operand) throws(FHIRPathEvaluationError) -> Bool? {
    switch (a, b) {
    case (.text(let s1, let e1), .text(let s2, let e2)):
      try charge(bytes: min(e1 - s1, e2 - s2))
      return UnsafeRawBufferPointer(rebasing: bytes[s1..<e1]).elementsEqual(
        UnsafeRawBufferPointer(rebasing: bytes[s2..<e2]))
    case (.text(let s, let e), .value(.string(let x))),
      (.value(.string(let x)), .text(let s, let e)):
      try charge(bytes: min(e - s, x.count))
      return lineBytes(s, e, equal: x)
    case (.text, .value), (.value, .text):
      try charge(1)
      return false  // a String against any other type
    case (.value(let x), .value(let y)):
      if case .string(let p) = x, case .string(let q) = y {
        try charge(bytes: min(p.count, q.count))
      } else {
        try charge(1)
      }
      return FHIRPathValue.equals(x, y)
    case (.noValue(let x), .noValue(let y)), (.noValue(let x), .complex(let y)),
      (.complex(let x), .noValue(let y)), (.complex(let x), .complex(let y)):
      return try childrenMatch(x, y, equivalence: false)
    default:
      return false
    }
  }

  /// `~` on two prepared items.
  mutating func equivalentOperands(_ a: Operand, _ b: Operand) throws(FHIRPathEvaluationError)
    -> Bool
  {
    switch (a, b) {
    case (.noValue(let x), .noValue(let y)), (.noValue(let x), .complex(let y)),
      (.complex(let x), .noValue(let y)), (.complex(let x), .complex(let y)):
      return try childrenMatch(x, y, equivalence: true)
    default:
      try charge(bytes: Self.textLength(a) + Self.textLength(b))
      guard let x = materialize(a), let y = materialize(b) else { return false }
      return FHIRPathValue.isEquivalent(x, y)
    }
  }

  /// The length of an operand's text (0 for an operand that is not a string).
  static func textLength(_ o: Operand) -> Int {
    switch o {
    case .text(let start, let end): end - start
    case .value(.string(let s)): s.count
    default: 0
    }
  }

  /// Whether two nodes have the same number of children, pairwise with the same names and
  /// equal (or equivalent) items.
  mutating func childrenMatch(_ x: Int32, _ y: Int32, equivalence: Bool)
    throws(FHIRPathEvaluationError)
    -> Bool
  {
    if x == y { return true }
    var a = tree[x].firstChild
    var b = tree[y].firstChild
    while a >= 0 && b >= 0 {
      try charge(1)
      let na = tree[a]
      let nb = tree[b]
      guard nodeName(na).elementsEqual(nodeName(nb)) else { return false }
      let same =
        equivalence
        ? try equivalentOperands(operand(.node(a)), operand(.node(b)))
        : try equalItems(.node(a), .node(b)) == true
      guard same else { return false }
      a = na.nextSibling
      b = nb.nextSibling
    }
    return a < 0 && b < 0
  }

  // MARK: Set operations (equality by value)

  /// Appends the items of `a` then `b` that are not `=` to an item already kept (N1 union,
  /// Firely: by value, not node identity).
  mutating func appendUnion(
    _ a: [FHIRPathItem], _ b: [FHIRPathItem], into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var kept = borrowOperands()
    defer { recycle(&kept) }
    try appendDistinct(a, kept: &kept, into: &out)
    try appendDistinct(b, kept: &kept, into: &out)
  }

  /// Appends the items of `items` not equal to one in `kept`, adding their operands to `kept`.
  mutating func appendDistinct(
    _ items: [FHIRPathItem], kept: inout [Operand], into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    for item in items {
      let o = try operand(item)
      if try !contains(o, item: item, in: kept) {
        kept.append(o)
        out.append(item)
      }
    }
  }

  /// Whether `o` equals one of `operands` (the same node always does).
  mutating func contains(_ o: Operand, item: FHIRPathItem, in operands: [Operand])
    throws(FHIRPathEvaluationError) -> Bool
  {
    try charge(operands.count)
    for k in operands {
      if case .noValue(let x) = o, case .noValue(let y) = k, x == y { return true }
      if case .complex(let x) = o, case .complex(let y) = k, x == y { return true }
      if try equalOperands(o, k) == true { return true }
    }
    return false
  }

  /// The operands of a whole collection, into a pooled buffer.
  mutating func operands(_ items: [FHIRPathItem]) throws(FHIRPathEvaluationError) -> [Operand] {
    var result = borrowOperands()
    do {
      for item in items { result.append(try operand(item)) }
    } catch {
      recycle(&result)
      throw error
    }
    return result
  }
}
