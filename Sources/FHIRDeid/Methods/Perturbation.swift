import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// `perturb` (spec §4.7), compiled: adds uniform noise to a number, or to the `value` of a
/// quantity, rounds it half-to-even and writes it as a JSON number.
struct Perturbation: Sendable {
  /// `span` (validated at load as a number ≥ 0).
  var span: Double
  /// `rangeType: proportional` (any case); otherwise fixed.
  var isProportional: Bool
  /// `roundTo`, 0…28 (default 2); integer types always round to 0.
  var roundTo: Int
  /// `--seed`: noise from a hash of the seed, the resource, the rule and the path; nil draws
  /// from the system generator.
  var seed: UInt64?

  /// Reads the settings of `rule`, whose values `Rule.read` has validated.
  init(_ rule: Rule, seed: UInt64?) throws(ConfigurationError) {
    guard let spanText = rule.setting("span")?.scalarText,
      let span = Double(spanText.trimmingSpaces), span.isFinite, span >= 0
    else {
      throw ConfigurationError("fhirPathRules[\(rule.index)].span must be a number ≥ 0")
    }
    self.span = span
    if case .string(let s) = rule.setting("rangeType") {
      isProportional = s.lowercased() == "proportional"
    } else {
      isProportional = false
    }
    if let text = rule.setting("roundTo")?.scalarText, let n = Int32(text.trimmingSpaces) {
      roundTo = Int(n)
    } else {
      roundTo = 2
    }
    self.seed = seed
  }

  /// `perturb` (spec §4.7): adds uniform noise to a number, or to the `value` of a quantity,
  /// rounds it half-to-even and writes it as a JSON number.
  ///
  /// The value node is `node` itself for `decimal`, `integer`, `positiveInt` and `unsignedInt`,
  /// the first `value` child for the quantity types, and otherwise there is none (the recursion
  /// of ``process`` still reaches numeric descendants). Nothing happens when that node has no
  /// value or was handled by an earlier rule. After a change every descendant of `node` is
  /// visited, so later rules cannot touch a perturbed quantity's `unit` either.
  ///
  /// - Throws: a failure that `processingErrors: skip` does not cover (as in Microsoft's tool)
  ///   when the value is not a number or the result does not fit a .NET `decimal`.
  func apply(
    to node: Int32, resource: Int32, rule: Rule, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let valueNode = perturbedValueNode(of: node, in: context.tree, bytes: bytes)
    guard valueNode >= 0, !context.isVisited(valueNode),
      context.loadText(valueNode, bytes: bytes)
    else {
      return []
    }
    let type = context.tree[valueNode].type
    let isInteger = type == .integer || type == .positiveInt || type == .unsignedInt
    guard let x = ExactDecimal(context.text) else {
      throw context.failure(.notANumber, at: valueNode, rule: rule.index, isSkippable: false)
    }
    // The span as Microsoft computes it, in doubles. Q13: Microsoft's sampler throws on the
    // negative span that a negative value gives with `proportional`, which stops the whole run;
    // fhir-deid uses the value's magnitude instead (documented deviation).
    var span = self.span
    if isProportional { span = Self.double(x.magnitude) * self.span }
    let lower = -span / 2
    let upper = span / 2
    // MathNet's ContinuousUniform.Sample: lower + u × (upper − lower), u in [0, 1).
    let u = unitNoise(valueNode, rule: rule, resource: resource, in: &context, bytes: bytes)
    let noise = lower + u * (upper - lower)
    var y: ExactDecimal
    do throws(FHIRPathEvaluationError) {
      guard let n = Self.decimal(noise) else { throw FHIRPathEvaluationError(.overflow) }
      y = try x.adding(n).rounded(scale: isInteger ? 0 : roundTo, rule: .toNearestOrEven)
    } catch {
      throw context.failure(
        .perturbedOutOfRange, at: valueNode, rule: rule.index, isSkippable: false)
    }
    if type == .positiveInt, y.isNegative || y.isZero {
      y = .one
    } else if type == .unsignedInt, y.isNegative {
      y = .zero
    }
    context.replace(valueNode, with: y.text, json: .literal)
    context.markDescendantsVisited(of: node)
    return .perturb
  }

