import DeidTestSupport
import Foundation
import Testing

/// #12: `make install` puts the binary, the man page and the completions in place.
@Suite(
  .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")),
  .timeLimit(.minutes(2)))
struct InstallTests {
  @Test("#12: make install PREFIX=… installs binary, man page, bash/zsh/fish completions")
  func install() throws {
    let prefix = try TempDir.make("fhir-deid-install")
    let r = try FhirDeidBinary.shell(
      "make -s install PREFIX=\(prefix) BIN=\(FhirDeidBinary.path)", in: Shared.packageRoot)
    #expect(r.status == 0, "\(r.stderr)")
    for file in [
      "bin/fhir-deid", "share/man/man1/fhir-deid.1", "share/bash-completion/completions/fhir-deid",
      "share/zsh/site-functions/_fhir-deid", "share/fish/vendor_completions.d/fhir-deid.fish",
    ] {
      #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
    }
    let version = try FhirDeidBinary.shell("\(prefix)/bin/fhir-deid -V")
    #expect(version.status == 0 && version.stdoutText.first?.isNumber == true)
    // The bash completion loads and completes the subcommands.
    let bash = try FhirDeidBinary.shell(
      "source \(prefix)/share/bash-completion/completions/fhir-deid && complete -p fhir-deid")
    #expect(bash.status == 0, "\(bash.stderr)")
    let removed = try FhirDeidBinary.shell(
      "make -s uninstall PREFIX=\(prefix)", in: Shared.packageRoot)
    #expect(removed.status == 0)
    #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/fhir-deid"))
  }
}
