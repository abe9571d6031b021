/// Why a regular expression pattern was refused, and where (a scalar index into the pattern).
package struct RegexSyntaxError: Error, Equatable, Sendable {
  package var message: String
  package var offset: Int

  package init(_ message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }
}

/// A match that needed more than ``DotNetRegex/stepBudget`` backtracking steps.
package struct RegexTooComplex: Error, Equatable, Sendable {
  package init() {}
}

/// A .NET-flavoured regular expression, compiled once, matched by a small backtracking engine
/// over Unicode scalars (FHIRPath `matches()` and `replaceMatches()` use .NET `Regex`).
///
/// Supported: literals and escapes (`\t \n \r \f \v \e \a \0oo \xHH \uHHHH \cX`, escaped
/// punctuation); `.`; classes `[…]`, `[^…]` with ranges and `\d \w \s \D \W \S \p{…}
/// \P{…}` (general categories such as `L`, `Lu`, `Nd`); `\d \w \s` with .NET's Unicode
/// meaning; anchors `^ $ \A \z \Z \b \B`; groups `(…)`, `(?:…)`, `(?<name>…)`, `(?'name'…)`,
/// atomic `(?>…)`, lookaround `(?=…) (?!…) (?<=…) (?<!…)`; backreferences `\1`, `\k<name>`;
/// quantifiers `* + ? {n} {n,} {n,m}`, greedy or lazy (`?` suffix); alternation; inline options
/// `(?imnsx-imnsx)` and `(?imnsx-imnsx:…)`; comments `(?#…)`. Groups are numbered as .NET
/// does: unnamed groups first, then named groups in order of appearance.
///
/// Not supported (refused with a ``RegexSyntaxError``): `\G`, conditionals `(?(…)…)`, balancing
/// groups, class subtraction `[a-z-[aeiou]]`, Unicode block names `\p{IsGreek}`, right-to-left
/// and ECMAScript options. Captures made inside a lookbehind are kept but found left to right.
/// Matching is bounded: a search that needs more than ``stepBudget`` backtracking steps throws
/// ``RegexTooComplex`` instead of running away.
package struct DotNetRegex: Sendable {
  /// The compiled main program.
  let program: RegexProgram
  /// Capturing groups, excluding group 0.
  package let captureGroupCount: Int
  /// Named groups and their numbers.
  package let groupNames: [String: Int]

  /// The most backtracking steps one search or replacement may take.
  package static let stepBudget = 2_000_000

  /// Compiles a pattern given as UTF-8 bytes.
  package init(pattern: [UInt8]) throws(RegexSyntaxError) {
    var parser = RegexParser(UTF8Scalars.scalars(pattern))
    let tree = try parser.parse()
    let numbering = parser.groupNumbering()
    var compiler = RegexCompiler(
      groupNumbering: numbering, groupCount: parser.totalGroups, names: parser.namedGroups)
    program = try compiler.compileProgram(tree)
    captureGroupCount = parser.totalGroups
    var names: [String: Int] = [:]
    for (index, name) in parser.namedGroups.enumerated() {
      names[name] = parser.unnamedGroups + index + 1
    }
    groupNames = names
  }

  /// Compiles a pattern given as a string.
  package init(_ pattern: String) throws(RegexSyntaxError) {
    try self.init(pattern: Array(pattern.utf8))
  }
}

// MARK: - Syntax tree

/// Regex options that change how atoms match.
struct RegexOptions: Equatable {
  var ignoreCase = false
  var multiline = false
  var singleline = false
  var explicitCapture = false
  var ignoreWhitespace = false
}

/// A zero-width assertion.
enum RegexAssertion: Equatable, Sendable {
  case lineStart(multiline: Bool), lineEnd(multiline: Bool)
  case textStart, textEnd, textEndOrFinalNewline
  case wordBoundary, notWordBoundary
}

/// A predefined class.
enum RegexClassKind: Equatable, Sendable {
  case digit, word, space
  case category([Unicode.GeneralCategory])
}

