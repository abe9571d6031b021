import ByteJSON
import FHIRModel
import FHIRTree
import RegexEngine

/// An item of a FHIRPath collection: a node of the resource tree, or a System value.
package enum FHIRPathItem: Sendable, Equatable {
  case node(Int32)
  case value(FHIRPathValue)
}

/// Evaluates compiled FHIRPath expressions over the typed view of one resource (Firely 5
/// semantics as pinned by the anonymizer spec §7).
///
/// One evaluator per thread: it keeps scratch collections between calls, so evaluating the
/// same expressions over many resources allocates only for values that need their own storage
/// (unescaped strings, string results). Node navigation compares name bytes in the line and
/// never builds a `String`.
package final class FHIRPathEvaluator {
  /// Reusable scratch collections, handed to each run and taken back afterwards.
  private var scratch = EvaluationScratch()
  private let clock: EvaluationClock
  /// Steps left until the next ``resetSteps()``; negative once the budget is spent.
  private var remainingSteps: Int

  /// The default of ``stepLimit``: 100 million steps. The `safe-harbor` preset took at most
  /// 15,777 on a line of the Synthea bulk export (6,000 times fewer) and, before its
  /// default-deny rules, 400,716 on a whole 1.8 MB Synthea patient Bundle on one line (250
  /// times fewer); the limit is reached after about 3 s of work in a release build.
  package static let defaultStepLimit = 100_000_000

  /// The most steps the evaluations between two calls of ``resetSteps()`` may take together
  /// (the engine resets once per resource line). An evaluation that would take more throws
  /// `.stepLimitExceeded`, so that no expression runs away on a hostile input (a `where()`
  /// over 100,000 identifiers that navigates all of them again for each).
  ///
  /// A step is one expression node evaluated, one tree node visited by navigation or a tree
  /// walk, one item compared against another, 16 bytes of text handled by a string function,
  /// or one step of a regular expression: each stands for a bounded amount of work, so the
  /// time an evaluation takes is at most proportional to the limit.
  package let stepLimit: Int

  /// Creates an evaluator. `today` fixes the clock of `today()`, `now()` (that day at
  /// `00:00:00.000Z`) and `timeOfDay()` (`00:00:00.000`); by default they read the system clock
  /// in the local time zone, as Firely does. `stepLimit` bounds the work between two
  /// ``resetSteps()`` calls.
  package init(
    today: (year: Int, month: Int, day: Int)? = nil, stepLimit: Int = defaultStepLimit
  ) {
    clock = EvaluationClock(fixed: today)
    self.stepLimit = stepLimit
    remainingSteps = stepLimit
  }

  /// Starts a new budget of ``stepLimit`` steps (call once per resource).
  @inline(__always)
  package func resetSteps() {
    remainingSteps = stepLimit
  }

  /// The steps taken since the last ``resetSteps()`` (more than ``stepLimit`` once an
  /// evaluation has thrown `.stepLimitExceeded`).
  package var stepsTaken: Int { stepLimit &- remainingSteps }

  /// Evaluates `expression` with `focus` (a node) as the input collection and `$this`, and
  /// `resource` as %resource/%context root. Appends the result to `result`.
  ///
  /// Throws on a run-time error (ordering incompatible types, several items where one is
  /// required, a node text that does not parse as its type, more work than ``stepLimit``
  /// allows, …); the error carries the code and the column of the failing expression node,
  /// never a value.
  package func evaluate(
    _ expression: CompiledExpression, focus: Int32, resource: Int32, tree: ResourceTree,
    edits: ValueEdits = ValueEdits(), tape: Tape, bytes: UnsafeRawBufferPointer,
    into result: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    var run = EvaluationRun(
      expression: expression, tree: tree, edits: edits, tape: tape, bytes: bytes,
      resource: resource,
      clock: clock, scratch: scratch.take(), steps: remainingSteps)
    defer {
      scratch = run.scratch.take()
      remainingSteps = run.steps
    }
    try run.eval(expression.root, Frame(this: .node(focus), index: -1), into: &result)
  }

  /// Whether `criterion` holds for `item` as `where(criterion)` decides it for the item at
  /// position `index` of its input collection: the criterion evaluated with `item` as `$this`
  /// and `index` as `$index`, true only for a single `true` (a `boolean` node's value counts).
  ///
  /// Throws as ``evaluate(_:focus:resource:tree:tape:bytes:into:)`` does.
  package func criterion(
    _ criterion: CompiledExpression, holdsFor item: Int32, index: Int, resource: Int32,
    tree: ResourceTree, edits: ValueEdits = ValueEdits(), tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) -> Bool {
    var run = EvaluationRun(
      expression: criterion, tree: tree, edits: edits, tape: tape, bytes: bytes,
      resource: resource,
      clock: clock, scratch: scratch.take(), steps: remainingSteps)
    defer {
      scratch = run.scratch.take()
      remainingSteps = run.steps
    }
    return try run.truth(of: criterion.root, Frame(this: .node(item), index: Int64(index)))
      == true
  }

  /// The System value of a node (nil if it has none now), honouring `edits`:
  /// `.removed` → nil, `.replaced(text,…)` → a String of that text.
  ///
  /// Complex nodes have no value. String-like values are unescaped and trimmed of leading and
  /// trailing white space (an empty result is no value); numbers keep their scale. Throws
  /// `.invalidValue` when the text does not parse as the node's type.
  package func value(
    of node: Int32, tree: ResourceTree, edits: ValueEdits = ValueEdits(), tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    try NodeValues.value(of: node, tree: tree, edits: edits, tape: tape, bytes: bytes)
  }

  /// Boolean evaluation as Firely's predicate for generalize: nil = empty.
  ///
  /// Empty → nil; a single Boolean → its value; anything else → true (spec §7.3). A node item
  /// counts as "anything else"; use ``truth(of:tree:tape:bytes:)`` to read a boolean node's
  /// value.
  package static func truth(of items: [FHIRPathItem]) -> Bool? {
    guard let first = items.first else { return nil }
    if items.count == 1, case .value(.boolean(let b)) = first { return b }
    return true
  }

  /// Boolean evaluation that also reads the value of a single `boolean` node.
  package func truth(
    of items: [FHIRPathItem], tree: ResourceTree, edits: ValueEdits = ValueEdits(), tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) -> Bool? {
    guard items.count == 1, case .node(let n) = items[0], tree[n].type == .boolean else {
      return Self.truth(of: items)
    }
    if case .boolean(let b) = try NodeValues.value(
      of: n, tree: tree, edits: edits, tape: tape, bytes: bytes)
    {
      return b
    }
    return true
  }
}

