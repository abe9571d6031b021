// libFuzzer entry point for every target of `Tests/Fuzz/run`. Not part of any SwiftPM target:
// the script compiles it once per target with `-D FUZZ_<TARGET>` against the modules and
// `Tests/Fuzz/Checks` (the `FuzzChecks` module, which the replay test uses too).

import FuzzChecks

#if canImport(Glibc)
  import Glibc
#endif

#if FUZZ_JSON
  let fuzzTarget = FuzzTarget.json
#elseif FUZZ_FHIRPATH
  let fuzzTarget = FuzzTarget.fhirpath
#elseif FUZZ_CONFIG
  let fuzzTarget = FuzzTarget.config
#elseif FUZZ_TREE
  let fuzzTarget = FuzzTarget.tree
#elseif FUZZ_TREE_AGREEMENT
  let fuzzTarget = FuzzTarget.treeAgreement
#elseif FUZZ_ENGINE_SAFE_HARBOR
  let fuzzTarget = FuzzTarget.engineSafeHarbor
#elseif FUZZ_ENGINE_ALL_METHODS
  let fuzzTarget = FuzzTarget.engineAllMethods
#endif

/// libFuzzer runs inputs one at a time on one thread.
nonisolated(unsafe) let checker = fuzzTarget.makeChecker()

/// With `FHIR_DEID_FUZZ_SEEDS=DIR` (and `FHIR_DEID_FUZZ_ROOT`, optionally `FHIR_DEID_SHARED`),
/// writes the target's seeds into DIR and exits instead of fuzzing.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
  _ argc: UnsafeMutablePointer<CInt>?,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
  guard let directory = getenv("FHIR_DEID_FUZZ_SEEDS").map({ String(cString: $0) }) else {
    return 0
  }
  let root = getenv("FHIR_DEID_FUZZ_ROOT").map { String(cString: $0) } ?? "."
  let shared = getenv("FHIR_DEID_SHARED").map { String(cString: $0) }
  do {
    try FuzzSeeds.write(for: fuzzTarget, root: root, shared: shared, to: directory)
    _exit(0)  // not exit: LeakSanitizer would report the strings still held here
  } catch {
    fatalError("cannot write seeds: \(error)")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  do {
    try checker.check(UnsafeRawBufferPointer(start: data, count: size))
  } catch {
    fatalError("\(fuzzTarget.rawValue): \(error)")
  }
  return 0
}
