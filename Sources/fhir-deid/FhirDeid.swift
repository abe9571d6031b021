import ArgumentParser

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
}
