/// A node of the R4 element tree that has children: a complex type (`HumanName`), a resource type
/// (`Patient`, also the abstract `Resource` and `DomainResource`), or a backbone element
/// (`Patient.contact`).
package struct StructureID: Hashable, Sendable {
  /// The index of this structure in the R4 structure table.
  package let raw: UInt16

  /// Wraps a structure-table index, `0..<R4.structureCount`.
  package init(raw: UInt16) { self.raw = raw }
}

/// One element definition of R4, such as `Patient.birthDate` or `Observation.value[x]`.
///
/// An inherited member has its own definition per structure: `Patient.id` and `Resource.id` are
/// different elements, as in path2Type.
@usableFromInline package struct ElementID: Hashable, Sendable {
  /// The index of this element in the R4 element table.
  @usableFromInline package let raw: UInt32

  /// Wraps an element-table index, `0..<R4.elementCount`.
  package init(raw: UInt32) { self.raw = raw }
}

/// What a JSON member key means inside a structure: the result of `R4.child(_:of:)`.
package struct ChildMatch: Sendable, Equatable {
  /// The element definition the key names.
  package var element: ElementID
  /// The concrete type of this member; for a choice, the type the key's suffix names
  /// (`valueQuantity` → `Quantity`, `valueDateTime` → `dateTime`).
  package var type: FHIRType
  /// The bytes of the element name in the key, after the `_` of a shadow key:
  /// `valueQuantity` → 5, `_birthDate` → 9 (the name is at `key[isShadow ? 1 : 0 ..<]`).
  package var nameLength: Int
  /// True when the element is a choice (`value[x]`) and the key carries a type suffix.
  package var isChoice: Bool
  /// True when the key began with `_`: the member is the id/extension object of a primitive.
  package var isShadow: Bool
  /// Where this member's own children are looked up.
  ///
  /// The type's structure for complex types (`SimpleQuantity` → `Quantity`'s), the backbone's
  /// own structure, the reused one for paths defined elsewhere (`Questionnaire.item.item` →
  /// `Questionnaire.item`), and `Element`'s structure for a shadow member (`_birthDate`). Nil for
  /// primitives, and for resource-holding members, whose structure comes from the nested
  /// resource's `resourceType`.
  package var structure: StructureID?
  /// True for members whose value is a whole resource (or an array of them): every
  /// `DomainResource.contained`, `Bundle.entry.resource`, `Bundle.entry.response.outcome` and
  /// `Parameters.parameter.resource`.
  package var holdsResource: Bool
  /// True when the element repeats (maximum cardinality `*`): its JSON value is an array, and a
  /// single value given without one is written back as a one-item array (spec §2.1).
  package var repeats: Bool = false
}

