import DeidTestSupport
import FHIRModel
import Foundation
import Testing

/// The lexical scanners against two oracles: the specification's own regexes (run with Swift's
/// `Regex`), and fhir.resources 6.4.0, the validator the receiving team uses.
@Suite struct R4LexicalTests {
  /// The primitive types with a regex, and strings to start mutating from.
  static let seeds: [(FHIRType, [String])] = [
    (
      .instant,
      ["2020-01-01T10:00:00Z", "2016-02-29T23:59:60.25+14:00", "0999-12-31T00:00:00-13:59"]
    ),
    (.dateTime, ["2020", "2020-02", "2000-02-29", "2020-01-01T10:00:00.5+05:30"]),
    (.date, ["2020", "1900-02-28", "2020-12-31"]),
    (.time, ["23:59:60", "00:00:00.000", "12:34:56"]),
    (.integer, ["0", "-2147483648", "2147483647", "-17"]),
    (.unsignedInt, ["0", "2147483647", "100"]),
    (.positiveInt, ["1", "2147483647", "909"]),
    (.decimal, ["-0.50e+10", "476.90", "8E+1", "0"]),
    (.boolean, ["true", "false"]),
    (.id, ["a-B.9", "0"]),
    (.code, ["a b", "final"]),
    (.string, ["x", " a\tb\n"]),
    (.markdown, ["# x"]),
    (.uri, ["http://x/y?z", ""]),
    (.url, ["http://x"]),
    (.canonical, ["http://x|1"]),
    (.oid, ["urn:oid:2.16.840.1.113883.0"]),
    (.uuid, ["urn:uuid:c757873d-ec9a-4326-a141-556f43239520"]),
    (.base64Binary, ["SGVsbG8=", " AB+/\nCD== "]),
  ]

  /// Characters mutations draw from: what the forms are made of, white space the R4 regexes
  /// know (XML Schema's four), and non-ASCII text. No `\v`, `\f` or Unicode spaces: Swift's
  /// `\s` matches those and XML Schema's does not.
  static let alphabet = Array("0123456789-:.+TZz eE/=aAfF_xé\t\n\r|urn:oid:uuid".unicodeScalars)

  /// A small deterministic generator (SplitMix64), so a failure reproduces.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  }

  /// `seed` with one to three random edits (insert, delete, replace, or repeat a piece).
  static func mutate(_ seed: String, _ rng: inout SplitMix) -> String {
    var s = Array(seed.unicodeScalars)
    for _ in 0...rng.below(3) {
      let pick = alphabet[rng.below(alphabet.count)]
      switch rng.below(4) {
      case 0: s.insert(pick, at: rng.below(s.count + 1))
      case 1 where !s.isEmpty: s.remove(at: rng.below(s.count))
      case 2 where !s.isEmpty: s[rng.below(s.count)] = pick
      default:
        guard !s.isEmpty else { continue }
        let a = rng.below(s.count)
        let b = min(s.count, a + 1 + rng.below(4))
        s.insert(contentsOf: s[a..<b], at: b)
      }
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s)
    return String(out)
  }

  /// The rules beyond the regex that `isLexicallyValid` keeps, written independently: the day
  /// exists (a table and the Gregorian leap rule), and integers fit their ranges (`Int(_:)`).
  static func keepsValueRules(_ s: String, as type: FHIRType) -> Bool {
    switch type {
    case .integer:
      guard let v = Int(s) else { return false }
      return v >= Int(Int32.min) && v <= Int(Int32.max)
    case .unsignedInt, .positiveInt:
      guard let v = Int(s) else { return false }
      return v <= Int(Int32.max)
    case .date, .dateTime, .instant:
      let u = Array(s.utf8)
      guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
        let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
        let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
        let d = Int(String(decoding: u[8..<10], as: UTF8.self))
      else { return true }
      let leap = y.isMultiple(of: 4) && (!y.isMultiple(of: 100) || y.isMultiple(of: 400))
      let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      return d <= days[m - 1]
    default:
      return true
    }
  }

  @Test(arguments: seeds)
  func scannerAgreesWithTheSpecificationRegex(_ type: FHIRType, _ seeds: [String]) throws {
    let pattern = try #require(R4.lexicalPattern(of: type))
    let regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
    var rng = SplitMix(state: UInt64(type.raw) &* 0x1234_5678_9ABC)
    var samples = seeds
    for seed in seeds {
      for _ in 0..<300 { samples.append(Self.mutate(seed, &rng)) }
    }
    var accepted = 0
    for s in samples {
      let byRegex = try regex.wholeMatch(in: s) != nil
      let expected = byRegex && Self.keepsValueRules(s, as: type)
      #expect(R4.isLexicallyValid(s, as: type) == expected, "\(type) \(s.debugDescription)")
      if expected { accepted += 1 }
    }
    // The mutations reach both verdicts, so the comparison says something either way.
    #expect(accepted > seeds.count && accepted < samples.count)
  }

  // MARK: fhir.resources

