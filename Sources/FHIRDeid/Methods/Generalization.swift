import ByteJSON
import FHIRModel
import FHIRPath

/// A `generalize` rule's cases, compiled once when the configuration is compiled (spec §4.8).
struct GeneralizePlan: Sendable {
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
}

extension EngineCore {
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
  mutating func generalize(
    _ node: Int32, rule: Rule, resource: Int32, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let type = tree[node].type
    guard type.isPrimitive else {
      throw RecordFailure(
        .processing("generalize applies only to primitive elements, not to \(type.name)"),
        resourceType: tree[0].type.name, path: tree.path(of: node, bytes: bytes),
        rule: rule.index, isSkippable: false)
    }
    guard loadText(node, bytes: bytes) else { return [] }
    guard let plan = anonymizer.generalizePlans[rule.index] else {
      throw RecordFailure(
        .processing("generalize cases are missing"), resourceType: tree[0].type.name,
        rule: rule.index, isSkippable: false)
    }
    for (number, c) in plan.cases.enumerated() {
      do throws(FHIRPathEvaluationError) {
        items.removeAll(keepingCapacity: true)
        try evaluator.evaluate(
          c.condition, focus: node, resource: resource, tree: tree, tape: tape, bytes: bytes,
          into: &items)
        if try evaluator.truth(of: items, tree: tree, tape: tape, bytes: bytes) == false {
          continue
        }
        items.removeAll(keepingCapacity: true)
        try evaluator.evaluate(
          c.value, focus: node, resource: resource, tree: tree, tape: tape, bytes: bytes,
          into: &items)
        guard items.count <= 1 else { throw FHIRPathEvaluationError(.singletonExpected) }
        try setGeneralizedValue(of: node, to: items.first, bytes: bytes)
      } catch {
        if error.code == .stepLimitExceeded {
          throw RecordFailure(
            evaluating: rule, error, stepLimit: evaluator.stepLimit,
            resourceType: tree[0].type.name, path: tree.path(of: node, bytes: bytes))
        }
        throw RecordFailure(
          .processing("generalize case \(number + 1) failed: \(error)"),
          resourceType: tree[0].type.name, path: tree.path(of: node, bytes: bytes),
          rule: rule.index)
      }
      return .generalize
    }
    if !plan.keepsOtherValues { remove(node) }
    return .generalize
  }

  /// Writes the result of a case's value expression into `node` (spec §4.8, §8.3).
  private mutating func setGeneralizedValue(
    of node: Int32, to item: FHIRPathItem?, bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) {
    let value: FHIRPathValue
    switch item {
    case nil:
      remove(node)
      return
    case .node(let other):
      // `$this`: the value stays as it is (as written, not re-rendered).
      if other == node { return }
      guard let v = try evaluator.value(of: other, tree: tree, tape: tape, bytes: bytes) else {
        remove(node)
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
      replace(node, with: out, json: .literal)
    case .string, .date, .dateTime, .time, .quantity:
      replace(node, with: out)
    }
  }
}
