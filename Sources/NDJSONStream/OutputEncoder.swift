/// Turns one batch's output lines into the bytes written for it, on the batch's worker thread.
///
/// Each worker owns one encoder (`OutputEncoding.makeEncoder()`) and never shares it, so an
/// encoder may keep state (a compressor) without locks. Batches are encoded one by one, and the
/// output is their encodings in sequence order: the format must read concatenated pieces as one
/// stream, as gzip does with members. The pipeline does not encode a batch without output bytes
/// (so no empty gzip members pile up); `emptyStream` is what an output without any bytes holds.
///
/// A new format is a conforming type in a file of its own and a case of `OutputEncoding`.
protocol OutputEncoder {
  /// The bytes of an output that holds nothing: empty for plain output, one empty gzip member
  /// for gzip (an empty file is not valid gzip).
  static var emptyStream: [UInt8] { get }

  /// Encodes `plain`, one batch's output lines, into the front of `encoded`.
  ///
  /// `encoded` arrives as a recycled output buffer, of any count and content; only
  /// `encoded[0..<n]` is written, for the `n` returned, and it is recycled again afterwards
  /// unless it grew past the pool's limit. Afterwards `plain` is the worker's buffer for the next
  /// batch's lines, so an encoder that writes the bytes as they are may exchange the two buffers
  /// instead of copying (`PlainEncoder` does).
  /// - Returns: the length of the encoded bytes, or nil when the codec failed (out of memory, a
  ///   batch too large for it); the run then fails as a write error with `ENOMEM`.
  mutating func encode(_ plain: inout [UInt8], into encoded: inout [UInt8]) -> Int?
}
