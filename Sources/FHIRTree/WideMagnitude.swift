/// A 256-bit unsigned integer with just the operations exact decimal arithmetic needs.
///
/// Products of two decimal coefficients (each below 2^96) and coefficients scaled by up to 10^60
/// fit without loss; every operation that could overflow reports it.
package struct WideMagnitude: Comparable, Sendable {
  package var high: UInt128
  package var low: UInt128

  package init(_ value: UInt128) {
    high = 0
    low = value
  }

  package init(high: UInt128, low: UInt128) {
    self.high = high
    self.low = low
  }

  package static let zero = WideMagnitude(0)

  /// Powers of ten that fit in a `UInt128`: 10^0 … 10^38.
  package static let powersOfTen: [UInt128] = {
    var table: [UInt128] = [1]
    for _ in 1...38 { table.append(table[table.count - 1] &* 10) }
    return table
  }()

  /// The full 256-bit product of two 128-bit values; never overflows.
  package static func product(_ a: UInt128, _ b: UInt128) -> WideMagnitude {
    let (high, low) = a.multipliedFullWidth(by: b)
    return WideMagnitude(high: high, low: low)
  }

  package var isZero: Bool { high == 0 && low == 0 }

  /// The value when it fits in 128 bits.
  package var narrow: UInt128? { high == 0 ? low : nil }

  /// `self × factor`, or nil on overflow past 256 bits.
  package func multiplied(by factor: UInt128) -> WideMagnitude? {
    let (carry, low) = self.low.multipliedFullWidth(by: factor)
    let (overflowHigh, high) = self.high.multipliedFullWidth(by: factor)
    guard overflowHigh == 0 else { return nil }
    let (sumHigh, overflow) = high.addingReportingOverflow(carry)
    guard !overflow else { return nil }
    return WideMagnitude(high: sumHigh, low: low)
  }

  /// `self × 10^exponent`, or nil on overflow.
  package func timesPowerOfTen(_ exponent: Int) -> WideMagnitude? {
    var result = self
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 38)
      guard let next = result.multiplied(by: Self.powersOfTen[step]) else { return nil }
      result = next
      remaining -= step
    }
    return result
  }

  /// `self + other`, or nil on overflow.
  package func adding(_ other: WideMagnitude) -> WideMagnitude? {
    let (low, carry) = self.low.addingReportingOverflow(other.low)
    var (high, overflow1) = self.high.addingReportingOverflow(other.high)
    var overflow2 = false
    if carry { (high, overflow2) = high.addingReportingOverflow(1) }
    guard !overflow1, !overflow2 else { return nil }
    return WideMagnitude(high: high, low: low)
  }

  /// `self - other`; requires `self >= other`.
  package func subtracting(_ other: WideMagnitude) -> WideMagnitude {
    let (low, borrow) = self.low.subtractingReportingOverflow(other.low)
    var high = self.high &- other.high
    if borrow { high = high &- 1 }
    return WideMagnitude(high: high, low: low)
  }

  /// Divides by 10 and returns the remainder digit.
  package mutating func divideByTen() -> UInt8 {
    let (qHigh, rHigh) = high.quotientAndRemainder(dividingBy: 10)
    let (qLow, rLow) = UInt128(10).dividingFullWidth((high: rHigh, low: low))
    high = qHigh
    low = qLow
    return UInt8(truncatingIfNeeded: rLow)
  }

  package static func < (a: WideMagnitude, b: WideMagnitude) -> Bool {
    a.high != b.high ? a.high < b.high : a.low < b.low
  }
}
