import DeidTestSupport
import Foundation
import Testing

/// #9: keys required and strong, `--random-keys`, `--allow-weak-keys`, `keygen`, and the warning
/// about Microsoft's date-shift algorithm — none of which `-q` hides.
@Suite(.timeLimit(.minutes(3))) struct KeysTests {
  static let patient =
    #"{"resourceType":"Patient","id":"p1","name":[{"family":"CANARY-F"}],"birthDate":"2000-01-15"}"#
  static let input = Data((patient + "\n").utf8)

  /// A configuration with every keyed method, and `parameters` as given.
  static func rules(_ parameters: String = "{}") -> String {
    #"""
    {"fhirVersion":"R4","fhirPathRules":[
      {"path":"Resource.id","method":"cryptoHash"},
      {"path":"nodesByType('HumanName').family","method":"encrypt"},
      {"path":"nodesByType('date')","method":"dateShift"}],
     "parameters":\#(parameters)}
    """#
  }

  func inDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    return try body(dir)
  }

  func write(_ text: String, _ path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  @Test("a missing key stops the run (78) naming the key and the three ways to give it")
  func missingKeys() throws {
    try inDirectory { dir in
      try write(Self.rules(), dir + "/rules.json")
      let r = try FhirDeidBinary.run(["-c", dir + "/rules.json", "-q"], stdin: Self.input)
      #expect(r.status == 78)
      #expect(r.stdout.isEmpty)
      for (key, variable) in [
        ("dateShiftKey", "FHIR_DEID_DATE_SHIFT_KEY"),
        ("cryptoHashKey", "FHIR_DEID_CRYPTO_HASH_KEY"),
        ("encryptKey", "FHIR_DEID_ENCRYPT_KEY"),
      ] {
        #expect(r.stderr.contains("error: no \(key)"), "\(r.stderr)")
        #expect(r.stderr.contains(variable))
      }
      #expect(r.stderr.contains("configuration's parameters") && r.stderr.contains("--keys FILE"))
      #expect(r.stderr.contains("keygen") && r.stderr.contains("--random-keys"))
      // Only the keys the rules need: the default preset hashes but does not shift dates.
      let preset = try FhirDeidBinary.run(["-q"], stdin: Self.input)
      #expect(preset.status == 78)
      #expect(preset.stderr.contains("no cryptoHashKey") && !preset.stderr.contains("dateShiftKey"))
      // A fixed offset needs no dateShiftKey.
      try write(
        #"{"fhirPathRules":[{"path":"nodesByType('date')","method":"dateShift"}],"parameters":{"dateShiftFixedOffsetInDays":3}}"#,
        dir + "/fixed.json")
      let fixed = try FhirDeidBinary.run(["-c", dir + "/fixed.json", "-q"], stdin: Self.input)
      #expect(fixed.status == 0, "\(fixed.stderr)")
      #expect(fixed.stdoutText.contains(#""birthDate":"2000-01-18""#))
    }
  }

  @Test("an empty key (as Microsoft's sample ships) or an empty variable counts as missing")
  func emptyKeys() throws {
    try inDirectory { dir in
      try write(
        Self.rules(#"{"cryptoHashKey":"","dateShiftKey":"","encryptKey":""}"#), dir + "/rules.json")
      let r = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json"], stdin: Self.input,
        environment: ["FHIR_DEID_CRYPTO_HASH_KEY": ""])
      #expect(r.status == 78)
      #expect(r.stderr.contains("no cryptoHashKey") && r.stderr.contains("no dateShiftKey"))
      #expect(r.stderr.contains("no encryptKey"))
      // An empty key in a --keys file is an error of that file.
      try write(#"{"cryptoHashKey":""}"#, dir + "/keys.json")
      let file = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "--keys", dir + "/keys.json"], stdin: Self.input)
      #expect(file.status == 78)
      #expect(file.stderr.contains("must be a non-empty string"))
    }
  }

  @Test(
    "Microsoft's sample configuration needs keys, or --random-keys",
    .enabled(if: Shared.isAvailable))
  func microsoftSample() throws {
    let sample = Shared.path + "/configs/ms-safe-harbor-r4.json"
    // (--lenient-paths: the sample names HealthcareService.notAvaliable, which R4 lacks.)
    let refused = try FhirDeidBinary.run(["-c", sample, "--lenient-paths"], stdin: Self.input)
    #expect(refused.status == 78)
    #expect(refused.stdout.isEmpty)
    let keyed = try FhirDeidBinary.run(
      ["-c", sample, "--lenient-paths", "-q"], stdin: Self.input,
      environment: TestKeys.environment)
    #expect(keyed.status == 0, "\(keyed.stderr)")
    // The sample shifts dates without naming an algorithm: Microsoft's output, and a warning.
    #expect(keyed.stderr.contains("Microsoft's algorithm"))
    let random = try FhirDeidBinary.run(
      ["-c", sample, "--lenient-paths", "--random-keys", "-q"], stdin: Self.input)
    #expect(random.status == 0, "\(random.stderr)")
  }

  @Test("a key shorter than 16 bytes stops the run unless --allow-weak-keys, which warns under -q")
  func weakKeys() throws {
    try inDirectory { dir in
      try write(Self.rules(#"{"dateShiftAlgorithm":"hmac-sha256"}"#), dir + "/rules.json")
      var env = TestKeys.environment
      env["FHIR_DEID_CRYPTO_HASH_KEY"] = "fifteen-bytes!!"
      let weak = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json"], stdin: Self.input, environment: env)
      #expect(weak.status == 78)
      #expect(weak.stderr.contains("cryptoHashKey has 15 bytes"), "\(weak.stderr)")
      #expect(weak.stderr.contains("--allow-weak-keys"))
      #expect(!weak.stderr.contains("fifteen"))
      let allowed = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "--allow-weak-keys", "-q", "--stats", dir + "/r.json"],
        stdin: Self.input, environment: env)
      #expect(allowed.status == 0, "\(allowed.stderr)")
      #expect(allowed.stderr.contains("warning: --allow-weak-keys: cryptoHashKey"))
      let report = try Self.report(dir + "/r.json")
      #expect(report["weak"] as? [String] == ["cryptoHashKey"])
      #expect(report["random"] as? [String] == [])
      // 16 bytes is strong enough.
      env["FHIR_DEID_CRYPTO_HASH_KEY"] = "sixteen-bytes!!!"
      let strong = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "-q"], stdin: Self.input, environment: env)
      #expect(strong.status == 0, "\(strong.stderr)")
      #expect(!strong.stderr.contains("warning"), "\(strong.stderr)")
    }
  }

  static func report(_ path: String) throws -> [String: Any] {
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
    return try #require(report["keys"] as? [String: Any])
  }

  @Test("--random-keys: random keys for this run only, said under -q and in the report")
  func randomKeys() throws {
    try inDirectory { dir in
      try write(Self.rules(), dir + "/rules.json")
      let args = ["-c", dir + "/rules.json", "--random-keys", "-q", "--stats", dir + "/r.json"]
      let a = try FhirDeidBinary.run(args, stdin: Self.input)
      let b = try FhirDeidBinary.run(args, stdin: Self.input)
      #expect(a.status == 0 && b.status == 0, "\(a.stderr)")
      #expect(a.stdout != b.stdout)
      #expect(!a.stdoutText.contains("CANARY"))
      for key in ["dateShiftKey", "cryptoHashKey", "encryptKey"] {
        #expect(a.stderr.contains("warning: --random-keys: \(key) is random"), "\(a.stderr)")
      }
      #expect(
        try Self.report(dir + "/r.json")["random"] as? [String] == [
          "dateShiftKey", "cryptoHashKey", "encryptKey",
        ])
      // A key that is given is used, not replaced: only the missing one is random.
      let partial = try FhirDeidBinary.run(
        args, stdin: Self.input,
        environment: [
          "FHIR_DEID_CRYPTO_HASH_KEY": TestKeys.cryptoHash,
          "FHIR_DEID_ENCRYPT_KEY": TestKeys.encrypt,
        ])
      #expect(partial.status == 0)
      #expect(try Self.report(dir + "/r.json")["random"] as? [String] == ["dateShiftKey"])
      #expect(!partial.stderr.contains("cryptoHashKey is random"))
    }
  }

  @Test("Microsoft's date-shift algorithm warns under -q unless the configuration names it")
  func algorithmWarning() throws {
    try inDirectory { dir in
      let cases: [(String, [String], Bool, String)] = [
        ("{}", [], true, "microsoft"),
        (#"{"dateShiftAlgorithm":"microsoft"}"#, [], false, "microsoft"),
        (#"{"dateShiftAlgorithm":"hmac-sha256"}"#, [], false, "hmac-sha256"),
        ("{}", ["--date-shift-algorithm", "hmac-sha256"], false, "hmac-sha256"),
        ("{}", ["--date-shift-algorithm", "microsoft"], false, "microsoft"),
      ]
      var outputs: [String: Data] = [:]
      for (parameters, extra, warns, algorithm) in cases {
        try write(Self.rules(parameters), dir + "/rules.json")
        let r = try FhirDeidBinary.run(
          ["-c", dir + "/rules.json", "-q", "--stats", dir + "/r.json"] + extra, stdin: Self.input,
          environment: TestKeys.environment)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Microsoft's algorithm") == warns, "\(parameters) \(extra)")
        #expect(r.stderr.split(separator: "\n").count == (warns ? 1 : 0), "\(r.stderr)")
        let report = try #require(
          try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json"))) as? [String: Any])
        let dateShift = try #require(report["dateShift"] as? [String: Any])
        #expect(dateShift["algorithm"] as? String == algorithm)
        #expect(dateShift["range"] as? Int == 50)
        // The date is what differs (encrypt is random anyway).
        let birthDate = try #require(r.stdoutText.firstRange(of: #/"birthDate":"[^"]*"/#))
        let date = Data(r.stdoutText[birthDate].utf8)
        if let earlier = outputs[algorithm] { #expect(earlier == date) }
        outputs[algorithm] = date
      }
      #expect(outputs["microsoft"] != outputs["hmac-sha256"])
    }
  }

  @Test("keygen writes three strong keys that the default preset accepts, fresh each time")
  func keygen() throws {
    try inDirectory { dir in
      let a = try FhirDeidBinary.run(["keygen"])
      let b = try FhirDeidBinary.run(["keygen"])
      #expect(a.status == 0 && b.status == 0)
      #expect(a.stdout != b.stdout)
      let keys = try #require(try JSONSerialization.jsonObject(with: a.stdout) as? [String: String])
      #expect(keys.keys.sorted() == ["cryptoHashKey", "dateShiftKey", "encryptKey"])
      #expect(keys["dateShiftKey"]?.utf8.count == 43 && keys["cryptoHashKey"]?.utf8.count == 43)
      #expect(keys["encryptKey"]?.utf8.count == 32)
      try a.stdout.write(to: URL(fileURLWithPath: dir + "/keys.json"))
      for preset in ["safe-harbor", "safe-harbor-patient-shift"] {
        let run = try FhirDeidBinary.run(
          ["--preset", preset, "--keys", dir + "/keys.json", "-q"], stdin: Self.input)
        #expect(run.status == 0, "\(preset): \(run.stderr)")
        #expect(run.stderr.isEmpty, "\(preset): \(run.stderr)")
      }
      try write(Self.rules(#"{"dateShiftAlgorithm":"hmac-sha256"}"#), dir + "/rules.json")
      let all = try FhirDeidBinary.run(
        ["-c", dir + "/rules.json", "--keys", dir + "/keys.json", "-q"], stdin: Self.input)
      #expect(all.status == 0, "\(all.stderr)")
      #expect(all.stderr.isEmpty)
    }
  }

  @Test("keygen -o creates the file with mode 0600 and never replaces one without --force")
  func keygenFile() throws {
    try inDirectory { dir in
      let path = dir + "/keys.json"
      let first = try FhirDeidBinary.run(["keygen", "-o", path])
      #expect(first.status == 0, "\(first.stderr)")
      #expect(first.stdout.isEmpty)
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
      let written = try Data(contentsOf: URL(fileURLWithPath: path))
      let again = try FhirDeidBinary.run(["keygen", "-o", path])
      #expect(again.status == 73)
      #expect(again.stderr.contains("--force"))
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
      try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
      let forced = try FhirDeidBinary.run(["keygen", "-o", path, "--force"])
      #expect(forced.status == 0)
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != written)
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600)
    }
  }
}
