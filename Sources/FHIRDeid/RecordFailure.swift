import ByteJSON
import FHIRPath

/// Why one input line produced no output. Carries positions, names and paths, never a value.
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
    /// A rule's method could not be applied (``RecordFailure/rule`` says which).
    case processing(String)
  }

  package var kind: Kind
  /// Byte offset in the line, when the failure has a position.
  package var offset: Int?
  /// The resource type, when known and valid.
  package var resourceType: String?
  /// The element path (`Patient.contact[0].name`), when the failure is about an element: names
  /// from the R4 model only (``FHIRPath/ResourceTree/path(of:bytes:)``), never a key as written.
  package var path: String?
  /// The index of the rule that failed, for processing errors.
  package var rule: Int?
  /// Whether `processingErrors: skip` may replace the document by an empty resource (spec §6).
  /// False for errors Microsoft raises outside its processing-error handling, such as
  /// `generalize` reaching a node that is not a primitive: those stop the run in either mode.
  package var isSkippable: Bool

  package init(
    _ kind: Kind, offset: Int? = nil, resourceType: String? = nil, path: String? = nil,
    rule: Int? = nil, isSkippable: Bool = true
  ) {
    self.kind = kind
    self.offset = offset
    self.resourceType = resourceType
    self.path = path
    self.rule = rule
    self.isSkippable = isSkippable
  }

  /// Whether this is invalid input (exit 65) rather than a processing error (exit 1).
  package var isInvalidInput: Bool {
    if case .processing = kind { return false }
    return true
  }

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
    case .processing(let why): text = why
    }
    if let resourceType {
      // A path that is just the resource type adds nothing to it.
      let shown = path.flatMap { $0 == resourceType ? nil : $0 }
      text += " (\(resourceType)" + (shown.map { " \($0)" } ?? "") + ")"
    } else if let path {
      text += " (\(path))"
    }
    if let rule { text += " [rule \(rule)]" }
    return text
  }

  /// A rule whose FHIRPath evaluation failed on a resource. Running out of steps is a
  /// processing error that `processingErrors: skip` covers, and its message names the rule's
  /// path and the limit; other evaluation errors stop the run in either mode, as in
  /// Microsoft's tool (spec §1.6).
  package init(
    evaluating rule: Rule, _ error: FHIRPathEvaluationError, stepLimit: Int,
    resourceType: String, path: String?
  ) {
    if error.code == .stepLimitExceeded {
      // The path is the configuration's text, never data. The budget is per line: the rule
      // named is the one that was running when it ran out.
      self.init(
        .processing(
          "FHIRPath step limit reached: the rules took more than \(stepLimit) steps on this "
            + "line, the last in rule path \"\(Self.oneLine(rule.path))\" "
            + "(see --max-fhirpath-steps)"),
        resourceType: resourceType, path: path, rule: rule.index)
    } else {
      self.init(
        .processing("FHIRPath evaluation failed: \(error)"), resourceType: resourceType,
        path: path, rule: rule.index, isSkippable: false)
    }
  }

  /// `text` with control characters as spaces, so that a message stays on one line.
  static func oneLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }

  /// A failure of the typed view (the resource does not fit the R4 model).
  package init(_ failure: ResourceTree.Failure, resourceType: String?, path: String) {
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
}
