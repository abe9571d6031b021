import ByteJSON
import FHIRModel
import FHIRTree

/// The functions of the compiler's table (FHIRPath N1, the anonymizer's `nodesByType` /
/// `nodesByName`, and Firely's `extension`, `trim`, `split`, `join`).
extension EvaluationRun {
  /// The argument node at `position` of a call's argument range.
  @inline(__always)
  func argument(_ range: Range<Int32>, _ position: Int) -> Int32 {
    expression.arguments[Int(range.lowerBound) + position]
  }

  /// Evaluates a (non-iterating) argument in the caller's frame: its single System value, nil
  /// when empty.
  mutating func argumentValue(_ n: Int32, _ frame: Frame) throws(FHIRPathEvaluationError)
    -> FHIRPathValue?
  {
    var items = try collection(n, frame)
    defer { recycle(&items) }
    return try singleScalar(items)
  }

  /// A String argument; nil when empty. Other types throw `.invalidArgument`.
  mutating func stringArgument(_ n: Int32, _ frame: Frame) throws(FHIRPathEvaluationError)
    -> [UInt8]?
  {
    guard let v = try argumentValue(n, frame) else { return nil }
    guard case .string(let s) = v else { throw FHIRPathEvaluationError(.invalidArgument) }
    return s
  }

  /// An Integer argument; nil when empty. Other types throw `.invalidArgument`.
  mutating func integerArgument(_ n: Int32, _ frame: Frame) throws(FHIRPathEvaluationError)
    -> Int64?
  {
    guard let v = try argumentValue(n, frame) else { return nil }
    guard case .integer(let i) = v else { throw FHIRPathEvaluationError(.invalidArgument) }
    return i
  }

  /// The String value of a single-item input; nil when empty or valueless. Other types throw
  /// `.invalidOperandTypes`.
  mutating func stringInput(_ input: [FHIRPathItem]) throws(FHIRPathEvaluationError)
    -> [UInt8]?
  {
    guard let v = try singleScalar(input) else { return nil }
    guard case .string(let s) = v else { throw FHIRPathEvaluationError(.invalidOperandTypes) }
    return s
  }

