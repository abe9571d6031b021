import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// Reading one NDJSON line into a tape and a typed tree, with failures as ``RecordFailure``s
/// (offsets and element paths, never values). Shared by the engine and `fhir-deid select`.
package enum ResourceLoading {
  /// Scans `line` onto `tape`.
  package static func scan(
    _ line: UnsafeRawBufferPointer, with scanner: JSONScanner, into tape: inout Tape
  ) throws(RecordFailure) {
    do {
      try scanner.scan(line, into: &tape)
    } catch {
      throw RecordFailure(.invalidJSON(error.code), offset: Int(error.offset))
    }
  }

  /// Builds `tree` from `tape`; a resource that does not fit R4 fails with its element path.
  package static func build(
    _ tree: inout ResourceTree, from tape: Tape, line: UnsafeRawBufferPointer
  ) throws(RecordFailure) {
    do {
      try tree.build(tape, bytes: line)
    } catch {
      throw RecordFailure(
        error, resourceType: tree.count > 0 ? tree[0].type : nil,
        path: tree.path(of: error, tape: tape, bytes: line))
    }
  }
}
