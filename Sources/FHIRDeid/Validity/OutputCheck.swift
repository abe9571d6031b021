import ByteJSON
import FHIRModel
import FHIRTree

/// The output check that runs after the rules, on the tree and the edits (no second parse):
/// repairs what the rules left invalid, then finds what is still not valid R4 structure.
///
/// One bottom-up pass over the nodes (a child always comes after its parent in the tree), with
/// the writer's notion of what survives (a primitive with a value or a surviving `_x` member, a
/// complex element with a surviving member, every resource). At each node:
/// - **a primitive value** a method replaced must be in its type's lexical form and JSON kind
///   (`R4.isLexicallyValid`: an `instant` has seconds and a zone; a `boolean` is a JSON
///   literal). Repairs remove one that is not (the required check below then masks it);
///   validation also checks values as they came in;
/// - **an extension** needs a `url` and a value or nested extensions: repairs remove it whole;
/// - **a present complex element or resource** needs each element R4 requires of it
///   (`R4.requiredElements(of:)`). When the input had it and the rules emptied it, repairs put
///   the data-absent-reason extension (code `masked`) in its place (`_x` for a primitive, with
///   the required members of a complex type masked the same way); an element that cannot carry
///   an extension (`xhtml`) takes its parent with it instead. Validation reports the rest,
///   including what the input already lacked, and elements with more values than allowed.
///
/// A complex node a substitution replaced is written from its replacement text: nothing below
/// it is checked (the substitution checked its members against the model when it loaded).
struct OutputCheck: PruningHook {
  /// The masks the writer adds (see ``OutputWriter``).
  private(set) var masks: [OutputMask] = []
  /// What validation found in the last document (when it validates).
  private(set) var findings: [OutputFinding] = []
  /// Repairs made and problems found since the last ``takeTallies()``.
  private(set) var repairs = ElementTally<OutputRepair>()
  private(set) var problems = ElementTally<OutputProblem>()
  /// Whether this document is repaired, and validated.
  private var repair = false
  private var validate = false
  private var hidden: [Bool] = []
  private var maskTexts = MaskTexts()
  private let r4 = R4ValidityTables()
  private let extensionElements = ExtensionElements.shared

  /// Starts a document: with `repair`, repair it, with `validate`, check it. `substituted`: a
  /// substitution replaced a complex node of it.
  mutating func start(
    tree: ResourceTree, edits: ValueEdits, substituted: Bool, repair: Bool, validate: Bool
  ) {
    masks.removeAll(keepingCapacity: true)
    findings.removeAll(keepingCapacity: true)
    self.repair = repair
    self.validate = validate
    hidden.removeAll(keepingCapacity: true)
    if substituted { markHidden(tree: tree, edits: edits) }
  }

  /// The repairs and problems counted so far; starts again from none.
  mutating func takeTallies() -> (ElementTally<OutputRepair>, ElementTally<OutputProblem>) {
    defer {
      repairs = ElementTally()
      problems = ElementTally()
    }
    return (repairs, problems)
  }

  /// Checks one node once its children are final (`alive`, `childAlive`: the writer's tables,
  /// set for every child), before the writer settles it: repairs may remove its value or the
  /// node, and add masks to it.
  mutating func visit(
    _ node: Int32, tree: ResourceTree, edits: inout ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer, alive: UnsafeMutableBufferPointer<Bool>,
    childAlive: UnsafeMutableBufferPointer<Bool>
  ) {
    let i = Int(node)
    if !hidden.isEmpty && hidden[i] { return }
    let n = tree[node]
    if n.isPrimitive && !n.isResource {
      checkValue(node, n, tree: tree, edits: &edits, tape: tape, bytes: bytes)
      return
    }
    // As the writer decides: a removed node goes with its subtree, a substitution's text stays.
    guard edits.kind(of: node) == .original, n.isResource || childAlive[i] else { return }
    if n.type == .extension && !n.isResource {
      // Judged whole: its url, the one element it requires, is not reported again as missing.
      if checkExtension(node, n, tree: tree, edits: &edits, alive: alive), validate {
        checkCardinality(node, n, tree: tree, alive: alive)
      }
      return
    }
    checkRequired(node, n, tree: tree, edits: &edits, tape: tape, bytes: bytes, alive: alive)
  }

