import FHIRModel
import Testing

@Suite struct FHIRTypeTests {
  static let primitives = [
    "boolean", "integer", "string", "decimal", "uri", "url", "canonical", "base64Binary",
    "instant", "date", "dateTime", "time", "code", "oid", "id", "markdown", "unsignedInt",
    "positiveInt", "uuid", "xhtml",
  ]

  @Test(arguments: primitives)
  func primitivesAreNamedAndPrimitive(_ name: String) throws {
    let t = try #require(FHIRType.named(name))
    #expect(t.name == name)
    #expect(t.isPrimitive)
    #expect(!t.isResource)
    #expect(R4.structure(of: t) == nil)
    #expect(t.isSubtype(of: .element))
  }

  @Test func exactlyTheR4PrimitivesArePrimitive() {
    let all = (0..<R4.typeCount).map { FHIRType(raw: UInt16($0)) }
    #expect(Set(all.filter(\.isPrimitive).map(\.name)) == Set(Self.primitives))
  }

  @Test(arguments: [
    "Element", "BackboneElement", "Resource", "DomainResource", "HumanName", "Quantity",
    "SimpleQuantity", "MoneyQuantity", "Age", "Extension", "Narrative", "Patient", "Bundle",
  ])
  func complexTypesAndResourcesHaveStructures(_ name: String) throws {
    let t = try #require(FHIRType.named(name))
    #expect(t.name == name)
    #expect(!t.isPrimitive)
    #expect(R4.structure(of: t) != nil)
  }

  @Test(arguments: [
    "", "date ", "Date", "patient", "DeviceComponent", "System.String",
    "MetadataResource", "Patient.contact", "value[x]",
  ])
  func unknownNamesAreNil(_ name: String) {
    #expect(FHIRType.named(name) == nil)
  }

  @Test func bases() {
    func base(_ n: String) -> String? { FHIRType.named(n)?.base?.name }
    #expect(base("Age") == "Quantity")
    #expect(base("SimpleQuantity") == "Quantity")
    #expect(base("MoneyQuantity") == "Quantity")
    #expect(base("code") == "string")
    #expect(base("positiveInt") == "integer")
    #expect(base("Patient") == "DomainResource")
    #expect(base("Bundle") == "Resource")
    #expect(base("DomainResource") == "Resource")
    #expect(base("Dosage") == "BackboneElement")
    #expect(base("BackboneElement") == "Element")
    #expect(base("Element") == nil)
    #expect(base("Resource") == nil)
  }

  @Test func subtypes() {
    #expect(FHIRType.code.isSubtype(of: .string))
    #expect(FHIRType.code.isSubtype(of: .code))
    #expect(FHIRType.age.isSubtype(of: .quantity))
    #expect(FHIRType.patient.isSubtype(of: .resource))
    #expect(FHIRType.bundle.isSubtype(of: .resource))
    #expect(!FHIRType.bundle.isSubtype(of: .domainResource))
    #expect(!FHIRType.string.isSubtype(of: .code))
    #expect(!FHIRType.quantity.isSubtype(of: .age))
    #expect(!FHIRType.patient.isSubtype(of: .element))
  }

  @Test func constantsMatchTheirNames() {
    #expect(FHIRType.dateTime.name == "dateTime")
    #expect(FHIRType.extension.name == "Extension")
    #expect(FHIRType.humanName.name == "HumanName")
    #expect(FHIRType.base64Binary.name == "base64Binary")
    #expect(FHIRType.named("Patient") == .patient)
    FHIRType.instant.withNameBytes { #expect(Array($0) == Array("instant".utf8)) }
    #expect("\(FHIRType.domainResource)" == "DomainResource")
  }

  @Test func everyTypeRoundTripsThroughItsName() {
    for raw in 0..<R4.typeCount {
      let t = FHIRType(raw: UInt16(raw))
      #expect(FHIRType.named(t.name) == t)
    }
  }

  @Test func resourceTypes() {
    let names = R4.resourceTypeNames
    #expect(names.count == 146)
    #expect(names == names.sorted())
    #expect(names.first == "Account")
    #expect(names.last == "VisionPrescription")
    for n in [
      "OrganizationAffiliation", "MedicinalProductPharmaceutical", "Patient", "Bundle",
      "Parameters", "Binary",
    ] {
      #expect(names.contains(n))
    }
    for n in ["DeviceComponent", "Resource", "DomainResource", "MetadataResource", "HumanName"] {
      #expect(!names.contains(n))
    }
    for n in names {
      let t = FHIRType.named(n)
      #expect(t?.isResource == true)
      #expect(resourceType(n) == t)
    }
    #expect(resourceType("DeviceComponent") == nil)
    #expect(resourceType("DomainResource") == nil)
    #expect(resourceType("HumanName") == nil)
    #expect(!FHIRType.resource.isResource)
  }

  private func resourceType(_ name: String) -> FHIRType? {
    Array(name.utf8).withUnsafeBytes { R4.resourceType(named: $0) }
  }
}
