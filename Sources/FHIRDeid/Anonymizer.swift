import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath

/// A loaded configuration compiled for use, shared (read-only) by every worker.
package final class Anonymizer: Sendable {
  package let configuration: Configuration
  package let settings: EngineSettings
  /// For each resource type (by `FHIRType.raw`), the indices of the rules that apply to it, in
  /// configuration order (spec §3.2).
  let rulesByType: [[Int]]
  /// Per resource type, the Patient compartment paths (scope `patient`).
  let patientPaths: [[[[UInt8]]]]
  /// Per rule (by index): the settings of a `perturb` rule, nil for other methods.
  let perturbPlans: [PerturbPlan?]
  /// Per rule (by index): the compiled cases of a `generalize` rule, nil for other methods.
  let generalizePlans: [GeneralizePlan?]
  /// For each rule (by index), its `replaceWith` prepared once, when the rule is a substitution.
  let replacements: [Replacement?]

  /// Compiles `configuration` with the run's keys and reference date.
  package init(configuration: Configuration, settings: EngineSettings) throws(ConfigurationError) {
    self.configuration = configuration
    self.settings = settings
    var byType = Array(repeating: [Int](), count: R4.typeCount)
    for raw in 0..<R4.typeCount {
      let type = FHIRType(raw: UInt16(raw))
      guard type.isResource else { continue }
      let name = type.name
      byType[raw] = configuration.rules.indices.filter { configuration.rules[$0].applies(to: name) }
    }
    rulesByType = byType
    patientPaths = Anonymizer.compilePatientPaths()
    var perturbPlans: [PerturbPlan?] = []
    var generalizePlans: [GeneralizePlan?] = []
    for rule in configuration.rules {
      perturbPlans.append(rule.method == .perturb ? try PerturbPlan(rule) : nil)
      generalizePlans.append(rule.method == .generalize ? try GeneralizePlan(rule) : nil)
    }
    self.perturbPlans = perturbPlans
    self.generalizePlans = generalizePlans
    replacements = configuration.rules.map { rule in
      rule.method == .substitute ? Replacement(rule.setting("replaceWith") ?? .null) : nil
    }
    // Fail at load, not on the first resource, when a key cannot be used.
    if configuration.rules.contains(where: { $0.method == .cryptoHash }) {
      do { _ = try HMACSHA256(key: settings.cryptoHashKey) } catch {
        throw ConfigurationError("cryptoHashKey cannot be used: libcrypto error \(error)")
      }
    }
    if usesHMACDateShift {
      do {
        _ = try HMACDateShift(
          key: settings.dateShiftKey, range: configuration.parameters.dateShiftRange)
      } catch {
        throw ConfigurationError("dateShiftKey cannot be used: libcrypto error \(error)")
      }
    }
    if configuration.rules.contains(where: { $0.method == .encrypt }) {
      do { _ = try AESCBC(key: settings.encryptKey) } catch {
        throw ConfigurationError(
          "encryptKey cannot be used (it must be 16, 24 or 32 bytes of UTF-8): \(error)")
      }
    }
  }

  /// Whether `dateShift` rules derive their offset with the `hmac-sha256` algorithm.
  var usesHMACDateShift: Bool {
    configuration.dateShiftAlgorithm == .hmacSHA256
      && configuration.neededKeys.contains(.dateShiftKey)
  }

  /// A worker with its own scratch space; one per thread.
  package func makeWorker() -> AnonymizerWorker { AnonymizerWorker(self) }
}

/// Per-thread state for turning input lines into output lines: the tape, the typed tree, the
/// FHIRPath evaluator, crypto contexts and counters. Never shared between threads.
package final class AnonymizerWorker {
  private let scanner = JSONScanner()
  private var core: EngineCore

  init(_ anonymizer: Anonymizer) {
    core = EngineCore(anonymizer)
  }

  /// Counts since the last `takeCounters()`.
  package var counters: EngineCounters { core.counters }

  /// Returns the counters gathered since the last call and starts again from zero.
  package func takeCounters() -> EngineCounters {
    defer { core.counters = EngineCounters(ruleCount: core.configuration.rules.count) }
    return core.counters
  }

  /// Whether ``process(_:dateShiftPrefix:into:)`` records, per node, the rule that decided it
  /// (see ``lastDocument(_:)``). Off by default, and then free: the main run never sets it;
  /// `fhir-deid audit --original` does, to tell values a `keep` rule keeps on purpose.
  package var recordsDecidingRules: Bool {
    get { core.recordsDecidingRules }
    set { core.recordsDecidingRules = newValue }
  }

  /// Calls `body` with the last processed line's tape, its typed tree (original node indices:
  /// nodes a substitution added come after them) and, per node, the index of the first rule that
  /// reached it (spec §3.4), or -1 for none.
  ///
  /// The rule array is empty unless ``recordsDecidingRules`` was set for that line, or when the
  /// configuration has no rules (then no tree is built either: `body` gets an empty tree).
  package func lastDocument<R>(_ body: (Tape, ResourceTree, [Int32]) -> R) -> R {
    body(core.tape, core.tree, core.decidingRule)
  }

  /// De-identifies one resource (one NDJSON line, without its newline) and appends the output
  /// line, without a newline, to `out`.
  ///
  /// - Parameter prefix: the date-shift prefix for scopes `file` and `folder` (the input's file
  ///   or folder name), empty otherwise.
  /// - Returns: the resource type.
  /// - Throws: ``RecordFailure``; then nothing has been appended to `out`.
  package func process(
    _ line: UnsafeRawBufferPointer, dateShiftPrefix prefix: [UInt8] = [],
    into out: inout [UInt8]
  ) throws(RecordFailure) -> FHIRType {
    try core.process(line, scanner: scanner, dateShiftPrefix: prefix, into: &out)
  }
}

