import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath

extension Anonymizer {
  /// For each resource type (by `FHIRType.raw`), the compartment paths split into name segments.
  static func compilePatientPaths() -> [[[[UInt8]]]] {
    var table = Array(repeating: [[[UInt8]]](), count: R4.typeCount)
    for (type, paths) in PatientCompartment.paths {
      guard let t = FHIRType.named(type), let structure = R4.structure(of: t) else { continue }
      table[Int(t.raw)] = paths.map { path in
        // The search parameter `patient` is the element `subject` where the type has no element
        // named `patient` (Procedure, CarePlan, Goal, ImagingStudy, …).
        var segments = path.split(separator: ".").map(String.init)
        if segments == ["patient"], R4.child("patient", of: structure) == nil,
          R4.child("subject", of: structure) != nil
        {
          segments = ["subject"]
        }
        return segments.map { Array($0.utf8) }
      }
    }
    return table
  }
}

extension EngineCore {
  /// Puts the id of the document's patient (the Patient's own id, or the patient its
  /// compartment references point to), as written in the input, into `scratch`; false when the
  /// document has no patient.
  mutating func findPatientID(bytes: UnsafeRawBufferPointer) -> Bool {
    scratch.removeAll(keepingCapacity: true)
    let root = tree[0]
    if root.type == .patient {
      if rootID >= 0 { appendOriginal(rootID, bytes: bytes) }
      return !scratch.isEmpty
    }
    for path in anonymizer.patientPaths[Int(root.type.raw)] {
      if searchReference(from: 0, path: path[...], bytes: bytes) { return true }
    }
    return false
  }

  /// Depth-first along `path` from `node`; at the end, a Reference to a Patient.
  private mutating func searchReference(
    from node: Int32, path: ArraySlice<[UInt8]>, bytes: UnsafeRawBufferPointer
  ) -> Bool {
    guard let name = path.first else {
      guard tree[node].type == .reference else { return false }
      var child = tree[node].firstChild
      while child >= 0 {
        if tree.nameEquals(child, referenceName, in: bytes), tree[child].valueToken >= 0 {
          appendOriginal(child, bytes: bytes)
          if let id = PatientReference.id(in: scratch) {
            scratch = Array(scratch[id])
            return true
          }
          scratch.removeAll(keepingCapacity: true)
        }
        child = tree[child].nextSibling
      }
      return false
    }
    var child = tree[node].firstChild
    while child >= 0 {
      if tree.nameEquals(child, name, in: bytes),
        searchReference(from: child, path: path.dropFirst(), bytes: bytes)
      {
        return true
      }
      child = tree[child].nextSibling
    }
    return false
  }

  /// Appends a primitive's value as it is in the input (unescaped), ignoring edits.
  mutating func appendOriginal(_ node: Int32, bytes: UnsafeRawBufferPointer) {
    let n = tree[node]
    guard n.valueToken >= 0 else { return }
    let token = tape[Int(n.valueToken)]
    let raw = UnsafeRawBufferPointer(rebasing: bytes[token.range])
    if token.hasEscapes {
      JSONEscaping.unescape(raw, into: &scratch)
    } else {
      scratch.append(contentsOf: raw)
    }
  }
}

/// Reading the patient id out of a reference: `Patient/<id>`, optionally after a base URL
/// (`http://host/fhir/Patient/<id>`) and before `/_history/<v>`.
enum PatientReference {
  static func id(in reference: [UInt8]) -> Range<Int>? {
    let marker = Array("Patient/".utf8)
    guard reference.count > marker.count else { return nil }
    var start = -1
    var i = 0
    while i + marker.count <= reference.count {
      if (i == 0 || reference[i - 1] == UInt8(ascii: "/"))
        && reference[i..<(i + marker.count)].elementsEqual(marker)
      {
        start = i + marker.count
      }
      i += 1
    }
    guard start >= 0, start < reference.count else { return nil }
    var end = start
    while end < reference.count, reference[end] != UInt8(ascii: "/") { end += 1 }
    guard end > start else { return nil }
    if end < reference.count {
      // Only a version suffix may follow.
      guard reference[end...].starts(with: Array("/_history/".utf8)) else { return nil }
    }
    return start..<end
  }
}

private let referenceName = Array("reference".utf8)
