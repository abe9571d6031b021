import FHIRTree

/// Calendar arithmetic: dates, dateTimes and times plus or minus time-valued quantities.
///
/// Supported units: the calendar keywords `year`/`month`/`week`/`day`/`hour`/`minute`/`second`/
/// `millisecond` (singular or plural) and the UCUM codes `a`, `mo`, `wk`, `d`, `h`, `min`, `s`,
/// `ms` (treated the same way). The amount is truncated toward zero to whole units, except
/// seconds, which keep milliseconds. Years and months move the calendar month and clamp the day
/// to the month's length (`2016-02-29 + 1 year` is `2017-02-28`); the other units move an exact
/// number of milliseconds. Missing fields count as their defaults while computing and the
/// result keeps the original precision and offset (`@2014 + 24 months` is `@2016`).
extension PartialDateTime {
  /// `self + amount` (or `-` with `subtract`); `isDate` restricts units to week and coarser.
  ///
  /// Throws `.invalidOperandTypes` for a non-time unit (or a time-of-day unit on a Date) and
  /// `.dateOutOfRange` when the result leaves years 1…9999.
  package func adding(
    _ amount: QuantityValue, isDate: Bool = false, subtract: Bool = false
  ) throws(FHIRPathEvaluationError) -> PartialDateTime {
    guard let unit = amount.calendarUnit, !(isDate && unit > .day) else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    let value = subtract ? amount.value.negated : amount.value
    var result = self
    switch unit {
    case .year, .month:
      guard let n = value.rounded(scale: 0, rule: .towardZero).exactInt64,
        n.magnitude < 1_000_000
      else { throw FHIRPathEvaluationError(.dateOutOfRange) }
      let months = unit == .year ? Int(n) * 12 : Int(n)
      let (y, m) = CivilCalendar.floorDivMod(Int(year) * 12 + Int(month) - 1 + months, 12)
      guard (1...9999).contains(y) else { throw FHIRPathEvaluationError(.dateOutOfRange) }
      result.year = Int16(y)
      result.month = UInt8(m + 1)
      result.day = UInt8(min(Int(day), CivilCalendar.daysInMonth(year: y, month: m + 1)))
    default:
      let delta = try Self.milliseconds(value, unit: unit)
      let dayNumber = CivilCalendar.dayNumber(year: Int(year), month: Int(month), day: Int(day))
      let timeOfDay = ((Int(hour) * 60 + Int(minute)) * 60 + Int(second)) * 1000 + millisecond
      let (days, ms) = CivilCalendar.floorDivMod(
        dayNumber * 86_400_000 + timeOfDay + delta, 86_400_000)
      let (y, m, d) = CivilCalendar.civilDate(dayNumber: days)
      guard (1...9999).contains(y) else { throw FHIRPathEvaluationError(.dateOutOfRange) }
      result.year = Int16(y)
      result.month = UInt8(m)
      result.day = UInt8(d)
      result.hour = UInt8(ms / 3_600_000)
      result.minute = UInt8(ms / 60_000 % 60)
      result.second = UInt8(ms / 1000 % 60)
      (result.fraction, result.fractionDigits) = Self.replacingMilliseconds(
        fraction, digits: fractionDigits, with: ms % 1000)
    }
    result.clearInsignificantFields()
    return result
  }

  /// A time-valued amount in milliseconds (whole units; seconds keep milliseconds).
  static func milliseconds(_ value: ExactDecimal, unit: CalendarUnit)
    throws(FHIRPathEvaluationError) -> Int
  {
    guard let perUnit = unit.milliseconds else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    let scaled: ExactDecimal
    if unit == .second {
      scaled = try value.multiplied(by: ExactDecimal(1000))
    } else {
      scaled = try value.rounded(scale: 0, rule: .towardZero).multiplied(by: ExactDecimal(perUnit))
    }
    guard let ms = scaled.rounded(scale: 0, rule: .towardZero).exactInt64,
      ms.magnitude < 400_000_000_000_000
    else { throw FHIRPathEvaluationError(.dateOutOfRange) }
    return Int(ms)
  }

  /// Puts a new millisecond value into written fraction digits, keeping digits beyond the
  /// millisecond and growing to 3 digits only when needed.
  static func replacingMilliseconds(_ fraction: UInt64, digits: UInt8, with ms: Int)
    -> (UInt64, UInt8)
  {
    if digits >= 3 {
      var below: UInt64 = 1
      for _ in 3..<Int(digits) { below *= 10 }
      return (UInt64(ms) * below + fraction % below, digits)
    }
    var scale = 1
    for _ in Int(digits)..<3 { scale *= 10 }
    if ms % scale == 0 { return (UInt64(ms / scale), digits) }
    return (UInt64(ms), 3)
  }
}

extension PartialTime {
  /// `self + amount` (or `-` with `subtract`) for hour, minute, second and millisecond units,
  /// wrapping around midnight. Throws `.invalidOperandTypes` for other units.
  package func adding(_ amount: QuantityValue, subtract: Bool = false)
    throws(FHIRPathEvaluationError) -> PartialTime
  {
    guard let unit = amount.calendarUnit, unit >= .hour else {
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
    let value = subtract ? amount.value.negated : amount.value
    let delta = try PartialDateTime.milliseconds(value, unit: unit)
    let (_, ms) = CivilCalendar.floorDivMod(millisecondOfDay + delta % 86_400_000, 86_400_000)
    var result = self
    result.hour = UInt8(ms / 3_600_000)
    result.minute = precision >= .minute ? UInt8(ms / 60_000 % 60) : 0
    if precision >= .second {
      result.second = UInt8(ms / 1000 % 60)
      (result.fraction, result.fractionDigits) = PartialDateTime.replacingMilliseconds(
        fraction, digits: fractionDigits, with: ms % 1000)
    }
    return result
  }
}

extension CalendarUnit: Comparable {
  package static func < (a: CalendarUnit, b: CalendarUnit) -> Bool { a.rawValue < b.rawValue }
}
