import ByteJSON

/// The ByteJSON target: for every input, scanning must not crash and errors must point inside
/// the input. For valid input, the tape is well formed, compact output scans again and is a fixed
/// point, and every string survives unescape → appendQuoted → scan → unescape.
enum JSONCheck {
  static func check(_ input: UnsafeRawBufferPointer) throws(FuzzViolation) {
    var tape = Tape()
    do throws(JSONError) {
      try JSONScanner().scan(input, into: &tape)
    } catch {
      try require(Int(error.offset) <= input.count, "error offset past the end")
      let position = error.position(in: input)
      try require(position.line >= 1 && position.column >= 1, "error position below 1:1")
      return
    }
    try checkShape(tape, size: input.count)

    // Compact output is valid, has the same shape, and compacting it again changes nothing.
    var once: [UInt8] = []
    tape.writeCompact(from: input, into: &once)
    var again = Tape()
    var twice: [UInt8] = []
    try withBytes(once) { compact throws(FuzzViolation) in
      do throws(JSONError) {
        try JSONScanner().scan(compact, into: &again)
      } catch {
        throw FuzzViolation("compact output does not scan: \(error.code) at \(error.offset)")
      }
      again.writeCompact(from: compact, into: &twice)
    }
    try require(once == twice, "writeCompact is not idempotent")
    try require(again.count == tape.count, "compacting changed the token count")
    for index in 0..<tape.count {
      try require(
        again[index].kind == tape[index].kind && again[index].flags == tape[index].flags,
        "compacting changed token \(index)")
    }
    try require(once.count <= input.count, "compact output is longer than the input")

    // Strings survive a decode / encode round trip.
    for index in 0..<tape.count where tape[index].kind == .string || tape[index].kind == .key {
      var decoded: [UInt8] = []
      JSONEscaping.unescape(tape.rawBytes(of: index, in: input), into: &decoded)
      try require(tape.keyEquals(index, decoded, in: input), "keyEquals disagrees with unescape")
      var quoted: [UInt8] = []
      JSONEscaping.appendQuoted(decoded, to: &quoted)
      var stringTape = Tape()
      try withBytes(quoted) { literal throws(FuzzViolation) in
        do throws(JSONError) {
          try JSONScanner().scan(literal, into: &stringTape)
        } catch {
          throw FuzzViolation("appendQuoted output does not scan: \(error.code)")
        }
        var redecoded: [UInt8] = []
        JSONEscaping.unescape(stringTape.rawBytes(of: 0, in: literal), into: &redecoded)
        try require(redecoded == decoded, "escape round trip changed a string")
      }
    }
  }

  /// Checks links, ranges and the member/element iterators of a freshly scanned tape.
  static func checkShape(_ tape: Tape, size: Int) throws(FuzzViolation) {
    try require(tape.count > 0, "empty tape for valid JSON")
    try require(tape.next(after: 0) == tape.count, "the root value does not span the tape")
    for index in 0..<tape.count {
      let token = tape[index]
      try require(
        token.start <= token.end && Int(token.end) <= size, "token \(index) range out of bounds")
      switch token.kind {
      case .objectStart, .arrayStart:
        let end = tape[Int(token.link)]
        try require(
          Int(end.link) == index && end.end == token.end, "container \(index) link mismatch")
        var covered = index &+ 1
        if token.kind == .objectStart {
          for (key, value) in tape.members(of: index) {
            try require(
              key == covered && tape[key].kind == .key && value == key &+ 1,
              "member iteration of \(index) skips or misreads a key")
            covered = tape.next(after: value)
          }
        } else {
          for value in tape.elements(of: index) {
            try require(
              value == covered && tape[value].kind != .key,
              "element iteration of \(index) skips a value")
            covered = tape.next(after: value)
          }
        }
        try require(covered == Int(token.link), "iteration does not reach the end token")
      case .objectEnd, .arrayEnd:
        try require(Int(tape[Int(token.link)].link) == index, "end token \(index) link mismatch")
      default:
        try require(token.link == 0, "scalar token \(index) has a link")
      }
    }
  }
}