  /// Marks the nodes below a substituted complex node (written from the substitution's text).
  private mutating func markHidden(tree: ResourceTree, edits: ValueEdits) {
    var any = false
    for i in 0..<tree.count {
      let n = tree[Int32(i)]
      var h = false
      if n.parent >= 0 {
        let p = n.parent
        h = hidden[Int(p)] || (!tree[p].isPrimitive && edits.kind(of: p) == .replaced)
      }
      hidden.append(h)
      any = any || h
    }
    if !any { hidden.removeAll(keepingCapacity: true) }
  }

  // MARK: Values

  /// Checks a primitive's value: a replacement must fit its type (repairs remove one that
  /// does not); validation also checks values as they came in.
  private mutating func checkValue(
    _ node: Int32, _ n: ResourceTree.Node, tree: ResourceTree, edits: inout ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) {
    switch edits.kind(of: node) {
    case .removed:
      return
    case .replaced:
      guard case .replaced(let text, let form) = edits.edit(of: node),
        !Self.fits(text, form, n.type)
      else { return }
      if repair {
        edits.set(.removed, of: node, nodeCount: tree.count)
        repairs.add(.invalidValueRemoved, n.element)
      } else if validate {
        note(.invalidValue, n.element, node)
      }
    case .original:
      guard validate, n.valueToken >= 0 else { return }
      let token = tape[Int(n.valueToken)]
      // Escaped strings were checked by the tree build; the lexical forms have no escapes.
      if !token.hasEscapes && !n.isNormalized
        && Self.buildLeavesUnchecked(n.type, length: token.range.count)
      {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
        if !R4.isLexicallyValid(raw, as: n.type) { note(.invalidValue, n.element, node) }
      }
    }
  }

  /// Whether a value as it came in may still not be in `type`'s lexical form: the tree build
  /// (``PrimitiveSyntax``) already checked booleans, integers, decimals, dates, date-times and
  /// times, and every string is non-empty; what it leaves is an `instant`'s seconds and zone,
  /// the ranges of `positiveInt` and `unsignedInt`, the patterns of the code-like types, and a
  /// string's length.
  @inline(__always)
  static func buildLeavesUnchecked(_ type: FHIRType, length: Int) -> Bool {
    switch type {
    case .string, .markdown: return length > 1_048_576
    case .boolean, .integer, .decimal, .date, .dateTime, .time: return false
    default: return true
    }
  }

  /// Whether a replacement is a valid value of `type` in the JSON kind the writer gives it.
  static func fits(_ text: [UInt8], _ form: ValueEdit.JSONForm, _ type: FHIRType) -> Bool {
    let literalKind =
      type == .boolean || type == .integer || type == .unsignedInt || type == .positiveInt
      || type == .decimal
    return text.withUnsafeBytes { raw in
      if literalKind { return form == .literal && R4.isLexicallyValid(raw, as: type) }
      guard form == .literal else { return R4.isLexicallyValid(raw, as: type) }
      // A literal in a string-valued element must be a JSON string.
      guard raw.count >= 2, raw.first == UInt8(ascii: "\""), raw.last == UInt8(ascii: "\"")
      else { return false }
      let inner = UnsafeRawBufferPointer(rebasing: raw[1..<(raw.count - 1)])
      // An escaped string was made by the substitution from a checked configuration value.
      if inner.contains(UInt8(ascii: "\\")) { return true }
      return R4.isLexicallyValid(inner, as: type)
    }
  }

  // MARK: Extensions

  /// Whether the extension survives: it needs a `url` and a value or nested extensions.
  private mutating func checkExtension(
    _ node: Int32, _ n: ResourceTree.Node, tree: ResourceTree, edits: inout ValueEdits,
    alive: UnsafeMutableBufferPointer<Bool>
  ) -> Bool {
    let e = extensionElements
    var hasURL = false
    var hasContent = false
    var child = n.firstChild
    while child >= 0 {
      let c = tree[child]
      if alive[Int(child)] {
        if c.element == e.url {
          hasURL = true
        } else if c.element == e.value || c.element == e.extension {
          hasContent = true
        }
      }
      child = c.nextSibling
    }
    if hasURL && hasContent { return true }
    if repair {
      edits.set(.removed, of: node, nodeCount: tree.count)
      repairs.add(.extensionRemoved, n.element)
      return false
    }
    if validate { note(hasURL ? .extensionWithoutValue : .extensionWithoutURL, n.element, node) }
    return true
  }