/// The evaluation context of a (sub)expression: `$this` and `$index` (-1 when undefined).
struct Frame {
  var this: FHIRPathItem
  var index: Int64
}

/// Collections kept between runs.
struct EvaluationScratch {
  var items: [[FHIRPathItem]] = []
  var operands: [[Operand]] = []
  var regex: (pattern: [UInt8], regex: DotNetRegex)?
  /// A bit per tree node for `repeat()`.
  var seenNodes: [UInt64] = []

  /// Moves the contents out, leaving this empty (no copy of the buffers).
  mutating func take() -> EvaluationScratch {
    let taken = self
    self = EvaluationScratch()
    return taken
  }
}

/// One evaluation: the expression, the resource, and the scratch space; a tree-walking
/// interpreter over the compiled nodes.
struct EvaluationRun {
  let expression: CompiledExpression
  let tree: ResourceTree
  /// The engine's edits so far (empty outside the engine).
  let edits: ValueEdits
  let tape: Tape
  let bytes: UnsafeRawBufferPointer
  let resource: Int32
  let clock: EvaluationClock
  var scratch: EvaluationScratch
  /// Steps left in the budget (see ``FHIRPathEvaluator/stepLimit``); negative once spent.
  var steps: Int

  /// The most distinct values `repeat()` may collect (nodes are bounded by the tree).
  static let repeatValueLimit = 1_000

