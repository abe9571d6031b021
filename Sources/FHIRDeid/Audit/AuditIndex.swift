import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree
import Synchronization

/// Where a value was kept on purpose in the original: the element path and the `keep` rule
/// that decided it.
package struct AuditKeptPlace: Hashable, Sendable {
  package var path: String
  package var rule: Int
}

/// The identifying values of the original input of `audit --original`, as keyed 8-byte hashes
/// (see ``AuditHasher``), never as the values themselves.
///
/// It grows with the number of distinct identifying values (about 40 bytes each), not with the
/// number of lines.
package struct AuditIndexPart: Sendable {
  /// Per value hash: the categories (``AuditCategory/bit``) it was found in.
  package var values: [UInt64: UInt8] = [:]
  /// Hashes of the words of names (HumanName family, given, text).
  package var nameTokens: Set<UInt64> = []
  /// Per value hash: the places where a `keep` rule kept it.
  package var kept: [UInt64: [AuditKeptPlace]] = [:]
  /// Original lines read.
  package var lines = 0
  /// Original lines the rules failed on (processing errors): their values are indexed, but
  /// none counts as kept.
  package var unattributed = 0

  package init() {}

  package static func += (lhs: inout AuditIndexPart, rhs: AuditIndexPart) {
    lhs.values.merge(rhs.values) { $0 | $1 }
    lhs.nameTokens.formUnion(rhs.nameTokens)
    for (hash, places) in rhs.kept {
      var known = lhs.kept[hash] ?? []
      for place in places where !known.contains(place) { known.append(place) }
      lhs.kept[hash] = known
    }
    lhs.lines &+= rhs.lines
    lhs.unattributed &+= rhs.unattributed
  }
}

/// The finished index, shared read-only by the output scan's workers.
package final class AuditIndex: Sendable {
  let key: AuditIndexKey
  let part: AuditIndexPart

  package init(key: AuditIndexKey, part: AuditIndexPart) {
    self.key = key
    self.part = part
  }

  /// Distinct identifying values indexed.
  package var distinctValues: Int { part.values.count }
  package var lines: Int { part.lines }
  package var unattributed: Int { part.unattributed }
}

/// A keyed HMAC template that is only ever copied (``HMACSHA256/init(copying:)``), one copy at
/// a time under its mutex, so sharing it between threads is safe.
final class HMACSHA256Box: Sendable {
  private let hmac: Mutex<HMACSHA256>

  init(key: [UInt8]) {
    // A 32-byte random key is always accepted; failing here means libcrypto is unusable.
    guard let hmac = try? HMACSHA256(key: key) else { fatalError("cannot key HMAC-SHA256") }
    self.hmac = Mutex(hmac)
  }

  func makeHasher() -> AuditHasher {
    hmac.withLock { AuditHasher(template: $0) }
  }
}

