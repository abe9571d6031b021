import DeidTestSupport
import FHIRDeid
import FHIRModel
import FHIRPath
import Foundation
import Testing

/// The built-in presets: they load, their paths compile and name real R4 elements, every rule says
/// which Safe Harbor identifier it removes, and the structural promises of the comments hold.
@Suite struct PresetTests {
  static let safeHarborPresets: [Preset] = [.safeHarbor, .safeHarborPatientShift]

  @Test(arguments: Preset.allCases)
  func loadsAsAConfiguration(_ preset: Preset) throws {
    let config = try preset.configuration()
    #expect(config.fhirVersion == "R4")
    #expect(config.processingErrors == .raise)
    #expect(config.warnings.isEmpty, "\(config.warnings)")
    // Keys come from the user, never from a preset.
    #expect(config.parameters.dateShiftKey == nil)
    #expect(config.parameters.cryptoHashKey == nil)
    #expect(config.parameters.encryptKey == nil)
    #expect(config.parameters.dateShiftFixedOffsetInDays == nil)
  }

  @Test func namesAndDescriptions() {
    #expect(
      Preset.allCases.map(\.rawValue) == ["safe-harbor", "safe-harbor-patient-shift", "keep-all"])
    for preset in Preset.allCases {
      #expect(Preset(rawValue: preset.rawValue) == preset)
      #expect(!preset.description.isEmpty)
      #expect(!preset.description.contains("\n"))
      #expect(preset.text.hasPrefix("// fhir-deid preset \"\(preset.rawValue)\""))
      #expect(preset.text.hasSuffix("}\n"))
    }
  }

  @Test func keepAllHasNoRules() throws {
    let config = try Preset.keepAll.configuration()
    #expect(config.rules.isEmpty)
  }

  @Test(arguments: safeHarborPresets)
  func safeHarborParameters(_ preset: Preset) throws {
    let p = try preset.configuration().parameters
    #expect(p.enablePartialDatesForRedact)
    #expect(p.enablePartialAgesForRedact)
    #expect(p.enablePartialZipCodesForRedact)
    // The 17 restricted 3-digit ZIP areas of the HHS Safe Harbor guidance (2000 census).
    let hhs: Set = [
      "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
      "879", "884", "890", "893",
    ]
    let zips = p.restrictedZipCodeTabulationAreas ?? []
    #expect(Set(zips).isSuperset(of: hhs))
    #expect(zips.allSatisfy { $0.count == 3 && $0.allSatisfy { ("0"..."9").contains($0) } })
    #expect(Set(zips).count == zips.count)
  }

  @Test func patientShiftDiffersOnlyInTheDateRules() throws {
    let yearOnly = try Preset.safeHarbor.configuration()
    let shifted = try Preset.safeHarborPatientShift.configuration()
    #expect(yearOnly.rules.map(\.path) == shifted.rules.map(\.path))
    let datePaths = ["nodesByType('date')", "nodesByType('dateTime')", "nodesByType('instant')"]
    for (a, b) in zip(yearOnly.rules, shifted.rules) {
      if datePaths.contains(a.path) {
        #expect(a.method == .redact && b.method == .dateShift, "\(a.path)")
      } else {
        #expect(a.method == b.method, "\(a.path)")
      }
    }
    #expect(yearOnly.parameters.dateShiftScope == .resource)
    #expect(shifted.parameters.dateShiftScope == .patient)
  }

  @Test(arguments: safeHarborPresets)
  func datesAreThreeRulesAndNoRuleIsAUnion(_ preset: Preset) throws {
    let rules = try preset.configuration().rules
    let method: Rule.Method = preset == .safeHarbor ? .redact : .dateShift
    for type in ["date", "dateTime", "instant"] {
      #expect(
        rules.filter { $0.path == "nodesByType('\(type)')" && $0.method == method }.count == 1)
    }
    // Q3: a union drops nodes whose value equals an earlier node's.
    #expect(rules.filter { $0.path.contains("|") }.map(\.path) == [])
  }

  @Test(arguments: Preset.allCases)
  func everyRulePathCompiles(_ preset: Preset) throws {
    for rule in try preset.configuration().rules {
      for text in [rule.path, rule.expression] {
        do {
          _ = try FHIRPathCompiler.compile(text)
        } catch {
          Issue.record("rule \(rule.index) '\(text)': \(error)")
        }
      }
    }
  }

  @Test(arguments: safeHarborPresets)
  func everyElementPathResolvesInR4(_ preset: Preset) throws {
    for rule in try preset.configuration().rules {
      do {
        _ = try ModelPath.resolve(rule.path)
      } catch {
        Issue.record("rule \(rule.index) '\(rule.path)': \(error.reason)")
      }
    }
  }

  @Test func theModelWalkerRejectsUnknownElements() throws {
    for path in [
      "Patient.nmae", "HealthcareService.notAvaliable.description", "nodesByType('Adress').city",
      "Observation.value.unit", "Observation.value.ofType(HumanName)",
    ] {
      #expect(throws: ModelPath.Unresolved.self, "\(path)") { try ModelPath.resolve(path) }
    }
    #expect(try ModelPath.resolve("Observation.value.ofType(Quantity).unit") == ["string"])
    #expect(try ModelPath.resolve("FamilyMemberHistory.condition.onset as Age") == ["Age"])
    #expect(try ModelPath.resolve("Bundle.entry.link.url") == ["uri"])
    #expect(try ModelPath.resolve("Resource.id") == ["id"])
  }

  @Test(arguments: safeHarborPresets)
  func everyRuleCarriesAComment(_ preset: Preset) throws {
    let blocks = RuleComments(preset.text)
    #expect(blocks.rules.count == (try preset.configuration().rules.count))
    for (line, comment) in blocks.rules {
      let says = comment.contains { $0.contains("keep:") || $0.contains("parity:") }
      #expect(!comment.isEmpty, "no comment above: \(line)")
      #expect(!RuleComments.tags(in: comment).isEmpty || says, "no identifier named for: \(line)")
    }
  }

  @Test(arguments: safeHarborPresets)
  func everySafeHarborIdentifierIsAddressed(_ preset: Preset) throws {
    let blocks = RuleComments(preset.text)
    let addressed = Set(blocks.rules.flatMap { RuleComments.tags(in: $0.comment) })
    let notApplicable = RuleComments.tags(in: blocks.all.filter { $0.contains("not applicable") })
    #expect(Set(1...18).subtracting(addressed).subtracting(notApplicable) == [])
    #expect(notApplicable == [12])
  }

  @Test(arguments: safeHarborPresets)
  func onlyCodedRaceEthnicityAndBirthSexExtensionsAreKept(_ preset: Preset) throws {
    let rules = try preset.configuration().rules
    let broad = try #require(rules.first { $0.path == "nodesByType('Extension')" })
    #expect(broad.method == .redact)
    let touchingExtensions = rules.filter {
      $0.index < broad.index && $0.path.hasPrefix("nodesByType('Extension')")
    }
    #expect(touchingExtensions.count == 7)
    let usCore = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-"
    for rule in touchingExtensions {
      #expect(rule.path.hasPrefix("nodesByType('Extension').where(url='\(usCore)"))
      let urls = Self.quoted(in: rule.path).filter { !$0.hasPrefix("http://hl7.org/fhir/us/core") }
      #expect(Set(urls).isSubset(of: ["ombCategory", "detailed", "Extension"]), "\(urls)")
      switch rule.method {
      case .keep:
        // Never a whole extension or a whole value: a url, a Coding's system and code, or a
        // value of type code.
        #expect(
          rule.path.hasSuffix(".url") || rule.path.hasSuffix(".value.ofType(Coding).system")
            || rule.path.hasSuffix(".value.ofType(Coding).code")
            || rule.path.hasSuffix(".value.ofType(code)"), "\(rule.path)")
      case .redact:
        // Extensions hidden inside the kept values go before the keeps protect them.
        #expect(rule.path.hasSuffix(".value.nodesByType('Extension')"))
        #expect(rules.filter { $0.method == .keep && $0.index < rule.index }.isEmpty)
      default:
        Issue.record("unexpected method in \(rule.path)")
      }
    }
    // The 'text' sub-extension (free text) is named by no keep.
    #expect(!rules.contains { $0.method == .keep && $0.path.contains("'text'") })
    // No other keep reaches an extension.
    let laterKeeps = rules.filter { $0.method == .keep && $0.index > broad.index }
    #expect(laterKeeps.filter { $0.path.lowercased().contains("extension") }.isEmpty)
  }

  /// The text types the default-deny rules remove, and the rule that removes each.
  static let deniedTypes = [
    "string", "markdown", "xhtml", "base64Binary", "uri", "url", "canonical", "oid", "uuid", "id",
  ]

  @Test(arguments: safeHarborPresets)
  func keepsComeFirstOrInTheAllowListAndNothingIsKeptWhole(_ preset: Preset) throws {
    let rules = try preset.configuration().rules
    let firstDate = try #require(rules.first { $0.path == "nodesByType('date')" })
    let firstDeny = try #require(rules.first { $0.path == "nodesByType('string')" })
    let lastRemoval = try #require(
      rules.last { $0.method != .keep && $0.index < firstDeny.index })
    for rule in rules where rule.method == .keep {
      // Precise keeps before the date rules; the allow-list right before the deny rules, after
      // every rule that removes something specific (so it exempts only from default deny).
      #expect(
        rule.index < firstDate.index
          || (rule.index > lastRemoval.index && rule.index < firstDeny.index), "\(rule.path)")
      #expect(!rule.isWholeResource, "\(rule.path)")
      // A keep protects its subtree: only primitive values are kept, never an element whose
      // parts could hold text.
      let types = try ModelPath.resolve(rule.path)
      for name in types {
        #expect(FHIRType.named(name)?.isPrimitive == true, "\(rule.path) keeps a \(name)")
      }
    }
    // No catch-all keep: everything not named passes through, so it is all named instead.
    #expect(
      !rules.contains { $0.method == .keep && ["Resource", "DomainResource"].contains($0.path) })
  }

  @Test func identifiersBecomePseudonyms() throws {
    let rules = try Preset.safeHarbor.configuration().rules
    for path in [
      "Resource.id", "nodesByType('Reference').reference", "nodesByType('Identifier').value",
    ] {
      #expect(rules.first { $0.path == path }?.method == .cryptoHash, "\(path)")
    }
    // Provider and payer organizations keep their identifiers: those keeps come first.
    let hash = try #require(rules.first { $0.path == "nodesByType('Identifier').value" })
    let orgKeep = try #require(rules.first { $0.path.hasSuffix(").identifier.value") })
    #expect(orgKeep.method == .keep && orgKeep.index < hash.index)
    // #14 absolute references lose their base URL.
    let reference = try #require(
      rules.first { $0.path == "nodesByType('Reference').reference" })
    #expect(reference.setting("referenceBase") == .string("remove"))
    #expect(reference.removesReferenceBase)
  }

  @Test(arguments: safeHarborPresets)
  func defaultDenyRulesComeLastAndTakeTheFastPath(_ preset: Preset) throws {
    let rules = try preset.configuration().rules
    let firstDeny = try #require(rules.first { $0.path == "nodesByType('string')" })
    let deny = rules[firstDeny.index...]
    // Nothing but whole-value redactions of text types at the end, in the fast form.
    for rule in deny {
      #expect(rule.method == .redact, "\(rule.path)")
      #expect(rule.selector.isFastPath, "\(rule.path)")
      #expect(rule.path.hasPrefix("nodesByType('") && rule.path.hasSuffix("')"), "\(rule.path)")
    }
    #expect(rules.last?.index == rules.count - 1)
    // Every text type is removed whole somewhere (markdown and base64Binary earlier).
    for type in Self.deniedTypes {
      let rule = rules.first { $0.path == "nodesByType('\(type)')" && $0.method == .redact }
      #expect(rule != nil, "\(type)")
    }
    // No where() on a broad rule: the deny rules and the allow-list are fast-path rules.
    let firstDate = try #require(rules.first { $0.path == "nodesByType('date')" })
    let allowList = rules.filter { $0.method == .keep && $0.index > firstDate.index }
    #expect(allowList.count >= 10)
    for keep in allowList {
      #expect(keep.selector.isFastPath, "\(keep.path)")
    }
    // Resource ids and references are hashed before the deny rules can reach them.
    for path in ["Resource.id", "nodesByType('Reference').reference"] {
      let rule = try #require(rules.first { $0.path == path })
      #expect(rule.method == .cryptoHash && rule.index < firstDeny.index)
    }
  }

  @Test(arguments: safeHarborPresets)
  func agesOverEightyNineInQuantitiesComeBeforeAnyKeepOfTheirParts(_ preset: Preset) throws {
    let rules = try preset.configuration().rules
    for type in ["Range", "Quantity", "SimpleQuantity", "Duration"] {
      let rule = try #require(
        rules.first { $0.path.hasPrefix("nodesByType('\(type)').where(") }, "\(type)")
      #expect(rule.method == .redact)
      #expect(rule.path.contains("value > 89") && rule.path.contains("code = 'a'"))
      let keeps = rules.filter {
        $0.method == .keep && $0.index < rule.index && $0.path.contains("Quantity")
      }
      #expect(keeps.isEmpty, "\(keeps.map(\.path))")
    }
  }

  @Test func relativesOnsetAgesAreRemovedWhole() throws {
    let rules = try Preset.safeHarbor.configuration().rules
    let rule = try #require(
      rules.first { $0.path == "FamilyMemberHistory.condition.onset.ofType(Age)" })
    #expect(rule.method == .substitute)
    #expect(rule.setting("replaceWith") == .null)
    // Before the general Age rule, which would keep ages up to 89.
    let age = try #require(rules.first { $0.path == "nodesByType('Age')" })
    #expect(rule.index < age.index)
  }

  static func quoted(in path: String) -> [String] {
    path.split(separator: "'", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }
}

