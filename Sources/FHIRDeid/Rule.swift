import FHIRModel
import FHIRPath

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
  /// How the rule finds its nodes in a resource.
  package var selector: Selector

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

  /// How a rule selects nodes (spec §3.3): Microsoft's two fast paths, the whole resource, or a
  /// FHIRPath expression evaluated with the resource as focus.
  package enum Selector: Sendable {
    /// `nodesByType('T')` or `nodesByType('T').member` as the whole path: nodes of type T in the
    /// resource (nested resource nodes included, not descended into), or their `member` children.
    case byType(FHIRType?, member: [UInt8]?)
    /// `nodesByName('n')[.member]`: the same by node name.
    case byName([UInt8], member: [UInt8]?)
    /// The path is the resource type itself (`Patient`, `Resource`): the resource node.
    case wholeResource
    /// Anything else: the expression (the path without its resource type prefix).
    case expression(CompiledExpression)

    /// Whether the selector reads Microsoft's per-resource node tables.
    package var isFastPath: Bool {
      switch self {
      case .byType, .byName: true
      case .wholeResource, .expression: false
      }
    }

    init(path: String, resourceType: String, expression: String, at: String)
      throws(ConfigurationError)
    {
      if let (function, argument, member) = Selector.fastPath(path) {
        let memberBytes = member.map { Array($0.utf8) }
        if function == "nodesByType" {
          self = .byType(FHIRType.named(argument), member: memberBytes)
        } else {
          self = .byName(Array(argument.utf8), member: memberBytes)
        }
        return
      }
      if path == resourceType {
        self = .wholeResource
        return
      }
      self = .expression(try RuleExpressions.compile(expression, at: at + ".path"))
    }

    /// Matches `^nodesBy(Type|Name)\(['|"]([A-Za-z0-9]+)['|"]\)(\.([A-Za-z0-9]+))?$`.
    package static func fastPath(_ path: String) -> (String, String, String?)? {
      let s = Array(path.utf8)
      var function = ""
      var i: Int
      if ReferenceText.startsWith(s, "nodesByType(") {
        function = "nodesByType"
        i = 12
      } else if ReferenceText.startsWith(s, "nodesByName(") {
        function = "nodesByName"
        i = 12
      } else {
        return nil
      }
      let quotes: Set<UInt8> = [UInt8(ascii: "'"), UInt8(ascii: "|"), UInt8(ascii: "\"")]
      guard i < s.count, quotes.contains(s[i]) else { return nil }
      i += 1
      let argStart = i
      while i < s.count, isAlphanumeric(s[i]) { i += 1 }
      guard i > argStart, i < s.count, quotes.contains(s[i]) else { return nil }
      let argument = String(decoding: s[argStart..<i], as: UTF8.self)
      i += 1
      guard i < s.count, s[i] == UInt8(ascii: ")") else { return nil }
      i += 1
      if i == s.count { return (function, argument, nil) }
      guard s[i] == UInt8(ascii: ".") else { return nil }
      i += 1
      let memberStart = i
      while i < s.count, isAlphanumeric(s[i]) { i += 1 }
      guard i > memberStart, i == s.count else { return nil }
      return (function, argument, String(decoding: s[memberStart..<i], as: UTF8.self))
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
  }
}
