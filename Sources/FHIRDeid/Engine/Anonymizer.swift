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

  /// A worker with its own scratch space; one per thread.
  package func makeWorker() -> AnonymizerWorker { AnonymizerWorker(self) }
}
