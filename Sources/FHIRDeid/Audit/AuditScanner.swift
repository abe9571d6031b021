import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// What an audit of de-identified output looks for, fixed before any line is read.
package struct AuditSettings: Sendable {
  /// The date the "age over 89" check counts from (`--today`).
  package var today: (year: Int, month: Int, day: Int)
  /// Dates were shifted on purpose (`--shifted-dates`): a month or day is no finding, and the
  /// `dates` category of `--original` is not matched (a shifted date may equal another
  /// record's original date by chance).
  package var shiftedDates = false
  /// The restricted 3-digit ZIP areas (the safe-harbor preset's list).
  package var restrictedZips: [[UInt8]] = []
  /// Keep up to ``AuditTally/maxExamples`` values per row (`--show-values`; they are PHI).
  package var showsValues = false
  /// The quasi-identifiers of `--k-anonymity`, or nil without it.
  package var quasiIdentifiers: [AuditQuasiIdentifier]?

  package init(today: (year: Int, month: Int, day: Int)) {
    self.today = today
  }

  /// The restricted ZIP areas the safe-harbor preset lists.
  package static var safeHarborRestrictedZips: [String] {
    guard let configuration = try? Configuration.load(Array(Preset.safeHarbor.text.utf8)) else {
      return []
    }
    return configuration.parameters.restrictedZipCodeTabulationAreas ?? []
  }
}

