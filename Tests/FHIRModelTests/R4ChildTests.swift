import FHIRModel
import Testing

/// The member semantics of `R4.child(_:of:)`.
@Suite struct R4ChildTests {
  func structure(_ path: String) throws -> StructureID {
    try #require(R4.structure(named: path), "no structure \(path)")
  }

  func child(_ key: String, of path: String) throws -> ChildMatch? {
    R4.child(key, of: try structure(path))
  }

  func type(_ key: String, of path: String) throws -> String? {
    try child(key, of: path)?.type.name
  }

  static let resourceMembers = [
    "id", "meta", "implicitRules", "language", "text", "contained", "extension",
    "modifierExtension",
  ]

  @Test(arguments: ["Patient", "Observation", "Claim", "DomainResource", "Questionnaire"])
  func domainResourcesInheritTheirMembers(_ resource: String) throws {
    let names = Set(try R4.children(of: structure(resource)).map(R4.name(of:)))
    #expect(names.isSuperset(of: Self.resourceMembers))
    #expect(try type("id", of: resource) == "id")
    #expect(try type("meta", of: resource) == "Meta")
    #expect(try type("text", of: resource) == "Narrative")
    #expect(try type("language", of: resource) == "code")
    #expect(try type("implicitRules", of: resource) == "uri")
    #expect(try type("modifierExtension", of: resource) == "Extension")
  }

  @Test(arguments: ["Bundle", "Binary", "Parameters", "Resource"])
  func resourcesWithoutDomainResource(_ resource: String) throws {
    let names = Set(try R4.children(of: structure(resource)).map(R4.name(of:)))
    #expect(names.isSuperset(of: ["id", "meta", "implicitRules", "language"]))
    #expect(names.isDisjoint(with: ["text", "contained", "extension", "modifierExtension"]))
    #expect(try type("id", of: resource) == "id")
  }

  @Test(arguments: [
    "HumanName", "Quantity", "Age", "Extension", "Narrative", "Element", "Meta",
    "Timing.repeat", "Dosage.doseAndRate",
  ])
  func elementsHaveIdAndExtension(_ path: String) throws {
    #expect(try type("id", of: path) == "string")
    #expect(try type("extension", of: path) == "Extension")
    #expect(try child("modifierExtension", of: path) == nil)
  }

  @Test(arguments: [
    "Patient.contact", "Bundle.entry", "Questionnaire.item", "Dosage", "Timing",
    "BackboneElement", "Observation.component",
  ])
  func backboneElementsAddModifierExtension(_ path: String) throws {
    #expect(try type("id", of: path) == "string")
    #expect(try type("extension", of: path) == "Extension")
    #expect(try type("modifierExtension", of: path) == "Extension")
  }

  @Test func specialTypes() throws {
    #expect(try type("url", of: "Extension") == "uri")
    #expect(try type("div", of: "Narrative") == "xhtml")
    #expect(try type("id", of: "Element") == "string")
    #expect(try type("id", of: "Resource") == "id")
    #expect(try type("id", of: "Patient.contact") == "string")
  }

  @Test func plainMembers() throws {
    let m = try #require(try child("birthDate", of: "Patient"))
    #expect(m.type == .date)
    #expect(m.nameLength == 9)
    #expect(!m.isChoice && !m.isShadow && !m.holdsResource)
    #expect(m.structure == nil)
    #expect(R4.path(of: m.element) == "Patient.birthDate")
    #expect(R4.name(of: m.element) == "birthDate")
    #expect(R4.allowedTypes(of: m.element) == [.date])
    #expect(R4.parent(of: m.element) == (try structure("Patient")))

    let name = try #require(try child("name", of: "Patient"))
    #expect(name.type == .humanName)
    #expect(name.structure == R4.structure(of: .humanName))
    #expect(try type("given", of: "HumanName") == "string")
  }

