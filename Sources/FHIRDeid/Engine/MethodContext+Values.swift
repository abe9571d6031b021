import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

extension MethodContext {
  /// Puts into `text` the value a method sees for `node` (spec §4.9) and returns true, or returns
  /// false when the node has no value now (or an empty one): strings unescaped and trimmed,
  /// numbers as written, booleans as .NET prints them (`True`/`False`).
  mutating func loadText(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    text.removeAll(keepingCapacity: true)
    switch edits.edit(of: node) {
    case .removed: return false
    case .replaced(let replacement, _):
      text.append(contentsOf: replacement)
      return !text.isEmpty
    case .original:
      let n = tree[node]
      guard n.valueToken >= 0, n.isPrimitive else { return false }
      let token = tape[Int(n.valueToken)]
      let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
      switch token.kind {
      case .string:
        if token.hasEscapes {
          JSONEscaping.unescape(raw, into: &text)
        } else {
          text.append(contentsOf: raw)
        }
        trimText()
      case .number: text.append(contentsOf: raw)
      case .true: text.append(contentsOf: "True".utf8)
      case .false: text.append(contentsOf: "False".utf8)
      default: return false
      }
      return !text.isEmpty
    }
  }

  /// Whether `node` has a value that `loadText` would find non-empty, without copying it.
  func hasNonEmptyValue(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Bool {
    switch edits.edit(of: node) {
    case .removed: return false
    case .replaced(let replacement, _): return !replacement.isEmpty
    case .original:
      let n = tree[node]
      guard n.valueToken >= 0, n.isPrimitive else { return false }
      let token = tape[Int(n.valueToken)]
      switch token.kind {
      case .string:
        // Non-empty after trimming: any byte that is not plain white space (an escape such as
        // `\n` alone unescapes to white space, so escaped strings are checked fully).
        if token.hasEscapes {
          var copy: [UInt8] = []
          JSONEscaping.unescape(UnsafeRawBufferPointer(rebasing: bytes[token.range]), into: &copy)
          return copy.contains { !(($0 == 0x20) || ($0 == 0x09) || ($0 == 0x0A) || ($0 == 0x0D)) }
        }
        for i in token.range {
          let b = bytes[i]
          if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return true }
        }
        return false
      case .number, .true, .false: return true
      default: return false
      }
    }
  }

  /// Removes leading and trailing white space from `text` (Firely trims input strings).
  private mutating func trimText() {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    var end = text.count
    while end > 0, isSpace(text[end - 1]) { end -= 1 }
    var start = 0
    while start < end, isSpace(text[start]) { start += 1 }
    if start > 0 || end < text.count {
      text = Array(text[start..<end])
    }
  }

  /// Replaces the node's value by `value`, written as a JSON string (or, with `json: .literal`,
  /// as the bare number or boolean that `value` spells).
  mutating func replace(_ node: Int32, with value: [UInt8], json: ValueEdit.JSONForm = .string) {
    setEdit(.replaced(text: value, json: json), of: node)
    if node == rootID { cachedOffset = nil }
  }

  /// Removes the node's value.
  mutating func remove(_ node: Int32) {
    setEdit(.removed, of: node)
    if node == rootID { cachedOffset = nil }
  }

  /// Records an edit of `node`'s value.
  mutating func setEdit(_ edit: ValueEdit, of node: Int32) {
    edits.set(edit, of: node, nodeCount: tree.count)
  }

  /// Appends a primitive's value as it is in the input (unescaped), ignoring edits, to
  /// `scratch`.
  mutating func appendOriginal(_ node: Int32, bytes: UnsafeRawBufferPointer) {
    let n = tree[node]
    guard n.valueToken >= 0 else { return }
    let token = tape[Int(n.valueToken)]
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    if token.hasEscapes {
      JSONEscaping.unescape(raw, into: &scratch)
    } else {
      scratch.append(contentsOf: raw)
    }
  }
}
