import ArgumentParser

/// The exit codes of the command-line contract (`man fhir-deid`, EXIT STATUS).
enum ExitStatus: Int32 {
  /// Every input line produced its output line (or was skipped as the options asked).
  case success = 0
  /// A resource could not be de-identified and `processingErrors` is `raise`.
  case processingError = 1
  /// `fhir-deid audit` found something (a check fired, an original value survived, or classes
  /// below `--k`).
  case findings = 2
  /// Bad command line (ArgumentParser's `ValidationError` maps here too).
  case usage = 64
  /// Invalid input: not JSON, not a JSON object, not FHIR R4, a line longer than
  /// `--max-line-bytes`, truncated or corrupt gzip.
  case dataError = 65
  /// An input file cannot be opened.
  case noInput = 66
  /// An output file cannot be created.
  case cannotCreate = 73
  /// A read or write error.
  case ioError = 74
  /// Invalid configuration or key.
  case configuration = 78

  var exitCode: ExitCode { ExitCode(rawValue) }
}

/// An error that has been reported on stderr already and only carries the exit status.
struct ReportedFailure: Error {
  var status: ExitStatus
}
