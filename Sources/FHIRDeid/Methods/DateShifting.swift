import DeidCrypto
import FHIRModel
import FHIRPath

extension EngineCore {
  /// `dateShift` (spec §4.3): moves a full date by the document's offset, keeping a time group's
  /// zone with the time zeroed; partial dates and dates over 89 fall back to redaction.
  mutating func dateShift(_ node: Int32, rule: Rule, bytes: UnsafeRawBufferPointer)
    throws(RecordFailure) -> Operations
  {
    let type = tree[node].type
    guard type == .date || type == .dateTime || type == .instant else { return [] }
    guard loadText(node, bytes: bytes) else { return [] }
    let allowTime = type != .date
    guard let date = DateText(text, allowTime: allowTime), let month = date.month,
      let day = date.day, !date.indicatesAgeOver89(today: anonymizer.settings.todayDay)
    else {
      redactDate(
        node, partial: configuration.parameters.enablePartialDatesForRedact, allowTime: allowTime)
      return .redact
    }
    let offset: Int
    do throws(CryptoError) {
      offset = try dateShiftOffset(bytes: bytes)
    } catch {
      throw RecordFailure(
        .processing("libcrypto failed while deriving the date-shift offset"),
        resourceType: tree[0].type.name, path: tree.path(of: node, bytes: bytes), rule: rule.index)
    }
    let shifted = CivilCalendar.civilDate(
      dayNumber: CivilCalendar.dayNumber(year: date.year, month: month, day: day) + offset)
    guard (1...9999).contains(shifted.year) else {
      remove(node)
      return .redact
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    DateText.appendDigits(shifted.year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    DateText.appendDigits(shifted.month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    DateText.appendDigits(shifted.day, width: 2, to: &out)
    if let group = date.timeGroup, let zone = date.zone {
      // `T13:28:17.123` → `T00:00:00.000`, zone as written.
      for i in group.lowerBound..<zone.lowerBound {
        let b = text[i]
        out.append((0x30...0x39).contains(b) ? UInt8(ascii: "0") : b)
      }
      out.append(contentsOf: text[zone])
    }
    replace(node, with: out)
    return .perturb
  }

  /// The document's offset in days: the fixed offset, or else the offset the configured
  /// algorithm derives from the key and the scope (cached for the document).
  mutating func dateShiftOffset(bytes: UnsafeRawBufferPointer) throws(CryptoError) -> Int {
    if let fixed = configuration.parameters.dateShiftFixedOffsetInDays { return fixed }
    if let cachedOffset { return cachedOffset }
    let offset =
      if hmacDateShift != nil {
        try hmacOffset(bytes: bytes)
      } else {
        microsoftOffset(bytes: bytes)
      }
    cachedOffset = offset
    return offset
  }

  /// Microsoft's fold of prefix + key, where the prefix is the input's name (scopes file and
  /// folder) or else the root resource's id as it is now (hashed if a rule hashed it already);
  /// in patient scope, the fold of the patient's original id, never 0.
  private mutating func microsoftOffset(bytes: UnsafeRawBufferPointer) -> Int {
    let key = anonymizer.settings.dateShiftKey
    if configuration.parameters.dateShiftScope == .patient, findPatientID(bytes: bytes) {
      // A zero shift would leave true dates in place.
      let offset = DateShiftHash.offset(prefix: scratch, key: key)
      return offset == 0 ? 1 : offset
    }
    if !dateShiftPrefix.isEmpty {
      return DateShiftHash.offset(prefix: dateShiftPrefix, key: key)
    }
    scratch.removeAll(keepingCapacity: true)
    if rootID >= 0 {
      // Keep the caller's `text` (the date being shifted) aside without copying it.
      var saved: [UInt8] = []
      swap(&saved, &text)
      if loadText(rootID, bytes: bytes) { scratch.append(contentsOf: text) }
      swap(&saved, &text)
    }
    var offset = DateShiftHash.offset(prefix: scratch, key: key)
    if configuration.parameters.dateShiftScope == .patient {
      // No patient: resource scope, counted once per document.
      counters.patientScopeFallbacks &+= 1
      if offset == 0 { offset = 1 }
    }
    return offset
  }

  /// The `hmac-sha256` algorithm: keyed on the scope's original id — the patient's id, the
  /// root resource's `resourceType/id`, or the file or folder name — never on anything the
  /// output shows.
  private mutating func hmacOffset(bytes: UnsafeRawBufferPointer) throws(CryptoError) -> Int {
    let scope = configuration.parameters.dateShiftScope
    let scopeName: String
    switch scope {
    case .file, .folder:
      scopeName = scope.rawValue
      scratch.removeAll(keepingCapacity: true)
      scratch.append(contentsOf: dateShiftPrefix)
    case .patient where findPatientID(bytes: bytes):
      scopeName = "patient"
    case .patient, .resource:
      if scope == .patient { counters.patientScopeFallbacks &+= 1 }
      scopeName = "resource"
      scratch.removeAll(keepingCapacity: true)
      if rootID >= 0 {
        scratch.append(contentsOf: tree[0].type.name.utf8)
        scratch.append(UInt8(ascii: "/"))
        appendOriginal(rootID, bytes: bytes)
      }
    }
    guard hmacDateShift != nil else { throw CryptoError.openSSL(0) }
    return try hmacDateShift?.offset(scope: scopeName, id: scratch) ?? 0
  }
}
