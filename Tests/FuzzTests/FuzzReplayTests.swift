import DeidTestSupport
import FuzzChecks
import Testing

/// Replays every seed of every libFuzzer target (Tests/Fuzz/run) through the same checks, so the
/// normal test run keeps the harness compiling and its properties true on the seed corpora.
/// The fuzzers themselves run with `Tests/Fuzz/run` (and briefly in `.ci/run`).
@Suite struct FuzzReplayTests {
  @Test(arguments: FuzzTarget.allCases)
  func seedsHold(_ target: FuzzTarget) {
    let seeds = FuzzSeeds.all(
      for: target, root: Shared.packageRoot, shared: Shared.isAvailable ? Shared.path : nil)
    #expect(seeds.count >= 10, "too few seeds for \(target.rawValue)")
    let checker = target.makeChecker()
    for (index, seed) in seeds.enumerated() {
      do throws(FuzzViolation) {
        try checker.check(seed)
      } catch {
        Issue.record("\(target.rawValue) seed \(index): \(error)")
      }
    }
  }
}
