import DeidCrypto
import FHIRModel
import FHIRPath

extension AnonymizerWorker {
  /// `dateShift` (spec §4.3): moves a full date by the document's offset, keeping a time group's
  /// zone with the time zeroed; partial dates and dates over 89 fall back to redaction.
  func dateShift(_ node: Int32, bytes: UnsafeRawBufferPointer) -> Operations {
    let type = tree[node].type
    guard type == .date || type == .dateTime || type == .instant else { return [] }
    guard loadText(node, bytes: bytes) else { return [] }
    let allowTime = type != .date
    guard let date = DateText(text, allowTime: allowTime), let month = date.month,
      let day = date.day, !date.indicatesAgeOver89(today: anonymizer.settings.todayDay)
    else {
      redactDate(node, partial: configuration.parameters.enablePartialDatesForRedact, allowTime: allowTime)
      return .redact
    }
    let offset = dateShiftOffset(bytes: bytes)
    let shifted = CivilDays.day(
      CivilDays.dayNumber(DateText.Day(year: date.year, month: month, day: day)) + offset)
    guard (1...9999).contains(shifted.year) else {
      remove(node)
      return .redact
    }
    var out = DateText.digits(shifted.year, width: 4)
    out.append(UInt8(ascii: "-"))
    out.append(contentsOf: DateText.digits(shifted.month, width: 2))
    out.append(UInt8(ascii: "-"))
    out.append(contentsOf: DateText.digits(shifted.day, width: 2))
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
  func dateShiftOffset(bytes: UnsafeRawBufferPointer) -> Int {
    if let fixed = configuration.parameters.dateShiftFixedOffsetInDays { return fixed }
    let key = anonymizer.settings.dateShiftKey
    if !dateShiftPrefix.isEmpty {
      return DateShiftHash.offset(prefix: dateShiftPrefix, key: key)
    }
    scratch.removeAll(keepingCapacity: true)
    var child = tree[0].firstChild
    while child >= 0 {
      if tree[child].type == .id, tree.nameEquals(child, idName, in: bytes) {
        let saved = text
        if loadText(child, bytes: bytes) { scratch.append(contentsOf: text) }
        text = saved
        break
      }
      child = tree[child].nextSibling
    }
    return DateShiftHash.offset(prefix: scratch, key: key)
  }
}

private let idName = Array("id".utf8)
