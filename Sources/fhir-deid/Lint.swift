import ArgumentParser
import FHIRDeid

/// `fhir-deid lint`: checks a configuration without data.
struct Lint: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check a configuration against the FHIR R4 model, without data.",
    discussion: """
      Reports, per rule: resource types and element names that R4 does not have (with the \
      closest R4 name), paths that can never match (ofType of a type the path cannot reach, a \
      where() comparing text with a number), rules that an earlier rule fully shadows (the first \
      rule that reaches a node decides it), methods applied to types they cannot change \
      (dateShift on a string, perturb on a code, generalize on a complex element), generalize \
      cases that do not compile; and unknown configuration keys, empty or weak keys and \
      Microsoft's reversible date-shift algorithm. Exit 78 when there is an error, 0 for \
      warnings alone.
      """)

  @Option(
    name: [.short, .long],
    help: ArgumentHelp("The configuration to check (Microsoft's format).", valueName: "FILE"))
  var config: String?

  @Option(
    help: ArgumentHelp(
      "A built-in configuration (see 'fhir-deid presets'); default: safe-harbor.",
      valueName: "NAME"))
  var preset: String?

  @OptionGroup var checking: ConfigurationChecking

  @Option(help: ArgumentHelp("text (one finding per line) or json.", valueName: "text|json"))
  var format: ReportFormat = .text

  func validate() throws {
    try ConfigurationInput.validate(config: config, preset: preset)
  }

  func run() throws {
    let input = try ReportedFailure.exiting { () throws(ReportedFailure) in
      try ConfigurationInput.read(file: config, preset: preset)
    }
    let name = input.name
    var options = checking.loadOptions
    options.collectsErrors = true
    var findings: [ConfigurationFinding]
    do {
      let configuration = try Configuration.load(input.text, options: options)
      findings = ConfigurationLint.findings(for: configuration)
      // What only compiling finds (generalize cases, perturb settings), with throwaway keys.
      let settings = EngineSettings.randomKeys(today: (2000, 1, 1))
      do { _ = try Anonymizer(configuration: configuration, settings: settings) } catch {
        findings.append(
          ConfigurationFinding(.error, .invalidCase, location: "", message: error.message))
      }
    } catch {
      findings = [ConfigurationFinding(.error, .invalidCase, location: "", message: error.message)]
    }
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.count - errors
    switch format {
    case .text:
      var out = ""
      for finding in findings { out += "\(finding.severity.rawValue): \(finding.text)\n" }
      out += "\(name): \(errors) error\(errors == 1 ? "" : "s"), "
      out += "\(warnings) warning\(warnings == 1 ? "" : "s")\n"
      try Diagnostics.writeOutput(Array(out.utf8))
    case .json:
      var w = JSONOut()
      w.object { w in
        w.field("config") { w in w.string(name) }
        w.field("errors") { w in w.int(errors) }
        w.field("warnings") { w in w.int(warnings) }
        w.field("findings") { w in
          w.array(findings) { w, finding in
            w.object { w in
              w.field("severity") { w in w.string(finding.severity.rawValue) }
              w.field("code") { w in w.string(finding.code.rawValue) }
              if let rule = finding.rule { w.field("rule") { w in w.int(rule) } }
              w.field("location") { w in w.string(finding.location) }
              w.field("message") { w in w.string(finding.message) }
              if let suggestion = finding.suggestion {
                w.field("suggestion") { w in w.string(suggestion) }
              }
            }
          }
        }
      }
      try Diagnostics.writeOutput(w.bytes + [0x0A])
    }
    if errors > 0 { throw ExitStatus.configuration.exitCode }
  }
}

/// How `lint`, `explain` and `audit` print their report: for people, or one JSON object.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
