import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `fhir-deid` command: the de-identification filter by default, plus tools for rule authors.
@main
struct FhirDeid: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "fhir-deid",
    abstract: "De-identify FHIR R4 NDJSON with Microsoft-format anonymization rules.",
    usage: """
      fhir-deid [OPTIONS] [INPUT ...]
      fhir-deid <command> [OPTIONS] [ARGUMENTS]
      """,
    discussion: """
      Reads FHIR R4 resources as NDJSON (one JSON resource per line, plain or gzip) from files or \
      standard input and writes one de-identified line per input line, in input order. Without \
      -c or --preset the built-in safe-harbor preset applies.

      Main options (all of them: fhir-deid run --help):
        -c FILE | --preset NAME   the rules (default: the safe-harbor preset)
        -o FILE | --output-dir DIR   where the output goes (default: stdout)
        --resume                  with --output-dir: keep what an interrupted run finished
        --validate-output warn|fail   check that every output resource is valid FHIR R4
        -z                        gzip the output
        -j N                      worker threads (0: every core)
        --keys FILE               the keys the rules need (or the variables below)
        --stats FILE              a JSON run report
        -q                        errors only

      Environment:
        FHIR_DEID_CRYPTO_HASH_KEY, FHIR_DEID_DATE_SHIFT_KEY, FHIR_DEID_ENCRYPT_KEY

      Exit status:
        0 done, 1 a resource could not be processed, 2 audit findings,
        64 bad command line, 65 invalid input, 66 an input cannot be opened,
        73 an output cannot be created, 74 read or write error,
        78 invalid configuration or key, 130/143 interrupted
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
