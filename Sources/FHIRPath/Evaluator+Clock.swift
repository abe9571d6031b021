import FHIRTree
import Glibc

/// The clock of `now()`, `today()` and `timeOfDay()`: fixed to a day, or the system clock in
/// the local time zone.
struct EvaluationClock {
  var fixed: (year: Int, month: Int, day: Int)?

  /// The current local date and time to the millisecond, with the local offset.
  func now() -> PartialDateTime {
    if let fixed {
      return PartialDateTime(
        year: fixed.year, month: fixed.month, day: fixed.day, hour: 0, minute: 0, second: 0,
        millisecond: 0, precision: .second, offset: TimeZoneOffset(minutes: 0, isZulu: true))
    }
    let (t, millisecond, offset) = Self.localTime()
    return PartialDateTime(
      year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday),
      hour: Int(t.tm_hour), minute: Int(t.tm_min), second: Int(min(t.tm_sec, 59)),
      millisecond: millisecond, precision: .second, offset: offset)
  }

  /// The current local date.
  func today() -> PartialDateTime {
    if let fixed {
      return PartialDateTime(year: fixed.year, month: fixed.month, day: fixed.day, precision: .day)
    }
    let (t, _, _) = Self.localTime()
    return PartialDateTime(
      year: Int(t.tm_year) + 1900, month: Int(t.tm_mon) + 1, day: Int(t.tm_mday),
      precision: .day)
  }

  /// The current local time of day to the millisecond.
  func timeOfDay() -> PartialTime {
    if fixed != nil {
      return PartialTime(hour: 0, minute: 0, second: 0, millisecond: 0, precision: .second)
    }
    let (t, millisecond, _) = Self.localTime()
    return PartialTime(
      hour: Int(t.tm_hour), minute: Int(t.tm_min), second: Int(min(t.tm_sec, 59)),
      millisecond: millisecond, precision: .second)
  }

  private static func localTime() -> (tm, Int, TimeZoneOffset) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var t = tm()
    localtime_r(&seconds, &t)
    let minutes = Int16(clamping: t.tm_gmtoff / 60)
    return (t, Int(now.tv_nsec / 1_000_000), TimeZoneOffset(minutes: minutes))
  }
}
