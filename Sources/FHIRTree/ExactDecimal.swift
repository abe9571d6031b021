/// An exact base-10 number with the range and precision of .NET `System.Decimal`.
///
/// The value is `(-1)^isNegative × coefficient × 10^-scale`, with a coefficient below 2^96 and a
/// scale of 0…28, exactly like the `decimal` that Firely's FHIRPath uses. The scale is kept, so
/// `1.50` stays `1.50` through parsing and printing; arithmetic follows .NET (sums take the larger
/// scale, products add scales, quotients get up to 28 fraction digits). When a result needs more
/// than 96 bits it is rounded half-to-even at a smaller scale; when even the integer part does not
/// fit, the operation throws `.overflow`. Zero is never negative.
///
/// `==` and `hash` are *structural* (`1.0` and `1.00` differ); FHIRPath equality by value is
/// ``compare(_:_:)`` or ``FHIRPathValue/equals(_:_:)``.
package struct ExactDecimal: Hashable, Sendable {
  /// The magnitude without the decimal point; always below 2^96.
  package private(set) var coefficient: UInt128
  /// Digits after the decimal point, 0…28.
  package private(set) var scale: UInt8
  /// The sign; false for zero.
  package private(set) var isNegative: Bool

  /// The largest scale a value can have.
  package static let maxScale = 28
  /// The largest coefficient, 2^96 - 1.
  package static let maxCoefficient: UInt128 = (1 << 96) - 1

  /// Zero with scale 0.
  package static let zero = ExactDecimal(0)
  /// One with scale 0.
  package static let one = ExactDecimal(1)

  /// A value from its parts, or nil when the coefficient or scale is out of range.
  package init?(coefficient: UInt128, scale: Int, isNegative: Bool) {
    guard coefficient <= Self.maxCoefficient, (0...Self.maxScale).contains(scale) else {
      return nil
    }
    self.init(unchecked: coefficient, scale: UInt8(scale), isNegative: isNegative)
  }

  package init(unchecked coefficient: UInt128, scale: UInt8, isNegative: Bool) {
    self.coefficient = coefficient
    self.scale = scale
    self.isNegative = isNegative && coefficient != 0
  }

  /// The integer `value` with scale 0.
  package init(_ value: Int64) {
    self.init(
      unchecked: UInt128(value.magnitude), scale: 0, isNegative: value < 0)
  }

  /// Whether the value is zero (at any scale).
  package var isZero: Bool { coefficient == 0 }

  /// Whether the value has no non-zero fraction digits.
  package var isIntegral: Bool {
    coefficient % WideMagnitude.powersOfTen[Int(scale)] == 0
  }

  /// The value as an `Int64` when it is integral and in range.
  package var exactInt64: Int64? {
    let (whole, fraction) = coefficient.quotientAndRemainder(
      dividingBy: WideMagnitude.powersOfTen[Int(scale)])
    guard fraction == 0 else { return nil }
    if isNegative {
      guard whole <= UInt128(Int64.max) + 1 else { return nil }
      return whole == UInt128(Int64.max) + 1 ? Int64.min : -Int64(whole)
    }
    guard whole <= UInt128(Int64.max) else { return nil }
    return Int64(whole)
  }

  /// The same value with the sign flipped (zero stays zero).
  package var negated: ExactDecimal {
    ExactDecimal(unchecked: coefficient, scale: scale, isNegative: !isNegative)
  }

  /// The absolute value.
  package var magnitude: ExactDecimal {
    ExactDecimal(unchecked: coefficient, scale: scale, isNegative: false)
  }

  /// The same value without trailing fraction zeros (`1.500` → `1.5`, `2.0` → `2`).
  package var strippingTrailingZeros: ExactDecimal {
    var c = coefficient
    var s = scale
    while s > 0, c % 10 == 0 {
      c /= 10
      s -= 1
    }
    return ExactDecimal(unchecked: c, scale: s, isNegative: isNegative)
  }

  /// Builds a value from a wide magnitude at any scale, rounding half-to-even to fit.
  ///
  /// A negative `scale` multiplies the magnitude up first. Throws `.overflow` when the integer
  /// part needs more than 96 bits.
  package static func fitting(
    _ magnitude: WideMagnitude, scale: Int, isNegative: Bool,
    roundedBelow sticky: Bool = false
  ) throws(DecimalOverflow) -> ExactDecimal {
    var m = magnitude
    var s = scale
    if s < 0 {
      guard let up = m.timesPowerOfTen(-s) else { throw DecimalOverflow() }
      m = up
      s = 0
    }
    let limit = WideMagnitude(maxCoefficient)
    // 1. Drop digits until the scale is legal and the magnitude fits, remembering the most
    //    significant dropped digit and whether anything below it was non-zero.
    var roundDigit: UInt8 = 0
    var belowHalf = sticky
    while s > maxScale || (limit < m && s > 0) {
      belowHalf = belowHalf || roundDigit != 0
      roundDigit = m.divideByTen()
      s -= 1
    }
    guard !(limit < m) else { throw DecimalOverflow() }
    // 2. Round half to even on the dropped digits.
    guard var c = m.narrow else { throw DecimalOverflow() }
    if roundDigit > 5 || (roundDigit == 5 && (belowHalf || c & 1 == 1)) {
      c += 1
      // 3. Rounding up can carry into a 97th bit (…99 + 1); drop one more digit then.
      if c > maxCoefficient {
        guard s > 0 else { throw DecimalOverflow() }
        // c is exactly 2^96 here; its last digit is 6, so round that digit up.
        c = c / 10 + 1
        s -= 1
      }
    }
    return ExactDecimal(unchecked: c, scale: UInt8(s), isNegative: isNegative)
  }
}

