import ByteJSON
import DeidTestSupport
import FHIRModel
import FHIRTree
import Foundation
import Testing

@testable import FHIRPath

/// Our evaluator against fhirpathpy (PyPI), on the entry resources of a few Synthea bundles.
///
/// The cases are every rule path of the shared safe-harbor configuration (split as rules are:
/// the resource-type prefix selects the resources and the rest is evaluated with the resource as
/// focus), every FHIRPath of spec §7.2, and our own list of functions, operators and literals.
/// Each result is compared as a multiset of JSON values (complex nodes as their JSON object,
/// numbers as decimals, dates and times as their text); an evaluation error on both sides counts
/// as agreement. A mismatch fails with the expression and the resource id, never a value.
///
/// fhirpathpy follows fhirpath.js; we follow Firely 5 as the anonymizer spec pins it. The
/// legitimate differences are handled here and in `Tests/Differential/fhirpathpy_eval.py`, each
/// with the expressions it affects:
///
/// - A1 (script) `nodesByType` / `nodesByName` are not fhirpathpy functions: the script
///   registers them (spec §7.1) over fhirpathpy's own R4 model, so node types are checked against
///   an independent type table. Affects every `nodesBy…` expression.
/// - A2 (script) `is` / `as` / `ofType` match the exact type name, no inheritance (spec §7.3):
///   fhirpathpy's subtype walk is replaced by name equality. Affects `… as Age`,
///   `ofType(Quantity)`.
/// - A3 (script) `x as T` filters a whole collection (spec §7.3; fhirpathpy raises for more than
///   one item). Affects `FamilyMemberHistory.condition.onset as Age`, `abatement as Age`.
/// - D1 (excluded) Choice elements by their typed name (`valueQuantity`): Firely finds children
///   by base name only, so these are empty for us; fhirpathpy navigates JSON keys. No case uses
///   typed names.
/// - D2 (excluded) `Resource.x` / `DomainResource.x` inside an expression: Firely returns the
///   focus for these type names; fhirpathpy compares them with `resourceType`. Rule paths are
///   split first (`Resource.id` → `id`), so only our own cases could hit this; none does.
/// - D3 (excluded) `.NET` regular expressions (`(?<name>…)`, `${name}`): fhirpathpy uses
///   Python's `re`. The regex cases use the common syntax only.
/// - D4 (excluded) `extension(url)`: fhirpathpy returns only the first matching extension.
/// - D5 (excluded) `now()`, `today()`, `timeOfDay()`: clocks differ.
/// - D6–D16: differences this test found, each marked at its case, where fhirpathpy is given an
///   expression with the meaning Firely gives ours (`python:` and ``DifferentialTests/adjusted``):
///   D6 `as` binds tighter than `|`; D7 decimals do not convert to integers; D8 `mod` truncates;
///   D9 decimal division has 28 digits; D10 `toString()` of Booleans and `Z` dateTimes; D11
///   quantity ordering; D12 `round()` without precision; D13 string equivalence; D14 a
///   criterion with several items is true; D15 impossible dates do not convert; D16 a singleton
///   function on several items is an error. None of them is a fault of our evaluator.
///
/// `FHIR_DEID_DIFF_SHOW=1` prints the first differing result of each expression to standard
/// output (values of the synthetic corpus) for debugging; the failure messages never do.
@Suite(.enabled(if: Shared.isAvailable && Python.hasFhirpathpy))
struct DifferentialTests {
  /// One expression and the resources it runs on.
  struct Case: CustomStringConvertible {
    /// What we evaluate.
    var expression: String
    /// Only resources of this type (a rule's prefix); nil for all.
    var resourceType: String?
    /// What fhirpathpy evaluates, when it needs other spelling for the same meaning.
    var python: String?

    init(_ expression: String, on resourceType: String? = nil, python: String? = nil) {
      self.expression = expression
      self.resourceType = resourceType
      self.python = python
    }

    var description: String {
      resourceType.map { "\($0): \(expression)" } ?? expression
    }
  }

  /// The bundles used: about 1,200 resources of most Synthea resource types.
  static let bundleNames = [
    "hospitalInformation1583281853074.json", "practitionerInformation1583281853074.json",
    "Carolee951_Sanford861_d88f994a-5efa-421d-9c40-5f116d2114a6.json",
    "Luisa710_Carranza218_2feb4fc9-0b59-4d72-bc87-aafcf11083d9.json",
    "Lynwood354_Powlowski563_edca2a50-d3e4-4663-a104-6c226d5a8fcd.json",
    "Paris331_Lindgren255_ef2185a2-4460-49bb-9604-a36ed52c2ef4.json",
  ]

  static let scriptPath = Shared.packageRoot + "/Tests/Differential/fhirpathpy_eval.py"

  // MARK: The cases

  /// A rule path split as `Rule.split` does (spec §3.2): a leading upper-case run of letters is
  /// the resource type (`Resource` and `DomainResource` mean every type), the rest after one
  /// dot the expression; a path that is only a type is evaluated whole.
  static func ruleCase(_ path: String) -> Case {
    let scalars = Array(path.unicodeScalars)
    var i = 0
    if let first = scalars.first, ("A"..."Z").contains(first) {
      i = 1
      while i < scalars.count, isLetter(scalars[i]) { i += 1 }
    }
    let type = String(String.UnicodeScalarView(scalars[0..<i]))
    var rest = i
    if rest < scalars.count, scalars[rest] == "." { rest += 1 }
    var expression = String(String.UnicodeScalarView(scalars[rest...]))
    if expression.isEmpty { expression = path }
    let scope = type.isEmpty || type == "Resource" || type == "DomainResource" ? nil : type
    return Case(expression, on: scope)
  }

  static func isLetter(_ s: Unicode.Scalar) -> Bool {
    ("A"..."Z").contains(s) || ("a"..."z").contains(s)
  }

