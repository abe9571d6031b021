#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure reading the inputs or writing the output.
///
/// Every case names a file (`"-"` for standard input or output) and at most an `errno` value; none
/// carries bytes of the data, which are patient data. The executable maps each case to an exit
/// status: `cannotOpen` 66, `truncatedGzip` and `corruptGzip` 65, `readFailed` and `writeFailed` 74,
/// `cannotCreate` 73.
package enum StreamError: Error, Equatable, Sendable {
  /// An input could not be opened (exit 66).
  case cannotOpen(path: String, errno: Int32)
  /// A gzip input ended inside a member (exit 65).
  case truncatedGzip(path: String)
  /// A gzip input has a bad header, bad deflate data, a bad CRC or length, or trailing bytes that
  /// do not start another member (exit 65).
  case corruptGzip(path: String)
  /// `read(2)` failed on an input (exit 74). A line longer than 4 GiB is reported as `EOVERFLOW`.
  case readFailed(path: String, errno: Int32)
  /// The output file (or its temporary file, or the final rename) could not be created (exit 73).
  case cannotCreate(path: String, errno: Int32)
  /// `write(2)` or `close(2)` failed on the output (exit 74); `ENOMEM` also reports a gzip
  /// compressor that could not be set up.
  case writeFailed(path: String, errno: Int32)
}

extension StreamError: CustomStringConvertible {
  /// A one-line message naming the file and the system error, without any data bytes.
  package var description: String {
    switch self {
    case .cannotOpen(let path, let code):
      "cannot open \(inputName(path)): \(systemMessage(code))"
    case .truncatedGzip(let path):
      "\(inputName(path)): truncated gzip input (unexpected end of file)"
    case .corruptGzip(let path):
      "\(inputName(path)): corrupt gzip input"
    case .readFailed(let path, let code):
      "error reading \(inputName(path)): \(systemMessage(code))"
    case .cannotCreate(let path, let code):
      "cannot create \(outputName(path)): \(systemMessage(code))"
    case .writeFailed(let path, let code):
      "error writing \(outputName(path)): \(systemMessage(code))"
    }
  }
}

/// The name of an input as messages show it.
func inputName(_ path: String) -> String {
  path == "-" ? "standard input" : path
}

/// The name of an output as messages show it.
func outputName(_ path: String) -> String {
  path == "-" ? "standard output" : path
}

/// The text for an `errno` value, as `strerror(3)` gives it.
func systemMessage(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "errno \(code)" }
  return String(cString: text)
}
