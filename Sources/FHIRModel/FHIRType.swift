/// A FHIR R4 type: a primitive (`date`), a complex type (`HumanName`), a resource (`Patient`), or
/// one of the abstract bases (`Element`, `BackboneElement`, `Resource`, `DomainResource`).
///
/// The value is an index into the R4 type table, so it is two bytes, trivially copyable and
/// compares in one instruction. The named constants (`FHIRType.date`, `.patient`, `.extension`)
/// are generated with the table in `R4Tables.generated.swift`.
@usableFromInline package struct FHIRType: Hashable, Sendable {
  @inlinable package static func == (a: FHIRType, b: FHIRType) -> Bool { a.raw == b.raw }

  /// The index of this type in the R4 type table.
  @usableFromInline package let raw: UInt16

  /// Wraps a type-table index, `0..<R4.typeCount`.
  @inlinable package init(raw: UInt16) {
    self.raw = raw
  }
}

extension FHIRType {
  /// The type whose FHIR name is exactly `name` (`"date"`, `"HumanName"`, `"Patient"`,
  /// `"Resource"`), or nil.
  ///
  /// One hash probe and a byte compare; does not allocate. Type names are case-sensitive, as in
  /// FHIR: `"Date"` is not a type.
  package static func named(_ name: UnsafeRawBufferPointer) -> FHIRType? {
    R4Tables.lookup.type(named: name)
  }

  /// The type whose FHIR name is exactly `name`, or nil. See `named(_:)` for bytes.
  package static func named(_ name: String) -> FHIRType? {
    var name = name
    return name.withUTF8 { named(UnsafeRawBufferPointer($0)) }
  }

  /// The FHIR name of the type: `"date"`, `"dateTime"`, `"HumanName"`, `"Patient"`.
  ///
  /// Builds a `String`; on hot paths use `withNameBytes(_:)`.
  package var name: String {
    withNameBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes of the type's name, valid only during the call.
  package func withNameBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try R4Tables.lookup.withTypeName(self, body)
  }

  /// True for the R4 primitive types: `boolean`, `integer`, `string`, `decimal`, `uri`, `url`,
  /// `canonical`, `base64Binary`, `instant`, `date`, `dateTime`, `time`, `code`, `oid`, `id`,
  /// `markdown`, `unsignedInt`, `positiveInt`, `uuid`, `xhtml`.
  package var isPrimitive: Bool {
    let l = R4Tables.lookup
    return l.typeKind[l.index(self)] == R4Tables.Kind.primitive
  }

  /// True for the 146 concrete R4 resource types (`Account` … `VisionPrescription`); false for
  /// the abstract `Resource` and `DomainResource`.
  package var isResource: Bool {
    let l = R4Tables.lookup
    return l.typeKind[l.index(self)] == R4Tables.Kind.resource
  }

  /// The type this one is derived from (`Age` → `Quantity`, `code` → `string`, `Patient` →
  /// `DomainResource`); nil for the roots `Element` and `Resource`.
  package var base: FHIRType? {
    let l = R4Tables.lookup
    let b = l.typeBase[l.index(self)]
    return b == R4Tables.none ? nil : FHIRType(raw: b)
  }

  /// True when `self` is `other` or derives from it (`code` is a subtype of `string` and of
  /// `Element`; `Patient` of `DomainResource` and `Resource`).
  package func isSubtype(of other: FHIRType) -> Bool {
    var t: FHIRType? = self
    while let current = t {
      if current == other { return true }
      t = current.base
    }
    return false
  }
}

extension FHIRType: CustomStringConvertible {
  /// The FHIR name of the type.
  @usableFromInline package var description: String { name }
}
