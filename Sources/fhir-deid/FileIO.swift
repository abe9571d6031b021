import DeidCrypto
import NDJSONStream

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small whole-file helpers for configuration and key files (not for data: that streams).
enum FileIO {
  struct Failure: Error {
    var errno: Int32
    var reason: String { String(cString: strerror(errno)) }

    init(errno: Int32) { self.errno = errno }

    /// The system error of a failed output (the pipeline's errors of a write carry one).
    init(_ error: StreamError) {
      switch error {
      case .cannotOpen(_, let code), .readFailed(_, let code), .cannotCreate(_, let code),
        .writeFailed(_, let code):
        errno = code
      case .truncatedGzip, .corruptGzip:
        errno = EIO
      }
    }
  }

  /// Reads a whole file.
  static func read(_ path: String) throws(Failure) -> [UInt8] {
    var result: [UInt8] = []
    try forEachChunk(of: path, size: 65536) { result.append(contentsOf: $0) }
    return result
  }

  /// Calls `body` with each piece of the file as it is read (pieces of at most `size` bytes).
  static func forEachChunk(
    of path: String, size: Int, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws(Failure) {
    let fd: Int32
    do throws(Errno) {
      fd = try SystemCall.openFile(path, flags: O_RDONLY | O_CLOEXEC)
    } catch {
      throw Failure(errno: error.code)
    }
    defer { close(fd) }
    var chunk = [UInt8](repeating: 0, count: size)
    while true {
      let read = chunk.withUnsafeMutableBytes { raw in
        Result { () throws(Errno) in try SystemCall.readSome(fd, into: raw) }
      }
      switch read {
      case .success(0): return
      case .success(let n):
        chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      case .failure(let error): throw Failure(errno: error.code)
      }
    }
  }

  /// Writes a whole file, replacing it.
  static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure(errno: errno) }
    guard Diagnostics.writeAll(fd, bytes) else {
      let code = errno
      close(fd)
      throw Failure(errno: code)
    }
    // A full disk can surface only at close (NFS, some file systems).
    guard close(fd) == 0 else { throw Failure(errno: errno) }
  }

  /// Writes a whole file atomically, as the pipeline writes `-o FILE`
  /// (``OutputTarget/atomicFile(path:)``): to a temporary file beside it (`.NAME.tmp-PID-N`,
  /// removed on SIGINT and SIGTERM), renamed over `path` when complete, so that a reader never
  /// sees a half-written file and an interrupted run leaves the old one.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
    let file: OutputFile
    do throws(StreamError) {
      file = try OutputFile(opening: .atomicFile(path: path))
    } catch {
      throw Failure(error)
    }
    var written = 0
    let failed: Errno? = bytes.withUnsafeBytes { raw in
      do throws(Errno) {
        try file.write(raw, written: &written)
        return nil
      } catch { return error }
    }
    if let failed {
      try? file.finish(keep: false)
      throw Failure(errno: failed.code)
    }
    do throws(StreamError) {
      try file.finish(keep: true)
    } catch {
      throw Failure(error)
    }
  }

  /// The SHA-256 (lower-case hex) and size of a file, read in pieces.
  static func digest(_ path: String) throws(Failure) -> (sha256: String, bytes: Int) {
    let stream = SHA256.Stream()
    var total = 0
    try forEachChunk(of: path, size: 1 << 20) { piece in
      total += piece.count
      stream.update(piece)
    }
    return (stream.finish(), total)
  }

  /// Whether something exists at `path` (a dangling link does not count).
  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Whether `path` is a regular file or nothing yet (not a device, a pipe or a folder).
  static func isRegularOrMissing(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return true }
    return (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Whether a path names an existing directory.
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// The size of a regular file, or nil (stdin, pipes).
  static func size(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }

  /// Whether standard error is a terminal.
  static var stderrIsTerminal: Bool { isatty(2) != 0 }

  /// The last path component (`a/b/c.ndjson` → `c.ndjson`).
  static func baseName(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if let slash = trimmed.lastIndex(of: "/") {
      return String(trimmed[trimmed.index(after: slash)...])
    }
    return String(trimmed)
  }

  /// The directory part of a path (`a/b/c.ndjson` → `a/b`, `c.ndjson` → `.`).
  static func directoryName(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    let dir = trimmed[..<slash]
    return dir.isEmpty ? "/" : String(dir)
  }

  /// Monotonic time in seconds.
  static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  /// The number of processors available to this process.
  /// The worker threads for `-j N`: N, or for 0 or no `-j` the available cores (as `xz -T0`).
  static func workerCount(_ jobs: Int?) -> Int {
    guard let jobs, jobs > 0 else { return availableCores() }
    return jobs
  }

  static func availableCores() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
