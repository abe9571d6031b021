import ArgumentParser
import NDJSONStream
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes messages to standard error, one whole line per `write(2)` so lines from different
/// threads never interleave.
///
/// Messages name files, lines, columns, resource types, element paths and rules; callers never
/// pass a value taken from the input (values are patient data).
enum Diagnostics {
  private static let quietFlag = Atomic<Bool>(false)

  /// Suppresses warnings and notes (`-q`); errors are always written.
  static func setQuiet(_ quiet: Bool) { quietFlag.store(quiet, ordering: .relaxed) }
  static var isQuiet: Bool { quietFlag.load(ordering: .relaxed) }

  static func error(_ message: String) { emit("fhir-deid: error: " + message) }

  static func warning(_ message: String) {
    guard !isQuiet else { return }
    emit("fhir-deid: warning: " + message)
  }

  /// A warning that `-q` does not hide (keys made up for the run, weak keys, a reversible
  /// date shift): what makes the output less private is always said.
  static func alwaysWarn(_ message: String) { emit("fhir-deid: warning: " + message) }

  static func note(_ message: String) {
    guard !isQuiet else { return }
    emit("fhir-deid: " + message)
  }

  /// Writes a command's result to standard output. A reader that went away (`| head`) ends the
  /// command quietly, as the main run does; any other write error is exit 74, said on stderr.
  static func writeOutput(_ bytes: [UInt8]) throws(ExitCode) {
    guard !writeAll(1, bytes) else { return }
    if errno == EPIPE { return }
    error("cannot write to standard output: " + String(cString: strerror(errno)))
    throw ExitStatus.ioError.exitCode
  }

  /// Writes a raw line (a newline is appended) to stderr.
  static func emit(_ line: String) {
    var bytes = Array(line.utf8)
    bytes.append(0x0A)
    writeAll(2, bytes)
  }

  /// Writes all of `bytes` to `fd` (`SystemCall.writeAll`); false after a write error (`errno`
  /// says which).
  @discardableResult
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    let failure = bytes.withUnsafeBytes { raw -> Errno? in
      do throws(Errno) {
        try SystemCall.writeAll(fd, raw)
        return nil
      } catch {
        return error
      }
    }
    guard let failure else { return true }
    errno = failure.code
    return false
  }
}
