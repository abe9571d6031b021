import ByteJSON
import FHIRModel
import FHIRTree
import Testing

@testable import FHIRPath

/// Evaluation over resource trees: navigation, the anonymizer functions, value equality of
/// nodes, type tests, node values and engine edits.
@Suite("Evaluator: resource trees")
struct EvaluatorNodeTests {
  @Test(
    "navigation",
    arguments: [
      ("Patient.name.family", "Patient.name[0].family, Patient.name[1].family"),
      (
        "name.given", "Patient.name[0].given[0], Patient.name[0].given[1], Patient.name[1].given[0]"
      ),
      ("Patient.deceased", "Patient.deceasedBoolean"), ("Patient.deceasedBoolean", "{}"),
      ("Patient.multipleBirth", "Patient.multipleBirthInteger"), ("Resource.id", "Patient.id"),
      ("DomainResource.id", "Patient.id"), ("Observation.id", "{}"),
      ("Patient.Patient.id", "Patient.id"),
      ("Patient.name.HumanName.family", "Patient.name[0].family, Patient.name[1].family"),
      ("Patient.name.Resource", "Patient.name[0], Patient.name[1]"),
      ("Patient.contained.name.family", "Patient.contained[0].name[0].family"),
      ("contained.Practitioner.id", "Patient.contained[0].id"),
      ("contained.Patient.id", "{}"),
      ("Patient.birthDate.extension.value", "Patient.birthDate.extension[0].valueDateTime"),
      (
        "Patient.name.where(use = 'official').given",
        "Patient.name[0].given[0], Patient.name[0].given[1]"
      ),
      ("Patient.name[1].given", "Patient.name[1].given[0]"),
      ("Patient.name.family.first()", "Patient.name[0].family"),
      ("Patient.telecom.where(use = 'home').value", "Patient.telecom[0].value"),
      ("Patient.address.where(city = 'Springfield').postalCode", "Patient.address[0].postalCode"),
      ("Patient.children().count()", "18"), ("Patient.name.given.count()", "3"),
      (
        "Patient.name.children()",
        "Patient.name[0].use, Patient.name[0].family, Patient.name[0].given[0], Patient.name[0].given[1], Patient.name[1].use, Patient.name[1].family, Patient.name[1].given[0]"
      ),
      (
        "Patient.descendants().where($this is HumanName)",
        "Patient.contained[0].name[0], Patient.name[0], Patient.name[1], Patient.contact[0].name"
      ),
      (
        "Patient.repeat(children()).where($this is HumanName)",
        "Patient.name[0], Patient.name[1], Patient.contained[0].name[0], Patient.contact[0].name"
      ),
      (
        "Patient.name.repeat(given)",
        "Patient.name[0].given[0], Patient.name[0].given[1], Patient.name[1].given[0]"
      ),
      ("Patient.select(name.family)", "Patient.name[0].family, Patient.name[1].family"),
      ("Patient.name.select(given.first())", "Patient.name[0].given[0], Patient.name[1].given[0]"),
      ("Patient.telecom.select(system & ':' & value)", "'phone:555', 'email:a@b.c'"),
      (
        "Patient.name.given.union(name.family)",
        "Patient.name[0].given[0], Patient.name[0].given[1], Patient.name[1].given[0], Patient.name[0].family"
      ),
      ("Patient.where(active).id", "Patient.id"), ("Patient.where(deceased).id", "{}"),
      ("Patient.where(name.exists()).id", "Patient.id"), ("Device.where(id.exists()).id", "{}"),
      ("%resource.id", "Patient.id"), ("%context.gender", "Patient.gender"),
      ("Patient.generalPractitioner.reference.startsWith('#')", "true"),
      ("Patient.id", "Patient.id"), ("Patient.id = 'p1'", "true"),
      ("Patient.name.family[0]", "Patient.name[0].family"),
      ("Patient.nope", "{}"), ("'x'.family", "{}"), ("Patient.name.given.family", "{}"),
    ])
  func navigation(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.patient.run(expression) == expected, "\(expression)")
  }

  @Test(
    "nodesByType / nodesByName: focus included, nested resources neither entered nor returned",
    arguments: [
      ("nodesByType('HumanName')", "Patient.name[0], Patient.name[1], Patient.contact[0].name"),
      (
        "nodesByType('Address')",
        "Patient.address[0], Patient.address[1], Patient.contact[0].address"
      ),
      ("nodesByType('Patient')", "Patient"), ("nodesByType('Practitioner')", "{}"),
      ("nodesByType('humanName')", "{}"), ("nodesByType('Nope')", "{}"),
      ("nodesByType('date')", "Patient.birthDate"),
      (
        "nodesByType('dateTime')",
        "Patient.birthDate.extension[0].valueDateTime, Patient.address[0].period.start"
      ),
      ("nodesByType('instant')", "Patient.meta.lastUpdated"),
      (
        "nodesByType('Extension')",
        "Patient.extension[0], Patient.extension[1], Patient.birthDate.extension[0]"
      ),
      (
        "nodesByName('family')",
        "Patient.name[0].family, Patient.name[1].family, Patient.contact[0].name.family"
      ),
      ("nodesByName('contained')", "{}"), ("nodesByName('Patient')", "Patient"),
      (
        "nodesByName('value')",
        "Patient.extension[0].valueString, Patient.extension[1].valueCode, Patient.telecom[0].value, Patient.telecom[1].value, Patient.birthDate.extension[0].valueDateTime"
      ),
      ("nodesByName('valueString')", "{}"),
      ("contained.nodesByType('Address')", "Patient.contained[0].address[0]"),
      ("contained.nodesByType('Practitioner')", "Patient.contained[0]"),
      (
        "Patient.nodesByType('Address').where(city = 'Springfield')",
        "Patient.address[0], Patient.contact[0].address"
      ),
      (
        "nodesByType('Address').where(city = 'Springfield').city",
        "Patient.address[0].city, Patient.contact[0].address.city"
      ),
      ("nodesByType('Address').nodesByType('Period')", "Patient.address[0].period"),
      ("nodesByType('Address').country", "Patient.address[1].country"),
      ("Patient.name.nodesByType('HumanName')", "Patient.name[0], Patient.name[1]"),
      ("nodesByType('ContactPoint').where(use = 'home')", "Patient.telecom[0]"),
      (
        "nodesByType('date') | nodesByType('dateTime') | nodesByType('instant')",
        "Patient.birthDate, Patient.birthDate.extension[0].valueDateTime, Patient.address[0].period.start, Patient.meta.lastUpdated"
      ),
    ])
  func nodesBy(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.patient.run(expression) == expected, "\(expression)")
  }

  @Test(
    "union, distinct and membership compare nodes by value",
    arguments: [
      (
        "nodesByType('Address').city | nodesByType('Address').state",
        "Patient.address[0].city, Patient.address[1].city, Patient.address[0].state"
      ),
      (
        "nodesByType('Address').city.combine(nodesByType('Address').state)",
        "Patient.address[0].city, Patient.address[1].city, Patient.contact[0].address.city, Patient.address[0].state"
      ),
      ("Patient.name | Patient.name", "Patient.name[0], Patient.name[1]"),
      ("Patient.name.family.distinct()", "Patient.name[0].family"),
      ("Patient.name.family.isDistinct()", "false"),
      ("Patient.name.family | 'Doe'", "Patient.name[0].family"),
      ("'Doe' | Patient.name.family", "'Doe'"),
      ("Patient.address.city = 'Springfield'", "false"),
      ("Patient.address.first().city = 'Springfield'", "true"),
      ("Patient.name.given contains 'Q'", "true"), ("'John' in Patient.name.given", "true"),
      ("'Jo' in Patient.name.given", "false"),
      ("Patient.address[0].city = Patient.contact.address.city", "true"),
      ("Patient.address[0] = Patient.address[1]", "false"),
      ("Patient.address[0] = Patient.address[0]", "true"),
      ("Patient.contact.address = Patient.contained.address", "false"),
      ("Patient.name.family.intersect('Doe')", "Patient.name[0].family"),
      ("Patient.name.given.exclude('Q')", "Patient.name[0].given[0], Patient.name[1].given[0]"),
      ("Patient.name.family.subsetOf('Doe' | 'Roe')", "true"),
      ("Patient.name.family ~ ('doe' | 'DOE')", "true"),
    ])
  func unionByValue(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.patient.run(expression) == expected, "\(expression)")
  }

  @Test("complex nodes are equal when their children are (names and values, in order)")
  func complexEquality() {
    let r = EvalResource(
      #"""
      {"resourceType":"Patient","address":[{"city":"A","line":["1","2"]},{"city":"A","line":["1","2"]},
       {"city":"A","line":["2","1"]},{"city":"a","line":["1","2"]},{"line":["1","2"],"city":"A"}],
       "contact":[{"address":{"city":"A","line":["1","2"]}}]}
      """#)
    #expect(r.run("Patient.address[0] = Patient.address[1]") == "true")
    #expect(r.run("Patient.address[0] = Patient.address[2]") == "false")
    #expect(r.run("Patient.address[0] = Patient.address[3]") == "false")
    #expect(r.run("Patient.address[0] ~ Patient.address[3]") == "true")
    #expect(r.run("Patient.address[0] = Patient.address[4]") == "false")
    #expect(r.run("Patient.address[0] = Patient.contact.address") == "true")
    #expect(r.run("Patient.address.distinct().count()") == "4")
    #expect(r.run("(Patient.address | Patient.contact.address).count()") == "4")
    #expect(r.run("Patient.address[0] = 'A'") == "false")
  }

  @Test("two date nodes with equal values: only the first survives a union")
  func dateUnion() {
    let b = EvalFixtures.bundle
    #expect(
      b.run("Bundle.entry.resource.birthDate | Bundle.entry.resource.effective")
        == "Bundle.entry[0].resource.birthDate")
    #expect(
      b.run("Bundle.entry.resource.birthDate.combine(Bundle.entry.resource.effective)")
        == "Bundle.entry[0].resource.birthDate, Bundle.entry[1].resource.birthDate, "
        + "Bundle.entry[2].resource.effectiveDateTime")
  }

  @Test(
    "nested resources",
    arguments: [
      (
        "Bundle.entry.resource.id",
        "Bundle.entry[0].resource.id, Bundle.entry[1].resource.id, Bundle.entry[2].resource.id"
      ),
      (
        "Bundle.entry.resource.ofType(Patient).name.family",
        "Bundle.entry[0].resource.name[0].family, Bundle.entry[1].resource.name[0].family"
      ),
      (
        "Bundle.entry.resource.Patient.id",
        "Bundle.entry[0].resource.id, Bundle.entry[1].resource.id"
      ),
      (
        "Bundle.entry.resource.where($this is Observation).status",
        "Bundle.entry[2].resource.status"
      ),
      ("Bundle.entry.resource[1].id", "Bundle.entry[1].resource.id"),
      ("Bundle.nodesByType('date')", "{}"), ("Bundle.nodesByType('Patient')", "{}"),
      ("Bundle.nodesByName('resource')", "{}"),
      (
        "Bundle.descendants().ofType(date)",
        "Bundle.entry[0].resource.birthDate, Bundle.entry[1].resource.birthDate"
      ),
      (
        "Bundle.entry.resource.nodesByType('HumanName')",
        "Bundle.entry[0].resource.name[0], Bundle.entry[1].resource.name[0]"
      ),
    ])
  func nested(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.bundle.run(expression) == expected, "\(expression)")
  }

  @Test("focus and %resource on a nested resource")
  func nestedFocus() throws {
    let b = EvalFixtures.bundle
    let second = b.node("Bundle.entry[1].resource")
    #expect(
      b.render(try b.evaluate("Patient.name.family", focus: second))
        == "Bundle.entry[1].resource.name[0].family")
    #expect(
      b.render(try b.evaluate("nodesByType('Patient')", focus: second))
        == "Bundle.entry[1].resource")
    #expect(
      b.render(try b.evaluate("%resource.id", focus: second, resource: second))
        == "Bundle.entry[1].resource.id")
    #expect(
      b.render(try b.evaluate("%rootResource.type", focus: second, resource: second))
        == "Bundle.type")
    let name = b.node("Bundle.entry[1].resource.name[0]")
    #expect(
      b.render(try b.evaluate("family", focus: name, resource: second))
        == "Bundle.entry[1].resource.name[0].family")
    #expect(
      b.render(try b.evaluate("%resource.id", focus: name, resource: second))
        == "Bundle.entry[1].resource.id")
  }

  @Test(
    "choice elements, Quantity nodes and exact type tests",
    arguments: [
      ("Observation.value", "Observation.valueQuantity"), ("Observation.valueQuantity", "{}"),
      ("Observation.value.value", "Observation.valueQuantity.value"),
      ("Observation.value as Quantity", "Observation.valueQuantity"),
      ("(Observation.value as Quantity).value", "Observation.valueQuantity.value"),
      ("Observation.value.ofType(Quantity).unit", "Observation.valueQuantity.unit"),
      ("Observation.value is Quantity", "true"), ("Observation.value is FHIR.Quantity", "true"),
      ("Observation.value is Age", "false"),
      ("Observation.value.as(Quantity).code", "Observation.valueQuantity.code"),
      ("Observation.value > 5 'mg'", "true"), ("Observation.value = 5.5 'mg'", "true"),
      ("Observation.value = 5.5 'g'", "{}"), ("Observation.value.value > 5", "true"),
      ("Observation.value.value.toString()", "'5.50'"),
      ("Observation.value.value is decimal", "true"),
      ("Observation.value.value is Decimal", "false"),
      (
        "Observation.component.value",
        "Observation.component[0].valueInteger, Observation.component[1].valueString, Observation.component[2].valueTime, Observation.component[3].valueBoolean"
      ),
      ("Observation.component.value.ofType(integer)", "Observation.component[0].valueInteger"),
      ("Observation.component.value.ofType(Integer)", "{}"),
      ("Observation.component.value.ofType(string)", "Observation.component[1].valueString"),
      ("Observation.component[1].value = 'padded'", "true"),
      ("Observation.component[1].value.length()", "6"),
      ("Observation.component[2].value > @T10:00", "true"),
      ("Observation.component.where(value = 3).code.text", "Observation.component[0].code.text"),
      ("Observation.component.where(value).count()", "4"),
      ("Observation.component.where(value = true).code.text", "Observation.component[3].code.text"),
      ("Observation.component[3].value and true", "true"),
      ("Observation.effective > @2020-01-01T09:30:00Z", "false"),
      ("Observation.effective < @2020-01-01T09:30:00Z", "true"),
      ("Observation.issued = @2020-01-02T00:00:00.000Z", "true"),
      ("Observation.issued.toString()", "'2020-01-02T00:00:00.000Z'"),
      ("Observation.effective.toString()", "'2020-01-01T10:00:00+01:00'"),
      ("Observation.effective is dateTime", "true"), ("Observation.issued is dateTime", "false"),
      ("Observation.issued is instant", "true"), ("Observation.status is code", "true"),
      ("Observation.status is string", "false"), ("Observation.status is String", "false"),
    ])
  func choices(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.observation.run(expression) == expected, "\(expression)")
  }

  @Test(
    "as / is are exact: an Age is not a Quantity",
    arguments: [
      ("Condition.onset as Age", "Condition.onsetAge"), ("Condition.onset as Quantity", "{}"),
      ("Condition.onset is Age", "true"), ("Condition.onset is Quantity", "false"),
      ("Condition.onset | Condition.abatement as Age", "Condition.onsetAge"),
      ("(Condition.onset | Condition.abatement) as Age", "Condition.onsetAge"),
      ("(Condition.onset | Condition.abatement) as string", "Condition.abatementString"),
      ("Condition.abatement.ofType(string)", "Condition.abatementString"),
      ("Condition.onset.value > 30", "true"), ("Condition.recordedDate = @2020-02-03", "true"),
      ("Condition.recordedDate is dateTime", "true"),
      ("Condition.children().ofType(Reference)", "Condition.subject"),
    ])
  func exactTypes(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.condition.run(expression) == expected, "\(expression)")
  }

  @Test(
    "node values by FHIR type",
    arguments: [
      (#"{"resourceType":"Patient","active":true}"#, "Patient.active", "Boolean true"),
      (#"{"resourceType":"Patient","active":"false"}"#, "Patient.active", "Boolean false"),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":-7}"#, "Patient.multipleBirthInteger",
        "Integer -7"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":"12"}"#, "Patient.multipleBirthInteger",
        "Integer 12"
      ),
      (#"{"resourceType":"Patient","photo":[{"size":24}]}"#, "Patient.photo[0].size", "Integer 24"),
      (#"{"resourceType":"Coverage","order":3}"#, "Coverage.order", "Integer 3"),
      (
        #"{"resourceType":"Observation","valueQuantity":{"value":1.50}}"#,
        "Observation.valueQuantity.value", "Decimal 1.50"
      ),
      (
        #"{"resourceType":"Observation","valueQuantity":{"value":8E+1}}"#,
        "Observation.valueQuantity.value", "Decimal 80"
      ),
      (
        #"{"resourceType":"Observation","valueQuantity":{"value":"2.50"}}"#,
        "Observation.valueQuantity.value", "Decimal 2.50"
      ),
      (#"{"resourceType":"Patient","birthDate":"1990-05"}"#, "Patient.birthDate", "Date 1990-05"),
      (
        #"{"resourceType":"Patient","deceasedDateTime":"2001-01-01Z"}"#, "Patient.deceasedDateTime",
        "DateTime 2001-01-01Z"
      ),
      (
        #"{"resourceType":"Observation","issued":"2020-01-02T03:04:05.678+02:00"}"#,
        "Observation.issued", "DateTime 2020-01-02T03:04:05.678+02:00"
      ),
      (
        #"{"resourceType":"Observation","valueTime":"10:30:15"}"#, "Observation.valueTime",
        "Time 10:30:15"
      ),
      (#"{"resourceType":"Patient","gender":"  male "}"#, "Patient.gender", "String male"),
      (#"{"resourceType":"Patient","id":"a\"b\\c\u00e9"}"#, "Patient.id", "String a\"b\\cé"),
      (#"{"resourceType":"Patient","id":123}"#, "Patient.id", "String 123"),
      (#"{"resourceType":"Patient","_birthDate":{"id":"x"}}"#, "Patient.birthDate", "none"),
      (#"{"resourceType":"Patient","name":[{"family":"F"}]}"#, "Patient.name[0]", "none"),
    ])
  func nodeValues(_ json: String, _ path: String, _ expected: String) throws {
    let r = EvalResource(json)
    let value = try r.value(r.node(path))
    #expect(value.map { "\($0.typeName) \($0)" } ?? "none" == expected)
  }

  @Test(
    "#8: text that does not parse as the element's type fails the build, naming the element",
    arguments: [
      (
        #"{"resourceType":"Patient","birthDate":"1990-13"}"#, "Patient.birthDate > @2000", 19,
        "Patient.birthDate"
      ),
      (
        #"{"resourceType":"Patient","birthDate":"19900101"}"#, "Patient.birthDate.toString()", 19,
        "Patient.birthDate"
      ),
      (
        #"{"resourceType":"Observation","issued":"yesterday"}"#, "Observation.issued = @2000", 20,
        "Observation.issued"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":1.5}"#, "multipleBirth + 1", 15,
        "Patient.multipleBirthInteger"
      ),
      (
        #"{"resourceType":"Patient","multipleBirthInteger":"9999999999"}"#, "multipleBirth + 1", 15,
        "Patient.multipleBirthInteger"
      ),
      (#"{"resourceType":"Patient","active":"yes"}"#, "active.not()", 8, "Patient.active"),
      (
        #"{"resourceType":"Observation","valueQuantity":{"value":"1."}}"#, "value.value * 2", 13,
        "Observation.valueQuantity.value"
      ),
      (
        #"{"resourceType":"Observation","valueTime":"25:00"}"#, "value < @T10:00", 7,
        "Observation.valueTime"
      ),
      (
        #"{"resourceType":"Patient","birthDate":"19\u0039x"}"#, "birthDate = @1990", 11,
        "Patient.birthDate"
      ),
    ])
  func invalidValues(_ json: String, _ expression: String, _ column: Int, _ path: String) {
    // #8: such values no longer reach an expression: the tree refuses them, naming the element
    // (the evaluator's own check stays as a second line of defence).
    let bytes = Array(json.utf8)
    var tape = Tape()
    var tree = ResourceTree()
    bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { Issue.record("bad test JSON") }
      #expect(ResourceTree.validity(tape, bytes: raw) == .invalid, "\(json)")
      do throws(ResourceTree.Failure) {
        try tree.build(tape, bytes: raw)
        Issue.record("built \(json)")
      } catch {
        #expect(error.kind == .invalidValue, "\(json)")
        #expect(tree.path(of: error, tape: tape, bytes: raw) == path)
      }
    }
  }

  @Test("engine edits are visible: removed values are gone, nodes stay; replaced is a String")
  func edits() throws {
    var r = EvalResource(
      #"{"resourceType":"Patient","birthDate":"1990-01-01","address":[{"city":"Springfield","state":"IL"}],"multipleBirthInteger":3}"#
    )
    let city = r.node("Patient.address[0].city")
    let birthDate = r.node("Patient.birthDate")
    let multiple = r.node("Patient.multipleBirthInteger")
    #expect(
      r.run("Patient.address.where(city = 'Springfield').state") == "Patient.address[0].state")
    r.setEdit(.removed, of: city)
    #expect(try r.value(city) == nil)
    #expect(r.run("Patient.address.where(city.exists()).state") == "Patient.address[0].state")
    #expect(r.run("Patient.address.where(city = 'Springfield')") == "{}")
    #expect(r.run("Patient.address.city = 'Springfield'") == "false")
    #expect(r.run("Patient.address.city.hasValue()") == "false")
    #expect(r.run("Patient.address.city.length()") == "{}")
    #expect(r.run("Patient.address.city.exists()") == "true")
    #expect(r.run("Patient.address.city & 'x'") == "'x'")
    r.setEdit(.replaced(text: Array("REDACTED".utf8), json: .string), of: city)
    #expect(try r.value(city) == .string(Array("REDACTED".utf8)))
    #expect(r.run("Patient.address.city = 'REDACTED'") == "true")
    #expect(r.run("Patient.address.city.hasValue()") == "true")
    r.setEdit(.replaced(text: Array("1990".utf8), json: .string), of: birthDate)
    #expect(r.run("Patient.birthDate") == "Patient.birthDate")
    #expect(r.run("Patient.birthDate is date") == "true")
    #expect(r.run("Patient.birthDate.toString()") == "'1990'")
    #expect(r.run("Patient.birthDate = '1990'") == "true")
    #expect(r.run("Patient.birthDate > @1980") == "error: incomparableTypes")
    r.setEdit(.replaced(text: Array("20".utf8), json: .literal), of: multiple)
    #expect(r.run("Patient.multipleBirth = '20'") == "true")
    r.setEdit(.removed, of: multiple)
    #expect(r.run("Patient.multipleBirth + 1") == "{}")
    #expect(r.run("Patient.multipleBirth > 1") == "{}")
  }

  @Test(
    "Firely extension(url)",
    arguments: [
      ("Patient.extension('http://example.org/b').value", "Patient.extension[1].valueCode"),
      (
        "Patient.birthDate.extension('http://example.org/t').value",
        "Patient.birthDate.extension[0].valueDateTime"
      ),
      ("Patient.extension('http://nope')", "{}"), ("Patient.extension({})", "{}"),
      ("Patient.extension(%`ext-x`)", "{}"),
      ("Patient.hasValue()", "false"), ("Patient.gender.hasValue()", "true"),
      ("Patient.name.family.hasValue()", "false"), ("Patient.birthDate.hasValue()", "true"),
    ])
  func extensions(_ expression: String, _ expected: String) {
    #expect(EvalFixtures.patient.run(expression) == expected, "\(expression)")
  }

  @Test(
    "run-time errors carry a code and the column of the failing node",
    arguments: [
      ("1 < 'a'", FHIRPathEvaluationError.Code.incomparableTypes, 3),
      ("'a' < 1 and true", .incomparableTypes, 5), ("true < false", .incomparableTypes, 6),
      ("Patient.name.family.upper()", .singletonExpected, 21),
      ("(1 | 2) > 1", .singletonExpected, 9),
      ("(1 | 2).single()", .singletonExpected, 9), ("1 + 'a'", .invalidOperandTypes, 3),
      ("'abc'.skip('a')", .invalidArgument, 7), ("'abc'.substring('a')", .invalidArgument, 7),
      ("5.startsWith('1')", .invalidOperandTypes, 3),
      ("(1 | 2).substring(1)", .singletonExpected, 9),
      ("1.repeat($this + 1)", .tooManyItems, 3), ("'a'.matches('(' + '')", .invalidRegex, 5),
      ("Patient.meta > 1", .incomparableTypes, 14), ("Patient.meta + 1", .invalidOperandTypes, 14),
      ("Patient.meta & 'x'", .invalidOperandTypes, 14),
      ("(1 | 2) is Integer", .singletonExpected, 9),
      ("(1 | 2)[1 | 2]", .singletonExpected, 8), ("(1 | 2)['a']", .invalidArgument, 8),
      ("-'a'", .invalidOperandTypes, 1), ("Patient.name.upper()", .singletonExpected, 14),
      ("Patient.upper()", .invalidOperandTypes, 9), ("1.log('a')", .invalidOperandTypes, 3),
      ("2147483647 * 2147483647 * 4", .overflow, 25),
      ("@2015-01-01 > @2015-1-1", .invalidOperandTypes, 20),
    ])
  func errors(_ expression: String, _ code: FHIRPathEvaluationError.Code, _ column: Int) {
    let error = EvalFixtures.patient.error(expression)
    #expect(error?.code == code, "\(expression)")
    #expect(error?.column == column, "\(expression)")
  }

  @Test("error descriptions never carry values")
  func errorText() {
    let error = EvalFixtures.patient.error("Patient.name.family > 'Doe'")
    #expect(
      error?.description == "column 21: a single item is required, the collection has several")
  }

  @Test("the scratch space is reused across evaluations and resources")
  func reuse() throws {
    let evaluator = FHIRPathEvaluator(today: (2024, 1, 15))
    let p = EvalFixtures.patient
    let o = EvalFixtures.observation
    for _ in 0..<3 {
      #expect(
        p.render(try p.evaluate("nodesByType('HumanName').family", evaluator: evaluator))
          == "Patient.name[0].family, Patient.name[1].family, Patient.contact[0].name.family")
      #expect(throws: FHIRPathEvaluationError.self) {
        try p.evaluate("1 < 'a'", evaluator: evaluator)
      }
      #expect(
        o.render(try o.evaluate("Observation.value.value", evaluator: evaluator))
          == "Observation.valueQuantity.value")
      #expect(p.render(try p.evaluate("'a'.matches('a' + '')", evaluator: evaluator)) == "true")
    }
  }
}
