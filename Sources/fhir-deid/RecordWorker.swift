import ByteJSON
import FHIRDeid
import NDJSONStream

/// A line that stopped the run: where it is and why, never what it contained.
struct LineFailure: Error, Sendable {
  var input: String
  var line: Int
  var column: Int?
  /// Why, without position (no value of the line).
  var reason: String
  /// Invalid input (exit 65) rather than a processing error (exit 1).
  var isInvalidInput: Bool

  init(input: String, line: Int, column: Int?, failure: RecordFailure) {
    self.input = input
    self.line = line
    self.column = column
    self.reason = failure.reason
    self.isInvalidInput = failure.isInvalidInput
  }

  /// A line longer than `--max-line-bytes` (invalid input; its bytes were never kept).
  init(input: String, tooLongLine line: Int, limit: Int) {
    self.input = input
    self.line = line
    self.column = nil
    self.reason = "line longer than \(limit) bytes (--max-line-bytes)"
    self.isInvalidInput = true
  }

  var message: String {
    var text = "\(input):\(line)"
    if let column { text += ":\(column)" }
    return text + ": " + reason
  }
}

/// Turns each line of a batch into its output line with the anonymization engine.
///
/// One instance per pipeline worker thread; it owns the engine's scratch space. The engine's
/// scratch (tape, tree, per-node tables) grows with the longest line it has seen; after a batch
/// with a huge line the pipeline calls `releaseScratch`, and the worker starts over with a fresh
/// engine, so that one huge line does not keep its memory for the rest of the run.
final class RecordWorker: BatchWorker {
  private let anonymizer: Anonymizer
  private var engine: AnonymizerWorker
  private let inputNames: [String]
  private let prefixes: [[UInt8]]
  private let policy: InvalidInputPolicy
  private let skipProcessingErrors: Bool
  private let maxLineBytes: Int

  init(
    anonymizer: Anonymizer, inputNames: [String], prefixes: [[UInt8]],
    policy: InvalidInputPolicy, skipProcessingErrors: Bool, maxLineBytes: Int
  ) {
    self.anonymizer = anonymizer
    self.engine = anonymizer.makeWorker()
    self.inputNames = inputNames
    self.prefixes = prefixes
    self.policy = policy
    self.skipProcessingErrors = skipProcessingErrors
    self.maxLineBytes = maxLineBytes
  }

  func process(_ batch: InputBatch, into output: inout OutputBatch<RunStats, LineFailure>) {
    var stats = RunStats()
    let prefix = prefixes[batch.sourceIndex]
    batch.bytes.withUnsafeBytes { raw in
      for ref in batch.lines {
        if ref.isTooLong {
          let failure = LineFailure(
            input: inputNames[batch.sourceIndex], tooLongLine: ref.number, limit: maxLineBytes)
          stats.invalidInput += 1
          if policy == .skip {
            stats.skipped += 1
            stats.messages.append("skipped " + failure.message)
            continue
          }
          output.stop = failure
          break
        }
        let line = UnsafeRawBufferPointer(rebasing: raw[Int(ref.start)..<Int(ref.end)])
        let mark = output.bytes.count
        do throws(RecordFailure) {
          let type = try engine.process(line, dateShiftPrefix: prefix, into: &output.bytes)
          output.bytes.append(0x0A)
          output.lines += 1
          stats.countIn(type)
          stats.countOut(type)
        } catch {
          output.bytes.removeSubrange(mark...)
          let failure = LineFailure(
            input: inputNames[batch.sourceIndex], line: ref.number,
            column: error.offset.map {
              JSONError(.unexpectedByte, at: $0).position(in: line).column
            },
            failure: error)
          if error.isInvalidInput {
            stats.invalidInput += 1
            if policy == .skip {
              stats.skipped += 1
              stats.messages.append("skipped " + failure.message)
              continue
            }
          } else {
            stats.processingErrors += 1
            if skipProcessingErrors, error.isSkippable, let type = error.resourceType {
              // Spec §6: the whole document becomes an empty resource of the root's type.
              output.bytes.append(contentsOf: #"{"resourceType":""#.utf8)
              output.bytes.append(contentsOf: type.utf8)
              output.bytes.append(contentsOf: Self.emptyResourceTail)
              output.bytes.append(0x0A)
              output.lines += 1
              stats.skipped += 1
              stats.messages.append("emptied " + failure.message)
              continue
            }
          }
          output.stop = failure
          break
        }
      }
    }
    stats.engine = engine.takeCounters()
    output.report = stats
  }

  /// Replaces the engine by a fresh one: its tape, tree and per-node tables go with it. (The
  /// counters were taken at the end of `process`; the hash cache is only a cache.)
  func releaseScratch() {
    engine = anonymizer.makeWorker()
  }

  static let emptyResourceTail = Array(
    (#"","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","#
      + #""code":"REDACTED","display":"redacted"}]}}"#).utf8)
}
