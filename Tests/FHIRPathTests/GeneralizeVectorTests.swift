import RegexEngine
import Testing

@testable import FHIRPath

/// Spec §11.7 generalize vectors, run through the compiler and the value semantics with a
/// deliberately tiny single-item evaluator (the real evaluator is built elsewhere).
@Suite("Spec §11.7 generalize vectors")
struct GeneralizeVectorTests {
  struct Unsupported: Error {}

  /// Evaluates the subset used by generalize cases; nil is an empty result.
  static func eval(_ e: CompiledExpression, _ i: Int32, this: FHIRPathValue) throws
    -> FHIRPathValue?
  {
    switch e[i] {
    case .focus, .variable(.this): return this
    case .literal(let k): return e.constants[Int(k)]
    case .binary(let op, let l, let r):
      let a = try eval(e, l, this: this)
      let b = try eval(e, r, this: this)
      func truth(_ v: FHIRPathValue?) -> Bool? {
        guard let v else { return nil }
        if case .boolean(let x) = v { return x }
        return true
      }
      switch op {
      case .and:
        let (x, y) = (truth(a), truth(b))
        if x == false || y == false { return .boolean(false) }
        return x == true && y == true ? .boolean(true) : nil
      case .or:
        let (x, y) = (truth(a), truth(b))
        if x == true || y == true { return .boolean(true) }
        return x == false && y == false ? .boolean(false) : nil
      case .equal:
        guard let a, let b else { return nil }
        return FHIRPathValue.equals(a, b).map { .boolean($0) }
      case .equivalent:
        guard let a, let b else { return .boolean(a == nil && b == nil) }
        return .boolean(FHIRPathValue.isEquivalent(a, b))
      case .less, .lessOrEqual, .greater, .greaterOrEqual:
        guard let a, let b else { return nil }
        return try FHIRPathValue.evaluate(op, a, b).map { .boolean($0) }
      default:
        guard let a, let b else { return nil }
        return try FHIRPathValue.arithmetic(op, a, b)
      }
    case .call(let target, let function, let range):
      guard let t = try eval(e, target, this: this) else { return nil }
      let args = try e.arguments(range).map { try eval(e, $0, this: this) }
      switch (function, t) {
      case (.toString, _): return .string(t.text)
      case (.startsWith, .string(let s)):
        guard case .string(let p) = args[0] else { return nil }
        return .boolean(FHIRPathString.startsWith(s, p))
      case (.endsWith, .string(let s)):
        guard case .string(let p) = args[0] else { return nil }
        return .boolean(FHIRPathString.endsWith(s, p))
      case (.substring, .string(let s)):
        guard case .integer(let start) = args[0] else { return nil }
        var length: Int64?
        if args.count > 1, case .integer(let n) = args[1] { length = n }
        return FHIRPathString.substring(s, start: start, length: length).map { .string($0) }
      case (.replaceMatches, .string(let s)):
        guard let regex = e.regex(forCall: i), case .string(let sub) = args[1] else {
          throw Unsupported()
        }
        return .string(try regex.replacingMatches(in: s, with: sub))
      default: throw Unsupported()
      }
    default: throw Unsupported()
    }
  }

  /// Applies generalize: the first case whose condition is not exactly `false` wins; returns
  /// the `toString()` of its value expression, or nil when no case matches.
  static func generalize(_ value: FHIRPathValue, _ cases: [(String, String)]) throws -> String? {
    for (condition, result) in cases {
      let c = try FHIRPathCompiler.compile(condition)
      if try eval(c, c.root, this: value) == .boolean(false) { continue }
      let r = try FHIRPathCompiler.compile(result)
      return text(try eval(r, r.root, this: value))
    }
    return nil
  }

  static let ranges = [
    ("$this>=0 and $this<20", "20"), ("$this>=20 and $this<40", "40"),
    ("$this>=40 and $this<60", "60"), ("$this>=60 and $this<80", "80"),
  ]

  @Test("range mapping", arguments: [(5, "20"), (20, "40"), (43, "60"), (78, "80"), (110, nil)])
  func rangeMapping(_ n: Int64, _ expected: String?) throws {
    #expect(try Self.generalize(.integer(n), Self.ranges) == expected)
  }

