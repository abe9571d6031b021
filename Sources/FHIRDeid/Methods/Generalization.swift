import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// `generalize` (spec §4.8), compiled: the rule's cases, compiled once when the configuration
/// is compiled.
struct Generalization: Sendable {
  /// One `condition: value` member of `cases`.
  struct Case: Sendable {
    var condition: CompiledExpression
    var value: CompiledExpression
  }

  /// The cases in JSON order.
  var cases: [Case]
  /// `otherValues: keep` (any case); otherwise values no case matches are removed.
  var keepsOtherValues: Bool

  /// Compiles the cases of `rule`, whose settings `Rule.read` has validated.
  init(_ rule: Rule) throws(ConfigurationError) {
    let at = "fhirPathRules[\(rule.index)]"
    guard let setting = rule.setting("cases"), let members = Rule.caseMembers(setting) else {
      throw ConfigurationError("\(at).cases must be a JSON object of condition: value")
    }
    var cases: [Case] = []
    for m in members {
      guard case .string(let value) = m.value else {
        throw ConfigurationError("\(at).cases value of '\(m.key)' must be a FHIRPath string")
      }
      cases.append(
        Case(
          condition: try RuleExpressions.compile(m.key, at: "\(at).cases condition '\(m.key)'"),
          value: try RuleExpressions.compile(value, at: "\(at).cases value '\(value)'")))
    }
    self.cases = cases
    if case .string(let s) = rule.setting("otherValues") {
      keepsOtherValues = s.lowercased() == "keep"
    } else {
      keepsOtherValues = false
    }
  }

  /// `generalize` (spec §4.8): the first case whose condition is not exactly `false` sets the
  /// value to its value expression's result; without a match the value is removed or kept
  /// (`otherValues`). Records GENERALIZE for every primitive with a value, matched or not.
  ///
  /// Conditions are evaluated in JSON order with `node` as focus and `$this`; an empty result
  /// counts as a match (Q2). The result is written by its type: integers and decimals as JSON
  /// numbers, booleans as `true`/`false`, strings, dates, dateTimes and times as strings; an
  /// empty result removes the value, and `node` itself leaves it as it is.
  ///
  /// - Throws: for a node that is not a primitive (a complex node matched by the path, or the
  ///   extension of a primitive reached by the recursion, Q17) a failure that `skip` does not
  ///   cover, as in Microsoft's tool; for an evaluation error in a case (ordering a string
  ///   against a number, …) or a value expression with several items, a processing error that
  ///   `processingErrors: skip` turns into an empty resource (spec §6).
  func apply(
    to node: Int32, resource: Int32, rule: Rule, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let type = context.tree[node].type
    guard type.isPrimitive else {
      throw context.failure(.notPrimitive(type), at: node, rule: rule.index, isSkippable: false)
    }
    guard context.loadText(node, bytes: bytes) else { return [] }
    let evaluator = context.evaluator
    for (number, c) in cases.enumerated() {
      do throws(FHIRPathEvaluationError) {
        context.items.removeAll(keepingCapacity: true)
        try evaluator.evaluate(
          c.condition, focus: node, resource: resource, tree: context.tree, edits: context.edits,
          tape: context.tape,
          bytes: bytes, into: &context.items)
        if try evaluator.truth(
          of: context.items, tree: context.tree, edits: context.edits, tape: context.tape,
          bytes: bytes) == false
        {
          continue
        }
        context.items.removeAll(keepingCapacity: true)
        try evaluator.evaluate(
          c.value, focus: node, resource: resource, tree: context.tree, edits: context.edits,
          tape: context.tape,
          bytes: bytes, into: &context.items)
        guard context.items.count <= 1 else { throw FHIRPathEvaluationError(.singletonExpected) }
        try Self.setValue(of: node, to: context.items.first, in: &context, bytes: bytes)
      } catch {
        if error.code == .stepLimitExceeded {
          throw RecordFailure(
            evaluating: rule.index, error, stepLimit: evaluator.stepLimit,
            resourceType: context.tree[0].type, node: node)
        }
        throw context.failure(.generalizeCase(number, error), at: node, rule: rule.index)
      }
      return .generalize
    }
    if !keepsOtherValues { context.remove(node) }
    return .generalize
  }

  /// Writes the result of a case's value expression into `node` (spec §4.8, §8.3).
  private static func setValue(
    of node: Int32, to item: FHIRPathItem?, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) {
    let value: FHIRPathValue
    switch item {
    case nil:
      context.remove(node)
      return
    case .node(let other):
      // `$this`: the value stays as it is (as written, not re-rendered).
      if other == node { return }
      guard
        let v = try context.evaluator.value(
          of: other, tree: context.tree, edits: context.edits, tape: context.tape, bytes: bytes)
      else {
        context.remove(node)
        return
      }
      value = v
    case .value(let v):
      value = v
    }
    var out: [UInt8] = []
    value.appendText(to: &out)
    switch value {
    case .boolean, .integer, .decimal:
      // `appendText` spells booleans `true`/`false` and numbers without an exponent.
      context.replace(node, with: out, json: .literal)
    case .string, .date, .dateTime, .time, .quantity:
      context.replace(node, with: out)
    }
  }
}
