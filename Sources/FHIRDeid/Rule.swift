/// One entry of `fhirPathRules`: a FHIRPath selecting nodes and the method applied to them.
package struct Rule: Sendable {
  /// The built-in methods of Microsoft's format (names are matched case-insensitively).
  package enum Method: String, Sendable, CaseIterable {
    case keep, redact, dateShift, cryptoHash, encrypt, substitute, perturb, generalize

    /// The method for a configuration's spelling, ignoring case.
    package init?(configName: String) {
      let lower = configName.lowercased()
      guard let m = Method.allCases.first(where: { $0.rawValue.lowercased() == lower }) else {
        return nil
      }
      self = m
    }
  }

  /// Position in `fhirPathRules`, 0-based.
  package var index: Int
  /// The path as written.
  package var path: String
  /// The resource type prefix (`Patient` in `Patient.name`), empty when the path has none.
  package var resourceType: String
  /// The path without the resource type prefix (the whole path when nothing is left).
  package var expression: String
  package var method: Method
  /// Every other key of the rule object, as written (read by the method).
  package var settings: [JSONValue.Member]

  /// Whether the rule selects the whole resource (`Patient`, `Resource`, `DomainResource`).
  package var isWholeResource: Bool { path == resourceType }

  /// Whether the rule applies to a resource of the given type (spec §3.2).
  package func applies(to type: String) -> Bool {
    resourceType.isEmpty || resourceType == type || resourceType == "Resource"
      || resourceType == "DomainResource"
  }

  /// A setting by exact (case-sensitive) key, as the reference reads them.
  package func setting(_ key: String) -> JSONValue? {
    settings.first { $0.key == key }?.value
  }

  /// Splits a path as `^(?<resourceType>[A-Z][a-zA-Z]*)?(\.)?(?<expression>.*?)$` does.
  package static func split(_ path: String) -> (resourceType: String, expression: String) {
    let scalars = Array(path.unicodeScalars)
    var i = 0
    if let first = scalars.first, ("A"..."Z").contains(first) {
      i = 1
      while i < scalars.count, isASCIILetter(scalars[i]) { i += 1 }
    }
    let type = String(String.UnicodeScalarView(scalars[0..<i]))
    var rest = i
    if rest < scalars.count, scalars[rest] == "." { rest += 1 }
    var expression = String(String.UnicodeScalarView(scalars[rest...]))
    if expression.isEmpty { expression = path }
    return (type, expression)
  }

  private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
    ("A"..."Z").contains(s) || ("a"..."z").contains(s)
  }
}
