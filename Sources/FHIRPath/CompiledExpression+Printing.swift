import FHIRTree

/// Turns a compiled expression back into FHIRPath text.
extension CompiledExpression {
  /// Canonical text of the tree: minimal parentheses, single spaces around binary operators,
  /// names delimited with backticks only when needed. Compiling it again gives the same tree.
  package var canonicalText: String {
    String(decoding: text(of: root, minimumPrecedence: 0), as: UTF8.self)
  }

  /// The text of one node; used for `canonicalText` and for diagnostics naming a sub-expression.
  package func canonicalText(of node: Int32) -> String {
    String(decoding: text(of: node, minimumPrecedence: 0), as: UTF8.self)
  }

  static let primaryPrecedence = 13

  func precedence(of index: Int32) -> Int {
    switch self[index] {
    case .binary(let op, _, _): return op.precedence
    case .unary: return 12
    case .type(let op, let operand, _):
      // `ofType(T)`, and `is(T)` / `as(T)` on the implicit focus, print as calls.
      if op == .ofType { return Self.primaryPrecedence }
      if case .focus = self[operand] { return Self.primaryPrecedence }
      return 9
    case .literal(let k):
      switch constants[Int(k)] {
      case .integer(let i) where i < 0: return 12
      case .decimal(let d) where d.isNegative: return 12
      case .quantity(let q) where q.value.isNegative: return 12
      default: return Self.primaryPrecedence
      }
    default: return Self.primaryPrecedence
    }
  }

  func text(of index: Int32, minimumPrecedence: Int) -> [UInt8] {
    var out: [UInt8] = []
    let parenthesize = precedence(of: index) < minimumPrecedence
    if parenthesize { out.append(UInt8(ascii: "(")) }
    appendBody(of: index, to: &out)
    if parenthesize { out.append(UInt8(ascii: ")")) }
    return out
  }

  /// `target.` unless the target is the implicit focus.
  func appendTarget(_ target: Int32, to out: inout [UInt8]) {
    if case .focus = self[target] { return }
    out.append(contentsOf: text(of: target, minimumPrecedence: Self.primaryPrecedence))
    out.append(UInt8(ascii: "."))
  }

  func appendBody(of index: Int32, to out: inout [UInt8]) {
    switch self[index] {
    case .focus:
      out.append(contentsOf: "$this".utf8)
    case .variable(let v):
      out.append(UInt8(ascii: "$"))
      out.append(contentsOf: String(describing: v).utf8)
    case .empty:
      out.append(contentsOf: "{}".utf8)
    case .literal(let k):
      Self.appendLiteral(constants[Int(k)], to: &out)
    case .environment(let k):
      out.append(UInt8(ascii: "%"))
      Self.appendName(environment[Int(k)].name, to: &out)
    case .member(let target, let name):
      appendTarget(target, to: &out)
      Self.appendName(names[Int(name)], to: &out)
    case .call(let target, let function, let range):
      appendTarget(target, to: &out)
      out.append(contentsOf: function.name.utf8)
      out.append(UInt8(ascii: "("))
      for (n, argument) in arguments(range).enumerated() {
        if n > 0 { out.append(contentsOf: ", ".utf8) }
        out.append(contentsOf: text(of: argument, minimumPrecedence: 0))
      }
      out.append(UInt8(ascii: ")"))
    case .indexer(let target, let i):
      out.append(contentsOf: text(of: target, minimumPrecedence: Self.primaryPrecedence))
      out.append(UInt8(ascii: "["))
      out.append(contentsOf: text(of: i, minimumPrecedence: 0))
      out.append(UInt8(ascii: "]"))
    case .unary(let op, let operand):
      out.append(op == .negate ? UInt8(ascii: "-") : UInt8(ascii: "+"))
      out.append(contentsOf: text(of: operand, minimumPrecedence: 12))
    case .binary(let op, let lhs, let rhs):
      out.append(contentsOf: text(of: lhs, minimumPrecedence: op.precedence))
      out.append(UInt8(ascii: " "))
      out.append(contentsOf: op.symbol.utf8)
      out.append(UInt8(ascii: " "))
      out.append(contentsOf: text(of: rhs, minimumPrecedence: op.precedence + 1))
    case .type(let op, let operand, let type):
      if op == .ofType {
        appendTarget(operand, to: &out)
        out.append(contentsOf: "ofType(".utf8)
        appendType(types[Int(type)], to: &out)
        out.append(UInt8(ascii: ")"))
      } else if case .focus = self[operand] {
        // `$this as T` would compile to a `$this` variable node, not to the implicit focus.
        out.append(contentsOf: (op == .is ? "is(" : "as(").utf8)
        appendType(types[Int(type)], to: &out)
        out.append(UInt8(ascii: ")"))
      } else {
        out.append(contentsOf: text(of: operand, minimumPrecedence: 9))
        out.append(contentsOf: (op == .is ? " is " : " as ").utf8)
        appendType(types[Int(type)], to: &out)
      }
    }
  }

