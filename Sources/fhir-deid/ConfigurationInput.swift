import ArgumentParser
import DeidCrypto
import FHIRDeid

/// The configuration a command line names (`-c FILE` or `--preset NAME`, default safe-harbor),
/// read and loaded the same way for run, audit, explain and lint.
struct ConfigurationInput {
  /// The configuration text.
  let text: [UInt8]
  /// How messages name it: the file's path, or `preset NAME`.
  let name: String
  /// How the run report names it: `file:PATH` or `preset:NAME`.
  let source: String

  /// Refuses `-c` with `--preset`, and a preset that does not exist (exit 64).
  static func validate(config: String?, preset: String?) throws(ValidationError) {
    if config != nil && preset != nil {
      throw ValidationError("--config and --preset cannot be used together")
    }
    if let preset, Preset(rawValue: preset) == nil {
      throw ValidationError(
        "no preset '\(preset)'; presets: " + Preset.allCases.map(\.rawValue).joined(separator: ", ")
      )
    }
  }

  /// Reads the file, or takes the preset's text (exit 66 when the file cannot be read).
  static func read(file: String?, preset: String?) throws(ReportedFailure) -> ConfigurationInput {
    if let file {
      do {
        return ConfigurationInput(text: try FileIO.read(file), name: file, source: "file:" + file)
      } catch {
        Diagnostics.error("cannot read configuration \(file): \(error.reason)")
        throw ReportedFailure(status: .noInput)
      }
    }
    let preset = preset.flatMap(Preset.init(rawValue:)) ?? .safeHarbor
    return ConfigurationInput(
      text: Array(preset.text.utf8), name: "preset " + preset.rawValue,
      source: "preset:" + preset.rawValue)
  }

  /// Loads and checks the configuration, showing its warnings (exit 78 when it is invalid).
  func load(options: Configuration.LoadOptions) throws(ReportedFailure) -> Configuration {
    do {
      let configuration = try Configuration.load(text, options: options)
      for warning in configuration.warnings { Diagnostics.warning("\(name): \(warning)") }
      return configuration
    } catch {
      Diagnostics.error("invalid configuration \(name): \(error.message)")
      throw ReportedFailure(status: .configuration)
    }
  }

  /// The configuration compiled with keys made up for this process, for commands whose results
  /// do not depend on the keys (audit's attribution, explain's counts): exit 78 when it is
  /// invalid.
  func compileWithRandomKeys(
    options: Configuration.LoadOptions, today: (year: Int, month: Int, day: Int)
  ) throws(ReportedFailure) -> Anonymizer {
    let configuration = try load(options: options)
    do {
      return try Anonymizer(
        configuration: configuration, settings: EngineSettings.randomKeys(today: today))
    } catch {
      Diagnostics.error("invalid configuration \(name): \(error.message)")
      throw ReportedFailure(status: .configuration)
    }
  }
}

extension EngineSettings {
  /// Settings with a fresh random key of each kind, for this process only.
  static func randomKeys(today: (year: Int, month: Int, day: Int)) -> EngineSettings {
    EngineSettings(
      dateShiftKey: Array(RandomKey.hex32().utf8), cryptoHashKey: Array(RandomKey.hex32().utf8),
      encryptKey: Array(RandomKey.hex32().utf8), today: today)
  }
}

extension ReportedFailure {
  /// Runs `body`; a failure it reports ends the command with its exit status.
  static func exiting<T>(_ body: () throws(ReportedFailure) -> T) throws -> T {
    do throws(ReportedFailure) { return try body() } catch { throw error.status.exitCode }
  }
}
