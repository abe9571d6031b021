import ByteJSON
import FHIRDeid
import FHIRModel
import FHIRPath
import NDJSONStream

/// What `select` counted in one batch: resources, matches and invalid lines, plus the warnings
/// about skipped lines (positions only). `+=` adds the counts; the warnings are not kept in a total.
struct SelectStats: PipelineReport {
  var resources = 0
  var resourcesMatched = 0
  var matches = 0
  var invalidInput = 0
  var skipped = 0
  var messages: [String] = []

  static func += (lhs: inout SelectStats, rhs: SelectStats) {
    lhs.resources &+= rhs.resources
    lhs.resourcesMatched &+= rhs.resourcesMatched
    lhs.matches &+= rhs.matches
    lhs.invalidInput &+= rhs.invalidInput
    lhs.skipped &+= rhs.skipped
  }
}

/// Evaluates one compiled FHIRPath expression on each line of a batch and writes one output line
/// per match: where it is, its type and, when asked, its value.
///
/// One instance per pipeline worker thread; it owns its tape, tree, evaluator and scratch space.
/// Invalid lines and evaluation errors become a ``LineFailure`` that names the input, line,
/// column, resource type and element path, never a value.
final class SelectWorker: BatchWorker {
  private let expression: CompiledExpression
  private let evaluator: FHIRPathEvaluator
  private let scanner = JSONScanner()
  private let inputNames: [String]
  /// The input names as JSON strings, for `--format json`.
  private let quotedNames: [[UInt8]]
  private let policy: InvalidInputPolicy
  private let format: SelectFormat
  private let showsValues: Bool
  private let maxLineBytes: Int
  private var tape = Tape()
  private var tree = ResourceTree()
  private var items: [FHIRPathItem] = []
  private var prefix: [UInt8] = []
  private var text: [UInt8] = []

  init(
    expression: CompiledExpression, inputNames: [String], policy: InvalidInputPolicy,
    format: SelectFormat, showsValues: Bool, maxSteps: Int, maxLineBytes: Int
  ) {
    self.maxLineBytes = maxLineBytes
    self.expression = expression
    self.evaluator = FHIRPathEvaluator(stepLimit: maxSteps)
    self.inputNames = inputNames
    self.quotedNames = inputNames.map { name in
      var quoted: [UInt8] = []
      JSONEscaping.appendQuoted(Array(name.utf8), to: &quoted)
      return quoted
    }
    self.policy = policy
    self.format = format
    self.showsValues = showsValues
  }

  func process(_ batch: InputBatch, into output: inout OutputBatch<SelectStats, LineFailure>) {
    var stats = SelectStats()
    let input = batch.sourceIndex
    batch.bytes.withUnsafeBytes { raw in
      for ref in batch.lines {
        if ref.isTooLong {
          let failure = LineFailure(
            input: inputNames[input], tooLongLine: ref.number, limit: maxLineBytes)
          stats.invalidInput &+= 1
          if policy == .skip {
            stats.skipped &+= 1
            stats.messages.append("skipped " + failure.message)
            continue
          }
          output.stop = failure
          break
        }
        let line = UnsafeRawBufferPointer(rebasing: raw[Int(ref.start)..<Int(ref.end)])
        let mark = (bytes: output.bytes.count, lines: output.lines)
        do throws(RecordFailure) {
          let count = try select(line, input: input, number: ref.number, into: &output)
          stats.resources &+= 1
          stats.matches &+= count
          if count > 0 { stats.resourcesMatched &+= 1 }
        } catch {
          output.bytes.removeSubrange(mark.bytes...)
          output.lines = mark.lines
          let failure = LineFailure(
            input: inputNames[input], line: ref.number,
            column: error.offset.map {
              JSONError(.unexpectedByte, at: $0).position(in: line).column
            },
            failure: error)
          if error.isInvalidInput {
            stats.invalidInput &+= 1
            if policy == .skip {
              stats.skipped &+= 1
              stats.messages.append("skipped " + failure.message)
              continue
            }
          }
          output.stop = failure
          break
        }
      }
    }
    output.report = stats
  }

  /// Drops the tape, tree and matches that grew for a huge line.
  func releaseScratch() {
    tape = Tape()
    tree = ResourceTree()
    items = []
    text = []
  }

