import FHIRTree
import Testing

@testable import FHIRPath

@Suite("Dates, dateTimes and times")
struct TemporalTests {
  @Test(
    "FHIR dateTime text parses and prints as written",
    arguments: [
      "2015", "2015-02", "2015-02-07", "2015-02-07T13", "2015-02-07T13:28",
      "2015-02-07T13:28:17", "2015-02-07T13:28:17.12345-05:00", "2017-01-01T00:00:00.000Z",
      "2001-01-01Z", "2000-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "2016-02-29",
      "2015-02-07T13:28:17.123456789012345678+01:30",
    ])
  func dateTimeRoundTrip(_ text: String) throws {
    let d = try #require(PartialDateTime(fhirDateTime: text))
    #expect(d.description == text)
  }

  @Test(
    "malformed dateTimes are refused",
    arguments: [
      "", "15", "2015-2-7", "2015-13", "2015-02-30", "2015-02-29", "0000", "2015-02-07T25:00",
      "2015-02-07T10:60", "2015-02-07T10:00:60", "2015-02-07T10:00:00.", "2015-02-07 10:00",
      "2015-02-07T10:00:00+15:00", "2015-02-07T10:00:00+05", "2015-02-07T", "2015T10",
      "2015-02-07T10:00:00.1234567890123456789",
    ])
  func dateTimeRefused(_ text: String) {
    #expect(PartialDateTime(fhirDateTime: text) == nil)
  }

  @Test func datesAndTimes() throws {
    #expect(PartialDateTime(fhirDate: "2015-02-07")?.precision == .day)
    #expect(
      PartialDateTime(fhirDate: "2001-01-01Z")?.offset == TimeZoneOffset(minutes: 0, isZulu: true))
    #expect(PartialDateTime(fhirDate: "2015-02-07T10:00") == nil)
    #expect(PartialTime(fhirTime: "13:45:02.5")?.description == "13:45:02.5")
    #expect(PartialTime(fhirTime: "13:45")?.precision == .minute)
    #expect(PartialTime(fhirTime: "13:45:00+02:00")?.description == "13:45:00+02:00")
    #expect(PartialTime(fhirTime: "24:00") == nil)
    #expect(PartialTime(fhirTime: "T13:45") == nil)
  }

  static func cmp(_ a: FHIRPathValue, _ b: FHIRPathValue) throws -> Int? {
    try FHIRPathValue.compare(a, b)
  }

  @Test(
    "comparison table (UTC, field by field, precision and offset rules)",
    arguments: [
      // Different precision with equal prefix: unknown
      (date("1990"), date("1990-01-01"), Int?.none),
      (date("1990"), date("1991-01-01"), -1),
      (date("1990-02"), date("1990-01-31"), 1),
      (date("1990-01-01"), dateTime("1990-01-01T00:00:00Z"), nil),
      (date("1990-01-02"), dateTime("1990-01-01T23:00:00Z"), 1),
      // Offsets: both to UTC
      (dateTime("2000-01-01T00:00:00+08:00"), dateTime("2000-01-01T00:00:00+08:00"), 0),
      (dateTime("2009-12-31T16:00:00Z"), dateTime("2010-01-01T00:00:00+08:00"), 0),
      (dateTime("2000-01-01T00:00:00-09:00"), dateTime("2000-01-01T00:00:00+08:00"), 1),
      (dateTime("2010-01-01T00:00:00+09:00"), dateTime("2010-01-01T00:00:00+08:00"), -1),
      // Exactly one side with an offset: unknown once the hour is reached...
      (dateTime("2010-01-01T10:00"), dateTime("2010-01-01T10:00Z"), nil),
      // ...but an earlier difference decides (no offset counts as UTC).
      (dateTime("2020-01-01T00:00:00"), dateTime("1990-01-01T00:00:00Z"), 1),
      (date("2010-01-01"), dateTime("2010-01-01T00:00:00+08:00"), 1),
      // Seconds and milliseconds are one precision
      (dateTime("2012-04-15T15:30:31"), dateTime("2012-04-15T15:30:31.0"), 0),
      (dateTime("2012-04-15T15:30:31.001"), dateTime("2012-04-15T15:30:31.002"), -1),
      (dateTime("2012-04-15T15:30:31.0019"), dateTime("2012-04-15T15:30:31.001"), 0),
      (dateTime("2012-04-15T15:30"), dateTime("2012-04-15T15:30:00"), nil),
      // Times
      (time("10:00"), time("10:00:00"), nil),
      (time("10:00"), time("11:00:00"), -1),
      (time("13:45:02"), time("12:00:00"), 1),
      (time("01:00:00+02:00"), time("00:30:00Z"), -1),
      (time("10:00:00"), time("10:00:00Z"), nil),
    ])
  func comparisonTable(_ a: FHIRPathValue, _ b: FHIRPathValue, _ expected: Int?) throws {
    #expect(try Self.cmp(a, b) == expected)
    #expect(try Self.cmp(b, a) == expected.map { -$0 })
  }

  @Test(
    "calendar arithmetic",
    arguments: [
      (date("2016-02-29"), "1 year", date("2017-02-28")),
      (date("2014"), "24 months", date("2016")),
      (date("2015-01-31"), "1 month", date("2015-02-28")),
      (date("2015-01-31"), "-2 months", date("2014-11-30")),
      (date("2015-01-01"), "-1 day", date("2014-12-31")),
      (date("2015-01-01"), "2 weeks", date("2015-01-15")),
      (date("2015-01-01"), "1 'a'", date("2016-01-01")),
      (date("2015-01-01"), "10 'd'", date("2015-01-11")),
      (date("2015-01"), "45 days", date("2015-02")),
      (dateTime("2015-12-31T23:30:00+02:00"), "90 minutes", dateTime("2016-01-01T01:00:00+02:00")),
      (dateTime("2015-06-01T10:00"), "1.9 hours", dateTime("2015-06-01T11:00")),
      (dateTime("2015-06-01T10:00:00.5"), "0.75 's'", dateTime("2015-06-01T10:00:01.250")),
      (
        dateTime("2015-06-01T10:00:00.12345"), "1 millisecond",
        dateTime("2015-06-01T10:00:00.12445")
      ),
      (time("23:30"), "1 hour", time("00:30")),
      (time("00:10:00"), "-20 minutes", time("23:50:00")),
    ])
  func arithmetic(_ start: FHIRPathValue, _ amount: String, _ expected: FHIRPathValue) throws {
    let q = try #require(try literal(amount))
    #expect(try FHIRPathValue.add(start, q) == expected)
    // Subtracting the negated amount is the same operation.
    let negated = try FHIRPathValue.applyPolarity(.negate, q)
    #expect(try FHIRPathValue.subtract(start, negated) == expected)
  }

  @Test func invalidDateArithmetic() throws {
    let hour = try #require(try literal("1 hour"))
    let mg = try #require(try literal("1 'mg'"))
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.add(date("2015-01-01"), hour)
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.add(dateTime("2015-01-01T10:00"), mg)
    }
    #expect(throws: FHIRPathEvaluationError(.invalidOperandTypes)) {
      try FHIRPathValue.subtract(date("2015"), .integer(1))
    }
    let years = try #require(try literal("9000 years"))
    #expect(throws: FHIRPathEvaluationError(.dateOutOfRange)) {
      try FHIRPathValue.add(date("2015"), years)
    }
  }
}
