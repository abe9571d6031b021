import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree

/// `dateShift` (spec §4.3), compiled: moves a full date by the document's offset, keeping a
/// time group's zone with the time zeroed; partial dates and dates over 89 fall back to
/// redaction.
struct DateShift: Sendable {
  /// `dateShiftFixedOffsetInDays`, which wins over any key.
  var fixedOffset: Int?
  var scope: Configuration.DateShiftScope
  /// Whether the offset comes from ``MethodContext/hmacDateShift`` (`hmac-sha256`) rather than
  /// Microsoft's fold.
  var usesHMAC: Bool
  /// The key of Microsoft's fold.
  var key: [UInt8]
  /// What partial dates and dates over 89 get.
  var fallback: Redaction
  /// Per resource type (by `FHIRType.raw`), the Patient compartment paths (scope `patient`).
  var patientPaths: [[[[UInt8]]]]

  init(
    _ parameters: Configuration.Parameters, usesHMAC: Bool, settings: EngineSettings,
    patientPaths: [[[[UInt8]]]]
  ) {
    fixedOffset = parameters.dateShiftFixedOffsetInDays
    scope = parameters.dateShiftScope
    self.usesHMAC = usesHMAC
    key = settings.dateShiftKey
    fallback = Redaction(parameters, today: settings.todayDay)
    self.patientPaths = patientPaths
  }

