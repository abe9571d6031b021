import ByteJSON
import FHIRModel
import FHIRTree

/// Reading the System value of a node from its tape token, per the node's FHIR type.
enum NodeValues {
  /// Whether values of `type` are System Strings (spec §2.1: anything goes, trimmed).
  @inline(__always)
  static func isStringLike(_ type: FHIRType) -> Bool {
    switch type {
    case .string, .code, .id, .uri, .url, .canonical, .oid, .uuid, .markdown, .base64Binary,
      .xhtml:
      true
    default: false
    }
  }

  /// See ``FHIRPathEvaluator/value(of:tree:edits:tape:bytes:)``.
  static func value(
    of node: Int32, tree: ResourceTree, edits: ValueEdits, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    let n = tree[node]
    guard n.type.isPrimitive else { return nil }
    switch edits.edit(of: node) {
    case .removed: return nil
    case .replaced(let text, _): return .string(text)
    case .original: break
    }
    guard n.valueToken >= 0 else { return nil }
    let token = tape[Int(n.valueToken)]
    let type = n.type
    if isStringLike(type) {
      switch token.kind {
      case .string:
        var text: [UInt8] = []
        appendTrimmedText(token, bytes: bytes, to: &text)
        return text.isEmpty ? nil : .string(text)
      case .number: return .string(Array(UnsafeRawBufferPointer(rebasing: bytes[token.range])))
      case .true: return .string(Array("true".utf8))
      case .false: return .string(Array("false".utf8))
      default: return nil
      }
    }
    if type == .boolean {
      switch token.kind {
      case .true: return .boolean(true)
      case .false: return .boolean(false)
      default: break
      }
    }
    let invalid = FHIRPathEvaluationError(.invalidValue, node: node)
    guard token.kind == .string || token.kind == .number else { throw invalid }
    if token.kind == .string && token.hasEscapes {
      var text: [UInt8] = []
      appendTrimmedText(token, bytes: bytes, to: &text)
      guard let value = text.withUnsafeBytes({ parse($0, as: type) }) else { throw invalid }
      return value
    }
    var raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    if token.kind == .string { raw = UnsafeRawBufferPointer(rebasing: raw[trimmed(raw)]) }
    guard let value = parse(raw, as: type) else { throw invalid }
    return value
  }

  /// Parses the text of a non-string primitive; nil when it does not parse as `type`.
  private static func parse(_ raw: UnsafeRawBufferPointer, as type: FHIRType) -> FHIRPathValue? {
    let text = raw.assumingMemoryBound(to: UInt8.self)
    switch type {
    case .boolean:
      if ResourceTree.equals(raw, "true") { return .boolean(true) }
      if ResourceTree.equals(raw, "false") { return .boolean(false) }
    case .integer, .positiveInt, .unsignedInt:
      if let i = parseInt32(text) { return .integer(i) }
    case .decimal:
      if let d = ExactDecimal(parsing: text, syntax: .json) { return .decimal(d) }
    case .date:
      if let d = PartialDateTime(fhirDate: text) { return .date(d) }
    case .dateTime, .instant:
      if let d = PartialDateTime(fhirDateTime: text) { return .dateTime(d) }
    case .time:
      if let t = PartialTime(fhirTime: text) { return .time(t) }
    default: break
    }
    return nil
  }

  /// A 32-bit integer `[+-]?digits`, as .NET `int.TryParse` with invariant culture.
  static func parseInt32(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
    var i = 0
    var negative = false
    if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
      negative = s[i] == UInt8(ascii: "-")
      i &+= 1
    }
    guard i < s.count else { return nil }
    var value: Int64 = 0
    while i < s.count {
      let d = s[i] &- UInt8(ascii: "0")
      guard d < 10 else { return nil }
      value = value &* 10 &+ Int64(d)
      guard value <= Int64(Int32.max) + 1 else { return nil }
      i &+= 1
    }
    let result = negative ? -value : value
    return result >= Int64(Int32.min) && result <= Int64(Int32.max) ? result : nil
  }

  /// Appends the unescaped, trimmed text of a string token.
  static func appendTrimmedText(
    _ token: ByteJSON.Token, bytes: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    if !token.hasEscapes {
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[trimmed(raw)]))
      return
    }
    let start = out.count
    JSONEscaping.unescape(raw, into: &out)
    let range = out.withUnsafeBytes { all in
      trimmed(UnsafeRawBufferPointer(rebasing: all[start...]))
    }
    out.removeSubrange((start + range.upperBound)...)
    out.removeSubrange(start..<(start + range.lowerBound))
  }

  /// The range of `s` without leading and trailing Unicode white space (.NET `String.Trim`).
  static func trimmed(_ s: UnsafeRawBufferPointer) -> Range<Int> {
    let u = s.assumingMemoryBound(to: UInt8.self)
    var lo = 0
    var hi = s.count
    while lo < hi {
      let b = u[lo]
      if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
        lo &+= 1
        continue
      }
      if b < 0x80 { break }
      let (scalar, length) = FHIRPathString.decode(u, at: lo)
      guard FHIRPathString.isWhitespace(scalar) else { break }
      lo &+= length
    }
    while hi > lo {
      let b = u[hi &- 1]
      if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
        hi &-= 1
        continue
      }
      if b < 0x80 { break }
      var start = hi &- 1
      while start > lo && u[start] & 0xC0 == 0x80 { start &-= 1 }
      let (scalar, length) = FHIRPathString.decode(u, at: start)
      guard start &+ length == hi, FHIRPathString.isWhitespace(scalar) else { break }
      hi = start
    }
    return lo..<hi
  }
}

