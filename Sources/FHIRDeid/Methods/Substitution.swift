import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// A rule's `replaceWith`, prepared once at load for both kinds of target (spec §4.6).
///
/// Deviations from Microsoft, on purpose: a string that looks like a date-time is used literally
/// (Q19); a fractional number keeps the digits written in the configuration (Microsoft prints a
/// double: `1.0` → `1`); an object or array given to a primitive becomes its compact JSON text
/// (Microsoft's is indented).
struct Replacement: Sendable {
  /// The text a primitive target gets (always written as a JSON string, Q5); nil when
  /// `replaceWith` is null, which removes the value.
  var primitiveText: [UInt8]?
  /// The members a complex target is merged with, with nulls, empty strings and emptied
  /// objects and arrays dropped (as Firely's permissive parser drops them); nil when
  /// `replaceWith` is neither null, an object, nor a string holding a JSON object.
  var object: [JSONValue.Member]?

  init(_ value: JSONValue) {
    switch value {
    case .null:
      primitiveText = nil
      object = []
    case .string(let s):
      primitiveText = Array(s.utf8)
      switch JSONValue.parse(Array(s.utf8)) {
      case .success(.object(let members)): object = Self.normalized(members)
      case .success(.null): object = []
      default: object = nil
      }
    case .number(let lexeme):
      primitiveText = Array(lexeme.utf8)
      object = nil
    case .bool(let b):
      primitiveText = Array((b ? "True" : "False").utf8)  // .NET's Boolean.ToString()
      object = nil
    case .object(let members):
      primitiveText = Array(value.jsonText.utf8)
      object = Self.normalized(members)
    case .array:
      primitiveText = Array(value.jsonText.utf8)
      object = nil
    }
  }

  static func normalized(_ members: [JSONValue.Member]) -> [JSONValue.Member] {
    members.compactMap { m in
      normalized(m.value).map { JSONValue.Member(key: m.key, value: $0, offset: m.offset) }
    }
  }

  static func normalized(_ value: JSONValue) -> JSONValue? {
    switch value {
    case .null: return nil
    case .string(let s): return s.isEmpty ? nil : value
    case .number, .bool: return value
    case .object(let members):
      let kept = normalized(members)
      return kept.isEmpty ? nil : .object(kept)
    case .array(let items):
      let kept = items.compactMap { normalized($0) }
      return kept.isEmpty ? nil : .array(kept)
    }
  }
}

/// Why a `replaceWith` cannot replace a node: names elements, types and the configuration's
/// keys, never a value of the data.
package enum SubstitutionIssue: Error, Sendable, Equatable, CustomStringConvertible {
  /// The node is a whole resource.
  case wholeResource
  /// The node is `meta`.
  case meta
  /// `replaceWith` is not an object (or null) for a node of this complex type.
  case notAnObject(FHIRType)
  /// The node has no R4 structure to check `replaceWith` against.
  case noStructure
  /// A key of `replaceWith` (configuration text) names no element of the structure.
  case unknownKey(String, structure: String)
  /// A `_` key in `replaceWith`.
  case shadowKey(String)
  /// A key that names an element already given.
  case repeatedElement(String)
  /// A resource-holding key whose items are not resources with a `resourceType`.
  case notResources(String)
  /// A primitive element's key whose value is not a JSON scalar.
  case notPrimitiveValue(String, FHIRType)
  /// A complex element's key whose value is not an object.
  case notComplexObject(String, FHIRType)
  /// A key whose value has another type than a kept element it would merge into.
  case typeMismatch(String)

  package var description: String {
    switch self {
    case .wholeResource: "a whole resource cannot be substituted (select its elements)"
    case .meta: "'meta' cannot be substituted (it carries the security labels)"
    case .notAnObject(let type): "replaceWith must be a JSON object (or null) for a \(type.name)"
    case .noStructure: "no R4 structure for this element"
    case .unknownKey(let key, let structure):
      "'\(key)' in replaceWith is not an element of \(structure)"
    case .shadowKey(let key): "'\(key)' in replaceWith: '_' members are not supported"
    case .repeatedElement(let key): "'\(key)' in replaceWith repeats an element"
    case .notResources(let key): "'\(key)' in replaceWith must hold resources with a resourceType"
    case .notPrimitiveValue(let key, let type):
      "'\(key)' in replaceWith must be a \(type.name) value"
    case .notComplexObject(let key, let type):
      "'\(key)' in replaceWith must be a \(type.name) object"
    case .typeMismatch(let key):
      "'\(key)' in replaceWith has another type than an element it would merge into"
    }
  }
}