// MARK: - Parsing

extension ExactDecimal {
  /// Which number spellings a parse accepts.
  package struct Syntax: Sendable {
    /// Allow a leading `+`.
    package var allowsPlus: Bool
    /// Allow an exponent `e`/`E` with optional sign.
    package var allowsExponent: Bool

    /// A JSON / FHIR decimal lexeme: `-?digits(.digits)?([eE][+-]?digits)?`.
    package static let json = Syntax(allowsPlus: false, allowsExponent: true)
    /// FHIRPath `toDecimal()` string form: `(\+|-)?digits(.digits)?`.
    package static let fhirPathString = Syntax(allowsPlus: true, allowsExponent: false)
    /// A FHIRPath number literal: `digits(.digits)?` (the sign is an operator).
    package static let fhirPathLiteral = Syntax(allowsPlus: false, allowsExponent: false)
  }

  /// Parses a number lexeme, keeping its scale (`1.50` has scale 2; `8E+1` is `80`; `1.2e-3` is
  /// `0.0012`).
  ///
  /// Returns nil when the text does not follow `syntax` or the value is out of range. Values
  /// with more fraction digits than the scale limit are rounded half-to-even, as .NET does.
  /// More than 70 significant digits are refused.
  package init?(parsing text: UnsafeBufferPointer<UInt8>, syntax: Syntax = .json) {
    var i = 0
    let n = text.count
    var negative = false
    if i < n, text[i] == UInt8(ascii: "-") {
      negative = true
      i += 1
    } else if i < n, text[i] == UInt8(ascii: "+"), syntax.allowsPlus {
      i += 1
    }
    var magnitude = WideMagnitude.zero
    var significant = 0
    var integerDigits = 0
    while i < n, let d = Self.digit(text[i]) {
      guard Self.accumulate(d, into: &magnitude, significant: &significant) else { return nil }
      integerDigits += 1
      i += 1
    }
    guard integerDigits > 0 else { return nil }
    var fractionDigits = 0
    if i < n, text[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, let d = Self.digit(text[i]) {
        guard Self.accumulate(d, into: &magnitude, significant: &significant) else { return nil }
        fractionDigits += 1
        i += 1
      }
      guard fractionDigits > 0 else { return nil }
    }
    var exponent = 0
    if i < n, syntax.allowsExponent, text[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var exponentNegative = false
      if i < n, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
        exponentNegative = text[i] == UInt8(ascii: "-")
        i += 1
      }
      var exponentDigits = 0
      while i < n, let d = Self.digit(text[i]) {
        exponent = exponent * 10 + Int(d)
        guard exponent <= 10_000 else { return nil }
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
      if exponentNegative { exponent = -exponent }
    }
    guard i == n else { return nil }
    let scale = fractionDigits - exponent
    if magnitude.isZero {
      // .NET keeps the scale of a zero (0.00), clamped to the legal range.
      self.init(unchecked: 0, scale: UInt8(max(0, min(scale, Self.maxScale))), isNegative: false)
      return
    }
    guard scale <= Self.maxScale + 80,
      let value = try? Self.fitting(magnitude, scale: scale, isNegative: negative)
    else { return nil }
    self = value
  }

