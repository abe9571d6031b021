import ByteJSON
import Testing

@Suite("Tape lookup")
struct TapeLookupTests {
  static let text = #"{"a":[1,{"b":2},[]],"c\u0064":"x","e":{},"f":null}"#
  static let bytes = Array(text.utf8)

  func withTape(_ body: (Tape, UnsafeRawBufferPointer) throws -> Void) throws {
    let tape = try scan(Self.bytes).get()
    try Self.bytes.withUnsafeBytes { try body(tape, $0) }
  }

  @Test func nextSkipsWholeValues() throws {
    try withTape { tape, _ in
      #expect(tape.next(after: 0) == tape.count)  // the whole object
      #expect(tape.next(after: 1) == 11)  // key "a" with its array value
      #expect(tape.next(after: 2) == 11)  // the array
      #expect(tape.next(after: 3) == 4)  // the number 1
      #expect(tape.next(after: 4) == 8)  // {"b":2}
      #expect(tape.next(after: 8) == 10)  // []
      #expect(tape.next(after: 10) == 11)  // an end token
    }
  }

  @Test func membersAndElements() throws {
    try withTape { tape, bytes in
      let members = Array(tape.members(of: 0))
      #expect(members.map(\.key) == [1, 11, 13, 16])
      #expect(members.map(\.value) == [2, 12, 14, 17])
      #expect(Array(tape.elements(of: 2)) == [3, 4, 8])
      #expect(Array(tape.elements(of: 8)).isEmpty)
      #expect(Array(tape.members(of: 14)).isEmpty)  // {}
      // Asking a non-object for members, or a non-array for elements, gives nothing.
      #expect(Array(tape.members(of: 2)).isEmpty)
      #expect(Array(tape.elements(of: 0)).isEmpty)
      #expect(Array(tape.members(of: 3)).isEmpty)
      #expect(tape.rawBytes(of: 12, in: bytes).elementsEqual("x".utf8))
    }
  }

  @Test func keyEqualsComparesDecodedKeys() throws {
    try withTape { tape, bytes in
      #expect(tape.keyEquals(1, "a", in: bytes))
      #expect(!tape.keyEquals(1, "ab", in: bytes))
      #expect(!tape.keyEquals(1, "", in: bytes))
      #expect(tape.keyEquals(11, "cd", in: bytes))  // written "c\u0064"
      #expect(!tape.keyEquals(11, #"c\u0064"#, in: bytes))
      #expect(!tape.keyEquals(11, "c", in: bytes))
      #expect(!tape.keyEquals(11, "cde", in: bytes))
      #expect(tape.keyEquals(11, Array("cd".utf8), in: bytes))
      Array("cd".utf8).withUnsafeBytes { name in
        #expect(tape.keyEquals(11, name, in: bytes))
      }
      #expect(tape.keyEquals(12, "x", in: bytes))  // also works on string values
    }
  }

  @Test func memberNamed() throws {
    try withTape { tape, bytes in
      #expect(tape.member(named: "a", in: 0, bytes: bytes) == 2)
      #expect(tape.member(named: "cd", in: 0, bytes: bytes) == 12)
      #expect(tape.member(named: Array("f".utf8), in: 0, bytes: bytes) == 17)
      #expect(tape.member(named: "b", in: 0, bytes: bytes) == nil)
      #expect(tape.member(named: "b", in: 4, bytes: bytes) == 6)
      #expect(tape.member(named: "a", in: 2, bytes: bytes) == nil)  // not an object
    }
  }

  @Test("long keys compare eight bytes at a time and byte by byte at the tail")
  func longKeys() throws {
    let key = "abcdefghijklmnopqrstuvwxyz0123456789"
    let text = Array(#"{"\#(key)":1}"#.utf8)
    let tape = try scan(text).get()
    text.withUnsafeBytes { bytes in
      #expect(tape.keyEquals(1, Array(key.utf8), in: bytes))
      for k in 0..<key.utf8.count {
        var changed = Array(key.utf8)
        changed[k] ^= 0x01
        #expect(!tape.keyEquals(1, changed, in: bytes))
      }
    }
  }

  @Test func removeAllKeepsCapacityWhenAsked() throws {
    var tape = try scan(Self.bytes).get()
    let capacity = tape.tokens.capacity
    tape.removeAll(keepingCapacity: true)
    #expect(tape.isEmpty)
    #expect(tape.tokens.capacity == capacity)
    tape.removeAll()
    #expect(tape.count == 0)
  }
}