/// `substitute` (spec §4.6), compiled: the rule's `replaceWith`, prepared once.
struct Substitution: Sendable {
  var replacement: Replacement

  /// Replaces `node` by the rule's `replaceWith` and marks the node and everything below it
  /// visited.
  ///
  /// A primitive gets the replacement's text as its value (null removes it) and loses its
  /// unvisited extensions. A complex node is merged with the replacement object now, and the
  /// result is stored as its literal JSON text (``ValueEdit/JSONForm/literal``), which the
  /// writer emits instead of the node's object; an empty result removes the node.
  ///
  /// - Throws: a ``RecordFailure`` that `--processing-errors skip` does not skip (Microsoft
  ///   fails the run) when the replacement is not a JSON object, names a member the node's type
  ///   does not have, or gives a member a value of the wrong kind; also when the node is a
  ///   resource or a `meta`, which this engine does not substitute.
  func apply(
    to node: Int32, rule: Rule, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    Self.collectSubtree(of: node, in: &context)
    let n = context.tree[node]
    if n.type.isPrimitive && !n.isResource {
      var child = n.firstChild
      while child >= 0 {
        Self.removeUnvisited(child, in: &context)
        child = context.tree[child].nextSibling
      }
      if let text = replacement.primitiveText {
        context.replace(node, with: text)
      } else {
        context.remove(node)
      }
    } else {
      do throws(SubstitutionIssue) {
        try substituteComplex(node, in: &context, bytes: bytes)
      } catch {
        throw context.failure(
          .substitution(error), at: node, rule: rule.index, isSkippable: false)
      }
    }
    for d in context.subtree { context.visited[Int(d)] = true }
    return .substitute
  }

  private func substituteComplex(
    _ node: Int32, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) throws(SubstitutionIssue) {
    let n = context.tree[node]
    guard !n.isResource else {
      throw SubstitutionIssue.wholeResource
    }
    guard n.type != .meta else {
      throw SubstitutionIssue.meta
    }
    guard let members = replacement.object else {
      throw SubstitutionIssue.notAnObject(n.type)
    }
    guard
      let structure = Self.structure(of: node, tree: context.tree, tape: context.tape, bytes: bytes)
    else {
      throw SubstitutionIssue.noStructure
    }
    try Self.validate(members, in: structure, isResource: false)
    Self.markKeep(in: &context)
    var text: [UInt8] = []
    let written: Bool
    do {
      // The renderer and the merge hold copies of the tree: they must be gone before the tree
      // is edited.
      var renderer = context.writer.subtreeRenderer(
        context.subtree, tree: context.tree, edits: context.edits, tape: context.tape,
        labels: context.labels,
        bytes: bytes)
      let merge = SubstitutionMerge(
        tree: context.tree, tape: context.tape, visited: context.visited,
        keepMarks: context.keepMarks)
      written = try merge.writeMerged(
        node, members: members, structure: structure, renderer: &renderer, bytes: bytes,
        into: &text)
    }
    for d in context.subtree { context.keepMarks[Int(d)] = false }
    context.setEdit(written ? .replaced(text: text, json: .literal) : .removed, of: node)
    if written { context.substitutedComplex = true }
  }

  /// Fills `subtree` with `node` and all its descendants (nested resources included), in
  /// pre-order.
  private static func collectSubtree(of node: Int32, in context: inout MethodContext) {
    context.subtree.removeAll(keepingCapacity: true)
    var current = node
    while current >= 0 {
      context.subtree.append(current)
      current = context.tree.next(after: current, within: node)
    }
  }

