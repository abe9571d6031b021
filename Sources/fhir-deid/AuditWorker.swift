import ByteJSON
import FHIRDeid
import NDJSONStream

/// What one batch of an audit pass produced: the index part or the tally, the count of invalid
/// lines, and the warnings about skipped ones (positions only).
struct AuditBatchReport: PipelineReport {
  var index = AuditIndexPart()
  var tally = AuditTally()
  var invalidInput = 0
  var skipped = 0
  var messages: [String] = []

  /// Adds the index parts, tallies and counts; the warnings are not kept in a total.
  static func += (lhs: inout AuditBatchReport, rhs: AuditBatchReport) {
    lhs.index += rhs.index
    lhs.tally += rhs.tally
    lhs.invalidInput &+= rhs.invalidInput
    lhs.skipped &+= rhs.skipped
  }
}

/// A pipeline worker of `fhir-deid audit`: indexes original lines (`--original`) or scans output
/// lines. It writes no output lines; each batch's result travels in its report.
///
/// One instance per worker thread. An invalid line stops the pass (`--invalid-input fail`) or is
/// skipped with a warning; messages name the input, line, column, resource type and element
/// path, never a value.
final class AuditWorker: BatchWorker {
  enum Job {
    case index(AuditIndexer)
    case scan(AuditScanner)
  }

  private let job: Job
  private let inputNames: [String]
  private let policy: InvalidInputPolicy
  private let maxLineBytes: Int

  init(job: Job, inputNames: [String], policy: InvalidInputPolicy, maxLineBytes: Int) {
    self.job = job
    self.inputNames = inputNames
    self.policy = policy
    self.maxLineBytes = maxLineBytes
  }

  func process(_ batch: InputBatch, into output: inout OutputBatch<AuditBatchReport, LineFailure>) {
    var report = AuditBatchReport()
    let input = batch.sourceIndex
    batch.bytes.withUnsafeBytes { raw in
      for ref in batch.lines {
        if ref.isTooLong {
          let failure = LineFailure(
            input: inputNames[input], tooLongLine: ref.number, limit: maxLineBytes)
          report.invalidInput &+= 1
          if policy == .skip {
            report.skipped &+= 1
            report.messages.append("skipped " + failure.message)
            continue
          }
          output.stop = failure
          break
        }
        let line = UnsafeRawBufferPointer(rebasing: raw[Int(ref.start)..<Int(ref.end)])
        do throws(RecordFailure) {
          switch job {
          case .index(let indexer): try indexer.index(line, into: &report.index)
          case .scan(let scanner): try scanner.scan(line)
          }
        } catch {
          let failure = LineFailure(
            input: inputNames[input], line: ref.number,
            column: error.offset.map {
              JSONError(.unexpectedByte, at: $0).position(in: line).column
            },
            failure: error)
          report.invalidInput &+= 1
          if policy == .skip {
            report.skipped &+= 1
            report.messages.append("skipped " + failure.message)
            continue
          }
          output.stop = failure
          break
        }
      }
    }
    if case .scan(let scanner) = job { report.tally = scanner.takeTally() }
    output.report = report
  }

  func releaseScratch() {
    switch job {
    case .index(let indexer): indexer.releaseScratch()
    case .scan(let scanner): scanner.releaseScratch()
    }
  }
}
