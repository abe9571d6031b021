import ByteJSON

/// A small JSON document model for configuration files (not for resources: those stay on a tape).
///
/// Numbers keep their lexeme; objects keep member order and the byte offset of each key so that
/// errors can point at the line and column of the configuration text.
package indirect enum JSONValue: Equatable, Sendable {
  case object([Member])
  case array([JSONValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  /// One object member, in document order.
  package struct Member: Equatable, Sendable {
    package var key: String
    package var value: JSONValue
    /// Byte offset of the key in the text it was read from.
    package var offset: Int
  }

  /// Builds the value that starts at token `index` of `tape` (scanned from `bytes`).
  package init(tape: Tape, at index: Int, in bytes: UnsafeRawBufferPointer) {
    let token = tape.tokens[index]
    switch token.kind {
    case .objectStart:
      var members: [Member] = []
      var i = index + 1
      let end = Int(token.link)
      while i < end {
        let key = JSONValue.text(of: tape.tokens[i], in: bytes)
        let value = JSONValue(tape: tape, at: i + 1, in: bytes)
        members.append(Member(key: key, value: value, offset: Int(tape.tokens[i].start) - 1))
        i = tape.next(after: i + 1)
      }
      self = .object(members)
    case .arrayStart:
      var items: [JSONValue] = []
      var i = index + 1
      let end = Int(token.link)
      while i < end {
        items.append(JSONValue(tape: tape, at: i, in: bytes))
        i = tape.next(after: i)
      }
      self = .array(items)
    case .string, .key:
      self = .string(JSONValue.text(of: token, in: bytes))
    case .number:
      self = .number(
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[token.range]), as: UTF8.self))
    case .true: self = .bool(true)
    case .false: self = .bool(false)
    case .null, .objectEnd, .arrayEnd: self = .null
    }
  }

  /// The unescaped text of a key or string token.
  static func text(of token: Token, in bytes: UnsafeRawBufferPointer) -> String {
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    guard token.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
    var out: [UInt8] = []
    JSONEscaping.unescape(raw, into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// The members of an object, or nil.
  package var members: [Member]? {
    if case .object(let m) = self { return m }
    return nil
  }

  /// Compact JSON text of this value (strings re-escaped, numbers as written).
  package var jsonText: String {
    var out: [UInt8] = []
    write(into: &out)
    return String(decoding: out, as: UTF8.self)
  }

  package func write(into out: inout [UInt8]) {
    switch self {
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (i, m) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONEscaping.appendQuoted(Array(m.key.utf8), to: &out)
        out.append(UInt8(ascii: ":"))
        m.value.write(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (i, v) in items.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        v.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .string(let s): JSONEscaping.appendQuoted(Array(s.utf8), to: &out)
    case .number(let n): out.append(contentsOf: n.utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    }
  }

  /// Parses a whole JSON text (BOM and comments allowed, as in configuration files).
  package static func parse(_ text: [UInt8]) -> Result<JSONValue, JSONError> {
    ConfigurationText.parse(ConfigurationText.normalize(text))
  }
}

extension JSONValue {
  /// A copy that shares no storage with this value (see ``Rule/replica()``).
  func replica() -> JSONValue {
    switch self {
    case .object(let members): .object(members.map { $0.replica() })
    case .array(let items): .array(items.map { $0.replica() })
    case .string(let s): .string(String(decoding: Array(s.utf8), as: UTF8.self))
    case .number(let n): .number(String(decoding: Array(n.utf8), as: UTF8.self))
    case .bool, .null: self
    }
  }
}

extension JSONValue.Member {
  /// A copy that shares no storage with this member.
  func replica() -> JSONValue.Member {
    JSONValue.Member(
      key: String(decoding: Array(key.utf8), as: UTF8.self), value: value.replica(),
      offset: offset)
  }
}
