import FHIRModel
import FHIRPath

/// One entry of `fhirPathRules`: a FHIRPath selecting nodes and the method applied to them.
package final class Rule: Sendable {
  /// The built-in methods of Microsoft's format (names are matched case-insensitively).
  package enum Method: String, Sendable, CaseIterable {
    case keep, redact, dateShift, cryptoHash, encrypt, substitute, perturb, generalize

    /// The method's position in `allCases` (report order).
    package var position: Int {
      switch self {
      case .keep: 0
      case .redact: 1
      case .dateShift: 2
      case .cryptoHash: 3
      case .encrypt: 4
      case .substitute: 5
      case .perturb: 6
      case .generalize: 7
      }
    }

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
  package let index: Int
  /// The path as written.
  package let path: String
  /// The resource type prefix (`Patient` in `Patient.name`), empty when the path has none.
  package let resourceType: String
  /// The path without the resource type prefix (the whole path when nothing is left).
  package let expression: String
  package let method: Method
  /// Every other key of the rule object, as written (read by the method).
  package let settings: [JSONValue.Member]
  /// How the rule finds its nodes in a resource.
  package let selector: Selector
  /// `selector.isFastPath`, kept so that the rule loop reads a flag instead of copying the
  /// selector out of the rule.
  package let usesNodeTables: Bool
  /// `"referenceBase": "remove"` on a `cryptoHash` rule (a fhir-deid extension of the format):
  /// absolute references lose their base URL (`http://h/fhir/Patient/1` → `Patient/<hash>`).
  /// Read once here, not per node.
  package let removesReferenceBase: Bool

  /// The rule setting that says what `cryptoHash` does with the base URL of a reference.
  package static let referenceBaseKey = "referenceBase"

  package init(
    index: Int, path: String, resourceType: String, expression: String, method: Method,
    settings: [JSONValue.Member], selector: Selector
  ) {
    self.index = index
    self.path = path
    self.resourceType = resourceType
    self.expression = expression
    self.method = method
    self.settings = settings
    self.selector = selector
    self.usesNodeTables = selector.isFastPath
    let base = settings.first { $0.key == Rule.referenceBaseKey }?.value
    self.removesReferenceBase = method == .cryptoHash && base == .string("remove")
  }

  /// Whether the rule selects the whole resource (`Patient`, `Resource`, `DomainResource`).
  package var isWholeResource: Bool { path == resourceType }

  /// The same rule with its own selector (compiled again, so no expression or name buffer is
  /// shared) and its own copies of the texts and settings. See ``Anonymizer/makeWorker()``.
  func replica() -> Rule {
    let path = String(decoding: Array(self.path.utf8), as: UTF8.self)
    let resourceType = String(decoding: Array(self.resourceType.utf8), as: UTF8.self)
    let expression = String(decoding: Array(self.expression.utf8), as: UTF8.self)
    let selector =
      (try? Selector(
        path: path, resourceType: resourceType, expression: expression,
        at: "fhirPathRules[\(index)]")) ?? self.selector
    return Rule(
      index: index, path: path, resourceType: resourceType, expression: expression,
      method: method, settings: settings.map { $0.replica() }, selector: selector)
  }

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
    /// A plain member chain below the resource (`id`, `name.family`, `component.value`): the same
    /// nodes FHIRPath navigation finds, without the evaluator.
    case members([[UInt8]])
    /// Anything else: the expression (the path without its resource type prefix).
    case expression(CompiledExpression)
    /// `nodesByType('T')[.where(criterion)][.rest]` for a data type or primitive T, `rest` a
    /// chain of steps that act on each item alone (members, `where` without `$index`, `ofType`,
    /// `nodesByType`, `nodesByName`, `extension`): FHIRPath semantics (the `expression`),
    /// evaluated faster. The nodes of type T in the resource are those of the per-resource
    /// table as long as no node was added since it was built (a substitution adds nodes; then
    /// the engine evaluates `expression` instead), so only `criterion` is evaluated, on each of
    /// them in order, then `rest` from each node that passed, instead of a walk of the whole
    /// tree per rule.
    case byTypeWhere(
      FHIRType, criterion: CompiledExpression?, rest: CompiledExpression?,
      expression: CompiledExpression)

    /// Whether the selector reads Microsoft's per-resource node tables.
    package var isFastPath: Bool {
      switch self {
      case .byType, .byName, .byTypeWhere: true
      case .wholeResource, .members, .expression: false
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
      // A plain member chain needs no FHIRPath (and always parses): not compiling it is a third
      // of the preset's load time. Chains with a FHIRPath keyword go through the compiler, which
      // says whether they parse, as before.
      if path != expression, let chain = Selector.memberChain(expression),
        !chain.contains(where: { keywords.contains($0) })
      {
        self = .members(chain)
        return
      }
      let compiled = try RuleExpressions.compile(expression, at: at + ".path")
      if path != expression, let chain = Selector.memberChain(expression) {
        self = .members(chain)
      } else if let (type, criterionText, restText) = Selector.typedPath(path),
        let criterion = Selector.compiled(criterionText, at: at + ".path"),
        let rest = Selector.compiled(restText, at: at + ".path")
      {
        self = .byTypeWhere(type, criterion: criterion, rest: rest, expression: compiled)
      } else {
        self = .expression(compiled)
      }
    }

    /// `text` compiled: `.some(nil)` for no text, nil when it does not compile.
    static func compiled(_ text: String?, at: String) -> CompiledExpression?? {
      guard let text else { return .some(nil) }
      guard let expression = try? RuleExpressions.compile(text, at: at) else { return nil }
      return .some(expression)
    }

    /// `nodesByType('T')[.where(X)][.R]` as the whole path, with at least a `where` or a rest:
    /// T a data type or primitive (not a resource, whose nodes the table and FHIRPath treat
    /// differently), X one balanced argument, R steps that each act on one item alone (see
    /// ``perItemSteps(_:)``); neither uses `$index`/`$total` (kept to the evaluator).
    package static func typedPath(_ path: String) -> (FHIRType, criterion: String?, rest: String?)?
    {
      let s = Array(path.utf8)
      let open = Array("nodesByType('".utf8)
      guard s.starts(with: open) else { return nil }
      var i = open.count
      while i < s.count, isAlphanumeric(s[i]) { i += 1 }
      guard i > open.count, s[i...].starts(with: Array("')".utf8)) else { return nil }
      let name = String(decoding: s[open.count..<i], as: UTF8.self)
      guard let type = FHIRType.named(name), !type.isResource,
        !["Resource", "DomainResource"].contains(name)
      else { return nil }
      i += 2
      var criterion: String?
      let wherePrefix = Array(".where(".utf8)
      if s[i...].starts(with: wherePrefix) {
        let argumentStart = i + wherePrefix.count
        guard let close = PathStep.closingParenthesis(s, from: argumentStart) else { return nil }
        criterion = String(decoding: s[argumentStart..<close], as: UTF8.self)
        i = close + 1
      }
      var rest: String?
      if i < s.count {
        guard s[i] == UInt8(ascii: "."), i + 1 < s.count else { return nil }
        let text = String(decoding: s[(i + 1)...], as: UTF8.self)
        guard perItemSteps(text) else { return nil }
        rest = text
      }
      guard criterion != nil || rest != nil else { return nil }
      for text in [criterion, rest] {
        if let text, text.contains("$index") || text.contains("$total") { return nil }
      }
      return (type, criterion, rest)
    }

    /// Whether `text` is a chain of steps each of which maps one item to its results
    /// independently of the other items, so that evaluating the chain on a collection gives
    /// the concatenation of evaluating it on each item: member names, and the functions
    /// `where`, `ofType`, `nodesByType`, `nodesByName` and `extension` (each with one balanced
    /// argument).
    static func perItemSteps(_ text: String) -> Bool {
      let functions: Set<String> = ["where", "ofType", "nodesByType", "nodesByName", "extension"]
      for step in PathStep.split(text, column: 1) {
        switch step.kind {
        case .member(let name):
          guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
            first.isASCII, !keywords.contains(Array(name.utf8))
          else { return false }
        case .function(let name, let argument):
          guard functions.contains(name), !argument.isEmpty else { return false }
        case .other:
          return false
        }
      }
      return true
    }

    /// `a.b.c` where every segment starts with a lower-case ASCII letter and holds only letters
    /// and digits (upper-case segments have type-name semantics in FHIRPath, so they are left to
    /// the evaluator).
    static func memberChain(_ expression: String) -> [[UInt8]]? {
      let segments = expression.split(separator: ".", omittingEmptySubsequences: false)
      var chain: [[UInt8]] = []
      for segment in segments {
        let bytes = Array(segment.utf8)
        guard let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
          bytes.allSatisfy(isAlphanumeric)
        else { return nil }
        chain.append(bytes)
      }
      return chain.isEmpty ? nil : chain
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

/// Words FHIRPath reads as operators or literals, not as member names.
private let keywords: Set<[UInt8]> = Set(
  [
    "and", "or", "xor", "implies", "div", "mod", "in", "contains", "as", "is", "true", "false",
    "not",
  ].map { Array($0.utf8) })