  /// Every rule path of the shared safe-harbor configuration.
  static func configurationCases() throws -> [Case] {
    try EvaluatorSyntheaTests.configurationPaths().map(ruleCase)
  }

  /// Every FHIRPath of spec §7.2 (rule paths, split as rules are).
  static let specPaths = [
    "Patient.nodesByType('Address').where(city='KeepTest')",
    "Device.where(id.exists()).id",
    "FamilyMemberHistory.condition.onset as Age",
    "Condition.onset | Condition.abatement as Age",
    "(nodesByType('Observation').value as Quantity).value",
    "nodesByType('Observation').ofType(Quantity).value",
    "nodesByType('ContactPoint').where(use='home')",
    "nodesByType('date') | nodesByType('dateTime') | nodesByType('instant')",
    "nodesByType('Address').country | nodesByType('Address').state",
    "nodesByType('Address').where(city='patienttestcity1').city",
  ]

  /// Spec §7.2's generalize features (literals, operators, string functions) as expressions on
  /// real values.
  static let generalizeCases: [Case] = [
    Case("birthDate.where($this >= @1960 and $this < @1970)", on: "Patient"),
    Case("birthDate.select(iif($this < @1990-01-01, 'before', 'after'))", on: "Patient"),
    Case("birthDate > @1990-01-01T00:00:00Z", on: "Patient"),
    Case("birthDate < @2000-01-01T00:00:00+08:00", on: "Patient"),
    Case("birthDate <= @2020-01-01T00:00:00", on: "Patient"),
    Case("birthDate ~ @1990-01-01", on: "Patient"),
    Case("birthDate.toString().startsWith('19')", on: "Patient"),
    Case("birthDate.toString().endsWith('1')", on: "Patient"),
    Case("birthDate.toString().substring(0, 4)", on: "Patient"),
    Case("birthDate.toString().replaceMatches('\\\\d{2}$', '01')", on: "Patient"),
    Case("birthDate.toString().replaceMatches('\\\\b(\\\\d)', 'x$1')", on: "Patient"),
    Case("address.postalCode.toInteger() div 100", on: "Patient"),
    Case("address.postalCode.toInteger() mod 7", on: "Patient"),
    Case("address.postalCode.toInteger() / 4", on: "Patient"),
    Case("address.postalCode.toInteger() * 2 - 20 + 5.5", on: "Patient"),
    Case("address.postalCode.toInteger() in (1 | 2 | 3)", on: "Patient"),
    Case("address.postalCode.toInteger() > -20", on: "Patient"),
    Case("address.city + ' ' + address.state", on: "Patient"),
    Case("(address.city | address.state) contains 'Massachusetts'", on: "Patient"),
    Case("gender = 'male' or gender = 'female'", on: "Patient"),
    Case("gender = 'male' and birthDate < @1970", on: "Patient"),
    Case("effective.ofType(dateTime) >= @2015-01-01T00:00", on: "Observation"),
    Case("issued > @2015-01-01T00:00:00Z", on: "Observation"),
    Case("issued < @2018-06-01T12:00:00.000+02:00", on: "Observation"),
  ]

