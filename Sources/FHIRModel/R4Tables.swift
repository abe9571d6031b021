/// The decoded R4 model: flat arrays indexed by type, structure and element, and two
/// open-addressing hash tables (type names, and member keys per structure).
///
/// `shared` is decoded once, on first use, from the generated text `R4Tables.source`, and never
/// changes afterwards. The text has one record per line:
/// ```
/// T<type name> <base type index or -> <kind: p primitive, c complex, r resource, a abstract>
/// S<structure path> <type index>
/// <element name> <type index>[,<type index>…] <flags> <structure index or ->
/// ```
/// Element flags are `c` (a choice), `r` (holds a resource), `m` (repeats: maximum cardinality
/// `*`), or `-`. The structure index is
/// where the member's children are looked up (for a choice it depends on the type: `-`).
/// Types are numbered in the order of their `T` lines, structures in the order of their `S`
/// lines, and elements in file order; the element lines after an `S` line are its members.
struct R4Tables: Sendable {
  /// The one decoded copy of the model.
  static let shared = R4Tables(decoding: source)

  /// The hot part of `shared`, as raw buffers (see `R4Lookup`).
  static let lookup = shared.makeLookup()

  /// The "no index" value in the `UInt16` columns.
  static let none: UInt16 = 0xFFFF

  /// Values of `typeKind`.
  enum Kind {
    static let complex: UInt8 = 0
    static let primitive: UInt8 = 1
    static let resource: UInt8 = 2
    static let abstractResource: UInt8 = 3
  }

  /// Bits of `elementFlags` and `Member.flags`.
  enum Flag {
    static let choice: UInt8 = 1
    static let holdsResource: UInt8 = 2
    static let repeats: UInt8 = 4
  }

  /// One JSON member key of one structure (a choice element has one per allowed type).
  struct Member: Sendable {
    var keyStart: UInt32
    var element: UInt32
    var parent: UInt16
    var type: UInt16
    var structure: UInt16
    var keyLength: UInt8
    var nameLength: UInt8
    var flags: UInt8
  }

  // Types, indexed by FHIRType.raw.
  private(set) var typeNamePool: [UInt8] = []
  private(set) var typeNameStart: [UInt32] = [0]
  private(set) var typeBase: [UInt16] = []
  private(set) var typeKind: [UInt8] = []
  private(set) var typeStructure: [UInt16] = []
  /// Open addressing over type names: `type + 1`, 0 when empty.
  private var typeSlots: [UInt16] = []

  // Structures, indexed by StructureID.raw.
  private(set) var structurePath: [String] = []
  private(set) var structureType: [UInt16] = []
  private(set) var structureFirstElement: [UInt32] = []
  private(set) var structureIndex: [String: UInt16] = [:]

  // Elements, indexed by ElementID.raw.
  private(set) var elementNamePool: [UInt8] = []
  private(set) var elementNameStart: [UInt32] = [0]
  private(set) var elementParent: [UInt16] = []
  private(set) var elementTypeStart: [UInt32] = [0]
  private(set) var elementTypes: [UInt16] = []
  private(set) var elementFlags: [UInt8] = []
  private(set) var elementStructure: [UInt16] = []

  // Member keys.
  private var keyPool: [UInt8] = []
  private var members: [Member] = []
  /// Open addressing over (structure, key): `hash << 32 | (member + 1)`, 0 when empty.
  private var memberSlots: [UInt64] = []
  private var maxKeyLength = 0
  /// The structure of `Element`, where the children of a shadow (`_birthDate`) object live.
  private var elementStructureID: UInt16 = 0

  private(set) var resourceTypeNames: [String] = []
}

// MARK: - Cold lookups

extension R4Tables {
  /// Calls `body` with the name bytes of element `raw`.
  func withElementName<R>(_ raw: UInt32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows
    -> R
  {
    let range = Int(elementNameStart[Int(raw)])..<Int(elementNameStart[Int(raw) + 1])
    return try elementNamePool.withUnsafeBytes {
      try body(UnsafeRawBufferPointer(rebasing: $0[range]))
    }
  }

  /// Copies the tables that per-member lookups read into memory that is never freed.
  func makeLookup() -> R4Lookup {
    R4Lookup(
      memberSlots: Self.immortal(memberSlots), members: Self.immortal(members),
      keyPool: Self.immortal(keyPool), maxKeyLength: maxKeyLength,
      elementStructure: elementStructureID, typeSlots: Self.immortal(typeSlots),
      typeNamePool: Self.immortal(typeNamePool), typeNameStart: Self.immortal(typeNameStart),
      typeKind: Self.immortal(typeKind), typeBase: Self.immortal(typeBase),
      typeStructure: Self.immortal(typeStructure),
      elementStructures: Self.immortal(elementStructure),
      elementFlags: Self.immortal(elementFlags))
  }

  /// A copy of `array` in memory that is deliberately never deallocated.
  private static func immortal<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
    let p = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
    _ = p.initialize(from: array)
    return UnsafeBufferPointer(p)
  }

