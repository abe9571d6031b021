import DeidTestSupport
import Foundation
import Testing

/// #14: whole runs of the binary that fail when a privacy rule stops reaching part of a document
/// or when a failing line leaks. Every identifying value in the inputs contains `CANARY`, so
/// "nothing leaked" is one search.
@Suite(.timeLimit(.minutes(3)))
struct PrivacyCLITests {
  static let keys = #"{"cryptoHashKey":"c-key","dateShiftKey":"d-key"}"#

  /// HMAC-SHA256 with key `c-key` (computed outside fhir-deid, with Python's hmac module).
  static let hashed = [
    "p1": "2875fb201fdfecba57e970ec6a92772db5716b853b3e2543740f37d0d326fd90",
    "rp1": "4bca67611af6135ea4416dfac2d1f4fe337dd78c7a8d042cfa05f4f579de7ec0",
    "pr1": "7971c3a68335cafd8dc64fa3a1748f229324dbcacd0fce08f1fcb6b4c3b0238f",
    "11111111-2222-3333-4444-555555555555":
      "2ec0dc220178364e7a9ce1dd662168866ed53400302f8a25df6ef81d30e4b64c",
  ]

  /// Runs `fhir-deid ARGS input` with the key file, in a fresh directory.
  static func run(
    _ lines: [String], _ arguments: [String], config: String? = nil
  ) throws -> CommandResult {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(keys.utf8).write(to: URL(fileURLWithPath: dir + "/keys.json"))
    try Data((lines.joined(separator: "\n") + "\n").utf8)
      .write(to: URL(fileURLWithPath: dir + "/in.ndjson"))
    // The pinned hashes use a short key: --allow-weak-keys says that is on purpose.
    var args = ["--keys", dir + "/keys.json", "--allow-weak-keys", "-q"] + arguments
    if let config {
      try Data(config.utf8).write(to: URL(fileURLWithPath: dir + "/config.json"))
      args += ["-c", dir + "/config.json"]
    }
    return try FhirDeidBinary.run(args + [dir + "/in.ndjson"])
  }

