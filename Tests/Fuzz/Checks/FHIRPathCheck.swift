import FHIRPath

/// The FHIRPath target: compiling any text either succeeds or throws a ``FHIRPathError`` whose
/// column lies within the text; a compiled expression prints as canonical text that compiles to
/// the same tree and prints the same again.
///
/// Evaluation is not fuzzed here: the evaluator has no work limit yet (issue 8, item 6), so a
/// short expression can run for minutes; with a limit, evaluate against a fixed resource here.
enum FHIRPathCheck {
  static func check(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    let text = String(decoding: input, as: UTF8.self)
    let first: CompiledExpression
    do {
      first = try FHIRPathCompiler.compile(text)
    } catch {
      let scalars = text.unicodeScalars.count
      try require(
        error.column >= 1 && error.column <= scalars + 1,
        "error column \(error.column) outside 1...\(scalars + 1)")
      try require(!error.message.isEmpty, "empty error message")
      return
    }
    let printed = first.canonicalText
    let second: CompiledExpression
    do {
      second = try FHIRPathCompiler.compile(printed)
    } catch {
      throw FuzzViolation("canonical text \(printed) does not compile: \(error)")
    }
    try require(first.nodes == second.nodes, "canonical text \(printed) compiles to other nodes")
    try require(first.constants == second.constants, "canonical text changes the constants")
    try require(first.names == second.names, "canonical text changes the names")
    try require(first.types == second.types, "canonical text changes the type specifiers")
    try require(second.canonicalText == printed, "canonical text is not a fixed point")
  }
}
