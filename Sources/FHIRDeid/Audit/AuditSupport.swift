import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree

/// Keyed 8-byte hashes of values: HMAC-SHA256 under a key made for one audit run, truncated to
/// its first 8 bytes (read big-endian). The index of `audit --original` holds only these.
///
/// One instance per worker (a copy of the template context). A small direct-mapped cache of
/// recent short values saves the HMAC for the codes, systems and references that recur on
/// every line; it lives only in the worker's memory, like the engine's own hash cache.
final class AuditHasher {
  private let hmac: HMACSHA256
  private var digest: [UInt8] = []
  private static let slots = 4096
  private static let cachedLength = 64
  private var keys: [[UInt8]] = Array(repeating: [], count: AuditHasher.slots)
  private var values: [UInt64] = Array(repeating: 0, count: AuditHasher.slots)

  init(template: HMACSHA256) {
    // Copying a working context fails only when libcrypto is out of memory.
    guard let copy = try? HMACSHA256(copying: template) else {
      fatalError("cannot copy the audit HMAC context")
    }
    hmac = copy
    digest.reserveCapacity(HMACSHA256.digestCount)
  }

  func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
    let cacheable = value.count <= Self.cachedLength
    var slot = 0
    if cacheable {
      var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(value.count)
      for b in value { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
      slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & (Self.slots - 1)
      if !keys[slot].isEmpty, keys[slot].elementsEqual(value) { return values[slot] }
    }
    digest.removeAll(keepingCapacity: true)
    // HMAC over a valid key fails only when libcrypto does; fail closed.
    do { try hmac.authenticate(value, into: &digest) } catch {
      fatalError("HMAC-SHA256 failed in audit: \(error)")
    }
    var result: UInt64 = 0
    for i in 0..<8 { result = result << 8 | UInt64(digest[i]) }
    if cacheable, !value.isEmpty {
      keys[slot] = Array(value)
      values[slot] = result
    }
    return result
  }

  func hash(_ value: [UInt8]) -> UInt64 { value.withUnsafeBytes { hash($0) } }

  func hash(_ value: ArraySlice<UInt8>) -> UInt64 { value.withUnsafeBytes { hash($0) } }
}

/// Element paths without array positions (`Patient.address.postalCode`), interned per worker:
/// each distinct path is made once as a string, then found by (parent path, element, type).
struct AuditPathTable {
  private struct Key: Hashable {
    var parent: Int32
    var element: UInt32
    var type: UInt16
  }
  private var ids: [Key: Int32] = [:]
  private(set) var strings: [String] = []
  /// Per node of the current line: its path id, or -1 when not computed yet.
  private var memo: [Int32] = []

  /// Forgets the previous line's nodes.
  mutating func startLine(nodeCount: Int) {
    memo.removeAll(keepingCapacity: true)
    memo.append(contentsOf: repeatElement(-1, count: nodeCount))
  }

  /// The path id of `node` in `tree` (see ``strings``).
  mutating func id(of node: Int32, in tree: ResourceTree) -> Int32 {
    if Int(node) < memo.count, memo[Int(node)] >= 0 { return memo[Int(node)] }
    let n = tree[node]
    let parent = n.parent >= 0 ? id(of: n.parent, in: tree) : -1
    let key = Key(parent: parent, element: n.element.raw, type: n.type.raw)
    let id: Int32
    if let known = ids[key] {
      id = known
    } else {
      id = Int32(strings.count)
      strings.append(tree.elementPath(of: node))
      ids[key] = id
    }
    if Int(node) < memo.count { memo[Int(node)] = id }
    return id
  }

  mutating func path(of node: Int32, in tree: ResourceTree) -> String {
    strings[Int(id(of: node, in: tree))]
  }
}

/// Reading and judging single values.
enum AuditText {
  /// Puts a primitive's string value into `text`, unescaped and trimmed of white space as the
  /// engine's methods see it; false for a node without a string value (numbers, booleans).
  static func load(
    _ node: ResourceTree.Node, tape: Tape, line: UnsafeRawBufferPointer, into text: inout [UInt8]
  ) -> Bool {
    text.removeAll(keepingCapacity: true)
    guard node.valueToken >= 0, node.isPrimitive else { return false }
    let token = tape[Int(node.valueToken)]
    let raw = UnsafeRawBufferPointer(rebasing: line[token.range])
    switch token.kind {
    case .string:
      if token.hasEscapes {
        JSONEscaping.unescape(raw, into: &text)
      } else {
        text.append(contentsOf: raw)
      }
    case .number:
      text.append(contentsOf: raw)
      return true
    default:
      return false
    }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    var end = text.count
    while end > 0, isSpace(text[end - 1]) { end -= 1 }
    var start = 0
    while start < end, isSpace(text[start]) { start += 1 }
    if end < text.count { text.removeSubrange(end...) }
    if start > 0 { text.removeSubrange(..<start) }
    return !text.isEmpty
  }

  /// Characters (Unicode scalars) in UTF-8 `text`.
  static func characterCount<C: Collection<UInt8>>(_ text: C) -> Int {
    var n = 0
    for b in text where b & 0xC0 != 0x80 { n &+= 1 }
    return n
  }

  /// Calls `body` with each word of `text` of three or more characters: a maximal run of ASCII
  /// letters and digits and non-ASCII bytes.
  static func forEachToken(_ text: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
    var start = -1
    for i in 0...text.count {
      let isWord = i < text.count && AuditPatterns.isAlnum(text[i])
      if isWord {
        if start < 0 { start = i }
      } else if start >= 0 {
        let token = text[start..<i]
        if characterCount(token) >= 3 { body(token) }
        start = -1
      }
    }
  }

  /// The ZIP finding for an `Address.postalCode` value, or nil when it is in the truncated form
  /// (three digits then `00`, or `00000`) outside the restricted areas.
  static func postalCodeFinding(_ value: [UInt8], restricted: [[UInt8]]) -> AuditCheck? {
    let zeros = Array("00000".utf8)
    if value == zeros { return nil }
    if restricted.contains(where: { value.starts(with: $0) }) { return .zipRestricted }
    if isTruncatedZip(value) { return nil }
    return .zipCode
  }

  /// Whether `value` is in the form `redact` leaves: three digits, then at least two more
  /// characters in which every digit is `0` (`98000`, `98000-0000`).
  static func isTruncatedZip(_ value: [UInt8]) -> Bool {
    value.count >= 5 && value[0..<3].allSatisfy(AuditPatterns.isDigit)
      && value[3...].contains(UInt8(ascii: "0"))
      && value[3...].allSatisfy { !AuditPatterns.isDigit($0) || $0 == UInt8(ascii: "0") }
  }

  /// Whether a decimal's text is above 89 (exactly, as the engine compares Age values); text
  /// that is not a number counts as above (fail closed).
  static func over89(_ text: [UInt8]) -> Bool {
    let bound = Array("89".utf8)
    let value: ExactDecimal? = text.withUnsafeBufferPointer { ExactDecimal(parsing: $0) }
    let limit: ExactDecimal? = bound.withUnsafeBufferPointer { ExactDecimal(parsing: $0) }
    guard let value, let limit else { return true }
    return ExactDecimal.compare(value, limit) > 0
  }

  /// Whether a unit or code names years: `a`, `yr`, `year`, `years` (ASCII case ignored).
  static func isYearUnit(_ text: [UInt8]) -> Bool {
    let lower = text.map { $0 | 0x20 }
    return lower == Array("a".utf8) || lower == Array("yr".utf8) || lower == Array("year".utf8)
      || lower == Array("years".utf8)
  }
}