  mutating func call(
    _ n: Int32, target: Int32, function: FHIRPathFunction, arguments args: Range<Int32>,
    _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var input = try collection(target, frame)
    defer { recycle(&input) }

    switch function {
    // MARK: Existence
    case .empty:
      out.append(.value(.boolean(input.isEmpty)))
    case .exists:
      if args.isEmpty {
        out.append(.value(.boolean(!input.isEmpty)))
      } else {
        let criterion = argument(args, 0)
        var found = false
        for (i, item) in input.enumerated() {
          if try perItemTruth(criterion, item, i) == true {
            found = true
            break
          }
        }
        out.append(.value(.boolean(found)))
      }
    case .all:
      let criterion = argument(args, 0)
      var all = true
      for (i, item) in input.enumerated() {
        if try perItemTruth(criterion, item, i) != true {
          all = false
          break
        }
      }
      out.append(.value(.boolean(all)))
    case .allTrue, .anyTrue, .allFalse, .anyFalse:
      var trues = 0
      var falses = 0
      for item in input {
        switch try scalar(item) {
        case .boolean(true): trues += 1
        case .boolean(false): falses += 1
        default: break
        }
      }
      let result: Bool
      switch function {
      case .allTrue: result = trues == input.count
      case .anyTrue: result = trues > 0
      case .allFalse: result = falses == input.count
      default: result = falses > 0
      }
      out.append(.value(.boolean(result)))
    case .subsetOf, .supersetOf:
      var other = try collection(argument(args, 0), frame)
      defer { recycle(&other) }
      let (sub, sup) = function == .subsetOf ? (input, other) : (other, input)
      out.append(.value(.boolean(try isSubset(sub, of: sup))))
    case .count:
      out.append(.value(.integer(Int64(input.count))))
    case .distinct:
      var kept = borrowOperands()
      defer { recycle(&kept) }
      try appendDistinct(input, kept: &kept, into: &out)
    case .isDistinct:
      var kept = borrowOperands()
      defer { recycle(&kept) }
      var distinct = borrow()
      defer { recycle(&distinct) }
      try appendDistinct(input, kept: &kept, into: &distinct)
      out.append(.value(.boolean(distinct.count == input.count)))

    // MARK: Filtering and projection
    case .where:
      let criterion = argument(args, 0)
      for (i, item) in input.enumerated() where try perItemTruth(criterion, item, i) == true {
        out.append(item)
      }
    case .select:
      let projection = argument(args, 0)
      for (i, item) in input.enumerated() {
        try eval(projection, Frame(this: item, index: Int64(i)), into: &out)
      }
    case .repeat:
      try repeatProjection(argument(args, 0), input, into: &out)
    case .ofType, .is, .as:
      // Compiled to type nodes; never reached as calls.
      throw FHIRPathEvaluationError(.invalidOperandTypes)

    // MARK: Subsetting
    case .single:
      if let item = try single(input) { out.append(item) }
    case .first:
      if let item = input.first { out.append(item) }
    case .last:
      if let item = input.last { out.append(item) }
    case .tail:
      if input.count > 1 { out.append(contentsOf: input[1...]) }
    case .skip:
      guard let k = try integerArgument(argument(args, 0), frame) else { return }
      if k <= 0 {
        out.append(contentsOf: input)
      } else if k < input.count {
        out.append(contentsOf: input[Int(k)...])
      }
    case .take:
      guard let k = try integerArgument(argument(args, 0), frame) else { return }
      if k > 0 { out.append(contentsOf: input.prefix(Int(min(k, Int64(input.count))))) }
    case .intersect:
      var other = try collection(argument(args, 0), frame)
      defer { recycle(&other) }
      var otherOperands = try operands(other)
      defer { recycle(&otherOperands) }
      var kept = borrowOperands()
      defer { recycle(&kept) }
      for item in input {
        let o = try operand(item)
        if try contains(o, item: item, in: otherOperands), try !contains(o, item: item, in: kept) {
          kept.append(o)
          out.append(item)
        }
      }
    case .exclude:
      var other = try collection(argument(args, 0), frame)
      defer { recycle(&other) }
      var otherOperands = try operands(other)
      defer { recycle(&otherOperands) }
      for item in input where try !contains(operand(item), item: item, in: otherOperands) {
        out.append(item)
      }

    // MARK: Combining
    case .union:
      var other = try collection(argument(args, 0), frame)
      defer { recycle(&other) }
      try appendUnion(input, other, into: &out)
    case .combine:
      out.append(contentsOf: input)
      try eval(argument(args, 0), frame, into: &out)

    // MARK: Conversion
    case .iif:
      try iif(target: target, input, args, frame, into: &out)
    case .toBoolean, .convertsToBoolean, .toInteger, .convertsToInteger, .toDecimal,
      .convertsToDecimal, .toString, .convertsToString, .toDate, .convertsToDate, .toDateTime,
      .convertsToDateTime, .toTime, .convertsToTime, .toQuantity, .convertsToQuantity:
      try convert(function, input, args, frame, into: &out)

    // MARK: String manipulation
    case .indexOf, .substring, .startsWith, .endsWith, .contains, .upper, .lower, .replace,
      .matches, .replaceMatches, .length, .toChars, .trim, .split:
      try stringFunction(n, function, input, args, frame, into: &out)
    case .join:
      try join(input, args, frame, into: &out)

    // MARK: Math
    case .abs, .ceiling, .floor, .exp, .ln, .log, .power, .round, .sqrt, .truncate:
      try math(function, input, args, frame, into: &out)

    // MARK: Tree navigation, utility
    case .children:
      for case .node(let i) in input {
        var visited = 0
        var child = tree[i].firstChild
        while child >= 0 {
          out.append(.node(child))
          visited &+= 1
          child = tree[child].nextSibling
        }
        try charge(visited)
      }
    case .descendants:
      for case .node(let i) in input { try charge(appendDescendants(of: i, into: &out)) }
    case .trace:
      out.append(contentsOf: input)
    case .not:
      if let b = try truth(input) { out.append(.value(.boolean(!b))) }
    case .hasValue:
      var has = false
      if input.count == 1 {
        switch input[0] {
        case .value: has = true
        case .node(let i): has = tree[i].type.isPrimitive && edits.hasValue(i, in: tree)
        }
      }
      out.append(.value(.boolean(has)))
    case .now:
      out.append(.value(.dateTime(clock.now())))
    case .today:
      out.append(.value(.date(clock.today())))
    case .timeOfDay:
      out.append(.value(.time(clock.timeOfDay())))

    // MARK: Anonymizer and Firely extensions
    case .nodesByType:
      guard let name = try stringArgument(argument(args, 0), frame) else { return }
      guard let type = name.withUnsafeBytes({ FHIRType.named($0) }) else { return }
      for case .node(let i) in input {
        try charge(appendNodes(under: i, type: type, name: nil, into: &out))
      }
    case .nodesByName:
      guard let name = try stringArgument(argument(args, 0), frame) else { return }
      for case .node(let i) in input {
        let visited = name.withUnsafeBytes { name in
          appendNodes(under: i, type: nil, name: name, into: &out)
        }
        try charge(visited)
      }
    case .extension:
      guard let url = try stringArgument(argument(args, 0), frame) else { return }
      for case .node(let i) in input { try appendExtensions(of: i, url: url, into: &out) }
    }
  }

