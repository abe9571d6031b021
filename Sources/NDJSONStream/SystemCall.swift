#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An `errno` value from a failed system call.
package struct Errno: Error, Equatable, Sendable {
  /// The value of `errno` (`EPIPE`, `ENOENT`, …).
  package var code: Int32

  package init(_ code: Int32) {
    self.code = code
  }
}

/// The system calls of the pipeline and the executable, retried when a signal interrupts them
/// (`EINTR`) and, for writes, continued after a partial write.
///
/// Every call that reads, writes or opens a file goes through here, so no caller loops on `EINTR`
/// itself. Failures come back as `Errno` and never as text: the caller knows which file it was
/// and names it.
package enum SystemCall {
  /// Runs `call` again for as long as it fails with `EINTR`.
  ///
  /// `call` is one system call that returns a negative value and sets `errno` when it fails
  /// (`read(2)`, `write(2)`, `open(2)`).
  /// - Returns: the first result that is not a failure.
  /// - Throws: the `errno` of a failure other than `EINTR`.
  package static func retryingOnInterrupt<Result: SignedInteger>(
    _ call: () -> Result
  ) throws(Errno) -> Result {
    while true {
      let result = call()
      if result >= 0 { return result }
      let code = errno
      if code != EINTR { throw Errno(code) }
    }
  }

  /// Wraps `read(2)`: reads up to `buffer.count` bytes from `descriptor` into the front of
  /// `buffer`, retrying when interrupted.
  ///
  /// - Returns: the number of bytes read, which may be fewer than asked for; 0 only at the end
  ///   of the input (or for an empty `buffer`).
  /// - Throws: the `errno` of the failed call.
  package static func readSome(
    _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer
  ) throws(Errno) -> Int {
    try retryingOnInterrupt { read(descriptor, buffer.baseAddress, buffer.count) }
  }

  /// Wraps `write(2)`: writes all of `bytes` to `descriptor` with as few calls as it takes (at
  /// most 1 GiB each), continuing after partial writes and retrying when interrupted.
  ///
  /// Adds the number of bytes written to `written` as it goes, so the count is right also when
  /// it throws.
  /// - Throws: the `errno` of the failed call (`EPIPE` when the reader went away).
  package static func writeAll(
    _ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, written: inout Int
  ) throws(Errno) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let count = try retryingOnInterrupt {
        write(descriptor, base + offset, min(bytes.count - offset, 1 << 30))
      }
      offset += count
      written &+= count
    }
  }

  /// `writeAll(_:_:written:)` for a caller that does not count the bytes.
  package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
    var written = 0
    try writeAll(descriptor, bytes, written: &written)
  }

  /// Wraps `open(2)`: opens `path` with `flags` (and `mode` for a file that `O_CREAT` creates,
  /// before the umask), retrying when interrupted.
  ///
  /// - Returns: the new descriptor; the caller closes it.
  /// - Throws: the `errno` of the failed call.
  package static func openFile(_ path: String, flags: Int32, mode: mode_t = 0) throws(Errno)
    -> Int32
  {
    try retryingOnInterrupt { open(path, flags, mode) }
  }
}
