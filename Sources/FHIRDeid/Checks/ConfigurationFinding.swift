/// One thing a check found in a configuration: how serious, where (rule index, column in the
/// rule's path, or line and column of a key), what, and what was probably meant. Names only
/// configuration text and the R4 model, never data.
package struct ConfigurationFinding: Sendable, Equatable {
  package enum Severity: String, Sendable, Comparable {
    case warning, error

    package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
  }

  /// What kind of finding, for tools that filter (`lint --format json` gives it as `code`).
  package enum Code: String, Sendable {
    /// A path's leading type is not an R4 resource type (`Patinet.name`).
    case unknownResourceType
    /// A path step names no element of the types it is applied to (`Patient.nmae`).
    case unknownElement
    /// `nodesByType('T')`, `ofType(T)` or `as(T)` names no R4 type.
    case unknownType
    /// `ofType(T)` where no element reached there can have type T.
    case impossibleType
    /// A configuration key that no part of the format reads (`parameters.dateShiftKye`).
    case unknownKey
    /// A rule whose nodes all go to an earlier rule first (first rule wins).
    case shadowedRule
    /// A method applied to a type it cannot change (`dateShift` on a `string`).
    case methodCannotApply
    /// A `where()` that compares a code, string or other text with a number: never true.
    case neverTrue
    /// A generalize case that does not compile.
    case invalidCase
    /// A key the rules need is missing, empty or under 16 bytes.
    case weakKey
    /// `dateShift` with Microsoft's algorithm, whose offsets the output reveals.
    case reversibleDateShift
  }

  package var severity: Severity
  package var code: Code
  /// The index of the rule in `fhirPathRules`, for findings about a rule.
  package var rule: Int?
  /// Where: `fhirPathRules[3].path, column 9`, or `line 4, column 5` for a key.
  package var location: String
  package var message: String
  /// What was probably meant (`name` for `nmae`), when something is close enough.
  package var suggestion: String?

  package init(
    _ severity: Severity, _ code: Code, rule: Int? = nil, location: String, message: String,
    suggestion: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.rule = rule
    self.location = location
    self.message = message
    self.suggestion = suggestion
  }

  /// `LOCATION: MESSAGE; did you mean 'SUGGESTION'?`
  package var text: String {
    var text = location.isEmpty ? message : "\(location): \(message)"
    if let suggestion { text += "; did you mean '\(suggestion)'?" }
    return text
  }
}
