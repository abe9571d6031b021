import DeidTestSupport
import Foundation
import Testing

/// `fhir-deid select`: locations and types per match, values only with `--values`, the JSON
/// format, exit statuses, and messages that never quote the data.
@Suite(.timeLimit(.minutes(3))) struct SelectTests {
  /// Synthetic resources whose values all contain `CANARY` (never allowed on stderr).
  static let input =
    [
      #"{"resourceType":"Patient","id":"CANARY-p1","name":[{"family":"CANARY-F\"1","given":["CANARY-G1","CANARY-G2"]},{"given":["CANARY-N"]}],"birthDate":"1950-03-04"}"#,
      "",
      #"{"resourceType":"Observation","id":"CANARY-o1","status":"final","code":{"text":"CANARY-c"},"valueQuantity":{"value":1.50,"unit":"CANARY-mg"}}"#,
      #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Practitioner","name":[{"family":"CANARY-Dr"}]}}]}"#,
    ].joined(separator: "\n") + "\n"

  func select(_ arguments: [String], input: String = SelectTests.input) throws -> CommandResult {
    let result = try FhirDeidBinary.run(["select"] + arguments, stdin: Data(input.utf8))
    #expect(!result.stderr.contains("CANARY"), "stderr leaked a value: \(result.stderr)")
    return result
  }

  @Test func textShowsLocationAndTypePerMatch() throws {
    let r = try select(["name.given | Observation.value | entry.resource.name.family"])
    #expect(r.status == 0)
    #expect(
      r.stdoutText == """
        -:1\tPatient.name[0].given[0]\tstring
        -:1\tPatient.name[0].given[1]\tstring
        -:1\tPatient.name[1].given[0]\tstring
        -:3\tObservation.valueQuantity\tQuantity
        -:4\tBundle.entry[0].resource.name[0].family\tstring

        """)
  }

  @Test func valuesAreOnlyPrintedWithValues() throws {
    let plain = try select(["descendants()"])
    #expect(plain.status == 0)
    #expect(!plain.stdoutText.contains("CANARY"))
    let r = try select(["--values", "name.family | valueQuantity | value | birthDate"])
    #expect(r.status == 0)
    #expect(
      r.stdoutText == """
        -:1\tPatient.name[0].family\tstring\t"CANARY-F\\"1"
        -:1\tPatient.birthDate\tdate\t"1950-03-04"
        -:3\tObservation.valueQuantity\tQuantity\t{"value":1.50,"unit":"CANARY-mg"}

        """)
  }

  @Test func systemValuesHaveNoLocation() throws {
    let r = try select(["--values", "name.given.count() | 1.50 | 'x' | @2020-01 | true"])
    #expect(r.status == 0)
    let lines = r.stdoutText.split(separator: "\n").prefix(5)
    #expect(
      lines == [
        "-:1\t(value)\tSystem.Integer\t3", "-:1\t(value)\tSystem.Decimal\t1.50",
        "-:1\t(value)\tSystem.String\t\"x\"", "-:1\t(value)\tSystem.Date\t\"2020-01\"",
        "-:1\t(value)\tSystem.Boolean\ttrue",
      ])
  }

  @Test(arguments: [false, true])
  func jsonHasOneObjectPerMatch(values: Bool) throws {
    let r = try select(
      ["--format", "json"] + (values ? ["--values"] : []) + ["name.family | code.text"])
    #expect(r.status == 0)
    let lines = r.stdoutText.split(separator: "\n")
    #expect(lines.count == 2)
    let objects = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects[0]["input"] as? String == "-")
    #expect(objects[0]["line"] as? Int == 1)
    #expect(objects[0]["location"] as? String == "Patient.name[0].family")
    #expect(objects[0]["type"] as? String == "string")
    #expect(objects[1]["line"] as? Int == 3)
    #expect(objects[1]["location"] as? String == "Observation.code.text")
    #expect((objects[0]["value"] as? String) == (values ? "CANARY-F\"1" : nil))
  }

  @Test func aBadExpressionIsAUsageErrorNamingTheColumn() throws {
    let r = try select(["name.where(", "-"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("column 12"))
    #expect(r.stdout.isEmpty)
  }

  @Test func aMissingInputIs66() throws {
    let r = try select(["name", "/nonexistent/in.ndjson"])
    #expect(r.status == 66)
  }

  @Test func invalidInputFailsWith65OrIsSkipped() throws {
    let input = #"{"resourceType":"Patient","id":"a","bogus":"CANARY-x"}"# + "\n" + Self.input
    let failed = try select(["id"], input: input)
    #expect(failed.status == 65)
    #expect(failed.stderr.contains("-:1:"))
    #expect(failed.stderr.contains("-:1:37: a member that FHIR R4 does not define"))
    #expect(!failed.stderr.contains("bogus"))  // #8: a key as written is never echoed
    #expect(failed.stdout.isEmpty)
    let skipped = try select(["--invalid-input", "skip", "id"], input: input)
    #expect(skipped.status == 0)
    #expect(skipped.stdoutText.split(separator: "\n").count == 2)
    #expect(skipped.stderr.contains("skipped -:1:"))
  }

  @Test func anEvaluationErrorStopsWithStatus1() throws {
    let r = try select(["name.family > 1"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("-:1: FHIRPath evaluation failed: column"))
  }

  @Test func inputsAreReadLikeTheMainCommand() throws {
    let dir = try TempDir.make()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(Self.input.utf8).write(to: URL(fileURLWithPath: dir + "/a.ndjson"))
    let r = try FhirDeidBinary.shell(
      "gzip -c a.ndjson > b.ndjson.gz && fhir-deid select -q id a.ndjson b.ndjson.gz && "
        + "fhir-deid select -q id . | cut -f1", in: dir)
    #expect(r.status == 0)
    #expect(
      r.stdoutText == """
        a.ndjson:1\tPatient.id\tid
        a.ndjson:3\tObservation.id\tid
        b.ndjson.gz:1\tPatient.id\tid
        b.ndjson.gz:3\tObservation.id\tid
        ./a.ndjson:1
        ./a.ndjson:3
        ./b.ndjson.gz:1
        ./b.ndjson.gz:3

        """)
  }

  @Test func outputIsIdenticalForEveryJobCount() throws {
    var lines: [String] = []
    for i in 0..<3000 {
      lines.append(
        #"{"resourceType":"Patient","id":"p\#(i)","name":[{"family":"F\#(i)","given":["A","B"]}]}"#)
    }
    let input = lines.joined(separator: "\n")
    let reference = try select(["-j", "1", "-q", "name.given"], input: input)
    #expect(reference.status == 0)
    #expect(reference.stdoutText.split(separator: "\n").count == 6000)
    for jobs in ["2", "4"] {
      let r = try select(["-j", jobs, "-q", "name.given"], input: input)
      // Bool(…): a failing `==` on large byte strings would make #expect diff them (minutes, #14).
      #expect(Bool(r.stdout == reference.stdout), "jobs \(jobs)")
    }
  }
}