/// An item prepared for comparison without copying string bytes out of the line.
enum Operand {
  /// A System value.
  case value(FHIRPathValue)
  /// A string node's trimmed text, unescaped in the line already: a byte range of the line.
  case text(start: Int, end: Int)
  /// A primitive node without a value (removed, or only `_x`).
  case noValue(Int32)
  /// A complex node (other than a `Quantity` with a value).
  case complex(Int32)

  var hasValue: Bool {
    switch self {
    case .value, .text: true
    case .noValue, .complex: false
    }
  }
}

extension EvaluationRun {
  /// The comparison form of an item. `Quantity` nodes with a value become System quantities,
  /// as Firely compares them.
  mutating func operand(_ item: FHIRPathItem) throws(FHIRPathEvaluationError) -> Operand {
    switch item {
    case .value(let v): return .value(v)
    case .node(let i):
      let node = tree[i]
      guard node.type.isPrimitive else {
        if node.type == .quantity, let q = try quantity(of: i) { return .value(.quantity(q)) }
        return .complex(i)
      }
      try chargeValue(of: i)
      if NodeValues.isStringLike(node.type), node.valueToken >= 0, isOriginal(i) {
        let token = tape[Int(node.valueToken)]
        if token.kind == .string && !token.hasEscapes {
          let range = NodeValues.trimmed(UnsafeRawBufferPointer(rebasing: bytes[token.range]))
          if range.isEmpty { return .noValue(i) }
          let start = Int(token.start)
          return .text(start: start + range.lowerBound, end: start + range.upperBound)
        }
      }
      guard let v = try NodeValues.value(of: i, tree: tree, edits: edits, tape: tape, bytes: bytes)
      else {
        return .noValue(i)
      }
      return .value(v)
    }
  }

  /// Whether the engine has not edited node `i`'s value.
  @inline(__always)
  func isOriginal(_ i: Int32) -> Bool {
    guard !edits.isEmpty else { return true }
    if case .original = edits.edit(of: i) { return true }
    return false
  }

  /// The System value of an operand that has one.
  func materialize(_ operand: Operand) -> FHIRPathValue? {
    switch operand {
    case .value(let v): return v
    case .text(let start, let end):
      return .string(Array(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
    case .noValue, .complex: return nil
    }
  }

  /// Whether the line bytes `start..<end` equal `other`.
  @inline(__always)
  func lineBytes(_ start: Int, _ end: Int, equal other: [UInt8]) -> Bool {
    guard end - start == other.count else { return false }
    return other.withUnsafeBytes { o in
      UnsafeRawBufferPointer(rebasing: bytes[start..<end]).elementsEqual(o)
    }
  }

  /// A `Quantity` node as a System quantity: its `value` and its `code` (else `unit`, else
  /// `'1'`); nil without a value.
  mutating func quantity(of node: Int32) throws(FHIRPathEvaluationError) -> QuantityValue? {
    var value: ExactDecimal?
    var code: [UInt8]?
    var unit: [UInt8]?
    var child = tree[node].firstChild
    while child >= 0 {
      let c = tree[child]
      let name = nodeName(c)
      try charge(1)
      if c.isPrimitive { try chargeValue(of: child) }
      if ResourceTree.equals(name, "value") {
        if case .decimal(let d) = try NodeValues.value(
          of: child, tree: tree, edits: edits, tape: tape, bytes: bytes)
        {
          value = d
        }
      } else if ResourceTree.equals(name, "code") {
        if case .string(let s) = try NodeValues.value(
          of: child, tree: tree, edits: edits, tape: tape, bytes: bytes)
        {
          code = s
        }
      } else if ResourceTree.equals(name, "unit") {
        if case .string(let s) = try NodeValues.value(
          of: child, tree: tree, edits: edits, tape: tape, bytes: bytes)
        {
          unit = s
        }
      }
      child = c.nextSibling
    }
    guard let value else { return nil }
    return QuantityValue(value, unit: code ?? unit ?? [UInt8(ascii: "1")])
  }

  /// The base name bytes of a node in the line.
  @inline(__always)
  func nodeName(_ node: ResourceTree.Node) -> UnsafeRawBufferPointer {
    let start = Int(node.nameStart)
    return UnsafeRawBufferPointer(rebasing: bytes[start..<start &+ Int(node.nameLength)])
  }
}
