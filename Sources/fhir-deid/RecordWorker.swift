import ByteJSON
import FHIRDeid
import NDJSONStream

/// A line that stopped the run: where it is and why, never what it contained.
struct LineFailure: Error, Sendable {
  var input: String
  var line: Int
  var column: Int?
  var failure: RecordFailure

  var message: String {
    var text = "\(input):\(line)"
    if let column { text += ":\(column)" }
    return text + ": " + failure.reason
  }
}

/// Turns each line of a batch into its output line with the anonymization engine.
///
/// One instance per pipeline worker thread; it owns the engine's scratch space.
final class RecordWorker: BatchWorker {
  private let engine: AnonymizerWorker
  private let inputNames: [String]
  private let prefixes: [[UInt8]]
  private let policy: InvalidInputPolicy
  private let skipProcessingErrors: Bool

  init(
    engine: AnonymizerWorker, inputNames: [String], prefixes: [[UInt8]],
    policy: InvalidInputPolicy, skipProcessingErrors: Bool
  ) {
    self.engine = engine
    self.inputNames = inputNames
    self.prefixes = prefixes
    self.policy = policy
    self.skipProcessingErrors = skipProcessingErrors
  }

  func process(_ batch: InputBatch, into output: inout OutputBatch) {
    var stats = RunStats()
    let prefix = prefixes[batch.sourceIndex]
    batch.bytes.withUnsafeBytes { raw in
      for ref in batch.lines {
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

  static let emptyResourceTail = Array(
    (#"","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationValue","#
      + #""code":"REDACTED","display":"redacted"}]}}"#).utf8)
}
