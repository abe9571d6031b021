import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree

/// Why one input line produced no output: codes, offsets and node and rule indices, never a
/// value. Text is made from it only where it is reported (``reason``).
package struct RecordFailure: Error, Sendable {
  package enum Kind: Sendable, Equatable {
    /// Not valid JSON (code and byte offset in the line).
    case invalidJSON(JSONError.Code)
    /// Valid JSON but not an object.
    case notAnObject
    /// No `resourceType` member, or not a string.
    case missingResourceType
    /// `resourceType` is not an R4 resource type.
    case unknownResourceType
    /// A member that R4 does not define at this place. ``RecordFailure/path`` names the element
    /// or resource it belongs to, ``RecordFailure/offset`` the key; the key itself is never kept
    /// (a key can carry patient text).
    case unknownElement
    /// A JSON value of the wrong kind for its element (an object for a primitive, …).
    case wrongKind
    /// A primitive value that does not parse as its FHIR type (`"active": "yes"`, `1e999`).
    case invalidValue
    /// A rule's method, or a FHIRPath expression, could not be applied.
    case processing(ProcessingFailure)
  }

  package var kind: Kind
  /// Byte offset in the line, when the failure has a position.
  package var offset: Int?
  /// The resource type, when known and valid.
  package var resourceType: FHIRType?
  /// The tree node the failure is about, in the line's typed tree; ``path`` names it.
  package var node: Int32?
  /// The element path (`Patient.contact[0].name`): names from the R4 model only
  /// (``FHIRPath/ResourceTree/path(of:bytes:)``), never a key as written. Filled in from
  /// ``node`` by the record's entry point (``AnonymizerWorker/process(_:dateShiftPrefix:into:)``
  /// and the other jobs), while the line's tree still exists.
  package var path: String?
  /// The index of the rule that failed, for processing errors.
  package var rule: Int?
  /// The failing rule's path as the configuration writes it (configuration text, never data),
  /// filled in with ``path`` for the messages that quote it.
  package var rulePath: String?
  /// Whether `processingErrors: skip` may replace the document by an empty resource (spec §6).
  /// False for errors Microsoft raises outside its processing-error handling, such as
  /// `generalize` reaching a node that is not a primitive: those stop the run in either mode.
  package var isSkippable: Bool

  package init(
    _ kind: Kind, offset: Int? = nil, resourceType: FHIRType? = nil, node: Int32? = nil,
    path: String? = nil, rule: Int? = nil, isSkippable: Bool = true
  ) {
    self.kind = kind
    self.offset = offset
    self.resourceType = resourceType
    self.node = node
    self.path = path
    self.rule = rule
    self.isSkippable = isSkippable
  }

  /// Whether this is invalid input (exit 65) rather than a processing error (exit 1).
  package var isInvalidInput: Bool {
    if case .processing = kind { return false }
    return true
  }

  /// A FHIRPath evaluation of rule `rule` that failed on a resource. Running out of steps is a
  /// processing error that `processingErrors: skip` covers; other evaluation errors stop the
  /// run in either mode, as in Microsoft's tool (spec §1.6).
  package init(
    evaluating rule: Int, _ error: FHIRPathEvaluationError, stepLimit: Int,
    resourceType: FHIRType, node: Int32?
  ) {
    if error.code == .stepLimitExceeded {
      self.init(
        .processing(.stepLimit(stepLimit)), resourceType: resourceType, node: node, rule: rule)
    } else {
      self.init(
        .processing(.evaluation(error)), resourceType: resourceType, node: node, rule: rule,
        isSkippable: false)
    }
  }

  /// A failure of the typed view (the resource does not fit the R4 model).
  package init(_ failure: ResourceTree.Failure, resourceType: FHIRType?, path: String) {
    let kind: Kind
    switch failure.kind {
    case .notAnObject: kind = .notAnObject
    case .missingResourceType: kind = .missingResourceType
    case .unknownResourceType: kind = .unknownResourceType
    case .unknownElement: kind = .unknownElement
    case .wrongKind: kind = .wrongKind
    case .invalidValue: kind = .invalidValue
    }
    self.init(
      kind, offset: Int(failure.offset), resourceType: resourceType,
      path: path.isEmpty ? nil : path)
  }

  /// Fills in ``path`` from ``node`` with `tree`, the tree of the line that failed.
  package mutating func resolvePath(in tree: ResourceTree, bytes: UnsafeRawBufferPointer) {
    guard path == nil, let node, node >= 0, Int(node) < tree.count else { return }
    path = tree.path(of: node, bytes: bytes)
    // An element missing from the output (or given too often) has no node: its parent does.
    if case .processing(.invalidOutput(let problem, let element)) = kind,
      problem == .missingRequired || problem == .tooMany
    {
      path? += "." + R4.name(of: element)
    }
  }
}