/// A character class: ranges and predefined classes, possibly negated.
struct RegexCharSet: Equatable, Sendable {
  var ranges: [ClosedRange<UInt32>] = []
  var classes: [(kind: RegexClassKind, negated: Bool)] = []
  var negated = false
  var ignoreCase = false

  static func == (a: RegexCharSet, b: RegexCharSet) -> Bool {
    a.ranges == b.ranges && a.negated == b.negated && a.ignoreCase == b.ignoreCase
      && a.classes.count == b.classes.count
      && zip(a.classes, b.classes).allSatisfy { $0.kind == $1.kind && $0.negated == $1.negated }
  }
}

/// A group reference before numbering: unnamed groups by order, named groups by name index.
enum RegexGroupReference: Equatable {
  case unnamed(Int), named(Int), number(Int)
}

indirect enum RegexNode {
  case empty
  case char(UInt32, ignoreCase: Bool)
  case any(singleline: Bool)
  case set(RegexCharSet)
  case sequence([RegexNode])
  case alternation([RegexNode])
  case group(RegexNode, capture: RegexGroupReference?)
  case atomic(RegexNode)
  case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
  case assertion(RegexAssertion)
  case lookaround(RegexNode, ahead: Bool, negated: Bool)
  case backreference(RegexGroupReference, ignoreCase: Bool, offset: Int)
}

// MARK: - Parser

/// Recursive-descent parser for the supported .NET syntax.
struct RegexParser {
  let pattern: [UInt32]
  var i = 0
  var options = RegexOptions()
  var unnamedGroups = 0
  var namedGroups: [String] = []
  var depth = 0

  init(_ pattern: [UInt32]) { self.pattern = pattern }

  var totalGroups: Int { unnamedGroups + namedGroups.count }

  func groupNumbering() -> (RegexGroupReference) -> Int? {
    let unnamed = unnamedGroups
    let named = namedGroups.count
    return { reference in
      switch reference {
      case .unnamed(let k): k
      case .named(let k): unnamed + k + 1
      case .number(let k): k <= unnamed + named ? k : nil
      }
    }
  }

  func peek(_ k: Int = 0) -> UInt32? { i + k < pattern.count ? pattern[i + k] : nil }

  func error(_ message: String, at offset: Int? = nil) -> RegexSyntaxError {
    RegexSyntaxError(message, offset: offset ?? i)
  }

  mutating func parse() throws(RegexSyntaxError) -> RegexNode {
    let node = try parseAlternation()
    if i < pattern.count { throw error("too many ')'") }
    return node
  }

  mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
    depth += 1
    // Inline options such as (?i) last until the end of the enclosing group.
    let saved = options
    defer {
      depth -= 1
      options = saved
    }
    guard depth < 200 else { throw error("pattern nested too deeply") }
    var branches = [try parseSequence()]
    while peek() == UInt32(UInt8(ascii: "|")) {
      i += 1
      branches.append(try parseSequence())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  mutating func skipIgnoredWhitespace() {
    guard options.ignoreWhitespace else { return }
    while let c = peek() {
      if UTF8Scalars.isWhitespace(c) {
        i += 1
      } else if c == UInt32(UInt8(ascii: "#")) {
        while let d = peek(), d != 0x0A { i += 1 }
      } else {
        return
      }
    }
  }

  mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
    var items: [RegexNode] = []
    while true {
      skipIgnoredWhitespace()
      guard let c = peek(), c != UInt32(UInt8(ascii: "|")), c != UInt32(UInt8(ascii: ")")) else {
        break
      }
      let start = i
      guard var atom = try parseAtom() else { continue }
      // Quantifiers
      skipIgnoredWhitespace()
      if let (min, max) = try parseQuantifier() {
        if case .assertion = atom { throw error("quantifier following nothing", at: start) }
        if case .empty = atom { throw error("quantifier following nothing", at: start) }
        var greedy = true
        if peek() == UInt32(UInt8(ascii: "?")) {
          greedy = false
          i += 1
        }
        atom = .repetition(atom, min: min, max: max, greedy: greedy)
        skipIgnoredWhitespace()
        let here = i
        if try parseQuantifier() != nil { throw error("nested quantifier", at: here) }
      }
      items.append(atom)
    }
    return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .sequence(items))
  }

  /// `* + ? {n} {n,} {n,m}`; a `{` that does not form a quantifier is not consumed.
  mutating func parseQuantifier() throws(RegexSyntaxError) -> (Int, Int?)? {
    guard let c = peek() else { return nil }
    switch c {
    case UInt32(UInt8(ascii: "*")):
      i += 1
      return (0, nil)
    case UInt32(UInt8(ascii: "+")):
      i += 1
      return (1, nil)
    case UInt32(UInt8(ascii: "?")):
      i += 1
      return (0, 1)
    case UInt32(UInt8(ascii: "{")):
      var k = i + 1
      func number(_ k: inout Int) -> Int? {
        var value = 0
        let start = k
        while k < pattern.count, let d = digit(pattern[k]) {
          value = min(value * 10 + d, 1_000_000)
          k += 1
        }
        return k > start ? value : nil
      }
      guard let low = number(&k) else { return nil }
      var high: Int? = low
      if k < pattern.count, pattern[k] == UInt32(UInt8(ascii: ",")) {
        k += 1
        high = number(&k)
      }
      guard k < pattern.count, pattern[k] == UInt32(UInt8(ascii: "}")) else { return nil }
      if let high, high < low { throw error("illegal {x,y} with x > y") }
      guard low <= 1000, (high ?? 0) <= 1000 else { throw error("repetition count too large") }
      i = k + 1
      return (low, high)
    default:
      return nil
    }
  }

  func digit(_ c: UInt32) -> Int? {
    c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil
  }

  func hexDigit(_ c: UInt32) -> UInt32? {
    switch c {
    case 0x30...0x39: c - 0x30
    case 0x41...0x46: c - 0x41 + 10
    case 0x61...0x66: c - 0x61 + 10
    default: nil
    }
  }

  /// One atom, or nil for something that matches nothing and is dropped (inline options,
  /// comments).
  mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
    guard let c = peek() else { return .empty }
    let start = i
    i += 1
    switch c {
    case UInt32(UInt8(ascii: ".")): return .any(singleline: options.singleline)
    case UInt32(UInt8(ascii: "^")): return .assertion(.lineStart(multiline: options.multiline))
    case UInt32(UInt8(ascii: "$")): return .assertion(.lineEnd(multiline: options.multiline))
    case UInt32(UInt8(ascii: "[")): return .set(try parseClass())
    case UInt32(UInt8(ascii: "(")): return try parseGroup(start: start)
    case UInt32(UInt8(ascii: "\\")): return try parseEscape()
    case UInt32(UInt8(ascii: "*")), UInt32(UInt8(ascii: "+")), UInt32(UInt8(ascii: "?")):
      throw error("quantifier following nothing", at: start)
    case UInt32(UInt8(ascii: "{")):
      // A `{` that would form a quantifier here has nothing to repeat; otherwise it is literal.
      var probe = self
      probe.i = start
      if (try? probe.parseQuantifier()) != nil {
        throw error("quantifier following nothing", at: start)
      }
      return .char(c, ignoreCase: false)
    default:
      return .char(options.ignoreCase ? RegexCase.lower(c) : c, ignoreCase: options.ignoreCase)
    }
  }

  mutating func parseGroup(start: Int) throws(RegexSyntaxError) -> RegexNode? {
    guard peek() == UInt32(UInt8(ascii: "?")) else {
      if options.explicitCapture { return try groupBody(capture: nil) }
      unnamedGroups += 1
      return try groupBody(capture: .unnamed(unnamedGroups))
    }
    i += 1
    guard let c = peek() else { throw error("unterminated group", at: start) }
    switch c {
    case UInt32(UInt8(ascii: ":")):
      i += 1
      return try groupBody(capture: nil)
    case UInt32(UInt8(ascii: "=")), UInt32(UInt8(ascii: "!")):
      i += 1
      let body = try groupBody(capture: nil)
      return .lookaround(body, ahead: true, negated: c == UInt32(UInt8(ascii: "!")))
    case UInt32(UInt8(ascii: ">")):
      i += 1
      return .atomic(try groupBody(capture: nil))
    case UInt32(UInt8(ascii: "#")):
      while let d = peek(), d != UInt32(UInt8(ascii: ")")) { i += 1 }
      guard peek() != nil else { throw error("unterminated comment", at: start) }
      i += 1
      return nil
    case UInt32(UInt8(ascii: "(")):
      throw error("conditional groups are not supported", at: start)
    case UInt32(UInt8(ascii: "<")), UInt32(UInt8(ascii: "'")):
      let close = c == UInt32(UInt8(ascii: "<")) ? UInt32(UInt8(ascii: ">")) : c
      if c == UInt32(UInt8(ascii: "<")),
        peek(1) == UInt32(UInt8(ascii: "=")) || peek(1) == UInt32(UInt8(ascii: "!"))
      {
        let negated = peek(1) == UInt32(UInt8(ascii: "!"))
        i += 2
        let body = try groupBody(capture: nil)
        return .lookaround(body, ahead: false, negated: negated)
      }
      i += 1
      let name = try parseGroupName(terminator: close)
      let index: Int
      if let existing = namedGroups.firstIndex(of: name) {
        index = existing
      } else {
        namedGroups.append(name)
        index = namedGroups.count - 1
      }
      return try groupBody(capture: .named(index))
    default:
      // Inline options: (?imnsx-imnsx) or (?imnsx-imnsx:…)
      var on = true
      var newOptions = options
      while let d = peek() {
        switch d {
        case UInt32(UInt8(ascii: "-")): on = false
        case UInt32(UInt8(ascii: "i")): newOptions.ignoreCase = on
        case UInt32(UInt8(ascii: "m")): newOptions.multiline = on
        case UInt32(UInt8(ascii: "s")): newOptions.singleline = on
        case UInt32(UInt8(ascii: "n")): newOptions.explicitCapture = on
        case UInt32(UInt8(ascii: "x")): newOptions.ignoreWhitespace = on
        case UInt32(UInt8(ascii: ")")):
          i += 1
          options = newOptions  // applies to the rest of the enclosing group
          return nil
        case UInt32(UInt8(ascii: ":")):
          i += 1
          let saved = options
          options = newOptions
          defer { options = saved }
          return try groupBody(capture: nil)
        default:
          throw error("unrecognized grouping construct", at: start)
        }
        i += 1
      }
      throw error("unterminated group", at: start)
    }
  }

  mutating func parseGroupName(terminator: UInt32) throws(RegexSyntaxError) -> String {
    let start = i
    var name = ""
    while let c = peek(), c != terminator {
      guard RegexCase.isWordCharacter(c), let scalar = Unicode.Scalar(c) else {
        throw error("invalid group name", at: start)
      }
      name.unicodeScalars.append(scalar)
      i += 1
    }
    guard peek() == terminator, !name.isEmpty else { throw error("invalid group name", at: start) }
    guard let first = name.unicodeScalars.first, !(0x30...0x39).contains(first.value) else {
      throw error("numbered group names are not supported", at: start)
    }
    i += 1
    return name
  }

  mutating func groupBody(capture: RegexGroupReference?) throws(RegexSyntaxError) -> RegexNode {
    let start = i
    let body = try parseAlternation()
    guard peek() == UInt32(UInt8(ascii: ")")) else { throw error("not enough ')'", at: start) }
    i += 1
    return .group(body, capture: capture)
  }

  /// After a backslash outside a class.
  mutating func parseEscape() throws(RegexSyntaxError) -> RegexNode {
    let start = i - 1
    guard let c = peek() else { throw error("illegal \\ at end of pattern", at: start) }
    switch c {
    case UInt32(UInt8(ascii: "b")):
      i += 1
      return .assertion(.wordBoundary)
    case UInt32(UInt8(ascii: "B")):
      i += 1
      return .assertion(.notWordBoundary)
    case UInt32(UInt8(ascii: "A")):
      i += 1
      return .assertion(.textStart)
    case UInt32(UInt8(ascii: "z")):
      i += 1
      return .assertion(.textEnd)
    case UInt32(UInt8(ascii: "Z")):
      i += 1
      return .assertion(.textEndOrFinalNewline)
    case UInt32(UInt8(ascii: "G")):
      throw error("\\G is not supported", at: start)
    case UInt32(UInt8(ascii: "k")):
      i += 1
      guard let open = peek(),
        open == UInt32(UInt8(ascii: "<")) || open == UInt32(UInt8(ascii: "'"))
      else { throw error("malformed \\k<...> named back reference", at: start) }
      i += 1
      let name = try parseGroupName(
        terminator: open == UInt32(UInt8(ascii: "<")) ? UInt32(UInt8(ascii: ">")) : open)
      guard let index = namedGroups.firstIndex(of: name) else {
        throw error("reference to undefined group name", at: start)
      }
      return .backreference(.named(index), ignoreCase: options.ignoreCase, offset: start)
    case 0x31...0x39:
      var number = 0
      while let d = peek().flatMap(digit) {
        number = min(number * 10 + d, 100_000)
        i += 1
      }
      return .backreference(.number(number), ignoreCase: options.ignoreCase, offset: start)
    default:
      switch try parseCharacterEscape(inClass: false, start: start) {
      case .scalar(let s):
        return .char(options.ignoreCase ? RegexCase.lower(s) : s, ignoreCase: options.ignoreCase)
      case .kind(let kind, let negated):
        var set = RegexCharSet()
        set.classes = [(kind, negated)]
        return .set(set)
      }
    }
  }

  enum EscapeResult {
    case scalar(UInt32)
    case kind(RegexClassKind, negated: Bool)
  }

  /// Escapes common to classes and the main pattern (the backslash is consumed already).
  mutating func parseCharacterEscape(inClass: Bool, start: Int) throws(RegexSyntaxError)
    -> EscapeResult
  {
    guard let c = peek() else { throw error("illegal \\ at end of pattern", at: start) }
    i += 1
    switch c {
    case UInt32(UInt8(ascii: "d")): return .kind(.digit, negated: false)
    case UInt32(UInt8(ascii: "D")): return .kind(.digit, negated: true)
    case UInt32(UInt8(ascii: "w")): return .kind(.word, negated: false)
    case UInt32(UInt8(ascii: "W")): return .kind(.word, negated: true)
    case UInt32(UInt8(ascii: "s")): return .kind(.space, negated: false)
    case UInt32(UInt8(ascii: "S")): return .kind(.space, negated: true)
    case UInt32(UInt8(ascii: "p")), UInt32(UInt8(ascii: "P")):
      guard peek() == UInt32(UInt8(ascii: "{")) else {
        throw error("malformed \\p{X} character escape", at: start)
      }
      i += 1
      var name = ""
      while let d = peek(), d != UInt32(UInt8(ascii: "}")), let s = Unicode.Scalar(d) {
        name.unicodeScalars.append(s)
        i += 1
      }
      guard peek() == UInt32(UInt8(ascii: "}")), let categories = RegexCase.categories(named: name)
      else { throw error("unknown or unsupported property \\p{...}", at: start) }
      i += 1
      return .kind(.category(categories), negated: c == UInt32(UInt8(ascii: "P")))
    case UInt32(UInt8(ascii: "t")): return .scalar(0x09)
    case UInt32(UInt8(ascii: "n")): return .scalar(0x0A)
    case UInt32(UInt8(ascii: "r")): return .scalar(0x0D)
    case UInt32(UInt8(ascii: "f")): return .scalar(0x0C)
    case UInt32(UInt8(ascii: "v")): return .scalar(0x0B)
    case UInt32(UInt8(ascii: "e")): return .scalar(0x1B)
    case UInt32(UInt8(ascii: "a")): return .scalar(0x07)
    case UInt32(UInt8(ascii: "b")) where inClass: return .scalar(0x08)
    case UInt32(UInt8(ascii: "0")):
      var value: UInt32 = 0
      var count = 0
      while count < 2, let d = peek(), d >= 0x30, d <= 0x37 {
        value = value * 8 + (d - 0x30)
        i += 1
        count += 1
      }
      return .scalar(value)
    case UInt32(UInt8(ascii: "x")), UInt32(UInt8(ascii: "u")):
      let count = c == UInt32(UInt8(ascii: "x")) ? 2 : 4
      var value: UInt32 = 0
      for _ in 0..<count {
        guard let d = peek().flatMap(hexDigit) else {
          throw error("insufficient hexadecimal digits", at: start)
        }
        value = value * 16 + d
        i += 1
      }
      return .scalar(value)
    case UInt32(UInt8(ascii: "c")):
      guard let d = peek(), (0x40...0x7A).contains(d) else {
        throw error("missing control character", at: start)
      }
      i += 1
      return .scalar(d & 0x1F)
    default:
      // .NET refuses unknown escapes of letters and digits, and takes any other escaped
      // character literally.
      let isLetterOrDigit =
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
      if isLetterOrDigit { throw error("unrecognized escape sequence", at: start) }
      return .scalar(c)
    }
  }

  /// After `[`.
  mutating func parseClass() throws(RegexSyntaxError) -> RegexCharSet {
    let start = i - 1
    var set = RegexCharSet()
    set.ignoreCase = options.ignoreCase
    if peek() == UInt32(UInt8(ascii: "^")) {
      set.negated = true
      i += 1
    }
    var first = true
    while true {
      guard let c = peek() else { throw error("unterminated [] set", at: start) }
      if c == UInt32(UInt8(ascii: "]")) && !first {
        i += 1
        break
      }
      if c == UInt32(UInt8(ascii: "-")) && !first && peek(1) == UInt32(UInt8(ascii: "[")) {
        throw error("character class subtraction is not supported", at: i)
      }
      first = false
      let itemStart = i
      guard let low = try parseClassItem(into: &set) else { continue }
      // A range `low-high`, unless the `-` is last or starts a subtraction.
      if peek() == UInt32(UInt8(ascii: "-")), let next = peek(1), next != UInt32(UInt8(ascii: "]"))
      {
        if next == UInt32(UInt8(ascii: "[")) {
          throw error("character class subtraction is not supported", at: i)
        }
        i += 1
        guard let high = try parseClassItem(into: &set) else {
          throw error("a range cannot end with a character class", at: itemStart)
        }
        guard low <= high else { throw error("[x-y] range in reverse order", at: itemStart) }
        set.ranges.append(low...high)
      } else {
        set.ranges.append(low...low)
      }
    }
    return set
  }

  /// One class member: returns a scalar, or nil after adding a predefined class to `set`.
  mutating func parseClassItem(into set: inout RegexCharSet) throws(RegexSyntaxError) -> UInt32? {
    guard let c = peek() else { throw error("unterminated [] set") }
    i += 1
    guard c == UInt32(UInt8(ascii: "\\")) else { return c }
    switch try parseCharacterEscape(inClass: true, start: i - 1) {
    case .scalar(let s): return s
    case .kind(let kind, let negated):
      set.classes.append((kind, negated))
      return nil
    }
  }
}