  // MARK: Required elements

  /// Checks (and repairs) the required elements of a present complex node or resource.
  private mutating func checkRequired(
    _ node: Int32, _ n: ResourceTree.Node, tree: ResourceTree, edits: inout ValueEdits,
    tape: Tape, bytes: UnsafeRawBufferPointer, alive: UnsafeMutableBufferPointer<Bool>
  ) {
    let structure =
      n.isResource ? r4.structure(of: n.type) : r4.memberStructure(of: n.element, type: n.type)
    guard let structure else { return }
    let maskStart = masks.count
    for required in r4.requiredElements(of: structure) {
      var present = false
      var emptied: Int32 = -1
      var child = n.firstChild
      while child >= 0 {
        let c = tree[child]
        if c.element == required {
          if alive[Int(child)] {
            present = true
            break
          }
          if emptied < 0 { emptied = child }
        }
        child = c.nextSibling
      }
      if present { continue }
      if repair && emptied >= 0 {
        let e = tree[emptied]
        if let mask = maskTexts.mask(
          for: emptied, e, required: required, owner: node, tape: tape, bytes: bytes)
        {
          masks.append(mask)
          repairs.add(.masked, required)
          continue
        }
        if !n.isResource {
          // The element cannot say it was masked: its parent goes instead.
          masks.removeSubrange(maskStart...)
          edits.set(.removed, of: node, nodeCount: tree.count)
          repairs.add(.elementRemoved, required)
          return
        }
      }
      if validate { note(.missingRequired, required, node) }
    }
    if validate { checkCardinality(node, n, tree: tree, alive: alive) }
  }

  /// Reports elements with more surviving values than R4 allows: two types of one choice
  /// (`valueString` and `valueQuantity`). Other single-valued elements cannot come twice: the
  /// JSON scanner rejects a repeated key.
  private mutating func checkCardinality(
    _ node: Int32, _ n: ResourceTree.Node, tree: ResourceTree,
    alive: UnsafeMutableBufferPointer<Bool>
  ) {
    var child = n.firstChild
    while child >= 0 {
      let c = tree[child]
      if alive[Int(child)] && !c.repeats && r4.isChoice(c.element) {
        var earlier = n.firstChild
        while earlier != child {
          let e = tree[earlier]
          if alive[Int(earlier)] && e.element == c.element {
            note(.tooMany, c.element, node)
            break
          }
          earlier = e.nextSibling
        }
      }
      child = c.nextSibling
    }
  }

  private mutating func note(_ problem: OutputProblem, _ element: ElementID, _ node: Int32) {
    findings.append(OutputFinding(problem: problem, element: element, node: node))
    problems.add(problem, element)
  }
}
/// A member the writer adds to an object: `"name": value` (or `"_name"` for a primitive, the
/// value in an array when the element repeats), in place of the dropped member of that name, or
/// at the end of the object.
struct OutputMask: Sendable {
  /// The node whose object gets the member.
  var owner: Int32
  /// The member's name as the input wrote it, without `_` (`recorded`, `valueQuantity`).
  var name: [UInt8]
  /// Whether it is written as a primitive's `_name`.
  var shadow: Bool
  var repeats: Bool
  /// The JSON value (an object).
  var value: [UInt8]

  /// Appends `"name":value` (with `_` and `[…]` as needed).
  func append(to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    if shadow { out.append(UInt8(ascii: "_")) }
    out.append(contentsOf: name)
    out.append(contentsOf: "\":".utf8)
    if repeats { out.append(UInt8(ascii: "[")) }
    out.append(contentsOf: value)
    if repeats { out.append(UInt8(ascii: "]")) }
  }
}

/// The element ids of `Extension`'s members, looked up once.
struct ExtensionElements: Sendable {
  let url: ElementID
  let value: ElementID
  let `extension`: ElementID

