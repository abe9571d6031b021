import ByteJSON
import FHIRDeid
import Synchronization

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The seed inputs of each target: built into the harness (the presets and their rule paths,
/// the all-methods configuration, a few edge cases) and read from the repository (fixture and
/// example lines and configurations, `Tests/Fuzz/Seeds`), plus, when `../shared` is there, the
/// shortest Synthea resource of each type.
///
/// `Tests/Fuzz/run` writes them into each target's corpus; the replay test checks them all.
package enum FuzzSeeds {
  /// Every seed of `target`, without duplicates, in a stable order.
  ///
  /// - Parameters:
  ///   - root: the package root.
  ///   - shared: the `../shared` folder, or nil.
  package static func all(for target: FuzzTarget, root: String, shared: String?) -> [[UInt8]] {
    var seeds: [[UInt8]] = []
    var seen: Set<[UInt8]> = []
    let files = Files(root: root, shared: shared)
    let lists: [[[UInt8]]]
    switch target {
    case .json:
      lists = [jsonEdgeCases, files.resourceLines(), files.configurations()]
    case .fhirpath:
      lists = [files.expressions()]
    case .config:
      lists = [files.configurations()]
    case .tree, .treeAgreement, .engineSafeHarbor, .engineAllMethods:
      lists = [files.resourceLines()]
    }
    for list in lists {
      for seed in list where seen.insert(seed).inserted { seeds.append(seed) }
    }
    return seeds
  }

  /// Writes the seeds of `target` into `directory` as `seed-N` files (creating the folder).
  package static func write(
    for target: FuzzTarget, root: String, shared: String?, to directory: String
  ) throws {
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    for (index, seed) in all(for: target, root: root, shared: shared).enumerated() {
      let path = directory + "/seed-\(index)"
      guard FileManager.default.createFile(atPath: path, contents: Data(seed)) else {
        throw FuzzViolation("cannot write \(path)")
      }
    }
  }

  static let jsonEdgeCases: [[UInt8]] = [
    "{}", "[]", "0", #""a""#, #"{"a":[1,-0.0,8E+1,true,false,null]}"#,
    #"{"s":"\u00e9\ud83d\ude00\n","t":"é😀"}"#, " { \"a\" : [ 1 , 2 ] } ",
    #"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":{"a":1,"b":2,"c":3,"d":4,"#
      + #""e":5,"f":6,"g":7,"h":8,"i":9,"j":0,"k":1,"l":2,"m":3,"n":4,"o":5,"p":6,"q":7,"r":8},"#
      + #""k":1,"l":2,"m":3,"n":4,"o":5,"p":6,"q":7,"\u0072":8,"s":9}"#,
    String(repeating: "[", count: 32) + #"{"a":[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]}"#
      + String(repeating: "]", count: 32),
  ].map { Array($0.utf8) }

  /// The Synthea seeds by `shared` folder: read once per process (16 MB of bundles).
  static let syntheaCache = Mutex<[String: [[UInt8]]]>([:])

  /// The seed files of a checkout.
  struct Files {
    let root: String
    let shared: String?

    /// Non-blank lines of the fixtures' and examples' inputs and of `Tests/Fuzz/Seeds`, then
    /// the shortest Synthea resource of each type.
    func resourceLines() -> [[UInt8]] {
      var lines: [[UInt8]] = []
      let sources =
        folders(root + "/Tests/FHIRDeidTests/Fixtures").map { $0 + "/input.ndjson" }
        + folders(root + "/examples").map { $0 + "/input.ndjson" }
        + [root + "/Tests/Fuzz/Seeds/resources.ndjson"]
      for path in sources {
        guard let text = read(path) else { continue }
        for line in text.split(separator: 0x0A) where line.contains(where: { $0 > 0x20 }) {
          lines.append(Array(line))
        }
      }
      return lines + syntheaResources()
    }

    /// Configuration files: the fixtures', the examples', `../shared/configs`,
    /// `Tests/Fuzz/Seeds/configs`, and the built-in ones.
    func configurations() -> [[UInt8]] {
      var paths = folders(root + "/Tests/FHIRDeidTests/Fixtures").map { $0 + "/config.json" }
      for folder in folders(root + "/examples") {
        paths += files(in: folder).filter { $0.hasSuffix(".json") }
      }
      paths += files(in: root + "/Tests/Fuzz/Seeds/configs")
      if let shared { paths += files(in: shared + "/configs").filter { $0.hasSuffix(".json") } }
      return paths.compactMap(read) + Preset.allCases.map { Array($0.text.utf8) }
        + [Array(FuzzConfigurations.allMethods.utf8)]
    }

    /// FHIRPath expressions: `Tests/Fuzz/Seeds/fhirpath.txt` (one per line) and the rule paths
    /// and generalize cases of every configuration seed.
    func expressions() -> [[UInt8]] {
      var expressions: [[UInt8]] = []
      if let text = read(root + "/Tests/Fuzz/Seeds/fhirpath.txt") {
        expressions += text.split(separator: 0x0A).map(Array.init)
      }
      for text in configurations() {
        guard let configuration = try? Configuration.load(text) else { continue }
        for rule in configuration.rules {
          expressions.append(Array(rule.path.utf8))
          if case .object(let cases) = rule.setting("cases") {
            for member in cases {
              expressions.append(Array(member.key.utf8))
              if case .string(let value) = member.value { expressions.append(Array(value.utf8)) }
            }
          }
        }
      }
      return expressions
    }

    /// The shortest resource of each type (at most 8 KiB) in the bundles of
    /// `../shared/corpus/synthea-r4`, compact, one per type, by type name.
    func syntheaResources() -> [[UInt8]] {
      guard let shared else { return [] }
      return syntheaCache.withLock { cache in
        if let resources = cache[shared] { return resources }
        let resources = readSyntheaResources(shared)
        cache[shared] = resources
        return resources
      }
    }

    func readSyntheaResources(_ shared: String) -> [[UInt8]] {
      var shortest: [String: [UInt8]] = [:]
      for path in files(in: shared + "/corpus/synthea-r4") where path.hasSuffix(".json") {
        guard let bundle = read(path) else { continue }
        bundle.withUnsafeBytes { bytes in
          var tape = Tape()
          guard (try? JSONScanner().scan(bytes, into: &tape)) != nil,
            let entries = tape.member(named: "entry", in: 0, bytes: bytes),
            tape[entries].kind == .arrayStart
          else { return }
          for entry in tape.elements(of: entries) where tape[entry].kind == .objectStart {
            guard let resource = tape.member(named: "resource", in: entry, bytes: bytes),
              let type = tape.member(named: "resourceType", in: resource, bytes: bytes)
            else { continue }
            var line: [UInt8] = []
            tape.writeCompact(
              tokens: resource..<tape.next(after: resource), from: bytes, into: &line)
            let name = String(decoding: bytes[tape[type].range], as: UTF8.self)
            if line.count <= 8192, line.count < (shortest[name]?.count ?? .max) {
              shortest[name] = line
            }
          }
        }
      }
      return shortest.keys.sorted().compactMap { shortest[$0] }
    }

    func read(_ path: String) -> [UInt8]? {
      FileManager.default.contents(atPath: path).map { Array($0) }
    }

    /// The files in `folder`, sorted, as paths.
    func files(in folder: String) -> [String] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.sorted().map { folder + "/" + $0 }
    }

    func folders(_ folder: String) -> [String] {
      files(in: folder).filter { (try? FileManager.default.contentsOfDirectory(atPath: $0)) != nil }
    }
  }
}
