import FHIRTree
import RegexEngine

/// Recursive-descent (precedence-climbing) parser for FHIRPath N1 that builds a
/// ``CompiledExpression``.
struct Parser {
  var lexer: Lexer
  var token: Token
  var depth = 0

  var nodes: [Node] = []
  var columns: [Int32] = []
  var arguments: [Int32] = []
  var names: [[UInt8]] = []
  var nameIndex: [[UInt8]: Int32] = [:]
  var constants: [FHIRPathValue] = []
  var types: [TypeSpecifier] = []
  var environment: [EnvironmentVariable] = []
  var regexes: [Int32: DotNetRegex] = [:]
  var focusNode: Int32?
  var heights: [Int] = []

  static let maxDepth = 200
  /// The tallest tree accepted: nodes on the longest root-to-leaf path.
  static let maxHeight = 250
  static let unaryPrecedence = 12
  static let typePrecedence = 9

  init(_ text: String) throws(FHIRPathError) {
    lexer = Lexer(text)
    token = Token(kind: .end, start: 0)
    token = try lexer.next()
  }

  mutating func parseAll() throws(FHIRPathError) -> CompiledExpression {
    if token.kind == .end { throw FHIRPathError("empty expression", column: 1) }
    let root = try parseExpression(0)
    guard token.kind == .end else { throw error("unexpected \(describe(token))", at: token) }
    return CompiledExpression(
      source: String(decoding: lexer.bytes, as: UTF8.self), nodes: nodes, columns: columns,
      root: root, arguments: arguments, names: names, constants: constants, types: types,
      environment: environment, regexes: regexes)
  }

  // MARK: Helpers

  func column(_ t: Token) -> Int { lexer.column(of: t.start) }

  func error(_ message: String, at t: Token) -> FHIRPathError {
    FHIRPathError(message, column: column(t))
  }

  mutating func advance() throws(FHIRPathError) { token = try lexer.next() }

  /// The token after the current one, without consuming anything.
  func peekNext() throws(FHIRPathError) -> Token {
    var copy = lexer
    return try copy.next()
  }

  func isSymbol(_ s: Token.Symbol) -> Bool { token.kind == .symbol(s) }

  mutating func expect(_ s: Token.Symbol) throws(FHIRPathError) {
    guard isSymbol(s) else {
      throw error("expected '\(s.rawValue)', found \(describe(token))", at: token)
    }
    try advance()
  }

  static let keywords: Set<String> = [
    "and", "or", "xor", "implies", "div", "mod", "true", "false", "in", "contains", "is", "as",
  ]

  /// Keywords that N1 still allows as identifiers.
  static let identifierKeywords: Set<String> = ["in", "contains", "is", "as"]

  func word(_ t: Token) -> String { String(decoding: t.text, as: UTF8.self) }

  /// A short, value-free description of a token for messages.
  func describe(_ t: Token) -> String {
    switch t.kind {
    case .end: return "end of expression"
    case .identifier:
      let w = word(t)
      if Self.keywords.contains(w) { return "'\(w)'" }
      return "identifier '\(Self.abbreviated(w))'"
    case .delimitedIdentifier: return "identifier"
    case .string: return "string"
    case .literal:
      switch t.value {
      case .integer, .decimal: return "number"
      case .time: return "time literal"
      default: return "date literal"
      }
    case .special(let v): return "'$\(v)'"
    case .environment: return "'%' constant"
    case .symbol(let s): return "'\(s.rawValue)'"
    }
  }

  static func abbreviated(_ s: String) -> String {
    s.count <= 32 ? s : String(s.prefix(32)) + "…"
  }

  /// Appends a node; refuses trees taller than ``maxHeight`` so that recursive evaluators and
  /// printers have a bounded stack depth (member chains are built by a loop, not by recursion,
  /// so the parser's own depth limit does not cover them).
  mutating func add(_ node: Node, column: Int) throws(FHIRPathError) -> Int32 {
    var children: [Int32] = []
    switch node {
    case .member(let t, _), .unary(_, let t), .type(_, let t, _): children = [t]
    case .indexer(let t, let i): children = [t, i]
    case .binary(_, let l, let r): children = [l, r]
    case .call(let t, _, let range):
      children = [t] + arguments[Int(range.lowerBound)..<Int(range.upperBound)]
    default: break
    }
    let height = 1 + (children.map { heights[Int($0)] }.max() ?? 0)
    guard height <= Self.maxHeight else {
      throw FHIRPathError("expression nested too deeply", column: column)
    }
    return append(node, column: column, height: height)
  }

  mutating func append(_ node: Node, column: Int, height: Int) -> Int32 {
    nodes.append(node)
    columns.append(Int32(clamping: column))
    heights.append(height)
    return Int32(nodes.count - 1)
  }

  mutating func focus() -> Int32 {
    if let focusNode { return focusNode }
    let index = append(.focus, column: 1, height: 1)
    focusNode = index
    return index
  }

