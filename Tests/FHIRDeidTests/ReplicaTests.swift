import FHIRPath
import Testing

@testable import FHIRDeid

/// Each worker compiles its own copy of the rules (``Anonymizer/makeWorker()``), so that no two
/// threads retain the same objects; the copy must behave exactly as the original.
@Suite struct ReplicaTests {
  static let settings = EngineSettings(
    dateShiftKey: Array("replica-date-shift-key-0123".utf8),
    cryptoHashKey: Array("replica-crypto-hash-key-0123".utf8),
    encryptKey: Array("0123456789abcdef".utf8), today: (2026, 11, 29))

  /// Whether two arrays share one buffer.
  static func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
    a.withUnsafeBufferPointer { x in
      b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress }
    }
  }

  @Test("a replica shares no rule, selector expression or setting storage with the original")
  func sharesNothing() throws {
    let original = try Anonymizer(
      configuration: Preset.safeHarbor.configuration(), settings: Self.settings)
    let copy = original.replica()
    #expect(copy !== original)
    #expect(copy.rules.count == original.rules.count)
    for (a, b) in zip(original.rules, copy.rules) {
      #expect(a !== b && a.rule !== b.rule)
      #expect(a.rule.path == b.rule.path && a.rule.method == b.rule.method)
      #expect(a.rule.index == b.rule.index)
      if case .expression(let x) = a.rule.selector, case .expression(let y) = b.rule.selector {
        #expect(!Self.sameStorage(x.nodes, y.nodes) && x.source == y.source)
      }
      if case .byTypeWhere(_, _, _, let x) = a.rule.selector,
        case .byTypeWhere(_, _, _, let y) = b.rule.selector
      {
        #expect(!Self.sameStorage(x.nodes, y.nodes) && x.source == y.source)
      }
    }
    #expect(copy.rulesByType == original.rulesByType)
  }

  @Test(
    "workers made from one anonymizer give the same output as its replica's",
    arguments: [
      Preset.safeHarbor, Preset.safeHarborPatientShift,
    ])
  func sameOutput(_ preset: Preset) throws {
    let anonymizer = try Anonymizer(configuration: preset.configuration(), settings: Self.settings)
    let a = anonymizer.makeWorker()
    let b = anonymizer.replica().makeWorker()
    for line in DefaultDenyTests.hostile {
      var outA: [UInt8] = []
      var outB: [UInt8] = []
      let bytes = Array(line.utf8)
      let typeA = bytes.withUnsafeBytes { raw in try? a.process(raw, into: &outA) }
      let typeB = bytes.withUnsafeBytes { raw in try? b.process(raw, into: &outB) }
      #expect(typeA == typeB)
      #expect(outA == outB)
    }
  }
}