  /// Where fhir.resources 6.4.0 and the R4 specification part, as `(type, sample, verdict of
  /// fhir.resources)`. `isLexicallyValid` follows the specification; each entry must still
  /// differ, so the list cannot go stale. None of them touches what issue #13 is about: both
  /// reject `2020` and `2020-01-01T10:00` as instants and accept them with seconds and a zone.
  static let knownDifferences: [(FHIRType, String, Bool)] = [
    // Stricter: pydantic's date-time parser has no leap second (the R4 regexes allow `:60`).
    (.instant, "2016-02-29T23:59:60Z", false), (.time, "23:59:60", false),
    // Its date check takes any four digits as a year (`0000`), tests a month only for > 12
    // (`2020-00`), and hands other digits to pydantic, which reads them as a Unix time.
    (.date, "2020-00", true), (.date, "0000", true), (.date, "12020", true),
    // dateTime and time go through pydantic's parsers: no seconds, no zone, any offset, and a
    // zone on a time are all accepted.
    (.dateTime, "2020-01-01T10:00", true), (.dateTime, "2020-01-01T10:00:00", true),
    (.dateTime, "2020-01-01T10:00:00+15:00", true), (.dateTime, "2020-01-01T10:00Z", true),
    (.time, "10:00:00Z", true), (.time, "10:00:00+01:00", true),
    // `\S*` applied with re.match matches the empty prefix of anything.
    (.uri, "http://x y", true), (.uri, "a\tb", true), (.uri, " ", true), (.uri, "a\n", true),
    (.canonical, "a b", true),
    // Numbers: pydantic converts strings and floats (`"01"`, `1.0`, `1e2`), and the integer
    // types have no 32-bit range.
    (.decimal, "01", true), (.decimal, "1.", true), (.decimal, ".5", true),
    (.decimal, "+1", true), (.decimal, "1 ", true),
    (.integer, "2147483648", true), (.integer, "-2147483649", true), (.integer, "01", true),
    (.integer, "+1", true), (.integer, "1.0", true), (.integer, "1e2", true),
    (.integer, "99999999999", true), (.integer, " 1", true),
    (.positiveInt, "+1", true), (.positiveInt, "01", true), (.positiveInt, "2147483648", true),
    (.positiveInt, "1.0", true),
    (.unsignedInt, "-0", true), (.unsignedInt, "00", true), (.unsignedInt, "2147483648", true),
    (.unsignedInt, "01", true),
    // base64Binary is not checked at all.
    (.base64Binary, "", true), (.base64Binary, "AAA", true), (.base64Binary, "AA AA", true),
    (.base64Binary, "AAAA!", true), (.base64Binary, "   ", true), (.base64Binary, "AAAAA", true),
    (.base64Binary, "AA-_", true),
    // uuid is Python's UUID(): any case, no `urn:uuid:` needed, hyphens anywhere.
    (.uuid, "urn:uuid:C757873D-EC9A-4326-A141-556F43239520", true),
    (.uuid, "c757873d-ec9a-4326-a141-556f43239520", true),
    (.uuid, "urn:uuid:c757873dec9a-4326-a141-556f43239520-", true),
    // boolean: pydantic converts the strings `True`, `1` and `yes`.
    (.boolean, "True", true), (.boolean, "1", true), (.boolean, "yes", true),
    // markdown may be empty there.
    (.markdown, "", true),
  ]

  /// The samples of `R4ValidityTests`, each in an extension of a `Basic` resource.
  static func crossCheckSamples() -> [(FHIRType, String)] {
    var out: [(FHIRType, String)] = []
    for s in R4ValidityTests.samples where s.type != .xhtml {
      for v in s.valid + s.invalid { out.append((s.type, v)) }
    }
    return out
  }

  /// A JSON value for `sample`: the token itself where it is a JSON number or boolean for a
  /// number or boolean type (as FHIR JSON writes them), a JSON string otherwise.
  static func jsonValue(_ sample: String, as type: FHIRType) -> String {
    let numeric: Set<FHIRType> = [.integer, .unsignedInt, .positiveInt, .decimal]
    if numeric.contains(type), R4.isLexicallyValid(sample, as: .decimal) { return sample }
    if type == .boolean, sample == "true" || sample == "false" { return sample }
    var out = "\""
    for u in sample.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "\""
  }

  @Test(.enabled(if: FhirResourcesValidator.isAvailable))
  func scannerAgreesWithFhirResources() throws {
    let samples = Self.crossCheckSamples()
    var lines = ""
    for (type, sample) in samples {
      let name = type.name
      let key = "value" + name.prefix(1).uppercased() + name.dropFirst()
      lines +=
        #"{"resourceType":"Basic","code":{"text":"x"},"extension":[{"url":"http://example.org/x","#
        + #""\#(key)":\#(Self.jsonValue(sample, as: type))}]}"# + "\n"
    }
    let verdicts = try FhirResourcesValidator.verdicts(of: Data(lines.utf8))
    try #require(verdicts.count == samples.count)
    var differences: [String] = []
    for ((type, sample), fhirResources) in zip(samples, verdicts) {
      let ours = R4.isLexicallyValid(sample, as: type)
      let known = Self.knownDifferences.first { $0.0 == type && $0.1 == sample }
      if let known {
        #expect(fhirResources == known.2 && ours != known.2, "\(type) \(sample.debugDescription)")
      } else if ours != fhirResources {
        differences.append("\(type) \(sample.debugDescription): fhir.resources \(fhirResources)")
      }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }
}
