import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files the process is writing (the `.NAME.tmp-PID-N` of atomic outputs), so
/// that SIGINT and SIGTERM remove them before the process exits (130, 143): an interrupted run
/// leaves neither a partial file under the final name nor a temporary one.
///
/// The paths live in a fixed table of C strings that the signal handler reads with only
/// async-signal-safe calls (`unlink`, `_exit`); normal code changes it under a lock.
package enum TemporaryFiles {
  static let capacity = 256
  /// The table: `capacity` slots of a NUL-terminated path or nil. Allocated once, never freed.
  nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    return table
  }()
  static let lock = Mutex(())

  /// Records `path`; returns its slot for ``remove(_:)``, or -1 when the table is full (the file
  /// is then not removed on a signal).
  package static func add(_ path: String) -> Int {
    _ = slots
    return lock.withLock { _ in
      for i in 0..<capacity where slots[i] == nil {
        slots[i] = strdup(path)
        return i
      }
      return -1
    }
  }

  /// Forgets slot `slot` (the file was renamed or removed).
  package static func remove(_ slot: Int) {
    guard slot >= 0 else { return }
    lock.withLock { _ in
      let path = slots[slot]
      slots[slot] = nil
      free(path)
    }
  }

  /// Makes SIGINT and SIGTERM remove the recorded files, then end the process with 128 + the
  /// signal number, as a shell reports a process killed by it.
  /// Also unblocks the two signals on the calling thread: a process started from a thread that
  /// blocks them (a Dispatch worker's spawn, some supervisors) would otherwise never see them.
  package static func removeOnSignals() {
    _ = slots
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    for sig in [SIGINT, SIGTERM] {
      signal(sig) { sig in
        // Only async-signal-safe calls here: the table is read as it is.
        for i in 0..<TemporaryFiles.capacity {
          if let path = TemporaryFiles.slots[i] { unlink(path) }
        }
        _exit(128 + sig)
      }
    }
  }

  /// Removes the temporary files that an earlier run, no longer running, left beside `path`
  /// (`.NAME.tmp-PID-N` with PID not a live process); returns their names.
  package static func removeStale(beside path: String) -> [String] {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard let handle = opendir(directory.isEmpty ? "." : directory) else { return [] }
    defer { closedir(handle) }
    let prefix = "." + name + ".tmp-"
    var removed: [String] = []
    while let entry = readdir(handle) {
      let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard entryName.hasPrefix(prefix) else { continue }
      let rest = entryName.dropFirst(prefix.count).split(separator: "-")
      guard rest.count == 2, let pid = Int32(rest[0]), Int(rest[1]) != nil else { continue }
      // A live process (ours or another run's) keeps its file.
      if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
      if unlink(directory + entryName) == 0 { removed.append(directory + entryName) }
    }
    return removed
  }
}