  @Test(arguments: [
    ("Observation", "valueQuantity", "Quantity"),
    ("Observation", "valueDateTime", "dateTime"),
    ("Observation", "valueString", "string"),
    ("Observation", "valueCodeableConcept", "CodeableConcept"),
    ("Observation", "valueBoolean", "boolean"),
    ("Observation", "effectivePeriod", "Period"),
    ("Observation.component", "valueSampledData", "SampledData"),
    ("Patient", "deceasedBoolean", "boolean"),
    ("Patient", "deceasedDateTime", "dateTime"),
    ("Patient", "multipleBirthInteger", "integer"),
    ("Condition", "onsetAge", "Age"),
    ("AllergyIntolerance", "onsetAge", "Age"),
    ("Condition", "abatementString", "string"),
    ("Extension", "valueBase64Binary", "base64Binary"),
    ("Extension", "valuePositiveInt", "positiveInt"),
    ("Extension", "valueUuid", "uuid"),
    ("Extension", "valueMeta", "Meta"),
    ("Extension", "valueDosage", "Dosage"),
    ("Timing.repeat", "boundsDuration", "Duration"),
    ("Dosage.doseAndRate", "doseQuantity", "Quantity"),
    ("MedicationRequest", "medicationReference", "Reference"),
  ])
  func choiceMembers(_ parent: String, _ key: String, _ expected: String) throws {
    let m = try #require(try child(key, of: parent))
    #expect(m.type.name == expected)
    #expect(m.isChoice)
    #expect(!m.isShadow)
    #expect(R4.isChoice(m.element))
    #expect(R4.allowedTypes(of: m.element).contains(m.type))
    #expect(m.structure == R4.structure(of: m.type))
    let base = String(decoding: key.utf8.prefix(m.nameLength), as: UTF8.self)
    #expect(R4.name(of: m.element) == base)
    #expect(R4.path(of: m.element) == "\(parent).\(base)[x]")
  }

  @Test(arguments: [
    ("Observation", "value"), ("Observation", "valueFoo"), ("Observation", "valueAge"),
    ("Observation", "valuequantity"), ("Observation", "valueSimpleQuantity"),
    ("Observation", "valueQuantit"), ("Observation", "ValueQuantity"),
    ("Patient", "deceased"), ("Patient", "deceasedString"), ("Extension", "value"),
    ("Extension", "valueResource"), ("Extension", "valueElement"),
  ])
  func bareChoiceNamesAndUnknownSuffixesAreNil(_ parent: String, _ key: String) throws {
    #expect(try child(key, of: parent) == nil)
  }

  @Test func extensionValueAllowsTheOpenTypeList() throws {
    let m = try #require(try child("valueString", of: "Extension"))
    let allowed = R4.allowedTypes(of: m.element)
    #expect(allowed.count == 50)
    #expect(allowed.contains(.humanName) && allowed.contains(.meta) && allowed.contains(.uuid))
  }

  @Test func profiledQuantities() throws {
    // The sources type these SimpleQuantity / MoneyQuantity; an R4 instance has type Quantity.
    #expect(try type("quantity", of: "MedicationDispense") == "Quantity")
    #expect(try type("valueQuantity", of: "Observation.referenceRange") == nil)
    #expect(try type("low", of: "Observation.referenceRange") == "Quantity")
    #expect(try type("doseQuantity", of: "Immunization") == "Quantity")
    #expect(try type("onsetAge", of: "Condition") == "Age")
    #expect(try type("durationMax", of: "Timing.repeat") == "decimal")
    #expect(R4.structure(of: .simpleQuantity) == R4.structure(of: .quantity))
    #expect(R4.structure(of: .moneyQuantity) == R4.structure(of: .quantity))
    #expect(try type("value", of: "Age") == "decimal")
  }

  @Test func backboneElements() throws {
    let contact = try #require(try child("contact", of: "Patient"))
    #expect(contact.type == .backboneElement)
    let s = try #require(contact.structure)
    #expect(R4.path(of: s) == "Patient.contact")
    #expect(R4.type(of: s) == .backboneElement)
    #expect(s == (try structure("Patient.contact")))
    let name = try #require(R4.child("name", of: s))
    #expect(R4.path(of: name.element) == "Patient.contact.name")
    #expect(name.type == .humanName)
    // Backbone elements of data types are plain Elements.
    let repeatElement = try #require(try child("repeat", of: "Timing"))
    #expect(repeatElement.type == .element)
    #expect(repeatElement.structure.map(R4.path(of:)) == "Timing.repeat")
  }

