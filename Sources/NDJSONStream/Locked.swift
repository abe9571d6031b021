#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value that is only touched while holding a `pthread_mutex_t`.
///
/// The pipeline uses this instead of `Synchronization.Mutex`: on Linux, `Mutex` waits in the
/// kernel (a PI futex) when contended, which ThreadSanitizer cannot see, so every contended
/// hand-off showed up as a false data race and hid real ones. `pthread_mutex_lock` is understood
/// by ThreadSanitizer and costs the same at a few lock operations per 1 MiB batch.
final class Locked<Value: Sendable>: @unchecked Sendable {
  // @unchecked: `value` is only read or written inside `withLock`, under `mutex`.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private var value: Value

  init(_ value: Value) {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
    self.value = value
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` with exclusive access to the value; do not block inside it.
  func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body(&value)
  }
}
