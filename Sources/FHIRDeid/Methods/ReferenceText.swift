import FHIRModel

/// Which part of a `Reference.reference` is the id that `cryptoHash` replaces (spec §4.4,
/// Microsoft's `ReferenceUtility`): `#local`, `[http(s)://…]Type/id[/_history/vid]`,
/// `urn:oid:…`, `urn:uuid:…`; anything else is hashed whole.
///
/// With `removingBase` (the fhir-deid rule setting `"referenceBase": "remove"`), an absolute
/// resource reference loses its service base: `http://host/fhir/Patient/123` gives the prefix
/// `Patient/`, so the output is `Patient/<hash>` and the host never survives. Microsoft's
/// behaviour (the default) keeps the base.
enum ReferenceText {
  /// What to hash and how to put the result back.
  enum Parts: Equatable {
    /// `prefix` + H(`id`) + `suffix`.
    case id(prefix: Range<Int>, id: Range<Int>, suffix: Range<Int>)
    /// H(whole value).
    case whole
    /// Leave as is (`#` alone).
    case unchanged
  }

  /// The R4 resource type names, grouped by length.
  static let typesByLength: [[[UInt8]]] = {
    var groups: [[[UInt8]]] = Array(repeating: [], count: 64)
    for name in R4.resourceTypeNames where name.utf8.count < 64 {
      groups[name.utf8.count].append(Array(name.utf8))
    }
    return groups
  }()
  static let historyMarker = Array("/_history/".utf8)
  static let httpScheme = Array("http://".utf8)
  static let httpsScheme = Array("https://".utf8)
  static let longestType = R4.resourceTypeNames.map(\.utf8.count).max() ?? 0

  /// Whether `t[range]` is a resource type name.
  static func isResourceType(_ t: [UInt8], _ range: Range<Int>) -> Bool {
    guard range.count < typesByLength.count, let first = t.first,
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(t[range.lowerBound]) || first == 0
    else { return false }
    for name in typesByLength[range.count] where t[range].elementsEqual(name) { return true }
    return false
  }

  /// The parts of the reference text `t`; `removingBase` drops the base URL of an absolute
  /// resource reference from the prefix (it starts at the resource type instead).
  static func parts(_ t: [UInt8], removingBase: Bool = false) -> Parts {
    let n = t.count
    if n > 0, t[0] == UInt8(ascii: "#") {
      return n == 1 ? .unchanged : .id(prefix: 0..<1, id: 1..<n, suffix: n..<n)
    }
    if let p = resourceReference(t, removingBase: removingBase) { return p }
    if startsWith(t, "urn:oid:") {
      let rest = 8..<n
      return isOID(t[rest]) ? .id(prefix: 0..<8, id: rest, suffix: n..<n) : .whole
    }
    if startsWith(t, "urn:uuid:") {
      let rest = 9..<n
      return isUUID(t[rest]) ? .id(prefix: 0..<9, id: rest, suffix: n..<n) : .whole
    }
    return .whole
  }

  /// `^((https?://[A-Za-z0-9\/.:%$]*)?Type/)(id)(/_history/vid)?$`
  ///
  /// Whether the text matches does not depend on `removingBase`; only where the prefix starts.
  private static func resourceReference(_ t: [UInt8], removingBase: Bool) -> Parts? {
    let n = t.count
    // Optional history suffix: the last "/_history/" followed by a valid version id.
    var body = n
    var suffix = n..<n
    if let h = lastRange(of: historyMarker, in: t) {
      let vid = t[h.upperBound..<n]
      if isIDText(vid) {
        body = h.lowerBound
        suffix = h.lowerBound..<n
      }
    }
    // The id: after the last "/" of the body.
    guard let slash = t[0..<body].lastIndex(of: UInt8(ascii: "/")), isIDText(t[(slash + 1)..<body])
    else { return nil }
    // A resource type name must end right before the slash; what precedes it must be empty or
    // an http(s) URL prefix of the allowed characters.
    let limit = min(slash, longestType)
    var found = false
    var typeStart = 0
    var length = 1
    while length <= limit {
      let start = slash - length
      if isResourceType(t, start..<slash), isURLPrefix(t[0..<start]) {
        // Microsoft's pattern only asks whether some type fits; the prefix is the same for all.
        // Without the base, the type is the LONGEST name that fits, so that
        // `http://h/fhir/RelatedPerson/1` keeps `RelatedPerson/`, not `Person/`.
        found = true
        typeStart = start
        if !removingBase { break }
      }
      length += 1
    }
    guard found else { return nil }
    let prefixStart = removingBase ? typeStart : 0
    return .id(prefix: prefixStart..<(slash + 1), id: (slash + 1)..<body, suffix: suffix)
  }

  private static func isURLPrefix(_ a: ArraySlice<UInt8>) -> Bool {
    if a.isEmpty { return true }
    let scheme: Int
    if a.starts(with: httpScheme) {
      scheme = 7
    } else if a.starts(with: httpsScheme) {
      scheme = 8
    } else {
      return false
    }
    for b in a.dropFirst(scheme) {
      switch b {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "\\"), UInt8(ascii: "/"),
        UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "$"):
        continue
      default: return false
      }
    }
    return true
  }

  /// 1–64 of `[A-Za-z0-9.-]`.
  private static func isIDText(_ s: ArraySlice<UInt8>) -> Bool {
    guard (1...64).contains(s.count) else { return false }
    for b in s {
      switch b {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"):
        continue
      default: return false
      }
    }
    return true
  }

  /// `[0-2](\.(0|[1-9][0-9]*))+`
  private static func isOID(_ s: ArraySlice<UInt8>) -> Bool {
    let a = Array(s)
    guard a.count >= 3, (UInt8(ascii: "0")...UInt8(ascii: "2")).contains(a[0]) else { return false }
    var i = 1
    var arcs = 0
    while i < a.count {
      guard a[i] == UInt8(ascii: ".") else { return false }
      i += 1
      let start = i
      while i < a.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(a[i]) { i += 1 }
      guard i > start, !(i - start > 1 && a[start] == UInt8(ascii: "0")) else { return false }
      arcs += 1
    }
    return arcs >= 1
  }

  /// 8-4-4-4-12 hexadecimal digits, any case.
  private static func isUUID(_ s: ArraySlice<UInt8>) -> Bool {
    let a = Array(s)
    guard a.count == 36 else { return false }
    for (i, b) in a.enumerated() {
      if i == 8 || i == 13 || i == 18 || i == 23 {
        guard b == UInt8(ascii: "-") else { return false }
      } else {
        let hex =
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
          || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b)
          || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(b)
        guard hex else { return false }
      }
    }
    return true
  }

  static func startsWith(_ t: [UInt8], _ prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    guard t.count >= n else { return false }
    let p = prefix.utf8Start
    for i in 0..<n where t[i] != p[i] { return false }
    return true
  }

  private static func lastRange(of needle: [UInt8], in t: [UInt8]) -> Range<Int>? {
    guard t.count >= needle.count else { return nil }
    var i = t.count - needle.count
    while i >= 0 {
      if t[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
      i -= 1
    }
    return nil
  }
}
