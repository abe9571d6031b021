import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `fhir-deid` binary (or a shell pipeline using it) and captures its output.
package struct CommandResult: Sendable {
  package var status: Int32
  package var stdout: Data
  package var stderr: String
  /// The command was killed for running longer than its time limit (a hang, #14); `status` is
  /// then -1 and `stderr` starts by saying so.
  package var timedOut = false
  package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

package enum FhirDeidBinary {
  /// The folder holding the built products (`.build/<triple>/debug`), found from this test
  /// process's own executable.
  package static let buildDirectory: String = {
    let exe =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: exe)
    // …/debug/fhir-deidPackageTests.xctest (a file on Linux) → …/debug
    while !url.path.isEmpty, url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("fhir-deid").path)
      {
        return url.path
      }
    }
    return Shared.packageRoot + "/.build/debug"
  }()

  package static var path: String { buildDirectory + "/fhir-deid" }

  /// How long one command may run before it is killed and reported as timed out, so that a hang
  /// fails its test instead of the whole run (#14). `FHIR_DEID_TEST_TIMEOUT` (seconds) overrides
  /// the default of 180 s. After one command has been killed, later ones are not started (they
  /// time out at once), so a hang costs one time limit, not one per command.
  package static let timeLimit: Int = {
    if let text = ProcessInfo.processInfo.environment["FHIR_DEID_TEST_TIMEOUT"],
      let seconds = Int(text), seconds > 0
    {
      return seconds
    }
    return 180
  }()

  /// Set when a command was killed for its time limit.
  static let tripped = Atomic<Bool>(false)

  /// Runs `fhir-deid` with `arguments`, feeding `stdin`, from `directory`.
  package static func run(
    _ arguments: [String], stdin: Data = Data(), in directory: String? = nil,
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    try runProcess(path, arguments, stdin: stdin, in: directory, environment: environment)
  }

  /// Runs a `bash -o pipefail -c` command line with `fhir-deid` first on the PATH.
  package static func shell(
    _ command: String, stdin: Data = Data(), in directory: String? = nil,
    environment: [String: String] = [:]
  ) throws -> CommandResult {
    var env = environment
    env["PATH"] =
      buildDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    return try runProcess(
      "/bin/bash", ["-o", "pipefail", "-c", command], stdin: stdin, in: directory, environment: env)
  }

  static func runProcess(
    _ executable: String, _ arguments: [String], stdin: Data, in directory: String?,
    environment: [String: String]
  ) throws -> CommandResult {
    if tripped.load(ordering: .relaxed) {
      return CommandResult(
        status: -1, stdout: Data(),
        stderr: "[not started: an earlier command hung and was killed]\n", timedOut: true)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let inFile = FileManager.default.temporaryDirectory.appendingPathComponent("fd-in-\(UUID())")
    FileManager.default.createFile(atPath: inFile.path, contents: stdin)
    let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("fd-out-\(UUID())")
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("fd-err-\(UUID())")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: inFile)
      try? FileManager.default.removeItem(at: outFile)
      try? FileManager.default.removeItem(at: errFile)
    }
    let outHandle = try FileHandle(forWritingTo: outFile)
    let errHandle = try FileHandle(forWritingTo: errFile)
    let inHandle = try FileHandle(forReadingFrom: inFile)
    process.standardInput = inHandle
    process.standardOutput = outHandle
    process.standardError = errHandle
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    var timedOut = false
    if exited.wait(timeout: .now() + .seconds(timeLimit)) == .timedOut {
      // Kill the whole tree (a `shell` pipeline's children too), then collect the exit.
      timedOut = true
      tripped.store(true, ordering: .relaxed)
      killTree(process.processIdentifier)
      exited.wait()
    }
    process.waitUntilExit()
    try inHandle.close()
    try outHandle.close()
    try errHandle.close()
    let stderr = String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self)
    return CommandResult(
      status: timedOut ? -1 : process.terminationStatus,
      stdout: (try? Data(contentsOf: outFile)) ?? Data(),
      stderr: timedOut
        ? "[killed after \(timeLimit) s: \(arguments.joined(separator: " "))]\n" + stderr : stderr,
      timedOut: timedOut)
  }

  /// Sends SIGKILL to `pid` and all its descendants (found in /proc), children first.
  static func killTree(_ pid: Int32) {
    let path = "/proc/\(pid)/task/\(pid)/children"
    if let text = try? String(contentsOfFile: path, encoding: .utf8) {
      for child in text.split(separator: " ").compactMap({ Int32($0) }) { killTree(child) }
    }
    _ = kill(pid, SIGKILL)
  }
}

/// Temporary directories for tests, removed by the caller.
package enum TempDir {
  package static func make(_ label: String = "fhir-deid-test") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }
}

/// Strong keys for tests that run the binary with rules that need keys (a run without them
/// stops with exit 78). Fixed, so outputs are reproducible; never use them for real data.
package enum TestKeys {
  package static let dateShift = "test-date-shift-key-0123456789"
  package static let cryptoHash = "test-crypto-hash-key-0123456789"
  /// 32 bytes: AES-256.
  package static let encrypt = "test-encrypt-key-0123456789abcde"

  /// The three keys as the environment variables the binary reads.
  package static let environment = [
    "FHIR_DEID_DATE_SHIFT_KEY": dateShift, "FHIR_DEID_CRYPTO_HASH_KEY": cryptoHash,
    "FHIR_DEID_ENCRYPT_KEY": encrypt,
  ]

  /// The three keys as a `--keys FILE` JSON object.
  package static let json =
    #"{"dateShiftKey":"\#(dateShift)","cryptoHashKey":"\#(cryptoHash)","encryptKey":"\#(encrypt)"}"#
}
