import ArgumentParser
import NDJSONStream

/// A size in bytes given on the command line: digits, optionally followed by `K`, `M` or `G`
/// (binary multiples 1024, 1024², 1024³), in either case and optionally spelled `KiB`, `MiB`,
/// `GiB`: `64M`, `64MiB` and `67108864` are the same.
struct ByteCount: ExpressibleByArgument, Equatable, Sendable {
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    let units: [(suffix: String, multiplier: Int)] = [
      ("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30),
      ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30),
    ]
    let upper = argument.uppercased()
    var digits = Substring(upper)
    var multiplier = 1
    if let unit = units.first(where: { upper.hasSuffix($0.suffix) }) {
      digits = digits.dropLast(unit.suffix.count)
      multiplier = unit.multiplier
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }), let value = Int(digits),
      value <= Int.max / multiplier
    else { return nil }
    bytes = value * multiplier
  }

  var defaultValueDescription: String { "64M" }
}

extension ByteCount {
  /// The checks `--max-line-bytes` makes, as a validation message, or nil when it is fine.
  static func maxLineBytesProblem(_ value: ByteCount?) -> String? {
    guard let value else { return nil }
    let largest = PipelineOptions.largestMaxLineBytes
    guard (1...largest).contains(value.bytes) else {
      return "--max-line-bytes must be from 1 to \(largest) (2G)"
    }
    return nil
  }
}
