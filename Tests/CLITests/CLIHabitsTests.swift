import DeidTestSupport
import Foundation
import Testing

/// #12 (found 6 and 7): what users of Unix tools expect of the command line.
@Suite(.timeLimit(.minutes(2)))
struct CLIHabitsTests {
  static let line = Data(#"{"resourceType":"Patient","id":"x"}"#.utf8 + [0x0A])

  @Test("#12: -j4 is -j 4, and -j 0 means every available core")
  func jobs() throws {
    let joined = try FhirDeidBinary.run(["--preset", "keep-all", "-q", "-j4"], stdin: Self.line)
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(joined.stdout == Self.line)
    let dir = try TempDir.make("fhir-deid-habits")
    let stats = dir + "/stats.json"
    let all = try FhirDeidBinary.run(
      ["--preset", "keep-all", "-q", "-j", "0", "--stats", stats], stdin: Self.line)
    #expect(all.status == 0, "\(all.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stats)))
        as? [String: Any])
    #expect((report["jobs"] as? Int ?? 0) >= 1)
    let tooMany = try FhirDeidBinary.run(["--preset", "keep-all", "-j", "999"], stdin: Self.line)
    #expect(tooMany.status == 64)
  }

  @Test("#12: -V prints the version; help for a command that does not exist is exit 64")
  func versionAndHelp() throws {
    let v = try FhirDeidBinary.run(["-V"])
    #expect(v.status == 0)
    #expect(v.stdoutText.first?.isNumber == true)
    let help = try FhirDeidBinary.run(["help", "nosuch"])
    #expect(help.status == 64)
    #expect(help.stderr.contains("no command 'nosuch'"))
    let known = try FhirDeidBinary.run(["help", "lint"])
    #expect(known.status == 0)
  }

  @Test("#12: the top-level help shows the default command, main options, variables, exits")
  func topLevelHelp() throws {
    let r = try FhirDeidBinary.run(["--help"])
    #expect(r.status == 0)
    let text = r.stdoutText
    #expect(text.contains("USAGE: fhir-deid [OPTIONS] [INPUT ...]"), "\(text)")
    #expect(text.contains("-c FILE | --preset NAME"))
    #expect(text.contains("FHIR_DEID_CRYPTO_HASH_KEY"))
    #expect(text.contains("78 invalid configuration or key"))
  }

  @Test("#12: one error prefix for ArgumentParser's errors and ours, in every command")
  func errorPrefix() throws {
    for args in [["--nosuch"], ["lint", "--nosuch"], ["explain", "--nosuch"], ["select"]] {
      let r = try FhirDeidBinary.run(args)
      #expect(r.status == 64, "\(args)")
      #expect(r.stderr.hasPrefix("fhir-deid: error: "), "\(args): \(r.stderr)")
    }
  }

  @Test("#12: --gzip-level without gzip output is a usage error")
  func gzipLevelNeedsGzip() throws {
    let r = try FhirDeidBinary.run(["--preset", "keep-all", "--gzip-level", "9"], stdin: Self.line)
    #expect(r.status == 64)
    #expect(r.stderr.contains("--gzip-level applies to gzip output"))
    let z = try FhirDeidBinary.run(
      ["--preset", "keep-all", "--gzip-level", "9", "-z", "-q"], stdin: Self.line)
    #expect(z.status == 0)
    #expect(z.stdout.starts(with: [0x1F, 0x8B]))
  }

  @Test("#12: a run report or a preset that cannot be written is exit 74")
  func unwritableOutputs() throws {
    for target in ["/dev/full", "/nonexistent-dir/stats.json"] {
      let r = try FhirDeidBinary.run(
        ["--preset", "keep-all", "-q", "--stats", target], stdin: Self.line)
      #expect(r.status == 74, "\(target): \(r.stderr)")
      #expect(r.stderr.contains("cannot write the run report"))
    }
    let show = try FhirDeidBinary.shell("fhir-deid presets show safe-harbor > /dev/full")
    #expect(show.status == 74)
    let lint = try FhirDeidBinary.shell("fhir-deid lint --preset keep-all > /dev/full")
    #expect(lint.status == 74)
    // A reader that goes away is not an error.
    let head = try FhirDeidBinary.shell(
      "set -o pipefail; fhir-deid presets show safe-harbor | head -c 10 > /dev/null")
    #expect(head.status == 0, "\(head.stderr)")
  }
}
