import FHIRModel
import Synchronization

/// What the output check does after the rules (``OutputCheck``): repair the output so that it is
/// valid R4 (`"validOutput": true`, `--valid-output`), check it (`--validate-output`), both, or
/// neither.
package struct OutputChecks: Sendable, Equatable {
  /// Repair what the rules left invalid (``OutputRepair``).
  package var repairs = false
  /// Check every output resource against R4 structure, and what to do about a problem.
  package var validation: OutputValidation?

  package init(repairs: Bool = false, validation: OutputValidation? = nil) {
    self.repairs = repairs
    self.validation = validation
  }

  /// Whether the check runs at all.
  package var isActive: Bool { repairs || validation != nil }
}

/// `--validate-output warn|fail`: report each problem and go on, or stop at the first (exit 1).
package enum OutputValidation: String, Sendable, CaseIterable {
  case warn, fail
}

/// One way an output resource is not valid R4 structure. Positions only, never a value.
package enum OutputProblem: UInt8, Sendable, CaseIterable {
  /// A required element (minimum cardinality 1) is absent from a parent that is present.
  case missingRequired
  /// An element has more values than its maximum cardinality (two types of one choice).
  case tooMany
  /// A primitive value that is not in its type's lexical form (an `instant` cut to a year), or
  /// in the wrong JSON kind (a string in a `boolean`).
  case invalidValue
  /// An extension without a `url`.
  case extensionWithoutURL
  /// An extension with neither a value nor nested extensions (`ext-1`).
  case extensionWithoutValue

  /// The name the run report uses.
  package var name: String {
    switch self {
    case .missingRequired: "missingRequired"
    case .tooMany: "tooMany"
    case .invalidValue: "invalidValue"
    case .extensionWithoutURL: "extensionWithoutUrl"
    case .extensionWithoutValue: "extensionWithoutValue"
    }
  }

  /// What is wrong, for messages (the element is named by the caller).
  package var sentence: String {
    switch self {
    case .missingRequired: "a required element is missing"
    case .tooMany: "more values than the element allows"
    case .invalidValue: "the value is not a valid value of its FHIR type"
    case .extensionWithoutURL: "an extension has no url"
    case .extensionWithoutValue: "an extension has neither a value nor extensions"
    }
  }
}

/// One change the repairs made so that the output stays valid R4.
package enum OutputRepair: UInt8, Sendable, CaseIterable {
  /// A required element the rules emptied got the data-absent-reason extension (`masked`).
  case masked
  /// A value a method left in a form its type does not allow (an `instant` cut to a year) was
  /// removed (and masked when required).
  case invalidValueRemoved
  /// An extension whose `url`, or whose value, the rules removed was removed whole.
  case extensionRemoved
  /// An element whose required part cannot carry an extension (`Narrative.div`) was removed
  /// whole.
  case elementRemoved

  /// The name the run report uses.
  package var name: String {
    switch self {
    case .masked: "masked"
    case .invalidValueRemoved: "invalidValueRemoved"
    case .extensionRemoved: "extensionRemoved"
    case .elementRemoved: "elementRemoved"
    }
  }
}

/// A problem found in one output resource: what, which element, and at which node of the line's
/// tree (for a missing element, the parent that lacks it).
package struct OutputFinding: Sendable, Equatable {
  package var problem: OutputProblem
  package var element: ElementID
  package var node: Int32
}

/// Counts per (kind, R4 element), for the run report: problems found and repairs made.
package struct ElementTally<Kind: RawRepresentable & Sendable>: Sendable
where Kind.RawValue == UInt8 {
  package private(set) var counts: [UInt64: Int] = [:]

  package init() {}

  @inline(__always)
  mutating func add(_ kind: Kind, _ element: ElementID) {
    counts[UInt64(kind.rawValue) << 32 | UInt64(element.raw), default: 0] &+= 1
  }

  package var total: Int { counts.values.reduce(0, &+) }
  package var isEmpty: Bool { counts.isEmpty }

  /// The counts as (kind, element, count), most frequent first, then by element path.
  package var entries: [(kind: Kind, element: ElementID, count: Int)] {
    counts.compactMap { key, count in
      Kind(rawValue: UInt8(truncatingIfNeeded: key >> 32)).map {
        ($0, ElementID(raw: UInt32(truncatingIfNeeded: key)), count)
      }
    }
    .sorted {
      $0.count != $1.count
        ? $0.count > $1.count
        : (R4.path(of: $0.element), $0.kind.rawValue) < (R4.path(of: $1.element), $1.kind.rawValue)
    }
  }

  package static func += (lhs: inout Self, rhs: Self) {
    for (key, count) in rhs.counts { lhs.counts[key, default: 0] &+= count }
  }
}

/// How many `--validate-output warn` problems a run shows (the rest are only counted), shared by
/// the workers that make the notices and the thread that prints them: once the printer has
/// shown `limit`, workers stop spending time on notices no one will see.
package final class OutputNoticeLimit: Sendable {
  package let limit: Int
  private let shown = Atomic<Int>(0)

  package init(limit: Int) { self.limit = limit }

  /// Counts one notice shown; returns how many have been, this one included.
  package func noteShown() -> Int { shown.add(1, ordering: .relaxed).newValue }

  /// Whether the printer has shown all it will.
  package var isReached: Bool { shown.load(ordering: .relaxed) >= limit }
}