  func appendType(_ type: TypeSpecifier, to out: inout [UInt8]) {
    if let ns = type.namespace {
      Self.appendName(ns, to: &out)
      out.append(UInt8(ascii: "."))
    }
    Self.appendName(type.name, to: &out)
  }

  static func appendName(_ name: [UInt8], to out: inout [UInt8]) {
    let plain =
      !name.isEmpty && Lexer.isIdentifierStart(name[0]) && name.allSatisfy(Lexer.isIdentifierPart)
      && !Parser.keywords.contains(String(decoding: name, as: UTF8.self))
    if plain {
      out.append(contentsOf: name)
    } else {
      appendQuoted(name, quote: UInt8(ascii: "`"), to: &out)
    }
  }

  static func appendQuoted(_ text: [UInt8], quote: UInt8, to out: inout [UInt8]) {
    out.append(quote)
    for b in text {
      switch b {
      case quote, UInt8(ascii: "\\"):
        out.append(UInt8(ascii: "\\"))
        out.append(b)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0x0C: out.append(contentsOf: "\\f".utf8)
      case ..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: "\\u00".utf8)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      default: out.append(b)
      }
    }
    out.append(quote)
  }

  /// A literal as FHIRPath source text.
  static func appendLiteral(_ value: FHIRPathValue, to out: inout [UInt8]) {
    switch value {
    case .string(let s):
      appendQuoted(s, quote: UInt8(ascii: "'"), to: &out)
    case .date(let d):
      out.append(UInt8(ascii: "@"))
      d.appendText(to: &out)
    case .dateTime(let d):
      out.append(UInt8(ascii: "@"))
      d.appendText(to: &out)
      if !d.hasTime { out.append(UInt8(ascii: "T")) }
    case .time(let t):
      out.append(contentsOf: "@T".utf8)
      t.appendText(to: &out)
    case .decimal(let d):
      appendDecimal(d, to: &out)
    case .quantity(let q):
      appendDecimal(q.value, to: &out)
      out.append(UInt8(ascii: " "))
      if q.isCalendarKeyword {
        out.append(contentsOf: q.unit)
      } else {
        appendQuoted(q.unit, quote: UInt8(ascii: "'"), to: &out)
      }
    default:
      value.appendText(to: &out)
    }
  }

  /// A decimal literal that compiles back to the same decimal.
  ///
  /// A literal with more than 28 significant digits is rounded, possibly to scale 0
  /// (`7922816251426433759708790066.5` → `7922816251426433759708790066`). Written without a
  /// point, that would read back as an integer literal, out of range; `.0` keeps it a decimal,
  /// and the same rounding takes the extra digit away again.
  static func appendDecimal(_ value: ExactDecimal, to out: inout [UInt8]) {
    value.appendText(to: &out)
    if value.scale == 0 && value.coefficient > UInt128(Int64.max) {
      out.append(contentsOf: ".0".utf8)
    }
  }
}
