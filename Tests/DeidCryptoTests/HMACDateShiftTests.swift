import DeidCrypto
import Testing

/// The `hmac-sha256` date-shift algorithm (shared/spec/cli.md), against offsets computed outside
/// fhir-deid with Python's `hmac` module.
@Suite struct HMACDateShiftTests {
  /// (key, scope, id, offset for R = 50, offset for R = 3650, offset for R = 1).
  static let vectors: [(String, String, String, Int, Int, Int)] = [
    ("test-date-shift-key-0123456789", "patient", "p1", 9, 1909, -1),
    ("test-date-shift-key-0123456789", "resource", "Patient/p1", -22, 1079, -1),
    ("test-date-shift-key-0123456789", "resource", "", 43, 2343, -1),
    ("test-date-shift-key-0123456789", "file", "Patient-1.ndjson", 36, -1965, 1),
    ("k", "patient", "example", 21, -880, -1),
  ]

  @Test("offsets agree with an independent implementation", arguments: vectors)
  func knownOffsets(_ v: (String, String, String, Int, Int, Int)) throws {
    for (range, expected) in [(50, v.3), (3650, v.4), (1, v.5)] {
      var shifter = try HMACDateShift(key: Array(v.0.utf8), range: range)
      #expect(try shifter.offset(scope: v.1, id: Array(v.2.utf8)) == expected, "R = \(range)")
      // The shifter is reusable: the same answer twice.
      #expect(try shifter.offset(scope: v.1, id: Array(v.2.utf8)) == expected)
    }
  }

  @Test("the mapping covers ±1…R exactly once per 2R values and never gives 0")
  func mapping() {
    for range in [1, 2, 50, 3650] {
      var seen = Set<Int>()
      for value in 0..<UInt64(2 * range) {
        let offset = HMACDateShift.offset(value: value, range: range)
        #expect(offset != 0)
        #expect((-range...range).contains(offset))
        seen.insert(offset)
      }
      #expect(seen.count == 2 * range, "R = \(range)")
    }
    #expect(HMACDateShift.offset(value: 0, range: 50) == -50)
    #expect(HMACDateShift.offset(value: 49, range: 50) == -1)
    #expect(HMACDateShift.offset(value: 50, range: 50) == 1)
    #expect(HMACDateShift.offset(value: 99, range: 50) == 50)
    // 2^64 − 1 = …615, and 615 mod 100 = 15.
    #expect(HMACDateShift.offset(value: UInt64.max, range: 50) == -35)
  }

  @Test("offsets spread over the whole range: every one of the 100 values within 20,000 ids")
  func spread() throws {
    var shifter = try HMACDateShift(key: Array("spread-key-0123456789".utf8), range: 50)
    var counts = [Int: Int]()
    for i in 0..<20_000 {
      counts[try shifter.offset(scope: "resource", id: Array("Patient/\(i)".utf8)), default: 0] += 1
    }
    #expect(counts.count == 100)
    #expect(counts[0] == nil)
    // Uniform: 200 expected per value; 6 standard deviations is about ±85.
    #expect(counts.values.allSatisfy { (115...285).contains($0) }, "\(counts)")
  }

  @Test("two keys that Microsoft's fold cannot tell apart give different offsets")
  func keysMatter() throws {
    // "ab" and "z7" fold to the same state, so Microsoft's offsets are equal for every prefix.
    #expect(
      DateShiftHash.offset(prefix: Array("x".utf8), key: Array("ab".utf8))
        == DateShiftHash.offset(prefix: Array("x".utf8), key: Array("z7".utf8)))
    var a = try HMACDateShift(key: Array("ab".utf8), range: 50)
    var b = try HMACDateShift(key: Array("z7".utf8), range: 50)
    var differ = 0
    for i in 0..<100 {
      let id = Array("Patient/\(i)".utf8)
      if try a.offset(scope: "resource", id: id) != b.offset(scope: "resource", id: id) {
        differ += 1
      }
    }
    #expect(differ > 90)
  }
}