/// The comment block above each rule line of a preset's text.
///
/// A block is a run of `//` lines; it belongs to the rule lines that follow it directly (a group
/// of rules may share one). A blank line ends a block.
struct RuleComments {
  var rules: [(line: String, comment: [String])] = []
  var all: [String] = []

  init(_ text: String) {
    var block: [String] = []
    var previousWasComment = false
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("//") {
        if !previousWasComment { block = [] }
        block.append(line)
        all.append(line)
        previousWasComment = true
        continue
      }
      previousWasComment = false
      if line.hasPrefix("{\"path\"") {
        rules.append((line, block))
      } else {
        block = []  // a blank line or other JSON ends the block
      }
    }
  }

  /// The identifier numbers `#1`…`#18` named in `lines`.
  static func tags(in lines: [String]) -> Set<Int> {
    var found: Set<Int> = []
    for line in lines {
      var rest = Substring(line)
      while let hash = rest.firstIndex(of: "#") {
        let digits = rest[rest.index(after: hash)...].prefix { ("0"..."9").contains($0) }
        if let n = Int(digits), (1...18).contains(n) { found.insert(n) }
        rest = rest[rest.index(after: hash)...]
      }
    }
    return found
  }
}

/// Walks a rule path through the R4 model: `Type.element…`, `nodesByType('T')`, `.where(…)`,
/// `.ofType(T)`, `as T`, `.nodesByType('T')`. Choice elements are named by their base name.
enum ModelPath {
  struct Unresolved: Error {
    var reason: String
  }

