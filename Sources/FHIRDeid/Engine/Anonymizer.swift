import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath

/// A loaded configuration compiled for use, shared (read-only) by every worker.
package final class Anonymizer: Sendable {
  package let configuration: Configuration
  package let settings: EngineSettings
  /// The rules in configuration order, each with its compiled method.
  let rules: [CompiledRule]
  /// For each resource type (by `FHIRType.raw`), the indices of the rules that apply to it, in
  /// configuration order (spec §3.2).
  let rulesByType: [[Int]]
  /// The keyed contexts the workers set up.
  let neededTools: MethodTools
  /// The output check: the run's, with repairs also when the configuration asks for them.
  package let outputChecks: OutputChecks

  /// Compiles `configuration` with the run's keys and reference date.
  package init(configuration: Configuration, settings: EngineSettings) throws(ConfigurationError) {
    self.configuration = configuration
    self.settings = settings
    var checks = settings.outputChecks
    checks.repairs = checks.repairs || configuration.validOutput
    outputChecks = checks
    var byType = Array(repeating: [Int](), count: R4.typeCount)
    for raw in 0..<R4.typeCount {
      let type = FHIRType(raw: UInt16(raw))
      guard type.isResource else { continue }
      let name = type.name
      byType[raw] = configuration.rules.indices.filter { configuration.rules[$0].applies(to: name) }
    }
    rulesByType = byType
    let inputs = CompiledMethod.Inputs(
      configuration: configuration, settings: settings,
      usesHMACDateShift: configuration.dateShiftAlgorithm == .hmacSHA256
        && configuration.neededKeys.contains(.dateShiftKey),
      patientPaths: configuration.rules.contains { $0.method == .dateShift }
        ? DateShift.compilePatientPaths() : [])
    var rules: [CompiledRule] = []
    var tools: MethodTools = []
    for rule in configuration.rules {
      let method = try CompiledMethod(rule, inputs)
      tools.formUnion(method.tools)
      rules.append(CompiledRule(rule: rule, method: method))
    }
    self.rules = rules
    neededTools = tools
    // Fail at load, not on the first resource, when a key cannot be used.
    if tools.contains(.hmac) {
      do { _ = try HMACSHA256(key: settings.cryptoHashKey) } catch {
        throw ConfigurationError("cryptoHashKey cannot be used: libcrypto error \(error)")
      }
    }
    if tools.contains(.hmacDateShift) {
      do {
        _ = try HMACDateShift(
          key: settings.dateShiftKey, range: configuration.parameters.dateShiftRange)
      } catch {
        throw ConfigurationError("dateShiftKey cannot be used: libcrypto error \(error)")
      }
    }
    if tools.contains(.aes) {
      do { _ = try AESCBC(key: settings.encryptKey) } catch {
        throw ConfigurationError(
          "encryptKey cannot be used (it must be 16, 24 or 32 bytes of UTF-8): \(error)")
      }
    }
  }

  /// A worker with its own scratch space and its own copy of the compiled rules; one per
  /// thread.
  ///
  /// Workers share no reference-counted object: with one shared set of rules, every worker's
  /// retain of a rule, a plan or an expression wrote the same cache lines the other workers
  /// read, and two workers spent half again the CPU time of one on the same input (`-j2` ran
  /// 1.25× faster than `-j1` on two cores, with `swift_retain` at 23% of the profile). The copy
  /// is compiled again from the same rules (a few milliseconds per worker).
  package func makeWorker() -> AnonymizerWorker { AnonymizerWorker(replica()) }

  /// The same configuration compiled again: equal in every respect, sharing no mutable or
  /// reference-counted state with this one (only the immutable R4 tables). Falls back to this
  /// anonymizer itself should the recompilation fail, which it cannot for inputs that compiled
  /// once.
  func replica() -> Anonymizer {
    var copy = configuration
    copy.rules = configuration.rules.map { $0.replica() }
    return (try? Anonymizer(configuration: copy, settings: settings)) ?? self
  }
}
