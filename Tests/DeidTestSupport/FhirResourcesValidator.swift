import Foundation

/// fhir.resources 6.4.0 through `Tests/Validation/validate-r4.py`, run by the Python in
/// `FHIR_DEID_VALIDATOR_PYTHON` (e.g. `/tmp/validity-venv/bin/python`) or else `python3`.
package enum FhirResourcesValidator {
  package static let script = Shared.packageRoot + "/Tests/Validation/validate-r4.py"

  package static let python: String =
    ProcessInfo.processInfo.environment["FHIR_DEID_VALIDATOR_PYTHON"].flatMap {
      $0.isEmpty ? nil : $0
    } ?? "python3"

  /// True when that Python imports fhir.resources 6.4.0.
  package static let isAvailable: Bool = {
    let check = "import fhir.resources as f, sys; sys.exit(f.__version__ != '6.4.0')"
    return (try? run(["-c", check], stdin: Data()).status) == 0
  }()

  /// Runs the Python with `arguments` (`-B`: no `__pycache__` in the checkout).
  package static func run(_ arguments: [String], stdin: Data) throws -> (
    status: Int32, stdout: Data
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-B"] + arguments
    let dir = FileManager.default.temporaryDirectory
    let input = dir.appendingPathComponent("validate-in-\(UUID())")
    let output = dir.appendingPathComponent("validate-out-\(UUID())")
    _ = FileManager.default.createFile(atPath: input.path, contents: stdin)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: input)
      try? FileManager.default.removeItem(at: output)
    }
    let inHandle = try FileHandle(forReadingFrom: input)
    let outHandle = try FileHandle(forWritingTo: output)
    process.standardInput = inHandle
    process.standardOutput = outHandle
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try inHandle.close()
    try outHandle.close()
    return (process.terminationStatus, try Data(contentsOf: output))
  }

  /// The verdict of fhir.resources on each line of `ndjson` (true: valid).
  package static func verdicts(of ndjson: Data) throws -> [Bool] {
    let result = try run([script, "--lines", "--json", "-"], stdin: ndjson)
    guard result.status == 0 || result.status == 1 else {
      throw ValidatorError(message: "validate-r4.py exited \(result.status)")
    }
    var out: [Bool] = []
    for line in result.stdout.split(separator: UInt8(ascii: "\n")) {
      let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
      if let valid = object?["valid"] as? Bool, object?["line"] != nil { out.append(valid) }
    }
    return out
  }
}

/// The validator script did not run to a verdict.
package struct ValidatorError: Error, CustomStringConvertible {
  package var message: String
  package var description: String { message }
}
