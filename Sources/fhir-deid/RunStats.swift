import FHIRDeid
import FHIRModel
import NDJSONStream

/// Counts for the run report, gathered per batch by a worker and merged in output order.
///
/// `+=` adds counts; `messages` are one batch's warnings, shown as the batch is written, and are
/// not kept in a total.
struct RunStats: PipelineReport {
  struct TypeCounts: Sendable {
    var input = 0
    var output = 0
  }

  /// Per resource type, keyed by the model's type index.
  var byType: [UInt16: TypeCounts] = [:]
  var resourcesIn = 0
  var resourcesOut = 0
  var skipped = 0
  var invalidInput = 0
  var processingErrors = 0
  /// Rule and method counts of the engine.
  var engine: EngineCounters?
  /// Messages about skipped lines, in line order (no values, only positions and paths).
  var messages: [String] = []

  mutating func countIn(_ type: FHIRType) {
    resourcesIn &+= 1
    byType[type.raw, default: TypeCounts()].input &+= 1
  }

  mutating func countOut(_ type: FHIRType) {
    resourcesOut &+= 1
    byType[type.raw, default: TypeCounts()].output &+= 1
  }

  static func += (lhs: inout RunStats, rhs: RunStats) {
    for (type, counts) in rhs.byType {
      lhs.byType[type, default: TypeCounts()].input &+= counts.input
      lhs.byType[type, default: TypeCounts()].output &+= counts.output
    }
    lhs.resourcesIn &+= rhs.resourcesIn
    lhs.resourcesOut &+= rhs.resourcesOut
    lhs.skipped &+= rhs.skipped
    lhs.invalidInput &+= rhs.invalidInput
    lhs.processingErrors &+= rhs.processingErrors
    if let more = rhs.engine {
      if var sum = lhs.engine {
        sum += more
        lhs.engine = sum
      } else {
        lhs.engine = more
      }
    }
  }
}
