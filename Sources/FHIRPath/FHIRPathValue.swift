import FHIRTree

/// One FHIRPath System value: the items that literals, operators and functions produce.
///
/// Strings are UTF-8 bytes. Integers are 64-bit (FHIR integers are 32-bit, so data always
/// fits; arithmetic that leaves the 64-bit range throws `.overflow` instead of wrapping).
/// Decimals are exact (``ExactDecimal``). Dates and dateTimes share ``PartialDateTime``.
///
/// `==` is *structural* identity of the representation (`1.0` and `1.00` differ, `1` and `1.0`
/// differ). FHIRPath `=` is ``equals(_:_:)``, `~` is ``isEquivalent(_:_:)``, and ordering is
/// ``compare(_:_:)``; those live in `FHIRPathValue+Comparison.swift`.
package enum FHIRPathValue: Hashable, Sendable {
  case boolean(Bool)
  case integer(Int64)
  case decimal(ExactDecimal)
  case string([UInt8])
  case date(PartialDateTime)
  case dateTime(PartialDateTime)
  case time(PartialTime)
  case quantity(QuantityValue)

  /// A string value from Swift text.
  package static func string(_ text: String) -> FHIRPathValue { .string(Array(text.utf8)) }

  /// The System type name (`Boolean`, `Integer`, `Decimal`, `String`, `Date`, `DateTime`,
  /// `Time`, `Quantity`), as used by `is`/`as`/`ofType` with the `System` namespace.
  package var typeName: String {
    switch self {
    case .boolean: "Boolean"
    case .integer: "Integer"
    case .decimal: "Decimal"
    case .string: "String"
    case .date: "Date"
    case .dateTime: "DateTime"
    case .time: "Time"
    case .quantity: "Quantity"
    }
  }
}

extension FHIRPathValue: CustomStringConvertible {
  /// The `toString()` text, for diagnostics in tests (never put into error messages: values
  /// are patient data).
  package var description: String { String(decoding: text, as: UTF8.self) }
}
