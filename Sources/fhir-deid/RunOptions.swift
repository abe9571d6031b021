import ArgumentParser
import FHIRDeid
import NDJSONStream

/// What to do with a line that is not a JSON object or not valid FHIR R4.
enum InvalidInputPolicy: String, ExpressibleByArgument, CaseIterable {
  /// Stop with exit 65 after reporting the line and column.
  case fail
  /// Drop the line, count it and go on.
  case skip

  /// What the reader does after a line longer than `--max-line-bytes`: with `fail` nothing after
  /// it is read, with `skip` the reader passes over it.
  var longLines: PipelineOptions.LongLines {
    self == .fail ? .stopReading : .skipToNextLine
  }
}

extension Run {
  /// Whether the progress line should be shown, given the flags and the terminal.
  func showsProgress(stderrIsTerminal: Bool) -> Bool {
    if quiet { return false }
    return progress ?? stderrIsTerminal
  }
}

/// `--date-shift-scope`.
enum DateShiftScopeOption: String, ExpressibleByArgument, CaseIterable {
  case resource, file, folder, patient

  var scope: Configuration.DateShiftScope {
    switch self {
    case .resource: .resource
    case .file: .file
    case .folder: .folder
    case .patient: .patient
    }
  }
}

/// `--date-shift-algorithm`.
enum DateShiftAlgorithmOption: String, ExpressibleByArgument, CaseIterable {
  case microsoft
  case hmacSHA256 = "hmac-sha256"

  var algorithm: Configuration.DateShiftAlgorithm {
    switch self {
    case .microsoft: .microsoft
    case .hmacSHA256: .hmacSHA256
    }
  }
}

/// `--processing-errors`.
enum ProcessingErrorsOption: String, ExpressibleByArgument, CaseIterable {
  case raise, skip
}

/// `--validate-output warn|fail`.
enum OutputValidationOption: String, ExpressibleByArgument, CaseIterable {
  case warn, fail

  var mode: OutputValidation { self == .warn ? .warn : .fail }
}

/// `--input-format json|ndjson|auto`.
enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
  case json, ndjson, auto

  /// What a directory operand stands for.
  var listing: DirectoryListing {
    switch self {
    case .json: .json
    case .ndjson: .ndjson
    case .auto: .both
    }
  }

  /// Whether the input named `name` is read as one JSON document (a resource or a Bundle).
  func readsDocument(_ name: String) -> Bool {
    switch self {
    case .json: true
    case .ndjson: false
    case .auto: name.hasSuffix(".json")
    }
  }
}
