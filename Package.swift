// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "fhir-deid",
  products: [
    .executable(name: "fhir-deid", targets: ["fhir-deid"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C libraries from Debian (zlib1g-dev, libssl-dev), found through pkg-config.
    .systemLibrary(
      name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]),

    // The pure engine, innermost first.
    .target(name: "ByteJSON"),
    .target(name: "FHIRModel", exclude: ["Generator"]),
    // .NET regular expressions (FHIRPath matches() and replaceMatches() use .NET's Regex).
    .target(name: "RegexEngine"),
    // The typed resource tree over a tape, and the FHIR primitive values it checks.
    .target(name: "FHIRTree", dependencies: ["ByteJSON", "FHIRModel"]),
    .target(name: "FHIRPath", dependencies: ["ByteJSON", "FHIRModel", "FHIRTree", "RegexEngine"]),
    .target(name: "DeidCrypto", dependencies: ["COpenSSL"]),
    .target(
      name: "FHIRDeid", dependencies: ["ByteJSON", "FHIRModel", "FHIRTree", "FHIRPath", "DeidCrypto"]),

    // I/O: never sees FHIR.
    .target(name: "NDJSONStream", dependencies: ["CZlib"]),

    // The one place they meet.
    .executableTarget(
      name: "fhir-deid",
      dependencies: [
        "FHIRDeid", "NDJSONStream", "ByteJSON", "FHIRModel", "FHIRPath", "DeidCrypto",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .target(name: "DeidTestSupport", path: "Tests/DeidTestSupport"),
    // The checks of the libFuzzer targets (Tests/Fuzz/run), shared with the replay test.
    .target(
      name: "FuzzChecks",
      dependencies: ["ByteJSON", "FHIRModel", "FHIRTree", "FHIRPath", "FHIRDeid"],
      path: "Tests/Fuzz/Checks"),
    .testTarget(name: "ByteJSONTests", dependencies: ["ByteJSON", "DeidTestSupport"]),
    .testTarget(name: "NDJSONStreamTests", dependencies: ["NDJSONStream", "DeidTestSupport"]),
    .testTarget(name: "FHIRModelTests", dependencies: ["FHIRModel", "DeidTestSupport"]),
    .testTarget(
      name: "FHIRTreeTests", dependencies: ["FHIRTree", "ByteJSON", "FHIRModel", "DeidTestSupport"]),
    .testTarget(
      name: "FHIRPathTests",
      dependencies: [
        "FHIRPath", "FHIRTree", "ByteJSON", "FHIRModel", "RegexEngine", "DeidTestSupport",
      ]),
    .testTarget(
      name: "FHIRDeidTests",
      dependencies: [
        "FHIRDeid", "FHIRTree", "FHIRPath", "FHIRModel", "ByteJSON", "DeidCrypto",
        "DeidTestSupport",
      ],
      // Golden cases, read from the source tree by the tests.
      exclude: ["Fixtures"]),
    .testTarget(name: "RegexEngineTests", dependencies: ["RegexEngine", "DeidTestSupport"]),
    .testTarget(name: "DeidCryptoTests", dependencies: ["DeidCrypto", "DeidTestSupport"]),
    .testTarget(name: "FuzzTests", dependencies: ["FuzzChecks", "DeidTestSupport"]),
    .testTarget(
      name: "CLITests", dependencies: ["DeidTestSupport"],
      exclude: []),
  ],
  swiftLanguageModes: [.v6]
)

// Each target sees only the modules it imports (SE-0444), so a dependency that Package.swift
// does not declare is an error rather than something a transitive import hides.
for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + [
    .enableUpcomingFeature("MemberImportVisibility")
  ]
}
