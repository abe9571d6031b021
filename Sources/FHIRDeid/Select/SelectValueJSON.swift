import ByteJSON
import FHIRPath
import FHIRTree

/// Values as `select --values` prints them: compact JSON on one line.
package enum SelectValueJSON {
  /// A node's JSON: a primitive's scalar from the input (strings unescaped and escaped again,
  /// numbers and booleans as written), `null` for a primitive with only `_x`, and the compact
  /// JSON of the object of a complex element or resource.
  package static func appendNode(
    _ n: Int32, tree: ResourceTree, tape: Tape, line: UnsafeRawBufferPointer,
    scratch: inout [UInt8], to out: inout [UInt8]
  ) {
    let value = Int(tree[n].valueToken)
    guard value >= 0 else {
      out.append(contentsOf: "null".utf8)
      return
    }
    let token = tape[value]
    switch token.kind {
    case .string:
      let raw = UnsafeRawBufferPointer(rebasing: line[token.range])
      if token.hasEscapes {
        scratch.removeAll(keepingCapacity: true)
        JSONEscaping.unescape(raw, into: &scratch)
        JSONEscaping.appendQuoted(scratch, to: &out)
      } else {
        JSONEscaping.appendQuoted(raw, to: &out)
      }
    case .objectStart, .arrayStart:
      tape.writeCompact(tokens: value..<tape.next(after: value), from: line, into: &out)
    default:
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[token.range]))
    }
  }

  /// A System value's JSON: booleans, integers and decimals as JSON literals and numbers, the
  /// rest (strings, dates, times, quantities) as a JSON string of their `toString()` text.
  package static func appendValue(_ v: FHIRPathValue, scratch: inout [UInt8], to out: inout [UInt8])
  {
    switch v {
    case .boolean, .integer, .decimal:
      v.appendText(to: &out)
    case .string(let s):
      JSONEscaping.appendQuoted(s, to: &out)
    case .date, .dateTime, .time, .quantity:
      scratch.removeAll(keepingCapacity: true)
      v.appendText(to: &scratch)
      JSONEscaping.appendQuoted(scratch, to: &out)
    }
  }
}
