/// One FHIR version's element model as a value: what the tree builder, the validator and the
/// element paths consult to know which JSON member of which structure is which element.
///
/// Today the generated tables are R4's (4.0.1), ``r4``. Another version is another generated
/// table text decoded by the same decoder into another value of this type, handed to the tree
/// builder (`ResourceTree.build(_:bytes:model:)`); the FHIRPath evaluator reads only the tree
/// and never looks the model up itself. (``FHIRType`` values are still R4's type indices: a
/// second version needs its types numbered in one space with R4's.)
///
/// A value is one byte naming the version, so the tree that carries it stays small to copy;
/// its tables are decoded once and never freed, and every function here is safe on any thread.
package struct FHIRVersionModel: Sendable, Hashable {
  /// Which generated tables: 0 is R4. A second version adds its number, and a switch on it
  /// where the functions below read `R4Tables`.
  private let id: UInt8

  /// FHIR R4 (4.0.1), from the generated tables.
  package static var r4: FHIRVersionModel { FHIRVersionModel(id: 0) }

  /// The FHIR version the tables describe (`4.0.1`).
  package var version: StaticString { "4.0.1" }

  /// What the JSON member `key` is inside `parent`, or nil when it is not an element there
  /// (see `R4.child(_:of:)`). Does not allocate.
  @inline(__always)
  package func child(_ key: UnsafeRawBufferPointer, of parent: StructureID) -> ChildMatch? {
    // The global is read in place: a local copy of the lookup struct is a 170-byte memcpy.
    R4Tables.lookup.child(key, of: parent.raw)
  }

  /// `child(_:of:)` for a `String` key, for planning.
  package func child(_ key: String, of parent: StructureID) -> ChildMatch? {
    var key = key
    return key.withUTF8 { child(UnsafeRawBufferPointer($0), of: parent) }
  }

  /// The structure holding the members of `type`, or nil for primitives.
  @inline(__always)
  package func structure(of type: FHIRType) -> StructureID? {
    let s = R4Tables.lookup.typeStructure[R4Tables.lookup.index(type)]
    return s == R4Tables.none ? nil : StructureID(raw: s)
  }

  /// The concrete resource type named by a `resourceType` value, or nil.
  @inline(__always)
  package func resourceType(named key: UnsafeRawBufferPointer) -> FHIRType? {
    guard let t = R4Tables.lookup.type(named: key), t.isResource else { return nil }
    return t
  }

  /// The element's name: `"name"`, `"value"` (a choice's name has no `[x]`).
  package func name(of element: ElementID) -> String { R4.name(of: element) }

  /// True for a choice element (`Observation.value[x]`).
  package func isChoice(_ element: ElementID) -> Bool { R4.isChoice(element) }

  /// `R4.memberStructure(of:type:)`: where the members of an element holding a `type` are.
  package func memberStructure(of element: ElementID, type: FHIRType) -> StructureID? {
    R4.memberStructure(of: element, type: type)
  }

  /// The JSON member name of `element` holding a value of `type`: `birthDate`, and a choice's
  /// name with the type suffix (`valueQuantity`, `effectiveDateTime`).
  package func memberName(of element: ElementID, type: FHIRType) -> String {
    let name = self.name(of: element)
    guard isChoice(element) else { return name }
    let typeName = type.name
    return name + typeName.prefix(1).uppercased() + typeName.dropFirst()
  }

  /// The structure the element is a member of.
  package func parent(of element: ElementID) -> StructureID { R4.parent(of: element) }
}