/// The FHIR R4 model: which JSON member of which structure is which element, and its type.
///
/// The tables are decoded from a compact text once, on first use (about 2 ms), and are
/// immutable afterwards, so every function here is safe to call from any thread.
/// `child(_:of:)`, `structure(of:)` and `resourceType(named:)` do not allocate; the functions
/// returning `String` or arrays do and are meant for planning, not per-record work.
package enum R4 {
  /// The structure holding the members of `type`: complex types and resources, including the
  /// abstract `Element`, `BackboneElement`, `Resource` and `DomainResource`; nil for primitives.
  /// `SimpleQuantity` and `MoneyQuantity` use `Quantity`'s.
  package static func structure(of type: FHIRType) -> StructureID? {
    R4Tables.lookup.structure(of: type)
  }

  /// The concrete resource type named by a `resourceType` value (`Patient`), or nil for anything
  /// else, including `Resource`, `DomainResource`, data types and STU3-only names.
  package static func resourceType(named key: UnsafeRawBufferPointer) -> FHIRType? {
    guard let t = FHIRType.named(key), t.isResource else { return nil }
    return t
  }

  /// What the JSON member `key` is inside `parent`, or nil when it is not an element there.
  ///
  /// Handles choice keys (`valueQuantity`; the bare `value` and unknown suffixes are nil) and
  /// shadow keys of primitives (`_birthDate`; `_name` of a complex element is nil).
  /// `resourceType` and `fhir_comments` are nil: they are not elements. One hash probe over the
  /// key bytes and a byte compare; does not allocate.
  package static func child(_ key: UnsafeRawBufferPointer, of parent: StructureID) -> ChildMatch? {
    R4Tables.lookup.child(key, of: parent.raw)
  }

  /// `child(_:of:)` for a `String` key, for tests and planning.
  package static func child(_ key: String, of parent: StructureID) -> ChildMatch? {
    var key = key
    return key.withUTF8 { child(UnsafeRawBufferPointer($0), of: parent) }
  }

  /// The structure holding the members of a node of `element` with the concrete `type` (a choice's
  /// type, or the element's own): the backbone element's own structure (`Claim.insurance`), the
  /// reused one for paths defined elsewhere, the type's for complex types; nil for primitives.
  /// What `child(_:of:).structure` gives for the member's key, without the key. Does not
  /// allocate.
  package static func memberStructure(of element: ElementID, type: FHIRType) -> StructureID? {
    R4Tables.lookup.memberStructure(of: element, type: type)
  }

  /// The element's path: `"Patient.contact.name"`, `"Observation.value[x]"`.
  package static func path(of element: ElementID) -> String {
    let t = R4Tables.shared
    let e = Int(element.raw)
    let suffix = t.elementFlags[e] & R4Tables.Flag.choice != 0 ? "[x]" : ""
    return t.structurePath[Int(t.elementParent[e])] + "." + name(of: element) + suffix
  }

  /// The element's name: `"name"`, `"value"` (a choice's name has no `[x]`).
  package static func name(of element: ElementID) -> String {
    R4Tables.shared.withElementName(element.raw) { String(decoding: $0, as: UTF8.self) }
  }

  /// The structure the element is a member of.
  package static func parent(of element: ElementID) -> StructureID {
    StructureID(raw: R4Tables.shared.elementParent[Int(element.raw)])
  }

  /// True when the element repeats (maximum cardinality `*`: `Patient.name`, `HumanName.given`).
  package static func repeats(_ element: ElementID) -> Bool {
    R4Tables.shared.elementFlags[Int(element.raw)] & R4Tables.Flag.repeats != 0
  }

  /// True for a choice element (`Observation.value[x]`).
  package static func isChoice(_ element: ElementID) -> Bool {
    R4Tables.shared.elementFlags[Int(element.raw)] & R4Tables.Flag.choice != 0
  }

  /// The types the element allows: all of a choice's, in source order; otherwise exactly one.
  ///
  /// A backbone element's type is `BackboneElement` (in resources) or `Element` (in data types);
  /// a resource-holding element's is `Resource`.
  package static func allowedTypes(of element: ElementID) -> [FHIRType] {
    let t = R4Tables.shared
    let e = Int(element.raw)
    let range = Int(t.elementTypeStart[e])..<Int(t.elementTypeStart[e + 1])
    return t.elementTypes[range].map { FHIRType(raw: $0) }
  }

  /// The structure with this path (`"Patient.contact"`, `"HumanName"`, `"Patient"`), or nil.
  /// Paths defined elsewhere (`"Questionnaire.item.item"`) have no structure of their own.
  package static func structure(named path: String) -> StructureID? {
    R4Tables.shared.structureIndex[path].map { StructureID(raw: $0) }
  }

  /// The path of a structure: `"Patient.contact"`, `"HumanName"`.
  package static func path(of structure: StructureID) -> String {
    R4Tables.shared.structurePath[Int(structure.raw)]
  }

  /// The type of a structure: the type itself for types and resources; `BackboneElement` or
  /// `Element` for a backbone element.
  package static func type(of structure: StructureID) -> FHIRType {
    FHIRType(raw: R4Tables.shared.structureType[Int(structure.raw)])
  }

  /// The elements of a structure, inherited ones included, sorted by name (path2Type's order).
  package static func children(of s: StructureID) -> [ElementID] {
    let t = R4Tables.shared
    let i = Int(s.raw)
    return (t.structureFirstElement[i]..<t.structureFirstElement[i + 1]).map { ElementID(raw: $0) }
  }

  /// The number of structures; `StructureID(raw:)` values are `0..<structureCount`.
  package static var structureCount: Int { R4Tables.shared.structurePath.count }

  /// The number of types; `FHIRType(raw:)` values are `0..<typeCount`.
  package static var typeCount: Int { R4Tables.lookup.typeKind.count }

  /// The number of elements; `ElementID(raw:)` values are `0..<elementCount`.
  package static var elementCount: Int { R4Tables.shared.elementParent.count }

  /// The names of the 146 concrete R4 resource types, sorted.
  package static var resourceTypeNames: [String] { R4Tables.shared.resourceTypeNames }
}
