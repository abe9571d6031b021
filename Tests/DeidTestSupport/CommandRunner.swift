import Foundation

/// Runs the built `fhir-deid` binary (or a shell pipeline using it) and captures its output.
package struct CommandResult: Sendable {
  package var status: Int32
  package var stdout: Data
  package var stderr: String
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
    try process.run()
    process.waitUntilExit()
    try inHandle.close()
    try outHandle.close()
    try errHandle.close()
    return CommandResult(
      status: process.terminationStatus,
      stdout: (try? Data(contentsOf: outFile)) ?? Data(),
      stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
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
