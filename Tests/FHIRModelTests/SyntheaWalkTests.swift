import DeidTestSupport
import FHIRModel
import Foundation
import Testing

/// Resolves every member of real (synthetic) Synthea R4 bundles from `shared/corpus`.
@Suite(.enabled(if: Shared.isAvailable))
struct SyntheaWalkTests {
  /// The smaller bundles only, to keep the suite fast.
  static let files: [String] = {
    let dir = Shared.path + "/corpus/synthea-r4"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { name in
      guard name.hasSuffix(".json"),
        let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name))?[.size]
          as? Int
      else { return false }
      return size < 700_000
    }.sorted().map { dir + "/" + $0 }
  }()

  /// What a walk saw: member count, unresolved member paths, and a few counters.
  struct Walk {
    var members = 0
    var unresolved: [String] = []
    var choices = 0
    var resources: [String: Int] = [:]
  }

  @Test func someBundlesAreThere() {
    #expect(Self.files.count >= 3)
  }

  @Test(arguments: files)
  func everyMemberResolves(_ file: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let bundle = try JSONSerialization.jsonObject(with: data)
    var walk = Walk()
    walkResource(bundle, path: "", into: &walk)
    #expect(walk.unresolved.isEmpty, "\(Set(walk.unresolved).sorted().prefix(20))")
    #expect(walk.members > 1000)
    #expect(walk.choices > 0)
    #expect(walk.resources["Bundle"] == 1)
  }

  private func walkResource(_ value: Any, path: String, into walk: inout Walk) {
    guard let object = value as? [String: Any], let name = object["resourceType"] as? String,
      let type = Array(name.utf8).withUnsafeBytes({ R4.resourceType(named: $0) }),
      let structure = R4.structure(of: type)
    else {
      walk.unresolved.append(path + "(resourceType)")
      return
    }
    walk.resources[name, default: 0] += 1
    walkObject(object, structure: structure, path: name, into: &walk)
  }

  private func walkObject(
    _ object: [String: Any], structure: StructureID, path: String, into walk: inout Walk
  ) {
    for (key, value) in object where key != "resourceType" {
      walk.members += 1
      guard let m = R4.child(key, of: structure) else {
        walk.unresolved.append(path + "." + key)
        continue
      }
      if m.isChoice { walk.choices += 1 }
      let items = (value as? [Any]) ?? [value]
      for item in items {
        if m.holdsResource {
          walkResource(item, path: path + "." + key, into: &walk)
        } else if let s = m.structure, let child = item as? [String: Any] {
          walkObject(child, structure: s, path: path + "." + key, into: &walk)
        } else if m.structure != nil, !(item is NSNull) {
          walk.unresolved.append(path + "." + key + "(not an object)")
        }
      }
    }
  }
}
