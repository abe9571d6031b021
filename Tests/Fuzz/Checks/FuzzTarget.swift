/// The libFuzzer targets of `Tests/Fuzz/run`, by the name the script and the replay test use.
///
/// Each target is a property of one API that must hold for every input: the check throws a
/// ``FuzzViolation`` when it does not (the fuzz entry point turns that into a crash, the replay
/// test into a failed expectation). A crash or trap inside the code under test is a finding too.
package enum FuzzTarget: String, CaseIterable, Sendable {
  /// ByteJSON: scan, compact, escape round trips (input: any bytes).
  case json
  /// FHIRPath: compile, or a typed error; compiled text prints and compiles back to the same
  /// tree (input: expression text).
  case fhirpath
  /// Configuration loading and compiling into an ``Anonymizer`` (input: configuration file).
  case config
  /// R4 tree building on a scanned line: a consistent tree or a located failure (input: line).
  case tree
  /// Differential: `ResourceTree.isValid` and `build` agree on every line.
  case treeAgreement = "tree-agreement"
  /// The per-resource engine with the built-in `safe-harbor` preset.
  case engineSafeHarbor = "engine-safe-harbor"
  /// The per-resource engine with a configuration that uses every method.
  case engineAllMethods = "engine-all-methods"

  /// A checker with its own state (workers, scratch space); one per thread.
  package func makeChecker() -> FuzzChecker { FuzzChecker(self) }
}
