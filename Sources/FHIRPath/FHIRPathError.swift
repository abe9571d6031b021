/// A FHIRPath expression that cannot be compiled, and where.
///
/// The message names the problem (a token kind, a function name, an arity) but never echoes
/// string literals or other long stretches of the expression. `column` is 1-based and counts
/// Unicode scalars of the expression text.
package struct FHIRPathError: Error, Equatable, Sendable {
  package var message: String
  package var column: Int

  package init(_ message: String, column: Int) {
    self.message = message
    self.column = column
  }
}

extension FHIRPathError: CustomStringConvertible {
  package var description: String { "column \(column): \(message)" }
}

/// A FHIRPath evaluation that must stop with an error rather than produce a result.
///
/// Thrown by the value operations (comparison of incompatible types, arithmetic overflow, a
/// runaway regular expression) and by the evaluator. The payload is a code and the 1-based
/// column of the expression node that failed (0 when not known, as in the value operations
/// themselves): it never carries a value.
package struct FHIRPathEvaluationError: Error, Equatable, Sendable {
  package enum Code: UInt8, Sendable, CaseIterable {
    /// `<`, `>`, `<=` or `>=` on values of types that cannot be ordered against each other.
    case incomparableTypes
    /// An operator or function applied to operand types it is not defined for.
    case invalidOperandTypes
    /// Integer or decimal arithmetic left the representable range.
    case overflow
    /// A date, dateTime or time moved outside years 1 to 9999.
    case dateOutOfRange
    /// A regular expression that does not compile (pattern given at run time).
    case invalidRegex
    /// A regular expression exceeded its backtracking budget.
    case regexTooComplex
    /// A collection with more than one item where a single item is required.
    case singletonExpected
    /// A node's text does not parse as its FHIR type (a `date` that is not a date).
    case invalidValue
    /// A function argument of the wrong type (`skip('a')`, `substring(1.5)`).
    case invalidArgument
    /// `repeat()` produced more items than the evaluator allows.
    case tooManyItems
    /// The evaluations of one resource took more steps than the evaluator's step limit.
    case stepLimitExceeded
  }

  package var code: Code
  /// The 1-based column of the failing expression node; 0 when not known.
  package var column: Int
  /// For `.invalidValue`: the resource-tree node whose text does not parse (its element path
  /// names it without its value); -1 otherwise.
  package var node: Int32

  package init(_ code: Code, column: Int = 0, node: Int32 = -1) {
    self.code = code
    self.column = column
    self.node = node
  }
}

extension FHIRPathEvaluationError: CustomStringConvertible {
  package var description: String {
    column > 0 ? "column \(column): \(code)" : code.description
  }
}

extension FHIRPathEvaluationError.Code: CustomStringConvertible {
  package var description: String {
    switch self {
    case .incomparableTypes: "values of these types cannot be compared"
    case .invalidOperandTypes: "operator or function not defined for these operand types"
    case .overflow: "arithmetic overflow"
    case .dateOutOfRange: "date outside years 1 to 9999"
    case .invalidRegex: "invalid regular expression"
    case .regexTooComplex: "regular expression needs too many steps"
    case .singletonExpected: "a single item is required, the collection has several"
    case .invalidValue: "a value does not parse as its FHIR type"
    case .invalidArgument: "function argument of the wrong type"
    case .tooManyItems: "repeat() produced too many items"
    case .stepLimitExceeded: "the FHIRPath step limit for one resource is reached"
    }
  }
}