  init(
    expression: CompiledExpression, tree: ResourceTree, edits: ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer, resource: Int32, clock: EvaluationClock,
    scratch: EvaluationScratch, steps: Int
  ) {
    self.expression = expression
    self.tree = tree
    self.edits = edits
    self.tape = tape
    self.bytes = bytes
    self.resource = resource
    self.clock = clock
    self.scratch = scratch
    self.steps = steps
  }

  // MARK: Work budget

  /// Takes `count` steps from the budget; throws `.stepLimitExceeded` once it is spent.
  /// One subtraction and one comparison: cheap enough for every node evaluated.
  @inline(__always)
  mutating func charge(_ count: Int) throws(FHIRPathEvaluationError) {
    steps &-= count
    if steps < 0 { try Self.budgetSpent() }
  }

  /// Takes steps for handling `byteCount` bytes of text (one step per 16 bytes, at least one).
  @inline(__always)
  mutating func charge(bytes byteCount: Int) throws(FHIRPathEvaluationError) {
    try charge(1 &+ byteCount >> 4)
  }

  /// Takes steps for reading the value of primitive node `n` (its text in the line).
  @inline(__always)
  mutating func chargeValue(of n: Int32) throws(FHIRPathEvaluationError) {
    let token = tree[n].valueToken
    try charge(bytes: token >= 0 ? Int(tape[Int(token)].end &- tape[Int(token)].start) : 0)
  }

  @inline(never)
  static func budgetSpent() throws(FHIRPathEvaluationError) {
    throw FHIRPathEvaluationError(.stepLimitExceeded)
  }

  // MARK: Scratch collections

  /// An empty collection from the pool (allocates only while the pool warms up).
  @inline(__always)
  mutating func borrow() -> [FHIRPathItem] {
    if let buffer = scratch.items.popLast() { return buffer }
    return Self.newBuffer()
  }

  @inline(never)
  static func newBuffer() -> [FHIRPathItem] {
    var buffer: [FHIRPathItem] = []
    buffer.reserveCapacity(16)
    return buffer
  }

  /// Empties `buffer` and returns its storage to the pool.
  @inline(__always)
  mutating func recycle(_ buffer: inout [FHIRPathItem]) {
    buffer.removeAll(keepingCapacity: true)
    scratch.items.append(buffer)
    buffer = []
  }

  @inline(__always)
  mutating func borrowOperands() -> [Operand] {
    if let buffer = scratch.operands.popLast() { return buffer }
    return []
  }

  @inline(__always)
  mutating func recycle(_ buffer: inout [Operand]) {
    buffer.removeAll(keepingCapacity: true)
    scratch.operands.append(buffer)
    buffer = []
  }

  // MARK: Dispatch

  /// Evaluates node `n` in `frame`, appending its result to `out`. Errors get the column of
  /// the innermost node that failed.
  mutating func eval(_ n: Int32, _ frame: Frame, into out: inout [FHIRPathItem])
    throws(FHIRPathEvaluationError)
  {
    do {
      try charge(1)
      try evalNode(n, frame, into: &out)
    } catch {
      var located = error
      if located.column == 0 { located.column = Int(expression.columns[Int(n)]) }
      throw located
    }
  }

  private mutating func evalNode(_ n: Int32, _ frame: Frame, into out: inout [FHIRPathItem])
    throws(FHIRPathEvaluationError)
  {
    switch expression.nodes[Int(n)] {
    case .focus, .variable(.this):
      out.append(frame.this)
    case .variable(.index):
      if frame.index >= 0 { out.append(.value(.integer(frame.index))) }
    case .variable(.total), .empty:
      break
    case .literal(let k):
      out.append(.value(expression.constants[Int(k)]))
    case .environment(let k):
      appendEnvironment(expression.environment[Int(k)], into: &out)
    case .member(let target, let name):
      try member(target: target, name: name, frame, into: &out)
    case .call(let target, let function, let arguments):
      try call(n, target: target, function: function, arguments: arguments, frame, into: &out)
    case .indexer(let target, let index):
      try indexer(target: target, index: index, frame, into: &out)
    case .unary(let op, let operand):
      try unary(op, operand: operand, frame, into: &out)
    case .binary(let op, let lhs, let rhs):
      try binary(op, lhs: lhs, rhs: rhs, frame, into: &out)
    case .type(let op, let operand, let type):
      try typeOperation(op, operand: operand, type: type, frame, into: &out)
    }
  }

