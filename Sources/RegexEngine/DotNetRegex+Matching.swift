// MARK: - Case and character classes

/// Character predicates with .NET `Regex` meanings, on Unicode scalar values.
package enum RegexCase {
  static func scalar(_ c: UInt32) -> Unicode.Scalar? { Unicode.Scalar(c) }

  /// Simple (one-to-one) lower-case mapping.
  package static func lower(_ c: UInt32) -> UInt32 {
    if c < 0x80 { return (0x41...0x5A).contains(c) ? c + 0x20 : c }
    guard let s = scalar(c) else { return c }
    let mapped = s.properties.lowercaseMapping.unicodeScalars
    guard mapped.count == 1, let first = mapped.first else { return c }
    return first.value
  }

  /// Simple (one-to-one) upper-case mapping.
  package static func upper(_ c: UInt32) -> UInt32 {
    if c < 0x80 { return (0x61...0x7A).contains(c) ? c - 0x20 : c }
    guard let s = scalar(c) else { return c }
    let mapped = s.properties.uppercaseMapping.unicodeScalars
    guard mapped.count == 1, let first = mapped.first else { return c }
    return first.value
  }

  static func category(_ c: UInt32) -> Unicode.GeneralCategory {
    scalar(c)?.properties.generalCategory ?? .unassigned
  }

  /// `\w`: letters, non-spacing marks, decimal digits, connector punctuation.
  static func isWordCharacter(_ c: UInt32) -> Bool {
    if c < 0x80 {
      return (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
        || c == 0x5F
    }
    switch category(c) {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .decimalNumber, .connectorPunctuation:
      return true
    default:
      return false
    }
  }

  /// The word test of `\b`: `\w` plus ZWNJ and ZWJ, as .NET.
  static func isBoundaryWordCharacter(_ c: UInt32) -> Bool {
    c == 0x200C || c == 0x200D || isWordCharacter(c)
  }

  /// `\d`: Unicode decimal digits.
  static func isDigit(_ c: UInt32) -> Bool {
    c < 0x80 ? (0x30...0x39).contains(c) : category(c) == .decimalNumber
  }

  /// `\s`: `[\f\n\r\t\v\x85\p{Z}]`.
  static func isSpace(_ c: UInt32) -> Bool {
    switch c {
    case 0x09...0x0D, 0x20, 0x85: return true
    case ..<0x80: return false
    default:
      switch category(c) {
      case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
      default: return false
      }
    }
  }

  /// General categories for `\p{Name}`: one- and two-letter category names.
  static func categories(named name: String) -> [Unicode.GeneralCategory]? {
    switch name {
    case "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
    case "Lu": [.uppercaseLetter]
    case "Ll": [.lowercaseLetter]
    case "Lt": [.titlecaseLetter]
    case "Lm": [.modifierLetter]
    case "Lo": [.otherLetter]
    case "M": [.nonspacingMark, .spacingMark, .enclosingMark]
    case "Mn": [.nonspacingMark]
    case "Mc": [.spacingMark]
    case "Me": [.enclosingMark]
    case "N": [.decimalNumber, .letterNumber, .otherNumber]
    case "Nd": [.decimalNumber]
    case "Nl": [.letterNumber]
    case "No": [.otherNumber]
    case "P":
      [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation,
      ]
    case "Pc": [.connectorPunctuation]
    case "Pd": [.dashPunctuation]
    case "Ps": [.openPunctuation]
    case "Pe": [.closePunctuation]
    case "Pi": [.initialPunctuation]
    case "Pf": [.finalPunctuation]
    case "Po": [.otherPunctuation]
    case "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
    case "Sm": [.mathSymbol]
    case "Sc": [.currencySymbol]
    case "Sk": [.modifierSymbol]
    case "So": [.otherSymbol]
    case "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator]
    case "Zs": [.spaceSeparator]
    case "Zl": [.lineSeparator]
    case "Zp": [.paragraphSeparator]
    case "C": [.control, .format, .surrogate, .privateUse, .unassigned]
    case "Cc": [.control]
    case "Cf": [.format]
    case "Cs": [.surrogate]
    case "Co": [.privateUse]
    case "Cn": [.unassigned]
    default: nil
    }
  }
}

extension RegexClassKind {
  func matches(_ c: UInt32) -> Bool {
    switch self {
    case .digit: RegexCase.isDigit(c)
    case .word: RegexCase.isWordCharacter(c)
    case .space: RegexCase.isSpace(c)
    case .category(let list): list.contains(RegexCase.category(c))
    }
  }
}

extension RegexCharSet {
  func matches(_ c: UInt32) -> Bool {
    var found = containsExactly(c)
    if !found && ignoreCase {
      let l = RegexCase.lower(c)
      let u = RegexCase.upper(c)
      found = (l != c && containsExactly(l)) || (u != c && containsExactly(u))
    }
    return found != negated
  }

  private func containsExactly(_ c: UInt32) -> Bool {
    for r in ranges where r.contains(c) { return true }
    for (kind, negated) in classes where kind.matches(c) != negated { return true }
    return false
  }
}

// MARK: - Program

enum RegexInstruction: Sendable {
  case char(UInt32)
  /// Matches when the lower-cased input scalar equals the (lower-cased) operand.
  case charFolded(UInt32)
  case any
  case anyIncludingNewline
  case set(Int32)
  /// Try the first target, on failure the second.
  case split(Int32, Int32)
  case jump(Int32)
  case save(Int32)
  case assert(RegexAssertion)
  case look(Int32, ahead: Bool, negated: Bool)
  case atomic(Int32)
  case backreference(Int32, ignoreCase: Bool)
  /// Register := position (start of a loop iteration).
  case mark(Int32)
  /// Fail when the position equals the register (an empty loop iteration).
  case progress(Int32)
  case match
}

struct RegexProgram: Sendable {
  var main: [RegexInstruction]
  var subprograms: [[RegexInstruction]]
  var sets: [RegexCharSet]
  var slotCount: Int
  /// The pattern can only match at the start of the input.
  var anchoredAtStart: Bool
}

struct RegexCompiler {
  let groupNumbering: (RegexGroupReference) -> Int?
  let groupCount: Int
  let names: [String]
  var registers = 0
  var sets: [RegexCharSet] = []
  var subprograms: [[RegexInstruction]] = []
  var size = 0

  init(
    groupNumbering: @escaping (RegexGroupReference) -> Int?, groupCount: Int, names: [String]
  ) {
    self.groupNumbering = groupNumbering
    self.groupCount = groupCount
    self.names = names
  }

  var registerBase: Int { 2 * (groupCount + 1) }

  mutating func compileProgram(_ tree: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
    var code: [RegexInstruction] = [.save(0)]
    try emit(tree, into: &code)
    code.append(.save(1))
    code.append(.match)
    var anchored = false
    if code.count > 1, case .assert(let a) = code[1] {
      anchored = a == .textStart || a == .lineStart(multiline: false)
    }
    return RegexProgram(
      main: code, subprograms: subprograms, sets: sets, slotCount: registerBase + registers,
      anchoredAtStart: anchored)
  }

  mutating func subprogram(_ body: RegexNode) throws(RegexSyntaxError) -> Int32 {
    var code: [RegexInstruction] = []
    try emit(body, into: &code)
    code.append(.match)
    subprograms.append(code)
    return Int32(subprograms.count - 1)
  }

  mutating func emit(_ node: RegexNode, into code: inout [RegexInstruction])
    throws(RegexSyntaxError)
  {
    size += 1
    guard size < 100_000, code.count < 100_000 else {
      throw RegexSyntaxError("pattern too large", offset: 0)
    }
    switch node {
    case .empty:
      break
    case .char(let c, let ignoreCase):
      code.append(ignoreCase ? .charFolded(c) : .char(c))
    case .any(let singleline):
      code.append(singleline ? .anyIncludingNewline : .any)
    case .set(let set):
      sets.append(set)
      code.append(.set(Int32(sets.count - 1)))
    case .sequence(let items):
      for item in items { try emit(item, into: &code) }
    case .alternation(let branches):
      var exits: [Int] = []
      for (k, branch) in branches.enumerated() {
        if k == branches.count - 1 {
          try emit(branch, into: &code)
        } else {
          let split = code.count
          code.append(.jump(0))
          try emit(branch, into: &code)
          exits.append(code.count)
          code.append(.jump(0))
          code[split] = .split(Int32(split + 1), Int32(code.count))
        }
      }
      for exit in exits { code[exit] = .jump(Int32(code.count)) }
    case .group(let body, let capture):
      if let capture, let n = groupNumbering(capture) {
        code.append(.save(Int32(2 * n)))
        try emit(body, into: &code)
        code.append(.save(Int32(2 * n + 1)))
      } else {
        try emit(body, into: &code)
      }
    case .atomic(let body):
      code.append(.atomic(try subprogram(body)))
    case .lookaround(let body, let ahead, let negated):
      code.append(.look(try subprogram(body), ahead: ahead, negated: negated))
    case .backreference(let reference, let ignoreCase, let offset):
      guard let n = groupNumbering(reference) else {
        throw RegexSyntaxError("reference to undefined group number", offset: offset)
      }
      code.append(.backreference(Int32(n), ignoreCase: ignoreCase))
    case .assertion(let a):
      code.append(.assert(a))
    case .repetition(let body, let min, let max, let greedy):
      for _ in 0..<min { try emit(body, into: &code) }
      if let max {
        var splits: [Int] = []
        for _ in 0..<(max - min) {
          splits.append(code.count)
          code.append(.jump(0))
          try emit(body, into: &code)
        }
        let end = Int32(code.count)
        for s in splits {
          code[s] = greedy ? .split(Int32(s + 1), end) : .split(end, Int32(s + 1))
        }
      } else {
        let register = Int32(registerBase + registers)
        registers += 1
        let loop = code.count
        code.append(.jump(0))
        code.append(.mark(register))
        try emit(body, into: &code)
        code.append(.progress(register))
        code.append(.jump(Int32(loop)))
        let end = Int32(code.count)
        code[loop] = greedy ? .split(Int32(loop + 1), end) : .split(end, Int32(loop + 1))
      }
    }
  }
}

// MARK: - Matching

/// One successful match: scalar-index ranges of the whole match and of each group (nil when
/// the group did not take part).
package struct RegexMatch: Equatable, Sendable {
  package var range: Range<Int>
  package var groups: [Range<Int>?]
}

struct RegexMatcher {
  let program: RegexProgram
  let input: [UInt32]
  var slots: [Int]
  var steps = 0

  init(program: RegexProgram, input: [UInt32]) {
    self.program = program
    self.input = input
    slots = Array(repeating: -1, count: program.slotCount)
  }

  enum Backtrack {
    case retry(pc: Int32, position: Int)
    case restore(slot: Int32, value: Int)
  }

  /// Runs `code` from `start`; returns the end position of the first match found (or nil).
  /// With `requiredEnd`, only a match ending exactly there counts.
  mutating func run(_ code: [RegexInstruction], at start: Int, requiredEnd: Int?)
    throws(RegexTooComplex) -> Int?
  {
    var stack: [Backtrack] = []
    var pc = 0
    var pos = start
    let n = input.count
    while true {
      steps &+= 1
      if steps > DotNetRegex.stepBudget { throw RegexTooComplex() }
      var ok = true
      switch code[pc] {
      case .char(let c):
        ok = pos < n && input[pos] == c
        if ok { pos += 1; pc += 1 }
      case .charFolded(let c):
        ok = pos < n && RegexCase.lower(input[pos]) == c
        if ok { pos += 1; pc += 1 }
      case .any:
        ok = pos < n && input[pos] != 0x0A
        if ok { pos += 1; pc += 1 }
      case .anyIncludingNewline:
        ok = pos < n
        if ok { pos += 1; pc += 1 }
      case .set(let k):
        ok = pos < n && program.sets[Int(k)].matches(input[pos])
        if ok { pos += 1; pc += 1 }
      case .split(let first, let second):
        stack.append(.retry(pc: second, position: pos))
        pc = Int(first)
      case .jump(let target):
        pc = Int(target)
      case .save(let slot), .mark(let slot):
        stack.append(.restore(slot: slot, value: slots[Int(slot)]))
        slots[Int(slot)] = pos
        pc += 1
      case .progress(let register):
        ok = slots[Int(register)] != pos
        if ok { pc += 1 }
      case .assert(let assertion):
        ok = holds(assertion, at: pos)
        if ok { pc += 1 }
      case .backreference(let group, let ignoreCase):
        let s = slots[Int(2 * group)]
        let e = slots[Int(2 * group + 1)]
        ok = s >= 0 && e >= s && pos + (e - s) <= n
        if ok {
          for k in 0..<(e - s) {
            let a = input[s + k]
            let b = input[pos + k]
            if a != b && !(ignoreCase && RegexCase.lower(a) == RegexCase.lower(b)) {
              ok = false
              break
            }
          }
          if ok {
            pos += e - s
            pc += 1
          }
        }
      case .look(let sub, let ahead, let negated):
        let saved = slots
        var found = false
        if ahead {
          found = try run(program.subprograms[Int(sub)], at: pos, requiredEnd: nil) != nil
        } else {
          var begin = pos
          while begin >= 0 && !found {
            found = try run(program.subprograms[Int(sub)], at: begin, requiredEnd: pos) != nil
            if !found { slots = saved }
            begin -= 1
          }
        }
        if found && !negated {
          adopt(saved, into: &stack)
        } else {
          slots = saved
        }
        ok = found != negated
        if ok { pc += 1 }
      case .atomic(let sub):
        let saved = slots
        if let end = try run(program.subprograms[Int(sub)], at: pos, requiredEnd: nil) {
          adopt(saved, into: &stack)
          pos = end
          pc += 1
        } else {
          slots = saved
          ok = false
        }
      case .match:
        if let requiredEnd, pos != requiredEnd {
          ok = false
        } else {
          return pos
        }
      }
      if ok { continue }
      // Backtrack: undo slot writes until the most recent choice point.
      var resumed = false
      while let entry = stack.popLast() {
        switch entry {
        case .restore(let slot, let value):
          slots[Int(slot)] = value
        case .retry(let target, let position):
          pc = Int(target)
          pos = position
          resumed = true
        }
        if resumed { break }
      }
      if !resumed { return nil }
    }
  }

  /// Keeps slot values set by a finished sub-match, recording how to undo them.
  mutating func adopt(_ saved: [Int], into stack: inout [Backtrack]) {
    for k in 0..<slots.count where slots[k] != saved[k] {
      stack.append(.restore(slot: Int32(k), value: saved[k]))
    }
  }

  func holds(_ assertion: RegexAssertion, at pos: Int) -> Bool {
    let n = input.count
    switch assertion {
    case .lineStart(let multiline):
      return pos == 0 || (multiline && input[pos - 1] == 0x0A)
    case .lineEnd(let multiline):
      if pos == n { return true }
      return multiline ? input[pos] == 0x0A : (pos == n - 1 && input[pos] == 0x0A)
    case .textStart:
      return pos == 0
    case .textEnd:
      return pos == n
    case .textEndOrFinalNewline:
      return pos == n || (pos == n - 1 && input[pos] == 0x0A)
    case .wordBoundary, .notWordBoundary:
      let before = pos > 0 && RegexCase.isBoundaryWordCharacter(input[pos - 1])
      let after = pos < n && RegexCase.isBoundaryWordCharacter(input[pos])
      return (before != after) == (assertion == .wordBoundary)
    }
  }

  /// The first match starting at or after `from`.
  mutating func search(from: Int) throws(RegexTooComplex) -> RegexMatch? {
    let last = program.anchoredAtStart ? min(from, 0) : input.count
    guard from <= last else { return nil }
    for start in from...last {
      for k in slots.indices { slots[k] = -1 }
      if let end = try run(program.main, at: start, requiredEnd: nil) {
        return match(start: start, end: end)
      }
    }
    return nil
  }

  func match(start: Int, end: Int) -> RegexMatch {
    var groups: [Range<Int>?] = []
    groups.reserveCapacity(captureCount)
    for g in stride(from: 1, through: captureCount, by: 1) {
      let s = slots[2 * g]
      let e = slots[2 * g + 1]
      groups.append(s >= 0 && e >= s ? s..<e : nil)
    }
    return RegexMatch(range: start..<end, groups: groups)
  }

  var captureCount = 0
}

extension DotNetRegex {
  func matcher(for scalars: [UInt32]) -> RegexMatcher {
    var m = RegexMatcher(program: program, input: scalars)
    m.captureCount = captureGroupCount
    return m
  }

  /// Whether the pattern matches anywhere in `input` (.NET `Regex.IsMatch`).
  package func isMatch(_ input: [UInt8]) throws(RegexTooComplex) -> Bool {
    var steps = 0
    return try isMatch(input, steps: &steps)
  }

  /// ``isMatch(_:)``, adding the backtracking steps the search took to `steps` (for the
  /// evaluator's budget across many searches).
  package func isMatch(_ input: [UInt8], steps: inout Int) throws(RegexTooComplex)
    -> Bool
  {
    var m = matcher(for: UTF8Scalars.scalars(input))
    defer { steps &+= m.steps }
    return try m.search(from: 0) != nil
  }

  /// The first match in `input`, with scalar-index ranges.
  package func firstMatch(in input: [UInt8]) throws(RegexTooComplex) -> RegexMatch? {
    var m = matcher(for: UTF8Scalars.scalars(input))
    return try m.search(from: 0)
  }

  /// Every non-overlapping match, left to right; after an empty match the next search starts
  /// one scalar later (.NET `Regex.Matches`).
  package func allMatches(in scalars: [UInt32]) throws(RegexTooComplex) -> [RegexMatch] {
    var steps = 0
    return try allMatches(in: scalars, steps: &steps)
  }

  /// ``allMatches(in:)``, adding the backtracking steps taken to `steps`.
  func allMatches(in scalars: [UInt32], steps: inout Int) throws(RegexTooComplex)
    -> [RegexMatch]
  {
    var m = matcher(for: scalars)
    defer { steps &+= m.steps }
    var result: [RegexMatch] = []
    var from = 0
    while from <= scalars.count, let found = try m.search(from: from) {
      result.append(found)
      from = found.range.isEmpty ? found.range.upperBound + 1 : found.range.upperBound
    }
    return result
  }

  /// .NET `Regex.Replace(input, pattern, substitution)`: every match replaced by the
  /// substitution with `$n`, `${n}`, `${name}`, `$$`, `$&`, `` $` ``, `$'`, `$+`, `$_` expanded.
  /// A `$` reference to a group that does not exist stays literal text.
  package func replacingMatches(in input: [UInt8], with substitution: [UInt8])
    throws(RegexTooComplex) -> [UInt8]
  {
    var steps = 0
    return try replacingMatches(in: input, with: substitution, steps: &steps)
  }

  /// ``replacingMatches(in:with:)``, adding the backtracking steps taken to `steps`.
  package func replacingMatches(
    in input: [UInt8], with substitution: [UInt8], steps: inout Int
  ) throws(RegexTooComplex) -> [UInt8] {
    let scalars = UTF8Scalars.scalars(input)
    let matches = try allMatches(in: scalars, steps: &steps)
    guard !matches.isEmpty else { return input }
    // Byte offset of each scalar index, so copies take whole byte ranges.
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var byte = 0
    for s in scalars {
      offsets.append(byte)
      byte += s < 0x80 ? 1 : (s < 0x800 ? 2 : (s < 0x10000 ? 3 : 4))
    }
    offsets.append(byte)
    let parts = parseSubstitution(substitution)
    var out: [UInt8] = []
    out.reserveCapacity(input.count + substitution.count)
    var copied = 0
    for match in matches {
      out.append(contentsOf: input[offsets[copied]..<offsets[match.range.lowerBound]])
      for part in parts {
        switch part {
        case .literal(let bytes):
          out.append(contentsOf: bytes)
        case .group(let g):
          let range = g == 0 ? match.range : match.groups[g - 1]
          if let range {
            out.append(contentsOf: input[offsets[range.lowerBound]..<offsets[range.upperBound]])
          }
        case .lastGroup:
          if let last = match.groups.last, let range = last {
            out.append(contentsOf: input[offsets[range.lowerBound]..<offsets[range.upperBound]])
          } else if match.groups.isEmpty {
            out.append(
              contentsOf: input[offsets[match.range.lowerBound]..<offsets[match.range.upperBound]])
          }
        case .before:
          out.append(contentsOf: input[0..<offsets[match.range.lowerBound]])
        case .after:
          out.append(contentsOf: input[offsets[match.range.upperBound]...])
        case .wholeInput:
          out.append(contentsOf: input)
        }
      }
      copied = match.range.upperBound
    }
    out.append(contentsOf: input[offsets[copied]...])
    return out
  }

  enum SubstitutionPart {
    case literal([UInt8])
    case group(Int)
    case lastGroup, before, after, wholeInput
  }

  func parseSubstitution(_ text: [UInt8]) -> [SubstitutionPart] {
    var parts: [SubstitutionPart] = []
    var literal: [UInt8] = []
    func flush() {
      if !literal.isEmpty {
        parts.append(.literal(literal))
        literal.removeAll()
      }
    }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var i = 0
    while i < text.count {
      let b = text[i]
      guard b == UInt8(ascii: "$"), i + 1 < text.count else {
        literal.append(b)
        i += 1
        continue
      }
      let next = text[i + 1]
      switch next {
      case UInt8(ascii: "$"):
        literal.append(UInt8(ascii: "$"))
        i += 2
        continue
      case UInt8(ascii: "&"):
        flush()
        parts.append(.group(0))
        i += 2
        continue
      case UInt8(ascii: "`"):
        flush()
        parts.append(.before)
        i += 2
        continue
      case UInt8(ascii: "'"):
        flush()
        parts.append(.after)
        i += 2
        continue
      case UInt8(ascii: "+"):
        flush()
        parts.append(.lastGroup)
        i += 2
        continue
      case UInt8(ascii: "_"):
        flush()
        parts.append(.wholeInput)
        i += 2
        continue
      default:
        break
      }
      if isDigit(next) {
        var k = i + 1
        var number = 0
        while k < text.count, isDigit(text[k]) {
          number = min(number * 10 + Int(text[k] - 0x30), 1_000_000)
          k += 1
        }
        if number <= captureGroupCount {
          flush()
          parts.append(.group(number))
          i = k
          continue
        }
      } else if next == UInt8(ascii: "{") {
        var k = i + 2
        while k < text.count, text[k] != UInt8(ascii: "}") { k += 1 }
        if k < text.count {
          let name = text[(i + 2)..<k]
          var number: Int?
          if !name.isEmpty, name.allSatisfy(isDigit) {
            let value = name.reduce(0) { min($0 * 10 + Int($1 - 0x30), 1_000_000) }
            number = value <= captureGroupCount ? value : nil
          } else {
            number = groupNames[String(decoding: name, as: UTF8.self)]
          }
          if let number {
            flush()
            parts.append(.group(number))
            i = k + 1
            continue
          }
        }
      }
      literal.append(b)
      i += 1
    }
    flush()
    return parts
  }
}