  /// Boolean evaluation of a per-item argument with `item` as `$this` and `i` as `$index`.
  mutating func perItemTruth(_ criterion: Int32, _ item: FHIRPathItem, _ i: Int)
    throws(FHIRPathEvaluationError) -> Bool?
  {
    try truth(of: criterion, Frame(this: item, index: Int64(i)))
  }

  /// Whether every item of `a` is `=` to some item of `b`.
  mutating func isSubset(_ a: [FHIRPathItem], of b: [FHIRPathItem])
    throws(FHIRPathEvaluationError) -> Bool
  {
    var keys = try operands(b)
    defer { recycle(&keys) }
    for item in a where try !contains(operand(item), item: item, in: keys) { return false }
    return true
  }

  /// `repeat(projection)`: the projection of the input, then of those results, and so on,
  /// until no new items appear. A node already collected is not collected again (so walks of
  /// the finite tree end); a value equal to one already collected neither, and more than
  /// ``EvaluationRun/repeatValueLimit`` values throw `.tooManyItems`.
  mutating func repeatProjection(
    _ projection: Int32, _ input: [FHIRPathItem], into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    try charge((tree.count + 63) / 64)
    var seen = scratch.seenNodes
    scratch.seenNodes = []
    seen.removeAll(keepingCapacity: true)
    seen.append(contentsOf: repeatElement(0, count: (tree.count + 63) / 64))
    defer { scratch.seenNodes = seen }
    var values = borrowOperands()
    defer { recycle(&values) }
    var pending = borrow()
    defer { recycle(&pending) }
    var next = borrow()
    defer { recycle(&next) }
    pending.append(contentsOf: input)
    while !pending.isEmpty {
      for (i, item) in pending.enumerated() {
        try eval(projection, Frame(this: item, index: Int64(i)), into: &next)
      }
      pending.removeAll(keepingCapacity: true)
      for item in next {
        switch item {
        case .node(let n):
          let (word, bit) = (Int(n) >> 6, UInt64(1) << UInt64(n & 63))
          if seen[word] & bit != 0 { continue }
          seen[word] |= bit
        case .value(let v):
          let o = Operand.value(v)
          if try contains(o, item: item, in: values) { continue }
          guard values.count < Self.repeatValueLimit else {
            throw FHIRPathEvaluationError(.tooManyItems)
          }
          values.append(o)
        }
        out.append(item)
        pending.append(item)
      }
      next.removeAll(keepingCapacity: true)
    }
  }