  /// Evaluates `n` into a pooled collection; the caller recycles it.
  mutating func collection(_ n: Int32, _ frame: Frame) throws(FHIRPathEvaluationError)
    -> [FHIRPathItem]
  {
    var items = borrow()
    do {
      try eval(n, frame, into: &items)
    } catch {
      recycle(&items)
      throw error
    }
    return items
  }

  static let ucumURL = FHIRPathItem.value(.string(Array("http://unitsofmeasure.org".utf8)))
  static let snomedURL = FHIRPathItem.value(.string(Array("http://snomed.info/sct".utf8)))
  static let loincURL = FHIRPathItem.value(.string(Array("http://loinc.org".utf8)))

  mutating func appendEnvironment(_ variable: EnvironmentVariable, into out: inout [FHIRPathItem]) {
    switch variable {
    case .context, .resource: out.append(.node(resource))
    case .rootResource: out.append(.node(0))
    case .ucum: out.append(Self.ucumURL)
    case .sct: out.append(Self.snomedURL)
    case .loinc: out.append(Self.loincURL)
    case .valueSet(let name):
      out.append(.value(.string(Array("http://hl7.org/fhir/ValueSet/".utf8) + name)))
    case .extensionURL(let name):
      out.append(.value(.string(Array("http://hl7.org/fhir/StructureDefinition/".utf8) + name)))
    }
  }

  // MARK: Small helpers shared by operators and functions

  /// The only item of `items`, nil when empty; throws `.singletonExpected` for more.
  @inline(__always)
  func single(_ items: [FHIRPathItem]) throws(FHIRPathEvaluationError) -> FHIRPathItem? {
    guard let first = items.first else { return nil }
    guard items.count == 1 else { throw FHIRPathEvaluationError(.singletonExpected) }
    return first
  }

  /// The System value of an item: values as they are, primitive nodes by their current value
  /// (nil when they have none), `Quantity` nodes as System quantities. Other complex nodes
  /// throw `.invalidOperandTypes`.
  mutating func scalar(_ item: FHIRPathItem) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    switch item {
    case .value(let v): return v
    case .node(let n):
      if tree[n].type.isPrimitive {
        try chargeValue(of: n)
        return try NodeValues.value(of: n, tree: tree, edits: edits, tape: tape, bytes: bytes)
      }
      if tree[n].type == .quantity, let q = try quantity(of: n) { return .quantity(q) }
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// The System value of the single item of `items` (see ``scalar(_:)``); nil when empty or
  /// valueless.
  mutating func singleScalar(_ items: [FHIRPathItem]) throws(FHIRPathEvaluationError)
    -> FHIRPathValue?
  {
    guard let item = try single(items) else { return nil }
    return try scalar(item)
  }

  /// Boolean evaluation of a collection (spec §7.3), reading a single boolean node's value.
  mutating func truth(_ items: [FHIRPathItem]) throws(FHIRPathEvaluationError) -> Bool? {
    guard let first = items.first else { return nil }
    guard items.count == 1 else { return true }
    switch first {
    case .value(.boolean(let b)): return b
    case .node(let n) where tree[n].type == .boolean:
      try chargeValue(of: n)
      if case .boolean(let b) = try NodeValues.value(
        of: n, tree: tree, edits: edits, tape: tape, bytes: bytes)
      {
        return b
      }
      return true
    default: return true
    }
  }
}
