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
  }

  /// Reads a whole file.
  static func read(_ path: String) throws(Failure) -> [UInt8] {
    let fd: Int32
    do throws(Errno) {
      fd = try SystemCall.openFile(path, flags: O_RDONLY | O_CLOEXEC)
    } catch {
      throw Failure(errno: error.code)
    }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let read = chunk.withUnsafeMutableBytes { raw in
        Result { () throws(Errno) in try SystemCall.readSome(fd, into: raw) }
      }
      switch read {
      case .success(0): return result
      case .success(let n): result.append(contentsOf: chunk[0..<n])
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

  /// Writes a whole file atomically: to a temporary file beside it (`.NAME.tmp-PID-N`, removed
  /// on SIGINT and SIGTERM), renamed over `path` when complete, so that a reader never sees a
  /// half-written file and an interrupted run leaves the old one.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var fd: Int32 = -1
    var temporary = ""
    for attempt in 0..<1000 {
      temporary = "\(directory).\(name).tmp-\(getpid())-\(attempt)"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw Failure(errno: errno) }
    let slot = TemporaryFiles.add(temporary)
    defer { TemporaryFiles.remove(slot) }
    let wrote = Diagnostics.writeAll(fd, bytes)
    let code = errno
    guard close(fd) == 0, wrote else {
      let failure = Failure(errno: wrote ? errno : code)
      unlink(temporary)
      throw failure
    }
    guard rename(temporary, path) == 0 else {
      let failure = Failure(errno: errno)
      unlink(temporary)
      throw failure
    }
  }

  /// The SHA-256 (lower-case hex) and size of a file, read in pieces.
  static func digest(_ path: String) throws(Failure) -> (sha256: String, bytes: Int) {
    let fd: Int32
    do throws(Errno) {
      fd = try SystemCall.openFile(path, flags: O_RDONLY | O_CLOEXEC)
    } catch {
      throw Failure(errno: error.code)
    }
    defer { close(fd) }
    let stream = SHA256.Stream()
    var total = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let read = chunk.withUnsafeMutableBytes { raw in
        Result { () throws(Errno) in try SystemCall.readSome(fd, into: raw) }
      }
      switch read {
      case .success(0): return (stream.finish(), total)
      case .success(let n):
        total += n
        chunk.withUnsafeBytes { stream.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      case .failure(let error): throw Failure(errno: error.code)
      }
    }
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