  /// The name of type `t`, for use while `shared` is being built.
  fileprivate func typeName(_ t: Int) -> String {
    let range = Int(typeNameStart[t])..<Int(typeNameStart[t + 1])
    return String(decoding: typeNamePool[range], as: UTF8.self)
  }
}

// MARK: - Decoding

extension R4Tables {
  /// Decodes the table text (see the type's documentation) and builds the hash tables.
  ///
  /// The text is generated with the package, so a malformed record is a build defect and traps
  /// with its byte offset.
  init(decoding text: StaticString) {
    var subStructure: [UInt16] = []  // the element's structure column, as written
    text.withUTF8Buffer { bytes in
      var r = Reader(bytes: bytes)
      while !r.atEnd {
        switch r.peek {
        case UInt8(ascii: "T"):
          r.skip()
          let name = r.field()
          typeNamePool.append(contentsOf: name)
          typeNameStart.append(UInt32(typeNamePool.count))
          typeBase.append(r.index())
          let kind = r.field()
          switch kind.first {
          case UInt8(ascii: "p"): typeKind.append(Kind.primitive)
          case UInt8(ascii: "r"): typeKind.append(Kind.resource)
          case UInt8(ascii: "a"): typeKind.append(Kind.abstractResource)
          case UInt8(ascii: "c"): typeKind.append(Kind.complex)
          default: r.fail()
          }
        case UInt8(ascii: "S"):
          r.skip()
          let path = String(decoding: r.field(), as: UTF8.self)
          structureIndex[path] = UInt16(structurePath.count)
          structurePath.append(path)
          structureType.append(r.index())
          structureFirstElement.append(UInt32(elementParent.count))
        default:
          guard let parent = structurePath.indices.last else { r.fail() }
          elementNamePool.append(contentsOf: r.field())
          elementNameStart.append(UInt32(elementNamePool.count))
          elementParent.append(UInt16(parent))
          for t in r.field().split(separator: UInt8(ascii: ",")) {
            guard let v = Reader.number(t) else { r.fail() }
            elementTypes.append(v)
          }
          elementTypeStart.append(UInt32(elementTypes.count))
          var flags: UInt8 = 0
          for f in r.field() {
            switch f {
            case UInt8(ascii: "c"): flags |= Flag.choice
            case UInt8(ascii: "r"): flags |= Flag.holdsResource
            case UInt8(ascii: "m"): flags |= Flag.repeats
            case UInt8(ascii: "-"): break
            default: r.fail()
            }
          }
          elementFlags.append(flags)
          subStructure.append(r.index())
        }
        r.endLine()
      }
    }
    structureFirstElement.append(UInt32(elementParent.count))
    elementStructure = subStructure
    linkTypesToStructures()
    buildTypeSlots()
    buildMembers()
    resourceTypeNames = typeKind.indices.filter { typeKind[$0] == Kind.resource }
      .map { typeName($0) }.sorted()
  }

  /// Sets `typeStructure`: a type's own structure, or (`SimpleQuantity`) its nearest ancestor's.
  private mutating func linkTypesToStructures() {
    typeStructure = Array(repeating: Self.none, count: typeKind.count)
    for s in structurePath.indices where !structurePath[s].utf8.contains(UInt8(ascii: ".")) {
      typeStructure[Int(structureType[s])] = UInt16(s)
    }
    for t in typeKind.indices where typeKind[t] != Kind.primitive {
      var a = UInt16(t)
      while a != Self.none, typeStructure[Int(a)] == Self.none {
        a = typeBase[Int(a)]
      }
      typeStructure[t] = a == Self.none ? Self.none : typeStructure[Int(a)]
    }
    elementStructureID = typeStructure[Int(FHIRType.element.raw)]
  }

  private mutating func buildTypeSlots() {
    typeSlots = Array(repeating: 0, count: Self.tableSize(for: typeKind.count))
    let mask = typeSlots.count - 1
    for t in typeKind.indices {
      let range = Int(typeNameStart[t])..<Int(typeNameStart[t + 1])
      let h = typeNamePool.withUnsafeBytes {
        R4Lookup.hash(UnsafeRawBufferPointer(rebasing: $0[range]), seed: 0xFFFF_FFFF)
      }
      var i = Int(h) & mask
      while typeSlots[i] != 0 { i = (i + 1) & mask }
      typeSlots[i] = UInt16(t + 1)
    }
  }

