import DeidCrypto
import FHIRDeid

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resolves the three keys of a run. Keys never come from the command line (they would show in
/// `ps`): in increasing precedence, the configuration's `parameters`, the environment variables
/// `FHIR_DEID_DATE_SHIFT_KEY`, `FHIR_DEID_CRYPTO_HASH_KEY`, `FHIR_DEID_ENCRYPT_KEY`, and a
/// `--keys FILE` JSON object. A key the rules need must be given and strong (at least 16 bytes)
/// unless the run says otherwise: `--random-keys` makes a missing key a random one for this run
/// only, `--allow-weak-keys` accepts a short one. Both say so on standard error whatever `-q`
/// says, and in the run report. The keys themselves are never printed.
struct Keys {
  var dateShift: String
  var cryptoHash: String
  var encrypt: String
  /// The keys the rules needed and the run made up (`--random-keys`).
  var random: [KeyName] = []
  /// The keys the rules need that are shorter than ``KeyName/minimumStrongBytes``
  /// (`--allow-weak-keys`).
  var weak: [KeyName] = []

  /// What the run allows beyond strong keys given by the user.
  struct Policy {
    var randomKeys = false
    var allowWeakKeys = false
  }

  static func resolve(configuration: Configuration, keyFile: String?, policy: Policy)
    throws(ReportedFailure) -> Keys
  {
    var given: [KeyName: String] = [:]
    given[.dateShiftKey] = configuration.parameters.dateShiftKey
    given[.cryptoHashKey] = configuration.parameters.cryptoHashKey
    given[.encryptKey] = configuration.parameters.encryptKey
    for key in KeyName.allCases {
      if let value = getenv(key.environmentVariable), value.pointee != 0 {
        given[key] = String(cString: value)
      }
    }
    if let keyFile {
      for (key, value) in try read(keyFile) { given[key] = value }
    }
    if let encrypt = given[.encryptKey] {
      let bits = encrypt.utf8.count * 8
      guard bits == 128 || bits == 192 || bits == 256 else {
        Diagnostics.error(
          "encryptKey must be 16, 24 or 32 bytes of UTF-8 (AES-128/192/256); it has "
            + "\(encrypt.utf8.count)")
        throw ReportedFailure(status: .configuration)
      }
    }

    var keys = Keys(dateShift: "", cryptoHash: "", encrypt: "")
    var problems: [String] = []
    for key in configuration.neededKeys {
      guard let value = given[key], !value.isEmpty else {
        if policy.randomKeys {
          keys.random.append(key)
        } else {
          problems.append(
            "no \(key.rawValue), which the \(key.method.rawValue) rules need: give it in the "
              + "configuration's parameters, in \(key.environmentVariable), or in a --keys FILE "
              + "(fhir-deid keygen writes one); --random-keys uses a key for this run only")
        }
        continue
      }
      if key != .encryptKey, value.utf8.count < KeyName.minimumStrongBytes {
        if policy.allowWeakKeys {
          keys.weak.append(key)
        } else {
          problems.append(
            "\(key.rawValue) has \(value.utf8.count) bytes; a key shorter than "
              + "\(KeyName.minimumStrongBytes) bytes can be found from the output by trying keys "
              + "(fhir-deid keygen writes strong ones; --allow-weak-keys accepts it)")
        }
      }
    }
    guard problems.isEmpty else {
      for problem in problems { Diagnostics.error(problem) }
      throw ReportedFailure(status: .configuration)
    }
    for key in keys.random {
      Diagnostics.alwaysWarn(
        "--random-keys: \(key.rawValue) is random and lives for this run only; "
          + Self.consequence(of: key))
    }
    for key in keys.weak {
      Diagnostics.alwaysWarn(
        "--allow-weak-keys: \(key.rawValue) is shorter than \(KeyName.minimumStrongBytes) "
          + "bytes; whoever holds the output may find it by trying keys")
    }
    // Keys no rule needs are not used; random ones stand in for them.
    keys.dateShift = given[.dateShiftKey].flatMap { $0.isEmpty ? nil : $0 } ?? RandomKey.hex32()
    keys.cryptoHash = given[.cryptoHashKey].flatMap { $0.isEmpty ? nil : $0 } ?? RandomKey.hex32()
    keys.encrypt = given[.encryptKey].flatMap { $0.isEmpty ? nil : $0 } ?? RandomKey.hex32()
    return keys
  }

  private static func consequence(of key: KeyName) -> String {
    switch key {
    case .dateShiftKey: "dates shifted now will not match those of another run"
    case .cryptoHashKey: "pseudonyms made now will not link with those of another run"
    case .encryptKey: "values encrypted now cannot be decrypted after this run"
    }
  }

  /// The keys of a `--keys FILE`: a JSON object of non-empty strings.
  private static func read(_ keyFile: String) throws(ReportedFailure) -> [(KeyName, String)] {
    let text: [UInt8]
    do { text = try FileIO.read(keyFile) } catch {
      Diagnostics.error("cannot read key file \(keyFile): \(error.reason)")
      throw ReportedFailure(status: .noInput)
    }
    guard case .success(let value) = JSONValue.parse(text), let members = value.members else {
      Diagnostics.error("key file \(keyFile) is not a JSON object")
      throw ReportedFailure(status: .configuration)
    }
    var keys: [(KeyName, String)] = []
    for member in members {
      guard let name = KeyName(rawValue: member.key) else {
        Diagnostics.error(
          "key file \(keyFile): unknown key name '\(member.key)' "
            + "(dateShiftKey, cryptoHashKey, encryptKey)")
        throw ReportedFailure(status: .configuration)
      }
      guard case .string(let key) = member.value, !key.isEmpty else {
        Diagnostics.error("key file \(keyFile): '\(member.key)' must be a non-empty string")
        throw ReportedFailure(status: .configuration)
      }
      keys.append((name, key))
    }
    return keys
  }
}

/// The local calendar date, for the ">89" rules.
enum LocalDate {
  static func today() -> (year: Int, month: Int, day: Int) {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
  }

  /// Parses `YYYY-MM-DD`.
  static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m),
      (1...31).contains(d)
    else { return nil }
    return (y, m, d)
  }
}
