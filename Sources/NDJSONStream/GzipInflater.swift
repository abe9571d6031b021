internal import CZlib

/// Owns one zlib inflate stream that reads gzip members (`windowBits` 15 + 32).
///
/// The input pointer given to `setInput` must stay valid until the input is consumed or replaced.
final class GzipInflater {
  /// The result of one `inflate(into:)` call.
  enum Status {
    /// Progress was made (possibly none, when more input is needed).
    case more
    /// The current member ended, CRC and length checked.
    case memberEnd
    /// Bad header, data, CRC or length.
    case corrupt
    /// zlib ran out of memory.
    case outOfMemory
  }

  private let stream: UnsafeMutablePointer<z_stream>

  /// Sets up the stream; returns nil when zlib cannot allocate its state.
  init?() {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    guard czlib_inflate_init2(stream, 15 + 32) == Z_OK else {
      stream.deallocate()
      return nil
    }
    self.stream = stream
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  /// How many input bytes are not consumed yet.
  var availableInput: Int { Int(stream.pointee.avail_in) }

  /// The unconsumed input byte at `offset` (< `availableInput`).
  func inputByte(at offset: Int) -> UInt8 {
    stream.pointee.next_in[offset]
  }

  /// Makes `buffer` the next input; it must stay valid while it is being consumed.
  func setInput(_ buffer: UnsafeMutableRawBufferPointer) {
    stream.pointee.next_in = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_in = UInt32(buffer.count)
  }

  /// Prepares for the next member, keeping the unconsumed input.
  func reset() {
    inflateReset(stream)
  }

  /// Inflates as much as fits into `output` (at most 4 GiB at a time).
  ///
  /// - Returns: the status and the number of bytes written to the front of `output`.
  func inflate(into output: UnsafeMutableRawBufferPointer) -> (status: Status, produced: Int) {
    let room = UInt32(clamping: output.count)
    stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
    stream.pointee.avail_out = room
    let code = CZlib.inflate(stream, Z_NO_FLUSH)
    let produced = Int(room - stream.pointee.avail_out)
    stream.pointee.next_out = nil
    switch code {
    case Z_OK, Z_BUF_ERROR: return (.more, produced)
    case Z_STREAM_END: return (.memberEnd, produced)
    case Z_MEM_ERROR: return (.outOfMemory, produced)
    default: return (.corrupt, produced)  // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
    }
  }
}
