import FHIRTree

/// Arithmetic operators on single System values.
///
/// Results: nil is an empty result (division by zero); a thrown `.invalidOperandTypes` is an
/// operator applied to types it does not support (`'a' + 1`, `@2015 - 1`), and `.overflow` an
/// integer or decimal result out of range (integers do not wrap).
extension FHIRPathValue {
  /// Evaluates `+ - * / div mod` on two single values. Other operators throw
  /// `.invalidOperandTypes`.
  package static func arithmetic(
    _ op: BinaryOperator, _ a: FHIRPathValue, _ b: FHIRPathValue
  ) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    switch op {
    case .add: try add(a, b)
    case .subtract: try subtract(a, b)
    case .multiply: try multiply(a, b)
    case .divide: try divide(a, b)
    case .div: try truncatedDivide(a, b)
    case .mod: try modulo(a, b)
    default: throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// `+`: numbers (Integer + Integer stays Integer, otherwise Decimal), string concatenation,
  /// quantities with identical units, and Date/DateTime/Time + time-valued Quantity.
  package static func add(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue
  {
    switch (a, b) {
    case (.integer(let x), .integer(let y)):
      let (sum, overflow) = x.addingReportingOverflow(y)
      guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(sum)
    case (.string(let x), .string(let y)):
      return .string(x + y)
    case (.date(let d), .quantity(let q)):
      return .date(try d.adding(q, isDate: true))
    case (.dateTime(let d), .quantity(let q)):
      return .dateTime(try d.adding(q))
    case (.time(let t), .quantity(let q)):
      return .time(try t.adding(q))
    case (.quantity(let x), .quantity(let y)):
      return .quantity(try quantitySum(x, y, subtract: false))
    default:
      guard let (x, y) = numericPair(a, b) else {
        throw FHIRPathEvaluationError(.invalidOperandTypes)
      }
      return .decimal(try x.adding(y))
    }
  }

  /// `-`: numbers, quantities with identical units, Date/DateTime/Time - Quantity.
  package static func subtract(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue
  {
    switch (a, b) {
    case (.integer(let x), .integer(let y)):
      let (difference, overflow) = x.subtractingReportingOverflow(y)
      guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(difference)
    case (.date(let d), .quantity(let q)):
      return .date(try d.adding(q, isDate: true, subtract: true))
    case (.dateTime(let d), .quantity(let q)):
      return .dateTime(try d.adding(q, subtract: true))
    case (.time(let t), .quantity(let q)):
      return .time(try t.adding(q, subtract: true))
    case (.quantity(let x), .quantity(let y)):
      return .quantity(try quantitySum(x, y, subtract: true))
    default:
      guard let (x, y) = numericPair(a, b) else {
        throw FHIRPathEvaluationError(.invalidOperandTypes)
      }
      return .decimal(try x.subtracting(y))
    }
  }

  /// `*`: numbers, and a quantity scaled by a number (either side).
  package static func multiply(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue
  {
    switch (a, b) {
    case (.integer(let x), .integer(let y)):
      let (product, overflow) = x.multipliedReportingOverflow(by: y)
      guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(product)
    case (.quantity(var q), let n), (let n, .quantity(var q)):
      guard let factor = n.numericValue else { throw FHIRPathEvaluationError(.invalidOperandTypes) }
      q.value = try q.value.multiplied(by: factor)
      return .quantity(q)
    default:
      guard let (x, y) = numericPair(a, b) else {
        throw FHIRPathEvaluationError(.invalidOperandTypes)
      }
      return .decimal(try x.multiplied(by: y))
    }
  }

  /// `/`: always a Decimal for numbers (`5 / 2` is `2.5`); a quantity divided by a number
  /// keeps its unit. Division by zero is nil (empty).
  package static func divide(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue?
  {
    if case .quantity(var q) = a, let divisor = b.numericValue {
      guard let v = try q.value.divided(by: divisor) else { return nil }
      q.value = v
      return .quantity(q)
    }
    guard let (x, y) = numericPair(a, b) else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    return try x.divided(by: y).map { .decimal($0) }
  }

  /// `div`: truncated division; Integer for two Integers, otherwise a Decimal with scale 0
  /// (`5.5 div 0.7` is `7`). Division by zero is nil.
  package static func truncatedDivide(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue?
  {
    if case .integer(let x) = a, case .integer(let y) = b {
      guard y != 0 else { return nil }
      let (q, overflow) = x.dividedReportingOverflow(by: y)
      guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(q)
    }
    guard let (x, y) = numericPair(a, b) else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    return try x.truncatingDivision(by: y).map { .decimal($0) }
  }

  /// `mod`: remainder of truncated division with the sign of the dividend (C# `%`); Integer
  /// for two Integers, otherwise Decimal (`5.5 mod 0.7` is `0.6`). Modulo zero is nil.
  package static func modulo(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue?
  {
    if case .integer(let x) = a, case .integer(let y) = b {
      guard y != 0 else { return nil }
      let (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
      guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(r)
    }
    guard let (x, y) = numericPair(a, b) else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    return try x.remainder(dividingBy: y).map { .decimal($0) }
  }

  /// `&`: string concatenation where an empty operand (nil) counts as the empty string.
  package static func concatenate(_ a: [UInt8]?, _ b: [UInt8]?) -> [UInt8] {
    (a ?? []) + (b ?? [])
  }

  /// Unary `-` on Integer, Decimal or Quantity; unary `+` returns those unchanged. Throws
  /// `.invalidOperandTypes` for other types, `.overflow` for `-(-9223372036854775808)`.
  package static func applyPolarity(_ op: UnaryOperator, _ a: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> FHIRPathValue
  {
    switch a {
    case .integer(let x):
      guard op == .negate else { return a }
      guard x != .min else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(-x)
    case .decimal(let x):
      return op == .negate ? .decimal(x.negated) : a
    case .quantity(var q):
      if op == .negate { q.value = q.value.negated }
      return .quantity(q)
    default:
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  static func quantitySum(_ x: QuantityValue, _ y: QuantityValue, subtract: Bool)
    throws(FHIRPathEvaluationError) -> QuantityValue
  {
    guard x.isCalendarKeyword == y.isCalendarKeyword, x.unit == y.unit else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    var result = x
    result.value = subtract ? try x.value.subtracting(y.value) : try x.value.adding(y.value)
    return result
  }
}
