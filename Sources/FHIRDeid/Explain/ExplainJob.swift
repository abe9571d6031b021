import FHIRModel
import FHIRTree

/// The record job of `fhir-deid explain`: runs the rules on each line like the main run, writes
/// nothing, and counts per rule (matches, changes, time) and, per element path present in the
/// data, the values no rule reached (what would pass through as it came).
///
/// Paths are by resource type with array positions dropped (`Patient.name.given`); a resource
/// inside another is named by its element and type (`Bundle.entry.resource[Patient].gender`).
/// Only paths and counts are kept, never a value.
package struct ExplainJob: RecordJob {
  package struct Counts: RecordCounts {
    /// The engine's counts, per rule time included.
    package var engine: EngineCounters?
    package var resources = 0
    /// Per element path, the primitive values that no rule reached.
    package var untouched: [String: Int] = [:]

    package init() {}

    package static func += (lhs: inout Counts, rhs: Counts) {
      lhs.engine += rhs.engine
      lhs.resources &+= rhs.resources
      for (path, n) in rhs.untouched { lhs.untouched[path, default: 0] &+= n }
    }
  }

  private let anonymizer: Anonymizer
  private var worker: AnonymizerWorker
  private let prefixes: [[UInt8]]
  private var scratch: [UInt8] = []
  private var paths = PathTable()
  /// Per path id, the values no rule reached, for the current batch.
  private var counts: [Int] = []
  /// Per node of the last tree, its path id.
  private var nodePath: [Int32] = []

  package init(anonymizer: Anonymizer, prefixes: [[UInt8]]) {
    self.anonymizer = anonymizer
    self.prefixes = prefixes
    worker = Self.makeWorker(anonymizer)
  }

  private static func makeWorker(_ anonymizer: Anonymizer) -> AnonymizerWorker {
    let worker = anonymizer.makeWorker()
    worker.recordsDecidingRules = true
    worker.timesRules = true
    return worker
  }

  package mutating func process(
    _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
    counts resourceCounts: inout Counts
  ) throws(RecordFailure) -> Int {
    scratch.removeAll(keepingCapacity: true)
    _ = try worker.process(line, dateShiftPrefix: prefixes[source], into: &scratch)
    resourceCounts.resources &+= 1
    worker.lastDocument { _, tree, rules in
      guard !rules.isEmpty else { return }
      tally(tree, rules)
    }
    return 0
  }

  /// Counts the primitive nodes of `tree` that no rule reached, by path.
  private mutating func tally(_ tree: ResourceTree, _ rules: [Int32]) {
    let count = min(tree.count, rules.count)
    nodePath.removeAll(keepingCapacity: true)
    nodePath.append(contentsOf: repeatElement(-1, count: count))
    for i in 0..<count {
      let node = tree[Int32(i)]
      let parent = node.parent >= 0 ? nodePath[Int(node.parent)] : -1
      let id = paths.id(parent: parent, node: node, tree: tree)
      nodePath[i] = id
      if node.isPrimitive, !node.isResource, rules[i] < 0 {
        if Int(id) >= counts.count {
          counts.append(contentsOf: repeatElement(0, count: Int(id) + 1 - counts.count))
        }
        counts[Int(id)] &+= 1
      }
    }
  }

  package mutating func finishBatch(_ batch: inout Counts) {
    batch.engine += worker.takeCounters()
    for (id, n) in counts.enumerated() where n > 0 {
      batch.untouched[paths.path(Int32(id)), default: 0] &+= n
      counts[id] = 0
    }
  }

  package mutating func releaseScratch() {
    worker = Self.makeWorker(anonymizer)
    scratch = []
    nodePath = []
  }
}

/// Element paths interned per (parent path, element, type): one dictionary probe per node.
struct PathTable {
  private var ids: [UInt64: Int32] = [:]
  private var parents: [Int32] = []
  private var labels: [String] = []
  private var rendered: [String?] = []

  mutating func id(parent: Int32, node: ResourceTree.Node, tree: ResourceTree) -> Int32 {
    // parent (31 bits) | nested resource (1) | element (20) | type (12).
    let key =
      UInt64(UInt32(bitPattern: parent) & 0x7FFF_FFFF) << 33 | (node.isResource ? 1 << 32 : 0)
      | UInt64(node.element.raw & 0xF_FFFF) << 12 | UInt64(node.type.raw & 0xFFF)
    if let id = ids[key] { return id }
    let id = Int32(labels.count)
    ids[key] = id
    parents.append(parent)
    var label = tree.modelName(of: node)
    if node.isResource && parent >= 0 {
      // `contained[Patient]`: the element is `contained`, the type the nested resource's.
      label = R4.name(of: node.element) + "[" + node.type.name + "]"
    }
    labels.append(label)
    rendered.append(nil)
    return id
  }

  /// `Patient.name.given`.
  mutating func path(_ id: Int32) -> String {
    if let done = rendered[Int(id)] { return done }
    let parent = parents[Int(id)]
    let text = parent < 0 ? labels[Int(id)] : path(parent) + "." + labels[Int(id)]
    rendered[Int(id)] = text
    return text
  }
}
