import FHIRModel
import Foundation
import Testing

/// Walks element paths through `R4.child(_:of:)`, the way a typed view walks JSON members.
enum PathWalker {
  /// The match for the last segment of `path` ("Patient.contact.name"), walking from the root
  /// type's structure; nil if any segment does not resolve.
  static func walk(_ path: String) -> ChildMatch? {
    let parts = path.split(separator: ".").map(String.init)
    guard let root = FHIRType.named(parts[0]), var s = R4.structure(of: root) else { return nil }
    var match: ChildMatch?
    for part in parts.dropFirst() {
      guard let m = R4.child(part, of: s) else { return nil }
      match = m
      if let next = m.structure { s = next } else if part != parts.last { return nil }
    }
    return match
  }
}

@Suite struct R4PathTests {
  static let sample: [(path: String, type: String)] = R4PathSample.text.split(separator: "\n")
    .map { line in
      let f = line.split(separator: " ")
      return (String(f[0]), String(f[1]))
    }

  @Test func sampleIsLargeEnough() {
    #expect(Self.sample.count >= 200)
  }

  @Test func everySampledPathResolvesToItsType() {
    for (path, type) in Self.sample {
      let m = PathWalker.walk(path)
      #expect(m?.type.name == type, "\(path)")
    }
  }

  @Test func everyModelElementIsReachableByItsKeys() throws {
    var count = 0
    for s in 0..<R4.structureCount {
      let structure = StructureID(raw: UInt16(s))
      for e in R4.children(of: structure) {
        #expect(R4.parent(of: e) == structure)
        let name = R4.name(of: e)
        if R4.isChoice(e) {
          #expect(R4.child(name, of: structure) == nil)
          for t in R4.allowedTypes(of: e) {
            let key = name + t.name.prefix(1).uppercased() + t.name.dropFirst()
            let m = R4.child(key, of: structure)
            #expect(m?.element == e && m?.type == t, "\(R4.path(of: e)) \(key)")
            #expect(m?.nameLength == name.utf8.count)
          }
        } else {
          let m = R4.child(name, of: structure)
          #expect(m?.element == e, "\(R4.path(of: e))")
          #expect(R4.allowedTypes(of: e) == [m?.type].compactMap { $0 })
        }
        count += 1
      }
    }
    #expect(count == R4.elementCount)
  }

  @Test func everyStructurePathWalksToItself() throws {
    for s in 0..<R4.structureCount {
      let id = StructureID(raw: UInt16(s))
      let path = R4.path(of: id)
      #expect(R4.structure(named: path) == id)
      if path.contains(".") {
        #expect(PathWalker.walk(path)?.structure == id, "\(path)")
      } else {
        #expect(R4.structure(of: R4.type(of: id)) == id, "\(path)")
      }
    }
  }

  @Test func childrenAreSortedByName() {
    for s in 0..<R4.structureCount {
      let names = R4.children(of: StructureID(raw: UInt16(s))).map(R4.name(of:))
      #expect(names == names.sorted())
      #expect(Set(names).count == names.count)
    }
  }

  /// The whole path2Type.json of the installed fhirpathpy, when Python can find it.
  @Test(.enabled(if: FhirpathpyModels.directory != nil))
  func everyPathOfFhirpathpyResolves() throws {
    let dir = try #require(FhirpathpyModels.directory)
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/path2Type.json"))
    let p = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
    #expect(p.count > 7000)
    for (path, type) in p where !path.hasPrefix("MetadataResource.") {
      var expected = type
      if type == "System.String" {
        let parts = path.split(separator: ".")
        if parts.count == 2, parts[1] == "id", let root = FHIRType.named(String(parts[0])),
          root.isSubtype(of: .resource)
        {
          expected = "id"
        } else if parts.last == "id" {
          expected = "string"
        } else {
          expected = "uri"  // Extension.url
        }
      }
      #expect(PathWalker.walk(path)?.type.name == expected, "\(path)")
    }
  }
}

/// fhirpathpy's `models/r4` folder, found by asking `python3`; nil when that fails.
enum FhirpathpyModels {
  static let directory: String? = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", "import fhirpathpy,os;print(os.path.dirname(fhirpathpy.__file__))",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let dir = String(data: out, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines)
    else { return nil }
    let models = dir + "/models/r4"
    return FileManager.default.fileExists(atPath: models + "/path2Type.json") ? models : nil
  }()
}
