import ArgumentParser
import FHIRDeid

/// `--lenient-paths` and `--strict`: how the configuration's checks treat what they find, for
/// every command that loads a configuration.
struct ConfigurationChecking: ParsableArguments {
  @Flag(
    name: .customLong("lenient-paths"),
    help:
      "Rule path steps that name no FHIR R4 element are warnings, not errors (for configurations written against another FHIR version, such as Microsoft's sample)."
  )
  var lenientPaths = false

  @Flag(help: "Unknown configuration keys are errors, not warnings.")
  var strict = false

  var loadOptions: Configuration.LoadOptions {
    Configuration.LoadOptions(lenientPaths: lenientPaths, strictKeys: strict)
  }
}
