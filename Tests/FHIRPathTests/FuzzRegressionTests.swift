import Testing

@testable import FHIRPath

/// Inputs that Tests/Fuzz/run found breaking a property, kept as tests (issue 8).
@Suite("Fuzz regressions (FHIRPath)")
struct FuzzRegressionTests {
  /// fhirpath target: a decimal literal with 29 significant digits rounds to scale 0 and was
  /// printed without a point, so its canonical text read back as an out-of-range integer.
  @Test(
    "#8: a decimal rounded to scale 0 prints as a decimal",
    arguments: [
      "7922816251426433759708790066.5", "-7922816251426433759708790066.5",
      "79228162514264337593543950335.4", "7922816251426433759708790066.5 'mg'",
      "7922816251426433759708790066.5 days", "1.5 + 7922816251426433759708790066.5",
    ])
  func roundedDecimalRoundTrips(_ input: String) throws {
    try expectRoundTrip(input)
  }

  /// fhirpath target: `as(T)` / `is(T)` on the implicit focus printed as `$this as T`, which
  /// compiles to a `$this` variable node instead of the focus.
  @Test(
    "#8: is(T) and as(T) on the implicit focus print as calls",
    arguments: [
      "a+as(FHIR.Age)", "as(Age)", "is(Integer)", "as(Quantity).value", "a | is(String) | b",
      "-as(Quantity)", "where(as(Age) > 3)", "a.as(Age)", "a as Age",
    ])
  func focusTypeOperatorRoundTrips(_ input: String) throws {
    try expectRoundTrip(input)
  }

  func expectRoundTrip(_ input: String) throws {
    let first = try FHIRPathCompiler.compile(input)
    let printed = first.canonicalText
    let second = try FHIRPathCompiler.compile(printed)
    #expect(first.nodes == second.nodes, "\(printed)")
    #expect(first.constants == second.constants, "\(printed)")
    #expect(first.types == second.types, "\(printed)")
    #expect(second.canonicalText == printed)
  }
}