/// Scans lines of de-identified output for what should not be there (one instance per worker
/// thread): the checks of ``AuditCheck`` on every value, with an ``AuditIndex`` also the
/// original values that survived, and the quasi-identifier class of each Patient.
///
/// Per line: one scan and tree build, then one pass over the nodes. Nothing is allocated per
/// line in steady state except for findings (their path is interned once per worker).
package final class AuditScanner {
  private let settings: AuditSettings
  private let today: DateText.Day
  private let index: AuditIndexPart?
  private let hasher: AuditHasher?
  private let elements = AuditElements.shared
  private let patientType = FHIRType.named("Patient")
  private let scanner = JSONScanner()
  private var tape = Tape()
  private var tree = ResourceTree()
  private var paths = AuditPathTable()
  private var text: [UInt8] = []
  private var other: [UInt8] = []
  /// Counts by (row kind, path id); turned into an ``AuditTally`` by ``takeTally()``.
  private var rows: [RowKey: AuditTally.Row] = [:]
  private var classes: [String: Int] = [:]
  private var resources = 0

  private struct RowKey: Hashable {
    /// 0..<64: an ``AuditCheck``; 64..<128: 64 + an ``AuditCategory``; 128...: 128 + a rule.
    var kind: Int
    var path: Int32
  }

  package init(settings: AuditSettings, index: AuditIndex?) {
    self.settings = settings
    self.today = DateText.Day(
      year: settings.today.year, month: settings.today.month, day: settings.today.day)
    self.index = index?.part
    self.hasher = index?.key.box.makeHasher()
  }

  /// Scans one output line.
  ///
  /// - Throws: ``RecordFailure`` for a line that is not a FHIR R4 resource.
  package func scan(_ line: UnsafeRawBufferPointer) throws(RecordFailure) {
    try ResourceLoading.scan(line, with: scanner, into: &tape)
    try ResourceLoading.build(&tree, from: tape, line: line)
    resources &+= 1
    paths.startLine(nodeCount: tree.count)
    for i in 0..<tree.count {
      let n = Int32(i)
      let node = tree[n]
      if node.isResource {
        if settings.quasiIdentifiers != nil, node.type == patientType {
          notePatient(n, line: line)
        }
        continue
      }
      guard node.isPrimitive, node.valueToken >= 0 else { continue }
      check(n, node, line: line)
    }
  }

  /// Returns the counts gathered since the last call, with paths as strings, and starts again.
  package func takeTally() -> AuditTally {
    var tally = AuditTally()
    tally.resources = resources
    // Two path ids can spell the same path string (the table is per line shape): rows are
    // added, never assigned, so no count is lost.
    for (key, row) in rows {
      let path = paths.strings[Int(key.path)]
      switch key.kind {
      case ..<64:
        if let check = AuditCheck(rawValue: key.kind) {
          tally.checks[AuditTally.CheckKey(check: check, path: path), default: .init()].add(
            count: row.count, values: row.values)
        }
      case ..<128:
        if let category = AuditCategory(rawValue: key.kind - 64) {
          tally.survived[AuditTally.SurvivalKey(category: category, path: path), default: .init()]
            .add(count: row.count, values: row.values)
        }
      default:
        tally.kept[AuditTally.KeptKey(rule: key.kind - 128, path: path), default: .init()].add(
          count: row.count, values: row.values)
      }
    }
    tally.classes = classes
    rows.removeAll(keepingCapacity: true)
    classes.removeAll(keepingCapacity: true)
    resources = 0
    return tally
  }

  /// Drops scratch space grown for a huge line.
  package func releaseScratch() {
    tape = Tape()
    tree = ResourceTree()
    text = []
    other = []
  }

  // MARK: One value

  private func check(_ n: Int32, _ node: ResourceTree.Node, line: UnsafeRawBufferPointer) {
    let type = node.type
    let isText = type == .string || type == .markdown || type == .xhtml
    let isDate = type == .date || type == .dateTime || type == .instant
    let isNumber = type == .decimal
    guard
      isText || isDate || isNumber || type == .id || type == .url || type == .uuid
        || type == .oid
    else { return }
    guard AuditText.load(node, tape: tape, line: line, into: &text) else { return }
    var flags = elements.flags(of: node.element)
    if node.parent >= 0, elements.flags(of: tree[node.parent].element).contains(.securityLabels) {
      flags.insert(.structured)
    }

    // 1. Kept on purpose by a `keep` rule (same value at the same path in the original).
    if let index, let hasher, !isNumber, !index.kept.isEmpty,
      let places = index.kept[hasher.hash(text)]
    {
      let path = paths.path(of: n, in: tree)
      if let place = places.first(where: { $0.path == path }) {
        add(kind: 128 + place.rule, n)
        return
      }
    }

    // 2. Original values that survived.
    if let index, let hasher, !isNumber {
      var found: AuditCategory?
      var mask: UInt8 = 0xFF
      if settings.shiftedDates { mask &= ~AuditCategory.dates.bit }
      if isDate {
        if !settings.shiftedDates, text.count >= 10,
          let date = DateText(text, allowTime: type != .date), date.day != nil,
          let bits = index.values[hasher.hash(text[0..<10])], bits & mask != 0
        {
          found = .dates
        }
      } else {
        if let bits = index.values[hasher.hash(text)] {
          found = AuditCategory.first(in: bits & mask)
        }
        if found == nil, flags.contains(.reference),
          let slash = text.lastIndex(of: UInt8(ascii: "/")), text.count - slash - 1 > 2,
          let bits = index.values[hasher.hash(text[(slash + 1)...])],
          bits & AuditCategory.ids.bit != 0
        {
          found = .ids
        }
        if found == nil, isText, !flags.contains(.structured), !index.nameTokens.isEmpty {
          var hit = false
          AuditText.forEachToken(text) { token in
            if !hit, index.nameTokens.contains(hasher.hash(token)) {
              hit = true
            }
          }
          if hit { found = .names }
        }
      }
      if let found { add(kind: 64 + found.rawValue, n) }
    }

    // 3. The checks on the value itself.
    if isDate {
      guard let date = DateText(text, allowTime: type != .date) else { return }
      if date.month != nil, !settings.shiftedDates { add(check: .dateFinerThanYear, n) }
      if date.indicatesAgeOver89(today: today) { add(check: .ageOver89, n) }
      return
    }
    if isNumber {
      if ageValueOver89(node, line: line) { add(check: .ageOver89, n) }
      return
    }
    if flags.contains(.postalCode),
      let finding = AuditText.postalCodeFinding(text, restricted: settings.restrictedZips)
    {
      add(check: finding, n)
    }
    if isText || type == .url {
      let found = text.withUnsafeBytes { AuditPatterns.find(in: $0) }
      if !found.isEmpty {
        for pattern in found.patterns { add(check: AuditCheck(pattern), n) }
      }
    }
    if isText, !flags.contains(.structured) { add(check: .freeText, n) }
  }

  /// Whether a decimal is the `value` of an Age above 89, or of another Quantity (Duration,
  /// SimpleQuantity in a Range…) whose `unit` or `code` is a year unit.
  private func ageValueOver89(_ node: ResourceTree.Node, line: UnsafeRawBufferPointer) -> Bool {
    let parent = node.parent
    guard parent >= 0 else { return false }
    let parentType = tree.type(of: parent)
    let quantities: [FHIRType] = [
      .age, .quantity, .duration, .simpleQuantity, .distance, .count, .moneyQuantity,
    ]
    guard quantities.contains(parentType), R4.name(of: node.element) == "value" else {
      return false
    }
    if parentType != .age {
      var years = false
      var child = tree.firstChild(of: parent)
      while child >= 0 {
        let c = tree[child]
        let name = R4.name(of: c.element)
        if name == "unit" || name == "code",
          AuditText.load(c, tape: tape, line: line, into: &other),
          AuditText.isYearUnit(other)
        {
          years = true
        }
        child = tree.nextSibling(of: child)
      }
      guard years else { return false }
    }
    return AuditText.over89(text)
  }

  // MARK: k-anonymity

  private func notePatient(_ patient: Int32, line: UnsafeRawBufferPointer) {
    guard let quasi = settings.quasiIdentifiers else { return }
    var gender = ""
    var birthYear = ""
    var zip3 = ""
    var state = ""
    var child = tree.firstChild(of: patient)
    while child >= 0 {
      let c = tree[child]
      switch R4.name(of: c.element) {
      case "gender":
        if AuditText.load(c, tape: tape, line: line, into: &other) {
          gender = String(decoding: other, as: UTF8.self)
        }
      case "birthDate":
        if AuditText.load(c, tape: tape, line: line, into: &other) {
          birthYear = String(decoding: other.prefix(4), as: UTF8.self)
        }
      case "address" where c.index == 0:
        var field = tree.firstChild(of: child)
        while field >= 0 {
          let f = tree[field]
          let name = R4.name(of: f.element)
          if name == "postalCode" || name == "state",
            AuditText.load(f, tape: tape, line: line, into: &other)
          {
            if name == "postalCode" {
              zip3 = String(decoding: other.prefix(3), as: UTF8.self)
            } else {
              state = String(decoding: other, as: UTF8.self)
            }
          }
          field = tree.nextSibling(of: field)
        }
      default:
        break
      }
      child = tree.nextSibling(of: child)
    }
    let parts = quasi.map { q -> String in
      switch q {
      case .gender: gender
      case .birthYear: birthYear
      case .zip3: zip3
      case .state: state
      }
    }
    classes[parts.joined(separator: "\u{1F}"), default: 0] &+= 1
  }

  // MARK: Counting

  private func add(check: AuditCheck, _ n: Int32) { add(kind: check.rawValue, n) }

  private func add(kind: Int, _ n: Int32) {
    let key = RowKey(kind: kind, path: paths.id(of: n, in: tree))
    if settings.showsValues {
      rows[key, default: AuditTally.Row()].add(
        count: 1, values: [String(decoding: text, as: UTF8.self)])
    } else {
      rows[key, default: AuditTally.Row()].count &+= 1
    }
  }
}
