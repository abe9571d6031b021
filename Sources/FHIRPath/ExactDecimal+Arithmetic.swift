import FHIRTree

/// Arithmetic with .NET `decimal` semantics; every operation is exact unless it says otherwise.
extension ExactDecimal {
  /// `self + other` at the larger scale; rounds only past 96 bits, throws `.overflow`.
  package func adding(_ other: ExactDecimal) throws(FHIRPathEvaluationError) -> ExactDecimal {
    let (x, y) = Self.aligned(self, other)
    let scale = Int(max(self.scale, other.scale))
    if isNegative == other.isNegative {
      guard let sum = x.adding(y) else { throw FHIRPathEvaluationError(.overflow) }
      return try Self.fit(sum, scale: scale, isNegative: isNegative)
    }
    if x < y {
      return try Self.fit(y.subtracting(x), scale: scale, isNegative: other.isNegative)
    }
    return try Self.fit(x.subtracting(y), scale: scale, isNegative: isNegative)
  }

  /// `self - other`; see ``adding(_:)``.
  package func subtracting(_ other: ExactDecimal) throws(FHIRPathEvaluationError) -> ExactDecimal {
    try adding(other.negated)
  }

  /// `self × other` with the sum of the scales, rounded half-to-even when that exceeds 28
  /// digits or 96 bits; throws `.overflow`.
  package func multiplied(by other: ExactDecimal) throws(FHIRPathEvaluationError)
    -> ExactDecimal
  {
    let product = WideMagnitude.product(coefficient, other.coefficient)
    return try Self.fit(
      product, scale: Int(scale) + Int(other.scale), isNegative: isNegative != other.isNegative)
  }

  /// `self / other` like .NET `decimal` division, or nil when `other` is zero.
  ///
  /// The quotient keeps the scale `self.scale - other.scale` when it is exact there (`4.00 / 2`
  /// is `2.00`), and otherwise gets as many more fraction digits as are needed to be exact, up
  /// to 28 fraction digits or 96 bits, rounded half-to-even (`5 / 2` is `2.5`, `2 / 3` is
  /// `0.6666666666666666666666666667`). Throws `.overflow` when the integer part does not fit.
  package func divided(by other: ExactDecimal) throws(FHIRPathEvaluationError) -> ExactDecimal? {
    guard !other.isZero else { return nil }
    let divisor = other.coefficient
    var (q, r) = coefficient.quotientAndRemainder(dividingBy: divisor)
    var scale = Int(scale) - Int(other.scale)
    // 1. A negative target scale means the quotient must be scaled up to scale 0 first.
    while scale < 0 {
      let (digit, rest) = (r * 10).quotientAndRemainder(dividingBy: divisor)
      q = q * 10 + digit
      guard q <= Self.maxCoefficient else { throw FHIRPathEvaluationError(.overflow) }
      r = rest
      scale += 1
    }
    // 2. Long division: one more digit per step while inexact and there is room. r < divisor
    //    < 2^96, so r × 10 fits easily.
    while r != 0 && scale < Self.maxScale {
      let (digit, rest) = (r * 10).quotientAndRemainder(dividingBy: divisor)
      let next = q * 10 + digit
      guard next <= Self.maxCoefficient else { break }
      q = next
      r = rest
      scale += 1
    }
    // 3. Round half to even on the remainder.
    let negative = isNegative != other.isNegative
    if r != 0 {
      let twice = r * 2
      if twice > divisor || (twice == divisor && q & 1 == 1) {
        return try Self.fit(WideMagnitude(q + 1), scale: scale, isNegative: negative)
      }
    }
    return ExactDecimal(unchecked: q, scale: UInt8(scale), isNegative: negative)
  }

  /// Truncated division (FHIRPath `div`): the integral part of `self / other` at scale 0, or nil
  /// when `other` is zero. Exact even when the rounded quotient is not.
  package func truncatingDivision(by other: ExactDecimal) throws(FHIRPathEvaluationError)
    -> ExactDecimal?
  {
    guard let (quotient, _) = try quotientAndRemainder(dividingBy: other) else { return nil }
    return quotient
  }

  /// The remainder of truncated division (FHIRPath `mod`, C# `%`): `self - other × (self div
  /// other)`, with the sign of `self` and the larger scale; nil when `other` is zero.
  package func remainder(dividingBy other: ExactDecimal) throws(FHIRPathEvaluationError)
    -> ExactDecimal?
  {
    guard let (_, remainder) = try quotientAndRemainder(dividingBy: other) else { return nil }
    return remainder
  }

