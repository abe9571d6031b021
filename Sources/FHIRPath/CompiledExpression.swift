import RegexEngine

/// A FHIRPath expression checked and compiled into a flat syntax tree for a tree-walking
/// evaluator.
///
/// Nodes live in ``nodes`` children-first and refer to each other and to the side tables by
/// `Int32` index; ``root`` is the last node. Function names are resolved to
/// ``FHIRPathFunction`` ids and arities are checked, so evaluation never looks at names except
/// for child navigation (``names``, raw UTF-8 bytes to compare against JSON keys). String
/// patterns of `matches()` / `replaceMatches()` given as literals are compiled once, here.
///
/// A struct: as a final class it saved 0.6% of the instructions, but a class reference inside a
/// multi-payload enum (a rule's selector) carries the case in its spare bits, which
/// LeakSanitizer does not read as a pointer, so every fuzz run of the engine reported the
/// rules' expressions as leaked.
package struct CompiledExpression: Sendable {
  /// The expression text as given.
  package let source: String
  /// All nodes, children before parents.
  package let nodes: [Node]
  /// The 1-based column of each node (its first token; the operator for binary nodes), for
  /// run-time error messages.
  package let columns: [Int32]
  /// The node the expression evaluates.
  package let root: Int32
  /// Argument node indices of ``Node/call(target:function:arguments:)`` nodes.
  package let arguments: [Int32]
  /// Member names, unescaped UTF-8, interned (equal names share an index).
  package let names: [[UInt8]]
  /// Literal values.
  package let constants: [FHIRPathValue]
  /// Type names of `is` / `as` / `ofType`.
  package let types: [TypeSpecifier]
  /// External constants used.
  package let environment: [EnvironmentVariable]
  /// Compiled literal regular expressions by the index of their call node.
  package let regexes: [Int32: DotNetRegex]

  /// The node at `index`.
  package subscript(_ index: Int32) -> Node { nodes[Int(index)] }

  /// The argument nodes of a call's argument range.
  package func arguments(_ range: Range<Int32>) -> ArraySlice<Int32> {
    arguments[Int(range.lowerBound)..<Int(range.upperBound)]
  }

  /// The precompiled pattern of a `matches` / `replaceMatches` call whose pattern is a literal.
  package func regex(forCall node: Int32) -> DotNetRegex? { regexes[node] }
}

/// Compiles FHIRPath expressions.
package enum FHIRPathCompiler {
  /// Parses and checks `text`: N1 syntax, known function names (case-sensitive) and arities,
  /// type specifiers, environment variables, literal ranges and literal regex patterns.
  ///
  /// Throws a ``FHIRPathError`` with the 1-based column of the first problem.
  package static func compile(_ text: String) throws(FHIRPathError) -> CompiledExpression {
    var parser = try Parser(text)
    return try parser.parseAll()
  }
}