  /// Our own cases: navigation, functions, operators and literals on Synthea data.
  static let ownCases: [Case] = [
    // Navigation, indexers, subsetting.
    Case("Patient.name.family", on: "Patient"),
    Case("name.given", on: "Patient"),
    Case("name[0].given[0]", on: "Patient"),
    Case("name.first().given.first()", on: "Patient"),
    Case("name.last().family", on: "Patient"),
    Case("name.tail()", on: "Patient"),
    Case("name.given.skip(1)", on: "Patient"),
    Case("name.given.take(1)", on: "Patient"),
    Case("name.single()", on: "Patient"),
    Case("name.where(use = 'official').family", on: "Patient"),
    Case("name.where(use = 'maiden').exists()", on: "Patient"),
    Case("name.exists(use = 'maiden')", on: "Patient"),
    Case("name.all(family.exists())", on: "Patient"),
    Case("name.select(given.first() + ' ' + family)", on: "Patient"),
    Case("name.prefix | name.suffix", on: "Patient"),
    Case("telecom.where(system = 'phone').value", on: "Patient"),
    Case("telecom.value.length()", on: "Patient"),
    Case("address.line", on: "Patient"),
    Case("address.extension.extension.value", on: "Patient"),
    Case("address.extension.extension.url", on: "Patient"),
    Case("address.extension.extension.value > 0", on: "Patient"),
    Case("address.extension.extension.value.abs()", on: "Patient"),
    Case("address.extension.extension.value.round(3)", on: "Patient"),
    Case("address.extension.extension.value.floor()", on: "Patient"),
    Case("address.extension.extension.value.ceiling()", on: "Patient"),
    Case("address.extension.extension.value.truncate()", on: "Patient"),
    Case("address.extension.extension.value * 2", on: "Patient"),
    Case("address.extension.extension.value.select(toString())", on: "Patient"),
    // D16: N1: toString() of several items is an error (fhirpathpy: empty).
    Case(
      "address.extension.extension.value.toString()", on: "Patient",
      python: "(1 | 2).single()"),
    Case("extension.url", on: "Patient"),
    Case("extension.value", on: "Patient"),
    Case("extension.value.ofType(Address).city", on: "Patient"),
    Case("extension.value.ofType(string)", on: "Patient"),
    Case("extension.value.ofType(decimal)", on: "Patient"),
    Case("extension.value.ofType(Coding)", on: "Patient"),
    Case("extension.where(url.endsWith('birthPlace')).value.state", on: "Patient"),
    Case("extension.extension.where(url = 'text').value", on: "Patient"),
    Case("identifier.where(type.coding.code = 'SS').value", on: "Patient"),
    Case("identifier.system.distinct()", on: "Patient"),
    Case("identifier.type.text", on: "Patient"),
    Case("identifier.value.startsWith('9')", on: "Patient"),
    Case("identifier.value.contains('-')", on: "Patient"),
    Case("identifier.value.indexOf('-')", on: "Patient"),
    Case("identifier.value.replace('-', '')", on: "Patient"),
    Case("identifier.value.matches('^[0-9-]+$')", on: "Patient"),
    Case("identifier.value.replaceMatches('[0-9]', '#')", on: "Patient"),
    Case("maritalStatus.coding.code", on: "Patient"),
    Case("maritalStatus.text.lower()", on: "Patient"),
    Case("maritalStatus.text.upper()", on: "Patient"),
    Case("communication.language.coding.display", on: "Patient"),
    Case("multipleBirth", on: "Patient"),
    Case("multipleBirth.not()", on: "Patient"),
    Case("multipleBirth is boolean", on: "Patient"),
    Case("multipleBirth is integer", on: "Patient"),
    Case("deceased.exists()", on: "Patient"),
    Case("gender in ('male' | 'female')", on: "Patient"),
    Case("gender ~ 'FEMALE'", on: "Patient"),
    Case("gender != 'other'", on: "Patient"),
    Case("gender !~ 'MALE'", on: "Patient"),
    Case("birthDate", on: "Patient"),
    Case("birthDate.toString().length()", on: "Patient"),
    Case("name.family.distinct()", on: "Patient"),
    Case("name.given.isDistinct()", on: "Patient"),
    Case("(name.family | name.given).count()", on: "Patient"),
    Case("name.family.combine(name.given).count()", on: "Patient"),
    Case("name.family.union(name.given)", on: "Patient"),
    Case("name.given.intersect(name.given)", on: "Patient"),
    Case("name.given.exclude('x')", on: "Patient"),
    Case("name.given.subsetOf(name.given | name.family)", on: "Patient"),
    Case("name.family.supersetOf(name.family.first())", on: "Patient"),
    Case("name.first().family & ', ' & name.first().given.first()", on: "Patient"),
    Case("name.family.first().substring(2)", on: "Patient"),
    Case("name.family.first().substring(1, 3)", on: "Patient"),
    Case("name.family.first().toChars().count()", on: "Patient"),
    Case("name.given.join(',')", on: "Patient"),
    Case("name.family.first().split('a').count()", on: "Patient"),
    Case("name.family.first().trim()", on: "Patient"),
    Case("iif(gender = 'male', 'M', 'F')", on: "Patient"),
    Case("children().count()", on: "Patient"),
    Case("descendants().count()", on: "Patient"),
    Case("repeat(extension).url", on: "Patient"),
    // Observations: choice values, quantities, arithmetic, dates.
    Case("Observation.value", on: "Observation"),
    Case("value.ofType(Quantity).value", on: "Observation"),
    Case("value.ofType(Quantity).unit", on: "Observation"),
    Case("(value as Quantity).value > 100", on: "Observation"),
    Case("value.ofType(CodeableConcept).coding.code", on: "Observation"),
    Case("value is Quantity", on: "Observation"),
    Case("component.value.ofType(Quantity).value", on: "Observation"),
    Case(
      "component.where(code.coding.code = '8480-6').value.ofType(Quantity).value", on: "Observation"
    ),
    Case("component.code.coding.code", on: "Observation"),
    Case("code.coding.where(system = 'http://loinc.org').code", on: "Observation"),
    Case("category.coding.code", on: "Observation"),
    Case("status = 'final'", on: "Observation"),
    Case("effective", on: "Observation"),
    Case("effective > @2010-01-01", on: "Observation"),
    Case("issued", on: "Observation"),
    Case("subject.reference.startsWith('urn:uuid:')", on: "Observation"),
    Case("encounter.reference.substring(9)", on: "Observation"),
    Case("value.ofType(Quantity).value.round(1)", on: "Observation"),
    Case("value.ofType(Quantity).value / 2", on: "Observation"),
    Case("value.ofType(Quantity).value div 2", on: "Observation"),
    Case("value.ofType(Quantity).value mod 7", on: "Observation"),
    Case("value.ofType(Quantity).value - 1", on: "Observation"),
    Case("value.ofType(Quantity).value + 1.5", on: "Observation"),
    Case("value.ofType(Quantity).value.toString()", on: "Observation"),
    // D7: N1 and Firely do not convert decimals to integers (fhirpathpy truncates).
    Case("value.ofType(Quantity).value.toInteger()", on: "Observation", python: "{}"),
    Case(
      "value.ofType(Quantity).value.convertsToInteger()", on: "Observation",
      python: "value.ofType(Quantity).value.select(false)"),
    Case("value.ofType(Quantity).value >= 37.5", on: "Observation"),
    Case("value.ofType(Quantity).value = 0", on: "Observation"),
    // Other resource types.
    Case("class.code", on: "Encounter"),
    Case("period.start", on: "Encounter"),
    Case("period.end >= period.start", on: "Encounter"),
    Case("period.start.toString().substring(0, 10)", on: "Encounter"),
    Case("type.coding.display", on: "Encounter"),
    Case("participant.individual.display", on: "Encounter"),
    Case("reasonCode.coding.code", on: "Encounter"),
    Case("total.value", on: "Claim"),
    Case("item.sequence", on: "Claim"),
    Case("item.sequence.last()", on: "Claim"),
    Case("item.count() > 1", on: "Claim"),
    Case("billablePeriod.start < billablePeriod.end", on: "Claim"),
    Case("item.adjudication.amount.value", on: "ExplanationOfBenefit"),
    Case("total.amount.value", on: "ExplanationOfBenefit"),
    Case("payment.amount.value", on: "ExplanationOfBenefit"),
    Case("contained.id", on: "ExplanationOfBenefit"),
    Case("contained.ofType(Coverage).status", on: "ExplanationOfBenefit"),
    Case("contained.nodesByType('Reference').reference", on: "ExplanationOfBenefit"),
    Case("onset", on: "Condition"),
    Case("abatement", on: "Condition"),
    Case("onset.ofType(dateTime)", on: "Condition"),
    Case("abatement.exists() implies abatement > onset", on: "Condition"),
    Case("code.text", on: "Condition"),
    Case("clinicalStatus.coding.code", on: "Condition"),
    Case("result.reference", on: "DiagnosticReport"),
    Case("presentedForm.contentType", on: "DiagnosticReport"),
    Case("presentedForm.data.length()", on: "DiagnosticReport"),
    Case("content.attachment.contentType", on: "DocumentReference"),
    Case("context.period.start", on: "DocumentReference"),
    Case("medication.ofType(CodeableConcept).coding.code", on: "MedicationRequest"),
    Case("dosageInstruction.timing.repeat.frequency", on: "MedicationRequest"),
    Case("dosageInstruction.doseAndRate.dose", on: "MedicationRequest"),
    Case("authoredOn", on: "MedicationRequest"),
    Case("occurrence", on: "Immunization"),
    Case("vaccineCode.coding.display", on: "Immunization"),
    Case("primarySource and true", on: "Immunization"),
    Case("primarySource xor true", on: "Immunization"),
    Case("performed", on: "Procedure"),
    Case("performed.ofType(Period).start", on: "Procedure"),
    Case("activity.detail.code.text", on: "CarePlan"),
    Case("participant.role.coding.display", on: "CareTeam"),
    Case("position.latitude", on: "Location"),
    Case("position.latitude > 40", on: "Location"),
    Case("name", on: "Organization"),
    Case("telecom.value", on: "Organization"),
    Case("name.prefix", on: "Practitioner"),
    Case("target.reference", on: "Provenance"),
    Case("recorded", on: "Provenance"),
    // A bundle with nested resources.
    Case("entry.fullUrl", on: "Bundle"),
    Case("entry.request.url", on: "Bundle"),
    Case("entry.resource.id", on: "Bundle"),
    Case("entry.resource.ofType(Organization).name", on: "Bundle"),
    Case("entry.resource.where($this is Location).address.city", on: "Bundle"),
    Case("entry.resource.nodesByType('Address').city", on: "Bundle"),
    Case("entry.select(resource.id)", on: "Bundle"),
    Case("entry.resource.first().children().count()", on: "Bundle"),
    // Any resource.
    Case("id"),
    Case("id.length()"),
    Case("id.substring(0, 8)"),
    Case("id.upper()"),
    Case("id.matches('^[0-9a-f-]+$')"),
    Case("id.indexOf('-')"),
    Case("id.contains('a')"),
    Case("id.toChars().first()"),
    Case("meta.profile"),
    Case("text.status"),
    Case("nodesByType('Reference').reference"),
    Case("nodesByName('reference')"),
    Case("nodesByName('value')"),
    Case("nodesByName('text').count()"),
    Case("nodesByName('display')"),
    Case("nodesByName('start') | nodesByName('end')"),
    Case("nodesByType('Coding').where(system = 'http://snomed.info/sct').code"),
    Case("nodesByType('Period').start"),
    Case("nodesByType('Quantity').value"),
    Case("nodesByType('Money')"),
    Case("nodesByType('decimal')"),
    Case("nodesByType('boolean')"),
    Case("nodesByType('positiveInt')"),
    Case("nodesByType('code').count()"),
    Case("nodesByType('uri').count()"),
    Case("nodesByType('string').count()"),
    Case("nodesByType('id')"),
    Case("nodesByType('Identifier').system"),
    Case("nodesByType('Extension').url"),
    Case("nodesByType('Meta')"),
    Case("nodesByType('BackboneElement').count()"),
    Case("nodesByType('dateTime').where($this > @2015-01-01T00:00:00Z)"),
    Case("nodesByType('dateTime').where($this < @2000)"),
    Case("(nodesByType('date') | nodesByType('dateTime')).count()"),
    Case("nodesByType('Annotation').text"),
    Case("nodesByType('Attachment').contentType"),
    Case("nodesByType('base64Binary').length()"),
    Case("nodesByType('CodeableConcept').coding.count()"),
    Case("descendants().count()"),
    Case("children().count()"),
    // Equality, equivalence and ordering of nodes; unions and distinct by value.
    Case("name = name", on: "Patient"),
    Case("name[0] = name[1]", on: "Patient"),
    Case("name[0] ~ name[0]", on: "Patient"),
    Case("telecom.first() = telecom.last()", on: "Patient"),
    Case("(name | name).count()", on: "Patient"),
    Case("(name.given | name.given).count()", on: "Patient"),
    Case("name.given.distinct().count()", on: "Patient"),
    Case("identifier.type.coding | identifier.type.coding", on: "Patient"),
    Case("address.line.first() < 'M'", on: "Patient"),
    Case("name.family.first() > name.given.first()", on: "Patient"),
    Case("name.given.first().lower() = name.given.first().lower()", on: "Patient"),
    Case("name.where(given.count() > 1)", on: "Patient"),
    Case("name.given.where($this.length() > 5).count()", on: "Patient"),
    Case("telecom.where(use = 'home' and system = 'phone')", on: "Patient"),
    Case("identifier.where(system.contains('hl7')).type.coding.code", on: "Patient"),
    Case("birthDate = birthDate", on: "Patient"),
    Case("birthDate != @2000-01-01", on: "Patient"),
    Case("birthDate.toString() = birthDate.toString()", on: "Patient"),
    Case("effective.ofType(dateTime) = issued", on: "Observation"),
    Case("effective.ofType(dateTime) < issued", on: "Observation"),
    Case("effective.ofType(dateTime) ~ issued", on: "Observation"),
    Case("effective.ofType(dateTime) <= @2010-01-01T00:00:00-05:00", on: "Observation"),
    Case("period.start < @2010-01-01T00:00:00-05:00", on: "Encounter"),
    Case("period.start.toString() < period.end.toString()", on: "Encounter"),
    Case("code.coding.system | code.coding.code", on: "Observation"),
    Case(
      "item.adjudication.where(category.coding.code = 'submitted').amount.value",
      on: "ExplanationOfBenefit"),
    Case("item.productOrService.coding.code", on: "Claim"),
    // Types of nodes, exact names.
    Case("descendants().ofType(Coding).code"),
    Case("descendants().ofType(Reference).count()"),
    Case("children().ofType(CodeableConcept)"),
    Case("descendants().where($this is Period)"),
    Case("descendants().where($this is string).count()"),
    Case("descendants().where($this is code).count()"),
    Case("descendants().where($this is dateTime)"),
    Case("repeat(extension)"),
    Case("nodesByName('system').distinct().count()"),
    Case("nodesByType('Reference').reference.distinct()"),
    Case("nodesByType('Coding').code.isDistinct()"),
    Case("nodesByName('value').ofType(Quantity).value.round(0)"),
    Case("id.replaceMatches('([0-9a-f]+)-', '$1_')"),
    // Quantities, dates and precision.
    // D11: quantities of the same unit order (fhirpathpy raises).
    Case("2 'mg' > 1 'mg'", on: "Patient", python: "true"),
    Case("1 'mg' = 1 'mg'", on: "Patient"),
    Case("@2020-01 < @2020-01-15", on: "Patient"),
    Case("@2020-01-01T10:00 = @2020-01-01T10:00:00", on: "Patient"),
    Case("@T10:00 < @T10:00:01", on: "Patient"),
    Case("'2020-01-01T10:00:00Z'.toDateTime() = @2020-01-01T10:00:00Z", on: "Patient"),
    Case("@2020-01-01T10:00:00.000Z = @2020-01-01T10:00:00Z", on: "Patient"),
    Case("@2020-01-01T10:00:00+01:00 = @2020-01-01T09:00:00Z", on: "Patient"),
    Case("@2020-01-01 = @2020-01-01T00:00:00", on: "Patient"),
    // Rounding and math with exact results.
    // D12: round() without precision (fhirpathpy requires one); .NET rounds half to even.
    Case("1.5.round()", on: "Patient", python: "1.5.round(0)"),
    Case("2.5.round()", on: "Patient", python: "2.5.round(0)"),
    Case("(-2.5).round()", on: "Patient", python: "(-2.5).round(0)"),
    Case("2.345.round(2)", on: "Patient"),
    Case("2.355.round(2)", on: "Patient"),
    Case("10.power(2)", on: "Patient"),
    Case("16.sqrt()", on: "Patient"),
    Case("100.log(10)", on: "Patient"),
    Case("(-7) div 2", on: "Patient"),
    Case("7.5 div 2", on: "Patient"),
    Case("7.5 mod 2", on: "Patient"),
    // Strings.
    Case("'abc'.length() + 'de'.length()", on: "Patient"),
    Case("'a' < 'B'", on: "Patient"),
    // D13: string equivalence as Firely: diacritics ignored, each white-space character one
    // space (fhirpathpy keeps diacritics and collapses runs of spaces).
    Case("'ä' ~ 'a'", on: "Patient", python: "true"),
    Case("'a  b' ~ 'A b'", on: "Patient", python: "false"),
    Case("'a\tb' ~ 'a b'", on: "Patient"),
    Case("'abc'.substring(-1)", on: "Patient"),
    Case("'abc'.indexOf('')", on: "Patient"),
    Case("'abc'.startsWith('')", on: "Patient"),
    Case("'ABC'.lower().upper()", on: "Patient"),
    // Empty collections and three-valued logic.
    Case("{}.count()", on: "Patient"),
    Case("{} = {}", on: "Patient"),
    Case("({} | 1).count()", on: "Patient"),
    Case("(1 | 2) = (1 | 2)", on: "Patient"),
    Case("(1 | 2) = (2 | 1)", on: "Patient"),
    Case("1 in {}", on: "Patient"),
    Case("{} in (1 | 2)", on: "Patient"),
    Case("(1 | 2).exclude(2)", on: "Patient"),
    Case("true implies {}", on: "Patient"),
    Case("{} and false", on: "Patient"),
    Case("{} or true", on: "Patient"),
    Case("({} xor true).empty()", on: "Patient"),
    Case("(true | true).count()", on: "Patient"),
    // Conversions, criteria that are not Boolean, mixed collections, date arithmetic.
    Case("name.where(given)", on: "Patient"),
    Case("name.where(given.first())", on: "Patient"),
    // D14: a criterion with several items is true (spec §7.3; fhirpathpy: only `true` is).
    Case("iif(name.given, 'y', 'n')", on: "Patient", python: "iif(name.given.exists(), 'y', 'n')"),
    Case("name.select(given)", on: "Patient"),
    Case("name.where(given.where($this.startsWith('A')).exists()).count()", on: "Patient"),
    Case("name.trace('n').family", on: "Patient"),
    Case("birthDate.toString().toDate() = birthDate", on: "Patient"),
    Case("birthDate.toString().convertsToDate()", on: "Patient"),
    Case("birthDate.toString().toDateTime()", on: "Patient"),
    // D15: an impossible date does not convert (fhirpathpy keeps the text).
    Case("'2020-13-01'.toDate()", on: "Patient", python: "{}"),
    Case("'2020-01-01T10:00:00'.convertsToDateTime()", on: "Patient"),
    Case("'10:00:00'.toTime()", on: "Patient"),
    Case("'  12'.toInteger()", on: "Patient"),
    Case("'+12'.toInteger()", on: "Patient"),
    Case("'1e5'.toDecimal()", on: "Patient"),
    Case("'1.'.convertsToDecimal()", on: "Patient"),
    Case("1.toDecimal()", on: "Patient"),
    Case("2147483647 + 1", on: "Patient"),
    Case("'a,b,,c'.split(',').count()", on: "Patient"),
    Case("'abc'.matches('^A')", on: "Patient"),
    Case("'ABC'.replaceMatches('(?i)b', 'x')", on: "Patient"),
    Case("'abc' contains 'b'", on: "Patient"),
    Case("('a' | 'b').join('-')", on: "Patient"),
    Case("'a-b'.split('-').join('+')", on: "Patient"),
    Case("' x '.trim()", on: "Patient"),
    Case("(1 | 2 | 3).single()", on: "Patient"),
    Case("{}.single()", on: "Patient"),
    Case("(1 | 2).first() + (3 | 4).last()", on: "Patient"),
    Case("1 | 'a' | true", on: "Patient"),
    Case("(1 | '1').count()", on: "Patient"),
    Case("1 = '1'", on: "Patient"),
    Case("1 < 'a'", on: "Patient"),
    Case("@2020-01-31 + 1 month", on: "Patient"),
    Case("@2020-01-01 - 1 day", on: "Patient"),
    // The text of a computed dateTime is not compared: fhirpathpy writes `.000+00:00`.
    Case("@2020-01-01T10:00:00Z + 2 hours = @2020-01-01T12:00:00Z", on: "Patient"),
    Case("birthDate + 18 years", on: "Patient"),
    Case("birthDate - 6 months > @1900", on: "Patient"),
    Case("(1 | 2 | 3).tail().first()", on: "Patient"),
    Case("name.given.select($this + '!')", on: "Patient"),
    Case("'abc'[0]", on: "Patient"),
    Case("name[5]", on: "Patient"),
    Case("(name.given)[1]", on: "Patient"),
    // Literals and operators.
    Case("1 + 2", on: "Patient"),
    Case("5 / 2", on: "Patient"),
    Case("5 div 2", on: "Patient"),
    // D8: mod is the remainder of truncated division, as in .NET (fhirpathpy: Python's %).
    Case("-5 mod 3", on: "Patient", python: "-2"),
    Case("5 mod -3", on: "Patient", python: "2"),
    Case("7 mod 3", on: "Patient"),
    Case("-20 + 5", on: "Patient"),
    Case("2.5 * 2", on: "Patient"),
    // D9: decimal division with .NET decimal's 28 digits (fhirpathpy: 16).
    Case("1.0 / 3", on: "Patient", python: "0.3333333333333333333333333333"),
    Case("5 / 0", on: "Patient"),
    Case("'a' + 'b'", on: "Patient"),
    Case("'a' & {}", on: "Patient"),
    Case("true and false", on: "Patient"),
    Case("true or {}", on: "Patient"),
    Case("false implies true", on: "Patient"),
    Case("{} implies false", on: "Patient"),
    Case("true xor true", on: "Patient"),
    Case("(1 | 2 | 2).count()", on: "Patient"),
    Case("@2020-01-01 < @2020-02-01", on: "Patient"),
    Case("@1990 = @1990", on: "Patient"),
    Case("@1990 = @1990-01", on: "Patient"),
    Case("@2015-01-01T00:00 < @2015-01-01T00:01", on: "Patient"),
    Case("@T13:45:02 > @T12:00:00", on: "Patient"),
    Case("@2000-01-01T00:00:00+08:00 < @2000-01-01T00:00:00Z", on: "Patient"),
    Case("@2020-01-01T00:00:00 = @2020-01-01T00:00:00", on: "Patient"),
    Case("5.5 > 5", on: "Patient"),
    Case("1 = 1.0", on: "Patient"),
    Case("1 ~ 1.0", on: "Patient"),
    Case("'abc' ~ 'ABC'", on: "Patient"),
    Case("'abc' != 'abd'", on: "Patient"),
    Case("'abc' !~ 'ABD'", on: "Patient"),
    Case("3 in (1 | 2 | 3)", on: "Patient"),
    Case("(1 | 2) contains 2", on: "Patient"),
    Case("{}.empty()", on: "Patient"),
    Case("(1 | 2 | 3).where($this > 1)", on: "Patient"),
    Case("(1 | 2 | 3).select($this * 2)", on: "Patient"),
    Case("(1 | 2 | 3).all($this > 0)", on: "Patient"),
    Case("(1 | 2 | 3).skip(1).take(1)", on: "Patient"),
    Case("(true | false).allTrue()", on: "Patient"),
    Case("(true | false).anyTrue()", on: "Patient"),
    Case("(true | false).allFalse()", on: "Patient"),
    Case("(true | false).anyFalse()", on: "Patient"),
    Case("(1 | 2).subsetOf(1 | 2 | 3)", on: "Patient"),
    Case("'hello'.substring(1, 3)", on: "Patient"),
    Case("'hello'.substring(10)", on: "Patient"),
    Case("'a,b'.indexOf(',')", on: "Patient"),
    Case("'12'.toInteger() + 1", on: "Patient"),
    Case("'1.50'.toDecimal()", on: "Patient"),
    Case("'x'.toInteger()", on: "Patient"),
    Case("1.toString()", on: "Patient"),
    // D10: Boolean and dateTime text as FHIRPath writes them (fhirpathpy: Python's `True`,
    // `+00:00` for `Z`).
    Case("true.toString()", on: "Patient", python: "'true'"),
    Case("'true'.toBoolean()", on: "Patient"),
    Case("iif(false, 'y', 'n')", on: "Patient"),
    Case("(-2.5).abs()", on: "Patient"),
    Case("@2020-01-01.toString()", on: "Patient"),
    Case("@2020-01-01T10:00:00Z.toString()", on: "Patient", python: "'2020-01-01T10:00:00Z'"),
    Case("@2020-01-01T10:00:00+02:00.toString()", on: "Patient"),
    Case("'2020-01-01'.toDate() = @2020-01-01", on: "Patient"),
    Case("2 | 3 | 2.0", on: "Patient"),
    Case("'abc'.matches('b')", on: "Patient"),
    Case("'abc'.replace('', '-')", on: "Patient"),
    Case("'a.b'.replaceMatches('\\\\.', '')", on: "Patient"),
  ]

