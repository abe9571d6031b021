import ArgumentParser
import DeidCrypto
import FHIRDeid

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fhir-deid keygen`: a keys file with fresh random keys, for `--keys FILE`.
struct Keygen: ParsableCommand {
  /// One error prefix for every message, ArgumentParser's and ours.
  static var _errorPrefix: String { "fhir-deid: error: " }

  static let configuration = CommandConfiguration(
    commandName: "keygen",
    abstract: "Write a keys file with fresh random keys (for --keys FILE).",
    discussion: """
      Writes {"dateShiftKey", "cryptoHashKey", "encryptKey"} as JSON: 43 random characters \
      (258 bits) for the HMAC keys, 32 (192 bits, AES-256) for the encryption key, from the \
      system's cryptographic random generator. With -o the file is created with mode 0600 and \
      an existing file is never replaced unless --force is given (losing a key means pseudonyms \
      and shifted dates no longer link). Keep the file secret: whoever holds it can link \
      pseudonyms to values they can guess.
      """
  )

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Write the keys here (mode 0600) instead of standard output.", valueName: "FILE"))
  var output: String?

  @Flag(help: "Replace FILE if it exists.")
  var force = false

  func run() throws {
    let text = Self.keysJSON()
    guard let output else {
      try Diagnostics.writeOutput(text)
      return
    }
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
    flags |= force ? O_TRUNC : O_EXCL
    let fd = open(output, flags, 0o600)
    guard fd >= 0 else {
      let reason = String(cString: strerror(errno))
      let hint = errno == EEXIST ? " (--force replaces it)" : ""
      Diagnostics.error("cannot create key file \(output): \(reason)\(hint)")
      throw ExitStatus.cannotCreate.exitCode
    }
    defer { close(fd) }
    // An existing file replaced with --force keeps its mode: make it private too.
    guard fchmod(fd, 0o600) == 0, Diagnostics.writeAll(fd, text) else {
      Diagnostics.error("cannot write key file \(output): \(String(cString: strerror(errno)))")
      throw ExitStatus.ioError.exitCode
    }
  }

  /// The keys file: one key per line, so it diffs and greps well.
  static func keysJSON() -> [UInt8] {
    let keys: [(KeyName, String)] = [
      (.dateShiftKey, RandomKey.text(count: 43)),
      (.cryptoHashKey, RandomKey.text(count: 43)),
      (.encryptKey, RandomKey.text(count: 32)),
    ]
    let members = keys.map { "  \"\($0.0.rawValue)\": \"\($0.1)\"" }
    return Array(("{\n" + members.joined(separator: ",\n") + "\n}\n").utf8)
  }
}
