import ByteJSON
import FHIRModel

extension ResourceTree {
  /// Whether the resource on `tape` fits the R4 model, checked without building nodes: the same
  /// checks as ``build(_:bytes:)`` (known resource types, elements defined at their place, JSON
  /// kinds that fit the element types), about twice as fast. When it returns false, `build`
  /// reports where and why.
  package static func isValid(_ tape: Tape, bytes: UnsafeRawBufferPointer) -> Bool {
    guard tape.count > 0, tape[0].kind == .objectStart,
      let structure = resourceStructure(of: 0, tape: tape, bytes: bytes)
    else { return false }
    return validObject(0, structure: structure, isResource: true, tape: tape, bytes: bytes)
  }

  private static func resourceStructure(
    of object: Int, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> StructureID? {
    guard let value = tape.member(named: "resourceType", in: object, bytes: bytes),
      tape[value].kind == .string, !tape[value].hasEscapes,
      let type = R4.resourceType(named: UnsafeRawBufferPointer(rebasing: bytes[tape[value].range]))
    else { return nil }
    return R4.structure(of: type)
  }

  private static func validObject(
    _ object: Int, structure: StructureID, isResource: Bool, tape: Tape,
    bytes: UnsafeRawBufferPointer
  ) -> Bool {
    for (key, value) in tape.members(of: object) {
      let keyToken = tape[key]
      let name = UnsafeRawBufferPointer(rebasing: bytes[keyToken.range])
      if isResource, equals(name, "resourceType") { continue }
      if equals(name, "fhir_comments") { continue }
      guard !keyToken.hasEscapes, let match = R4.child(name, of: structure) else { return false }
      if tape[value].kind == .arrayStart {
        for item in tape.elements(of: value) {
          guard tape[item].kind != .arrayStart,
            validValue(item, match: match, tape: tape, bytes: bytes)
          else { return false }
        }
      } else if !validValue(value, match: match, tape: tape, bytes: bytes) {
        return false
      }
    }
    return true
  }

  private static func validValue(
    _ value: Int, match: ChildMatch, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> Bool {
    let kind = tape[value].kind
    if kind == .null { return true }
    if match.isShadow {
      guard kind == .objectStart, let structure = match.structure else { return false }
      return validObject(value, structure: structure, isResource: false, tape: tape, bytes: bytes)
    }
    if match.holdsResource {
      guard kind == .objectStart,
        let structure = resourceStructure(of: value, tape: tape, bytes: bytes)
      else { return false }
      return validObject(value, structure: structure, isResource: true, tape: tape, bytes: bytes)
    }
    if match.type.isPrimitive {
      return kind == .string || kind == .number || kind == .true || kind == .false
    }
    guard kind == .objectStart, let structure = match.structure else { return false }
    return validObject(value, structure: structure, isResource: false, tape: tape, bytes: bytes)
  }
}
