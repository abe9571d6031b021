/// Lower-case hexadecimal encoding of bytes.
enum Hex {
  /// Appends two lower-case hex digits per byte of `bytes` to `out`.
  ///
  /// Grows `out` once; allocates only if its capacity is exceeded.
  static func appendLowercase(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
    let digits: StaticString = "0123456789abcdef"
    let table = digits.utf8Start
    let start = out.count
    out.append(contentsOf: repeatElement(0, count: bytes.count * 2))
    out.withUnsafeMutableBufferPointer { buffer in
      var at = start
      for byte in bytes {
        buffer[at] = table[Int(byte >> 4)]
        buffer[at + 1] = table[Int(byte & 0x0F)]
        at &+= 2
      }
    }
  }
}
