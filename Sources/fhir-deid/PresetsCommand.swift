import ArgumentParser
import FHIRDeid

/// `fhir-deid presets [show NAME]`: the built-in configurations.
struct PresetsCommand: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "presets",
    abstract: "List the built-in configurations, or print one.",
    subcommands: [List.self, Show.self],
    defaultSubcommand: List.self
  )

  struct List: ParsableCommand {
    static var _errorPrefix: String { "fhir-deid: error: " }

    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the built-in configurations (the default).")

    func run() {
      let width = Preset.allCases.map(\.rawValue.count).max() ?? 0
      for preset in Preset.allCases {
        let pad = String(repeating: " ", count: width - preset.rawValue.count)
        let mark = preset == .safeHarbor ? " (default)" : ""
        print("\(preset.rawValue)\(pad)  \(preset.description)\(mark)")
      }
    }
  }

  struct Show: ParsableCommand {
    static var _errorPrefix: String { "fhir-deid: error: " }

    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Print a built-in configuration (commented JSON).")

    @Argument(help: ArgumentHelp("The preset's name.", valueName: "NAME"))
    var name: String

    func validate() throws {
      guard Preset(rawValue: name) != nil else {
        throw ValidationError(
          "no preset '\(name)'; presets: " + Preset.allCases.map(\.rawValue).joined(separator: ", ")
        )
      }
    }

    func run() throws {
      guard let preset = Preset(rawValue: name) else { return }
      try Diagnostics.writeOutput(Array((preset.text + "\n").utf8))
    }
  }
}
