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
/// `--keys FILE` JSON object. A method that needs a key that is nowhere gets a random one for
/// this run, with a warning; the keys themselves are never printed.
struct Keys {
  var dateShift: String
  var cryptoHash: String
  var encrypt: String

  static let environment = (
    dateShift: "FHIR_DEID_DATE_SHIFT_KEY", cryptoHash: "FHIR_DEID_CRYPTO_HASH_KEY",
    encrypt: "FHIR_DEID_ENCRYPT_KEY"
  )

  static func resolve(configuration: Configuration, keyFile: String?) throws(ReportedFailure)
    -> Keys
  {
    var dateShift = configuration.parameters.dateShiftKey
    var cryptoHash = configuration.parameters.cryptoHashKey
    var encrypt = configuration.parameters.encryptKey
    func env(_ name: String) -> String? {
      guard let value = getenv(name) else { return nil }
      let s = String(cString: value)
      return s.isEmpty ? nil : s
    }
    dateShift = env(environment.dateShift) ?? dateShift
    cryptoHash = env(environment.cryptoHash) ?? cryptoHash
    encrypt = env(environment.encrypt) ?? encrypt
    if let keyFile {
      let text: [UInt8]
      do { text = try FileIO.read(keyFile) } catch {
        Diagnostics.error("cannot read key file \(keyFile): \(error.reason)")
        throw ReportedFailure(status: .noInput)
      }
      guard case .success(let value) = JSONValue.parse(text), let members = value.members else {
        Diagnostics.error("key file \(keyFile) is not a JSON object")
        throw ReportedFailure(status: .configuration)
      }
      for member in members {
        guard case .string(let key) = member.value, !key.isEmpty else {
          Diagnostics.error("key file \(keyFile): '\(member.key)' must be a non-empty string")
          throw ReportedFailure(status: .configuration)
        }
        switch member.key {
        case "dateShiftKey": dateShift = key
        case "cryptoHashKey": cryptoHash = key
        case "encryptKey": encrypt = key
        default:
          Diagnostics.error(
            "key file \(keyFile): unknown key name '\(member.key)' "
              + "(dateShiftKey, cryptoHashKey, encryptKey)")
          throw ReportedFailure(status: .configuration)
        }
      }
    }
    if let encrypt {
      let bits = encrypt.utf8.count * 8
      guard bits == 128 || bits == 192 || bits == 256 else {
        Diagnostics.error(
          "encryptKey must be 16, 24 or 32 bytes of UTF-8 (AES-128/192/256); it has "
            + "\(encrypt.utf8.count)")
        throw ReportedFailure(status: .configuration)
      }
    }
    let methods = Set(configuration.rules.map(\.method))
    let needsDateShift =
      methods.contains(.dateShift) && configuration.parameters.dateShiftFixedOffsetInDays == nil
    // Microsoft's defaults: one random string serves as cryptoHashKey and encryptKey (Q18).
    let randomHashKey = RandomKey.hex32()
    if dateShift == nil && needsDateShift {
      Diagnostics.warning(
        "no dateShiftKey (configuration, \(environment.dateShift) or --keys): using a random key; "
          + "shifted dates will not match across runs")
    }
    if cryptoHash == nil && methods.contains(.cryptoHash) {
      Diagnostics.warning(
        "no cryptoHashKey (configuration, \(environment.cryptoHash) or --keys): using a random key; "
          + "hashed values will not link across runs")
    }
    if encrypt == nil && methods.contains(.encrypt) {
      Diagnostics.warning(
        "no encryptKey (configuration, \(environment.encrypt) or --keys): using a random key; "
          + "encrypted values cannot be decrypted after this run")
    }
    return Keys(
      dateShift: dateShift ?? RandomKey.hex32(), cryptoHash: cryptoHash ?? randomHashKey,
      encrypt: encrypt ?? randomHashKey)
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
