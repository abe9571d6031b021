import FHIRModel

/// What `fhir-deid audit` checks in each value of the de-identified output.
package enum AuditCheck: Int, CaseIterable, Sendable, Comparable {
  /// A date, dateTime or instant with a month (finer than a year); not with `--shifted-dates`.
  case dateFinerThanYear
  /// An Age, or a Quantity in years, above 89; a date whose year means an age over 89.
  case ageOver89
  /// An `Address.postalCode` that is not the truncated form (first three digits then `00`, or
  /// `00000`).
  case zipCode
  /// An `Address.postalCode` in one of the restricted 3-digit areas (other than `00000`).
  case zipRestricted
  case ssn, phone, email, ipv4, ipv6, url
  /// A string, markdown or xhtml value that is not one of the structured strings
  /// (``AuditElements``).
  case freeText

  package static func < (a: AuditCheck, b: AuditCheck) -> Bool { a.rawValue < b.rawValue }

  package init(_ pattern: AuditPattern) {
    switch pattern {
    case .ssn: self = .ssn
    case .phone: self = .phone
    case .email: self = .email
    case .ipv4: self = .ipv4
    case .ipv6: self = .ipv6
    case .url: self = .url
    }
  }

  /// The name in `--format json` reports.
  package var name: String {
    switch self {
    case .dateFinerThanYear: "date-finer-than-year"
    case .ageOver89: "age-over-89"
    case .zipCode: "zip-code"
    case .zipRestricted: "zip-restricted-area"
    case .ssn: "ssn"
    case .phone: "phone"
    case .email: "email"
    case .ipv4: "ipv4"
    case .ipv6: "ipv6"
    case .url: "url"
    case .freeText: "free-text"
    }
  }

  /// The description in text reports.
  package var label: String {
    switch self {
    case .dateFinerThanYear: "date finer than a year"
    case .ageOver89: "age over 89"
    case .zipCode: "ZIP code not truncated to 3 digits"
    case .zipRestricted: "ZIP code in a restricted 3-digit area"
    case .ssn: "SSN pattern"
    case .phone: "phone number pattern"
    case .email: "e-mail address pattern"
    case .ipv4: "IPv4 address pattern"
    case .ipv6: "IPv6 address pattern"
    case .url: "URL pattern"
    case .freeText: "free text present"
    }
  }
}

/// The Safe Harbor categories of the original values `audit --original` looks for.
package enum AuditCategory: Int, CaseIterable, Sendable, Comparable {
  /// HumanName family, given, text, prefix, suffix (and the name tokens of the first three).
  case names
  /// Address line, city, district, postalCode (not in truncated form), text.
  case geography
  /// date, dateTime and instant values with a day: their `YYYY-MM-DD` part.
  case dates
  /// ContactPoint values.
  case telecom
  /// Identifier values.
  case identifiers
  /// Resource ids (also found as the id part of an output `Reference.reference`).
  case ids
  /// Other string, markdown and xhtml values (not the structured strings).
  case freeText

  package static func < (a: AuditCategory, b: AuditCategory) -> Bool { a.rawValue < b.rawValue }

  package var bit: UInt8 { 1 << UInt8(rawValue) }

  /// The name in reports.
  package var name: String {
    switch self {
    case .names: "names"
    case .geography: "geography"
    case .dates: "dates"
    case .telecom: "telecom"
    case .identifiers: "identifiers"
    case .ids: "ids"
    case .freeText: "free-text"
    }
  }

  /// The first category (in declaration order) among `bits`.
  package static func first(in bits: UInt8) -> AuditCategory? {
    guard bits != 0 else { return nil }
    return AuditCategory(rawValue: bits.trailingZeroBitCount)
  }
}

