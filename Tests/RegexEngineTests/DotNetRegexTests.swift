import Testing

@testable import RegexEngine

@Suite("Regex")
struct RegexTests {
  func matches(_ pattern: String, _ input: String) throws -> Bool {
    try DotNetRegex(pattern).isMatch(bytes(input))
  }

  func replace(_ pattern: String, _ input: String, _ substitution: String) throws -> String {
    String(
      decoding: try DotNetRegex(pattern).replacingMatches(
        in: bytes(input), with: bytes(substitution)),
      as: UTF8.self)
  }

  @Test(
    "isMatch searches anywhere",
    arguments: [
      ("abc", "xxabcxx", true), ("^abc", "xabc", false), ("abc$", "abc\n", true),
      ("abc\\z", "abc\n", false), ("abc\\Z", "abc\n", true), ("\\Aab", "ab", true),
      ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true), ("(?m)^b", "a\nb", true),
      ("^b", "a\nb", false), ("\\d{3}", "ab12c", false), ("\\d{3}", "ab123", true),
      ("\\d", "٣", true), ("\\w+", "é", true), ("\\s", "\u{00A0}", true), ("\\S", " ", false),
      ("[a-c]+x", "bbx", true), ("[^a-c]", "abc", false), ("[\\d-]", "-", true),
      ("[]a]", "]", true), ("[a\\-z]", "-", true), ("\\bcat\\b", "a cat!", true),
      ("\\bcat\\b", "concat", false), ("\\Bcat", "concat", true), ("colou?r", "color", true),
      ("a{2,3}", "a", false), ("a{2,}", "aaaa", true), ("x{,2}", "x{,2}", true),
      ("(?i)HeLLo", "hello", true), ("(?i:A)b", "aB", false), ("(?i)[a-z]", "Q", true),
      ("\\p{Lu}", "é", false), ("\\p{Lu}", "É", true), ("\\P{L}", "a", false),
      ("(a)\\1", "aa", true), ("(a)\\1", "ab", false), ("(?<x>a)\\k<x>", "aa", true),
      ("(?i)(a)\\1", "aA", true), ("foo(?=bar)", "foobar", true), ("foo(?!bar)", "foobar", false),
      ("(?<=\\$)\\d+", "cost $42", true), ("(?<!\\$)\\b\\d+", "$42", false),
      ("(?>a+)b", "aaab", true), ("(?>a+)a", "aaa", false), ("a|b|c", "xcx", true),
      ("\\x41\\u0042\\t", "AB\t", true), ("\\.\\*\\+", ".*+", true), ("(?x) a b # c", "ab", true),
      ("(?#comment)a", "a", true), ("😀+", "x😀😀", true), ("^.$", "😀", true),
      ("(a*)*b", "aaab", true), ("(a|)*c", "c", true),
    ])
  func isMatch(_ pattern: String, _ input: String, _ expected: Bool) throws {
    #expect(try matches(pattern, input) == expected, "\(pattern)")
  }

  @Test func greedyAndLazyCaptures() throws {
    let greedy = try DotNetRegex("<(.+)>")
    let lazy = try DotNetRegex("<(.+?)>")
    let input = bytes("<a><b>")
    #expect(try greedy.firstMatch(in: input)?.groups == [1..<5])
    #expect(try lazy.firstMatch(in: input)?.groups == [1..<2])
    #expect(try DotNetRegex("a{2,3}?").firstMatch(in: bytes("aaaa"))?.range == 0..<2)
    #expect(try DotNetRegex("a??b").firstMatch(in: bytes("ab"))?.range == 0..<2)
    #expect(try DotNetRegex("(a)|(b)").firstMatch(in: bytes("b"))?.groups == [nil, 0..<1])
  }

  @Test func dotNetGroupNumbering() throws {
    // Unnamed groups are numbered first, then named groups.
    let r = try DotNetRegex("(?<year>\\d+)-(\\d+)")
    #expect(r.captureGroupCount == 2)
    #expect(r.groupNames == ["year": 2])
    #expect(try replace("(?<year>\\d+)-(\\d+)", "1990-11", "$1/$2/${year}") == "11/1990/1990")
    // With explicit capture, only named groups capture, numbered from 1.
    #expect(try replace("(?n)(a)(?<b>b)", "ab", "[$1|${b}|$2]") == "[b|b|$2]")
  }

  @Test(
    "replaceMatches like .NET Regex.Replace",
    arguments: [
      (
        "\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-(?<day>\\d{1,2})\\b", "1990-11-01",
        "${year}-${month}", "1990-11"
      ),
      (
        "\\b(?<year>\\d{2,4})-(?<month>\\d{1,2})-(?<day>\\d{1,2})\\b", "1990", "${year}-${month}",
        "1990"
      ),
      ("x*", "abc", "-", "-a-b-c-"),
      ("a", "banana", "o", "bonono"),
      ("(\\w+)@(\\w+)", "jo@ex", "$2 at $1", "ex at jo"),
      ("b", "abc", "[$&|$0|$`|$'|$_|$$]", "a[b|b|a|c|abc|$]c"),
      ("(b)", "abc", "$2${x}$9${1}$", "a$2${x}$9b$c"),
      ("(b)(c)?", "abd", "<$+>", "a<>d"),
      ("é", "café é", "e", "cafe e"),
      ("\\s+", "a \t b", " ", "a b"),
      ("^", "ab", ">", ">ab"),
      ("$", "ab", "<", "ab<"),
      ("(?i)AB", "xaBx", "_", "x_x"),
      ("q", "abc", "z", "abc"),
    ])
  func replacement(_ pattern: String, _ input: String, _ sub: String, _ expected: String) throws {
    #expect(try replace(pattern, input, sub) == expected)
  }

  @Test(
    "unsupported or invalid patterns are refused",
    arguments: [
      "(", ")", "a{2,1}", "*a", "+", "a**", "\\q", "[z-a]", "[a", "(?<1>a)", "\\G", "(?(a)b|c)",
      "[a-z-[aeiou]]", "\\p{IsGreek}", "\\k<nope>", "(a)\\2", "(?<a-b>x)", "\\", "(?z)", "\\x4",
    ])
  func refused(_ pattern: String) {
    #expect(throws: RegexSyntaxError.self) { try DotNetRegex(pattern) }
  }

  @Test func catastrophicBacktrackingIsBounded() {
    let r = try? DotNetRegex("(a+)+b")
    let input = bytes(String(repeating: "a", count: 40))
    #expect(throws: RegexTooComplex()) { try r?.isMatch(input) }
  }
}

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
