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

extension ResourceTree {
  /// The edit of `node`'s value (`.original` when nothing was done).
  @inlinable
  package func edit(of node: Int32) -> ValueEdit {
    let i = Int(node)
    return i < edits.count ? edits[i] : .original
  }

  /// Records an edit of `node`'s value.
  package mutating func setEdit(_ edit: ValueEdit, of node: Int32) {
    let i = Int(node)
    if edits.count < nodes.count {
      edits.append(contentsOf: repeatElement(.original, count: nodes.count - edits.count))
    }
    edits[i] = edit
    hasEdits = true
  }

  /// Which case `node`'s edit is; unlike `edit(of:)`, copies no replacement text.
  @inlinable
  package func editKind(of node: Int32) -> ValueEdit.Kind {
    let i = Int(node)
    guard i < edits.count else { return .original }
    switch edits[i] {
    case .original: return .original
    case .removed: return .removed
    case .replaced: return .replaced
    }
  }

  /// Whether `node` has a value now (its own, or a replacement).
  @inlinable
  package func currentlyHasValue(_ node: Int32) -> Bool {
    switch editKind(of: node) {
    case .original: return nodes[Int(node)].hasValue
    case .removed: return false
    case .replaced: return true
    }
  }
}
