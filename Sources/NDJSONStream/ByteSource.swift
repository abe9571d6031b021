#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of bytes read in chunks, the way `read(2)` reads a file.
package protocol ByteSource {
  /// Reads up to `buffer.count` bytes (at least 1) into the front of `buffer`.
  ///
  /// - Returns: the number of bytes read; 0 only at the end of the input.
  /// - Throws: `StreamError`, naming the input, when the input cannot be read or decoded.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int
}

/// Reads an open file descriptor with `read(2)`, retrying when interrupted.
///
/// The descriptor is borrowed: whoever opened it closes it.
package struct FileDescriptorSource: ByteSource {
  /// The descriptor to read.
  package let descriptor: Int32
  /// The input's display name, for errors.
  package let path: String

  package init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
  }

  /// Wraps `read(2)` (`SystemCall.readSome`): reads up to `buffer.count` bytes, retrying when
  /// interrupted.
  package func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamError) -> Int {
    do throws(Errno) {
      return try SystemCall.readSome(descriptor, into: buffer)
    } catch {
      throw .readFailed(path: path, errno: error.code)
    }
  }
}

/// Opens an input for reading: standard input is descriptor 0, a file is opened `O_RDONLY`.
///
/// - Returns: the descriptor; the caller closes it unless it is 0.
/// - Throws: `StreamError.cannotOpen`.
func openInput(_ input: InputSource) throws(StreamError) -> Int32 {
  switch input {
  case .standardInput:
    return 0
  case .file(let path):
    do throws(Errno) {
      return try SystemCall.openFile(path, flags: O_RDONLY | O_CLOEXEC)
    } catch {
      throw .cannotOpen(path: path, errno: error.code)
    }
  }
}