  mutating func intern(_ name: [UInt8]) -> Int32 {
    if let k = nameIndex[name] { return k }
    names.append(name)
    let k = Int32(names.count - 1)
    nameIndex[name] = k
    return k
  }

  mutating func constant(_ value: FHIRPathValue) -> Int32 {
    constants.append(value)
    return Int32(constants.count - 1)
  }

  // MARK: Expressions

  func binaryOperator(_ t: Token) -> BinaryOperator? {
    switch t.kind {
    case .symbol(let s):
      switch s {
      case .star: return .multiply
      case .slash: return .divide
      case .plus: return .add
      case .minus: return .subtract
      case .ampersand: return .concatenate
      case .pipe: return .union
      case .less: return .less
      case .greater: return .greater
      case .lessOrEqual: return .lessOrEqual
      case .greaterOrEqual: return .greaterOrEqual
      case .equal: return .equal
      case .tilde: return .equivalent
      case .notEqual: return .notEqual
      case .notEquivalent: return .notEquivalent
      default: return nil
      }
    case .identifier:
      switch word(t) {
      case "div": return .div
      case "mod": return .mod
      case "in": return .in
      case "contains": return .contains
      case "and": return .and
      case "or": return .or
      case "xor": return .xor
      case "implies": return .implies
      default: return nil
      }
    default:
      return nil
    }
  }

  mutating func parseExpression(_ minPrecedence: Int) throws(FHIRPathError) -> Int32 {
    depth += 1
    defer { depth -= 1 }
    guard depth < Self.maxDepth else { throw error("expression nested too deeply", at: token) }
    var lhs = try parseUnary()
    while true {
      if let op = binaryOperator(token) {
        guard op.precedence >= minPrecedence else { break }
        let opColumn = column(token)
        try advance()
        let rhs = try parseExpression(op.precedence + 1)
        lhs = try add(.binary(op, lhs: lhs, rhs: rhs), column: opColumn)
      } else if token.isWord("is") || token.isWord("as") {
        guard Self.typePrecedence >= minPrecedence else { break }
        let op: TypeOperator = token.isWord("is") ? .is : .as
        let opColumn = column(token)
        try advance()
        let type = try parseTypeSpecifier()
        lhs = try add(.type(op, operand: lhs, type: type), column: opColumn)
      } else {
        break
      }
    }
    return lhs
  }

  mutating func parseUnary() throws(FHIRPathError) -> Int32 {
    guard isSymbol(.plus) || isSymbol(.minus) else { return try parsePostfix(try parseTerm()) }
    let op: UnaryOperator = isSymbol(.plus) ? .plus : .negate
    let opColumn = column(token)
    try advance()
    let operand = try parseExpression(Self.unaryPrecedence)
    // Fold the sign into a number or quantity literal: `-20` is one Integer constant.
    if op == .negate, case .literal(let k) = nodes[Int(operand)] {
      switch constants[Int(k)] {
      case .integer(let i):
        constants[Int(k)] = .integer(-i)
      case .decimal(let d):
        constants[Int(k)] = .decimal(d.negated)
      case .quantity(var q):
        q.value = q.value.negated
        constants[Int(k)] = .quantity(q)
      default:
        return try add(.unary(op, operand: operand), column: opColumn)
      }
      columns[Int(operand)] = Int32(clamping: opColumn)
      return operand
    }
    return try add(.unary(op, operand: operand), column: opColumn)
  }

  mutating func parsePostfix(_ start: Int32) throws(FHIRPathError) -> Int32 {
    var lhs = start
    while true {
      if isSymbol(.dot) {
        try advance()
        guard token.kind == .identifier || token.kind == .delimitedIdentifier else {
          throw error("expected a name after '.', found \(describe(token))", at: token)
        }
        lhs = try parseInvocation(target: lhs)
      } else if isSymbol(.leftBracket) {
        let bracketColumn = column(token)
        try advance()
        let index = try parseExpression(0)
        try expect(.rightBracket)
        lhs = try add(.indexer(target: lhs, index: index), column: bracketColumn)
      } else {
        return lhs
      }
    }
  }

  /// A member name or function call on `target`; the current token is the name.
  mutating func parseInvocation(target: Int32) throws(FHIRPathError) -> Int32 {
    let nameToken = token
    if try peekNext().kind == .symbol(.leftParen) {
      return try parseCall(target: target, nameToken: nameToken)
    }
    try advance()
    return try add(.member(target: target, name: intern(nameToken.text)), column: column(nameToken))
  }

