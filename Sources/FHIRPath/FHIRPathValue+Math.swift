import FHIRTree
import Glibc

/// The N1 math functions on single values.
///
/// `abs`, `ceiling`, `floor`, `truncate`, `round` and integral `power` are exact. `exp`, `ln`,
/// `log`, `sqrt` and non-integral `power` go through `Double`, as Firely does (`Math.Exp` on a
/// `double`), and convert back like .NET's `(decimal)double`: 15 significant digits, trailing
/// zeros dropped. A result that is not a finite number (`sqrt(-1)`, `ln(0)`) is nil (empty).
/// Non-numeric operands throw `.invalidOperandTypes`.
extension FHIRPathValue {
  /// `abs()` of an Integer, Decimal or Quantity.
  package func absoluteValue() throws(FHIRPathEvaluationError) -> FHIRPathValue {
    switch self {
    case .integer(let i):
      guard i != .min else { throw FHIRPathEvaluationError(.overflow) }
      return .integer(i < 0 ? -i : i)
    case .decimal(let d): return .decimal(d.magnitude)
    case .quantity(var q):
      q.value = q.value.magnitude
      return .quantity(q)
    default: throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// `ceiling()`, `floor()`, `truncate()`: an Integer (a Decimal at scale 0 if it does not fit
  /// in 64 bits).
  package func roundedToInteger(_ rule: FloatingPointRoundingRule) throws(FHIRPathEvaluationError)
    -> FHIRPathValue
  {
    switch self {
    case .integer: return self
    case .decimal(let d):
      let r = d.rounded(scale: 0, rule: rule)
      return r.exactInt64.map { .integer($0) } ?? .decimal(r)
    default: throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// `round([precision])`: a Decimal rounded half-to-even (.NET `Math.Round`, which Firely
  /// calls) to `precision` fraction digits (default 0). Negative precision is nil.
  package func rounded(precision: Int64 = 0, rule: FloatingPointRoundingRule = .toNearestOrEven)
    throws(FHIRPathEvaluationError) -> FHIRPathValue?
  {
    guard let d = numericValue else { throw FHIRPathEvaluationError(.invalidOperandTypes) }
    guard precision >= 0 else { return nil }
    return .decimal(d.rounded(scale: Int(min(precision, 28)), rule: rule))
  }

  /// `sqrt()`.
  package func squareRoot() throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    try viaDouble { $0 < 0 ? .nan : $0.squareRoot() }
  }

  /// `exp()`.
  package func exponential() throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    try viaDouble { Glibc.exp($0) }
  }

  /// `ln()`.
  package func naturalLogarithm() throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    try viaDouble { $0 <= 0 ? .nan : Glibc.log($0) }
  }

  /// `log(base)`.
  package func logarithm(base: FHIRPathValue) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    guard let b = base.numericValue.flatMap(Self.double) else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    return try viaDouble { x in
      x <= 0 || b <= 0 || b == 1 ? .nan : Glibc.log(x) / Glibc.log(b)
    }
  }

  /// `power(exponent)`: exact for a non-negative integral exponent (Integer stays Integer);
  /// otherwise through `Double` (nil when not a real number, such as `(-1).power(0.5)`).
  package func power(_ exponent: FHIRPathValue) throws(FHIRPathEvaluationError) -> FHIRPathValue? {
    guard let e = exponent.numericValue, let base = numericValue else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    if let n = e.exactInt64, n >= 0, n <= 10_000 {
      if case .integer(let b) = self, case .integer = exponent {
        var result: Int64 = 1
        for _ in 0..<n {
          let (p, overflow) = result.multipliedReportingOverflow(by: b)
          guard !overflow else { throw FHIRPathEvaluationError(.overflow) }
          result = p
        }
        return .integer(result)
      }
      var result = ExactDecimal.one
      for _ in 0..<n { result = try result.multiplied(by: base) }
      return .decimal(result)
    }
    guard let x = Self.double(base), let y = Self.double(e) else { return nil }
    return Self.decimal(fromDouble: Glibc.pow(x, y)).map { .decimal($0) }
  }

  private func viaDouble(_ f: (Double) -> Double) throws(FHIRPathEvaluationError)
    -> FHIRPathValue?
  {
    guard let d = numericValue else { throw FHIRPathEvaluationError(.invalidOperandTypes) }
    guard let x = Self.double(d) else { return nil }
    return Self.decimal(fromDouble: f(x)).map { .decimal($0) }
  }

  static func double(_ d: ExactDecimal) -> Double? {
    Double(String(decoding: d.text, as: UTF8.self))
  }

  /// .NET `(decimal)double`: rounded to 15 significant digits, trailing zeros removed; nil for
  /// non-finite or out-of-range values.
  static func decimal(fromDouble x: Double) -> ExactDecimal? {
    guard x.isFinite else { return nil }
    // glibc prints the exact binary value correctly rounded to 15 significant digits.
    var buffer = [CChar](repeating: 0, count: 48)
    let written = withVaList([x]) { vsnprintf(&buffer, buffer.count, "%.14e", $0) }
    guard written > 0, written < buffer.count else { return nil }
    let text = buffer[0..<Int(written)].map { UInt8(bitPattern: $0) }
    return ExactDecimal(text)?.strippingTrailingZeros
  }
}
