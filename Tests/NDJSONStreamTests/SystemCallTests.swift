import Dispatch
import Foundation
import Synchronization
import Testing

@testable import NDJSONStream

@Suite("SystemCall", .timeLimit(.minutes(5)))
struct SystemCallTests {
  @Test("retryingOnInterrupt calls again after EINTR and returns the first result")
  func retriesOnInterrupt() throws {
    var calls = 0
    let result = try SystemCall.retryingOnInterrupt { () -> Int in
      calls += 1
      guard calls > 2 else {
        errno = EINTR
        return -1
      }
      return 7
    }
    #expect(result == 7 && calls == 3)
  }

  @Test("retryingOnInterrupt throws any other errno at once")
  func throwsOtherErrors() {
    var calls = 0
    #expect(throws: Errno(EIO)) {
      try SystemCall.retryingOnInterrupt { () -> Int32 in
        calls += 1
        errno = EIO
        return -1
      }
    }
    #expect(calls == 1)
  }

  @Test("writeAll writes every byte through a pipe (partial writes continued)")
  func writeAllThroughPipe() throws {
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    let (readEnd, writeEnd) = (fds[0], fds[1])
    defer { close(readEnd) }
    // 4 MiB: far more than a pipe holds (64 KiB on Linux), so write(2) returns short counts.
    let data = (0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
    let writer = WriterResult()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      var written = 0
      let failure = data.withUnsafeBytes { raw -> Errno? in
        do throws(Errno) {
          try SystemCall.writeAll(writeEnd, raw, written: &written)
          return nil
        } catch {
          return error
        }
      }
      writer.value.withLock { $0 = (written, failure) }
      close(writeEnd)
      done.signal()
    }
    thread.start()
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 10_000)
    while true {
      let count = try chunk.withUnsafeMutableBytes { raw in
        Result { () throws(Errno) in try SystemCall.readSome(readEnd, into: raw) }
      }.get()
      if count == 0 { break }
      received += chunk[0..<count]
    }
    done.wait()
    let result = writer.value.withLock { $0 }
    #expect(result.failure == nil)
    #expect(result.written == data.count)
    #expect(Bool(received == data))
  }

  @Test("a descriptor that is not open is EBADF for writeAll and readSome, nothing counted")
  func closedDescriptor() throws {
    // Not a number just closed: tests run in parallel, and another one could open it meanwhile.
    // Descriptors are below the process's limit, so this one is closed for sure.
    let closed = Int32(sysconf(Int32(_SC_OPEN_MAX)))
    try #require(closed > 2)
    var written = 0
    #expect(throws: Errno(EBADF)) {
      try Array("abc".utf8).withUnsafeBytes { raw in
        try SystemCall.writeAll(closed, raw, written: &written)
      }
    }
    #expect(written == 0)
    var buffer = [UInt8](repeating: 0, count: 16)
    #expect(throws: Errno(EBADF)) {
      try buffer.withUnsafeMutableBytes { raw in _ = try SystemCall.readSome(closed, into: raw) }
    }
  }

  @Test("writeAll to a pipe without a reader is EPIPE")
  func brokenPipe() throws {
    signal(SIGPIPE, SIG_IGN)
    var fds: [Int32] = [0, 0]
    try #require(pipe(&fds) == 0)
    close(fds[0])
    defer { close(fds[1]) }
    #expect(throws: Errno(EPIPE)) {
      try Array("abc".utf8).withUnsafeBytes { raw in try SystemCall.writeAll(fds[1], raw) }
    }
  }

  @Test("openFile opens, and names the errno of a path that cannot be opened")
  func openFile() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let path = directory.write("a", Array("xyz".utf8))
    let fd = try SystemCall.openFile(path, flags: O_RDONLY | O_CLOEXEC)
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 16)
    let count = try buffer.withUnsafeMutableBytes { raw in
      Result { () throws(Errno) in try SystemCall.readSome(fd, into: raw) }
    }.get()
    #expect(Array(buffer[0..<count]) == Array("xyz".utf8))
    #expect(throws: Errno(ENOENT)) {
      try SystemCall.openFile(directory.file("missing"), flags: O_RDONLY)
    }
    #expect(throws: Errno(EEXIST)) {
      try SystemCall.openFile(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
    }
  }
}

/// What the writing thread of `writeAllThroughPipe` did.
private final class WriterResult: Sendable {
  let value = Mutex<(written: Int, failure: Errno?)>((0, nil))
}