  /// Where a walk is: inside a structure, or at elements of the given types.
  enum Focus {
    case structure(StructureID)
    case types([FHIRType])
  }

  /// The type names of the nodes the path ends at.
  @discardableResult
  static func resolve(_ path: String) throws(Unresolved) -> [String] {
    var steps = split(path)
    guard !steps.isEmpty else { throw Unresolved(reason: "empty path") }
    // `a.b as T` is `a.b.ofType(T)` for the model.
    if let last = steps.last, let range = last.range(of: " as ") {
      steps[steps.count - 1] = String(last[..<range.lowerBound])
      steps.append("ofType(\(last[range.upperBound...]))")
    }
    var focus: Focus
    let first = steps.removeFirst()
    if let t = argument(of: "nodesByType", in: first) {
      focus = .types([try type(named: t)])
    } else if let s = R4.structure(named: first), first.first?.isUppercase == true {
      focus = .structure(s)
    } else {
      throw Unresolved(reason: "'\(first)' is not a resource or type")
    }
    for step in steps {
      if step.hasPrefix("where(") || step == "exists()" {
        continue
      } else if let t = argument(of: "nodesByType", in: step) {
        focus = .types([try type(named: t)])
      } else if let t = argument(of: "ofType", in: step) {
        let wanted = try type(named: t)
        switch focus {
        case .types(let types) where types.contains(wanted): focus = .types([wanted])
        case .structure(let s) where R4.type(of: s) == wanted: break
        default: throw Unresolved(reason: "'\(step)' cannot match here")
        }
      } else if step.contains("(") {
        throw Unresolved(reason: "unexpected function '\(step)'")
      } else {
        focus = try member(step, of: structure(of: focus, before: step))
      }
    }
    switch focus {
    case .structure(let s): return [R4.type(of: s).name]
    case .types(let types): return types.map(\.name)
    }
  }