  func quotientAndRemainder(dividingBy other: ExactDecimal) throws(FHIRPathEvaluationError)
    -> (ExactDecimal, ExactDecimal)?
  {
    guard let estimate = try divided(by: other) else { return nil }
    // The rounded quotient can be one off after truncation (…9.99999 rounded up to …10);
    // correct it using the exact remainder.
    var q = estimate.rounded(scale: 0, rule: .towardZero)
    var r = try subtracting(other.multiplied(by: q))
    let step = ExactDecimal(isNegative == other.isNegative ? 1 : -1)
    if !r.isZero && r.isNegative != isNegative {
      q = try q.subtracting(step)
      r = try r.adding(other.isNegative == isNegative ? other : other.negated)
    } else if Self.compareMagnitudes(r, other) >= 0 {
      q = try q.adding(step)
      r = try r.subtracting(other.isNegative == isNegative ? other : other.negated)
    }
    let scale = max(self.scale, other.scale)
    if r.scale < scale, let widened = r.withScale(Int(scale)) { r = widened }
    return (q, r)
  }

  /// The same value written with `newScale` fraction digits, when that is exact and fits.
  package func withScale(_ newScale: Int) -> ExactDecimal? {
    if newScale == Int(scale) { return self }
    if newScale > Int(scale) {
      guard newScale <= Self.maxScale,
        let wide = WideMagnitude(coefficient).timesPowerOfTen(newScale - Int(scale)),
        let c = wide.narrow, c <= Self.maxCoefficient
      else { return nil }
      return ExactDecimal(unchecked: c, scale: UInt8(newScale), isNegative: isNegative)
    }
    let rounded = rounded(scale: newScale, rule: .towardZero)
    return Self.compare(rounded, self) == 0 ? rounded : nil
  }

  /// Rounds to `scale` fraction digits with `rule`; a value with fewer digits is returned
  /// unchanged (.NET `Math.Round(d, n)` is `rule: .toNearestOrEven`; `MidpointRounding.
  /// AwayFromZero` is `.toNearestOrAwayFromZero`; `Math.Floor` is `scale: 0, rule: .down`).
  /// A negative `scale` is treated as 0.
  package func rounded(scale newScale: Int, rule: FloatingPointRoundingRule) -> ExactDecimal {
    let target = max(0, newScale)
    guard target < Int(scale) else { return self }
    let divisor = WideMagnitude.powersOfTen[Int(scale) - target]
    let (q, r) = coefficient.quotientAndRemainder(dividingBy: divisor)
    var up: Bool
    switch rule {
    case .towardZero: up = false
    case .awayFromZero: up = r != 0
    case .down: up = r != 0 && isNegative
    case .up: up = r != 0 && !isNegative
    case .toNearestOrAwayFromZero: up = r * 2 >= divisor
    case .toNearestOrEven: up = r * 2 > divisor || (r * 2 == divisor && q & 1 == 1)
    @unknown default: up = r * 2 >= divisor
    }
    // q + 1 ≤ coefficient / 10^k + 1 stays far below 2^96.
    return ExactDecimal(unchecked: up ? q + 1 : q, scale: UInt8(target), isNegative: isNegative)
  }

  /// Equivalence (`~`) of decimals: equal after rounding both (half-to-even, as .NET
  /// `Math.Round`) to the smaller of the two scales, so `1.2 ~ 1.23` and `1.0 ~ 1.00`.
  package func isEquivalent(to other: ExactDecimal) -> Bool {
    let s = Int(min(scale, other.scale))
    return Self.compare(
      rounded(scale: s, rule: .toNearestOrEven), other.rounded(scale: s, rule: .toNearestOrEven))
      == 0
  }
}

extension ExactDecimal {
  /// ``fitting(_:scale:isNegative:roundedBelow:)`` with FHIRPath's overflow error.
  static func fit(
    _ magnitude: WideMagnitude, scale: Int, isNegative: Bool, roundedBelow sticky: Bool = false
  ) throws(FHIRPathEvaluationError) -> ExactDecimal {
    do {
      return try fitting(magnitude, scale: scale, isNegative: isNegative, roundedBelow: sticky)
    } catch {
      throw FHIRPathEvaluationError(.overflow)
    }
  }
}
