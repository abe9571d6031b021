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
