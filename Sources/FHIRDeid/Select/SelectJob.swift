import ByteJSON
import FHIRModel
import FHIRPath
import FHIRTree

/// How `select` prints its matches.
package enum SelectFormat: String, Sendable, CaseIterable {
  /// `FILE:LINE<TAB>LOCATION<TAB>TYPE[<TAB>VALUE]`, one match per line.
  case text
  /// `{"input":…,"line":…,"location":…,"type":…[,"value":…]}`, one match per line.
  case json
}

/// The record job of `fhir-deid select`: evaluates one compiled FHIRPath expression on each
/// line and writes one output line per match: where it is, its type and, when asked, its value.
///
/// Owns its tape, tree, evaluator and scratch space. Evaluation errors are
/// ``RecordFailure``s that name the resource type and element path, never a value.
package struct SelectJob: RecordJob {
  /// Resources read, resources with a match, and matches.
  package struct Counts: RecordCounts {
    package var resources = 0
    package var resourcesMatched = 0
    package var matches = 0

    package init() {}

    package static func += (lhs: inout Counts, rhs: Counts) {
      lhs.resources &+= rhs.resources
      lhs.resourcesMatched &+= rhs.resourcesMatched
      lhs.matches &+= rhs.matches
    }
  }

  private let expression: CompiledExpression
  private let evaluator: FHIRPathEvaluator
  private let scanner = JSONScanner()
  private let inputNames: [String]
  /// The input names as JSON strings, for `--format json`.
  private let quotedNames: [[UInt8]]
  private let format: SelectFormat
  private let showsValues: Bool
  private var tape = Tape()
  private var tree = ResourceTree()
  private var items: [FHIRPathItem] = []
  private var prefix: [UInt8] = []
  private var text: [UInt8] = []

  /// - Parameter inputNames: per input (by source index), the name printed before its matches.
  package init(
    expression: CompiledExpression, inputNames: [String], format: SelectFormat,
    showsValues: Bool, maxSteps: Int
  ) {
    self.expression = expression
    self.evaluator = FHIRPathEvaluator(stepLimit: maxSteps)
    self.inputNames = inputNames
    self.quotedNames = inputNames.map { name in
      var quoted: [UInt8] = []
      JSONEscaping.appendQuoted(Array(name.utf8), to: &quoted)
      return quoted
    }
    self.format = format
    self.showsValues = showsValues
  }

  package mutating func process(
    _ line: UnsafeRawBufferPointer, source: Int, number: Int, into out: inout [UInt8],
    counts: inout Counts
  ) throws(RecordFailure) -> Int {
    let count = try select(line, input: source, number: number, into: &out)
    counts.resources &+= 1
    counts.matches &+= count
    if count > 0 { counts.resourcesMatched &+= 1 }
    return count
  }

  /// Drops the tape, tree and matches that grew for a huge line.
  package mutating func releaseScratch() {
    tape = Tape()
    tree = ResourceTree()
    items = []
    text = []
  }

  /// Evaluates the expression on one line and appends its matches; returns how many.
  private mutating func select(
    _ line: UnsafeRawBufferPointer, input: Int, number: Int, into out: inout [UInt8]
  ) throws(RecordFailure) -> Int {
    try ResourceLoading.scan(line, with: scanner, into: &tape)
    try ResourceLoading.build(&tree, from: tape, line: line)
    items.removeAll(keepingCapacity: true)
    evaluator.resetSteps()
    do {
      try evaluator.evaluate(
        expression, focus: 0, resource: 0, tree: tree, tape: tape, bytes: line, into: &items)
    } catch {
      var failure = RecordFailure(
        .processing(
          error.code == .stepLimitExceeded ? .stepLimit(evaluator.stepLimit) : .evaluation(error)),
        resourceType: tree[0].type, node: error.node >= 0 ? error.node : nil)
      failure.resolvePath(in: tree, bytes: line)
      throw failure
    }
    guard !items.isEmpty else { return 0 }
    makePrefix(input: input, number: number)
    for item in items {
      out.append(contentsOf: prefix)
      switch format {
      case .text: appendText(item, line: line, to: &out)
      case .json: appendJSON(item, line: line, to: &out)
      }
      out.append(0x0A)
    }
    return items.count
  }

  /// The start of every output line of this resource: `FILE:LINE<TAB>` or
  /// `{"input":FILE,"line":LINE,`.
  private mutating func makePrefix(input: Int, number: Int) {
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
  private mutating func appendText(
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
  private mutating func appendJSON(
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
  private mutating func appendValue(
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