  /// Adds one member per element, or per allowed type of a choice element, and hashes them.
  private mutating func buildMembers() {
    for e in elementParent.indices {
      let nameRange = Int(elementNameStart[e])..<Int(elementNameStart[e + 1])
      let types = Int(elementTypeStart[e])..<Int(elementTypeStart[e + 1])
      if elementFlags[e] & Flag.choice == 0 {
        addMember(element: e, name: nameRange, type: elementTypes[types.lowerBound], suffix: false)
      } else {
        for t in types {
          addMember(element: e, name: nameRange, type: elementTypes[t], suffix: true)
        }
      }
    }
    memberSlots = Array(repeating: 0, count: Self.tableSize(for: members.count))
    let mask = memberSlots.count - 1
    keyPool.withUnsafeBytes { pool in
      for (n, m) in members.enumerated() {
        let key = UnsafeRawBufferPointer(
          rebasing: pool[Int(m.keyStart)..<Int(m.keyStart) + Int(m.keyLength)])
        let h = R4Lookup.hash(key, seed: UInt32(m.parent))
        var i = Int(h) & mask
        while memberSlots[i] != 0 { i = (i + 1) & mask }
        memberSlots[i] = UInt64(h) << 32 | UInt64(n + 1)
      }
    }
  }

  /// Appends the key `name` (+ the capitalised name of `type` when `suffix`) and its member.
  private mutating func addMember(element e: Int, name: Range<Int>, type: UInt16, suffix: Bool) {
    let start = keyPool.count
    keyPool.append(contentsOf: elementNamePool[name])
    var structure = elementStructure[e]
    if suffix {
      let typeName = Int(typeNameStart[Int(type)])..<Int(typeNameStart[Int(type) + 1])
      var first = true
      for b in typeNamePool[typeName] {
        // The JSON suffix is the type name with its first letter upper-cased: dateTime → DateTime.
        let lower = first && b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
        keyPool.append(lower ? b - 0x20 : b)
        first = false
      }
      structure = typeKind[Int(type)] == Kind.primitive ? Self.none : typeStructure[Int(type)]
    }
    let length = keyPool.count - start
    precondition(length <= Int(UInt8.max), "R4Tables: member key too long")
    maxKeyLength = max(maxKeyLength, length)
    members.append(
      Member(
        keyStart: UInt32(start), element: UInt32(e), parent: elementParent[e], type: type,
        structure: structure, keyLength: UInt8(length), nameLength: UInt8(name.count),
        flags: elementFlags[e]))
  }

  /// A power of two at least twice `count`, so probe sequences stay short and always end.
  private static func tableSize(for count: Int) -> Int {
    var size = 16
    while size < count * 2 { size <<= 1 }
    return size
  }
}

/// A cursor over the table text: space-separated fields, newline-terminated records.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  var offset = 0

  var atEnd: Bool { offset >= bytes.count }
  var peek: UInt8 { bytes[offset] }

  mutating func skip() { offset += 1 }

  /// The bytes up to the next space or newline; consumes a following space, not a newline.
  mutating func field() -> Slice<UnsafeBufferPointer<UInt8>> {
    let start = offset
    while offset < bytes.count, bytes[offset] != UInt8(ascii: " "),
      bytes[offset] != UInt8(ascii: "\n")
    {
      offset += 1
    }
    let f = bytes[start..<offset]
    if offset < bytes.count, bytes[offset] == UInt8(ascii: " ") { offset += 1 }
    if f.isEmpty { fail() }
    return f
  }

  /// A decimal index field, or `R4Tables.none` for `-`.
  mutating func index() -> UInt16 {
    let f = field()
    if f.count == 1, f.first == UInt8(ascii: "-") { return R4Tables.none }
    guard let v = Self.number(f) else { fail() }
    return v
  }

  /// Consumes the newline that ends a record.
  mutating func endLine() {
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") else {
      if atEnd { return }
      fail()
    }
    offset += 1
  }

  static func number<C: Collection<UInt8>>(_ digits: C) -> UInt16? {
    guard !digits.isEmpty, digits.count <= 5 else { return nil }
    var v = 0
    for d in digits {
      guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return nil }
      v = v * 10 + Int(d - UInt8(ascii: "0"))
    }
    return v < Int(R4Tables.none) ? UInt16(v) : nil
  }

  func fail() -> Never {
    preconditionFailure("R4Tables: malformed table text at byte \(offset)")
  }
}
