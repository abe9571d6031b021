/// One top-level step of a rule path: a member name, a function call with its argument text, or
/// anything else (an operator, an indexer, a literal), with its 1-based column in the path. The one
/// lexer of path steps, shared by the typed selector (``Rule/Selector/perItemSteps(_:)``) and the
/// checks (``PathCheck``).
struct PathStep {
  enum Kind {
    case member(String)
    case function(String, argument: String)
    case other
  }

  var kind: Kind
  var column: Int

  /// Splits `text` at the dots outside parentheses, brackets and quotes; `column` is the
  /// column of `text`'s first byte in the path.
  static func split(_ text: String, column: Int) -> [PathStep] {
    let s = Array(text.utf8)
    var steps: [PathStep] = []
    var start = 0
    var depth = 0
    var quote: UInt8?
    var i = 0
    func finish(_ end: Int) {
      steps.append(PathStep(kind: kind(of: Array(s[start..<end])), column: column + start))
    }
    while i < s.count {
      let b = s[i]
      if let q = quote {
        if b == UInt8(ascii: "\\") {
          i += 1
        } else if b == q {
          quote = nil
        }
      } else {
        switch b {
        case UInt8(ascii: "'"), UInt8(ascii: "`"): quote = b
        case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
        case UInt8(ascii: ".") where depth == 0:
          finish(i)
          start = i + 1
        default: break
        }
      }
      i += 1
    }
    finish(s.count)
    return steps
  }

  private static func kind(of s: [UInt8]) -> Kind {
    var i = 0
    func isName(_ b: UInt8) -> Bool {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_")
    }
    while i < s.count, isName(s[i]) { i += 1 }
    guard i > 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[0]) else { return .other }
    let name = String(decoding: s[0..<i], as: UTF8.self)
    if i == s.count { return .member(name) }
    // The parenthesis at `i` must close at the end (outside string literals): `f(a).g` was split
    // at its dot already, but `f(a) and g(b)` was not.
    guard s[i] == UInt8(ascii: "("), closingParenthesis(s, from: i + 1) == s.count - 1 else {
      return .other
    }
    return .function(name, argument: String(decoding: s[(i + 1)..<(s.count - 1)], as: UTF8.self))
  }

  /// The index of the `)` that closes a `(` just before `start`, outside string literals, or
  /// nil.
  static func closingParenthesis(_ s: [UInt8], from start: Int) -> Int? {
    var depth = 0
    var quote: UInt8? = nil
    var escaped = false
    var i = start
    while i < s.count {
      let b = s[i]
      if let q = quote {
        if escaped {
          escaped = false
        } else if b == UInt8(ascii: "\\") {
          escaped = true
        } else if b == q {
          quote = nil
        }
      } else {
        switch b {
        case UInt8(ascii: "'"), UInt8(ascii: "`"): quote = b
        case UInt8(ascii: "("): depth += 1
        case UInt8(ascii: ")"):
          if depth == 0 { return i }
          depth -= 1
        default: break
        }
      }
      i += 1
    }
    return nil
  }
}