  /// The node whose number `perturb` changes for a reached `node`, or -1.
  private func perturbedValueNode(
    of node: Int32, in tree: ResourceTree, bytes: UnsafeRawBufferPointer
  ) -> Int32 {
    let type = tree[node].type
    if type == .decimal || type == .integer || type == .positiveInt || type == .unsignedInt {
      return node
    }
    guard
      type == .quantity || type == .age || type == .count || type == .duration
        || type == .distance || type == .money || type == .moneyQuantity
        || type == .simpleQuantity
    else { return -1 }
    var child = tree[node].firstChild
    while child >= 0 {
      if tree.nameEquals(child, valueName, in: bytes) { return child }
      child = tree[child].nextSibling
    }
    return -1
  }

  // MARK: Noise

  /// A uniform draw in [0, 1): from the system generator, or with `--seed` from a hash of the
  /// seed, the resource, the rule and the element path of `node` below `resource`.
  private func unitNoise(
    _ node: Int32, rule: Rule, resource: Int32, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) -> Double {
    let bits: UInt64
    if let seed {
      if context.noise.resource != resource {
        context.noise.resource = resource
        context.noise.resourceHash = Self.resourceHash(resource, in: &context, bytes: bytes)
      }
      var h = NoiseHash.mix(seed, context.noise.resourceHash)
      h = NoiseHash.mix(h, UInt64(rule.index))
      h = NoiseHash.mix(h, Self.pathHash(node, below: resource, in: context.tree, bytes: bytes))
      bits = NoiseHash.mix(h, 0x7065_7274_7572_6221)  // one more round: "perturb!"
    } else {
      var system = SystemRandomNumberGenerator()
      bits = system.next()
    }
    return Double(bits >> 11) * 0x1p-53
  }

  /// FNV-1a of the resource's `resourceType` and `id` as written in the input (raw JSON bytes,
  /// before any rule changed them); without an `id`, of the whole line and the resource's path
  /// in it (so that id-less entries of one Bundle differ). The line is hashed once per document.
  private static func resourceHash(
    _ resource: Int32, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) -> UInt64 {
    let object = Int(context.tree[resource].valueToken)
    var h = NoiseHash.offsetBasis
    guard object >= 0, context.tape[object].kind == .objectStart,
      let type = context.tape.member(named: "resourceType", in: object, bytes: bytes),
      let id = context.tape.member(named: "id", in: object, bytes: bytes)
    else {
      if context.noise.lineHash == nil {
        NoiseHash.add(bytes, to: &h)
        context.noise.lineHash = h
      }
      return NoiseHash.mix(
        context.noise.lineHash ?? 0, pathHash(resource, below: -1, in: context.tree, bytes: bytes))
    }
    NoiseHash.add(context.tape.rawBytes(of: type, in: bytes), to: &h)
    NoiseHash.add(byte: 0, to: &h)
    NoiseHash.add(context.tape.rawBytes(of: id, in: bytes), to: &h)
    return h
  }