  /// Evaluates the expression on one line and appends its matches; returns how many.
  private func select(
    _ line: UnsafeRawBufferPointer, input: Int, number: Int,
    into output: inout OutputBatch<SelectStats, LineFailure>
  ) throws(RecordFailure) -> Int {
    try ResourceLoading.scan(line, with: scanner, into: &tape)
    try ResourceLoading.build(&tree, from: tape, line: line)
    items.removeAll(keepingCapacity: true)
    evaluator.resetSteps()
    do {
      try evaluator.evaluate(
        expression, focus: 0, resource: 0, tree: tree, tape: tape, bytes: line, into: &items)
    } catch {
      let why =
        error.code == .stepLimitExceeded
        ? "the expression needs more than \(evaluator.stepLimit) FHIRPath steps on this line "
          + "(see --max-fhirpath-steps)"
        : "FHIRPath evaluation failed: \(error)"
      throw RecordFailure(
        .processing(why), resourceType: tree[0].type.name,
        path: error.node >= 0 ? tree.path(of: error.node, bytes: line) : nil)
    }
    guard !items.isEmpty else { return 0 }
    makePrefix(input: input, number: number)
    for item in items {
      output.bytes.append(contentsOf: prefix)
      switch format {
      case .text: appendText(item, line: line, to: &output.bytes)
      case .json: appendJSON(item, line: line, to: &output.bytes)
      }
      output.bytes.append(0x0A)
      output.lines &+= 1
    }
    return items.count
  }

  /// The start of every output line of this resource: `FILE:LINE<TAB>` or
  /// `{"input":FILE,"line":LINE,`.
  private func makePrefix(input: Int, number: Int) {
    prefix.removeAll(keepingCapacity: true)
    switch format {
    case .text:
      prefix.append(contentsOf: inputNames[input].utf8)
      prefix.append(UInt8(ascii: ":"))
      prefix.append(contentsOf: String(number).utf8)
      prefix.append(UInt8(ascii: "\t"))
    case .json:
      prefix.append(contentsOf: #"{"input":"#.utf8)
      prefix.append(contentsOf: quotedNames[input])
      prefix.append(contentsOf: #","line":"#.utf8)
      prefix.append(contentsOf: String(number).utf8)
      prefix.append(UInt8(ascii: ","))
    }
  }

  /// `LOCATION<TAB>TYPE[<TAB>VALUE]`.
  private func appendText(
    _ item: FHIRPathItem, line: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    appendLocation(item, line: line, to: &out)
    out.append(UInt8(ascii: "\t"))
    appendType(item, to: &out)
    if showsValues {
      out.append(UInt8(ascii: "\t"))
      appendValue(item, line: line, to: &out)
    }
  }

  /// `"location":…,"type":…[,"value":…]}`.
  private func appendJSON(
    _ item: FHIRPathItem, line: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    out.append(contentsOf: #""location":"#.utf8)
    text.removeAll(keepingCapacity: true)
    appendLocation(item, line: line, to: &text)
    JSONEscaping.appendQuoted(text, to: &out)
    out.append(contentsOf: #","type":"#.utf8)
    text.removeAll(keepingCapacity: true)
    appendType(item, to: &text)
    JSONEscaping.appendQuoted(text, to: &out)
    if showsValues {
      out.append(contentsOf: #","value":"#.utf8)
      appendValue(item, line: line, to: &out)
    }
    out.append(UInt8(ascii: "}"))
  }

  /// A node's element path with array positions; `(value)` for a System value.
  private func appendLocation(
    _ item: FHIRPathItem, line: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    switch item {
    case .node(let n): out.append(contentsOf: tree.path(of: n, bytes: line).utf8)
    case .value: out.append(contentsOf: "(value)".utf8)
    }
  }

  /// A node's FHIR type (`string`, `HumanName`, `Patient`); `System.String` etc. for a value.
  private func appendType(_ item: FHIRPathItem, to out: inout [UInt8]) {
    switch item {
    case .node(let n): tree[n].type.withNameBytes { out.append(contentsOf: $0) }
    case .value(let v):
      out.append(contentsOf: "System.".utf8)
      out.append(contentsOf: v.typeName.utf8)
    }
  }

  /// The value as compact JSON (see ``SelectValueJSON``).
  private func appendValue(
    _ item: FHIRPathItem, line: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    switch item {
    case .node(let n):
      SelectValueJSON.appendNode(n, tree: tree, tape: tape, line: line, scratch: &text, to: &out)
    case .value(let v):
      SelectValueJSON.appendValue(v, scratch: &text, to: &out)
    }
  }
}

/// Values as `select --values` prints them: compact JSON on one line.
enum SelectValueJSON {
  /// A node's JSON: a primitive's scalar from the input (strings unescaped and escaped again,
  /// numbers and booleans as written), `null` for a primitive with only `_x`, and the compact
  /// JSON of the object of a complex element or resource.
  static func appendNode(
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
  static func appendValue(_ v: FHIRPathValue, scratch: inout [UInt8], to out: inout [UInt8]) {
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