  mutating func parseTerm() throws(FHIRPathError) -> Int32 {
    let t = token
    switch t.kind {
    case .symbol(.leftParen):
      try advance()
      let inner = try parseExpression(0)
      try expect(.rightParen)
      return inner
    case .symbol(.leftBrace):
      try advance()
      try expect(.rightBrace)
      return try add(.empty, column: column(t))
    case .string:
      try advance()
      return try add(.literal(constant(.string(t.text))), column: column(t))
    case .literal:
      try advance()
      guard let value = t.value else { throw error("invalid literal", at: t) }
      if case .integer = value, let q = try quantityUnit(value) {
        return try add(.literal(constant(.quantity(q))), column: column(t))
      }
      if case .decimal = value, let q = try quantityUnit(value) {
        return try add(.literal(constant(.quantity(q))), column: column(t))
      }
      return try add(.literal(constant(value)), column: column(t))
    case .special(let v):
      try advance()
      return try add(.variable(v), column: column(t))
    case .environment:
      guard let variable = EnvironmentVariable(name: t.text) else {
        throw error("unknown environment variable", at: t)
      }
      try advance()
      var k = environment.firstIndex(of: variable).map { Int32($0) }
      if k == nil {
        environment.append(variable)
        k = Int32(environment.count - 1)
      }
      return try add(.environment(k ?? 0), column: column(t))
    case .identifier:
      let w = word(t)
      if w == "true" || w == "false" {
        try advance()
        return try add(.literal(constant(.boolean(w == "true"))), column: column(t))
      }
      if Self.keywords.contains(w) && !Self.identifierKeywords.contains(w) {
        throw error("expected an expression, found '\(w)'", at: t)
      }
      return try parseInvocation(target: focus())
    case .delimitedIdentifier:
      return try parseInvocation(target: focus())
    default:
      throw error("expected an expression, found \(describe(t))", at: t)
    }
  }

  /// After a number literal: a quoted UCUM unit or a calendar keyword makes it a quantity.
  mutating func quantityUnit(_ value: FHIRPathValue) throws(FHIRPathError) -> QuantityValue? {
    guard let number = value.numericValue else { return nil }
    if token.kind == .string {
      let unit = token.text
      try advance()
      return QuantityValue(number, unit: unit)
    }
    if token.kind == .identifier, CalendarUnit(keyword: token.text) != nil {
      let unit = token.text
      try advance()
      return QuantityValue(number, unit: unit, isCalendarKeyword: true)
    }
    return nil
  }

  /// `name(args…)` on `target`; the current token is the name and the next is `(`.
  mutating func parseCall(target: Int32, nameToken: Token) throws(FHIRPathError) -> Int32 {
    let name = word(nameToken)
    guard let function = FHIRPathFunction(name: name) else {
      throw error("unknown function '\(Self.abbreviated(name))'", at: nameToken)
    }
    let nameColumn = column(nameToken)
    try advance()  // name
    try advance()  // (
    let arityError = error("function '\(name)' \(function.arityDescription)", at: nameToken)

    if function == .is || function == .as || function == .ofType {
      guard !isSymbol(.rightParen) else { throw arityError }
      guard token.kind == .identifier || token.kind == .delimitedIdentifier else {
        throw error("function '\(name)' expects a type name", at: token)
      }
      let type = try parseTypeSpecifier()
      if isSymbol(.comma) { throw arityError }
      try expect(.rightParen)
      let op: TypeOperator = function == .is ? .is : (function == .as ? .as : .ofType)
      return try add(.type(op, operand: target, type: type), column: nameColumn)
    }

    var args: [Int32] = []
    if !isSymbol(.rightParen) {
      args.append(try parseExpression(0))
      while isSymbol(.comma) {
        try advance()
        args.append(try parseExpression(0))
      }
    }
    try expect(.rightParen)
    guard function.arity.contains(args.count) else { throw arityError }

    let lower = Int32(arguments.count)
    arguments.append(contentsOf: args)
    let call = try add(
      .call(target: target, function: function, arguments: lower..<Int32(arguments.count)),
      column: nameColumn)

    if function == .matches || function == .replaceMatches,
      case .literal(let k) = nodes[Int(args[0])], case .string(let pattern) = constants[Int(k)]
    {
      do {
        regexes[call] = try DotNetRegex(pattern: pattern)
      } catch {
        throw FHIRPathError(
          "invalid regular expression: \(error.message) (pattern position \(error.offset + 1))",
          column: Int(columns[Int(args[0])]))
      }
    }
    return call
  }

  /// `Name` or `FHIR.Name` / `System.Name`.
  mutating func parseTypeSpecifier() throws(FHIRPathError) -> Int32 {
    let first = token
    guard first.kind == .identifier || first.kind == .delimitedIdentifier else {
      throw error("expected a type name, found \(describe(first))", at: first)
    }
    if first.kind == .identifier, Self.keywords.contains(word(first)) {
      throw error("expected a type name, found \(describe(first))", at: first)
    }
    try advance()
    var spec = TypeSpecifier(name: first.text)
    if isSymbol(.dot) {
      let next = try peekNext()
      if next.kind == .identifier || next.kind == .delimitedIdentifier {
        let ns = word(first)
        guard ns == "FHIR" || ns == "System" else {
          throw error("invalid type specifier: only FHIR and System qualify a type", at: first)
        }
        try advance()
        spec = TypeSpecifier(namespace: first.text, name: token.text)
        try advance()
      }
    }
    if let k = types.firstIndex(of: spec) { return Int32(k) }
    types.append(spec)
    return Int32(types.count - 1)
  }
}
