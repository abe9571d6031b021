import ByteJSON
import Testing

/// Scans `bytes` with a fresh tape; returns the tape or the error.
func scan(_ bytes: [UInt8], maxDepth: Int = 128) -> Result<Tape, JSONError> {
  var tape = Tape()
  return bytes.withUnsafeBytes { buffer in
    do throws(JSONError) {
      try JSONScanner(maxDepth: maxDepth).scan(buffer, into: &tape)
      return .success(tape)
    } catch {
      return .failure(error)
    }
  }
}

/// Scans `bytes` into `tape`, reusing it.
func scan(_ bytes: [UInt8], into tape: inout Tape) throws(JSONError) {
  let error: JSONError? = bytes.withUnsafeBytes { buffer in
    do throws(JSONError) {
      try JSONScanner().scan(buffer, into: &tape)
      return nil
    } catch {
      return error
    }
  }
  if let error { throw error }
}

/// Scans the UTF-8 of `text`; returns the tape or the error.
func scan(_ text: String, maxDepth: Int = 128) -> Result<Tape, JSONError> {
  scan(Array(text.utf8), maxDepth: maxDepth)
}

/// The error scanning `bytes` throws, or nil if they are valid.
func scanError(_ bytes: [UInt8], maxDepth: Int = 128) -> JSONError? {
  if case .failure(let error) = scan(bytes, maxDepth: maxDepth) { return error }
  return nil
}

/// The error scanning `text` throws, or nil if it is valid.
func scanError(_ text: String, maxDepth: Int = 128) -> JSONError? {
  scanError(Array(text.utf8), maxDepth: maxDepth)
}

/// Whether `text` scans without error.
func isValid(_ text: String) -> Bool { scanError(text) == nil }

/// Compact output of `bytes` after scanning them; nil if they are not valid JSON.
func compact(_ bytes: [UInt8]) -> [UInt8]? {
  guard case .success(let tape) = scan(bytes) else { return nil }
  var out: [UInt8] = []
  bytes.withUnsafeBytes { tape.writeCompact(from: $0, into: &out) }
  return out
}

/// Compact output of the UTF-8 of `text` as a String; nil if it is not valid JSON.
func compact(_ text: String) -> String? {
  compact(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
}

/// A test input with one position marker, swift-format style: `#"{"a": 1️⃣tru}"#`.
///
/// The marker is removed; `offset` is the UTF-8 offset where it stood.
struct Marked: CustomTestStringConvertible, Sendable {
  /// The UTF-8 of "1️⃣" (U+0031 U+FE0F U+20E3).
  static let marker: [UInt8] = Array("1\u{FE0F}\u{20E3}".utf8)
  let bytes: [UInt8]
  let offset: Int
  let source: String

  init(_ source: String) {
    let utf8 = Array(source.utf8)
    let m = Self.marker
    let hits = (0...(utf8.count - m.count)).filter { Array(utf8[$0..<($0 + m.count)]) == m }
    precondition(hits.count == 1, "exactly one marker expected in \(source)")
    self.source = source
    self.offset = hits[0]
    self.bytes = Array(utf8[..<hits[0]]) + Array(utf8[(hits[0] + m.count)...])
  }

  var testDescription: String { source.debugDescription }
}

/// A small deterministic generator (SplitMix64) for property tests.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random JSON texts for property tests: values with random whitespace, plus their compact form.
struct JSONGenerator {
  var rng: SeededGenerator

  init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

  /// Returns (pretty, compact) spellings of one random value of at most `depth` levels.
  mutating func value(depth: Int = 4) -> (pretty: String, compact: String) {
    let choice = Int.random(in: 0..<(depth > 0 ? 8 : 6), using: &rng)
    switch choice {
    case 0: return ("null", "null")
    case 1:
      let b = Bool.random(using: &rng) ? "true" : "false"
      return (b, b)
    case 2, 3:
      let n = number()
      return (n, n)
    case 4, 5:
      let s = string()
      return (s, s)
    case 6:
      let count = Int.random(in: 0...4, using: &rng)
      var pretty = "[" + space()
      var compact = "["
      for k in 0..<count {
        if k > 0 {
          pretty += space() + "," + space()
          compact += ","
        }
        let v = value(depth: depth - 1)
        pretty += v.pretty
        compact += v.compact
      }
      return (pretty + space() + "]", compact + "]")
    default:
      let count = Int.random(in: 0...4, using: &rng)
      var pretty = "{" + space()
      var compact = "{"
      for k in 0..<count {
        if k > 0 {
          pretty += space() + "," + space()
          compact += ","
        }
        let key = "\"k\(k)\(string().dropFirst())"
        let v = value(depth: depth - 1)
        pretty += key + space() + ":" + space() + v.pretty
        compact += key + ":" + v.compact
      }
      return (pretty + space() + "}", compact + "}")
    }
  }

  mutating func space() -> String {
    let pieces = ["", "", "", " ", "\n", "\t", "\r\n", "  "]
    return pieces[Int.random(in: 0..<pieces.count, using: &rng)]
  }

  mutating func number() -> String {
    let lexemes = [
      "0", "-0", "1.50", "8E+1", "-0.0", "1e-7", "12345678901234567890123", "3.14159",
      "-17", "2E10", "0.000", "1e400", "-9223372036854775809",
    ]
    return lexemes[Int.random(in: 0..<lexemes.count, using: &rng)]
  }

  mutating func string() -> String {
    let pieces = [
      "a", "Zb", "é", "😀", #"\n"#, #"\""#, #"\\"#, #"\/"#, #"\u0041"#, #"\ud83d\ude00"#,
      "\u{2028}", " ", "日本", #"\t"#, "/",
    ]
    var s = "\""
    for _ in 0..<Int.random(in: 0...5, using: &rng) {
      s += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
    }
    return s + "\""
  }
}
