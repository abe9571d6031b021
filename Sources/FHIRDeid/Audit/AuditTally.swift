/// What an audit found in some lines of de-identified output: counts per check (or category, or
/// keep rule) and element path, the k-anonymity classes, and at most
/// ``AuditTally/maxExamples`` example values per row when values are shown.
///
/// Its size depends on the number of distinct element paths and quasi-identifier classes, never
/// on the number of lines. Batches' tallies are merged with `+=`.
package struct AuditTally: Sendable {
  /// Example values kept per row with `--show-values`.
  package static let maxExamples = 3

  package struct Row: Sendable {
    package var count = 0
    /// Up to ``AuditTally/maxExamples`` distinct values (only with `--show-values`).
    package var values: [String] = []

    mutating func add(count more: Int, values new: [String]) {
      count &+= more
      for v in new where values.count < AuditTally.maxExamples && !values.contains(v) {
        values.append(v)
      }
    }
  }

  package struct CheckKey: Hashable, Sendable {
    package var check: AuditCheck
    package var path: String
  }
  package struct SurvivalKey: Hashable, Sendable {
    package var category: AuditCategory
    package var path: String
  }
  package struct KeptKey: Hashable, Sendable {
    package var rule: Int
    package var path: String
  }

  /// Resources (lines) scanned.
  package var resources = 0
  /// Output checks that fired.
  package var checks: [CheckKey: Row] = [:]
  /// Original values found in the output (`--original`).
  package var survived: [SurvivalKey: Row] = [:]
  /// Output values a `keep` rule kept on purpose (`--original`): not findings.
  package var kept: [KeptKey: Row] = [:]
  /// Patients per quasi-identifier class (`--k-anonymity`), keyed by the class's values joined
  /// with U+001F.
  package var classes: [String: Int] = [:]

  package init() {}

  /// Whether anything in here is a finding (checks or surviving values; k-anonymity is judged
  /// by the report).
  package var hasFindings: Bool { !checks.isEmpty || !survived.isEmpty }

  package static func += (lhs: inout AuditTally, rhs: AuditTally) {
    lhs.resources &+= rhs.resources
    for (key, row) in rhs.checks {
      lhs.checks[key, default: Row()].add(count: row.count, values: row.values)
    }
    for (key, row) in rhs.survived {
      lhs.survived[key, default: Row()].add(count: row.count, values: row.values)
    }
    for (key, row) in rhs.kept {
      lhs.kept[key, default: Row()].add(count: row.count, values: row.values)
    }
    for (key, count) in rhs.classes { lhs.classes[key, default: 0] &+= count }
  }
}

/// The quasi-identifiers of `--k-anonymity`, read from each Patient of the output.
package enum AuditQuasiIdentifier: String, CaseIterable, Sendable {
  /// `Patient.gender`.
  case gender
  /// The first four characters of `Patient.birthDate`.
  case birthYear
  /// The first three characters of the first address's `postalCode`.
  case zip3
  /// The first address's `state`.
  case state
}

/// The k-anonymity figures of a tally.
package struct AuditKAnonymity: Sendable {
  package var patients = 0
  package var classes = 0
  /// The size of the smallest class (0 without patients).
  package var smallestK = 0
  package var classesBelowK = 0
  package var patientsBelowK = 0

  package init(classes counts: [String: Int], k: Int) {
    patients = counts.values.reduce(0, +)
    classes = counts.count
    smallestK = counts.values.min() ?? 0
    for count in counts.values where count < k {
      classesBelowK += 1
      patientsBelowK += count
    }
  }
}
