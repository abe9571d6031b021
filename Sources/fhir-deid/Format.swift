/// Number formatting without Foundation.
enum Format {
  /// `value` with `digits` digits after the point (rounded half up), e.g. `fixed(3.14159, 2)` = `3.14`.
  static func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "0" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = value < 0
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9.0e18 else { return String(Int(value)) }
    let n = Int(scaled)
    let whole = n / Int(scale)
    let frac = n % Int(scale)
    var text = (negative && n != 0 ? "-" : "") + String(whole)
    if digits > 0 {
      let f = String(frac)
      text += "." + String(repeating: "0", count: digits - f.count) + f
    }
    return text
  }

  /// A duration as `m:ss` or `h:mm:ss`.
  static func clock(_ seconds: Double) -> String {
    let s = max(0, Int(seconds.rounded()))
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    if s >= 3600 { return "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" }
    return "\(s / 60):\(two(s % 60))"
  }
}
