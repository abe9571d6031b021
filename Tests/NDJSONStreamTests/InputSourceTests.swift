import Foundation
import Testing

@testable import NDJSONStream

@Suite("expandInputs")
struct InputSourceTests {
  @Test("no operands is standard input; - is standard input")
  func standardInput() throws {
    #expect(try expandInputs([]) == [.standardInput])
    #expect(try expandInputs(["-", "-"]) == [.standardInput, .standardInput])
    #expect(InputSource.standardInput.displayName == "-")
    #expect(InputSource.file("x/y").displayName == "x/y")
  }

  @Test("a directory expands to its NDJSON files, sorted by bytes")
  func directory() throws {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    for name in [
      "b.ndjson", "a.ndjson.gz", "A.ndjson", "c.txt", ".hidden.ndjson", "d.ndjson.bak",
      "e.json", "ndjson", "é.ndjson", "z.NDJSON",
    ] {
      directory.write(name, [])
    }
    try FileManager.default.createDirectory(
      atPath: directory.file("sub.ndjson"), withIntermediateDirectories: false)
    directory.write("sub.ndjson/inner.ndjson", [])
    let expected: [InputSource] = ["A.ndjson", "a.ndjson.gz", "b.ndjson", "é.ndjson"].map {
      .file(directory.file($0))
    }
    #expect(try expandInputs([directory.path]) == expected)
    #expect(try expandInputs([directory.path + "/"]) == expected)
    let file = directory.file("c.txt")
    #expect(
      try expandInputs([file, "-", directory.path]) == [.file(file), .standardInput] + expected)
  }

  @Test("a missing path is cannotOpen")
  func missing() {
    let directory = TemporaryDirectory()
    defer { directory.cleanup() }
    let path = directory.file("missing.ndjson")
    #expect(throws: InputError.cannotOpen(path: path, errno: ENOENT)) {
      try expandInputs([path])
    }
  }

  @Test("error messages name the file, not data")
  func messages() {
    #expect(StreamError.truncatedGzip(path: "-").description.contains("standard input"))
    #expect(
      StreamError.writeFailed(path: "-", errno: ENOSPC).description
        == "error writing standard output: No space left on device")
    #expect(
      StreamError.cannotOpen(path: "x.ndjson", errno: ENOENT).description
        == "cannot open x.ndjson: No such file or directory")
  }
}
