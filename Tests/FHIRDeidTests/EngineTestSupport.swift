import FHIRDeid
import Testing

/// Runs the engine on single lines, for known-answer and golden tests.
struct EngineHarness {
  let worker: AnonymizerWorker

  init(
    _ config: String, dateShiftKey: String = "", cryptoHashKey: String = "123",
    encryptKey: String = "0123456789abcdef", today: (Int, Int, Int) = (2026, 11, 29),
    perturbSeed: UInt64? = nil, outputChecks: OutputChecks = OutputChecks()
  ) throws {
    let configuration = try Configuration.load(Array(config.utf8))
    var settings = EngineSettings(
      dateShiftKey: Array(dateShiftKey.utf8), cryptoHashKey: Array(cryptoHashKey.utf8),
      encryptKey: Array(encryptKey.utf8), today: (today.0, today.1, today.2),
      perturbSeed: perturbSeed)
    settings.outputChecks = outputChecks
    worker = try Anonymizer(configuration: configuration, settings: settings).makeWorker()
  }

  /// The output line for `line`, or the failure.
  func run(_ line: String, prefix: String = "") -> Result<String, RecordFailure> {
    let bytes = Array(line.utf8)
    var out: [UInt8] = []
    let failure: RecordFailure? = bytes.withUnsafeBytes { raw in
      do throws(RecordFailure) {
        _ = try worker.process(raw, dateShiftPrefix: Array(prefix.utf8), into: &out)
        return nil
      } catch { return error }
    }
    if let failure { return .failure(failure) }
    return .success(String(decoding: out, as: UTF8.self))
  }

  func output(_ line: String, prefix: String = "") -> String? {
    try? run(line, prefix: prefix).get()
  }
}

/// A configuration with the given rules (JSON texts) and parameters.
func config(_ rules: [String], parameters: String = "{}", extra: String = "") -> String {
  #"{"fhirVersion":"R4",\#(extra)"fhirPathRules":[\#(rules.joined(separator: ","))],"parameters":\#(parameters)}"#
}

let redactedLabel =
  #"{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"REDACTED","display":"redacted"}"#
let abstractedLabel =
  #"{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"ABSTRED","display":"abstracted"}"#
let hashedLabel =
  #"{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"CRYTOHASH","display":"cryptographic hash function"}"#
let maskedLabel =
  #"{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"MASKED","display":"masked"}"#
let generalizedLabel =
  #"{"code":"GENERALIZED","display":"exact value is replaced with a general value"}"#
let perturbedLabel =
  #"{"code":"PERTURBED","display":"exact value is replaced with another exact value"}"#