/// What went wrong while a rule (or `select`'s expression) ran on a valid resource.
package enum ProcessingFailure: Sendable, Equatable {
  /// The line's FHIRPath budget (`--max-fhirpath-steps`, the payload) ran out.
  case stepLimit(Int)
  /// A FHIRPath evaluation failed.
  case evaluation(FHIRPathEvaluationError)
  /// A rule's path yields System values, not elements of the resource.
  case valuesNotElements
  /// A worker could not set up a key's libcrypto context.
  case keySetup(KeyUse, CryptoError)
  /// A method needs a key context that was never set up.
  case keyMissing(KeyUse)
  /// libcrypto failed while hashing a value.
  case hashFailed
  /// libcrypto failed while encrypting a value.
  case encryptFailed
  /// libcrypto failed while deriving a date-shift offset.
  case offsetFailed
  /// `substitute` cannot put its `replaceWith` in this node.
  case substitution(SubstitutionIssue)
  /// `perturb` reached a value that is not a number.
  case notANumber
  /// The perturbed value does not fit a FHIR decimal.
  case perturbedOutOfRange
  /// `generalize` reached a node of this complex type.
  case notPrimitive(FHIRType)
  /// A `generalize` case (its 0-based index) failed to evaluate.
  case generalizeCase(Int, FHIRPathEvaluationError)
  /// `FHIR_DEID_TEST_FAULT` named this rule's method (test builds of the failure paths).
  case injectedFault
  /// The output resource is not valid R4 structure (`--validate-output`): the problem and the
  /// element (for a missing one, the element; the failure's node is its parent).
  case invalidOutput(OutputProblem, ElementID)

  /// The keys a worker sets up.
  package enum KeyUse: Sendable, Equatable {
    case cryptoHash, encrypt, dateShift
  }
}

extension RecordFailure {
  /// A message without position (the caller prefixes file, line and column).
  package var reason: String {
    var text: String
    switch kind {
    case .invalidJSON(let code): text = "invalid JSON: \(code)"
    case .notAnObject: text = "not a JSON object"
    case .missingResourceType: text = "no string 'resourceType'"
    case .unknownResourceType: text = "'resourceType' is not a FHIR R4 resource type"
    case .unknownElement: text = "a member that FHIR R4 does not define in its parent"
    case .wrongKind: text = "value of the wrong JSON kind for its FHIR type"
    case .invalidValue: text = "value does not parse as its FHIR primitive type"
    case .processing(let failure): text = Self.text(of: failure, rule: rule, rulePath: rulePath)
    }
    if let resourceType {
      // A path that is just the resource type adds nothing to it.
      let name = resourceType.name
      let shown = path.flatMap { $0 == name ? nil : $0 }
      text += " (\(name)" + (shown.map { " \($0)" } ?? "") + ")"
    } else if let path {
      text += " (\(path))"
    }
    if let rule { text += " [rule \(rule)]" }
    return text
  }

  private static func text(of failure: ProcessingFailure, rule: Int?, rulePath: String?) -> String {
    switch failure {
    case .stepLimit(let limit):
      guard rule != nil else {
        return "the expression needs more than \(limit) FHIRPath steps on this line "
          + "(see --max-fhirpath-steps)"
      }
      // The budget is per line: the rule named is the one that was running when it ran out.
      return "FHIRPath step limit reached: the rules took more than \(limit) steps on this line"
        + (rulePath.map { ", the last in rule path \"\(oneLine($0))\"" } ?? "")
        + " (see --max-fhirpath-steps)"
    case .evaluation(let error): return "FHIRPath evaluation failed: \(error)"
    case .valuesNotElements: return "the rule's path yields values, not elements"
    case .keySetup(let use, let error):
      return "the \(use) key could not be set up (libcrypto error \(error))"
    case .keyMissing(let use): return "the \(use) key could not be set up"
    case .hashFailed: return "libcrypto failed while hashing"
    case .encryptFailed: return "libcrypto failed while encrypting"
    case .offsetFailed: return "libcrypto failed while deriving the date-shift offset"
    case .substitution(let issue): return "substitute: \(issue)"
    case .notANumber: return "the value to perturb is not a number"
    case .perturbedOutOfRange: return "the perturbed value does not fit a decimal"
    case .notPrimitive(let type):
      return "generalize applies only to primitive elements, not to \(type.name)"
    case .generalizeCase(let index, let error):
      return "generalize case \(index + 1) failed: \(error)"
    case .injectedFault: return "injected fault (FHIR_DEID_TEST_FAULT)"
    case .invalidOutput(let problem, let element):
      let text = "output is not valid R4: "
      _ = element  // named by the failure's path
      return text + problem.sentence
    }
  }

  /// `text` with control characters as spaces, so that a message stays on one line.
  static func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }
}
