/// How the pipeline encodes its output: as the workers wrote it, or compressed.
///
/// Each worker thread encodes the batches it processed with an encoder of its own
/// (`makeEncoder()`), so compression runs in parallel; the writer only writes.
package enum OutputEncoding: Equatable, Sendable {
  /// The output lines as they are.
  case plain
  /// Each batch's output deflated at `level` (1…9, clamped) into one gzip member, so the output
  /// is a multi-member gzip file (`gzip -dc` reads it). Members have a fixed header, so equal
  /// input gives equal bytes.
  case gzip(level: Int32)

  /// A new encoder for one worker; nil when it cannot be set up (zlib could not allocate its
  /// state), and the run then fails with `ENOMEM` at the first batch with output.
  func makeEncoder() -> (any OutputEncoder)? {
    switch self {
    case .plain: PlainEncoder()
    case .gzip(let level): GzipEncoder(level: level)
    }
  }

  /// What the output holds when no batch wrote anything (`OutputEncoder.emptyStream`).
  var emptyStream: [UInt8] {
    switch self {
    case .plain: PlainEncoder.emptyStream
    case .gzip: GzipEncoder.emptyStream
    }
  }
}
