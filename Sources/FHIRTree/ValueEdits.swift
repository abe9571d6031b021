/// What the anonymization engine has done to a primitive's value so far. FHIRPath evaluation
/// during the engine's run sees these edits (a later rule's `where(city.exists())` still sees a
/// redacted node, with no value: spec Q12; date shifting reads the root id as modified so far).
@usableFromInline package enum ValueEdit: Sendable, Equatable {
  /// The value as it is in the input.
  case original
  /// The value was removed (the node stays until pruning, with no value).
  case removed
  /// The value was replaced. `text` is the new value's unescaped UTF-8 text; `json` says how it
  /// is written: as a JSON string, or as a bare JSON literal (number, boolean).
  case replaced(text: [UInt8], json: JSONForm)

  @usableFromInline package enum JSONForm: UInt8, Sendable { case string, literal }

  /// Which case an edit is, without its payload.
  @usableFromInline package enum Kind: UInt8, Sendable { case original, removed, replaced }
}

/// The engine's edits of one document's primitive values, per node of its tree. The engine
/// owns them (they are its state, not the input's); FHIRPath evaluation reads them, so that it
/// sees the document as edited so far.
package struct ValueEdits: Sendable {
  @usableFromInline package private(set) var list: [ValueEdit] = []
  /// Whether no edit was recorded since the last `removeAll()`.
  @usableFromInline package private(set) var isEmpty = true

  package init() {}

  /// Forgets every edit (for the next document), keeping the capacity.
  package mutating func removeAll() {
    list.removeAll(keepingCapacity: true)
    isEmpty = true
  }

  /// The edit of `node`'s value (`.original` when nothing was done).
  @inlinable
  package func edit(of node: Int32) -> ValueEdit {
    let i = Int(node)
    return i < list.count ? list[i] : .original
  }

  /// Records an edit of `node`'s value, in a tree of `nodeCount` nodes.
  package mutating func set(_ edit: ValueEdit, of node: Int32, nodeCount: Int) {
    let i = Int(node)
    if list.count < max(nodeCount, i + 1) {
      list.append(contentsOf: repeatElement(.original, count: max(nodeCount, i + 1) - list.count))
    }
    list[i] = edit
    isEmpty = false
  }

  /// Which case `node`'s edit is; unlike `edit(of:)`, copies no replacement text.
  @inlinable
  package func kind(of node: Int32) -> ValueEdit.Kind {
    let i = Int(node)
    guard i < list.count else { return .original }
    switch list[i] {
    case .original: return .original
    case .removed: return .removed
    case .replaced: return .replaced
    }
  }

  /// Whether `node` of `tree` has a value now (its own, or a replacement).
  @inlinable
  package func hasValue(_ node: Int32, in tree: ResourceTree) -> Bool {
    switch kind(of: node) {
    case .original: return tree.nodes[Int(node)].hasValue
    case .removed: return false
    case .replaced: return true
    }
  }
}