/// The engine's state for one thread, as a struct so that the per-node work runs on an `inout`
/// value (static exclusivity) rather than through class property accesses.
struct EngineCore {
  let anonymizer: Anonymizer
  let configuration: Configuration
  var tape = Tape()
  var tree = ResourceTree()
  let evaluator: FHIRPathEvaluator
  /// Nodes already handled by a rule in this document (spec §3.4).
  var visited: [Bool] = []
  /// Whether `applyRules` fills ``decidingRule`` (audit only; see
  /// ``AnonymizerWorker/recordsDecidingRules``).
  var recordsDecidingRules = false
  /// Per node, the index of the rule that visited it first, or -1; empty unless
  /// ``recordsDecidingRules``.
  var decidingRule: [Int32] = []
  /// Operations per resource node, for its security labels (spec §5).
  var labels: [Operations] = []
  var items: [FHIRPathItem] = []
  var matches: [Int32] = []
  /// The previous step's matches while `select` narrows them (swapped with `matches`).
  var previousMatches: [Int32] = []
  var candidates: [Int32] = []
  /// Per resource: the first candidate of each type (by `FHIRType.raw`) and the next one of the
  /// same type, in pre-order.
  var typeHead: [Int32] = Array(repeating: -1, count: R4.typeCount)
  var typeNext: [Int32] = []
  var touchedTypes: [UInt16] = []
  var text: [UInt8] = []
  var scratch: [UInt8] = []
  /// A substitution's target subtree, pre-order (spec §4.6).
  var subtree: [Int32] = []
  /// Per node: visited or has a visited descendant; set only inside a substitution's subtree.
  var keepMarks: [Bool] = []
  let hmac: HMACSHA256?
  /// The `encrypt` cipher, when a rule encrypts (AESCBC is not thread-safe; a core is per thread).
  let aes: AESCBC?
  /// The `hmac-sha256` date shifter, when a rule shifts dates with that algorithm.
  var hmacDateShift: HMACDateShift?
  /// The resource whose noise hash `noiseResourceHash` is (perturb with a seed), or -1.
  var noiseResource: Int32 = -1
  var noiseResourceHash: UInt64 = 0
  /// The hash of the current line, once a resource without an `id` needed it.
  var noiseLineHash: UInt64?
  /// The date-shift prefix of the current input (file or folder name), empty for none.
  var dateShiftPrefix: [UInt8] = []
  /// The document's date-shift offset, once computed (reset when the root id changes).
  var cachedOffset: Int?
  /// The root resource's `id` node, or -1.
  var rootID: Int32 = -1
  var counters: EngineCounters
  var writer = OutputWriter()
  /// Recent `cryptoHash` results (the same references recur on many lines).
  var hashCache = HashCache()

  init(_ anonymizer: Anonymizer) {
    self.anonymizer = anonymizer
    self.configuration = anonymizer.configuration
    self.evaluator = FHIRPathEvaluator(
      today: anonymizer.settings.today, stepLimit: anonymizer.settings.maxFHIRPathSteps)
    self.counters = EngineCounters(ruleCount: anonymizer.configuration.rules.count)
    if anonymizer.configuration.rules.contains(where: { $0.method == .cryptoHash }) {
      hmac = try? HMACSHA256(key: anonymizer.settings.cryptoHashKey)
    } else {
      hmac = nil
    }
    if anonymizer.configuration.rules.contains(where: { $0.method == .encrypt }) {
      aes = try? AESCBC(key: anonymizer.settings.encryptKey)
    } else {
      aes = nil
    }
    if anonymizer.usesHMACDateShift {
      hmacDateShift = try? HMACDateShift(
        key: anonymizer.settings.dateShiftKey,
        range: anonymizer.configuration.parameters.dateShiftRange)
    }
  }

  mutating func process(
    _ line: UnsafeRawBufferPointer, scanner: JSONScanner, dateShiftPrefix prefix: [UInt8],
    into out: inout [UInt8]
  ) throws(RecordFailure) -> FHIRType {
    try ResourceLoading.scan(line, with: scanner, into: &tape)
    // Without rules only validity matters: check it without building the tree (the build then
    // runs only to say where an invalid resource fails, or to drop and normalise members).
    if configuration.rules.isEmpty, ResourceTree.validity(tape, bytes: line) == .valid,
      let value = tape.member(named: "resourceType", in: 0, bytes: line),
      let type = R4.resourceType(named: UnsafeRawBufferPointer(rebasing: line[tape[value].range]))
    {
      tape.writeCompact(from: line, into: &out)
      return type
    }
    try ResourceLoading.build(&tree, from: tape, line: line)
    let type = tree[0].type
    counters.droppedComments &+= tree.droppedComments
    counters.droppedEmpty &+= tree.droppedEmpty
    guard !configuration.rules.isEmpty else {
      labels.removeAll(keepingCapacity: true)
      labels.append(contentsOf: repeatElement([], count: tree.count))
      writer.write(tree: tree, tape: tape, labels: labels, bytes: line, into: &out)
      return type
    }
    dateShiftPrefix = prefix
    cachedOffset = nil
    noiseResource = -1
    noiseLineHash = nil
    // One FHIRPath budget per line, for every rule and every resource nested in it.
    evaluator.resetSteps()
    try applyRules(line)
    counters.noteFHIRPathSteps(evaluator.stepsTaken)
    writer.write(tree: tree, tape: tape, labels: labels, bytes: line, into: &out)
    return type
  }
}
