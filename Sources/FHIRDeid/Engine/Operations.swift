/// The kinds of operation a resource's pass performed, which become `meta.security` labels
/// (spec §4.10, §5). A bit set; `rawValue` bits in label order.
package struct Operations: OptionSet, Sendable, Hashable {
  package let rawValue: UInt8
  package init(rawValue: UInt8) { self.rawValue = rawValue }

  package static let redact = Operations(rawValue: 1 << 0)
  package static let abstract = Operations(rawValue: 1 << 1)
  package static let cryptoHash = Operations(rawValue: 1 << 2)
  package static let encrypt = Operations(rawValue: 1 << 3)
  package static let perturb = Operations(rawValue: 1 << 4)
  package static let substitute = Operations(rawValue: 1 << 5)
  package static let generalize = Operations(rawValue: 1 << 6)

  /// The security label Coding of one operation, in Microsoft's fixed order.
  struct Label {
    var operation: Operations
    var system: StaticString?
    var code: StaticString
    var display: StaticString
  }

  static let labels: [Label] = [
    Label(operation: .redact, system: observationValue, code: "REDACTED", display: "redacted"),
    Label(operation: .abstract, system: observationValue, code: "ABSTRED", display: "abstracted"),
    // Sic: Microsoft's code lacks the P (Q6); kept for output compatibility.
    Label(
      operation: .cryptoHash, system: observationValue, code: "CRYTOHASH",
      display: "cryptographic hash function"),
    Label(operation: .encrypt, system: observationValue, code: "MASKED", display: "masked"),
    Label(
      operation: .perturb, system: nil, code: "PERTURBED",
      display: "exact value is replaced with another exact value"),
    Label(
      operation: .substitute, system: nil, code: "SUBSTITUTED",
      display: "exact value is replaced with a predefined value"),
    Label(
      operation: .generalize, system: nil, code: "GENERALIZED",
      display: "exact value is replaced with a general value"),
  ]

  static let observationValue: StaticString =
    "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"
}

extension Operations {
  /// Appends the security label Codings of these operations, in label order, as JSON objects
  /// separated by commas (a comma first unless `first`), leaving out those whose code is in
  /// `existing`.
  func appendCodings(skipping existing: Set<[UInt8]>, first: Bool, into out: inout [UInt8]) {
    var first = first
    for label in Self.labels where contains(label.operation) {
      let code = UnsafeRawBufferPointer(
        start: label.code.utf8Start, count: label.code.utf8CodeUnitCount)
      if !existing.isEmpty && existing.contains(Array(code)) { continue }
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out.append(UInt8(ascii: "{"))
      if let system = label.system {
        out.append(contentsOf: #""system":""#.utf8)
        out.appendBytes(
          UnsafeRawBufferPointer(start: system.utf8Start, count: system.utf8CodeUnitCount))
        out.append(contentsOf: #"","#.utf8)
      }
      out.append(contentsOf: #""code":""#.utf8)
      out.appendBytes(code)
      out.append(contentsOf: #"","display":""#.utf8)
      out.appendBytes(
        UnsafeRawBufferPointer(
          start: label.display.utf8Start, count: label.display.utf8CodeUnitCount))
      out.append(contentsOf: #""}"#.utf8)
    }
  }
}
