import Testing

@testable import FHIRPath

@Suite("Parser")
struct ParserTests {
  @Test(
    "precedence and associativity",
    arguments: [
      ("1 + 2 * 3", "(+ 1 (* 2 3))"),
      ("1 * 2 + 3", "(+ (* 1 2) 3)"),
      ("1 - 2 - 3", "(- (- 1 2) 3)"),
      ("a | b = c", "(= (| a b) c)"),
      ("a = b and c != d", "(and (= a b) (!= c d))"),
      ("a or b and c", "(or a (and b c))"),
      ("a implies b or c xor d", "(implies a (xor (or b c) d))"),
      ("a in b and c contains d", "(and (in a b) (contains c d))"),
      ("a < b = c > d", "(= (< a b) (> c d))"),
      ("a ~ b !~ c", "(!~ (~ a b) c)"),
      ("a & b + c", "(+ (& a b) c)"),
      ("a div b mod c", "(mod (div a b) c)"),
      ("-a.b", "(- a.b)"),
      ("-2 * 3", "(* -2 3)"),
      ("- x * 3", "(* (- x) 3)"),
      ("a[0].b", "a[0].b"),
      ("a.b[1 + 2]", "a.b[(+ 1 2)]"),
      (
        "Condition.onset | Condition.abatement as Age",
        "(| Condition.onset (as Condition.abatement Age))"
      ),
      (
        "FamilyMemberHistory.condition.onset as Age", "(as FamilyMemberHistory.condition.onset Age)"
      ),
      (
        "(nodesByType('Observation').value as Quantity).value",
        "(as nodesByType('Observation').value Quantity).value"
      ),
      ("a + b is Integer", "(is (+ a b) Integer)"),
      ("a is Integer = true", "(= (is a Integer) true)"),
      ("a as FHIR.Quantity", "(as a FHIR.Quantity)"),
      ("a is System.String", "(is a System.String)"),
      ("a.is(Integer)", "(is a Integer)"),
      ("a.as(FHIR.Age)", "(as a FHIR.Age)"),
      (
        "nodesByType('Observation').ofType(Quantity).value",
        "(ofType nodesByType('Observation') Quantity).value"
      ),
      ("ofType(Quantity)", "(ofType <focus> Quantity)"),
      ("Device.where(id.exists()).id", "Device.where(id.exists()).id"),
      ("$this>=0 and $this<20", "(and (>= $this 0) (< $this 20))"),
      ("($this div 10 -1)*10 ", "(* (- (div $this 10) 1) 10)"),
      (
        "$this.startsWith('123') or $this.endsWith('234')",
        "(or $this.startsWith('123') $this.endsWith('234'))"
      ),
      ("$this.substring(0,3)+'****'", "(+ $this.substring(0, 3) '****')"),
      ("$this > @2015-1-1", "(> $this (- (- @2015 1) 1))"),
      ("iif(a, 1, 2)", "iif(a, 1, 2)"),
      ("x.contains('a') and contains in y", "(and x.contains('a') (in contains y))"),
      ("`div`.`a b`", "div.a b"),
      (
        "%context.x | %resource | %`vs-administrative-gender`",
        "(| (| %context.x %resource) %vs-administrative-gender)"
      ),
      ("$index + $total", "(+ $index $total)"),
      ("{} | a", "(| {} a)"),
      ("a // comment\n + /* block */ b", "(+ a b)"),
      ("text.div", "text.div"),
    ])
  func precedence(_ input: String, _ expected: String) throws {
    #expect(try tree(input) == expected)
  }