  static let shared: ExtensionElements = {
    guard let s = R4.structure(of: .extension), let url = R4.child("url", of: s),
      let value = R4.child("valueString", of: s), let nested = R4.child("extension", of: s)
    else { preconditionFailure("the R4 model has no Extension structure") }
    return ExtensionElements(url: url.element, value: value.element, extension: nested.element)
  }()
}

/// The JSON of a masked element of each (element, type): the data-absent-reason extension with
/// code `masked`, and inside a complex type each element it requires masked the same way.
/// Built once per worker and element.
struct MaskTexts {
  /// The extension's URL (FHIR core extension `data-absent-reason`).
  static let url = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
  private static let extensionMember = Array(
    #""extension":[{"url":"\#(url)","valueCode":"masked"}]"#.utf8)

  private var cache: [UInt64: [UInt8]?] = [:]
  /// Per choice element, the complex type a masked primitive choice is written as, or nil.
  private var choiceTypes: [UInt32: FHIRType?] = [:]

  /// The mask of the emptied node `node` (`n`) of the required element `required`, in `owner`.
  ///
  /// Written under the member's key as the input wrote it. A choice that held a primitive is
  /// masked as one of its complex types when it has one (`answerCoding` for an emptied
  /// `answerString`): readers such as `fhir.resources` do not accept a choice that is only a
  /// `_x` object, and the masked value's type says nothing anyway.
  mutating func mask(
    for node: Int32, _ n: ResourceTree.Node, required: ElementID, owner: Int32, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) -> OutputMask? {
    if n.type.isPrimitive, R4.isChoice(required), let complex = complexType(of: required),
      let value = value(for: required, type: complex)
    {
      return OutputMask(
        owner: owner, name: Array(FHIRVersionModel.r4.memberName(of: required, type: complex).utf8),
        shadow: false,
        repeats: n.repeats, value: value)
    }
    guard let value = value(for: required, type: n.type) else { return nil }
    // The member's key as written (a choice's with its type suffix), without `_`.
    let key = tape[Int(n.keyToken)].range
    let start = bytes[key.lowerBound] == UInt8(ascii: "_") ? key.lowerBound + 1 : key.lowerBound
    return OutputMask(
      owner: owner, name: Array(bytes[start..<key.upperBound]), shadow: n.type.isPrimitive,
      repeats: n.repeats, value: value)
  }

  private mutating func complexType(of element: ElementID) -> FHIRType? {
    if let known = choiceTypes[element.raw] { return known }
    let found = R4.allowedTypes(of: element).first { !$0.isPrimitive && !$0.isResource }
    choiceTypes[element.raw] = found
    return found
  }

  /// `{"extension":[…]…}` for an element of `element` with the concrete type `type`, or nil
  /// when it cannot carry an extension (`xhtml`, a resource) or requires something that cannot.
  mutating func value(for element: ElementID, type: FHIRType) -> [UInt8]? {
    let key = UInt64(element.raw) << 16 | UInt64(type.raw)
    if let cached = cache[key] { return cached }
    let built = Self.build(element, type, depth: 0)
    cache[key] = built
    return built
  }

  private static func build(_ element: ElementID, _ type: FHIRType, depth: Int) -> [UInt8]? {
    guard depth < 8, type != .xhtml, !type.isResource, type != .resource else { return nil }
    var out: [UInt8] = [UInt8(ascii: "{")]
    out.append(contentsOf: extensionMember)
    if !type.isPrimitive, let structure = R4.memberStructure(of: element, type: type) {
      for required in R4.requiredElements(of: structure) {
        // A complex type where the choice has one (see `mask(for:…)`).
        let types = R4.allowedTypes(of: required)
        guard let childType = types.first(where: { !$0.isPrimitive }) ?? types.first,
          let value = build(required, childType, depth: depth + 1)
        else { return nil }
        out.append(UInt8(ascii: ","))
        OutputMask(
          owner: -1,
          name: Array(FHIRVersionModel.r4.memberName(of: required, type: childType).utf8),
          shadow: childType.isPrimitive,
          repeats: R4.repeats(required), value: value
        ).append(to: &out)
      }
    }
    out.append(UInt8(ascii: "}"))
    return out
  }
}
