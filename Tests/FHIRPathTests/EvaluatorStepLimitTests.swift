import ByteJSON
import FHIRModel
import Testing

@testable import FHIRPath

/// #8 item 6: the evaluator's work budget (``FHIRPathEvaluator/stepLimit``). Every kind of
/// super-linear work a hostile resource can cause with a fixed expression is charged, so each
/// stops at the limit instead of running for minutes.
@Suite("Evaluator: step limit")
struct EvaluatorStepLimitTests {
  /// A Patient with `count` identifiers (values `CANARY-0` …) and a narrative of `divLength`
  /// letters.
  static func patient(identifiers count: Int, divLength: Int = 10) -> EvalResource {
    let identifiers = (0..<count).map { #"{"system":"urn:s","value":"CANARY-\#($0)"}"# }
    let div = String(repeating: "a", count: divLength)
    return EvalResource(
      #"{"resourceType":"Patient","id":"p1","text":{"status":"generated","div":"\#(div)"},"#
        + #""gender":"female","identifier":["# + identifiers.joined(separator: ",") + "]}")
  }

  static let many = patient(identifiers: 2_000)
  static let longText = patient(identifiers: 2_000, divLength: 200_000)

  /// The error code of `expression` on `resource` with a budget of `limit` steps, nil when it
  /// succeeds.
  func code(_ expression: String, on resource: EvalResource, limit: Int)
    -> FHIRPathEvaluationError.Code?
  {
    do {
      _ = try resource.evaluate(expression, evaluator: FHIRPathEvaluator(stepLimit: limit))
      return nil
    } catch let error as FHIRPathEvaluationError {
      return error.code
    } catch {
      Issue.record("\(error)")
      return nil
    }
  }

  @Test("#8: a quadratic where() over 2,000 identifiers stops at the limit, fast")
  func quadraticStops() throws {
    let clock = ContinuousClock()
    let started = clock.now
    let error = #expect(throws: FHIRPathEvaluationError.self) {
      _ = try Self.many.evaluate(
        "Patient.identifier.where(%resource.identifier.where(value = 'x').exists())",
        evaluator: FHIRPathEvaluator(stepLimit: 200_000))
    }
    #expect(error?.code == .stepLimitExceeded)
    #expect(error?.column ?? 0 > 0)
    #expect(!(error?.description.contains("CANARY") ?? true))
    // Unbounded, this is 4 million inner iterations; the limit stops it after 200,000 steps.
    #expect(clock.now - started < .seconds(5))
  }

  @Test(
    "#8: every kind of super-linear work is charged",
    arguments: [
      // Comparisons of set operations (few expression nodes, n² comparisons).
      "Patient.identifier.value.distinct()",
      "Patient.identifier.value.isDistinct()",
      "Patient.identifier.value | Patient.identifier.value",
      "Patient.identifier.value.union(Patient.identifier.value)",
      "Patient.identifier.value.intersect(Patient.identifier.value)",
      "Patient.identifier.value.exclude(Patient.identifier.value)",
      "Patient.identifier.value.subsetOf(Patient.identifier.value)",
      "Patient.identifier.where(value in %resource.identifier.value)",
      "Patient.identifier.where(%resource.identifier.value contains value)",
      // Navigation and tree walks that visit every node once per item.
      "Patient.identifier.where(%resource.gender.exists())",
      "Patient.identifier.where(%resource.descendants().empty())",
      "Patient.identifier.where(%resource.children().empty())",
      "Patient.identifier.where(%resource.nodesByType('Period').exists())",
      "Patient.identifier.where(%resource.nodesByName('period').exists())",
      "Patient.identifier.where(%resource.repeat(id).empty())",
      "Patient.identifier.where(%resource.extension('u').exists())",
    ])
  func superLinearWork(_ expression: String) {
    #expect(code(expression, on: Self.many, limit: 100_000) == .stepLimitExceeded)
  }

  @Test(
    "#8: text work is charged by its length",
    arguments: [
      "Patient.identifier.where(%resource.text.div.length() = 0)",
      "Patient.identifier.where(%resource.text.div.contains('b'))",
      "Patient.identifier.where(%resource.text.div = 'b')",
      "Patient.identifier.where(%resource.text.div ~ 'b')",
      "Patient.identifier.where((%resource.text.div & 'b').empty())",
      "Patient.identifier.where(%resource.text.div.toString().empty())",
      "Patient.identifier.select(%resource.text.div).distinct()",
    ])
  func textWork(_ expression: String) {
    // 2,000 times 200,000 bytes: far more than 1 million steps at 16 bytes a step.
    #expect(code(expression, on: Self.longText, limit: 1_000_000) == .stepLimitExceeded)
  }

  @Test("#8: the steps of a regular expression count")
  func regexSteps() {
    // One search over 200,000 letters: about 200,000 regex steps (under the regex's own
    // budget of 2 million) but only 12,500 steps of text.
    let expression = "Patient.text.div.matches('b')"
    #expect(code(expression, on: Self.longText, limit: 100_000) == .stepLimitExceeded)
    #expect(code(expression, on: Self.longText, limit: 1_000_000) == nil)
    let replace = "Patient.text.div.replaceMatches('b', 'c')"
    #expect(code(replace, on: Self.longText, limit: 100_000) == .stepLimitExceeded)
  }

  @Test("#8: an ordinary resource and expression stay far below the default limit")
  func ordinaryResources() throws {
    let evaluator = FHIRPathEvaluator(today: (2024, 1, 15))
    #expect(evaluator.stepLimit == FHIRPathEvaluator.defaultStepLimit)
    let p = EvalFixtures.patient
    _ = try p.evaluate("nodesByType('HumanName').family", evaluator: evaluator)
    _ = try p.evaluate("Patient.telecom.where(use = 'home').value", evaluator: evaluator)
    _ = try p.evaluate("descendants().where($this is HumanName)", evaluator: evaluator)
    #expect(evaluator.stepsTaken > 0)
    #expect(evaluator.stepsTaken < 1_000)
    // On 2,000 identifiers, a linear expression takes linear work.
    let many = FHIRPathEvaluator()
    let result = try Self.many.evaluate(
      "Patient.identifier.where(value.startsWith('CANARY-1')).system", evaluator: many)
    #expect(result.count == 1_111)
    #expect(many.stepsTaken < 100_000)
  }

  @Test("#8: the budget is shared by the evaluations until resetSteps(), and counted exactly")
  func budgetAcrossEvaluations() throws {
    let expression = "Patient.identifier.where(value = 'CANARY-7').system"
    let probe = FHIRPathEvaluator()
    _ = try Self.many.evaluate(expression, evaluator: probe)
    let once = probe.stepsTaken
    _ = try Self.many.evaluate(expression, evaluator: probe)
    #expect(probe.stepsTaken == 2 * once)
    probe.resetSteps()
    #expect(probe.stepsTaken == 0)

    // Exactly enough steps succeed; one fewer fails.
    let exact = FHIRPathEvaluator(stepLimit: once)
    _ = try Self.many.evaluate(expression, evaluator: exact)
    let spent = #expect(throws: FHIRPathEvaluationError.self) {
      _ = try Self.many.evaluate(expression, evaluator: exact)
    }
    #expect(spent?.code == .stepLimitExceeded)
    exact.resetSteps()
    _ = try Self.many.evaluate(expression, evaluator: exact)
    #expect(code(expression, on: Self.many, limit: once - 1) == .stepLimitExceeded)
  }
}