  static func json(_ line: Substring) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  static func lines(_ r: CommandResult) -> [Substring] {
    r.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0 }
  }

  // MARK: Contained resources and Bundle entries under the default preset

  static let containedPatient =
    ##"{"resourceType":"Patient","id":"p1","contained":[{"resourceType":"RelatedPerson","id":"rp1","patient":{"reference":"Patient/p1"},"name":[{"family":"CANARY-RPFam"}],"identifier":[{"system":"http://x","value":"CANARY-RPID"}],"telecom":[{"system":"phone","value":"CANARY-555"}],"address":[{"line":["CANARY-street"],"city":"CANARY-city","postalCode":"03612"}],"birthDate":"1936-06-01"},{"resourceType":"Practitioner","id":"pr1","name":[{"given":["CANARY-Doc"]}],"birthDate":"1950-03-04"}],"name":[{"family":"CANARY-Fam"}],"generalPractitioner":[{"reference":"#pr1","display":"CANARY-disp"}],"birthDate":"1936-12-01"}"##

  static let bundle =
    #"{"resourceType":"Bundle","id":"b1","type":"collection","entry":[{"fullUrl":"urn:uuid:11111111-2222-3333-4444-555555555555","resource":{"resourceType":"Patient","id":"p2","identifier":[{"value":"CANARY-MRN"}],"name":[{"family":"CANARY-BFam"}],"telecom":[{"value":"CANARY-tel"}],"birthDate":"1936-06-01","address":[{"postalCode":"55602","city":"CANARY-c"}]}},{"fullUrl":"urn:uuid:66666666-2222-3333-4444-555555555555","resource":{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"CANARY-text"},"subject":{"reference":"urn:uuid:11111111-2222-3333-4444-555555555555","display":"CANARY-name"},"effectiveDateTime":"2020-05-06T07:08:09Z","note":[{"text":"CANARY-note"}]}},{"resource":{"resourceType":"Patient","id":"p3","name":[{"text":"CANARY-text-name"}],"birthDate":"1936-12-01","contained":[{"resourceType":"RelatedPerson","id":"rp2","patient":{"reference":"Patient/p3"},"name":[{"family":"CANARY-nested"}],"birthDate":"1930-01-01"}]}}]}"#

  static let parameters =
    #"{"resourceType":"Parameters","parameter":[{"name":"patient","resource":{"resourceType":"Patient","id":"p4","name":[{"family":"CANARY-param"}],"identifier":[{"value":"CANARY-param-id"}],"birthDate":"1936-06-01"}}]}"#

  @Test(
    "#14: the default preset de-identifies contained resources, Bundle entries and Parameters",
    arguments: [["-j", "1"], ["-j", "3"], ["--preset", "safe-harbor-patient-shift"]])
  func nestedResources(_ extra: [String]) throws {
    let r = try Self.run(
      [Self.containedPatient, Self.bundle, Self.parameters], ["--today", "2026-11-29"] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdoutText.contains("CANARY"), "\(r.stdoutText)")
    #expect(!r.stderr.contains("CANARY"))
    // Raw ids and references are gone everywhere.
    for raw in [
      #""id":"p1""#, #""id":"rp1""#, #""id":"pr1""#, "#pr1", "Patient/p1", #""id":"b1""#,
      #""id":"p2""#, #""id":"o1""#, #""id":"p3""#, #""id":"rp2""#, "Patient/p3", #""id":"p4""#,
      "urn:uuid:11111111",
    ] {
      #expect(!r.stdoutText.contains(raw), "\(raw) left in the output")
    }
    let out = Self.lines(r)
    try #require(out.count == 3)

    // Contained: hashed ids that still link, a restricted ZIP, dates by the age rule.
    let patient = try Self.json(out[0])
    #expect(patient["id"] as? String == Self.hashed["p1"])
    let contained = try #require(patient["contained"] as? [[String: Any]])
    try #require(contained.count == 2)
    #expect(contained[0]["id"] as? String == Self.hashed["rp1"])
    #expect(
      (contained[0]["patient"] as? [String: Any])?["reference"] as? String
        == "Patient/" + (Self.hashed["p1"] ?? ""))
    #expect(contained[0]["birthDate"] == nil, "over 89 in a contained resource")
    #expect(
      (contained[0]["address"] as? [[String: Any]])?.first?["postalCode"] as? String == "00000")
    #expect(contained[0]["name"] == nil && contained[0]["telecom"] == nil)
    #expect(contained[1]["id"] as? String == Self.hashed["pr1"])
    #expect(
      (patient["generalPractitioner"] as? [[String: Any]])?.first?["reference"] as? String
        == "#" + (Self.hashed["pr1"] ?? ""))
    if extra.contains("--preset") {
      // Shifted, not cut to the year.
      #expect((contained[1]["birthDate"] as? String)?.count == 10)
      #expect(contained[1]["birthDate"] as? String != "1950-03-04")
    } else {
      #expect(contained[1]["birthDate"] as? String == "1950")
      #expect(patient["birthDate"] as? String == "1936")
    }

    // Bundle entries: every entry is de-identified, nested contained resources too.
    let bundle = try Self.json(out[1])
    let entries = try #require(bundle["entry"] as? [[String: Any]])
    try #require(entries.count == 3)
    for entry in entries { #expect(entry["fullUrl"] == nil) }
    let p2 = try #require(entries[0]["resource"] as? [String: Any])
    #expect(p2["birthDate"] == nil, "over 89 in a Bundle entry")
    #expect((p2["address"] as? [[String: Any]])?.first?["postalCode"] as? String == "00000")
    let o1 = try #require(entries[1]["resource"] as? [String: Any])
    #expect(
      (o1["subject"] as? [String: Any])?["reference"] as? String
        == "urn:uuid:" + (Self.hashed["11111111-2222-3333-4444-555555555555"] ?? ""))
    if !extra.contains("--preset") {
      #expect(o1["effectiveDateTime"] as? String == "2020")
    } else {
      #expect(o1["effectiveDateTime"] as? String != "2020-05-06T07:08:09Z")
      #expect((o1["effectiveDateTime"] as? String)?.hasSuffix("T00:00:00Z") == true)
    }
    let p3 = try #require(entries[2]["resource"] as? [String: Any])
    let nested = try #require((p3["contained"] as? [[String: Any]])?.first)
    #expect(nested["birthDate"] == nil)
    #expect(nested["name"] == nil)

    // Parameters.parameter.resource.
    let parameters = try Self.json(out[2])
    let p4 = try #require(
      (parameters["parameter"] as? [[String: Any]])?.first?["resource"] as? [String: Any])
    #expect(p4["birthDate"] == nil)
    #expect(p4["name"] == nil)
  }

  // MARK: --today and the age boundary through the binary

  static func births(_ dates: [String]) -> [String] {
    dates.enumerated().map { i, date in
      #"{"resourceType":"Patient","id":"b\#(i)","birthDate":"\#(date)","deceasedDateTime":"\#(date)T01:02:03Z"}"#
    }
  }

  @Test(
    "#14: --today decides the age boundary: exactly 90 years is removed, one day later keeps the year",
    arguments: ["safe-harbor", "safe-harbor-patient-shift"])
  func todayBoundary(_ preset: String) throws {
    // A far-future --today, so that a run counting from the machine's date gets it wrong.
    let r = try Self.run(
      Self.births(["2010-06-15", "2010-06-16", "2010-01-01", "2011-01-01"]),
      ["--preset", preset, "--today", "2100-06-15"])
    #expect(r.status == 0, "\(r.stderr)")
    let out = try Self.lines(r).map(Self.json)
    try #require(out.count == 4)
    let shifts = preset != "safe-harbor"
    for (i, over) in [true, false, true, false].enumerated() {
      let birth = out[i]["birthDate"] as? String
      let death = out[i]["deceasedDateTime"] as? String
      if over {
        #expect(birth == nil && death == nil, "line \(i + 1): \(out[i])")
      } else if shifts {
        #expect(birth?.count == 10 && death?.hasSuffix("T00:00:00Z") == true, "\(out[i])")
      } else {
        #expect(birth == String(i == 1 ? "2010" : "2011") && death == birth, "\(out[i])")
      }
    }
  }

  @Test("#14: 1936-06-01 with --today 2026-11-29 never comes out as 1936")
  func issueExample() throws {
    for preset in ["safe-harbor", "safe-harbor-patient-shift"] {
      let r = try Self.run(
        Self.births(["1936-06-01", "1936-11-29", "1936-11-30"]),
        ["--preset", preset, "--today", "2026-11-29"])
      #expect(r.status == 0, "\(r.stderr)")
      let out = try Self.lines(r).map(Self.json)
      try #require(out.count == 3)
      #expect(out[0]["birthDate"] == nil && out[0]["deceasedDateTime"] == nil, "\(preset)")
      #expect(out[1]["birthDate"] == nil && out[1]["deceasedDateTime"] == nil, "\(preset)")
      #expect(out[2]["birthDate"] != nil && out[2]["deceasedDateTime"] != nil, "\(preset)")
    }
  }

  // MARK: Failing lines never leak

  /// `given` compared with a number: a processing error of the generalize case, in the root
  /// resource, in a contained one and in a Bundle entry.
  static let failingConfig =
    #"{"fhirVersion":"R4","fhirPathRules":[{"path":"nodesByType('HumanName').given","method":"generalize","cases":{"$this>=0 and $this<20":"'x'"}},{"path":"nodesByType('HumanName')","method":"redact"},{"path":"Resource.id","method":"cryptoHash"}]}"#

  static let okLine = #"{"resourceType":"Patient","id":"ok","name":[{"family":"Fine"}]}"#
  static let failingLines = [
    #"{"resourceType":"Patient","id":"CANARY-1","name":[{"family":"CANARY-Fam","given":["CANARY-given"]}],"birthDate":"1970-01-01"}"#,
    #"{"resourceType":"Observation","id":"CANARY-2","status":"final","code":{"text":"CANARY-code"},"contained":[{"resourceType":"Patient","id":"CANARY-3","name":[{"given":["CANARY-contained"]}]}]}"#,
    #"{"resourceType":"Bundle","id":"CANARY-4","type":"collection","entry":[{"resource":{"resourceType":"Practitioner","id":"CANARY-5","name":[{"given":["CANARY-entry"]}]}}]}"#,
  ]

  static func emptied(_ type: String) -> String {
    #"{"resourceType":"\#(type)","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","code":"REDACTED","display":"redacted"}]}}"#
  }

  @Test(
    "#14: --processing-errors skip writes the empty resource, never the original, for every -j",
    arguments: [["-j", "1"], ["-j", "2"], ["-j", "4", "--stats", "-"], ["-z"]])
  func skippedErrorsNeverLeak(_ extra: [String]) throws {
    var input: [String] = []
    for failing in Self.failingLines { input += [Self.okLine, failing] }
    input.append(Self.okLine)
    let r = try Self.run(
      input, ["--processing-errors", "skip"] + extra, config: Self.failingConfig)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stderr.contains("CANARY"), "\(r.stderr)")
    var stdout = r.stdout
    if extra.contains("-z") {
      let gunzip = try FhirDeidBinary.shell("gzip -dc", stdin: r.stdout)
      stdout = gunzip.stdout
    }
    let text = String(decoding: stdout, as: UTF8.self)
    #expect(!text.contains("CANARY"), "\(text)")
    let out = text.split(separator: "\n").map(String.init)
    try #require(out.count == 7)
    #expect(out[1] == Self.emptied("Patient"))
    #expect(out[3] == Self.emptied("Observation"))
    #expect(out[5] == Self.emptied("Bundle"))
    for i in [0, 2, 4, 6] { #expect(out[i].contains(#""resourceType":"Patient""#)) }
  }

  @Test("#14: --processing-errors raise writes nothing of the failing line or after it")
  func raisedErrorsNeverLeak() throws {
    for failing in Self.failingLines {
      let r = try Self.run([Self.okLine, failing, Self.okLine], [], config: Self.failingConfig)
      #expect(r.status == 1)
      #expect(!r.stdoutText.contains("CANARY") && !r.stderr.contains("CANARY"))
      #expect(Self.lines(r).count == 1, "\(r.stdoutText)")
    }
  }

  // MARK: Invalid input never leaks

  /// Lines a strict JSON scanner rejects; each would leak its CANARY if accepted.
  static let invalidLines = [
    #"{"resourceType":"Patient","name":[{"family":"CANARY-a"},]}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-b"}],}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-c",}]}"#,
    #"{"resourceType":"Patient","name":[,{"family":"CANARY-d"}]}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-e"},,{"family":"x"}]}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-f"} {"family":"x"}]}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-g"}],"gender":}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-h"}],"name":[{"family":"x"}]}"#,
    #"{"resourceType":"Patient","name":[{"family":"CANARY-i"}]"#,
  ]

  static let keepAll = #"{"fhirVersion":"R4","fhirPathRules":[]}"#

  @Test("#14: --invalid-input skip drops each malformed line and writes the valid ones")
  func invalidLinesAreDropped() throws {
    var input: [String] = []
    for line in Self.invalidLines { input += [Self.okLine, line] }
    input.append(Self.okLine)
    let r = try Self.run(input, ["--invalid-input", "skip", "-j", "2"], config: Self.keepAll)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdoutText.contains("CANARY"), "\(r.stdoutText)")
    #expect(!r.stderr.contains("CANARY"))
    #expect(Self.lines(r) == Array(repeating: Substring(Self.okLine), count: 10))
  }

  @Test(
    "#14: --invalid-input fail stops at a malformed line (exit 65), writing only the lines before",
    arguments: invalidLines)
  func invalidLineStops(_ line: String) throws {
    let r = try Self.run([Self.okLine, line, Self.okLine], [], config: Self.keepAll)
    #expect(r.status == 65, "\(r.stderr)")
    #expect(Self.lines(r) == [Substring(Self.okLine)])
    #expect(!r.stdoutText.contains("CANARY") && !r.stderr.contains("CANARY"))
  }
}
