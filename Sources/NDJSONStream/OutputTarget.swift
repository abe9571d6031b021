#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the pipeline writes.
package enum OutputTarget: Equatable, Sendable {
  /// Descriptor 1. It is not closed.
  case standardOutput
  /// A file, created or truncated when the run starts.
  case file(path: String)
  /// A file replaced only by a completed run: the output goes to a temporary file in the same
  /// directory (`.<name>.tmp-<pid>-<n>`), renamed over `path` when the run completes and removed
  /// otherwise (stopped, failed, broken pipe).
  case atomicFile(path: String)

  /// The name used in errors: `"-"` for standard output, otherwise the path.
  package var displayName: String {
    switch self {
    case .standardOutput: "-"
    case .file(let path), .atomicFile(let path): path
    }
  }
}

/// The open output of one run (the pipeline's, and whole-file writes of the executable).
package struct OutputFile {
  let descriptor: Int32
  let target: OutputTarget
  /// The temporary file of an `atomicFile` target.
  let temporaryPath: String?
  /// Its slot in ``TemporaryFiles`` (removed on SIGINT/SIGTERM), or -1.
  let temporarySlot: Int

  /// Opens (creates, truncates) the target.
  ///
  /// - Throws: `StreamError.cannotCreate`, naming the target's path.
  package init(opening target: OutputTarget) throws(StreamError) {
    self.target = target
    switch target {
    case .standardOutput:
      descriptor = 1
      temporaryPath = nil
      temporarySlot = -1
    case .file(let path):
      descriptor = try createFile(path, flags: O_TRUNC, reportAs: path)
      temporaryPath = nil
      temporarySlot = -1
    case .atomicFile(let path):
      let slash = path.lastIndex(of: "/")
      let directory = slash.map { String(path[...$0]) } ?? ""
      let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
      var attempt = 0
      while true {
        let candidate = "\(directory).\(name).tmp-\(getpid())-\(attempt)"
        do throws(StreamError) {
          descriptor = try createFile(candidate, flags: O_EXCL, reportAs: path)
          temporaryPath = candidate
          temporarySlot = TemporaryFiles.add(candidate)
          break
        } catch {
          guard case .cannotCreate(_, EEXIST) = error, attempt < 1000 else { throw error }
          attempt += 1
        }
      }
    }
  }

  /// Writes all of `bytes` (`SystemCall.writeAll`: partial writes continued, interrupted calls
  /// retried).
  ///
  /// Adds the number of bytes written to `written`, also when it throws.
  /// - Throws: the `errno` of the failed call.
  package func write(_ bytes: UnsafeRawBufferPointer, written: inout Int) throws(Errno) {
    try SystemCall.writeAll(descriptor, bytes, written: &written)
  }

  /// Closes the output; for an atomic target, renames the temporary file over the path when
  /// `keep` is true, and removes it otherwise.
  ///
  /// - Throws: `writeFailed` when `close(2)` fails, `cannotCreate` when the rename fails; the
  ///   temporary file is removed in both cases.
  package func finish(keep: Bool) throws(StreamError) {
    guard target != .standardOutput else { return }
    let closed = close(descriptor) == 0
    let closeError = errno
    guard let temporaryPath, case .atomicFile(let path) = target else {
      if keep && !closed { throw .writeFailed(path: target.displayName, errno: closeError) }
      return
    }
    defer { TemporaryFiles.remove(temporarySlot) }
    guard keep else {
      unlink(temporaryPath)
      return
    }
    guard closed else {
      unlink(temporaryPath)
      throw .writeFailed(path: path, errno: closeError)
    }
    guard rename(temporaryPath, path) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw .cannotCreate(path: path, errno: code)
    }
  }
}

/// Opens `path` for writing with `O_CREAT` and `flags`, mode 0666 before the umask.
private func createFile(_ path: String, flags: Int32, reportAs name: String) throws(StreamError)
  -> Int32
{
  do throws(Errno) {
    return try SystemCall.openFile(path, flags: O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode: 0o666)
  } catch {
    throw .cannotCreate(path: name, errno: error.code)
  }
}
