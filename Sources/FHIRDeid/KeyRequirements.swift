/// The keys of a configuration: which ones its rules need, and what makes a key too weak.
///
/// Microsoft's tool silently replaces a missing or empty key by a random one, so shards of one
/// export get pseudonyms and offsets that do not link, and accepts any key length. fhir-deid
/// requires every key a rule needs, of at least ``minimumStrongBytes`` bytes, unless the run
/// asks otherwise (`--random-keys`, `--allow-weak-keys`).
package enum KeyName: String, Sendable, CaseIterable {
  case dateShiftKey, cryptoHashKey, encryptKey

  /// The environment variable that gives this key.
  package var environmentVariable: String {
    switch self {
    case .dateShiftKey: "FHIR_DEID_DATE_SHIFT_KEY"
    case .cryptoHashKey: "FHIR_DEID_CRYPTO_HASH_KEY"
    case .encryptKey: "FHIR_DEID_ENCRYPT_KEY"
    }
  }

  /// The method whose rules need this key.
  package var method: Rule.Method {
    switch self {
    case .dateShiftKey: .dateShift
    case .cryptoHashKey: .cryptoHash
    case .encryptKey: .encrypt
    }
  }

  /// The shortest key, in bytes of UTF-8, accepted without `--allow-weak-keys`. An HMAC key of
  /// 16 random bytes cannot be found by trying keys; a short or guessable one can, from known
  /// value/pseudonym pairs in the output. `encryptKey` has fixed AES lengths of 16, 24 or 32.
  package static let minimumStrongBytes = 16
}

extension Configuration {
  /// The keys the rules need, in ``KeyName`` order: `dateShiftKey` for a `dateShift` rule
  /// (unless a fixed offset is configured), `cryptoHashKey` for `cryptoHash`, `encryptKey` for
  /// `encrypt`.
  package var neededKeys: [KeyName] {
    let methods = Set(rules.map(\.method))
    return KeyName.allCases.filter { key in
      guard methods.contains(key.method) else { return false }
      return key != .dateShiftKey || parameters.dateShiftFixedOffsetInDays == nil
    }
  }

  /// The date-shift algorithm in force: the configured one, or Microsoft's.
  package var dateShiftAlgorithm: DateShiftAlgorithm {
    parameters.dateShiftAlgorithm ?? .microsoft
  }

  /// Whether the rules shift dates by an offset derived from the key with Microsoft's fold,
  /// without the configuration saying so (`"dateShiftAlgorithm": "microsoft"`): such a run
  /// deserves a warning, because that offset can be found from the output alone.
  package var shiftsDatesReversiblyByDefault: Bool {
    neededKeys.contains(.dateShiftKey) && parameters.dateShiftAlgorithm == nil
  }
}
