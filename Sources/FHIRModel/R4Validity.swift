/// The elements of one structure that FHIR R4 requires (minimum cardinality ≥ 1), in the order
/// of `R4.children(of:)`: a view of a table that is never freed, so making one does not allocate.
package struct RequiredElements: RandomAccessCollection {
  let elements: UnsafeBufferPointer<UInt32>

  init(_ elements: UnsafeBufferPointer<UInt32>) { self.elements = elements }

  /// The position of the first element, always 0.
  package var startIndex: Int { 0 }

  /// One past the position of the last element.
  package var endIndex: Int { elements.count }

  /// The element at `position`, `0..<count`.
  package subscript(position: Int) -> ElementID {
    precondition(position >= 0 && position < elements.count, "RequiredElements index out of range")
    return ElementID(raw: elements[position])
  }
}

// @unchecked: the buffer is immortal and immutable (see `R4Validity`).
extension RequiredElements: @unchecked Sendable {}

extension R4 {
  /// The minimum cardinality of the element in R4 (0 or 1 in the base specification).
  ///
  /// For a choice (`Observation.value[x]`) it counts the members under all type-suffixed keys
  /// together; a primitive counts as present when either its key or its shadow key (`_status`,
  /// with an extension) is. Traps on an `ElementID` outside the table; does not allocate.
  package static func minimumCardinality(of element: ElementID) -> Int {
    Int(R4Validity.shared.minimum[R4Validity.shared.index(element)])
  }

  /// The maximum cardinality of the element in R4, or nil for `*` (exactly when
  /// `repeats(_:)` is true). Traps on an `ElementID` outside the table; does not allocate.
  package static func maximumCardinality(of element: ElementID) -> Int? {
    let v = R4Validity.shared.maximum[R4Validity.shared.index(element)]
    return v == R4Validity.unbounded ? nil : Int(v)
  }

  /// True when R4 requires the element wherever its parent is present (minimum cardinality ≥ 1):
  /// `Observation.status`, `Claim.insurance.coverage` (inside each `Claim.insurance`).
  package static func isRequired(_ element: ElementID) -> Bool {
    R4Validity.shared.minimum[R4Validity.shared.index(element)] != 0
  }

  /// The elements of `structure` that R4 requires, in `children(of:)` order.
  ///
  /// A backbone element has its own list (`Claim.insurance`: `coverage`, `focal`, `sequence`);
  /// a path defined elsewhere (`Questionnaire.item.item`) shares the list of the structure it
  /// reuses. Does not allocate.
  package static func requiredElements(of structure: StructureID) -> RequiredElements {
    let v = R4Validity.shared
    let s = Int(structure.raw)
    precondition(s + 1 < v.requiredStart.count, "StructureID out of range")
    let range = Int(v.requiredStart[s])..<Int(v.requiredStart[s + 1])
    return RequiredElements(UnsafeBufferPointer(rebasing: v.required[range]))
  }

  /// The regular expression the R4 specification gives for the values of a primitive type (the
  /// `structuredefinition-regex` of its `value`), or nil for `xhtml` and for non-primitives.
  ///
  /// It is the reference for `isLexicallyValid(_:as:)`, whose documentation says how it reads
  /// the expression. Builds a `String`: for messages and tests, not per-record work.
  package static func lexicalPattern(of type: FHIRType) -> String? {
    let v = R4Validity.shared
    let i = Int(type.raw)
    guard i + 1 < v.patternStart.count else { return nil }
    let range = Int(v.patternStart[i])..<Int(v.patternStart[i + 1])
    return range.isEmpty ? nil : String(decoding: v.patternPool[range], as: UTF8.self)
  }

  /// The maximum length in characters the specification sets for a primitive type's values
  /// (`string`: 1,048,576), or nil where it sets none.
  package static func maximumLength(of type: FHIRType) -> Int? {
    let v = R4Validity.shared
    let i = Int(type.raw)
    guard i < v.maximumLength.count, v.maximumLength[i] != 0 else { return nil }
    return Int(v.maximumLength[i])
  }

  /// `isLexicallyValid(_:as:)` for a `String`, for tests and planning.
  package static func isLexicallyValid(_ text: String, as type: FHIRType) -> Bool {
    var text = text
    return text.withUTF8 { isLexicallyValid(UnsafeRawBufferPointer($0), as: type) }
  }
}