  /// Parses bytes; see ``init(parsing:syntax:)``.
  package init?(_ bytes: [UInt8], syntax: Syntax = .json) {
    guard let value = bytes.withUnsafeBufferPointer({ ExactDecimal(parsing: $0, syntax: syntax) })
    else { return nil }
    self = value
  }

  /// Parses a string; see ``init(parsing:syntax:)``.
  package init?(_ text: String, syntax: Syntax = .json) {
    self.init(Array(text.utf8), syntax: syntax)
  }

  @inline(__always)
  package static func digit(_ byte: UInt8) -> UInt8? {
    let d = byte &- UInt8(ascii: "0")
    return d < 10 ? d : nil
  }

  /// Appends a digit; false when there are too many significant digits to hold.
  package static func accumulate(
    _ digit: UInt8, into magnitude: inout WideMagnitude, significant: inout Int
  ) -> Bool {
    if magnitude.isZero && digit == 0 { return true }
    significant += 1
    guard significant <= 70, let shifted = magnitude.multiplied(by: 10),
      let sum = shifted.adding(WideMagnitude(UInt128(digit)))
    else { return false }
    magnitude = sum
    return true
  }
}

// MARK: - Printing

extension ExactDecimal: CustomStringConvertible {
  /// Appends the canonical text: all `scale` fraction digits, a leading `0` before the point,
  /// a `-` for negative values, no exponent (`1.50`, `-0.005`, `80`).
  package func appendText(to out: inout [UInt8]) {
    var digits: [UInt8] = []
    digits.reserveCapacity(30)
    var c = coefficient
    repeat {
      let (q, r) = c.quotientAndRemainder(dividingBy: 10)
      digits.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: r))
      c = q
    } while c != 0
    let s = Int(scale)
    while digits.count <= s { digits.append(UInt8(ascii: "0")) }
    if isNegative { out.append(UInt8(ascii: "-")) }
    for index in stride(from: digits.count - 1, through: 0, by: -1) {
      out.append(digits[index])
      if index == s && s > 0 { out.append(UInt8(ascii: ".")) }
    }
  }

  /// The canonical text as bytes; see ``appendText(to:)``.
  package var text: [UInt8] {
    var out: [UInt8] = []
    appendText(to: &out)
    return out
  }

  package var description: String { String(decoding: text, as: UTF8.self) }
}

// MARK: - Comparison

extension ExactDecimal {
  /// Compares by value: -1, 0 or 1 (`1.0` and `1.00` compare equal).
  package static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
    if a.isNegative != b.isNegative { return a.isNegative ? -1 : 1 }
    let magnitudeOrder = compareMagnitudes(a, b)
    return a.isNegative ? -magnitudeOrder : magnitudeOrder
  }

  package static func compareMagnitudes(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
    let (x, y) = aligned(a, b)
    return x < y ? -1 : (y < x ? 1 : 0)
  }

  /// Both coefficients at the larger of the two scales; never overflows (2^96 × 10^28 < 2^190).
  package static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (
    WideMagnitude, WideMagnitude
  ) {
    let s = max(a.scale, b.scale)
    let x = WideMagnitude.product(a.coefficient, WideMagnitude.powersOfTen[Int(s - a.scale)])
    let y = WideMagnitude.product(b.coefficient, WideMagnitude.powersOfTen[Int(s - b.scale)])
    return (x, y)
  }

  /// Whether two values are equal by value.
  package func isNumericallyEqual(to other: ExactDecimal) -> Bool {
    Self.compare(self, other) == 0
  }
}

/// A decimal result whose integer part needs more than 96 bits.
package struct DecimalOverflow: Error, Sendable {
  package init() {}
}
