import ByteJSON
import FHIRModel
import FHIRPath

/// A loaded configuration, compiled once and shared (read-only) by every worker.
package final class Anonymizer: Sendable {
  package let configuration: Configuration

  /// Compiles `configuration` for use.
  ///
  /// - Throws: ``ConfigurationError`` when the configuration has rules; the anonymization engine
  ///   that applies them is not part of this build yet, and passing data through unchanged would
  ///   leak it.
  package init(configuration: Configuration) throws(ConfigurationError) {
    guard configuration.rules.isEmpty else {
      throw ConfigurationError(
        "this build applies no fhirPathRules yet (the anonymization engine is not included); "
          + "only configurations with \"fhirPathRules\": [] (validate and re-serialise) can run")
    }
    self.configuration = configuration
  }

  /// A worker with its own scratch space; one per thread.
  package func makeWorker() -> AnonymizerWorker { AnonymizerWorker(self) }
}

/// Per-thread state for turning input lines into output lines.
package final class AnonymizerWorker {
  private let anonymizer: Anonymizer
  private let scanner = JSONScanner()
  private var tape = Tape()
  private var tree = ResourceTree()

  init(_ anonymizer: Anonymizer) { self.anonymizer = anonymizer }

  /// De-identifies one resource (one NDJSON line, without its newline) and appends the output
  /// line, without a newline, to `out`.
  ///
  /// - Returns: the resource type.
  /// - Throws: ``RecordFailure``; then nothing has been appended to `out`.
  package func process(_ line: UnsafeRawBufferPointer, into out: inout [UInt8])
    throws(RecordFailure) -> FHIRType
  {
    tape.removeAll(keepingCapacity: true)
    do {
      try scanner.scan(line, into: &tape)
    } catch {
      throw RecordFailure(.invalidJSON(error.code), offset: Int(error.offset))
    }
    do {
      try tree.build(tape, bytes: line)
    } catch {
      throw RecordFailure(
        error, resourceType: tree.count > 0 ? tree[0].type.name : nil,
        path: tree.path(of: error, tape: tape, bytes: line))
    }
    let type = tree[0].type
    tape.writeCompact(from: line, into: &out)
    return type
  }
}
