import FHIRDeid
import Foundation
import Testing

/// #9: the `hmac-sha256` date-shift algorithm in the engine, its configuration, and the attack
/// that undoes Microsoft's algorithm from the output alone.
@Suite struct DateShiftAlgorithmTests {
  static let key = "test-date-shift-key-0123456789"

  static func harness(
    scope: String = "resource", algorithm: String = "hmac-sha256", range: String = "",
    rules: [String] = [], key: String = DateShiftAlgorithmTests.key
  ) throws -> EngineHarness {
    try EngineHarness(
      config(
        rules + [
          #"{"path":"nodesByType('date')","method":"dateShift"}"#,
          #"{"path":"nodesByType('dateTime')","method":"dateShift"}"#,
        ],
        parameters:
          #"{"dateShiftScope":"\#(scope)","dateShiftAlgorithm":"\#(algorithm)"\#(range)}"#),
      dateShiftKey: key, cryptoHashKey: "hash-key-0123456789abcdef")
  }

  static func birthDate(_ output: String?) throws -> String? {
    let data = Data(try #require(output).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return object["birthDate"] as? String
  }

  /// The offsets of HMACDateShiftTests' vectors (computed outside fhir-deid), seen through the
  /// engine: `2000-01-01` moved by them.
  @Test("scopes key the HMAC on the original ids and names the spec gives")
  func scopeIDs() throws {
    let patient = #"{"resourceType":"Patient","id":"p1","birthDate":"2000-01-01"}"#
    // resource: "Patient/p1" → −22 days.
    #expect(try Self.birthDate(Self.harness().output(patient)) == "1999-12-10")
    // patient: "p1" → +9 days.
    #expect(try Self.birthDate(Self.harness(scope: "patient").output(patient)) == "2000-01-10")
    // file: the name → +36 days.
    let file = try Self.harness(scope: "file")
    #expect(try Self.birthDate(file.output(patient, prefix: "Patient-1.ndjson")) == "2000-02-06")
    // resource with no id: the empty id → +43 days.
    let anonymous = #"{"resourceType":"Patient","birthDate":"2000-01-01"}"#
    #expect(try Self.birthDate(Self.harness().output(anonymous)) == "2000-02-13")
  }

  @Test("the original id counts, not the id an earlier rule hashed")
  func originalID() throws {
    let patient = #"{"resourceType":"Patient","id":"p1","birthDate":"2000-01-01"}"#
    let hashed = try Self.harness(rules: [#"{"path":"Resource.id","method":"cryptoHash"}"#])
    #expect(try Self.birthDate(hashed.output(patient)) == "1999-12-10")
    let patientScope = try Self.harness(
      scope: "patient", rules: [#"{"path":"Resource.id","method":"cryptoHash"}"#])
    #expect(try Self.birthDate(patientScope.output(patient)) == "2000-01-10")
  }

  @Test("patient scope: one offset for the patient's resources; no patient falls back to resource")
  func patientScope() throws {
    let h = try Self.harness(scope: "patient")
    let observation =
      #"{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2000-01-01"}"#
    #expect(try h.output(observation)?.contains(#""effectiveDateTime":"2000-01-10""#) == true)
    // No patient: resource scope on "Observation/o2"; the offset is the HMAC's, never 0.
    let alone =
      #"{"resourceType":"Observation","id":"o2","status":"final","code":{"text":"x"},"effectiveDateTime":"2000-01-01"}"#
    let out = try #require(h.output(alone))
    #expect(!out.contains(#""effectiveDateTime":"2000-01-01""#))
    #expect(h.worker.counters.patientScopeFallbacks == 1)
  }

  @Test("dateShiftRange bounds the offset; R = 1 moves every date by exactly one day")
  func range() throws {
    let h = try Self.harness(range: #","dateShiftRange":1"#)
    for i in 0..<50 {
      let out = try Self.birthDate(
        h.output(#"{"resourceType":"Patient","id":"p\#(i)","birthDate":"2000-01-02"}"#))
      #expect(out == "2000-01-01" || out == "2000-01-03")
    }
  }

  @Test("configuration: dateShiftAlgorithm and dateShiftRange are read and checked")
  func configuration() throws {
    let rules = #"[{"path":"nodesByType('date')","method":"dateShift"}]"#
    func load(_ parameters: String) throws -> Configuration {
      try Configuration.load(
        Array(#"{"fhirPathRules":\#(rules),"parameters":\#(parameters)}"#.utf8))
    }
    #expect(try load("{}").parameters.dateShiftAlgorithm == nil)
    #expect(try load("{}").dateShiftAlgorithm == .microsoft)
    #expect(try load("{}").shiftsDatesReversiblyByDefault)
    #expect(try !load(#"{"dateShiftAlgorithm":"microsoft"}"#).shiftsDatesReversiblyByDefault)
    #expect(try load(#"{"dateShiftAlgorithm":"HMAC-SHA256"}"#).dateShiftAlgorithm == .hmacSHA256)
    #expect(try load(#"{"dateShiftRange":3650}"#).parameters.dateShiftRange == 3650)
    #expect(try load("{}").parameters.dateShiftRange == 50)
    // A fixed offset needs no key and no algorithm.
    #expect(try !load(#"{"dateShiftFixedOffsetInDays":3}"#).shiftsDatesReversiblyByDefault)
    #expect(try load(#"{"dateShiftFixedOffsetInDays":3}"#).neededKeys.isEmpty)
    for bad in [
      #"{"dateShiftAlgorithm":"sha1"}"#, #"{"dateShiftRange":0}"#, #"{"dateShiftRange":3651}"#,
      #"{"dateShiftRange":"ten"}"#, #"{"dateShiftRange":[1]}"#,
    ] {
      #expect(throws: ConfigurationError.self, "\(bad)") { try load(bad) }
    }
  }

  @Test("neededKeys: one per keyed method in the rules")
  func neededKeys() throws {
    func keys(_ methods: [String]) throws -> [KeyName] {
      let rules = methods.map { #"{"path":"Patient.id","method":"\#($0)"}"# }
      return try Configuration.load(Array(config(rules).utf8)).neededKeys
    }
    #expect(try keys([]) == [])
    #expect(try keys(["redact", "keep"]) == [])
    #expect(try keys(["cryptoHash"]) == [.cryptoHashKey])
    #expect(try keys(["encrypt", "dateShift"]) == [.dateShiftKey, .encryptKey])
    for preset in [Preset.safeHarbor, .safeHarborPatientShift] {
      let configuration = try preset.configuration()
      #expect(configuration.dateShiftAlgorithm == .hmacSHA256, "\(preset)")
      #expect(!configuration.shiftsDatesReversiblyByDefault)
    }
    #expect(
      try Preset.safeHarborPatientShift.configuration().neededKeys == [
        .dateShiftKey, .cryptoHashKey,
      ])
  }

  // MARK: The attack (#9 found 1)

  /// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithm).
  static func days(_ text: String) -> Int {
    let p = text.prefix(10).split(separator: "-").map { Int($0) ?? 0 }
    let y = p[1] <= 2 ? p[0] - 1 : p[0]
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (p[1] + (p[1] > 2 ? -3 : 9)) + 2) / 5 + p[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// Microsoft's fold of a byte string from state 0 (spec §4.3).
  static func fold(_ text: String) -> Int {
    var h = 0
    for byte in text.utf8 { h = (h * 131 + Int(byte)) % 101 }
    return h
  }

  /// Runs `count` encounters and claims that start on the same (random) day through `algorithm`
  /// with a random key, then attacks the output as Microsoft's algorithm allows: each key folds
  /// to `offset = (a·fold(published id) + c) mod 101 − 50`, so the attacker tries every (a, c),
  /// keeps the one under which the most claims start on their encounter's day, and undoes the
  /// shift of every encounter with it. Returns how many true start dates that recovers.
  static func attack(algorithm: String, count: Int) throws -> Int {
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let key = String(
      (0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    let h = try EngineHarness(
      config(
        [
          #"{"path":"Resource.id","method":"cryptoHash"}"#,
          #"{"path":"nodesByType('Reference').reference","method":"cryptoHash"}"#,
          #"{"path":"nodesByType('dateTime')","method":"dateShift"}"#,
        ],
        parameters: #"{"dateShiftAlgorithm":"\#(algorithm)"}"#),
      dateShiftKey: key, cryptoHashKey: String(key.reversed()))
    struct Pair {
      var truth: Int
      var encounter: (id: String, day: Int)
      var claim: (id: String, day: Int)
    }
    func published(_ line: String, _ date: (Any) -> String?) throws -> (String, Int) {
      let out = try #require(h.output(line))
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
      return (try #require(object["id"] as? String), days(try #require(date(object))))
    }
    var pairs: [Pair] = []
    for i in 0..<count {
      let day = Int.random(in: days("2000-01-01")...days("2020-12-31"), using: &rng)
      let text = civil(day)
      let encounter = try published(
        #"{"resourceType":"Encounter","id":"enc-\#(i)","status":"finished","class":{"code":"AMB"},"period":{"start":"\#(text)"}}"#
      ) { (($0 as? [String: Any])?["period"] as? [String: Any])?["start"] as? String }
      let claim = try published(
        #"{"resourceType":"Claim","id":"claim-\#(i)","status":"active","use":"claim","billablePeriod":{"start":"\#(text)"},"item":[{"sequence":1,"encounter":[{"reference":"Encounter/enc-\#(i)"}]}]}"#
      ) { (($0 as? [String: Any])?["billablePeriod"] as? [String: Any])?["start"] as? String }
      pairs.append(Pair(truth: day, encounter: encounter, claim: claim))
    }
    let folds = pairs.map { (fold($0.encounter.id), fold($0.claim.id)) }
    // The multipliers 131^L mod 101 for key lengths L ≥ 1.
    var multipliers = Set<Int>()
    var power = 1
    for _ in 0..<100 {
      power = power * 131 % 101
      multipliers.insert(power)
    }
    var best = (agree: -1, a: 0, c: 0)
    for a in multipliers {
      for c in 0..<101 {
        var agree = 0
        for (pair, f) in zip(pairs, folds) {
          let encounterOffset = (a * f.0 + c) % 101 - 50
          let claimOffset = (a * f.1 + c) % 101 - 50
          if pair.encounter.day - encounterOffset == pair.claim.day - claimOffset { agree += 1 }
        }
        if agree > best.agree { best = (agree, a, c) }
      }
    }
    var recovered = 0
    for (pair, f) in zip(pairs, folds)
    where pair.encounter.day - ((best.a * f.0 + best.c) % 101 - 50) == pair.truth {
      recovered += 1
    }
    return recovered
  }

  static func civil(_ days: Int) -> String {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", y, m, d)
  }

  @Test(
    "claim start = encounter start undoes Microsoft's shift, and recovers only chance under HMAC")
  func claimEncounterAttack() throws {
    #expect(Self.civil(Self.days("2016-02-29")) == "2016-02-29")
    let count = 300
    // Microsoft's algorithm: the true dates come back, with a key never seen (all of them
    // nearly always; a random key whose (a, c) ties with another can cost a few, so the bar is
    // 90%, against about 1% under HMAC).
    let broken = try Self.attack(algorithm: "microsoft", count: count)
    #expect(broken >= count * 9 / 10, "\(broken) of \(count)")
    // HMAC-SHA256: a guessed offset is right about once in 100 (3 of 300 on average); more
    // than 5% would take a miracle (p < 10⁻⁸) or a leak.
    let recovered = try Self.attack(algorithm: "hmac-sha256", count: count)
    #expect(recovered <= count / 20, "\(recovered) of \(count) dates recovered")
  }
}