  /// Expressions whose fhirpathpy result legitimately differs, with what fhirpathpy evaluates
  /// instead (same meaning under Firely's rules).
  static let adjusted: [String: String] = [
    // D6: `as` binds tighter than `|` (FHIRPath precedence, Firely, spec Q21); fhirpathpy's
    // grammar has it the other way round.
    "onset | Condition.abatement as Age": "onset | (Condition.abatement as Age)"
  ]

  // MARK: The test

  @Test func agreesWithFhirpathpy() throws {
    let directory = Shared.path + "/corpus/synthea-r4/"
    var lines: [EvaluatorSyntheaTests.Line] = []
    for name in Self.bundleNames { lines += try EvaluatorSyntheaTests.lines(of: directory + name) }
    // Two bundles whole, for nested resources.
    for name in Self.bundleNames.prefix(2) {
      var line = EvaluatorSyntheaTests.Line(
        bytes: Array(try Data(contentsOf: URL(fileURLWithPath: directory + name))))
      try line.bytes.withUnsafeBytes { raw in
        try JSONScanner().scan(raw, into: &line.tape)
        try line.tree.build(line.tape, bytes: raw)
      }
      lines.append(line)
    }
    #expect(lines.count > 500)

    var cases = try Self.configurationCases()
    #expect(cases.count > 150)
    cases += Self.specPaths.map(Self.ruleCase)
    cases += Self.generalizeCases
    cases += Self.ownCases
    #expect(cases.count >= 400)

    let oracle = try Python.evaluate(cases: cases, lines: lines)
    #expect(oracle.count == cases.count)

    let types = lines.map { $0.tree[0].type.name }
    let ids = lines.map { line in
      line.bytes.withUnsafeBytes { raw -> String in
        guard let id = line.tape.member(named: "id", in: 0, bytes: raw) else { return "?" }
        return String(decoding: raw[line.tape[id].range], as: UTF8.self)
      }
    }
    let evaluator = FHIRPathEvaluator(today: (2024, 1, 15))
    let show = ProcessInfo.processInfo.environment["FHIR_DEID_DIFF_SHOW"] != nil
    var items: [FHIRPathItem] = []
    var compared = 0
    var matchedItems = 0
    for (c, expected) in zip(cases, oracle) {
      let compiled: CompiledExpression
      do {
        compiled = try FHIRPathCompiler.compile(c.expression)
      } catch {
        #expect(expected.compileFailed, "we cannot compile `\(c)`: \(error)")
        continue
      }
      guard !expected.compileFailed else {
        Issue.record("fhirpathpy cannot compile `\(c)`")
        continue
      }
      var differing: [Int] = []
      for (index, line) in lines.enumerated()
      where c.resourceType.map({ $0 == types[index] }) ?? true {
        compared += 1
        items.removeAll(keepingCapacity: true)
        let ours: Outcome = line.bytes.withUnsafeBytes { raw in
          do {
            try evaluator.evaluate(
              compiled, focus: 0, resource: 0, tree: line.tree, tape: line.tape, bytes: raw,
              into: &items)
          } catch {
            return .error
          }
          return .items(
            items.map { Canonical.json(of: $0, tree: line.tree, tape: line.tape, bytes: raw) }
              .sorted())
        }
        let theirs = expected.results[index] ?? .items([])
        if case .items(let items) = theirs { matchedItems += items.count }
        if ours != theirs {
          if differing.isEmpty && show {
            print("`\(c)` on \(ids[index]):\n  ours   \(ours)\n  theirs \(theirs)")
          }
          differing.append(index)
        }
      }
      if let first = differing.first {
        let theirs = expected.results[first]?.summary ?? "0 items"
        Issue.record(
          Comment(
            rawValue: "fhirpathpy and fhir-deid differ on `\(c)` for \(differing.count) "
              + "resources, first \(types[first])/\(ids[first]) (fhirpathpy: \(theirs))"))
      }
    }
    #expect(compared > 50_000)
    #expect(matchedItems > 50_000)
    if show { print("\(cases.count) cases, \(compared) evaluations, \(matchedItems) items") }
  }
}

