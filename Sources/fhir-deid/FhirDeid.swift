import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `fhir-deid` command: the de-identification filter by default, plus tools for rule authors.
@main
struct FhirDeid: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "fhir-deid",
    abstract: "De-identify FHIR R4 NDJSON with Microsoft-format anonymization rules.",
    discussion: """
      Reads FHIR R4 resources as NDJSON (one JSON resource per line, plain or gzip) from files or \
      standard input and writes one de-identified line per input line, in input order. Without \
      -c or --preset the built-in safe-harbor preset applies.

      The options of the main job: fhir-deid run --help (the run subcommand is the default).
      """,
    version: version,
    subcommands: [
      Run.self, Select.self, Lint.self, Explain.self, Audit.self, PresetsCommand.self, Keygen.self,
    ],
    defaultSubcommand: Run.self
  )

  /// ArgumentParser's entry, with two habits of Unix tools it lacks: `-V` for the version, and
  /// `help NAME` for a command that does not exist is a usage error (exit 64), not the top-level
  /// help with exit 0.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments == ["-V"] {
      print(version)
      return
    }
    if arguments.first == "help", arguments.count >= 2 {
      let known = configuration.subcommands.map { $0.configuration.commandName ?? "" }
      if !known.contains(arguments[1]) {
        Diagnostics.error(
          "no command '\(arguments[1])'; commands: " + known.joined(separator: ", "))
        terminate(ExitStatus.usage.rawValue)
      }
    }
    main(nil)
  }
}

/// Ends the process with `status` (the C library's `exit`).
private func terminate(_ status: Int32) -> Never {
  exit(status)
}
