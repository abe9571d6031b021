import FHIRTree

/// Equality, equivalence and ordering of single System values (Firely 5 / FHIRPath N1).
///
/// The evaluator handles collections (empty operands, multi-item operands, complex nodes); these
/// functions define the result for one item on each side.
extension FHIRPathValue {
  /// FHIRPath `=`: nil stands for an empty result.
  ///
  /// Integer and decimal compare by value after promotion (`1 = 1.0`, `1.0 = 1.00`); a date
  /// and a dateTime compare as dateTimes (see ``PartialDateTime/compare(_:_:)``, whose nil for
  /// different precisions or one-sided offsets becomes an empty result); strings compare
  /// ordinally (exact code units); quantities compare when their units are commensurate (nil
  /// otherwise, and nil for calendar `year`/`month` against UCUM `a`/`mo`). Any other pair of
  /// types is `false`.
  package static func equals(_ a: FHIRPathValue, _ b: FHIRPathValue) -> Bool? {
    switch (a, b) {
    case (.boolean(let x), .boolean(let y)): return x == y
    case (.integer(let x), .integer(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.time(let x), .time(let y)): return PartialTime.compare(x, y).map { $0 == 0 }
    case (.quantity(let x), .quantity(let y)):
      switch try? x.commensurate(with: y) {
      case .comparable(let u, let v): return ExactDecimal.compare(u, v) == 0
      case .calendarAgainstDefinite, nil: return nil
      }
    default:
      if let (x, y) = numericPair(a, b) { return ExactDecimal.compare(x, y) == 0 }
      if let (x, y) = temporalPair(a, b) {
        return PartialDateTime.compare(x, y).map { $0 == 0 }
      }
      return false
    }
  }

  /// FHIRPath `~`: never empty.
  ///
  /// Numbers are equal after rounding to the smaller scale (``ExactDecimal/isEquivalent(to:)``);
  /// strings ignore case, diacritics and the kind of whitespace
  /// (``FHIRPathString/isEquivalent(_:_:)``); dates, dateTimes and times must compare equal
  /// (different precisions give `false`); quantities with commensurate units compare like
  /// decimals, and calendar `1 year ~ 1 'a'` holds. Other type pairs are `false`.
  package static func isEquivalent(_ a: FHIRPathValue, _ b: FHIRPathValue) -> Bool {
    switch (a, b) {
    case (.boolean(let x), .boolean(let y)): return x == y
    case (.integer(let x), .integer(let y)): return x == y
    case (.string(let x), .string(let y)): return FHIRPathString.isEquivalent(x, y)
    case (.time(let x), .time(let y)): return PartialTime.compare(x, y) == 0
    case (.quantity(let x), .quantity(let y)):
      switch try? x.commensurate(with: y) {
      case .comparable(let u, let v), .calendarAgainstDefinite(let u, let v):
        return u.isEquivalent(to: v)
      case nil: return false
      }
    default:
      if let (x, y) = numericPair(a, b) { return x.isEquivalent(to: y) }
      if let (x, y) = temporalPair(a, b) { return PartialDateTime.compare(x, y) == 0 }
      return false
    }
  }

  /// Orders two values for `<`, `<=`, `>`, `>=`: -1, 0 or 1, or nil for an empty result.
  ///
  /// Integers and decimals mix; strings order ordinally (UTF-16 code units, as .NET);
  /// dates/dateTimes and times follow ``PartialDateTime/compare(_:_:)`` and
  /// ``PartialTime/compare(_:_:)`` (nil when precision or offsets make the order unknown);
  /// quantities order when their units are commensurate, else nil. Throws
  /// `.incomparableTypes` for any other pair (string against number, date against string,
  /// booleans, …): this is an evaluation error, not an empty result.
  package static func compare(_ a: FHIRPathValue, _ b: FHIRPathValue)
    throws(FHIRPathEvaluationError) -> Int?
  {
    switch (a, b) {
    case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.string(let x), .string(let y)): return FHIRPathString.compareOrdinal(x, y)
    case (.time(let x), .time(let y)): return PartialTime.compare(x, y)
    case (.quantity(let x), .quantity(let y)):
      switch try x.commensurate(with: y) {
      case .comparable(let u, let v): return ExactDecimal.compare(u, v)
      case .calendarAgainstDefinite, nil: return nil
      }
    default:
      if let (x, y) = numericPair(a, b) { return ExactDecimal.compare(x, y) }
      if let (x, y) = temporalPair(a, b) { return PartialDateTime.compare(x, y) }
      throw FHIRPathEvaluationError(.incomparableTypes)
    }
  }

  /// Applies an ordering operator: `.less`, `.lessOrEqual`, `.greater` or `.greaterOrEqual`.
  /// Nil is an empty result; other operators throw `.invalidOperandTypes`.
  package static func evaluate(
    _ op: BinaryOperator, _ a: FHIRPathValue, _ b: FHIRPathValue
  ) throws(FHIRPathEvaluationError) -> Bool? {
    guard let order = try compare(a, b) else { return nil }
    switch op {
    case .less: return order < 0
    case .lessOrEqual: return order <= 0
    case .greater: return order > 0
    case .greaterOrEqual: return order >= 0
    default: throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// Both values as decimals when both are Integer or Decimal.
  static func numericPair(_ a: FHIRPathValue, _ b: FHIRPathValue)
    -> (ExactDecimal, ExactDecimal)?
  {
    guard let x = a.numericValue, let y = b.numericValue else { return nil }
    return (x, y)
  }

  /// An Integer or Decimal as a decimal.
  package var numericValue: ExactDecimal? {
    switch self {
    case .integer(let v): ExactDecimal(v)
    case .decimal(let v): v
    default: nil
    }
  }

  /// Both values as date-times when each is a Date or DateTime.
  static func temporalPair(_ a: FHIRPathValue, _ b: FHIRPathValue)
    -> (PartialDateTime, PartialDateTime)?
  {
    guard let x = a.dateTimeValue, let y = b.dateTimeValue else { return nil }
    return (x, y)
  }

  /// A Date or DateTime as a date-time.
  package var dateTimeValue: PartialDateTime? {
    switch self {
    case .date(let v), .dateTime(let v): v
    default: nil
    }
  }
}
