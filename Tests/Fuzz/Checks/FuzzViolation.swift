/// A property of a fuzz target that did not hold for an input. The message names the property;
/// it may quote the fuzz input (test data, never patient data).
package struct FuzzViolation: Error, Sendable, CustomStringConvertible {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

/// Throws a ``FuzzViolation`` with `message` unless `condition` holds.
@inline(__always)
func require(
  _ condition: Bool, _ message: @autoclosure () -> String
) throws(FuzzViolation) {
  if !condition { throw FuzzViolation(message()) }
}

/// `Array.withUnsafeBytes` for a body that throws ``FuzzViolation`` (the standard one is
/// `rethrows`, which loses the type).
func withBytes<R>(
  _ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(FuzzViolation) -> R
) throws(FuzzViolation) -> R {
  let result: Result<R, FuzzViolation> = array.withUnsafeBytes { raw in
    do throws(FuzzViolation) { return .success(try body(raw)) } catch { return .failure(error) }
  }
  return try result.get()
}
