// libFuzzer entry point for ByteJSON. Not part of any SwiftPM target: `run-fuzz.sh` compiles it
// together with Sources/ByteJSON into one module, so `package` declarations are visible.
//
// For every input: scanning must not crash and errors must point inside the input. For valid
// input: the tape must be well-formed, compact output must scan again and be a fixed point, and
// every string must survive unescape → appendQuoted → scan → unescape.

@_cdecl("LLVMFuzzerTestOneInput")
public func byteJSONFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = UnsafeRawBufferPointer(start: data, count: size)
  var tape = Tape()
  do throws(JSONError) {
    try JSONScanner().scan(input, into: &tape)
  } catch {
    precondition(Int(error.offset) <= size, "error offset past the end")
    let position = error.position(in: input)
    precondition(position.line >= 1 && position.column >= 1)
    return 0
  }
  checkShape(tape, size: size)

  // Compact output is valid, has the same shape, and compacting it again changes nothing.
  var once: [UInt8] = []
  tape.writeCompact(from: input, into: &once)
  var again = Tape()
  var twice: [UInt8] = []
  once.withUnsafeBytes { compact in
    do throws(JSONError) {
      try JSONScanner().scan(compact, into: &again)
    } catch {
      preconditionFailure("compact output does not scan: \(error.code) at \(error.offset)")
    }
    again.writeCompact(from: compact, into: &twice)
  }
  precondition(once == twice, "writeCompact is not idempotent")
  precondition(again.count == tape.count, "compacting changed the token count")
  for index in 0..<tape.count {
    precondition(again[index].kind == tape[index].kind && again[index].flags == tape[index].flags)
  }
  precondition(once.count <= size, "compact output is longer than the input")

  // Strings survive a decode / encode round trip.
  for index in 0..<tape.count where tape[index].kind == .string || tape[index].kind == .key {
    var decoded: [UInt8] = []
    JSONEscaping.unescape(tape.rawBytes(of: index, in: input), into: &decoded)
    precondition(tape.keyEquals(index, decoded, in: input), "keyEquals disagrees with unescape")
    var quoted: [UInt8] = []
    JSONEscaping.appendQuoted(decoded, to: &quoted)
    var stringTape = Tape()
    quoted.withUnsafeBytes { literal in
      do throws(JSONError) {
        try JSONScanner().scan(literal, into: &stringTape)
      } catch {
        preconditionFailure("appendQuoted output does not scan: \(error.code)")
      }
      var redecoded: [UInt8] = []
      JSONEscaping.unescape(stringTape.rawBytes(of: 0, in: literal), into: &redecoded)
      precondition(redecoded == decoded, "escape round trip changed a string")
    }
  }
  return 0
}

/// Checks links, ranges and the member/element iterators of a freshly scanned tape.
func checkShape(_ tape: Tape, size: Int) {
  precondition(tape.count > 0)
  precondition(tape.next(after: 0) == tape.count, "the root value does not span the tape")
  for index in 0..<tape.count {
    let token = tape[index]
    precondition(token.start <= token.end && Int(token.end) <= size, "token range out of bounds")
    switch token.kind {
    case .objectStart, .arrayStart:
      let end = tape[Int(token.link)]
      precondition(Int(end.link) == index && end.end == token.end)
      var covered = index &+ 1
      if token.kind == .objectStart {
        for (key, value) in tape.members(of: index) {
          precondition(key == covered && tape[key].kind == .key && value == key &+ 1)
          covered = tape.next(after: value)
        }
      } else {
        for value in tape.elements(of: index) {
          precondition(value == covered && tape[value].kind != .key)
          covered = tape.next(after: value)
        }
      }
      precondition(covered == Int(token.link), "iteration does not reach the end token")
    case .objectEnd, .arrayEnd:
      precondition(Int(tape[Int(token.link)].link) == index)
    default:
      precondition(token.link == 0)
    }
  }
}
