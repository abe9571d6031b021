#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The part of the R4 tables that per-member work reads, as buffers that are never freed.
///
/// Reading through plain buffers instead of the arrays of `R4Tables` keeps a lookup free of
/// reference counting: copying this struct copies pointers, not array references, so a call
/// does no retain or release (an array-based version spent two thirds of its time in them).
/// Indices that come from outside (a `FHIRType.raw`) are checked before use; indices read from
/// the tables themselves are consistent by construction.
struct R4Lookup: @unchecked Sendable {
  // @unchecked: built once by `R4Tables.lookup`, never mutated or freed afterwards, so sharing
  // the pointers between threads is safe.
  let memberSlots: UnsafeBufferPointer<UInt64>
  let members: UnsafeBufferPointer<R4Tables.Member>
  let keyPool: UnsafeBufferPointer<UInt8>
  let maxKeyLength: Int
  let elementStructure: UInt16
  let typeSlots: UnsafeBufferPointer<UInt16>
  let typeNamePool: UnsafeBufferPointer<UInt8>
  let typeNameStart: UnsafeBufferPointer<UInt32>
  let typeKind: UnsafeBufferPointer<UInt8>
  let typeBase: UnsafeBufferPointer<UInt16>
  let typeStructure: UnsafeBufferPointer<UInt16>
  /// Per element, the structure of its members (a backbone element's own, a complex type's),
  /// `R4Tables.none` for primitives and choices.
  let elementStructures: UnsafeBufferPointer<UInt16>
  /// Per element, its `R4Tables.Flag`s (choice, holds a resource, repeats).
  let elementFlags: UnsafeBufferPointer<UInt8>

  /// FNV-1a over `key`, seeded with `seed`, with a final avalanche so that the low bits that
  /// index a table depend on every byte.
  @inline(__always)
  static func hash(_ key: UnsafeRawBufferPointer, seed: UInt32) -> UInt32 {
    // Eight bytes at a time (keys are short: most fit in one or two words).
    let n = key.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(seed) << 32) ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    while i &+ 8 <= n {
      let w = key.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      i &+= 8
    }
    if i < n {
      var w: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        w |= UInt64(key[i]) << shift
        shift &+= 8
        i &+= 1
      }
      h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
    }
    h ^= h >> 29
    h &*= 0xBF58_476D_1CE4_E5B9
    h ^= h >> 32
    return UInt32(truncatingIfNeeded: h)
  }

  /// See `R4.structure(of:)`.
  @inline(__always)
  func structure(of type: FHIRType) -> StructureID? {
    let s = typeStructure[index(type)]
    return s == R4Tables.none ? nil : StructureID(raw: s)
  }

  /// See `R4.memberStructure(of:type:)`.
  @inline(__always)
  func memberStructure(of element: ElementID, type: FHIRType) -> StructureID? {
    let e = Int(element.raw)
    precondition(e < elementStructures.count, "ElementID out of range")
    let s = elementStructures[e]
    if s != R4Tables.none { return StructureID(raw: s) }
    let i = index(type)
    let t = typeStructure[i]
    return t == R4Tables.none || typeKind[i] == R4Tables.Kind.primitive ? nil : StructureID(raw: t)
  }

  /// The member `key` of structure `parent`; see `R4.child(_:of:)`.
  @inline(__always)
  func child(_ key: UnsafeRawBufferPointer, of parent: UInt16) -> ChildMatch? {
    guard let first = key.first else { return nil }
    let isShadow = first == UInt8(ascii: "_")
    let name = isShadow ? UnsafeRawBufferPointer(rebasing: key[1...]) : key
    guard !name.isEmpty, name.count <= maxKeyLength, let m = member(name, of: parent) else {
      return nil
    }
    let structure: UInt16
    if isShadow {
      guard typeKind[Int(m.type)] == R4Tables.Kind.primitive else { return nil }
      structure = elementStructure
    } else {
      structure = m.structure
    }
    return ChildMatch(
      element: ElementID(raw: m.element),
      type: FHIRType(raw: m.type),
      nameLength: Int(m.nameLength),
      isChoice: m.flags & R4Tables.Flag.choice != 0,
      isShadow: isShadow,
      structure: structure == R4Tables.none ? nil : StructureID(raw: structure),
      holdsResource: m.flags & R4Tables.Flag.holdsResource != 0,
      repeats: m.flags & R4Tables.Flag.repeats != 0)
  }

  /// The member whose key is exactly `name` in structure `parent`.
  ///
  /// Probes linearly from the hash's slot; compares the stored hash, then the structure, then
  /// the length and bytes. Ends at the first empty slot (the table is at most half full).
  @inline(__always)
  private func member(_ name: UnsafeRawBufferPointer, of parent: UInt16) -> R4Tables.Member? {
    let h = Self.hash(name, seed: UInt32(parent))
    let mask = memberSlots.count &- 1
    var i = Int(h) & mask
    while true {
      let slot = memberSlots[i]
      if slot == 0 { return nil }
      if UInt32(truncatingIfNeeded: slot >> 32) == h {
        let m = members[Int(UInt32(truncatingIfNeeded: slot)) &- 1]
        if m.parent == parent, Int(m.keyLength) == name.count,
          Self.equal(keyPool, at: Int(m.keyStart), name)
        {
          return m
        }
      }
      i = (i &+ 1) & mask
    }
  }

  /// True when `pool[start ..< start + key.count]` equals `key`; the caller checked the length.
  @inline(__always)
  private static func equal(
    _ pool: UnsafeBufferPointer<UInt8>, at start: Int, _ key: UnsafeRawBufferPointer
  ) -> Bool {
    guard let a = pool.baseAddress, let b = key.baseAddress else { return key.isEmpty }
    return memcmp(a + start, b, key.count) == 0
  }

  /// The type named exactly `name`, or nil.
  func type(named name: UnsafeRawBufferPointer) -> FHIRType? {
    guard !name.isEmpty else { return nil }
    let mask = typeSlots.count &- 1
    var i = Int(Self.hash(name, seed: 0xFFFF_FFFF)) & mask
    while true {
      let slot = typeSlots[i]
      if slot == 0 { return nil }
      let t = Int(slot &- 1)
      let start = Int(typeNameStart[t])
      if Int(typeNameStart[t &+ 1]) &- start == name.count,
        Self.equal(typeNamePool, at: start, name)
      {
        return FHIRType(raw: UInt16(t))
      }
      i = (i &+ 1) & mask
    }
  }

  /// The index of `type` in the type columns; traps on a raw value outside the table.
  @inline(__always)
  func index(_ type: FHIRType) -> Int {
    let i = Int(type.raw)
    precondition(i < typeKind.count, "FHIRType raw value out of range")
    return i
  }

  /// Calls `body` with the name bytes of `type`.
  func withTypeName<R>(_ type: FHIRType, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows
    -> R
  {
    let i = index(type)
    let range = Int(typeNameStart[i])..<Int(typeNameStart[i + 1])
    return try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: typeNamePool[range])))
  }
}