  static func structure(of focus: Focus, before step: String) throws(Unresolved) -> StructureID {
    switch focus {
    case .structure(let s): return s
    case .types(let types):
      // A primitive's own members (`_x.id`, `_x.extension`) are Element's.
      if types.count == 1, types[0].isPrimitive, step == "id" || step == "extension",
        let element = R4.structure(named: "Element")
      {
        return element
      }
      guard types.count == 1, let s = R4.structure(of: types[0]) else {
        throw Unresolved(reason: "'\(step)' follows \(types.map(\.name)), which has no members")
      }
      return s
    }
  }

  static func member(_ name: String, of s: StructureID) throws(Unresolved) -> Focus {
    guard let element = R4.children(of: s).first(where: { R4.name(of: $0) == name }) else {
      throw Unresolved(reason: "no element '\(name)' in \(R4.path(of: s))")
    }
    if R4.isChoice(element) { return .types(R4.allowedTypes(of: element)) }
    guard let match = R4.child(name, of: s) else {
      throw Unresolved(reason: "'\(name)' in \(R4.path(of: s)) has no match")
    }
    if let inner = match.structure { return .structure(inner) }
    return .types([match.type])
  }

  static func type(named name: String) throws(Unresolved) -> FHIRType {
    guard let t = FHIRType.named(name) else { throw Unresolved(reason: "no type '\(name)'") }
    return t
  }