  /// `iif(criterion, true-result[, otherwise-result])`: only the chosen branch is evaluated.
  /// With an explicit input (`x.iif(…)`), that input must have at most one item, which becomes
  /// `$this` of the arguments (empty input: empty result).
  mutating func iif(
    target: Int32, _ input: [FHIRPathItem], _ args: Range<Int32>, _ frame: Frame,
    into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var context = frame
    if case .focus = expression.nodes[Int(target)] {
    } else {
      guard let item = try single(input) else { return }
      context = Frame(this: item, index: 0)
    }
    if try truth(of: argument(args, 0), context) == true {
      try eval(argument(args, 1), context, into: &out)
    } else if args.count > 2 {
      try eval(argument(args, 2), context, into: &out)
    }
  }

  /// The conversion functions on a single-item input (N1 rules in `FHIRPathValue+Conversion`).
  mutating func convert(
    _ function: FHIRPathFunction, _ input: [FHIRPathItem], _ args: Range<Int32>,
    _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    guard let item = try single(input) else { return }
    let value: FHIRPathValue?
    if case .node(let i) = item, !tree[i].type.isPrimitive, tree[i].type != .quantity {
      value = nil  // a complex node converts to nothing
    } else {
      value = try scalar(item)
    }
    guard let value else { return }
    let result: FHIRPathValue?
    switch function {
    case .toBoolean: result = value.toBoolean().map { .boolean($0) }
    case .convertsToBoolean: result = .boolean(value.toBoolean() != nil)
    case .toInteger: result = value.toInteger().map { .integer($0) }
    case .convertsToInteger: result = .boolean(value.toInteger() != nil)
    case .toDecimal: result = value.toDecimal().map { .decimal($0) }
    case .convertsToDecimal: result = .boolean(value.toDecimal() != nil)
    case .toString: result = .string(value.text)
    case .convertsToString: result = .boolean(true)
    case .toDate: result = value.toDate().map { .date($0) }
    case .convertsToDate: result = .boolean(value.toDate() != nil)
    case .toDateTime: result = value.toDateTime().map { .dateTime($0) }
    case .convertsToDateTime: result = .boolean(value.toDateTime() != nil)
    case .toTime: result = value.toTime().map { .time($0) }
    case .convertsToTime: result = .boolean(value.toTime() != nil)
    case .toQuantity, .convertsToQuantity:
      var unit: [UInt8]?
      if !args.isEmpty {
        guard let u = try stringArgument(argument(args, 0), frame) else { return }
        unit = u
      }
      let q = value.toQuantity(unit: unit)
      result = function == .toQuantity ? q.map { .quantity($0) } : .boolean(q != nil)
    default: result = nil
    }
    if let result { out.append(.value(result)) }
  }

  /// The math functions on a single numeric input.
  mutating func math(
    _ function: FHIRPathFunction, _ input: [FHIRPathItem], _ args: Range<Int32>,
    _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    guard let value = try singleScalar(input) else { return }
    let result: FHIRPathValue?
    switch function {
    case .abs: result = try value.absoluteValue()
    case .ceiling: result = try value.roundedToInteger(.up)
    case .floor: result = try value.roundedToInteger(.down)
    case .truncate: result = try value.roundedToInteger(.towardZero)
    case .round:
      var precision: Int64 = 0
      if !args.isEmpty {
        guard let p = try integerArgument(argument(args, 0), frame) else { return }
        precision = p
      }
      result = try value.rounded(precision: precision)
    case .sqrt: result = try value.squareRoot()
    case .exp: result = try value.exponential()
    case .ln: result = try value.naturalLogarithm()
    case .log:
      guard let base = try argumentValue(argument(args, 0), frame) else { return }
      result = try value.logarithm(base: base)
    case .power:
      guard let exponent = try argumentValue(argument(args, 0), frame) else { return }
      result = try value.power(exponent)
    default: result = nil
    }
    if let result { out.append(.value(result)) }
  }
}