  @Test(
    "literal forms",
    arguments: [
      ("true", FHIRPathValue.boolean(true)),
      ("false", .boolean(false)),
      ("42", .integer(42)),
      ("-20", .integer(-20)),
      ("5.5", .decimal(dec("5.5"))),
      ("1.50", .decimal(dec("1.50"))),
      ("-0.25", .decimal(dec("-0.25"))),
      ("'it\\'s'", str("it's")),
      ("'a\\\\b\\/c\\\"d\\`e'", str("a\\b/c\"d`e")),
      ("'\\f\\n\\r\\t'", str("\u{0C}\n\r\t")),
      ("'\\u00e9\\uD83D\\uDE00'", str("é😀")),
      ("'héllo'", str("héllo")),
      ("@2015", date("2015")),
      ("@2015-02", date("2015-02")),
      ("@2015-02-07", date("2015-02-07")),
      ("@2015-02-07T13:28:17.123+05:00", dateTime("2015-02-07T13:28:17.123+05:00")),
      ("@2015-02-07T", dateTime("2015-02-07")),
      ("@2015T", dateTime("2015")),
      ("@2015-02T", dateTime("2015-02")),
      ("@2020-01-01T00:00:00", dateTime("2020-01-01T00:00:00")),
      ("@2015-01-01T00:00", dateTime("2015-01-01T00:00")),
      ("@1990-01-01T00:00:00Z", dateTime("1990-01-01T00:00:00Z")),
      ("@2015-02-07T13", dateTime("2015-02-07T13")),
      ("@T13:45", time("13:45")),
      ("@T13:45:02.5", time("13:45:02.5")),
      ("@T13", time("13")),
      ("5 'mg'", .quantity(QuantityValue(dec("5"), unit: "mg"))),
      ("5.5'mg'", .quantity(QuantityValue(dec("5.5"), unit: "mg"))),
      ("4 days", .quantity(QuantityValue(dec("4"), unit: "days", isCalendarKeyword: true))),
      ("1 year", .quantity(QuantityValue(dec("1"), unit: "year", isCalendarKeyword: true))),
      ("-3 'wk'", .quantity(QuantityValue(dec("-3"), unit: "wk"))),
    ])
  func literals(_ input: String, _ expected: FHIRPathValue) throws {
    #expect(try literal(input) == expected)
  }

  @Test func emptyLiteralAndVariables() throws {
    let e = try FHIRPathCompiler.compile("{}")
    #expect(e[e.root] == .empty)
    let t = try FHIRPathCompiler.compile("$this")
    #expect(t[t.root] == .variable(.this))
  }

  @Test func functionsResolveToIDsAndNamesAreInterned() throws {
    let e = try FHIRPathCompiler.compile("name.where(name.given = 'x').name")
    guard case .member(let target, let outer) = e[e.root],
      case .call(_, let function, let args) = e[target]
    else {
      Issue.record("unexpected shape")
      return
    }
    #expect(function == .where)
    #expect(args.count == 1)
    #expect(e.names.count == 2)  // name, given
    #expect(e.names[Int(outer)] == bytes("name"))
    // Children always come before parents.
    for (i, node) in e.nodes.enumerated() {
      switch node {
      case .member(let t, _), .type(_, let t, _), .unary(_, let t): #expect(t < Int32(i))
      case .binary(_, let l, let r): #expect(l < Int32(i) && r < Int32(i))
      case .call(let t, _, let r):
        #expect(t < Int32(i))
        for a in e.arguments(r) { #expect(a < Int32(i)) }
      default: break
      }
    }
    #expect(e.root == Int32(e.nodes.count - 1))
  }

  @Test func columnsPointAtTokens() throws {
    let e = try FHIRPathCompiler.compile("a + bb.where(c)")
    guard case .binary(_, _, let rhs) = e[e.root] else { return }
    #expect(e.columns[Int(e.root)] == 3)
    #expect(e.columns[Int(rhs)] == 8)
  }

  @Test func literalRegexIsPrecompiled() throws {
    let e = try FHIRPathCompiler.compile(#"$this.replaceMatches('\\d+', 'n') | matches(x)"#)
    #expect(e.regexes.count == 1)
    guard case .binary(_, let lhs, let rhs) = e[e.root] else { return }
    #expect(e.regex(forCall: lhs) != nil)
    #expect(e.regex(forCall: rhs) == nil)
  }

  @Test(
    "canonical text round-trips",
    arguments: [
      "Patient.nodesByType('Address').where(city = 'KeepTest')",
      "Condition.onset | Condition.abatement as Age",
      "(nodesByType('Observation').value as Quantity).value",
      "(a | b) as Quantity",
      "a - (b - c)",
      "a - -5",
      "(-5).abs()",
      "-x.y",
      "(1 + 2) * 3",
      "a implies (b implies c)",
      "$this.toString().replaceMatches('\\\\b(?<y>\\\\d{2,4})-(?<m>\\\\d{1,2})\\\\b', '${y}')",
      "text.`div` and `a b` and `is`",
      "@2015-02-07T | @2015T | @T10:00:00.5 | @2015-02-07T13:28:17.123+05:00 | 5 'mg' | 4 days",
      "'line\\nbreak \\'q\\' \\\\'",
      "x.ofType(FHIR.Quantity).is(System.Integer)",
      "%`vs-x` | %ucum | {}",
      "a[0][1].b.skip(1)",
    ])
  func roundTrip(_ input: String) throws {
    let first = try FHIRPathCompiler.compile(input)
    let printed = first.canonicalText
    let second = try FHIRPathCompiler.compile(printed)
    #expect(first.nodes == second.nodes, "\(printed)")
    #expect(first.constants == second.constants)
    #expect(first.names == second.names)
    #expect(first.types == second.types)
    #expect(second.canonicalText == printed)
  }
}