/// Indexes the identifying values of original lines (one instance per worker thread).
///
/// With a configuration that has `keep` rules, each line also goes through the engine with
/// ``AnonymizerWorker/recordsDecidingRules`` set, so that values under a `keep` rule are noted
/// as kept at their element path (the engine's own keys are random: its output is thrown away).
package final class AuditIndexer {
  private let worker: AnonymizerWorker?
  private let isKeep: [Bool]
  private let hasher: AuditHasher
  private let scanner = JSONScanner()
  private let elements = AuditElements.shared
  private var tape = Tape()
  private var tree = ResourceTree()
  private var paths = AuditPathTable()
  private var text: [UInt8] = []
  private var scratch: [UInt8] = []

  /// - Parameter anonymizer: the configuration of the main run (with random keys), or nil when
  ///   it has no `keep` rule.
  package init(anonymizer: Anonymizer?, keyTemplate: AuditIndexKey) {
    if let anonymizer {
      let worker = anonymizer.makeWorker()
      worker.recordsDecidingRules = true
      self.worker = worker
      isKeep = anonymizer.configuration.rules.map { $0.method == .keep }
    } else {
      worker = nil
      isKeep = []
    }
    hasher = keyTemplate.box.makeHasher()
  }

  /// Indexes one original line.
  ///
  /// - Throws: ``RecordFailure`` for a line that is not a FHIR R4 resource (invalid input).
  ///   A processing error of the rules is not thrown: the line is indexed without attribution.
  package func index(_ line: UnsafeRawBufferPointer, into part: inout AuditIndexPart)
    throws(RecordFailure)
  {
    part.lines &+= 1
    if let worker {
      scratch.removeAll(keepingCapacity: true)
      do {
        _ = try worker.process(line, into: &scratch)
        worker.lastDocument { tape, tree, rules in
          add(tape: tape, tree: tree, rules: rules, line: line, into: &part)
        }
        return
      } catch {
        if error.isInvalidInput { throw error }
        part.unattributed &+= 1
      }
    }
    try ResourceLoading.scan(line, with: scanner, into: &tape)
    try ResourceLoading.build(&tree, from: tape, line: line)
    add(tape: tape, tree: tree, rules: [], line: line, into: &part)
  }

  /// Drops scratch space grown for a huge line.
  package func releaseScratch() {
    tape = Tape()
    tree = ResourceTree()
    text = []
    scratch = []
  }

  private func add(
    tape: Tape, tree: ResourceTree, rules: [Int32], line: UnsafeRawBufferPointer,
    into part: inout AuditIndexPart
  ) {
    let count = rules.isEmpty ? tree.count : min(tree.count, rules.count)
    paths.startLine(nodeCount: count)
    for i in 0..<count {
      let n = Int32(i)
      let node = tree[n]
      guard node.isPrimitive, node.valueToken >= 0,
        tape[Int(node.valueToken)].kind == .string,
        AuditText.load(node, tape: tape, line: line, into: &text)
      else { continue }
      let rule = rules.isEmpty ? -1 : Int(rules[i])
      if rule >= 0, rule < isKeep.count, isKeep[rule] {
        let place = AuditKeptPlace(path: paths.path(of: n, in: tree), rule: rule)
        let hash = hasher.hash(text)
        var places = part.kept[hash] ?? []
        if !places.contains(place) {
          places.append(place)
          part.kept[hash] = places
        }
      }
      guard AuditText.characterCount(text) > 2 else { continue }
      let type = node.type
      if type == .date || type == .dateTime || type == .instant {
        // Day precision only: a year or a month is the form the preset leaves.
        guard text.count >= 10, let date = DateText(text, allowTime: type != .date),
          date.day != nil
        else { continue }
        part.values[hasher.hash(text[0..<10]), default: 0] |= AuditCategory.dates.bit
        continue
      }
      let flags = elements.flags(of: node.element)
      var category: AuditCategory?
      if flags.contains(.name) {
        category = .names
        if flags.contains(.nameTokens) {
          AuditText.forEachToken(text) { token in
            part.nameTokens.insert(hasher.hash(token))
          }
        }
      } else if flags.contains(.postalCode) {
        // A ZIP code already in the truncated form (`98000`, `00000`) is not indexed.
        if !AuditText.isTruncatedZip(text) && text != Array("00000".utf8) { category = .geography }
      } else if flags.contains(.geography) {
        category = .geography
      } else if flags.contains(.telecom) {
        category = .telecom
      } else if flags.contains(.identifier) {
        category = .identifiers
      } else if flags.contains(.resourceID) {
        category = .ids
      } else if type == .string || type == .markdown || type == .xhtml,
        !flags.contains(.structured)
      {
        category = .freeText
      }
      if let category { part.values[hasher.hash(text), default: 0] |= category.bit }
    }
  }
}

/// The random key of one audit run, made once and shared by every worker (never printed).
package struct AuditIndexKey: Sendable {
  package let bytes: [UInt8]
  let box: HMACSHA256Box

  /// A fresh 32-byte key from libcrypto's random generator.
  package init() {
    bytes = RandomKey.bytes(count: 32)
    box = HMACSHA256Box(key: bytes)
  }
}
