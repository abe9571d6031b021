import FHIRDeid

/// The configuration target: loading any file either gives a configuration or throws a
/// ``ConfigurationError``; a loaded configuration either compiles into an ``Anonymizer`` (with
/// the test keys) or throws a ``ConfigurationError``. Typed throws make "no other error" a
/// compile-time fact; the check is that nothing crashes and every error has a message.
enum ConfigurationCheck {
  static func check(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    let configuration: Configuration
    do {
      configuration = try Configuration.load(Array(input))
    } catch {
      try require(!error.message.isEmpty, "configuration error without a message")
      return
    }
    do {
      let anonymizer = try Anonymizer(
        configuration: configuration, settings: FuzzConfigurations.settings)
      _ = anonymizer.makeWorker()
    } catch {
      try require(!error.message.isEmpty, "configuration error without a message")
    }
  }
}
