import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// The rule loop of one worker (spec §3): which rules run on which resource, in which order,
/// where they select, and what each method did. The methods themselves see only the
/// ``MethodContext``.
///
/// A struct, so that the per-node work runs on an `inout` value (static exclusivity) rather
/// than through class property accesses.
struct EngineCore {
  let anonymizer: Anonymizer
  /// The document and the methods' tools.
  var context: MethodContext
  var selection = RuleSelection()
  /// Repairs and validation after the rules (``Anonymizer/outputChecks``).
  var outputCheck = OutputCheck()
  var counters: EngineCounters
  /// Whether `applyRules` fills ``decidingRule`` (audit only; see
  /// ``AnonymizerWorker/recordsDecidingRules``).
  var recordsDecidingRules = false
  /// Per node, the index of the rule that visited it first, or -1; empty unless
  /// ``recordsDecidingRules``.
  var decidingRule: [Int32] = []
  /// Whether the rule loop measures each rule's time (see ``AnonymizerWorker/timesRules``).
  var timesRules = false
  /// Resources seen while timing: every ``timingStride``-th one is timed.
  private var timingCount = 0
  /// One resource in this many is timed, and its times count this many times.
  static let timingStride = 4

  init(_ anonymizer: Anonymizer) {
    self.anonymizer = anonymizer
    context = MethodContext(anonymizer)
    counters = EngineCounters(ruleCount: anonymizer.rules.count)
  }

  mutating func process(
    _ line: UnsafeRawBufferPointer, scanner: JSONScanner, dateShiftPrefix prefix: [UInt8],
    into out: inout [UInt8]
  ) throws(RecordFailure) -> FHIRType {
    try ResourceLoading.scan(line, with: scanner, into: &context.tape)
    let rules = anonymizer.rules
    // Without rules only validity matters: check it without building the tree (the build then
    // runs only to say where an invalid resource fails, or to drop and normalise members).
    let checks = anonymizer.outputChecks
    // Repairs mend what rules did: without rules only validation needs the tree.
    if rules.isEmpty, checks.validation == nil,
      ResourceTree.validity(context.tape, bytes: line) == .valid,
      let value = context.tape.member(named: "resourceType", in: 0, bytes: line),
      let type = R4.resourceType(
        named: UnsafeRawBufferPointer(rebasing: line[context.tape[value].range]))
    {
      context.tape.writeCompact(from: line, into: &out)
      return type
    }
    try ResourceLoading.build(&context.tree, from: context.tape, line: line)
    context.edits.removeAll()
    let type = context.tree[0].type
    counters.droppedComments &+= context.tree.droppedComments
    counters.droppedEmpty &+= context.tree.droppedEmpty
    guard !rules.isEmpty || checks.validation != nil else {
      context.labels.removeAll(keepingCapacity: true)
      context.labels.append(contentsOf: repeatElement([], count: context.tree.count))
      context.writer.write(
        tree: context.tree, edits: ValueEdits(), tape: context.tape, labels: context.labels,
        bytes: line, into: &out)
      return type
    }
    if let why = context.setupFailure {
      throw RecordFailure(.processing(why), resourceType: type, isSkippable: false)
    }
    context.startDocument(dateShiftPrefix: prefix, bytes: line)
    // Counted for this line whether or not it succeeds, as when methods counted directly.
    defer {
      counters.patientScopeFallbacks &+= context.patientScopeFallbacks
      context.patientScopeFallbacks = 0
    }
    // One FHIRPath budget per line, for every rule and every resource nested in it.
    context.evaluator.resetSteps()
    try applyRules(line)
    counters.noteFHIRPathSteps(context.evaluator.stepsTaken)
    if checks.isActive {
      try writeChecked(checks, bytes: line, into: &out)
    } else {
      context.writer.write(
        tree: context.tree, edits: context.edits, tape: context.tape, labels: context.labels,
        bytes: line, into: &out)
    }
    return type
  }

  /// Writes the document with the output check (``OutputCheck``) run as the writer prunes it;
  /// under `--validate-output fail` a problem fails the line (its output is then discarded).
  private mutating func writeChecked(
    _ checks: OutputChecks, bytes: UnsafeRawBufferPointer, into out: inout [UInt8]
  ) throws(RecordFailure) {
    outputCheck.start(
      tree: context.tree, edits: context.edits, substituted: context.substitutedComplex,
      repair: checks.repairs, validate: checks.validation != nil)
    context.writer.write(
      tree: context.tree, edits: &context.edits, tape: context.tape, labels: context.labels,
      bytes: bytes, hook: &outputCheck, into: &out)
    guard let first = outputCheck.findings.first else { return }
    counters.invalidResources &+= 1
    if checks.validation == .fail {
      throw RecordFailure(
        .processing(.invalidOutput(first.problem, first.element)),
        resourceType: context.tree[0].type, node: first.node, isSkippable: false)
    }
  }

