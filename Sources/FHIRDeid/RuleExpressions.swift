import FHIRPath

/// Compiles the FHIRPath expressions of a configuration at load time.
enum RuleExpressions {
  /// Compiles `expression`, or throws a configuration error naming `at` and the column.
  @discardableResult
  static func compile(_ expression: String, at: String) throws(ConfigurationError)
    -> CompiledExpression
  {
    do {
      return try FHIRPathCompiler.compile(expression)
    } catch {
      throw ConfigurationError("\(at): FHIRPath error at column \(error.column): \(error.message)")
    }
  }
}