/// The decoded validity tables: per element its cardinality, per structure its required
/// elements, per primitive type its lexical pattern and maximum length.
///
/// `shared` is decoded once, on first use, from the generated text `R4Validity.source`, whose
/// element order is that of `R4Tables`; decoding checks the element count and a digest of
/// `R4Tables.source`, so tables generated from another element table trap instead of answering
/// for the wrong elements. The text has one record per line:
/// ```
/// E<element count> <FNV-1a 64 of R4Tables.source, 16 hex digits>
/// C<letter> <min> <max or *>               one line per cardinality class
/// =<letters>                               one letter per element, in element order
/// P<type name> <maxLength or -> <regex or ->   one line per primitive type
/// ```
struct R4Validity: @unchecked Sendable {
  // @unchecked: built once by `shared`, never mutated or freed afterwards, so sharing the
  // pointers between threads is safe. Only pointers and integers, so reading a field of
  // `shared` does no reference counting (as in `R4Lookup`).

  /// The one decoded copy.
  static let shared = R4Validity(decoding: source)

  /// `maximum` of an element that repeats without bound (`*`).
  static let unbounded = UInt32.max

  /// Minimum cardinality, indexed by `ElementID.raw`.
  let minimum: UnsafeBufferPointer<UInt32>
  /// Maximum cardinality, indexed by `ElementID.raw`; `unbounded` for `*`.
  let maximum: UnsafeBufferPointer<UInt32>
  /// `required[requiredStart[s] ..< requiredStart[s + 1]]` are the required elements of
  /// structure `s`.
  let requiredStart: UnsafeBufferPointer<UInt32>
  let required: UnsafeBufferPointer<UInt32>
  /// Maximum length in characters, indexed by `FHIRType.raw`; 0 for none.
  let maximumLength: UnsafeBufferPointer<UInt32>
  /// The specification's regexes: that of type `t` is `patternPool[patternStart[t] ..<
  /// patternStart[t + 1]]`, empty for none (no regex is empty).
  let patternPool: UnsafeBufferPointer<UInt8>
  let patternStart: UnsafeBufferPointer<UInt32>
  /// The maximum length of `string`, in characters (`Int.max` if the tables gave none).
  let stringMaximumLength: Int

  /// The index of `element`; traps on one outside the table.
  @inline(__always)
  func index(_ element: ElementID) -> Int {
    let i = Int(element.raw)
    precondition(i < minimum.count, "ElementID out of range")
    return i
  }
}

// MARK: - Decoding

extension R4Validity {
  /// Decodes the table text (see the type's documentation).
  ///
  /// The text is generated with the package, so a malformed record is a build defect and traps
  /// with its line number.
  init(decoding text: StaticString) {
    let tables = R4Tables.shared
    let typeCount = R4.typeCount
    var classes: [UInt8: (UInt32, UInt32)] = [:]
    var minimum: [UInt32] = []
    var maximum: [UInt32] = []
    var maximumLength = [UInt32](repeating: 0, count: typeCount)
    var patterns = [String?](repeating: nil, count: typeCount)
    var declared = -1
    var digest: UInt64 = 0
    text.withUTF8Buffer { bytes in
      for (n, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated() {
        func fail() -> Never {
          preconditionFailure("R4Validity: malformed table text, line \(n + 1)")
        }
        guard let tag = line.first else { fail() }
        let body = line.dropFirst()
        let fields = body.split(separator: UInt8(ascii: " "), maxSplits: 2)
        switch tag {
        case UInt8(ascii: "E"):
          guard fields.count == 2, let c = Self.number(fields[0]), let d = Self.hex(fields[1])
          else { fail() }
          declared = Int(c)
          digest = d
        case UInt8(ascii: "C"):
          guard fields.count == 3, fields[0].count == 1, let lo = Self.number(fields[1]) else {
            fail()
          }
          let star = fields[2].elementsEqual(CollectionOfOne(UInt8(ascii: "*")))
          guard let hi = star ? Self.unbounded : Self.number(fields[2]) else { fail() }
          classes[fields[0][fields[0].startIndex]] = (lo, hi)
        case UInt8(ascii: "="):
          for letter in body {
            guard let (lo, hi) = classes[letter] else { fail() }
            minimum.append(lo)
            maximum.append(hi)
          }
        case UInt8(ascii: "P"):
          guard fields.count == 3, let type = Self.type(named: fields[0]) else { fail() }
          let dash = CollectionOfOne(UInt8(ascii: "-"))
          if !fields[1].elementsEqual(dash) {
            guard let length = Self.number(fields[1]), length > 0 else { fail() }
            maximumLength[Int(type.raw)] = length
          }
          if !fields[2].elementsEqual(dash) {
            patterns[Int(type.raw)] = String(decoding: fields[2], as: UTF8.self)
          }
        default:
          fail()
        }
      }
    }
    precondition(
      declared == minimum.count && minimum.count == tables.elementParent.count,
      "R4Validity: the tables have \(minimum.count) elements, R4Tables has "
        + "\(tables.elementParent.count): regenerate with generate-r4-validity.py")
    precondition(
      digest == Self.digest(of: R4Tables.source),
      "R4Validity: generated from another R4Tables text: regenerate with generate-r4-validity.py")
    var requiredStart: [UInt32] = [0]
    var required: [UInt32] = []
    for s in tables.structurePath.indices {
      for e in tables.structureFirstElement[s]..<tables.structureFirstElement[s + 1]
      where minimum[Int(e)] != 0 {
        required.append(e)
      }
      requiredStart.append(UInt32(required.count))
    }
    self.minimum = Self.immortal(minimum)
    self.maximum = Self.immortal(maximum)
    self.requiredStart = Self.immortal(requiredStart)
    self.required = Self.immortal(required)
    self.maximumLength = Self.immortal(maximumLength)
    var pool: [UInt8] = []
    var starts: [UInt32] = [0]
    for p in patterns {
      pool += p.map { Array($0.utf8) } ?? []
      starts.append(UInt32(pool.count))
    }
    self.patternPool = Self.immortal(pool)
    self.patternStart = Self.immortal(starts)
    let stringLength = maximumLength[Int(FHIRType.string.raw)]
    self.stringMaximumLength = stringLength == 0 ? Int.max : Int(stringLength)
  }

  /// FNV-1a, 64 bits, over the bytes of `text` (the generator computes the same digest).
  static func digest(of text: StaticString) -> UInt64 {
    text.withUTF8Buffer { bytes in
      var h: UInt64 = 0xCBF2_9CE4_8422_2325
      for b in bytes {
        h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
      }
      return h
    }
  }

  private static func number<C: Collection<UInt8>>(_ digits: C) -> UInt32? {
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    var v: UInt32 = 0
    for d in digits {
      guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return nil }
      v = v * 10 + UInt32(d - UInt8(ascii: "0"))
    }
    return v
  }

