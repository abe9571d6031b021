import DeidCrypto
import FHIRModel
import FHIRPath

extension EngineCore {
  /// `dateShift` (spec §4.3): moves a full date by the document's offset, keeping a time group's
  /// zone with the time zeroed; partial dates and dates over 89 fall back to redaction.
  mutating func dateShift(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Operations {
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
    let offset = dateShiftOffset(bytes: bytes)
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

  /// The document's offset in days: the fixed offset, or Microsoft's fold of prefix + key where
  /// the prefix is the input's name (scopes file/folder) or else the root resource's id as it is
  /// now (hashed if a rule hashed it already).
  mutating func dateShiftOffset(bytes: UnsafeRawBufferPointer) -> Int {
    if let fixed = configuration.parameters.dateShiftFixedOffsetInDays { return fixed }
    if let cachedOffset { return cachedOffset }
    let key = anonymizer.settings.dateShiftKey
    var offset: Int
    if configuration.parameters.dateShiftScope == .patient,
      let patient = patientOffset(bytes: bytes)
    {
      offset = patient
    } else if !dateShiftPrefix.isEmpty {
      offset = DateShiftHash.offset(prefix: dateShiftPrefix, key: key)
    } else {
      scratch.removeAll(keepingCapacity: true)
      if rootID >= 0 {
        // Keep the caller's `text` (the date being shifted) aside without copying it.
        var saved: [UInt8] = []
        swap(&saved, &text)
        if loadText(rootID, bytes: bytes) { scratch.append(contentsOf: text) }
        swap(&saved, &text)
      }
      offset = DateShiftHash.offset(prefix: scratch, key: key)
      if configuration.parameters.dateShiftScope == .patient {
        // No patient: resource scope, counted once per document.
        counters.patientScopeFallbacks &+= 1
        if offset == 0 { offset = 1 }
      }
    }
    cachedOffset = offset
    return offset
  }
}