  /// Applies the configuration to the tree of one document (spec §3.1): every resource node,
  /// pre-order in document order, gets its rules; operations bubble up to enclosing resources and
  /// become labels on every resource that is not `contained`.
  private mutating func applyRules(_ bytes: UnsafeRawBufferPointer) throws(RecordFailure) {
    if recordsDecidingRules {
      decidingRule.removeAll(keepingCapacity: true)
      decidingRule.append(contentsOf: repeatElement(-1, count: context.tree.count))
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
    let flags = context.tree.flags(of: node)
    if flags & ResourceTree.Flag.resource != 0 {
      var own = try processResource(node, bytes: bytes)
      var child = context.tree.firstChild(of: node)
      while child >= 0 {
        try walk(child, bytes: bytes, into: &own)
        child = context.tree.nextSibling(of: child)
      }
      if !isContained(node, bytes: bytes) { context.labels[Int(node)] = own }
      operations.formUnion(own)
    } else {
      // A substituted complex node is written from its replacement text: nothing below it is
      // in the output, and every node below it is visited (spec §4.6 step 5).
      if flags & ResourceTree.Flag.primitive == 0, !isOriginal(node) { return }
      var child = context.tree.firstChild(of: node)
      while child >= 0 {
        try walk(child, bytes: bytes, into: &operations)
        child = context.tree.nextSibling(of: child)
      }
    }
  }

  private func isOriginal(_ node: Int32) -> Bool {
    context.edits.kind(of: node) == .original
  }

  private mutating func isContained(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    guard context.tree.parent(of: node) >= 0 else { return false }
    return context.tree.nameEquals(node, containedName, in: bytes)
  }

  /// Runs every rule that applies to the resource at `resource`, in order (spec §3.2–3.4).
  private mutating func processResource(_ resource: Int32, bytes: UnsafeRawBufferPointer)
    throws(RecordFailure) -> Operations
  {
    var operations: Operations = []
    // Microsoft builds its node tables once, before any rule runs: nodes added later (by a
    // substitution) are not selected by later fast-path rules.
    let limit = Int32(context.tree.count)
    var collected = false
    let rules = anonymizer.rules
    // Timing every rule on every resource would cost a clock read per rule; a sample of one
    // resource in `timingStride` gives the shares at a quarter of that.
    var clock: ContinuousClock.Instant?
    if timesRules {
      if timingCount % Self.timingStride == 0 { clock = .now }
      timingCount &+= 1
    }
    for ruleIndex in anonymizer.rulesByType[Int(context.tree.type(of: resource).raw)] {
      defer {
        if let started = clock {
          let now = ContinuousClock.now
          counters.time(rule: ruleIndex, started.duration(to: now), weight: Self.timingStride)
          clock = now
        }
      }
      let compiled = rules[ruleIndex]
      let rule = compiled.rule
      if !collected, rule.usesNodeTables {
        selection.collectCandidates(of: resource, limit: limit, tree: context.tree)
        collected = true
      }
      try selection.select(rule, in: resource, limit: limit, context: &context, bytes: bytes)
      guard !selection.matches.isEmpty else { continue }
      let selected = selection.matches
      var changed = 0
      for node in selected {
        try process(
          node, rule: compiled, resource: resource, bytes: bytes, into: &operations,
          changed: &changed)
      }
      counters.count(
        rule: ruleIndex, method: rule.method, matched: selected.count, changed: changed)
    }
    return operations
  }

  /// Applies `rule`'s method to `node` and its unvisited non-resource descendants (spec §3.4).
  /// `changed` counts the nodes whose value the method changed.
  private mutating func process(
    _ node: Int32, rule: CompiledRule, resource: Int32, bytes: UnsafeRawBufferPointer,
    into operations: inout Operations, changed: inout Int
  ) throws(RecordFailure) {
    guard !context.visited[Int(node)] else { return }
    let done = try apply(rule, to: node, resource: resource, bytes: bytes)
    if !done.isEmpty {
      operations.formUnion(done)
      changed &+= 1
    }
    context.visited[Int(node)] = true
    if recordsDecidingRules, Int(node) < decidingRule.count {
      decidingRule[Int(node)] = Int32(truncatingIfNeeded: rule.rule.index)
    }
    var child = context.tree.firstChild(of: node)
    while child >= 0 {
      if !context.tree.isResource(child) {
        try process(
          child, rule: rule, resource: resource, bytes: bytes, into: &operations,
          changed: &changed)
      }
      child = context.tree.nextSibling(of: child)
    }
  }

  /// One method on one node.
  private mutating func apply(
    _ compiled: CompiledRule, to node: Int32, resource: Int32, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let rule = compiled.rule
    let operations = try compiled.method.apply(
      to: node, resource: resource, rule: rule, in: &context, bytes: bytes)
    if let fault = anonymizer.settings.injectedFault, fault == rule.method {
      throw context.failure(.injectedFault, at: node, rule: rule.index)
    }
    return operations
  }
}

private let containedName = Array("contained".utf8)
