import ByteJSON
import FHIRDeid
import FHIRModel
import FHIRPath

/// The engine targets: `AnonymizerWorker.process` on one line, with the `safe-harbor` preset or
/// with ``FuzzConfigurations/allMethods``, the worker kept from line to line as in a run.
///
/// Either the call appends exactly one line (no newline) that scans as a JSON object whose
/// `resourceType` is the input's, and leaves what `out` held before untouched; or it throws a
/// ``RecordFailure``, appends nothing, and the failure's message contains no string value of
/// the input longer than 5 bytes (unless the value is also text the message may legitimately
/// hold: the resource type, the element path, the configuration, a FHIR type name, a fixed
/// phrase).
struct EngineCheck {
  let worker: AnonymizerWorker
  /// Texts a message may contain whatever the input: see ``explains(_:)``.
  let vocabulary: [[UInt8]]
  /// What `out` holds before each call; it must still be there afterwards.
  static let sentinel: [UInt8] = Array("previous line\n".utf8)
  /// The date-shift prefix (scope `file`/`folder` would use it; the configurations do not).
  static let prefix: [UInt8] = Array("fuzz.ndjson".utf8)
  var out: [UInt8] = []
  var tape = Tape()

  init(_ target: FuzzTarget) {
    let text = target == .engineSafeHarbor ? Preset.safeHarbor.text : FuzzConfigurations.allMethods
    do {
      let configuration = try Configuration.load(Array(text.utf8))
      worker = try Anonymizer(configuration: configuration, settings: FuzzConfigurations.settings)
        .makeWorker()
    } catch {
      fatalError("the \(target.rawValue) configuration does not load: \(error)")
    }
    var vocabulary: [[UInt8]] = [Array(text.utf8)]
    for raw in 0..<R4.typeCount {
      vocabulary.append(Array(FHIRType(raw: UInt16(raw)).name.utf8))
    }
    for code in FHIRPathEvaluationError.Code.allCases {
      vocabulary.append(Array(code.description.utf8))
    }
    for phrase in Self.phrases { vocabulary.append(Array(phrase.utf8)) }
    self.vocabulary = vocabulary
  }

  /// Fixed parts of the engine's messages (RecordFailure.reason and the methods' reasons).
  static let phrases = [
    "invalid JSON: ", "not a JSON object", "no string 'resourceType'",
    "'resourceType' is not a FHIR R4 resource type", "element not defined in FHIR R4",
    "value of the wrong JSON kind for its FHIR type", "FHIRPath evaluation failed: column ",
    "the rule's path yields values, not elements",
    "generalize applies only to primitive elements, not to ", "generalize cases are missing",
    "generalize case ", " failed: ", "substitute: ",
    "a whole resource cannot be substituted (select its elements)",
    "'meta' cannot be substituted (it carries the security labels)",
    "replaceWith must be a JSON object (or null) for a ", "no R4 structure for this element",
    "perturb settings are missing", "the value to perturb is not a number",
    "the perturbed value does not fit a decimal", "the cryptoHash key could not be set up",
    "libcrypto failed while hashing", "the encrypt key could not be set up",
    "libcrypto failed while encrypting", " [rule ",
  ]

  mutating func check(_ line: UnsafeRawBufferPointer) throws(FuzzViolation) {
    out.removeAll(keepingCapacity: true)
    out.append(contentsOf: Self.sentinel)
    let failure: RecordFailure?
    var type: FHIRType?
    do throws(RecordFailure) {
      type = try worker.process(line, dateShiftPrefix: Self.prefix, into: &out)
      failure = nil
    } catch {
      failure = error
    }
    try require(out.starts(with: Self.sentinel), "process changed what out held before")
    if let failure {
      try require(out.count == Self.sentinel.count, "a failed process appended output")
      try checkMessage(of: failure, line: line)
    } else if let type {
      try checkOutput(out[Self.sentinel.count...], type: type, line: line)
    }
  }

  /// The appended line scans as one JSON object with the input's resource type.
  func checkOutput(_ produced: ArraySlice<UInt8>, type: FHIRType, line: UnsafeRawBufferPointer)
    throws(FuzzViolation)
  {
    try require(!produced.contains(0x0A), "the output line contains a newline")
    var outTape = Tape()
    try withBytes(Array(produced)) { output throws(FuzzViolation) in
      do throws(JSONError) {
        try JSONScanner().scan(output, into: &outTape)
      } catch {
        throw FuzzViolation("the output does not scan: \(error.code) at \(error.offset)")
      }
      try require(outTape[0].kind == .objectStart, "the output is not an object")
      guard let value = outTape.member(named: "resourceType", in: 0, bytes: output),
        outTape[value].kind == .string
      else { throw FuzzViolation("the output has no resourceType") }
      let name = Array(UnsafeRawBufferPointer(rebasing: output[outTape[value].range]))
      try require(name == Array(type.name.utf8), "the output's resourceType is not \(type.name)")
    }
    var inTape = Tape()
    guard (try? JSONScanner().scan(line, into: &inTape)) != nil,
      let value = inTape.member(named: "resourceType", in: 0, bytes: line)
    else { throw FuzzViolation("process succeeded on a line without resourceType") }
    let name = Array(UnsafeRawBufferPointer(rebasing: line[inTape[value].range]))
    try require(name == Array(type.name.utf8), "process returned another resource type")
  }

  /// The failure's message holds no string value of the line (longer than 5 bytes) that is not
  /// also text the message may hold anyway.
  mutating func checkMessage(of failure: RecordFailure, line: UnsafeRawBufferPointer)
    throws(FuzzViolation)
  {
    if let offset = failure.offset {
      try require(offset >= 0 && offset <= line.count, "failure offset outside the line")
    }
    // The resource type and the element path come from the R4 model: blank them out, so that an
    // input value that merely overlaps them ("atient)" in "(Patient)") does not count.
    var message = Array(failure.reason.utf8)
    for known in [failure.path, failure.resourceType?.name] {
      if let known, !known.isEmpty { message = Self.blanking(Array(known.utf8), in: message) }
    }
    guard (try? JSONScanner().scan(line, into: &tape)) != nil else {
      if case .invalidJSON = failure.kind { return }
      throw FuzzViolation("a line that does not scan failed as \(failure.kind)")
    }
    let resourceType = Array((failure.resourceType?.name ?? "").utf8)
    let path = Array((failure.path ?? "").utf8)
    var value: [UInt8] = []
    for index in 0..<tape.count where tape[index].kind == .string {
      value.removeAll(keepingCapacity: true)
      JSONEscaping.unescape(tape.rawBytes(of: index, in: line), into: &value)
      guard value.count > 5, Self.contains(message, value) else { continue }
      if Self.contains(resourceType, value) || Self.contains(path, value) { continue }
      if vocabulary.contains(where: { Self.contains($0, value) }) { continue }
      throw FuzzViolation(
        "the failure message quotes an input value (token \(index)): \(failure.reason)")
    }
  }

  /// Whether `needle` occurs in `haystack` (bytes).
  /// `text` with every occurrence of `known` replaced by one 0 byte.
  static func blanking(_ known: [UInt8], in text: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < text.count {
      if i + known.count <= text.count, text[i..<i + known.count].elementsEqual(known) {
        out.append(0)
        i += known.count
      } else {
        out.append(text[i])
        i += 1
      }
    }
    return out
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    let first = needle[0]
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) {
        return true
      }
      i += 1
    }
    return false
  }
}