  @Test func pathsDefinedElsewhereReuseTheirStructure() throws {
    let item = try structure("Questionnaire.item")
    let nested = try #require(R4.child("item", of: item))
    #expect(nested.structure == item)
    #expect(R4.path(of: nested.element) == "Questionnaire.item.item")
    #expect(R4.structure(named: "Questionnaire.item.item") == nil)
    // Recursively: item.item.item.linkId.
    var s = item
    for _ in 0..<3 { s = try #require(R4.child("item", of: s)?.structure) }
    #expect(R4.child("linkId", of: s)?.type == .string)

    let answerItem = try #require(
      try child("answer", of: "QuestionnaireResponse.item")?.structure.flatMap {
        R4.child("item", of: $0)
      })
    #expect(answerItem.structure == (try structure("QuestionnaireResponse.item")))
    #expect(try child("link", of: "Bundle.entry")?.structure == (try structure("Bundle.link")))
    #expect(
      try child("referenceRange", of: "Observation.component")?.structure
        == (try structure("Observation.referenceRange")))
  }

  @Test(arguments: [
    ("DomainResource", "contained"), ("Patient", "contained"), ("Observation", "contained"),
    ("Bundle.entry", "resource"), ("Bundle.entry.response", "outcome"),
    ("Parameters.parameter", "resource"),
  ])
  func resourceHoldingMembers(_ parent: String, _ key: String) throws {
    let m = try #require(try child(key, of: parent))
    #expect(m.holdsResource)
    #expect(m.type == .resource)
    #expect(m.structure == nil)
    #expect(!m.isChoice && !m.isShadow)
  }

  @Test func onlyTheKnownMembersHoldResources() {
    var paths: [String] = []
    for s in 0..<R4.structureCount {
      for e in R4.children(of: StructureID(raw: UInt16(s))) {
        let name = R4.name(of: e)
        if let m = R4.child(name, of: R4.parent(of: e)), m.holdsResource {
          paths.append(R4.path(of: e))
        }
      }
    }
    let other = paths.filter { !$0.hasSuffix(".contained") }
    #expect(
      Set(other) == [
        "Bundle.entry.resource", "Bundle.entry.response.outcome", "Parameters.parameter.resource",
      ])
    let domainResources = R4.resourceTypeNames.compactMap(FHIRType.named).filter {
      $0.isSubtype(of: .domainResource)
    }
    #expect(paths.count == domainResources.count + 1 + 3)
  }

  @Test func shadowKeys() throws {
    let m = try #require(try child("_birthDate", of: "Patient"))
    #expect(m.isShadow)
    #expect(m.type == .date)
    #expect(m.nameLength == 9)
    #expect(R4.path(of: m.element) == "Patient.birthDate")
    #expect(m.structure == R4.structure(of: .element))
    #expect(try child("birthDate", of: "Patient")?.element == m.element)

    let given = try #require(try child("_given", of: "HumanName"))
    #expect(given.isShadow && given.type == .string)

    let v = try #require(try child("_valueString", of: "Extension"))
    #expect(v.isShadow && v.isChoice && v.type == .string && v.nameLength == 5)
    #expect(R4.path(of: v.element) == "Extension.value[x]")

    #expect(try child("_id", of: "Patient")?.type == .id)
    #expect(try child("_div", of: "Narrative")?.type == .xhtml)
    // The shadow object's own members come from Element.
    let element = try #require(m.structure)
    #expect(R4.child("extension", of: element)?.type == .extension)
    #expect(R4.child("id", of: element)?.type == .string)
  }

  @Test(arguments: [
    ("Patient", "_name"), ("Patient", "_contact"), ("Patient", "_contained"),
    ("Extension", "_valueQuantity"), ("Observation", "_value"), ("Patient", "_"),
    ("Patient", "__birthDate"), ("Patient", "_resourceType"),
  ])
  func shadowsOfNonPrimitivesAreNil(_ parent: String, _ key: String) throws {
    #expect(try child(key, of: parent) == nil)
  }

  @Test(arguments: [
    ("Patient", "resourceType"), ("Patient", "fhir_comments"), ("HumanName", "fhir_comments"),
    ("Patient", ""), ("Patient", "Name"), ("Patient", "name "), ("Patient", "birthdate"),
    ("Claim", "organization"), ("HumanName", "birthDate"), ("Patient", "contact.name"),
    ("Patient.contact", "active"), ("Quantity", "modifierExtension"), ("Bundle", "text"),
  ])
  func nonElementsAreNil(_ parent: String, _ key: String) throws {
    #expect(try child(key, of: parent) == nil)
  }

  @Test func stu3OnlyNamesAreUnknown() {
    #expect(R4.structure(named: "DeviceComponent") == nil)
    #expect(FHIRType.named("DeviceComponent") == nil)
  }

  @Test func keysAreComparedAsBytesNotPrefixes() throws {
    // Sharing a hash bucket must not make a prefix or an extension of a key match.
    for key in ["birthDat", "birthDatee", "birthDate\u{0}", "b"] {
      #expect(try child(key, of: "Patient") == nil)
    }
    let bytes: [UInt8] = Array("xxbirthDatexx".utf8)
    let m = bytes.withUnsafeBytes {
      R4.child(UnsafeRawBufferPointer(rebasing: $0[2..<11]), of: R4.structure(of: .patient)!)
    }
    #expect(m?.type == .date)
  }
}
