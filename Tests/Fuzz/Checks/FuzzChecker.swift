/// Runs one target's check on input after input, keeping the state that a real run keeps
/// between lines (the engine's worker, the scanner's tape).
///
/// Not thread-safe: one checker per thread.
package final class FuzzChecker {
  package let target: FuzzTarget
  private var engine: EngineCheck?

  init(_ target: FuzzTarget) {
    self.target = target
  }

  /// Checks one input; throws the first property that does not hold.
  package func check(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    switch target {
    case .json: try JSONCheck.check(input)
    case .fhirpath: try FHIRPathCheck.check(input)
    case .config: try ConfigurationCheck.check(input)
    case .tree: try ResourceTreeCheck.check(input)
    case .treeAgreement: try ResourceTreeCheck.checkAgreement(input)
    case .engineSafeHarbor, .engineAllMethods:
      if engine == nil { engine = EngineCheck(target) }
      try engine?.check(input)
    }
  }

  /// Checks one input given as an array.
  package func check(_ input: [UInt8]) throws(FuzzViolation) {
    try withBytes(input) { raw throws(FuzzViolation) in try check(raw) }
  }
}
