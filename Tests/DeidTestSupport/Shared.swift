#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where the team's `../shared` folder is, if this checkout has one beside it.
///
/// Tests that need it use `.enabled(if: Shared.isAvailable)` and skip cleanly without it.
package enum Shared {
  /// The package root (two levels above this file's folder).
  package static let packageRoot: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/DeidTestSupport/Shared.swift
    return parts.joined(separator: "/")
  }()

  /// `../shared` next to the package root, or the value of `FHIR_DEID_SHARED`.
  package static let path: String = {
    if let env = ProcessInfo.processInfo.environment["FHIR_DEID_SHARED"], !env.isEmpty {
      return env
    }
    return packageRoot + "/../shared"
  }()

  /// True when `../shared` exists with its spec folder.
  package static let isAvailable: Bool = FileManager.default.fileExists(
    atPath: path + "/spec/cli.md")
}
