internal import CZlib

/// Encodes each batch as one complete gzip member with a zlib deflate stream of its own.
///
/// The member has a fixed header (no name, mtime 0), so equal input gives equal bytes.
final class GzipEncoder: OutputEncoder {
  private let stream: UnsafeMutablePointer<z_stream>

  /// Sets up a stream at `level` (1…9, clamped); nil when zlib cannot allocate its state.
  init?(level: Int32) {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    guard czlib_deflate_init2(stream, min(max(level, 1), 9), 15 + 16, 8) == Z_OK else {
      stream.deallocate()
      return nil
    }
    self.stream = stream
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
  }

  /// Compresses `plain` into one gzip member at the front of `encoded`; `plain` is left as it is.
  ///
  /// `encoded` grows (never shrinks) to `deflateBound`; its bytes past the result are garbage.
  /// - Returns: the member's length, or nil if zlib failed (input over 4 GiB, out of memory).
  func encode(_ plain: inout [UInt8], into encoded: inout [UInt8]) -> Int? {
    guard plain.count <= Int(UInt32.max), deflateReset(stream) == Z_OK else { return nil }
    let bound = Int(deflateBound(stream, UInt(plain.count)))
    guard bound <= Int(UInt32.max) else { return nil }
    ensureCount(&encoded, bound)
    let code = plain.withUnsafeBytes { source in
      encoded.withUnsafeMutableBytes { target in
        stream.pointee.next_in = UnsafeMutablePointer(
          mutating: source.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(source.count)
        stream.pointee.next_out = target.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(bound)
        let code = deflate(stream, Z_FINISH)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        return code
      }
    }
    guard code == Z_STREAM_END else { return nil }
    return Int(stream.pointee.total_out)
  }

  /// A gzip member holding nothing: what an empty gzip output file contains, so that
  /// `gzip -dc` accepts it.
  static let emptyStream: [UInt8] = [
    0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
    0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]
}
