import ByteJSON
import FHIRModel

extension ResourceTree {
  /// What ``validity(_:bytes:)`` found.
  package enum Validity: UInt8, Sendable {
    /// Does not fit R4: ``build(_:bytes:)`` says where.
    case invalid
    /// Fits, and compact JSON of the input is the output of a run without rules.
    case valid
    /// Fits, but some member is not written as it came in even without rules (dropped
    /// `fhir_comments`, `null`, empty strings, `{}`, `[]`; a single value for a repeating element;
    /// a value in another JSON kind than its type's): build the tree and write it.
    case needsRewrite
  }

  /// Whether the resource on `tape` fits the R4 model, checked without building nodes: the same
  /// checks as ``build(_:bytes:)`` (known resource types, elements defined at their place, JSON
  /// kinds that fit the element types, primitive values that parse as their types), about twice
  /// as fast. When it returns false, `build` reports where and why.
  package static func isValid(
    _ tape: Tape, bytes: UnsafeRawBufferPointer, model: FHIRVersionModel = .r4
  ) -> Bool {
    validity(tape, bytes: bytes, model: model) != .invalid
  }

  /// Checks the resource on `tape` as ``build(_:bytes:)`` does, and whether its output differs
  /// from its compact input even when no rule changes anything.
  package static func validity(
    _ tape: Tape, bytes: UnsafeRawBufferPointer, model: FHIRVersionModel = .r4
  ) -> Validity {
    ModelCheck(model: model).validity(tape, bytes: bytes)
  }
}

/// The checks of ``ResourceTree/validity(_:bytes:model:)`` against one version's model.
private struct ModelCheck {
  let model: FHIRVersionModel

  func validity(_ tape: Tape, bytes: UnsafeRawBufferPointer) -> ResourceTree.Validity {
    guard tape.count > 0, tape[0].kind == .objectStart,
      let structure = resourceStructure(of: 0, tape: tape, bytes: bytes)
    else { return .invalid }
    var rewrite = false
    guard
      validObject(
        0, structure: structure, isResource: true, tape: tape, bytes: bytes, rewrite: &rewrite)
    else { return .invalid }
    return rewrite ? .needsRewrite : .valid
  }

  private func resourceStructure(
    of object: Int, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> StructureID? {
    guard let value = tape.member(named: "resourceType", in: object, bytes: bytes),
      tape[value].kind == .string, !tape[value].hasEscapes,
      let type = model.resourceType(
        named: UnsafeRawBufferPointer(rebasing: bytes[tape[value].range]))
    else { return nil }
    return model.structure(of: type)
  }

  private func validObject(
    _ object: Int, structure: StructureID, isResource: Bool, tape: Tape,
    bytes: UnsafeRawBufferPointer, rewrite: inout Bool
  ) -> Bool {
    if Int(tape[object].link) == object + 1, !isResource { rewrite = true }
    for (key, value) in tape.members(of: object) {
      let keyToken = tape[key]
      let name = UnsafeRawBufferPointer(rebasing: bytes[keyToken.range])
      if isResource, ResourceTree.equals(name, "resourceType") { continue }
      if ResourceTree.equals(name, "fhir_comments") {
        rewrite = true
        continue
      }
      guard !keyToken.hasEscapes, let match = model.child(name, of: structure) else { return false }
      if tape[value].kind == .arrayStart {
        if Int(tape[value].link) == value + 1 { rewrite = true }
        for item in tape.elements(of: value) {
          guard tape[item].kind != .arrayStart,
            validValue(item, match: match, tape: tape, bytes: bytes, rewrite: &rewrite)
          else { return false }
        }
      } else {
        if match.repeats { rewrite = true }
        guard validValue(value, match: match, tape: tape, bytes: bytes, rewrite: &rewrite) else {
          return false
        }
      }
    }
    return true
  }

  private func validValue(
    _ value: Int, match: ChildMatch, tape: Tape, bytes: UnsafeRawBufferPointer,
    rewrite: inout Bool
  ) -> Bool {
    let kind = tape[value].kind
    if kind == .null {
      rewrite = true
      return true
    }
    if match.isShadow {
      guard kind == .objectStart, let structure = match.structure else { return false }
      return validObject(
        value, structure: structure, isResource: false, tape: tape, bytes: bytes,
        rewrite: &rewrite)
    }
    if match.holdsResource {
      guard kind == .objectStart,
        let structure = resourceStructure(of: value, tape: tape, bytes: bytes)
      else { return false }
      return validObject(
        value, structure: structure, isResource: true, tape: tape, bytes: bytes,
        rewrite: &rewrite)
    }
    if match.type.isPrimitive {
      guard kind == .string || kind == .number || kind == .true || kind == .false else {
        return false
      }
      switch PrimitiveSyntax.fit(value, type: match.type, tape: tape, bytes: bytes) {
      case .asWritten: return true
      case .normalized, .empty:
        rewrite = true
        return true
      case .invalid: return false
      }
    }
    guard kind == .objectStart, let structure = match.structure else { return false }
    return validObject(
      value, structure: structure, isResource: false, tape: tape, bytes: bytes, rewrite: &rewrite)
  }
}
