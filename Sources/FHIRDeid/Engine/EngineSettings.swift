import FHIRPath

/// What a run supplies beyond the configuration file: keys (already resolved from the
/// configuration, a key file or the environment), the reference date of the ">89" rules and
/// the FHIRPath work limit.
package struct EngineSettings: Sendable {
  package var dateShiftKey: [UInt8]
  package var cryptoHashKey: [UInt8]
  package var encryptKey: [UInt8]
  /// The date the "age over 89" rules count from (`--today`, default: the local date).
  package var today: (year: Int, month: Int, day: Int)
  /// The seed that makes `perturb` reproducible (`--seed N`); nil draws from the system's
  /// random generator. With a seed, each value's noise depends only on the seed, the resource
  /// (its `resourceType` and `id` as in the input), the rule and the element's path, so the
  /// output does not depend on the job count or on how the input is split.
  package var perturbSeed: UInt64?
  /// For fail-closed tests only: every application of this method fails, as a processing error,
  /// after the method has changed its node (so a half-done resource is at stake). Set by the
  /// `FHIR_DEID_TEST_FAULT` environment variable; nil in normal runs.
  package var injectedFault: Rule.Method?
  /// The most FHIRPath steps the rules may take on one resource line (`--max-fhirpath-steps`;
  /// see ``FHIRPathEvaluator/stepLimit``). A line that needs more is a processing error.
  package var maxFHIRPathSteps: Int
  /// The output check after the rules: `--valid-output` (repairs, also turned on by the
  /// configuration's `validOutput`) and `--validate-output`.
  package var outputChecks = OutputChecks()

  package init(
    dateShiftKey: [UInt8], cryptoHashKey: [UInt8], encryptKey: [UInt8],
    today: (year: Int, month: Int, day: Int), perturbSeed: UInt64? = nil,
    maxFHIRPathSteps: Int = FHIRPathEvaluator.defaultStepLimit
  ) {
    self.dateShiftKey = dateShiftKey
    self.cryptoHashKey = cryptoHashKey
    self.encryptKey = encryptKey
    self.today = today
    self.perturbSeed = perturbSeed
    self.maxFHIRPathSteps = maxFHIRPathSteps
  }

  var todayDay: DateText.Day { DateText.Day(year: today.year, month: today.month, day: today.day) }
}

/// Per-rule and per-method counts of one worker, merged into the run report.
package struct EngineCounters: Sendable {
  package struct RuleCounts: Sendable {
    /// Nodes the rule's path selected.
    package var matched = 0
    /// Nodes whose value the rule's method changed.
    package var nodes = 0
    /// Resources in which the rule selected at least one node.
    package var resources = 0
    /// Estimated time the rule took (selecting and applying), in nanoseconds, when the run
    /// measures it (``AnonymizerWorker/timesRules``): the time on a sample of the resources,
    /// scaled to all of them.
    package var nanoseconds = 0
    package init() {}
  }
  package var rules: [RuleCounts]
  /// Values changed, per method (indexed by `Rule.Method.allCases`).
  package var methods: [Int]
  /// Resources whose date shift fell back to resource scope for lack of a patient.
  package var patientScopeFallbacks = 0
  /// `fhir_comments` members dropped from the input (spec §2.1).
  package var droppedComments = 0
  /// `null` values and empty or white-space-only strings dropped from the input (spec §2.1).
  package var droppedEmpty = 0
  /// The most FHIRPath steps the rules took on one resource line (see
  /// ``EngineSettings/maxFHIRPathSteps``).
  package var maxFHIRPathSteps = 0
  /// Repairs the output check made, per kind and element (``OutputCheck``).
  package var repairs = ElementTally<OutputRepair>()
  /// Problems `--validate-output` found, per kind and element.
  package var problems = ElementTally<OutputProblem>()
  /// Output resources (lines) with at least one problem.
  package var invalidResources = 0

  package init(ruleCount: Int) {
    rules = Array(repeating: RuleCounts(), count: ruleCount)
    methods = Array(repeating: 0, count: Rule.Method.allCases.count)
  }

  /// Counts one rule's work on one resource.
  mutating func count(rule: Int, method: Rule.Method, matched: Int, changed: Int) {
    rules[rule].matched &+= matched
    rules[rule].resources &+= 1
    if changed > 0 {
      rules[rule].nodes &+= changed
      methods[method.position] &+= changed
    }
  }

  /// Adds `weight` times `duration` to rule `rule`'s time.
  mutating func time(rule: Int, _ duration: Duration, weight: Int) {
    let (seconds, attoseconds) = duration.components
    let ns = Int(seconds) &* 1_000_000_000 &+ Int(attoseconds / 1_000_000_000)
    rules[rule].nanoseconds &+= ns &* weight
  }

  /// Keeps the most steps one line took.
  @inline(__always)
  mutating func noteFHIRPathSteps(_ steps: Int) {
    if steps > maxFHIRPathSteps { maxFHIRPathSteps = steps }
  }

  package static func += (lhs: inout EngineCounters, rhs: EngineCounters) {
    for i in rhs.rules.indices where i < lhs.rules.count {
      lhs.rules[i].matched &+= rhs.rules[i].matched
      lhs.rules[i].nodes &+= rhs.rules[i].nodes
      lhs.rules[i].resources &+= rhs.rules[i].resources
      lhs.rules[i].nanoseconds &+= rhs.rules[i].nanoseconds
    }
    for i in rhs.methods.indices where i < lhs.methods.count { lhs.methods[i] &+= rhs.methods[i] }
    lhs.patientScopeFallbacks &+= rhs.patientScopeFallbacks
    lhs.droppedComments &+= rhs.droppedComments
    lhs.droppedEmpty &+= rhs.droppedEmpty
    lhs.maxFHIRPathSteps = max(lhs.maxFHIRPathSteps, rhs.maxFHIRPathSteps)
    lhs.repairs += rhs.repairs
    lhs.problems += rhs.problems
    lhs.invalidResources &+= rhs.invalidResources
  }

  var isZero: Bool {
    patientScopeFallbacks == 0 && droppedComments == 0 && droppedEmpty == 0
      && maxFHIRPathSteps == 0 && !methods.contains { $0 != 0 } && repairs.isEmpty
      && problems.isEmpty && invalidResources == 0
      && !rules.contains { $0.matched != 0 || $0.nodes != 0 || $0.resources != 0 }
  }
}

extension Optional where Wrapped == EngineCounters {
  /// Adds `rhs` to `lhs`, or starts `lhs` with it: the engine part of a batch's counts is nil
  /// until the first batch's counters arrive.
  package static func += (lhs: inout EngineCounters?, rhs: EngineCounters?) {
    guard let rhs else { return }
    if var sum = lhs {
      sum += rhs
      lhs = sum
    } else {
      lhs = rhs
    }
  }
}