/// What the R4 model says about each element, for the audit: one byte of flags per element
/// (``ElementID``), computed once from the model's structure paths and element names.
package struct AuditElements: Sendable {
  package struct Flags: OptionSet, Sendable {
    package var rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }
    /// A structured string: not free text (see ``AuditElements/structured``).
    package static let structured = Flags(rawValue: 1)
    /// `HumanName.family`, `given`, `text`, `prefix`, `suffix`.
    package static let name = Flags(rawValue: 2)
    /// `HumanName.family`, `given`, `text`: also indexed word by word.
    package static let nameTokens = Flags(rawValue: 4)
    /// `Address.line`, `city`, `district`, `postalCode`, `text`.
    package static let geography = Flags(rawValue: 8)
    /// `Address.postalCode`.
    package static let postalCode = Flags(rawValue: 16)
    /// `ContactPoint.value`.
    package static let telecom = Flags(rawValue: 32)
    /// `Identifier.value`.
    package static let identifier = Flags(rawValue: 64)
    /// `Reference.reference`.
    package static let reference = Flags(rawValue: 128)
    /// A resource's own `id`.
    package static let resourceID = Flags(rawValue: 256)
    /// `Meta.security`: the security labels the engine adds (`REDACTED`, `ABSTRED`…), whose
    /// strings (`display`) are the tool's own, not free text.
    package static let securityLabels = Flags(rawValue: 512)
  }

  /// The structured strings: values of type string that are codes, units, pseudonyms or checked
  /// on their own, not free text. Everything else of type string, markdown or xhtml is free text.
  ///
  /// - `unit` of Quantity and its profiles (Age, Count, Distance, Duration, MoneyQuantity,
  ///   SimpleQuantity): a UCUM or display unit.
  /// - `Address.state`, `Address.country`: Safe Harbor allows them; `Address.postalCode`: the
  ///   ZIP checks look at it.
  /// - `Coding.version`: a code system's version.
  /// - `Reference.reference`: a resource type and (hashed) id; the id survival check looks at it.
  /// - `Identifier.value`: a pseudonym after `cryptoHash`; the pattern checks and (with
  ///   `--original`) the survival check look at it.
  /// (`Identifier.system`, `Coding.system`, `Extension.url` and the like are `uri`s, not
  /// strings, and never free text.)
  static let structured: [String: Set<String>] = [
    "Quantity": ["unit"], "Age": ["unit"], "Count": ["unit"], "Distance": ["unit"],
    "Duration": ["unit"], "MoneyQuantity": ["unit"], "SimpleQuantity": ["unit"],
    "Address": ["state", "country", "postalCode"],
    "Coding": ["version"],
    "Reference": ["reference"],
    "Identifier": ["value"],
  ]

  /// Flags per element, by `ElementID.raw`.
  let flags: [Flags]

  /// The table for the R4 model, built on first use.
  package static let shared = AuditElements()

  init() {
    var flags = [Flags](repeating: [], count: R4.elementCount)
    for raw in 0..<R4.elementCount {
      let element = ElementID(raw: UInt32(raw))
      let owner = R4.path(of: R4.parent(of: element))
      let name = R4.name(of: element)
      var f: Flags = []
      if Self.structured[owner]?.contains(name) == true { f.insert(.structured) }
      switch (owner, name) {
      case ("HumanName", "family"), ("HumanName", "given"), ("HumanName", "text"):
        f.formUnion([.name, .nameTokens])
      case ("HumanName", "prefix"), ("HumanName", "suffix"):
        f.insert(.name)
      case ("Address", "line"), ("Address", "city"), ("Address", "district"), ("Address", "text"):
        f.insert(.geography)
      case ("Address", "postalCode"):
        f.formUnion([.geography, .postalCode])
      case ("ContactPoint", "value"):
        f.insert(.telecom)
      case ("Identifier", "value"):
        f.insert(.identifier)
      case ("Reference", "reference"):
        f.insert(.reference)
      case ("Meta", "security"):
        f.insert(.securityLabels)
      default:
        if name == "id", R4.type(of: R4.parent(of: element)).isResource { f.insert(.resourceID) }
      }
      flags[raw] = f
    }
    self.flags = flags
  }

  /// The flags of `element` (none for the root's `ElementID(raw: .max)`).
  @inline(__always) package func flags(of element: ElementID) -> Flags {
    Int(element.raw) < flags.count ? flags[Int(element.raw)] : []
  }
}
