import Testing

@testable import FHIRPath

@Suite("Compile-time rejection")
struct CompileErrorTests {
  @Test(
    "syntax errors with column",
    arguments: [
      // Spec §1.5 / §7.2 rejection cases
      ("$this>=0 && $this<20", 11, "expected an expression, found '&'"),
      ("&&", 1, "expected an expression, found '&'"),
      ("$this<=10 add $this>=0", 11, "unexpected identifier 'add'"),
      ("10 add", 4, "unexpected identifier 'add'"),
      ("$this sub 1", 7, "unexpected identifier 'sub'"),
      ("10++", 5, "expected an expression, found end of expression"),
      ("", 1, "empty expression"),
      ("   ", 1, "empty expression"),
      // Parentheses and brackets
      ("(a", 3, "expected ')', found end of expression"),
      ("a)", 2, "unexpected ')'"),
      ("a.where(b", 10, "expected ')', found end of expression"),
      ("a.where(b c)", 11, "expected ')', found identifier 'c'"),
      ("a[0", 4, "expected ']', found end of expression"),
      ("{", 2, "expected '}', found end of expression"),
      ("a..b", 3, "expected a name after '.', found '.'"),
      ("a and", 6, "expected an expression, found end of expression"),
      ("and b", 1, "expected an expression, found 'and'"),
      ("a !b", 3, "unexpected character '!'"),
      ("a # b", 3, "unexpected character '#'"),
      // Bad literals
      ("'abc", 1, "unterminated string"),
      ("'a\\qb'", 3, "invalid escape sequence"),
      ("'\\u12'", 2, "invalid \\u escape"),
      ("'\\uDC00'", 2, "invalid \\u escape"),
      ("@2015-13-01", 1, "invalid date literal"),
      ("@2015-02-30", 1, "invalid date literal"),
      ("@201", 1, "invalid date literal"),
      ("@T25:00", 1, "invalid time literal"),
      ("@T10:61", 1, "invalid time literal"),
      ("1 + 99999999999999999999", 5, "integer literal out of range"),
      ("`a", 1, "unterminated identifier"),
      ("/* open", 1, "unterminated comment"),
      ("$foo", 1, "unknown variable; expected $this, $index or $total"),
      ("%foo", 1, "unknown environment variable"),
      // Types
      ("a as", 5, "expected a type name, found end of expression"),
      ("a is 5", 6, "expected a type name, found number"),
      ("a as Quantity.value", 6, "invalid type specifier: only FHIR and System qualify a type"),
      ("ofType('Quantity')", 8, "function 'ofType' expects a type name"),
      // Column counts Unicode scalars, not bytes
      ("'é😀' add", 6, "unexpected identifier 'add'"),
    ])
  func syntaxError(_ input: String, _ column: Int, _ message: String) {
    let e = compileError(input)
    #expect(e == FHIRPathError(message, column: column), "\(input)")
  }

  @Test(
    "unknown functions and arity",
    arguments: [
      ("invalid()", 1, "unknown function 'invalid'"),
      ("Patient.subString(0)", 9, "unknown function 'subString'"),
      ("Patient.Where(true)", 9, "unknown function 'Where'"),
      ("name.given.exists(1, 2)", 12, "function 'exists' takes 0 or 1 arguments"),
      ("substring()", 1, "function 'substring' takes 1 or 2 arguments"),
      ("a.substring(1, 2, 3)", 3, "function 'substring' takes 1 or 2 arguments"),
      ("a.count(1)", 3, "function 'count' takes no arguments"),
      ("where()", 1, "function 'where' takes 1 argument"),
      ("iif(a)", 1, "function 'iif' takes 2 or 3 arguments"),
      ("replaceMatches('a')", 1, "function 'replaceMatches' takes 2 arguments"),
      ("nodesByType()", 1, "function 'nodesByType' takes 1 argument"),
      ("nodesByName('a', 'b')", 1, "function 'nodesByName' takes 1 argument"),
      ("x.ofType()", 3, "function 'ofType' takes 1 argument"),
      ("x.is(A, B)", 3, "function 'is' takes 1 argument"),
    ])
  func functionErrors(_ input: String, _ column: Int, _ message: String) {
    #expect(compileError(input) == FHIRPathError(message, column: column), "\(input)")
  }

  @Test func invalidLiteralRegexIsRejectedAtItsColumn() {
    let e = compileError("$this.matches('a(b')")
    #expect(e?.column == 15)
    #expect(e?.message.hasPrefix("invalid regular expression: ") == true)
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
    #expect(compileError(deep)?.message == "expression nested too deeply")
    // Member chains are parsed by a loop, but the tree height is bounded too.
    let chain = Array(repeating: "a", count: 300).joined(separator: ".")
    #expect(compileError(chain)?.message == "expression nested too deeply")
    #expect(compileError(Array(repeating: "a", count: 200).joined(separator: ".")) == nil)
  }

  @Test func messagesDoNotEchoStringLiterals() {
    for input in ["'Jane Doe' add", "'Jane Doe' 'Smith'", "x = 'Jane Doe' )"] {
      let e = compileError(input)
      #expect(e != nil)
      #expect(e?.message.contains("Jane") == false, "\(input)")
    }
  }

  @Test(
    "every function in the table compiles with its arity",
    arguments: FHIRPathFunction.allCases)
  func tableArity(_ f: FHIRPathFunction) throws {
    let isType = f == .is || f == .as || f == .ofType
    for n in f.arity {
      let args = (0..<n).map { _ in isType ? "Quantity" : "1" }.joined(separator: ", ")
      _ = try FHIRPathCompiler.compile("x.\(f.name)(\(args))")
    }
    let tooMany = (0...f.arity.upperBound).map { _ in "1" }.joined(separator: ", ")
    #expect(compileError("x.\(f.name)(\(tooMany))") != nil)
  }

  @Test(
    "spec §7.2 sample paths compile",
    arguments: [
      "Patient.nodesByType('Address').where(city='KeepTest')",
      "Device.where(id.exists()).id",
      "FamilyMemberHistory.condition.onset as Age",
      "Condition.onset | Condition.abatement as Age",
      "(nodesByType('Observation').value as Quantity).value",
      "nodesByType('Observation').ofType(Quantity).value",
      "nodesByType('ContactPoint').where(use='home')",
      "nodesByType('date') | nodesByType('dateTime') | nodesByType('instant')",
      "nodesByType('Address').country | nodesByType('Address').state",
      "nodesByType('Address').where(city='patienttestcity1').city",
      "$this>=-20 and $this<80",
      "($this div 10 -1)*10 ",
      "$this.startsWith('123') or $this.endsWith('234')",
      "$this.substring(0,3)+'****'",
      "$this >= @1990-01-01T00:00:00Z and $this <= @2000-01-01T00:00:00+08:00",
      "$this ~ @2020-01-01T00:00:00",
      "@T12:00:00",
      #"$this.toString().replaceMatches('\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-"#
        + #"(?<day>\\d{1,2})\\b','${year}-${month}')"#,
    ])
  func samplePaths(_ path: String) throws {
    _ = try FHIRPathCompiler.compile(path)
  }
}