  /// Sets `keepMarks` for the nodes of `subtree`: visited, or with a visited descendant.
  private static func markKeep(in context: inout MethodContext) {
    let count = context.tree.count
    if context.keepMarks.count < count {
      context.keepMarks.append(
        contentsOf: repeatElement(false, count: count - context.keepMarks.count))
    }
    for d in context.subtree { context.keepMarks[Int(d)] = false }
    var i = context.subtree.count - 1
    while i >= 0 {
      let d = context.subtree[i]
      if context.visited[Int(d)] { context.keepMarks[Int(d)] = true }
      if i > 0, context.keepMarks[Int(d)] {
        context.keepMarks[Int(context.tree[d].parent)] = true
      }
      i -= 1
    }
  }

  /// Removes the values of the unvisited primitives at and below `node`; visited subtrees stay
  /// as they are. Complex nodes left without children are pruned by the writer.
  private static func removeUnvisited(_ node: Int32, in context: inout MethodContext) {
    guard !context.visited[Int(node)] else { return }
    if context.tree[node].type.isPrimitive && !context.tree[node].isResource {
      context.setEdit(.removed, of: node)
    }
    var child = context.tree[node].firstChild
    while child >= 0 {
      removeUnvisited(child, in: &context)
      child = context.tree[child].nextSibling
    }
  }

  /// The R4 structure holding a complex node's members: its type's, or for a backbone element
  /// (typed `BackboneElement` or `Element`) the one its parent's structure names for its key.
  static func structure(
    of node: Int32, tree: ResourceTree, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> StructureID? {
    let n = tree[node]
    if n.isResource || (n.type != .element && n.type != .backboneElement) {
      return R4.structure(of: n.type)
    }
    guard n.parent >= 0, n.keyToken >= 0,
      let parent = structure(of: n.parent, tree: tree, tape: tape, bytes: bytes)
    else { return nil }
    let key = tape[Int(n.keyToken)]
    return R4.child(UnsafeRawBufferPointer(rebasing: bytes[key.range]), of: parent)?.structure
  }

  /// Checks a replacement object against the R4 model, as Microsoft's parse of the fragment
  /// into the node's type does: every member is an element of `structure` (no `_x`
  /// members, each element once), with a primitive value, an object, or a resource object as
  /// its type needs (arrays of them allowed).
  static func validate(
    _ members: [JSONValue.Member], in structure: StructureID, isResource: Bool
  )
    throws(SubstitutionIssue)
  {
    var seen: [[UInt8]] = []
    for m in members {
      if isResource && m.key == "resourceType" { continue }
      guard let match = R4.child(m.key, of: structure) else {
        throw SubstitutionIssue.unknownKey(m.key, structure: R4.path(of: structure))
      }
      guard !match.isShadow else {
        throw SubstitutionIssue.shadowKey(m.key)
      }
      let base = Array(m.key.utf8.prefix(match.nameLength))
      guard !seen.contains(base) else {
        throw SubstitutionIssue.repeatedElement(m.key)
      }
      seen.append(base)
      if case .array(let items) = m.value {
        for item in items { try validate(item, for: match, key: m.key) }
      } else {
        try validate(m.value, for: match, key: m.key)
      }
    }
  }

  private static func validate(_ item: JSONValue, for match: ChildMatch, key: String)
    throws(SubstitutionIssue)
  {
    if match.holdsResource {
      guard case .object(let members) = item,
        case .string(let name)? = members.first(where: { $0.key == "resourceType" })?.value,
        let type = FHIRType.named(name), type.isResource, let structure = R4.structure(of: type)
      else {
        throw SubstitutionIssue.notResources(key)
      }
      try validate(members, in: structure, isResource: true)
    } else if match.type.isPrimitive {
      switch item {
      case .string, .number, .bool: return
      default:
        throw SubstitutionIssue.notPrimitiveValue(key, match.type)
      }
    } else {
      guard case .object(let members) = item, let structure = match.structure else {
        throw SubstitutionIssue.notComplexObject(key, match.type)
      }
      try validate(members, in: structure, isResource: false)
    }
  }
}
