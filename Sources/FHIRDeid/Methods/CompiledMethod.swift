import FHIRModel
import FHIRPath

/// A rule's method with its compiled plan: everything the method needs that does not change
/// from one resource to the next, read from the rule, the parameters and the run's settings
/// once, at load.
///
/// Each method lives in its own file, as a value with an `apply` that sees only the node, the
/// resource it is in, the rule and the ``MethodContext``. Adding a method is one file and one
/// case here (and its name in ``Rule/Method``).
enum CompiledMethod: Sendable {
  case keep
  case redact(Redaction)
  case dateShift(DateShift)
  case cryptoHash(CryptoHash)
  case encrypt(Encryption)
  case substitute(Substitution)
  case perturb(Perturbation)
  case generalize(Generalization)

  /// Compiles `rule`'s method.
  init(_ rule: Rule, _ inputs: Inputs) throws(ConfigurationError) {
    let parameters = inputs.configuration.parameters
    switch rule.method {
    case .keep: self = .keep
    case .redact: self = .redact(Redaction(parameters, today: inputs.settings.todayDay))
    case .dateShift:
      self = .dateShift(
        DateShift(
          parameters, usesHMAC: inputs.usesHMACDateShift, settings: inputs.settings,
          patientPaths: inputs.patientPaths))
    case .cryptoHash:
      self = .cryptoHash(CryptoHash(removesReferenceBase: rule.removesReferenceBase))
    case .encrypt: self = .encrypt(Encryption())
    case .substitute:
      self = .substitute(
        Substitution(replacement: Replacement(rule.setting("replaceWith") ?? .null)))
    case .perturb: self = .perturb(try Perturbation(rule, seed: inputs.settings.perturbSeed))
    case .generalize: self = .generalize(try Generalization(rule))
    }
  }

  /// What compiling a method may read besides its rule.
  struct Inputs {
    var configuration: Configuration
    var settings: EngineSettings
    var usesHMACDateShift: Bool
    var patientPaths: [[[[UInt8]]]]
  }

  /// The per-worker tools (``MethodContext``) the method needs.
  var tools: MethodTools {
    switch self {
    case .cryptoHash: .hmac
    case .encrypt: .aes
    case .dateShift(let plan): plan.usesHMAC ? .hmacDateShift : []
    case .keep, .redact, .substitute, .perturb, .generalize: []
    }
  }

  /// Applies the method to one node of `resource`.
  ///
  /// - Returns: the operations done (empty when the node was left as it is).
  @inline(__always)
  func apply(
    to node: Int32, resource: Int32, rule: Rule, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    switch self {
    case .keep: []
    case .redact(let m): m.apply(to: node, in: &context, bytes: bytes)
    case .dateShift(let m): try m.apply(to: node, rule: rule, in: &context, bytes: bytes)
    case .cryptoHash(let m): try m.apply(to: node, rule: rule, in: &context, bytes: bytes)
    case .encrypt(let m): try m.apply(to: node, rule: rule, in: &context, bytes: bytes)
    case .substitute(let m): try m.apply(to: node, rule: rule, in: &context, bytes: bytes)
    case .perturb(let m):
      try m.apply(to: node, resource: resource, rule: rule, in: &context, bytes: bytes)
    case .generalize(let m):
      try m.apply(to: node, resource: resource, rule: rule, in: &context, bytes: bytes)
    }
  }
}

/// The keyed contexts a worker sets up for the compiled methods.
struct MethodTools: OptionSet, Sendable {
  let rawValue: UInt8
  static let hmac = MethodTools(rawValue: 1 << 0)
  static let aes = MethodTools(rawValue: 1 << 1)
  static let hmacDateShift = MethodTools(rawValue: 1 << 2)
}

/// A rule ready to run: the rule as configured and its compiled method.
///
/// A class: the rule loop takes one per rule and resource, and a reference costs one retain
/// where a copy of the enum would retain every array of the plan.
final class CompiledRule: Sendable {
  let rule: Rule
  let method: CompiledMethod

  init(rule: Rule, method: CompiledMethod) {
    self.rule = rule
    self.method = method
  }
}