  /// FNV-1a of the element path from `resource` (exclusive; -1 for the whole line) down to
  /// `node`: each step's name, type and array position (deepest step first).
  private static func pathHash(
    _ node: Int32, below resource: Int32, in tree: ResourceTree, bytes: UnsafeRawBufferPointer
  ) -> UInt64 {
    var h = NoiseHash.offsetBasis
    var current = node
    while current >= 0, current != resource {
      let n = tree[current]
      let start = Int(n.nameStart)
      NoiseHash.add(
        UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(n.nameLength)]), to: &h)
      NoiseHash.add(byte: 0, to: &h)
      NoiseHash.add(UInt64(n.type.raw) << 32 | UInt64(UInt32(bitPattern: n.index)), to: &h)
      current = n.parent
    }
    return h
  }

  // MARK: .NET conversions

  /// .NET `(double)decimal`: the 96-bit coefficient as two halves, divided by 10^scale.
  static func double(_ d: ExactDecimal) -> Double {
    let low = Double(UInt64(truncatingIfNeeded: d.coefficient))
    let high = Double(UInt64(truncatingIfNeeded: d.coefficient >> 64))
    let value = (low + high * 0x1p64) / doublePowersOfTen[Int(d.scale)]
    return d.isNegative ? -value : value
  }

  /// .NET `(decimal)double` (`DecCalc.VarDecFromR8`): the double rounded half-to-even to 15
  /// significant digits, trailing zeros removed; nil for NaN, infinities and values beyond the
  /// decimal range. Magnitudes below about 1e-28 become zero.
  static func decimal(_ value: Double) -> ExactDecimal? {
    guard value.isFinite else { return nil }
    if value == 0 { return .zero }
    // 1. The binary exponent as .NET reads it (biased exponent − 1022), and the decimal power
    //    that brings the magnitude to 15 integer digits (log10(2) × 2^16 ≈ 19728).
    let exponent = Int(value.exponentBitPattern) - 1022
    if exponent < -94 { return .zero }
    if exponent > 96 { return nil }
    var magnitude = value.magnitude
    var power = 14 - ((exponent * 19728) >> 16)
    // 2. Scale to below 1e15 (power is between -14 and 43 here).
    if power >= 0 {
      power = min(power, ExactDecimal.maxScale)
      magnitude *= doublePowersOfTen[power]
    } else if power != -1 || magnitude >= 1e15 {
      magnitude /= doublePowersOfTen[-power]
    } else {
      power = 0
    }
    if magnitude < 1e14 && power < ExactDecimal.maxScale {
      magnitude *= 10
      power += 1
    }
    // 3. Round to an integer, half to even.
    var mantissa = UInt128(UInt64(magnitude.rounded(.toNearestOrEven)))
    if mantissa == 0 { return .zero }
    // 4. A negative power multiplies back up; a positive one is the scale, less trailing zeros.
    if power < 0 {
      mantissa *= UInt128(tenToThe: -power)
      power = 0
    } else {
      while power > 0, mantissa % 10 == 0 {
        mantissa /= 10
        power -= 1
      }
    }
    return ExactDecimal(coefficient: mantissa, scale: power, isNegative: value < 0)
  }

  /// 1e0 … 1e80 as the nearest doubles, like .NET's table (parsed, so each is correctly
  /// rounded; repeated multiplication would drift past 1e22).
  static let doublePowersOfTen: [Double] = (0...80).map { Double("1e\($0)") ?? .nan }
}

extension UInt128 {
  fileprivate init(tenToThe k: Int) {
    var v: UInt128 = 1
    for _ in 0..<k { v *= 10 }
    self = v
  }
}

/// Per-worker `perturb` state of one document: the noise hash of the last resource (with
/// `--seed`).
struct NoiseState {
  /// The resource whose hash `resourceHash` is, or -1.
  var resource: Int32 = -1
  var resourceHash: UInt64 = 0
  /// The hash of the current line, once a resource without an `id` needed it.
  var lineHash: UInt64?

  mutating func startDocument() {
    resource = -1
    lineHash = nil
  }
}

/// FNV-1a and a SplitMix64 finaliser, for reproducible noise (`--seed`).
enum NoiseHash {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x100_0000_01b3

  static func add(_ bytes: UnsafeRawBufferPointer, to h: inout UInt64) {
    for b in bytes { add(byte: b, to: &h) }
  }

  @inline(__always)
  static func add(byte: UInt8, to h: inout UInt64) {
    h = (h ^ UInt64(byte)) &* prime
  }

  static func add(_ value: UInt64, to h: inout UInt64) {
    var v = value
    for _ in 0..<8 {
      add(byte: UInt8(truncatingIfNeeded: v), to: &h)
      v >>= 8
    }
  }

  /// Combines `h` with `value` through SplitMix64's finaliser.
  static func mix(_ h: UInt64, _ value: UInt64) -> UInt64 {
    var z = h &+ 0x9e37_79b9_7f4a_7c15 &+ value &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}

private let valueName = Array("value".utf8)
