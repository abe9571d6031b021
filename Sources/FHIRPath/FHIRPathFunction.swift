/// A function the compiler knows, resolved by name at compile time.
///
/// Names are case-sensitive (`subString` is unknown). The table is FHIRPath N1 plus the
/// anonymizer's `nodesByType(s)` and `nodesByName(s)`, and the Firely functions that
/// configurations written for Microsoft's tool may use: `extension(url)`, `trim()`,
/// `split(separator)`, `join([separator])`. `is(T)`, `as(T)` and `ofType(T)` take a
/// type name and compile to ``Node/type(_:operand:type:)``, not to a call.
package enum FHIRPathFunction: UInt8, Sendable, CaseIterable {
  // Existence
  case empty, exists, all, allTrue, anyTrue, allFalse, anyFalse, subsetOf, supersetOf, count
  case distinct, isDistinct
  // Filtering and projection
  case `where`, select, `repeat`, ofType
  // Subsetting
  case single, first, last, tail, skip, take, intersect, exclude
  // Combining
  case union, combine
  // Conversion
  case iif, toBoolean, convertsToBoolean, toInteger, convertsToInteger, toDecimal
  case convertsToDecimal, toString, convertsToString, toDate, convertsToDate, toDateTime
  case convertsToDateTime, toTime, convertsToTime, toQuantity, convertsToQuantity
  // String manipulation
  case indexOf, substring, startsWith, endsWith, contains, upper, lower, replace, matches
  case replaceMatches, length, toChars
  // Math
  case abs, ceiling, floor, exp, ln, log, power, round, sqrt, truncate
  // Tree navigation, utility, boolean, types
  case children, descendants, trace, not, hasValue, `is`, `as`, now, today, timeOfDay
  // Anonymizer extensions
  case nodesByType, nodesByName
  // Firely extensions (FHIR `extension(url)`, FHIRPath 2.0 string functions)
  case `extension`, trim, split, join

  /// The name as written in expressions.
  package var name: String { String(describing: self) }

  /// How many arguments a call may have.
  package var arity: ClosedRange<Int> {
    switch self {
    case .exists: 0...1
    case .all, .subsetOf, .supersetOf, .where, .select, .repeat, .ofType, .skip, .take: 1...1
    case .intersect, .exclude, .union, .combine: 1...1
    case .iif: 2...3
    case .toQuantity, .convertsToQuantity: 0...1
    case .indexOf, .startsWith, .endsWith, .contains, .matches: 1...1
    case .substring: 1...2
    case .replace, .replaceMatches: 2...2
    case .log, .power: 1...1
    case .round: 0...1
    case .trace: 1...2
    case .is, .as, .nodesByType, .nodesByName: 1...1
    case .extension, .split: 1...1
    case .join: 0...1
    default: 0...0
    }
  }

  /// Whether the argument at `position` is evaluated once per input item with that item as
  /// focus and `$this` (`where`, `select`, `all`, `exists`, `repeat`, and the projection of
  /// `trace`), rather than once against the expression's context. `iif` arguments are
  /// evaluated lazily but not per item.
  package func evaluatesArgumentPerItem(_ position: Int) -> Bool {
    switch self {
    case .where, .select, .all, .exists, .repeat: position == 0
    case .trace: position == 1
    default: false
    }
  }

  /// The function named `name`, case-sensitively.
  package init?(name: some StringProtocol) {
    guard let function = Self.byName[String(name)] else { return nil }
    self = function
  }

  private static let byName: [String: FHIRPathFunction] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.name, $0) })

  /// `"takes no arguments"`, `"takes 1 argument"`, `"takes 1 or 2 arguments"`, ….
  var arityDescription: String {
    let r = arity
    if r.upperBound == 0 { return "takes no arguments" }
    if r.lowerBound == r.upperBound {
      return "takes \(r.lowerBound) argument\(r.lowerBound == 1 ? "" : "s")"
    }
    if r.upperBound == r.lowerBound + 1 {
      return "takes \(r.lowerBound) or \(r.upperBound) arguments"
    }
    return "takes \(r.lowerBound) to \(r.upperBound) arguments"
  }
}