  /// `x` from `fn('x')` or `fn(x)`; nil when `step` is not a call of `fn`.
  static func argument(of fn: String, in step: String) -> String? {
    guard step.hasPrefix(fn + "("), step.hasSuffix(")") else { return nil }
    let inner = step.dropFirst(fn.count + 1).dropLast()
    return String(inner.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")))
  }

  /// Splits at the dots that are outside parentheses and string literals.
  static func split(_ path: String) -> [String] {
    var steps: [String] = []
    var current = ""
    var depth = 0
    var inString = false
    for c in path {
      if inString {
        if c == "'" { inString = false }
      } else if c == "'" {
        inString = true
      } else if c == "(" {
        depth += 1
      } else if c == ")" {
        depth -= 1
      } else if c == ".", depth == 0 {
        steps.append(current)
        current = ""
        continue
      }
      current.append(c)
    }
    steps.append(current)
    return steps
  }
}

/// Static comparison with Microsoft's Safe Harbor sample configuration (`shared/configs`): each
/// element that sample removes or changes is removed or changed by `safe-harbor` too.
///
/// The Synthea comparison of actual output needs the engine; this checks the rules themselves.
@Suite(.enabled(if: Shared.isAvailable))
struct PresetCoverageTests {
  static func reference() throws -> Configuration {
    let url = URL(fileURLWithPath: Shared.path + "/configs/ms-safe-harbor-r4.json")
    // Lenient: the sample names HealthcareService.notAvaliable, which R4 lacks.
    return try Configuration.load(
      Array(try Data(contentsOf: url)), options: Configuration.LoadOptions(lenientPaths: true))
  }

  static func ours() throws -> Configuration { try Preset.safeHarbor.configuration() }

  /// Reference paths our preset covers with a rule written differently, and why.
  static let equivalents: [String: String] = [
    // Microsoft perturbs a relative's onset Age (a perturbed value may come out unchanged);
    // we remove it (substitute with null).
    "FamilyMemberHistory.condition.onset as Age": "FamilyMemberHistory.condition.onset.ofType(Age)",
    // The reference's typo 'notAvaliable' never matches (spec Q22); we name the real element.
    "HealthcareService.notAvaliable.description": "HealthcareService.notAvailable.description",
  ]

  /// Whether a method leaves no value it reaches unchanged (the brief's order: redact ⊇
  /// cryptoHash ⊇ dateShift; a substitute with null removes everything).
  static func changesValues(_ rule: Rule) -> Bool {
    switch rule.method {
    case .redact, .cryptoHash, .dateShift: true
    case .substitute: rule.setting("replaceWith") == .null
    default: false
    }
  }

