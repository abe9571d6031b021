import FHIRModel

/// Checks a rule's path against the R4 model without data: that its leading resource type, each
/// member step and each type it names exist where the path applies them (`Patinet.name`,
/// `Patient.nmae` and `HealthcareService.notAvaliable` do not), with the closest R4 name as a
/// suggestion.
///
/// The path is followed step by step over the types it can reach: member names, `where(…)`
/// and the other functions that keep their input's type, `ofType(T)`, `as(T)`,
/// `nodesByType('T')` and `extension(url)`. Past a step it cannot type (`nodesByName`, a
/// function with another result, an operator) it checks nothing more: a finding is always
/// about a name that cannot exist there.
package enum PathCheck {
  /// Where a path step can be: a structure (complex type, resource, backbone element), a
  /// primitive value, or any resource (a `contained` entry, `Bundle.entry.resource`).
  enum Place: Hashable {
    case structure(StructureID)
    case primitive(FHIRType)
    case anyResource
  }

  /// The findings for rule `rule` (severity `.error`; the loader makes them warnings under
  /// `--lenient-paths`).
  package static func check(_ rule: Rule) -> [ConfigurationFinding] {
    walk(rule, lint: false).findings
  }

  /// The findings and the places the whole path reaches (nil when a step cannot be typed).
  /// With `lint`, also the steps that can never match (`ofType(T)` where nothing reached can be
  /// a T, a `where()` comparing text with a number).
  static func walk(_ rule: Rule, lint: Bool) -> (
    findings: [ConfigurationFinding], places: Set<Place>?
  ) {
    walk(
      path: rule.path, resourceType: rule.resourceType, expression: rule.expression,
      rule: rule.index, at: "fhirPathRules[\(rule.index)].path", lint: lint)
  }

  /// The findings for a FHIRPath expression evaluated with each resource as focus, as
  /// `fhir-deid select` evaluates it (`Patient.name` or `name.given`); `at` names it in the
  /// messages.
  package static func check(expression path: String, at: String) -> [ConfigurationFinding] {
    let (type, expression) = Rule.split(path)
    return walk(
      path: path, resourceType: type, expression: expression, rule: nil, at: at, lint: false
    ).findings
  }

  static func walk(
    path: String, resourceType: String, expression: String, rule: Int?, at: String, lint: Bool
  ) -> (findings: [ConfigurationFinding], places: Set<Place>?) {
    var places: Set<Place>
    var column = 1
    let steps: [PathStep]
    if !resourceType.isEmpty {
      let name = resourceType
      if let structure = resourceStructure(name) {
        places = [.structure(structure)]
      } else {
        let finding = ConfigurationFinding(
          .error, .unknownResourceType, rule: rule, location: "\(at), column 1",
          message: "'\(name)' is not an R4 resource type",
          suggestion: Suggestion.closest(to: name, among: resourceNames))
        return ([finding], nil)
      }
      if path == resourceType { return ([], places) }
      column = name.utf8.count + 2
      steps = PathStep.split(expression, column: column)
    } else {
      places = [.anyResource]
      steps = PathStep.split(path, column: 1)
    }
    var findings: [ConfigurationFinding] = []
    for step in steps {
      guard
        let next = follow(
          step, from: places, rule: rule, at: at, lint: lint, into: &findings)
      else { return (findings, nil) }
      places = next
    }
    return (findings, places)
  }

  /// The places after `step`, or nil when the step cannot be typed (or failed: the finding is
  /// in `findings`) and checking stops.
  private static func follow(
    _ step: PathStep, from places: Set<Place>, rule: Int?, at: String, lint: Bool,
    into findings: inout [ConfigurationFinding]
  ) -> Set<Place>? {
    let location = "\(at), column \(step.column)"
    switch step.kind {
    case .member(let name):
      // A type name as a step filters by type; `Resource` and the like match anything.
      if let first = name.unicodeScalars.first, ("A"..."Z").contains(first) { return nil }
      if places.contains(.anyResource) { return nil }
      var next: Set<Place> = []
      for place in places { next.formUnion(children(named: name, of: place)) }
      guard next.isEmpty else { return next }
      findings.append(
        ConfigurationFinding(
          .error, .unknownElement, rule: rule, location: location,
          message: "'\(name)' is not an element of \(describe(places))",
          suggestion: choiceSuggestion(name, places)
            ?? Suggestion.closest(
              to: name, among: places.flatMap { childNames(of: $0) }.sorted())))
      return nil
    case .function(let name, let argument):
      switch name {
      case "where":
        if lint, let finding = textComparedWithNumber(argument, places, rule: rule, at: location) {
          findings.append(finding)
        }
        return places
      case "first", "last", "single", "tail", "skip", "take", "distinct":
        return places
      case "ofType", "as", "nodesByType":
        let typeName = unquoted(argument)
        guard let type = FHIRType.named(typeName) else {
          findings.append(
            ConfigurationFinding(
              .error, .unknownType, rule: rule, location: location,
              message: "'\(typeName)' in \(name)() is not an R4 type",
              suggestion: Suggestion.closest(to: typeName, among: typeNames)))
          return nil
        }
        guard let place = place(of: type) else { return nil }
        if lint, name != "nodesByType", !places.contains(.anyResource),
          !places.contains(where: { canBe($0, type) })
        {
          findings.append(
            ConfigurationFinding(
              .error, .impossibleType, rule: rule, location: location,
              message: "\(name)(\(type.name)) never matches: what the path reaches here is "
                + describe(places)))
          return nil
        }
        return [place]
      case "extension":
        guard let s = R4.structure(named: "Extension") else { return nil }
        return [.structure(s)]
      default:
        return nil
      }
    case .other:
      return nil
    }
  }

  /// The places reached by member `name` of `place`: every element with that base name (a
  /// choice element reaches each of its types).
  static func children(named name: String, of place: Place) -> Set<Place> {
    let structure: StructureID
    switch place {
    case .anyResource: return [.anyResource]
    case .primitive:
      // A primitive's members are those of Element: `id` and `extension`.
      guard let element = R4.structure(named: "Element") else { return [] }
      structure = element
    case .structure(let s): structure = s
    }
    var next: Set<Place> = []
    for element in R4.children(of: structure) where R4.name(of: element) == name {
      if R4.isChoice(element) {
        for type in R4.allowedTypes(of: element) {
          if let p = self.place(of: type) { next.insert(p) }
        }
      } else if let match = R4.child(name, of: structure) {
        if match.holdsResource {
          next.insert(.anyResource)
        } else if let s = match.structure {
          next.insert(.structure(s))
        } else {
          next.insert(.primitive(match.type))
        }
      }
    }
    return next
  }

  /// Whether a node at `place` can be of `type` (or of a type derived from it, or a base of it).
  static func canBe(_ place: Place, _ type: FHIRType) -> Bool {
    let own: FHIRType
    switch place {
    case .anyResource: return true
    case .primitive(let t): own = t
    case .structure(let s):
      if R4.structure(of: type) == s { return true }
      own = R4.type(of: s)
    }
    return own.isSubtype(of: type) || type.isSubtype(of: own)
  }

  /// A `where(member OP number)` whose member is text (a code, string, uri, …): FHIRPath never
  /// finds a string equal to or ordered with a number, so the criterion is never true.
  static func textComparedWithNumber(
    _ argument: String, _ places: Set<Place>, rule: Int?, at: String
  ) -> ConfigurationFinding? {
    let s = Array(argument.utf8)
    var i = 0
    func isName(_ b: UInt8) -> Bool {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_")
    }
    func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
    while i < s.count {
      // A member name at the start of the argument or after a space or parenthesis.
      guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(s[i]),
        i == 0 || s[i - 1] == UInt8(ascii: " ") || s[i - 1] == UInt8(ascii: "(")
      else {
        i += 1
        continue
      }
      let start = i
      while i < s.count, isName(s[i]) { i += 1 }
      let name = String(decoding: s[start..<i], as: UTF8.self)
      var j = i
      while j < s.count, s[j] == UInt8(ascii: " ") { j += 1 }
      let operators: [[UInt8]] = ["!=", "<=", ">=", "=", "<", ">"].map { Array($0.utf8) }
      guard let op = operators.first(where: { s[j...].starts(with: $0) }) else { continue }
      j += op.count
      while j < s.count, s[j] == UInt8(ascii: " ") { j += 1 }
      guard j < s.count, isDigit(s[j]) || s[j] == UInt8(ascii: "-") else { continue }
      var reached: Set<Place> = []
      for place in places { reached.formUnion(children(named: name, of: place)) }
      let textual = reached.allSatisfy { place in
        if case .primitive(let t) = place { return t.isSubtype(of: stringType) || t == .uri }
        return false
      }
      if !reached.isEmpty, textual {
        return ConfigurationFinding(
          .error, .neverTrue, rule: rule, location: at,
          message: "where() compares '\(name)' (\(describe(reached))) with a number, which is "
            + "never true; quote the number")
      }
    }
    return nil
  }

  static let stringType = FHIRType.string

  /// `value.ofType(Quantity)` for `valueQuantity`: FHIRPath names a choice element by its base
  /// name, and the JSON key's type suffix becomes a type filter.
  static func choiceSuggestion(_ name: String, _ places: Set<Place>) -> String? {
    for place in places {
      guard case .structure(let s) = place else { continue }
      for element in R4.children(of: s) where R4.isChoice(element) {
        let base = R4.name(of: element)
        guard name.hasPrefix(base), name.count > base.count else { continue }
        let suffix = String(name.dropFirst(base.count))
        for type in R4.allowedTypes(of: element) {
          let typeName = type.name
          if typeName.lowercased() == suffix.lowercased() {
            return "\(base).ofType(\(typeName))"
          }
        }
      }
    }
    return nil
  }

  /// The base names of the members of `place`, for suggestions.
  static func childNames(of place: Place) -> [String] {
    let structure: StructureID?
    switch place {
    case .anyResource: return []
    case .primitive: structure = R4.structure(named: "Element")
    case .structure(let s): structure = s
    }
    guard let structure else { return [] }
    return R4.children(of: structure).map { R4.name(of: $0) }
  }

  static func place(of type: FHIRType) -> Place? {
    if type.isPrimitive { return .primitive(type) }
    return R4.structure(of: type).map { .structure($0) }
  }

  /// `Patient` for one place, `Quantity or Range` for a choice.
  static func describe(_ places: Set<Place>) -> String {
    places.map { place -> String in
      switch place {
      case .structure(let s): R4.path(of: s)
      case .primitive(let t): t.name
      case .anyResource: "a resource"
      }
    }.sorted().joined(separator: " or ")
  }

  /// The structure of a path's leading type: a concrete resource type, or the abstract
  /// `Resource` and `DomainResource` that apply to every resource.
  static func resourceStructure(_ name: String) -> StructureID? {
    if name == "Resource" || name == "DomainResource" { return R4.structure(named: name) }
    guard let type = FHIRType.named(name), type.isResource else { return nil }
    return R4.structure(of: type)
  }

  static let resourceNames = R4.resourceTypeNames + ["Resource", "DomainResource"]
  static let typeNames = (0..<R4.typeCount).map { FHIRType(raw: UInt16($0)).name }

  private static func unquoted(_ text: String) -> String {
    var s = Substring(text)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "'" || f == "\"" {
      s = s.dropFirst().dropLast()
    }
    return String(s)
  }
}