  func apply(
    to node: Int32, rule: Rule, in context: inout MethodContext, bytes: UnsafeRawBufferPointer
  ) throws(RecordFailure) -> Operations {
    let type = context.tree[node].type
    guard type == .date || type == .dateTime || type == .instant else { return [] }
    guard context.loadText(node, bytes: bytes) else { return [] }
    let allowTime = type != .date
    guard let date = DateText(context.text, allowTime: allowTime), let month = date.month,
      let day = date.day, !date.indicatesAgeOver89(today: fallback.today)
    else {
      fallback.redactDate(node, allowTime: allowTime, in: &context)
      return .redact
    }
    let offset: Int
    do throws(CryptoError) {
      offset = try self.offset(in: &context, bytes: bytes)
    } catch {
      throw context.failure(.offsetFailed, at: node, rule: rule.index)
    }
    let shifted = CivilCalendar.civilDate(
      dayNumber: CivilCalendar.dayNumber(year: date.year, month: month, day: day) + offset)
    guard (1...9999).contains(shifted.year) else {
      context.remove(node)
      return .redact
    }
    var out: [UInt8] = []
    out.reserveCapacity(context.text.count)
    DateText.appendDigits(shifted.year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    DateText.appendDigits(shifted.month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    DateText.appendDigits(shifted.day, width: 2, to: &out)
    if let group = date.timeGroup, let zone = date.zone {
      // `T13:28:17.123` → `T00:00:00.000`, zone as written.
      for i in group.lowerBound..<zone.lowerBound {
        let b = context.text[i]
        out.append((0x30...0x39).contains(b) ? UInt8(ascii: "0") : b)
      }
      out.append(contentsOf: context.text[zone])
    }
    context.replace(node, with: out)
    return .perturb
  }

  /// The document's offset in days: the fixed offset, or else the offset the configured
  /// algorithm derives from the key and the scope (cached for the document).
  func offset(in context: inout MethodContext, bytes: UnsafeRawBufferPointer)
    throws(CryptoError) -> Int
  {
    if let fixedOffset { return fixedOffset }
    if let cached = context.cachedOffset { return cached }
    let offset =
      usesHMAC
      ? try hmacOffset(in: &context, bytes: bytes) : microsoftOffset(in: &context, bytes: bytes)
    context.cachedOffset = offset
    return offset
  }

  /// Microsoft's fold of prefix + key, where the prefix is the input's name (scopes file and
  /// folder) or else the root resource's id as it is now (hashed if a rule hashed it already);
  /// in patient scope, the fold of the patient's original id, never 0.
  private func microsoftOffset(in context: inout MethodContext, bytes: UnsafeRawBufferPointer)
    -> Int
  {
    if scope == .patient, findPatientID(in: &context, bytes: bytes) {
      // A zero shift would leave true dates in place.
      let offset = DateShiftHash.offset(prefix: context.scratch, key: key)
      return offset == 0 ? 1 : offset
    }
    if !context.dateShiftPrefix.isEmpty {
      return DateShiftHash.offset(prefix: context.dateShiftPrefix, key: key)
    }
    context.scratch.removeAll(keepingCapacity: true)
    if context.rootID >= 0 {
      // Keep the caller's `text` (the date being shifted) aside without copying it.
      var saved: [UInt8] = []
      swap(&saved, &context.text)
      if context.loadText(context.rootID, bytes: bytes) {
        context.scratch.append(contentsOf: context.text)
      }
      swap(&saved, &context.text)
    }
    var offset = DateShiftHash.offset(prefix: context.scratch, key: key)
    if scope == .patient {
      // No patient: resource scope, counted once per document.
      context.patientScopeFallbacks &+= 1
      if offset == 0 { offset = 1 }
    }
    return offset
  }

  /// The `hmac-sha256` algorithm: keyed on the scope's original id — the patient's id, the
  /// root resource's `resourceType/id`, or the file or folder name — never on anything the
  /// output shows.
  private func hmacOffset(in context: inout MethodContext, bytes: UnsafeRawBufferPointer)
    throws(CryptoError) -> Int
  {
    let scopeName: String
    switch scope {
    case .file, .folder:
      scopeName = scope.rawValue
      context.scratch.removeAll(keepingCapacity: true)
      context.scratch.append(contentsOf: context.dateShiftPrefix)
    case .patient where findPatientID(in: &context, bytes: bytes):
      scopeName = "patient"
    case .patient, .resource:
      if scope == .patient { context.patientScopeFallbacks &+= 1 }
      scopeName = "resource"
      context.scratch.removeAll(keepingCapacity: true)
      if context.rootID >= 0 {
        context.scratch.append(contentsOf: context.tree[0].type.name.utf8)
        context.scratch.append(UInt8(ascii: "/"))
        context.appendOriginal(context.rootID, bytes: bytes)
      }
    }
    guard context.hmacDateShift != nil else { throw CryptoError.openSSL(0) }
    let id = context.scratch
    return try context.hmacDateShift?.offset(scope: scopeName, id: id) ?? 0
  }

  // MARK: Patient scope

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

  /// Puts the id of the document's patient (the Patient's own id, or the patient its
  /// compartment references point to), as written in the input, into `context.scratch`; false
  /// when the document has no patient.
  func findPatientID(in context: inout MethodContext, bytes: UnsafeRawBufferPointer) -> Bool {
    context.scratch.removeAll(keepingCapacity: true)
    let root = context.tree[0]
    if root.type == .patient {
      if context.rootID >= 0 { context.appendOriginal(context.rootID, bytes: bytes) }
      return !context.scratch.isEmpty
    }
    for path in patientPaths[Int(root.type.raw)] {
      if searchReference(from: 0, path: path[...], in: &context, bytes: bytes) { return true }
    }
    return false
  }

  /// Depth-first along `path` from `node`; at the end, a Reference to a Patient.
  private func searchReference(
    from node: Int32, path: ArraySlice<[UInt8]>, in context: inout MethodContext,
    bytes: UnsafeRawBufferPointer
  ) -> Bool {
    guard let name = path.first else {
      guard context.tree[node].type == .reference else { return false }
      var child = context.tree[node].firstChild
      while child >= 0 {
        if context.tree.nameEquals(child, referenceName, in: bytes),
          context.tree[child].valueToken >= 0
        {
          context.appendOriginal(child, bytes: bytes)
          if let id = PatientReference.id(in: context.scratch) {
            context.scratch = Array(context.scratch[id])
            return true
          }
          context.scratch.removeAll(keepingCapacity: true)
        }
        child = context.tree[child].nextSibling
      }
      return false
    }
    var child = context.tree[node].firstChild
    while child >= 0 {
      if context.tree.nameEquals(child, name, in: bytes),
        searchReference(from: child, path: path.dropFirst(), in: &context, bytes: bytes)
      {
        return true
      }
      child = context.tree[child].nextSibling
    }
    return false
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
