/// Writes each batch's output lines as they are.
///
/// It copies nothing: the batch's buffer becomes the one written, and the recycled buffer it
/// gets in exchange becomes the worker's buffer for the next batch.
struct PlainEncoder: OutputEncoder {
  static var emptyStream: [UInt8] { [] }

  /// Exchanges `plain` and `encoded`; never fails.
  func encode(_ plain: inout [UInt8], into encoded: inout [UInt8]) -> Int? {
    swap(&plain, &encoded)
    return encoded.count
  }
}
