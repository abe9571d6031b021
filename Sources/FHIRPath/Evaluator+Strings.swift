import ByteJSON
import FHIRModel
import RegexEngine

/// The string functions: a single String input (empty or valueless input gives an empty
/// result, another type throws `.invalidOperandTypes`), empty arguments give an empty result.
extension EvaluationRun {
  mutating func stringFunction(
    _ call: Int32, _ function: FHIRPathFunction, _ input: [FHIRPathItem], _ args: Range<Int32>,
    _ frame: Frame, into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    guard let s = try stringInput(input) else { return }
    try charge(bytes: s.count)
    switch function {
    case .length:
      out.append(.value(.integer(Int64(FHIRPathString.length(s)))))
    case .upper:
      out.append(.value(.string(FHIRPathString.upper(s))))
    case .lower:
      out.append(.value(.string(FHIRPathString.lower(s))))
    case .toChars:
      for c in FHIRPathString.characters(s) { out.append(.value(.string(c))) }
    case .trim:
      let range = s.withUnsafeBytes { NodeValues.trimmed($0) }
      out.append(.value(.string(Array(s[range]))))
    case .indexOf:
      guard let sub = try stringArgument(argument(args, 0), frame) else { return }
      try chargeSearch(s, sub)
      out.append(.value(.integer(Int64(FHIRPathString.indexOf(s, sub)))))
    case .substring:
      guard let start = try integerArgument(argument(args, 0), frame) else { return }
      var length: Int64?
      if args.count > 1 {
        guard let l = try integerArgument(argument(args, 1), frame) else { return }
        length = l
      }
      if let r = FHIRPathString.substring(s, start: start, length: length) {
        out.append(.value(.string(r)))
      }
    case .startsWith, .endsWith, .contains:
      guard let other = try stringArgument(argument(args, 0), frame) else { return }
      try chargeSearch(s, other)
      let result =
        switch function {
        case .startsWith: FHIRPathString.startsWith(s, other)
        case .endsWith: FHIRPathString.endsWith(s, other)
        default: FHIRPathString.contains(s, other)
        }
      out.append(.value(.boolean(result)))
    case .replace:
      guard let pattern = try stringArgument(argument(args, 0), frame),
        let substitution = try stringArgument(argument(args, 1), frame)
      else { return }
      try chargeSearch(s, pattern)
      try charge(bytes: substitution.count)
      out.append(.value(.string(FHIRPathString.replace(s, pattern, with: substitution))))
    case .matches:
      guard let regex = try regex(forCall: call, pattern: argument(args, 0), frame) else { return }
      var regexSteps = 0
      let found: Bool
      do { found = try regex.isMatch(s, steps: &regexSteps) } catch {
        throw FHIRPathEvaluationError(.regexTooComplex)
      }
      try charge(regexSteps)
      out.append(.value(.boolean(found)))
    case .replaceMatches:
      guard let regex = try regex(forCall: call, pattern: argument(args, 0), frame),
        let substitution = try stringArgument(argument(args, 1), frame)
      else { return }
      var regexSteps = 0
      let replaced: [UInt8]
      do {
        replaced = try regex.replacingMatches(in: s, with: substitution, steps: &regexSteps)
      } catch {
        throw FHIRPathEvaluationError(.regexTooComplex)
      }
      try charge(regexSteps)
      try charge(bytes: replaced.count)
      out.append(.value(.string(replaced)))
    case .split:
      guard let separator = try stringArgument(argument(args, 0), frame) else { return }
      try chargeSearch(s, separator)
      Self.split(s, separator: separator, into: &out)
    default:
      throw FHIRPathEvaluationError(.invalidOperandTypes)
    }
  }

  /// Takes steps for searching `sub` in `s` (a naive search compares up to `sub.count` bytes
  /// at each position).
  mutating func chargeSearch(_ s: [UInt8], _ sub: [UInt8]) throws(FHIRPathEvaluationError) {
    try charge(bytes: s.count &* (1 &+ sub.count >> 4))
  }

  /// The pattern of a `matches` / `replaceMatches` call: compiled with the expression when it
  /// is a literal, else compiled now (the last one is kept for the next evaluation).
  mutating func regex(forCall call: Int32, pattern: Int32, _ frame: Frame)
    throws(FHIRPathEvaluationError) -> DotNetRegex?
  {
    if let compiled = expression.regex(forCall: call) { return compiled }
    guard let text = try stringArgument(pattern, frame) else { return nil }
    if let cached = scratch.regex, cached.pattern == text { return cached.regex }
    do {
      let regex = try DotNetRegex(pattern: text)
      scratch.regex = (text, regex)
      return regex
    } catch {
      throw FHIRPathEvaluationError(.invalidRegex)
    }
  }

  /// .NET `String.Split(separator)`: every part, empty ones included; an empty separator
  /// gives the whole string.
  static func split(_ s: [UInt8], separator: [UInt8], into out: inout [FHIRPathItem]) {
    guard !separator.isEmpty, s.count >= separator.count else {
      out.append(.value(.string(s)))
      return
    }
    var partStart = 0
    var i = 0
    while i + separator.count <= s.count {
      if s[i..<(i + separator.count)].elementsEqual(separator) {
        out.append(.value(.string(Array(s[partStart..<i]))))
        i += separator.count
        partStart = i
      } else {
        i += 1
      }
    }
    out.append(.value(.string(Array(s[partStart...]))))
  }

  /// `join([separator])`: the items' texts joined; empty input gives an empty result.
  mutating func join(
    _ input: [FHIRPathItem], _ args: Range<Int32>, _ frame: Frame,
    into out: inout [FHIRPathItem]
  ) throws(FHIRPathEvaluationError) {
    guard !input.isEmpty else { return }
    var separator: [UInt8] = []
    if !args.isEmpty {
      guard let s = try stringArgument(argument(args, 0), frame) else { return }
      separator = s
    }
    var text: [UInt8] = []
    for (k, item) in input.enumerated() {
      if k > 0 { text.append(contentsOf: separator) }
      if let v = try scalar(item) { v.appendText(to: &text) }
      try charge(bytes: separator.count)
    }
    try charge(bytes: text.count)
    out.append(.value(.string(text)))
  }
}