/// A result: canonical JSON texts (sorted: a multiset), or an evaluation error.
enum Outcome: Equatable, CustomStringConvertible {
  case items([String])
  case error

  var summary: String {
    switch self {
    case .items(let items): "\(items.count) items"
    case .error: "an error"
    }
  }

  var description: String {
    switch self {
    case .items(let items): items.joined(separator: " ")
    case .error: "error"
    }
  }
}

/// fhirpathpy's results for one case.
struct OracleResult {
  var compileFailed = false
  /// By line index; lines with an empty result are absent.
  var results: [Int: Outcome] = [:]
}

/// Running the fhirpathpy helper script.
enum Python {
  /// Whether `python3 -c 'import fhirpathpy'` works.
  static let hasFhirpathpy: Bool = {
    guard let result = try? run(["-c", "import fhirpathpy"]) else { return false }
    return result.status == 0
  }()

  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-B"] + arguments  // -B: no __pycache__ in the checkout
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("fp-out-\(UUID())")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: out) }
    let handle = try FileHandle(forWritingTo: out)
    process.standardOutput = handle
    // The script's messages may quote values: shown only when debugging.
    let show = ProcessInfo.processInfo.environment["FHIR_DEID_DIFF_SHOW"] != nil
    process.standardError = show ? FileHandle.standardError : FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, try Data(contentsOf: out))
  }

  /// Evaluates every case with fhirpathpy on the lines of its resource type.
  static func evaluate(cases: [DifferentialTests.Case], lines: [EvaluatorSyntheaTests.Line])
    throws -> [OracleResult]
  {
    let directory = try TempDir.make("fhirpathpy")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var ndjson = Data()
    for line in lines {
      // The resources are cut out of pretty-printed bundles: one line each for NDJSON.
      var compact: [UInt8] = []
      line.bytes.withUnsafeBytes { line.tape.writeCompact(from: $0, into: &compact) }
      ndjson.append(contentsOf: compact)
      ndjson.append(0x0A)
    }
    let resources = directory + "/resources.ndjson"
    try ndjson.write(to: URL(fileURLWithPath: resources))
    let request: [String: Any] = [
      "resources": resources,
      "cases": cases.map { c -> [String: Any] in
        var object: [String: Any] = [
          "expression": c.python ?? DifferentialTests.adjusted[c.expression] ?? c.expression
        ]
        if let type = c.resourceType { object["resourceType"] = type }
        return object
      },
    ]
    let requestPath = directory + "/request.json"
    try JSONSerialization.data(withJSONObject: request).write(to: URL(fileURLWithPath: requestPath))
    let result = try run([DifferentialTests.scriptPath, requestPath])
    let status = result.status
    try #require(
      status == 0,
      Comment(
        rawValue: "the fhirpathpy helper failed with status \(status) (3: unsupported fhirpathpy "
          + "version); rerun with FHIR_DEID_DIFF_SHOW=1 to see its messages"))
    var output: [OracleResult] = []
    for line in result.stdout.split(separator: 0x0A) {
      output.append(try parse(Array(line)))
    }
    return output
  }

  /// Reads one output line: `{"results":{"LINE":[…]|{"error":…}}}` or `{"compileError":…}`.
  static func parse(_ line: [UInt8]) throws -> OracleResult {
    var tape = Tape()
    var result = OracleResult()
    try line.withUnsafeBytes { raw in
      try JSONScanner(maxDepth: 512).scan(raw, into: &tape)
      guard let results = tape.member(named: "results", in: 0, bytes: raw) else {
        result.compileFailed = true
        return
      }
      for (key, value) in tape.members(of: results) {
        guard let index = Int(String(decoding: raw[tape[key].range], as: UTF8.self)) else {
          continue
        }
        if tape[value].kind == .objectStart {
          result.results[index] = .error
        } else {
          var items: [String] = []
          for item in tape.elements(of: value) {
            var out: [UInt8] = []
            Canonical.append(item, tape: tape, bytes: raw, to: &out)
            items.append(String(decoding: out, as: UTF8.self))
          }
          result.results[index] = items.isEmpty ? nil : .items(items.sorted())
        }
      }
    }
    return result
  }
}