  private static func hex<C: Collection<UInt8>>(_ digits: C) -> UInt64? {
    guard digits.count == 16 else { return nil }
    var v: UInt64 = 0
    for d in digits {
      switch d {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v << 4 | UInt64(d - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v << 4 | UInt64(d - UInt8(ascii: "a") + 10)
      default: return nil
      }
    }
    return v
  }

  private static func type<C: Collection<UInt8>>(named name: C) -> FHIRType? {
    let bytes = Array(name)
    return bytes.withUnsafeBytes { FHIRType.named($0) }.flatMap { $0.isPrimitive ? $0 : nil }
  }

  /// A copy of `array` in memory that is deliberately never deallocated.
  private static func immortal<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let p = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
    _ = p.initialize(from: array)
    return UnsafeBufferPointer(p)
  }
}

/// The tables a per-node validity check reads, held by value (pointers into tables that are
/// never freed): reading through one costs no `swift_once` and no reference counting, which the
/// static functions of `R4` do per call. Make one per worker, then ask it per node.
package struct R4ValidityTables: @unchecked Sendable {
  // @unchecked: only pointers to immortal, immutable tables (see `R4Validity`, `R4Lookup`).
  private let lookup = R4Tables.lookup
  private let validity = R4Validity.shared

  package init() {}

  /// `R4.structure(of:)`.
  @inline(__always)
  package func structure(of type: FHIRType) -> StructureID? {
    lookup.structure(of: type)
  }

  /// `R4.memberStructure(of:type:)`.
  @inline(__always)
  package func memberStructure(of element: ElementID, type: FHIRType) -> StructureID? {
    lookup.memberStructure(of: element, type: type)
  }

  /// `R4.isChoice(_:)`.
  @inline(__always)
  package func isChoice(_ element: ElementID) -> Bool {
    let e = Int(element.raw)
    precondition(e < lookup.elementFlags.count, "ElementID out of range")
    return lookup.elementFlags[e] & R4Tables.Flag.choice != 0
  }

  /// `R4.requiredElements(of:)`.
  @inline(__always)
  package func requiredElements(of structure: StructureID) -> RequiredElements {
    let s = Int(structure.raw)
    precondition(s + 1 < validity.requiredStart.count, "StructureID out of range")
    let range = Int(validity.requiredStart[s])..<Int(validity.requiredStart[s + 1])
    return RequiredElements(UnsafeBufferPointer(rebasing: validity.required[range]))
  }
}