  @Test(
    "arithmetic value expressions",
    arguments: [(5, "-10"), (20, "10"), (43, "30"), (78, "60"), (24, "10")])
  func divExpression(_ n: Int64, _ expected: String) throws {
    #expect(
      try Self.generalize(.integer(n), [("$this>=-20 and $this<80", "($this div 10 -1)*10 ")])
        == expected)
  }

  @Test func divisionAndIdentity() throws {
    #expect(try Self.generalize(.integer(5), [("$this>=0 and $this<20", "$this / 2")]) == "2.5")
    #expect(try Self.generalize(.integer(5), [("$this<5.5", "$this")]) == "5")
  }

  @Test(
    "masking strings",
    arguments: [
      ("1230005", "123****"), ("1238765", "123****"), ("2345234", "234****"), ("1111111", nil),
      ("7654321", nil),
    ])
  func mask(_ s: String, _ expected: String?) throws {
    let cases = [
      ("$this.startsWith('123') or $this.endsWith('234')", "$this.substring(0,3)+'****'")
    ]
    #expect(try Self.generalize(str(s), cases) == expected)
  }

  @Test(
    "date cases",
    arguments: [
      ("1990-01-01", "1990"), ("2000-01-01", nil), ("1990", "1990"), ("2000", "1990"),
      ("2010", "2010-01-01"), ("2010-01-01", "2010-01-01"), ("2010-01-02", "2010-01-01"),
      ("2020", "2020-01-01"), ("2020-01-01", nil), ("2020-05-20", nil), ("2021-05-20", nil),
    ])
  func dates(_ value: String, _ expected: String?) throws {
    let cases = [
      ("$this >= @1990-01-01 and $this < @2000-01-01", "@1990"),
      ("$this = @2010", "@2010-01-01"),
      ("$this ~ @2020", "@2020-01-01"),
    ]
    #expect(try Self.generalize(date(value), cases) == expected)
  }

  @Test(
    "dateTime cases",
    arguments: [
      ("1990-01-01T00:00:00Z", "1990"), ("1990-01-01T00:00:00+08:00", nil),
      ("1990-01-01", "1990"), ("1990-01", "1990"), ("2000-01-01T00:00:00Z", nil),
      ("2000-01-01T00:00:00+08:00", "1990"), ("2000-01-01T00:00:00+09:00", "1990"),
      ("2000-01-01T00:00:00-09:00", nil), ("2010-01-01", nil), ("2010-01-01T00:00:00Z", nil),
      ("2010-01-01T00:00:00+08:00", "2010-01-01"), ("2010-01-01T00:00:00+09:00", nil),
      ("2009-12-31T16:00:00Z", "2010-01-01"), ("2020-01-01T00:00:00", "2020-01-01"),
      ("2020-01-01T00:00:00+08:00", nil), ("2020-01-01", nil),
    ])
  func dateTimes(_ value: String, _ expected: String?) throws {
    let cases = [
      (
        "$this >= @1990-01-01T00:00:00Z and $this <= @2000-01-01T00:00:00+08:00", "@1990"
      ),
      ("$this = @2010-01-01T00:00:00+08:00", "@2010-01-01"),
      ("$this ~ @2020-01-01T00:00:00", "@2020-01-01"),
    ]
    #expect(try Self.generalize(dateTime(value), cases) == expected)
  }

  @Test(
    "instant cases",
    arguments: [
      ("2001-04-06T04:13:14Z", "1990-01-01T00:00:00Z"),
      ("1995-04-06T05:13:14+05:00", "1990-01-01T00:00:00Z"),
      ("2020-04-06T05:13:14+05:00", nil),
    ])
  func instants(_ value: String, _ expected: String?) throws {
    let cases = [
      (
        "$this >= @1990-01-01T00:00:00Z and $this <= @2020-01-01T00:00:00+08:00",
        "@1990-01-01T00:00:00Z"
      )
    ]
    #expect(try Self.generalize(dateTime(value), cases) == expected)
  }

  @Test("first match wins", arguments: [(18, "20"), (31, "40"), (45, "60"), (110, "80")])
  func firstMatchWins(_ n: Int64, _ expected: String) throws {
    let cases = [
      ("$this>=0 and $this<20", "20"), ("$this>=10 and $this<40", "40"),
      ("$this>=30 and $this<60", "60"), ("true", "80"),
    ]
    #expect(try Self.generalize(.integer(n), cases) == expected)
  }

  @Test(
    "omit day with replaceMatches",
    arguments: [
      (date("1990-11-01"), "1990-11"), (date("1990"), "1990"), (date("1990-11"), "1990-11"),
    ])
  func omitDay(_ value: FHIRPathValue, _ expected: String) throws {
    let expression =
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
      + #"(?<day>\\d{1,2})\\b','${year}-${month}')"#
    #expect(try Self.generalize(value, [("true", expression)]) == expected)
  }

  @Test(
    "omit day, dateTime variant",
    arguments: ["1990-01-01T00:00:00Z", "1990-01-01T00:00:00", "1990-01-01"])
  func omitDayDateTime(_ value: String) throws {
    let expression =
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
      + #"(?<day>\\d{1,2})(T)?(?<hour>\\d{1,2})?(:)?(?<minute>\\d{1,2})?(:)?"#
      + #"(?<second>\\d{1,2})?(Z)?\\b','${year}-${month}')"#
    #expect(try Self.generalize(dateTime(value), [("true", expression)]) == "1990-01")
  }

  @Test func processingErrors() throws {
    #expect(throws: FHIRPathEvaluationError(.incomparableTypes)) {
      try Self.generalize(.integer(5), [("$this>='0' and $this<'20'", "1")])
    }
    #expect(throws: FHIRPathEvaluationError(.incomparableTypes)) {
      try Self.generalize(str("2015-01-01"), [("$this > @2015-01-01", "1")])
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try Self.generalize(date("2015-01-01"), [("$this > @2015-1-1", "1")])
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try Self.generalize(dateTime("2015-01-01T10:00:00Z"), [("$this > @2015-1-1", "1")])
    }
  }
}