/// Canonical JSON text for comparing values: object members sorted by key, strings re-escaped
/// from their decoded text, numbers as decimals (`1.50`, `1.5` and `15e-1` are all `15e-1`).
enum Canonical {
  /// The canonical JSON of one of our result items.
  static func json(
    of item: FHIRPathItem, tree: ResourceTree, tape: Tape, bytes: UnsafeRawBufferPointer
  ) -> String {
    var out: [UInt8] = []
    switch item {
    case .node(let n):
      let value = Int(tree[n].valueToken)
      if value < 0 {
        out.append(contentsOf: "null".utf8)
      } else {
        append(value, tape: tape, bytes: bytes, to: &out)
      }
    case .value(let v):
      switch v {
      case .boolean, .integer, .decimal:
        let text = v.text
        appendNumberOrLiteral(text, to: &out)
      case .string(let s):
        JSONEscaping.appendQuoted(s, to: &out)
      case .date, .dateTime, .time, .quantity:
        JSONEscaping.appendQuoted(v.text, to: &out)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the canonical JSON of the value at tape index `index`.
  static func append(
    _ index: Int, tape: Tape, bytes: UnsafeRawBufferPointer, to out: inout [UInt8]
  ) {
    let token = tape[index]
    switch token.kind {
    case .objectStart:
      var members: [(key: [UInt8], value: [UInt8])] = []
      for (key, value) in tape.members(of: index) {
        var name: [UInt8] = []
        JSONEscaping.unescape(UnsafeRawBufferPointer(rebasing: bytes[tape[key].range]), into: &name)
        var text: [UInt8] = []
        append(value, tape: tape, bytes: bytes, to: &text)
        members.append((name, text))
      }
      members.sort { $0.key.lexicographicallyPrecedes($1.key) }
      out.append(UInt8(ascii: "{"))
      for (i, member) in members.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        JSONEscaping.appendQuoted(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: member.value)
      }
      out.append(UInt8(ascii: "}"))
    case .arrayStart:
      out.append(UInt8(ascii: "["))
      for (i, element) in tape.elements(of: index).enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        append(element, tape: tape, bytes: bytes, to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .string:
      var text: [UInt8] = []
      JSONEscaping.unescape(UnsafeRawBufferPointer(rebasing: bytes[token.range]), into: &text)
      JSONEscaping.appendQuoted(text, to: &out)
    case .number:
      appendNumberOrLiteral(Array(bytes[token.range]), to: &out)
    default:
      out.append(contentsOf: bytes[token.range])
    }
  }

  /// A JSON number as `[-]DIGITSeEXP` with no leading or trailing zeros in DIGITS (`0` for
  /// zero); `true` and `false` as they are.
  static func appendNumberOrLiteral(_ text: [UInt8], to out: inout [UInt8]) {
    guard let first = text.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else {
      out.append(contentsOf: text)
      return
    }
    var i = 0
    var negative = false
    if text[0] == UInt8(ascii: "-") {
      negative = true
      i = 1
    }
    var digits: [UInt8] = []
    var exponent = 0
    var inFraction = false
    while i < text.count {
      let c = text[i]
      if c == UInt8(ascii: ".") {
        inFraction = true
      } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
        let digits = text[(i + 1)...].filter { $0 != UInt8(ascii: "+") }
        exponent += Int(String(decoding: digits, as: UTF8.self)) ?? 0
        break
      } else {
        digits.append(c)
        if inFraction { exponent -= 1 }
      }
      i += 1
    }
    while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
      exponent += 1
    }
    if digits.isEmpty {
      out.append(UInt8(ascii: "0"))
      return
    }
    if negative { out.append(UInt8(ascii: "-")) }
    out.append(contentsOf: digits)
    out.append(contentsOf: "e\(exponent)".utf8)
  }
}