  /// Our rule covering a reference path: the same path, a rule on an ancestor element
  /// (`Contract.term` covers `Contract.term.text`), or a whole-node `nodesByType('T')` rule for
  /// every type the element may have (`HealthcareService.extraDetails` is `markdown`).
  static func covering(_ path: String, in ours: [Rule]) -> Rule? {
    let target = equivalents[path] ?? path
    let changing = ours.filter(changesValues)
    if let rule = changing.first(where: { $0.path == target }) { return rule }
    if let rule = changing.first(where: { target.hasPrefix($0.path + ".") }) { return rule }
    guard let types = try? ModelPath.resolve(target) else { return nil }
    let byType = types.compactMap { t in changing.first { $0.path == "nodesByType('\(t)')" } }
    return byType.count == types.count ? byType.max { $0.index < $1.index } : nil
  }

  @Test func theReferenceLoads() throws {
    let reference = try Self.reference()
    #expect(reference.rules.count > 150)
  }

  /// Per resource type and element, what the reference touches, and the rule of ours that
  /// covers it.
  @Test func everyElementTheReferenceChangesIsChangedByOurs() throws {
    let ours = try Self.ours().rules
    let touched = try Self.reference().rules.filter { $0.method != .keep }
    var listing: [String] = []
    for ref in touched {
      let type = ref.resourceType.isEmpty ? "(any)" : ref.resourceType
      guard let rule = Self.covering(ref.path, in: ours) else {
        Issue.record("not covered: \(type) \(ref.expression) (\(ref.method))")
        continue
      }
      listing.append("\(type)\t\(ref.expression)\t\(ref.method) → #\(rule.index) \(rule.path)")
      // No keep of ours comes first and protects it, unless the reference keeps it too.
      let target = Self.equivalents[ref.path] ?? ref.path
      for keep in ours where keep.method == .keep && keep.index < rule.index {
        if target == keep.path || target.hasPrefix(keep.path + ".") {
          Issue.record("\(ref.path) is protected by our keep '\(keep.path)'")
        }
      }
    }
    #expect(listing.count == touched.count)
  }

  /// Our keeps: the reference's own keeps (narrowed to provider organizations), elements the
  /// reference never touches, and the coded race/ethnicity/birth-sex extensions (deliberate:
  /// the reference removes every extension).
  @Test func everyKeepOfOursIsAKeepOfTheReferenceOrDocumented() throws {
    let reference = try Self.reference().rules
    let referenceKeeps = Set(reference.filter { $0.method == .keep }.map(\.path))
    let usCore = "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/"
    // The allow-list before the default-deny rules: terminology and structural values that
    // the reference never removes (README, "What the preset keeps").
    let allowList: Set = [
      "nodesByType('Coding').system", "nodesByType('Identifier').system",
      "nodesByType('Reference').type", "nodesByType('Meta').profile",
    ]
    let quantities = [
      "Quantity", "SimpleQuantity", "MoneyQuantity", "Duration", "Distance", "Count",
    ]
    let units = Set(
      quantities.flatMap { ["nodesByType('\($0)').unit", "nodesByType('\($0)').system"] })
    for keep in try Self.ours().rules where keep.method == .keep {
      if referenceKeeps.contains(keep.path) || keep.path.hasPrefix(usCore) { continue }
      if allowList.contains(keep.path) || units.contains(keep.path) {
        #expect(!reference.contains { $0.method != .keep && $0.path == keep.path }, "\(keep.path)")
        continue
      }
      // `Organization.where(<provider or payer>).identifier.value` narrows
      // `Organization.identifier`; `OrganizationAffiliation.telecom.value` narrows
      // `OrganizationAffiliation.telecom`.
      var steps = ModelPath.split(keep.path)
      let root = steps.removeFirst()
      if steps.first?.hasPrefix("where(") == true { steps.removeFirst() }
      guard ["Organization", "OrganizationAffiliation"].contains(root), !steps.isEmpty else {
        Issue.record("undocumented keep: \(keep.path)")
        continue
      }
      let plain = root + "." + steps.joined(separator: ".")
      let narrowed = referenceKeeps.contains { plain == $0 || plain.hasPrefix($0 + ".") }
      let touchedByReference = reference.contains {
        $0.method != .keep && ($0.path == plain || plain.hasPrefix($0.path + "."))
      }
      #expect(narrowed || !touchedByReference, "\(keep.path)")
    }
  }
}
