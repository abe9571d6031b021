// GENERATED FILE: do not edit. Regenerate from the package root with
//   python3 Sources/FHIRModel/Generator/generate-r4-model.py
// Source: fhirpathpy 2.2.4, models/r4 (path2Type, choiceTypePaths,
// pathsDefinedElsewhere, type2Parent). 211 types, 662 structures, 7406 elements.
// swift-format-ignore-file

extension FHIRType {
  /// The FHIR type `Element`.
  @inlinable package static var element: FHIRType { FHIRType(raw: 0) }
  /// The FHIR type `BackboneElement`.
  @inlinable package static var backboneElement: FHIRType { FHIRType(raw: 1) }
  /// The FHIR type `Resource`.
  @inlinable package static var resource: FHIRType { FHIRType(raw: 2) }
  /// The FHIR type `DomainResource`.
  @inlinable package static var domainResource: FHIRType { FHIRType(raw: 3) }
  /// The FHIR type `base64Binary`.
  @inlinable package static var base64Binary: FHIRType { FHIRType(raw: 4) }
  /// The FHIR type `boolean`.
  @inlinable package static var boolean: FHIRType { FHIRType(raw: 5) }
  /// The FHIR type `canonical`.
  @inlinable package static var canonical: FHIRType { FHIRType(raw: 6) }
  /// The FHIR type `code`.
  @inlinable package static var code: FHIRType { FHIRType(raw: 7) }
  /// The FHIR type `date`.
  @inlinable package static var date: FHIRType { FHIRType(raw: 8) }
  /// The FHIR type `dateTime`.
  @inlinable package static var dateTime: FHIRType { FHIRType(raw: 9) }
  /// The FHIR type `decimal`.
  @inlinable package static var decimal: FHIRType { FHIRType(raw: 10) }
  /// The FHIR type `id`.
  @inlinable package static var id: FHIRType { FHIRType(raw: 11) }
  /// The FHIR type `instant`.
  @inlinable package static var instant: FHIRType { FHIRType(raw: 12) }
  /// The FHIR type `integer`.
  @inlinable package static var integer: FHIRType { FHIRType(raw: 13) }
  /// The FHIR type `markdown`.
  @inlinable package static var markdown: FHIRType { FHIRType(raw: 14) }
  /// The FHIR type `oid`.
  @inlinable package static var oid: FHIRType { FHIRType(raw: 15) }
  /// The FHIR type `positiveInt`.
  @inlinable package static var positiveInt: FHIRType { FHIRType(raw: 16) }
  /// The FHIR type `string`.
  @inlinable package static var string: FHIRType { FHIRType(raw: 17) }
  /// The FHIR type `time`.
  @inlinable package static var time: FHIRType { FHIRType(raw: 18) }
  /// The FHIR type `unsignedInt`.
  @inlinable package static var unsignedInt: FHIRType { FHIRType(raw: 19) }
  /// The FHIR type `uri`.
  @inlinable package static var uri: FHIRType { FHIRType(raw: 20) }
  /// The FHIR type `url`.
  @inlinable package static var url: FHIRType { FHIRType(raw: 21) }
  /// The FHIR type `uuid`.
  @inlinable package static var uuid: FHIRType { FHIRType(raw: 22) }
  /// The FHIR type `xhtml`.
  @inlinable package static var xhtml: FHIRType { FHIRType(raw: 23) }
  /// The FHIR type `Address`.
  @inlinable package static var address: FHIRType { FHIRType(raw: 24) }
  /// The FHIR type `Age`.
  @inlinable package static var age: FHIRType { FHIRType(raw: 25) }
  /// The FHIR type `Annotation`.
  @inlinable package static var annotation: FHIRType { FHIRType(raw: 26) }
  /// The FHIR type `Attachment`.
  @inlinable package static var attachment: FHIRType { FHIRType(raw: 27) }
  /// The FHIR type `CodeableConcept`.
  @inlinable package static var codeableConcept: FHIRType { FHIRType(raw: 28) }
  /// The FHIR type `Coding`.
  @inlinable package static var coding: FHIRType { FHIRType(raw: 29) }
  /// The FHIR type `ContactDetail`.
  @inlinable package static var contactDetail: FHIRType { FHIRType(raw: 30) }
  /// The FHIR type `ContactPoint`.
  @inlinable package static var contactPoint: FHIRType { FHIRType(raw: 31) }
  /// The FHIR type `Contributor`.
  @inlinable package static var contributor: FHIRType { FHIRType(raw: 32) }
  /// The FHIR type `Count`.
  @inlinable package static var count: FHIRType { FHIRType(raw: 33) }
  /// The FHIR type `DataRequirement`.
  @inlinable package static var dataRequirement: FHIRType { FHIRType(raw: 34) }
  /// The FHIR type `Distance`.
  @inlinable package static var distance: FHIRType { FHIRType(raw: 35) }
  /// The FHIR type `Dosage`.
  @inlinable package static var dosage: FHIRType { FHIRType(raw: 36) }
  /// The FHIR type `Duration`.
  @inlinable package static var duration: FHIRType { FHIRType(raw: 37) }
  /// The FHIR type `ElementDefinition`.
  @inlinable package static var elementDefinition: FHIRType { FHIRType(raw: 38) }
  /// The FHIR type `Expression`.
  @inlinable package static var expression: FHIRType { FHIRType(raw: 39) }
  /// The FHIR type `Extension`.
  @inlinable package static var `extension`: FHIRType { FHIRType(raw: 40) }
  /// The FHIR type `HumanName`.
  @inlinable package static var humanName: FHIRType { FHIRType(raw: 41) }
  /// The FHIR type `Identifier`.
  @inlinable package static var identifier: FHIRType { FHIRType(raw: 42) }
  /// The FHIR type `MarketingStatus`.
  @inlinable package static var marketingStatus: FHIRType { FHIRType(raw: 43) }
  /// The FHIR type `Meta`.
  @inlinable package static var meta: FHIRType { FHIRType(raw: 44) }
  /// The FHIR type `Money`.
  @inlinable package static var money: FHIRType { FHIRType(raw: 45) }
  /// The FHIR type `MoneyQuantity`.
  @inlinable package static var moneyQuantity: FHIRType { FHIRType(raw: 46) }
  /// The FHIR type `Narrative`.
  @inlinable package static var narrative: FHIRType { FHIRType(raw: 47) }
  /// The FHIR type `ParameterDefinition`.
  @inlinable package static var parameterDefinition: FHIRType { FHIRType(raw: 48) }
  /// The FHIR type `Period`.
  @inlinable package static var period: FHIRType { FHIRType(raw: 49) }
  /// The FHIR type `Population`.
  @inlinable package static var population: FHIRType { FHIRType(raw: 50) }
  /// The FHIR type `ProdCharacteristic`.
  @inlinable package static var prodCharacteristic: FHIRType { FHIRType(raw: 51) }
  /// The FHIR type `ProductShelfLife`.
  @inlinable package static var productShelfLife: FHIRType { FHIRType(raw: 52) }
  /// The FHIR type `Quantity`.
  @inlinable package static var quantity: FHIRType { FHIRType(raw: 53) }
  /// The FHIR type `Range`.
  @inlinable package static var range: FHIRType { FHIRType(raw: 54) }
  /// The FHIR type `Ratio`.
  @inlinable package static var ratio: FHIRType { FHIRType(raw: 55) }
  /// The FHIR type `Reference`.
  @inlinable package static var reference: FHIRType { FHIRType(raw: 56) }
  /// The FHIR type `RelatedArtifact`.
  @inlinable package static var relatedArtifact: FHIRType { FHIRType(raw: 57) }
  /// The FHIR type `SampledData`.
  @inlinable package static var sampledData: FHIRType { FHIRType(raw: 58) }
  /// The FHIR type `Signature`.
  @inlinable package static var signature: FHIRType { FHIRType(raw: 59) }
  /// The FHIR type `SimpleQuantity`.
  @inlinable package static var simpleQuantity: FHIRType { FHIRType(raw: 60) }
  /// The FHIR type `SubstanceAmount`.
  @inlinable package static var substanceAmount: FHIRType { FHIRType(raw: 61) }
  /// The FHIR type `Timing`.
  @inlinable package static var timing: FHIRType { FHIRType(raw: 62) }
  /// The FHIR type `TriggerDefinition`.
  @inlinable package static var triggerDefinition: FHIRType { FHIRType(raw: 63) }
  /// The FHIR type `UsageContext`.
  @inlinable package static var usageContext: FHIRType { FHIRType(raw: 64) }
  /// The FHIR type `Account`.
  @inlinable package static var account: FHIRType { FHIRType(raw: 65) }
  /// The FHIR type `ActivityDefinition`.
  @inlinable package static var activityDefinition: FHIRType { FHIRType(raw: 66) }
  /// The FHIR type `AdverseEvent`.
  @inlinable package static var adverseEvent: FHIRType { FHIRType(raw: 67) }
  /// The FHIR type `AllergyIntolerance`.
  @inlinable package static var allergyIntolerance: FHIRType { FHIRType(raw: 68) }
  /// The FHIR type `Appointment`.
  @inlinable package static var appointment: FHIRType { FHIRType(raw: 69) }
  /// The FHIR type `AppointmentResponse`.
  @inlinable package static var appointmentResponse: FHIRType { FHIRType(raw: 70) }
  /// The FHIR type `AuditEvent`.
  @inlinable package static var auditEvent: FHIRType { FHIRType(raw: 71) }
  /// The FHIR type `Basic`.
  @inlinable package static var basic: FHIRType { FHIRType(raw: 72) }
  /// The FHIR type `Binary`.
  @inlinable package static var binary: FHIRType { FHIRType(raw: 73) }
  /// The FHIR type `BiologicallyDerivedProduct`.
  @inlinable package static var biologicallyDerivedProduct: FHIRType { FHIRType(raw: 74) }
  /// The FHIR type `BodyStructure`.
  @inlinable package static var bodyStructure: FHIRType { FHIRType(raw: 75) }
  /// The FHIR type `Bundle`.
  @inlinable package static var bundle: FHIRType { FHIRType(raw: 76) }
  /// The FHIR type `CapabilityStatement`.
  @inlinable package static var capabilityStatement: FHIRType { FHIRType(raw: 77) }
  /// The FHIR type `CarePlan`.
  @inlinable package static var carePlan: FHIRType { FHIRType(raw: 78) }
  /// The FHIR type `CareTeam`.
  @inlinable package static var careTeam: FHIRType { FHIRType(raw: 79) }
  /// The FHIR type `CatalogEntry`.
  @inlinable package static var catalogEntry: FHIRType { FHIRType(raw: 80) }
  /// The FHIR type `ChargeItem`.
  @inlinable package static var chargeItem: FHIRType { FHIRType(raw: 81) }
  /// The FHIR type `ChargeItemDefinition`.
  @inlinable package static var chargeItemDefinition: FHIRType { FHIRType(raw: 82) }
  /// The FHIR type `Claim`.
  @inlinable package static var claim: FHIRType { FHIRType(raw: 83) }
  /// The FHIR type `ClaimResponse`.
  @inlinable package static var claimResponse: FHIRType { FHIRType(raw: 84) }
  /// The FHIR type `ClinicalImpression`.
  @inlinable package static var clinicalImpression: FHIRType { FHIRType(raw: 85) }
  /// The FHIR type `CodeSystem`.
  @inlinable package static var codeSystem: FHIRType { FHIRType(raw: 86) }
  /// The FHIR type `Communication`.
  @inlinable package static var communication: FHIRType { FHIRType(raw: 87) }
  /// The FHIR type `CommunicationRequest`.
  @inlinable package static var communicationRequest: FHIRType { FHIRType(raw: 88) }
  /// The FHIR type `CompartmentDefinition`.
  @inlinable package static var compartmentDefinition: FHIRType { FHIRType(raw: 89) }
  /// The FHIR type `Composition`.
  @inlinable package static var composition: FHIRType { FHIRType(raw: 90) }
  /// The FHIR type `ConceptMap`.
  @inlinable package static var conceptMap: FHIRType { FHIRType(raw: 91) }
  /// The FHIR type `Condition`.
  @inlinable package static var condition: FHIRType { FHIRType(raw: 92) }
  /// The FHIR type `Consent`.
  @inlinable package static var consent: FHIRType { FHIRType(raw: 93) }
  /// The FHIR type `Contract`.
  @inlinable package static var contract: FHIRType { FHIRType(raw: 94) }
  /// The FHIR type `Coverage`.
  @inlinable package static var coverage: FHIRType { FHIRType(raw: 95) }
  /// The FHIR type `CoverageEligibilityRequest`.
  @inlinable package static var coverageEligibilityRequest: FHIRType { FHIRType(raw: 96) }
  /// The FHIR type `CoverageEligibilityResponse`.
  @inlinable package static var coverageEligibilityResponse: FHIRType { FHIRType(raw: 97) }
  /// The FHIR type `DetectedIssue`.
  @inlinable package static var detectedIssue: FHIRType { FHIRType(raw: 98) }
  /// The FHIR type `Device`.
  @inlinable package static var device: FHIRType { FHIRType(raw: 99) }
  /// The FHIR type `DeviceDefinition`.
  @inlinable package static var deviceDefinition: FHIRType { FHIRType(raw: 100) }
  /// The FHIR type `DeviceMetric`.
  @inlinable package static var deviceMetric: FHIRType { FHIRType(raw: 101) }
  /// The FHIR type `DeviceRequest`.
  @inlinable package static var deviceRequest: FHIRType { FHIRType(raw: 102) }
  /// The FHIR type `DeviceUseStatement`.
  @inlinable package static var deviceUseStatement: FHIRType { FHIRType(raw: 103) }
  /// The FHIR type `DiagnosticReport`.
  @inlinable package static var diagnosticReport: FHIRType { FHIRType(raw: 104) }
  /// The FHIR type `DocumentManifest`.
  @inlinable package static var documentManifest: FHIRType { FHIRType(raw: 105) }
  /// The FHIR type `DocumentReference`.
  @inlinable package static var documentReference: FHIRType { FHIRType(raw: 106) }
  /// The FHIR type `EffectEvidenceSynthesis`.
  @inlinable package static var effectEvidenceSynthesis: FHIRType { FHIRType(raw: 107) }
  /// The FHIR type `Encounter`.
  @inlinable package static var encounter: FHIRType { FHIRType(raw: 108) }
  /// The FHIR type `Endpoint`.
  @inlinable package static var endpoint: FHIRType { FHIRType(raw: 109) }
  /// The FHIR type `EnrollmentRequest`.
  @inlinable package static var enrollmentRequest: FHIRType { FHIRType(raw: 110) }
  /// The FHIR type `EnrollmentResponse`.
  @inlinable package static var enrollmentResponse: FHIRType { FHIRType(raw: 111) }
  /// The FHIR type `EpisodeOfCare`.
  @inlinable package static var episodeOfCare: FHIRType { FHIRType(raw: 112) }
  /// The FHIR type `EventDefinition`.
  @inlinable package static var eventDefinition: FHIRType { FHIRType(raw: 113) }
  /// The FHIR type `Evidence`.
  @inlinable package static var evidence: FHIRType { FHIRType(raw: 114) }
  /// The FHIR type `EvidenceVariable`.
  @inlinable package static var evidenceVariable: FHIRType { FHIRType(raw: 115) }
  /// The FHIR type `ExampleScenario`.
  @inlinable package static var exampleScenario: FHIRType { FHIRType(raw: 116) }
  /// The FHIR type `ExplanationOfBenefit`.
  @inlinable package static var explanationOfBenefit: FHIRType { FHIRType(raw: 117) }
  /// The FHIR type `FamilyMemberHistory`.
  @inlinable package static var familyMemberHistory: FHIRType { FHIRType(raw: 118) }
  /// The FHIR type `Flag`.
  @inlinable package static var flag: FHIRType { FHIRType(raw: 119) }
  /// The FHIR type `Goal`.
  @inlinable package static var goal: FHIRType { FHIRType(raw: 120) }
  /// The FHIR type `GraphDefinition`.
  @inlinable package static var graphDefinition: FHIRType { FHIRType(raw: 121) }
  /// The FHIR type `Group`.
  @inlinable package static var group: FHIRType { FHIRType(raw: 122) }
  /// The FHIR type `GuidanceResponse`.
  @inlinable package static var guidanceResponse: FHIRType { FHIRType(raw: 123) }
  /// The FHIR type `HealthcareService`.
  @inlinable package static var healthcareService: FHIRType { FHIRType(raw: 124) }
  /// The FHIR type `ImagingStudy`.
  @inlinable package static var imagingStudy: FHIRType { FHIRType(raw: 125) }
  /// The FHIR type `Immunization`.
  @inlinable package static var immunization: FHIRType { FHIRType(raw: 126) }
  /// The FHIR type `ImmunizationEvaluation`.
  @inlinable package static var immunizationEvaluation: FHIRType { FHIRType(raw: 127) }
  /// The FHIR type `ImmunizationRecommendation`.
  @inlinable package static var immunizationRecommendation: FHIRType { FHIRType(raw: 128) }
  /// The FHIR type `ImplementationGuide`.
  @inlinable package static var implementationGuide: FHIRType { FHIRType(raw: 129) }
  /// The FHIR type `InsurancePlan`.
  @inlinable package static var insurancePlan: FHIRType { FHIRType(raw: 130) }
  /// The FHIR type `Invoice`.
  @inlinable package static var invoice: FHIRType { FHIRType(raw: 131) }
  /// The FHIR type `Library`.
  @inlinable package static var library: FHIRType { FHIRType(raw: 132) }
  /// The FHIR type `Linkage`.
  @inlinable package static var linkage: FHIRType { FHIRType(raw: 133) }
  /// The FHIR type `List`.
  @inlinable package static var list: FHIRType { FHIRType(raw: 134) }
  /// The FHIR type `Location`.
  @inlinable package static var location: FHIRType { FHIRType(raw: 135) }
  /// The FHIR type `Measure`.
  @inlinable package static var measure: FHIRType { FHIRType(raw: 136) }
  /// The FHIR type `MeasureReport`.
  @inlinable package static var measureReport: FHIRType { FHIRType(raw: 137) }
  /// The FHIR type `Media`.
  @inlinable package static var media: FHIRType { FHIRType(raw: 138) }
  /// The FHIR type `Medication`.
  @inlinable package static var medication: FHIRType { FHIRType(raw: 139) }
  /// The FHIR type `MedicationAdministration`.
  @inlinable package static var medicationAdministration: FHIRType { FHIRType(raw: 140) }
  /// The FHIR type `MedicationDispense`.
  @inlinable package static var medicationDispense: FHIRType { FHIRType(raw: 141) }
  /// The FHIR type `MedicationKnowledge`.
  @inlinable package static var medicationKnowledge: FHIRType { FHIRType(raw: 142) }
  /// The FHIR type `MedicationRequest`.
  @inlinable package static var medicationRequest: FHIRType { FHIRType(raw: 143) }
  /// The FHIR type `MedicationStatement`.
  @inlinable package static var medicationStatement: FHIRType { FHIRType(raw: 144) }
  /// The FHIR type `MedicinalProduct`.
  @inlinable package static var medicinalProduct: FHIRType { FHIRType(raw: 145) }
  /// The FHIR type `MedicinalProductAuthorization`.
  @inlinable package static var medicinalProductAuthorization: FHIRType { FHIRType(raw: 146) }
  /// The FHIR type `MedicinalProductContraindication`.
  @inlinable package static var medicinalProductContraindication: FHIRType { FHIRType(raw: 147) }
  /// The FHIR type `MedicinalProductIndication`.
  @inlinable package static var medicinalProductIndication: FHIRType { FHIRType(raw: 148) }
  /// The FHIR type `MedicinalProductIngredient`.
  @inlinable package static var medicinalProductIngredient: FHIRType { FHIRType(raw: 149) }
  /// The FHIR type `MedicinalProductInteraction`.
  @inlinable package static var medicinalProductInteraction: FHIRType { FHIRType(raw: 150) }
  /// The FHIR type `MedicinalProductManufactured`.
  @inlinable package static var medicinalProductManufactured: FHIRType { FHIRType(raw: 151) }
  /// The FHIR type `MedicinalProductPackaged`.
  @inlinable package static var medicinalProductPackaged: FHIRType { FHIRType(raw: 152) }
  /// The FHIR type `MedicinalProductPharmaceutical`.
  @inlinable package static var medicinalProductPharmaceutical: FHIRType { FHIRType(raw: 153) }
  /// The FHIR type `MedicinalProductUndesirableEffect`.
  @inlinable package static var medicinalProductUndesirableEffect: FHIRType { FHIRType(raw: 154) }
  /// The FHIR type `MessageDefinition`.
  @inlinable package static var messageDefinition: FHIRType { FHIRType(raw: 155) }
  /// The FHIR type `MessageHeader`.
  @inlinable package static var messageHeader: FHIRType { FHIRType(raw: 156) }
  /// The FHIR type `MolecularSequence`.
  @inlinable package static var molecularSequence: FHIRType { FHIRType(raw: 157) }
  /// The FHIR type `NamingSystem`.
  @inlinable package static var namingSystem: FHIRType { FHIRType(raw: 158) }
  /// The FHIR type `NutritionOrder`.
  @inlinable package static var nutritionOrder: FHIRType { FHIRType(raw: 159) }
  /// The FHIR type `Observation`.
  @inlinable package static var observation: FHIRType { FHIRType(raw: 160) }
  /// The FHIR type `ObservationDefinition`.
  @inlinable package static var observationDefinition: FHIRType { FHIRType(raw: 161) }
  /// The FHIR type `OperationDefinition`.
  @inlinable package static var operationDefinition: FHIRType { FHIRType(raw: 162) }
  /// The FHIR type `OperationOutcome`.
  @inlinable package static var operationOutcome: FHIRType { FHIRType(raw: 163) }
  /// The FHIR type `Organization`.
  @inlinable package static var organization: FHIRType { FHIRType(raw: 164) }
  /// The FHIR type `OrganizationAffiliation`.
  @inlinable package static var organizationAffiliation: FHIRType { FHIRType(raw: 165) }
  /// The FHIR type `Parameters`.
  @inlinable package static var parameters: FHIRType { FHIRType(raw: 166) }
  /// The FHIR type `Patient`.
  @inlinable package static var patient: FHIRType { FHIRType(raw: 167) }
  /// The FHIR type `PaymentNotice`.
  @inlinable package static var paymentNotice: FHIRType { FHIRType(raw: 168) }
  /// The FHIR type `PaymentReconciliation`.
  @inlinable package static var paymentReconciliation: FHIRType { FHIRType(raw: 169) }
  /// The FHIR type `Person`.
  @inlinable package static var person: FHIRType { FHIRType(raw: 170) }
  /// The FHIR type `PlanDefinition`.
  @inlinable package static var planDefinition: FHIRType { FHIRType(raw: 171) }
  /// The FHIR type `Practitioner`.
  @inlinable package static var practitioner: FHIRType { FHIRType(raw: 172) }
  /// The FHIR type `PractitionerRole`.
  @inlinable package static var practitionerRole: FHIRType { FHIRType(raw: 173) }
  /// The FHIR type `Procedure`.
  @inlinable package static var procedure: FHIRType { FHIRType(raw: 174) }
  /// The FHIR type `Provenance`.
  @inlinable package static var provenance: FHIRType { FHIRType(raw: 175) }
  /// The FHIR type `Questionnaire`.
  @inlinable package static var questionnaire: FHIRType { FHIRType(raw: 176) }
  /// The FHIR type `QuestionnaireResponse`.
  @inlinable package static var questionnaireResponse: FHIRType { FHIRType(raw: 177) }
  /// The FHIR type `RelatedPerson`.
  @inlinable package static var relatedPerson: FHIRType { FHIRType(raw: 178) }
  /// The FHIR type `RequestGroup`.
  @inlinable package static var requestGroup: FHIRType { FHIRType(raw: 179) }
  /// The FHIR type `ResearchDefinition`.
  @inlinable package static var researchDefinition: FHIRType { FHIRType(raw: 180) }
  /// The FHIR type `ResearchElementDefinition`.
  @inlinable package static var researchElementDefinition: FHIRType { FHIRType(raw: 181) }
  /// The FHIR type `ResearchStudy`.
  @inlinable package static var researchStudy: FHIRType { FHIRType(raw: 182) }
  /// The FHIR type `ResearchSubject`.
  @inlinable package static var researchSubject: FHIRType { FHIRType(raw: 183) }
  /// The FHIR type `RiskAssessment`.
  @inlinable package static var riskAssessment: FHIRType { FHIRType(raw: 184) }
  /// The FHIR type `RiskEvidenceSynthesis`.
  @inlinable package static var riskEvidenceSynthesis: FHIRType { FHIRType(raw: 185) }
  /// The FHIR type `Schedule`.
  @inlinable package static var schedule: FHIRType { FHIRType(raw: 186) }
  /// The FHIR type `SearchParameter`.
  @inlinable package static var searchParameter: FHIRType { FHIRType(raw: 187) }
  /// The FHIR type `ServiceRequest`.
  @inlinable package static var serviceRequest: FHIRType { FHIRType(raw: 188) }
  /// The FHIR type `Slot`.
  @inlinable package static var slot: FHIRType { FHIRType(raw: 189) }
  /// The FHIR type `Specimen`.
  @inlinable package static var specimen: FHIRType { FHIRType(raw: 190) }
  /// The FHIR type `SpecimenDefinition`.
  @inlinable package static var specimenDefinition: FHIRType { FHIRType(raw: 191) }
  /// The FHIR type `StructureDefinition`.
  @inlinable package static var structureDefinition: FHIRType { FHIRType(raw: 192) }
  /// The FHIR type `StructureMap`.
  @inlinable package static var structureMap: FHIRType { FHIRType(raw: 193) }
  /// The FHIR type `Subscription`.
  @inlinable package static var subscription: FHIRType { FHIRType(raw: 194) }
  /// The FHIR type `Substance`.
  @inlinable package static var substance: FHIRType { FHIRType(raw: 195) }
  /// The FHIR type `SubstanceNucleicAcid`.
  @inlinable package static var substanceNucleicAcid: FHIRType { FHIRType(raw: 196) }
  /// The FHIR type `SubstancePolymer`.
  @inlinable package static var substancePolymer: FHIRType { FHIRType(raw: 197) }
  /// The FHIR type `SubstanceProtein`.
  @inlinable package static var substanceProtein: FHIRType { FHIRType(raw: 198) }
  /// The FHIR type `SubstanceReferenceInformation`.
  @inlinable package static var substanceReferenceInformation: FHIRType { FHIRType(raw: 199) }
  /// The FHIR type `SubstanceSourceMaterial`.
  @inlinable package static var substanceSourceMaterial: FHIRType { FHIRType(raw: 200) }
  /// The FHIR type `SubstanceSpecification`.
  @inlinable package static var substanceSpecification: FHIRType { FHIRType(raw: 201) }
  /// The FHIR type `SupplyDelivery`.
  @inlinable package static var supplyDelivery: FHIRType { FHIRType(raw: 202) }
  /// The FHIR type `SupplyRequest`.
  @inlinable package static var supplyRequest: FHIRType { FHIRType(raw: 203) }
  /// The FHIR type `Task`.
  @inlinable package static var task: FHIRType { FHIRType(raw: 204) }
  /// The FHIR type `TerminologyCapabilities`.
  @inlinable package static var terminologyCapabilities: FHIRType { FHIRType(raw: 205) }
  /// The FHIR type `TestReport`.
  @inlinable package static var testReport: FHIRType { FHIRType(raw: 206) }
  /// The FHIR type `TestScript`.
  @inlinable package static var testScript: FHIRType { FHIRType(raw: 207) }
  /// The FHIR type `ValueSet`.
  @inlinable package static var valueSet: FHIRType { FHIRType(raw: 208) }
  /// The FHIR type `VerificationResult`.
  @inlinable package static var verificationResult: FHIRType { FHIRType(raw: 209) }
  /// The FHIR type `VisionPrescription`.
  @inlinable package static var visionPrescription: FHIRType { FHIRType(raw: 210) }
}

extension R4Tables {
  /// The R4 model in the compact text format that `R4Tables.init(decoding:)` reads.
  static let source: StaticString = #"""
TElement - c
TBackboneElement 0 c
TResource - a
TDomainResource 2 a
Tbase64Binary 0 p
Tboolean 0 p
Tcanonical 20 p
Tcode 17 p
Tdate 0 p
TdateTime 0 p
Tdecimal 0 p
Tid 17 p
Tinstant 0 p
Tinteger 0 p
Tmarkdown 17 p
Toid 20 p
TpositiveInt 13 p
Tstring 0 p
Ttime 0 p
TunsignedInt 13 p
Turi 0 p
Turl 20 p
Tuuid 20 p
Txhtml 0 p
TAddress 0 c
TAge 53 c
TAnnotation 0 c
TAttachment 0 c
TCodeableConcept 0 c
TCoding 0 c
TContactDetail 0 c
TContactPoint 0 c
TContributor 0 c
TCount 53 c
TDataRequirement 0 c
TDistance 53 c
TDosage 1 c
TDuration 53 c
TElementDefinition 1 c
TExpression 0 c
TExtension 0 c
THumanName 0 c
TIdentifier 0 c
TMarketingStatus 1 c
TMeta 0 c
TMoney 0 c
TMoneyQuantity 53 c
TNarrative 0 c
TParameterDefinition 0 c
TPeriod 0 c
TPopulation 1 c
TProdCharacteristic 1 c
TProductShelfLife 1 c
TQuantity 0 c
TRange 0 c
TRatio 0 c
TReference 0 c
TRelatedArtifact 0 c
TSampledData 0 c
TSignature 0 c
TSimpleQuantity 53 c
TSubstanceAmount 1 c
TTiming 1 c
TTriggerDefinition 0 c
TUsageContext 0 c
TAccount 3 r
TActivityDefinition 3 r
TAdverseEvent 3 r
TAllergyIntolerance 3 r
TAppointment 3 r
TAppointmentResponse 3 r
TAuditEvent 3 r
TBasic 3 r
TBinary 2 r
TBiologicallyDerivedProduct 3 r
TBodyStructure 3 r
TBundle 2 r
TCapabilityStatement 3 r
TCarePlan 3 r
TCareTeam 3 r
TCatalogEntry 3 r
TChargeItem 3 r
TChargeItemDefinition 3 r
TClaim 3 r
TClaimResponse 3 r
TClinicalImpression 3 r
TCodeSystem 3 r
TCommunication 3 r
TCommunicationRequest 3 r
TCompartmentDefinition 3 r
TComposition 3 r
TConceptMap 3 r
TCondition 3 r
TConsent 3 r
TContract 3 r
TCoverage 3 r
TCoverageEligibilityRequest 3 r
TCoverageEligibilityResponse 3 r
TDetectedIssue 3 r
TDevice 3 r
TDeviceDefinition 3 r
TDeviceMetric 3 r
TDeviceRequest 3 r
TDeviceUseStatement 3 r
TDiagnosticReport 3 r
TDocumentManifest 3 r
TDocumentReference 3 r
TEffectEvidenceSynthesis 3 r
TEncounter 3 r
TEndpoint 3 r
TEnrollmentRequest 3 r
TEnrollmentResponse 3 r
TEpisodeOfCare 3 r
TEventDefinition 3 r
TEvidence 3 r
TEvidenceVariable 3 r
TExampleScenario 3 r
TExplanationOfBenefit 3 r
TFamilyMemberHistory 3 r
TFlag 3 r
TGoal 3 r
TGraphDefinition 3 r
TGroup 3 r
TGuidanceResponse 3 r
THealthcareService 3 r
TImagingStudy 3 r
TImmunization 3 r
TImmunizationEvaluation 3 r
TImmunizationRecommendation 3 r
TImplementationGuide 3 r
TInsurancePlan 3 r
TInvoice 3 r
TLibrary 3 r
TLinkage 3 r
TList 3 r
TLocation 3 r
TMeasure 3 r
TMeasureReport 3 r
TMedia 3 r
TMedication 3 r
TMedicationAdministration 3 r
TMedicationDispense 3 r
TMedicationKnowledge 3 r
TMedicationRequest 3 r
TMedicationStatement 3 r
TMedicinalProduct 3 r
TMedicinalProductAuthorization 3 r
TMedicinalProductContraindication 3 r
TMedicinalProductIndication 3 r
TMedicinalProductIngredient 3 r
TMedicinalProductInteraction 3 r
TMedicinalProductManufactured 3 r
TMedicinalProductPackaged 3 r
TMedicinalProductPharmaceutical 3 r
TMedicinalProductUndesirableEffect 3 r
TMessageDefinition 3 r
TMessageHeader 3 r
TMolecularSequence 3 r
TNamingSystem 3 r
TNutritionOrder 3 r
TObservation 3 r
TObservationDefinition 3 r
TOperationDefinition 3 r
TOperationOutcome 3 r
TOrganization 3 r
TOrganizationAffiliation 3 r
TParameters 2 r
TPatient 3 r
TPaymentNotice 3 r
TPaymentReconciliation 3 r
TPerson 3 r
TPlanDefinition 3 r
TPractitioner 3 r
TPractitionerRole 3 r
TProcedure 3 r
TProvenance 3 r
TQuestionnaire 3 r
TQuestionnaireResponse 3 r
TRelatedPerson 3 r
TRequestGroup 3 r
TResearchDefinition 3 r
TResearchElementDefinition 3 r
TResearchStudy 3 r
TResearchSubject 3 r
TRiskAssessment 3 r
TRiskEvidenceSynthesis 3 r
TSchedule 3 r
TSearchParameter 3 r
TServiceRequest 3 r
TSlot 3 r
TSpecimen 3 r
TSpecimenDefinition 3 r
TStructureDefinition 3 r
TStructureMap 3 r
TSubscription 3 r
TSubstance 3 r
TSubstanceNucleicAcid 3 r
TSubstancePolymer 3 r
TSubstanceProtein 3 r
TSubstanceReferenceInformation 3 r
TSubstanceSourceMaterial 3 r
TSubstanceSpecification 3 r
TSupplyDelivery 3 r
TSupplyRequest 3 r
TTask 3 r
TTerminologyCapabilities 3 r
TTestReport 3 r
TTestScript 3 r
TValueSet 3 r
TVerificationResult 3 r
TVisionPrescription 3 r
SElement 0
extension 40 m 20
id 17 - -
SBackboneElement 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SResource 2
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
SDomainResource 3
contained 2 rm -
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
text 47 - 26
SAddress 24
city 17 - -
country 17 - -
district 17 - -
extension 40 m 20
id 17 - -
line 17 m -
period 49 - 28
postalCode 17 - -
state 17 - -
text 17 - -
type 7 - -
use 7 - -
SAge 25
code 7 - -
comparator 7 - -
extension 40 m 20
id 17 - -
system 20 - -
unit 17 - -
value 10 - -
SAnnotation 26
author 56,17 c -
extension 40 m 20
id 17 - -
text 14 - -
time 9 - -
SAttachment 27
contentType 7 - -
creation 9 - -
data 4 - -
extension 40 m 20
hash 4 - -
id 17 - -
language 7 - -
size 19 - -
title 17 - -
url 21 - -
SCodeableConcept 28
coding 29 m 9
extension 40 m 20
id 17 - -
text 17 - -
SCoding 29
code 7 - -
display 17 - -
extension 40 m 20
id 17 - -
system 20 - -
userSelected 5 - -
version 17 - -
SContactDetail 30
extension 40 m 20
id 17 - -
name 17 - -
telecom 31 m 11
SContactPoint 31
extension 40 m 20
id 17 - -
period 49 - 28
rank 16 - -
system 7 - -
use 7 - -
value 17 - -
SContributor 32
contact 30 m 10
extension 40 m 20
id 17 - -
name 17 - -
type 7 - -
SCount 33
code 7 - -
comparator 7 - -
extension 40 m 20
id 17 - -
system 20 - -
unit 17 - -
value 10 - -
SDataRequirement 34
codeFilter 0 m 307
dateFilter 0 m 308
extension 40 m 20
id 17 - -
limit 16 - -
mustSupport 17 m -
profile 6 m -
sort 0 m 309
subject 28,56 c -
type 7 - -
SDistance 35
code 7 - -
comparator 7 - -
extension 40 m 20
id 17 - -
system 20 - -
unit 17 - -
value 10 - -
SDosage 36
additionalInstruction 28 m 8
asNeeded 5,28 c -
doseAndRate 0 m 330
extension 40 m 20
id 17 - -
maxDosePerAdministration 53 - 32
maxDosePerLifetime 53 - 32
maxDosePerPeriod 55 - 34
method 28 - 8
modifierExtension 40 m 20
patientInstruction 17 - -
route 28 - 8
sequence 13 - -
site 28 - 8
text 17 - -
timing 62 - 40
SDuration 37
code 7 - -
comparator 7 - -
extension 40 m 20
id 17 - -
system 20 - -
unit 17 - -
value 10 - -
SElementDefinition 38
alias 17 m -
base 0 - 337
binding 0 - 338
code 29 m 9
comment 14 - -
condition 11 m -
constraint 0 m 339
contentReference 20 - -
defaultValue 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
definition 14 - -
example 0 m 340
extension 40 m 20
fixed 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
id 17 - -
isModifier 5 - -
isModifierReason 17 - -
isSummary 5 - -
label 17 - -
mapping 0 m 341
max 17 - -
maxLength 13 - -
maxValue 8,9,12,18,10,13,16,19,53 c -
meaningWhenMissing 14 - -
min 19 - -
minValue 8,9,12,18,10,13,16,19,53 c -
modifierExtension 40 m 20
mustSupport 5 - -
orderMeaning 17 - -
path 17 - -
pattern 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
representation 7 m -
requirements 14 - -
short 17 - -
sliceIsConstraining 5 - -
sliceName 17 - -
slicing 0 - 342
type 0 m 344
SExpression 39
description 17 - -
expression 17 - -
extension 40 m 20
id 17 - -
language 7 - -
name 11 - -
reference 20 - -
SExtension 40
extension 40 m 20
id 17 - -
url 20 - -
value 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
SHumanName 41
extension 40 m 20
family 17 - -
given 17 m -
id 17 - -
period 49 - 28
prefix 17 m -
suffix 17 m -
text 17 - -
use 7 - -
SIdentifier 42
assigner 56 - 35
extension 40 m 20
id 17 - -
period 49 - 28
system 20 - -
type 28 - 8
use 7 - -
value 17 - -
SMarketingStatus 43
country 28 - 8
dateRange 49 - 28
extension 40 m 20
id 17 - -
jurisdiction 28 - 8
modifierExtension 40 m 20
restoreDate 9 - -
status 28 - 8
SMeta 44
extension 40 m 20
id 17 - -
lastUpdated 12 - -
profile 6 m -
security 29 m 9
source 20 - -
tag 29 m 9
versionId 11 - -
SMoney 45
currency 7 - -
extension 40 m 20
id 17 - -
value 10 - -
SNarrative 47
div 23 - -
extension 40 m 20
id 17 - -
status 7 - -
SParameterDefinition 48
documentation 17 - -
extension 40 m 20
id 17 - -
max 17 - -
min 13 - -
name 7 - -
profile 6 - -
type 7 - -
use 7 - -
SPeriod 49
end 9 - -
extension 40 m 20
id 17 - -
start 9 - -
SPopulation 50
age 54,28 c -
extension 40 m 20
gender 28 - 8
id 17 - -
modifierExtension 40 m 20
physiologicalCondition 28 - 8
race 28 - 8
SProdCharacteristic 51
color 17 m -
depth 53 - 32
extension 40 m 20
externalDiameter 53 - 32
height 53 - 32
id 17 - -
image 27 m 7
imprint 17 m -
modifierExtension 40 m 20
nominalVolume 53 - 32
scoring 28 - 8
shape 17 - -
weight 53 - 32
width 53 - 32
SProductShelfLife 52
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
period 53 - 32
specialPrecautionsForStorage 28 m 8
type 28 - 8
SQuantity 53
code 7 - -
comparator 7 - -
extension 40 m 20
id 17 - -
system 20 - -
unit 17 - -
value 10 - -
SRange 54
extension 40 m 20
high 53 - 32
id 17 - -
low 53 - 32
SRatio 55
denominator 53 - 32
extension 40 m 20
id 17 - -
numerator 53 - 32
SReference 56
display 17 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
reference 17 - -
type 20 - -
SRelatedArtifact 57
citation 14 - -
display 17 - -
document 27 - 7
extension 40 m 20
id 17 - -
label 17 - -
resource 6 - -
type 7 - -
url 21 - -
SSampledData 58
data 17 - -
dimensions 16 - -
extension 40 m 20
factor 10 - -
id 17 - -
lowerLimit 10 - -
origin 53 - 32
period 10 - -
upperLimit 10 - -
SSignature 59
data 4 - -
extension 40 m 20
id 17 - -
onBehalfOf 56 - 35
sigFormat 7 - -
targetFormat 7 - -
type 29 m 9
when 12 - -
who 56 - 35
SSubstanceAmount 61
amount 53,54,17 c -
amountText 17 - -
amountType 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
referenceRange 0 - 577
STiming 62
code 28 - 8
event 9 m -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
repeat 0 - 648
STriggerDefinition 63
condition 39 - 19
data 34 m 14
extension 40 m 20
id 17 - -
name 17 - -
timing 62,56,8,9 c -
type 7 - -
SUsageContext 64
code 29 - 9
extension 40 m 20
id 17 - -
value 28,53,54,56 c -
SAccount 65
contained 2 rm -
coverage 1 m 189
description 17 - -
extension 40 m 20
guarantor 1 m 190
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
owner 56 - 35
partOf 56 - 35
servicePeriod 49 - 28
status 7 - -
subject 56 m 35
text 47 - 26
type 28 - 8
SActivityDefinition 66
approvalDate 8 - -
author 30 m 10
bodySite 28 m 8
code 28 - 8
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
doNotPerform 5 - -
dosage 36 m 16
dynamicValue 1 m 191
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
intent 7 - -
jurisdiction 28 m 8
kind 7 - -
language 7 - -
lastReviewDate 8 - -
library 6 m -
location 56 - 35
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
observationRequirement 56 m 35
observationResultRequirement 56 m 35
participant 1 m 192
priority 7 - -
product 56,28 c -
profile 6 - -
publisher 17 - -
purpose 14 - -
quantity 53 - 32
relatedArtifact 57 m 36
reviewer 30 m 10
specimenRequirement 56 m 35
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
timing 62,9,25,49,54,37 c -
title 17 - -
topic 28 m 8
transform 6 - -
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SAdverseEvent 67
actuality 7 - -
category 28 m 8
contained 2 rm -
contributor 56 m 35
date 9 - -
detected 9 - -
encounter 56 - 35
event 28 - 8
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
location 56 - 35
meta 44 - 24
modifierExtension 40 m 20
outcome 28 - 8
recordedDate 9 - -
recorder 56 - 35
referenceDocument 56 m 35
resultingCondition 56 m 35
seriousness 28 - 8
severity 28 - 8
study 56 m 35
subject 56 - 35
subjectMedicalHistory 56 m 35
suspectEntity 1 m 193
text 47 - 26
SAllergyIntolerance 68
asserter 56 - 35
category 7 m -
clinicalStatus 28 - 8
code 28 - 8
contained 2 rm -
criticality 7 - -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
lastOccurrence 9 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
onset 9,25,49,54,17 c -
patient 56 - 35
reaction 1 m 195
recordedDate 9 - -
recorder 56 - 35
text 47 - 26
type 7 - -
verificationStatus 28 - 8
SAppointment 69
appointmentType 28 - 8
basedOn 56 m 35
cancelationReason 28 - 8
comment 17 - -
contained 2 rm -
created 9 - -
description 17 - -
end 12 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
minutesDuration 16 - -
modifierExtension 40 m 20
participant 1 m 196
patientInstruction 17 - -
priority 19 - -
reasonCode 28 m 8
reasonReference 56 m 35
requestedPeriod 49 m 28
serviceCategory 28 m 8
serviceType 28 m 8
slot 56 m 35
specialty 28 m 8
start 12 - -
status 7 - -
supportingInformation 56 m 35
text 47 - 26
SAppointmentResponse 70
actor 56 - 35
appointment 56 - 35
comment 17 - -
contained 2 rm -
end 12 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
participantStatus 7 - -
participantType 28 m 8
start 12 - -
text 47 - 26
SAuditEvent 71
action 7 - -
agent 1 m 197
contained 2 rm -
entity 1 m 199
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
outcome 7 - -
outcomeDesc 17 - -
period 49 - 28
purposeOfEvent 28 m 8
recorded 12 - -
source 1 - 201
subtype 29 m 9
text 47 - 26
type 29 - 9
SBasic 72
author 56 - 35
code 28 - 8
contained 2 rm -
created 8 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
subject 56 - 35
text 47 - 26
SBinary 73
contentType 7 - -
data 4 - -
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
securityContext 56 - 35
SBiologicallyDerivedProduct 74
collection 1 - 202
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
manipulation 1 - 203
meta 44 - 24
modifierExtension 40 m 20
parent 56 m 35
processing 1 m 204
productCategory 7 - -
productCode 28 - 8
quantity 13 - -
request 56 m 35
status 7 - -
storage 1 m 205
text 47 - 26
SBodyStructure 75
active 5 - -
contained 2 rm -
description 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
image 27 m 7
implicitRules 20 - -
language 7 - -
location 28 - 8
locationQualifier 28 m 8
meta 44 - 24
modifierExtension 40 m 20
morphology 28 - 8
patient 56 - 35
text 47 - 26
SBundle 76
entry 1 m 206
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
link 1 m 210
meta 44 - 24
signature 59 - 38
timestamp 12 - -
total 19 - -
type 7 - -
SCapabilityStatement 77
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
document 1 m 211
experimental 5 - -
extension 40 m 20
fhirVersion 7 - -
format 7 m -
id 11 - -
implementation 1 - 212
implementationGuide 6 m -
implicitRules 20 - -
imports 6 m -
instantiates 6 m -
jurisdiction 28 m 8
kind 7 - -
language 7 - -
messaging 1 m 213
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
patchFormat 7 m -
publisher 17 - -
purpose 14 - -
rest 1 m 216
software 1 - 223
status 7 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SCarePlan 78
activity 1 m 224
addresses 56 m 35
author 56 - 35
basedOn 56 m 35
careTeam 56 m 35
category 28 m 8
contained 2 rm -
contributor 56 m 35
created 9 - -
description 17 - -
encounter 56 - 35
extension 40 m 20
goal 56 m 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
intent 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
period 49 - 28
replaces 56 m 35
status 7 - -
subject 56 - 35
supportingInfo 56 m 35
text 47 - 26
title 17 - -
SCareTeam 79
category 28 m 8
contained 2 rm -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
managingOrganization 56 m 35
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
participant 1 m 226
period 49 - 28
reasonCode 28 m 8
reasonReference 56 m 35
status 7 - -
subject 56 - 35
telecom 31 m 11
text 47 - 26
SCatalogEntry 80
additionalCharacteristic 28 m 8
additionalClassification 28 m 8
additionalIdentifier 42 m 22
classification 28 m 8
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
lastUpdated 9 - -
meta 44 - 24
modifierExtension 40 m 20
orderable 5 - -
referencedItem 56 - 35
relatedEntry 1 m 227
status 7 - -
text 47 - 26
type 28 - 8
validTo 9 - -
validityPeriod 49 - 28
SChargeItem 81
account 56 m 35
bodysite 28 m 8
code 28 - 8
contained 2 rm -
context 56 - 35
costCenter 56 - 35
definitionCanonical 6 m -
definitionUri 20 m -
enteredDate 9 - -
enterer 56 - 35
extension 40 m 20
factorOverride 10 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49,62 c -
overrideReason 17 - -
partOf 56 m 35
performer 1 m 228
performingOrganization 56 - 35
priceOverride 45 - 25
product 56,28 c -
quantity 53 - 32
reason 28 m 8
requestingOrganization 56 - 35
service 56 m 35
status 7 - -
subject 56 - 35
supportingInformation 56 m 35
text 47 - 26
SChargeItemDefinition 82
applicability 1 m 229
approvalDate 8 - -
code 28 - 8
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
derivedFromUri 20 m -
description 14 - -
effectivePeriod 49 - 28
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instance 56 m 35
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
partOf 6 m -
propertyGroup 1 m 230
publisher 17 - -
replaces 6 m -
status 7 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SClaim 83
accident 1 - 232
billablePeriod 49 - 28
careTeam 1 m 233
contained 2 rm -
created 9 - -
diagnosis 1 m 234
enterer 56 - 35
extension 40 m 20
facility 56 - 35
fundsReserve 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurance 1 m 235
insurer 56 - 35
item 1 m 236
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
originalPrescription 56 - 35
patient 56 - 35
payee 1 - 239
prescription 56 - 35
priority 28 - 8
procedure 1 m 240
provider 56 - 35
referral 56 - 35
related 1 m 241
status 7 - -
subType 28 - 8
supportingInfo 1 m 242
text 47 - 26
total 45 - 25
type 28 - 8
use 7 - -
SClaimResponse 84
addItem 1 m 243
adjudication 1 m 249
communicationRequest 56 m 35
contained 2 rm -
created 9 - -
disposition 17 - -
error 1 m 246
extension 40 m 20
form 27 - 7
formCode 28 - 8
fundsReserve 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurance 1 m 247
insurer 56 - 35
item 1 m 248
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
outcome 7 - -
patient 56 - 35
payeeType 28 - 8
payment 1 - 252
preAuthPeriod 49 - 28
preAuthRef 17 - -
processNote 1 m 253
request 56 - 35
requestor 56 - 35
status 7 - -
subType 28 - 8
text 47 - 26
total 1 m 254
type 28 - 8
use 7 - -
SClinicalImpression 85
assessor 56 - 35
code 28 - 8
contained 2 rm -
date 9 - -
description 17 - -
effective 9,49 c -
encounter 56 - 35
extension 40 m 20
finding 1 m 255
id 11 - -
identifier 42 m 22
implicitRules 20 - -
investigation 1 m 256
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
previous 56 - 35
problem 56 m 35
prognosisCodeableConcept 28 m 8
prognosisReference 56 m 35
protocol 20 m -
status 7 - -
statusReason 28 - 8
subject 56 - 35
summary 17 - -
supportingInfo 56 m 35
text 47 - 26
SCodeSystem 86
caseSensitive 5 - -
compositional 5 - -
concept 1 m 257
contact 30 m 10
contained 2 rm -
content 7 - -
copyright 14 - -
count 19 - -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
filter 1 m 260
hierarchyMeaning 7 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
property 1 m 261
publisher 17 - -
purpose 14 - -
status 7 - -
supplements 6 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
valueSet 6 - -
version 17 - -
versionNeeded 5 - -
SCommunication 87
about 56 m 35
basedOn 56 m 35
category 28 m 8
contained 2 rm -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
inResponseTo 56 m 35
instantiatesCanonical 6 m -
instantiatesUri 20 m -
language 7 - -
medium 28 m 8
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
payload 1 m 262
priority 7 - -
reasonCode 28 m 8
reasonReference 56 m 35
received 9 - -
recipient 56 m 35
sender 56 - 35
sent 9 - -
status 7 - -
statusReason 28 - 8
subject 56 - 35
text 47 - 26
topic 28 - 8
SCommunicationRequest 88
about 56 m 35
authoredOn 9 - -
basedOn 56 m 35
category 28 m 8
contained 2 rm -
doNotPerform 5 - -
encounter 56 - 35
extension 40 m 20
groupIdentifier 42 - 22
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
medium 28 m 8
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49 c -
payload 1 m 263
priority 7 - -
reasonCode 28 m 8
reasonReference 56 m 35
recipient 56 m 35
replaces 56 m 35
requester 56 - 35
sender 56 - 35
status 7 - -
statusReason 28 - 8
subject 56 - 35
text 47 - 26
SCompartmentDefinition 89
code 7 - -
contact 30 m 10
contained 2 rm -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
resource 1 m 264
search 5 - -
status 7 - -
text 47 - 26
url 20 - -
useContext 64 m 42
version 17 - -
SComposition 90
attester 1 m 265
author 56 m 35
category 28 m 8
confidentiality 7 - -
contained 2 rm -
custodian 56 - 35
date 9 - -
encounter 56 - 35
event 1 m 266
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
relatesTo 1 m 267
section 1 m 268
status 7 - -
subject 56 - 35
text 47 - 26
title 17 - -
type 28 - 8
SConceptMap 91
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
group 1 m 269
id 11 - -
identifier 42 - 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
source 20,6 c -
status 7 - -
target 20,6 c -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SCondition 92
abatement 9,25,49,54,17 c -
asserter 56 - 35
bodySite 28 m 8
category 28 m 8
clinicalStatus 28 - 8
code 28 - 8
contained 2 rm -
encounter 56 - 35
evidence 1 m 274
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
onset 9,25,49,54,17 c -
recordedDate 9 - -
recorder 56 - 35
severity 28 - 8
stage 1 m 275
subject 56 - 35
text 47 - 26
verificationStatus 28 - 8
SConsent 93
category 28 m 8
contained 2 rm -
dateTime 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
organization 56 m 35
patient 56 - 35
performer 56 m 35
policy 1 m 276
policyRule 28 - 8
provision 1 - 277
scope 28 - 8
source 27,56 c -
status 7 - -
text 47 - 26
verification 1 m 280
SContract 94
alias 17 m -
applies 49 - 28
author 56 - 35
authority 56 m 35
contained 2 rm -
contentDefinition 1 - 281
contentDerivative 28 - 8
domain 56 m 35
expirationType 28 - 8
extension 40 m 20
friendly 1 m 282
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 56 - 35
instantiatesUri 20 - -
issued 9 - -
language 7 - -
legal 1 m 283
legalState 28 - 8
legallyBinding 27,56 c -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
relevantHistory 56 m 35
rule 1 m 284
scope 28 - 8
signer 1 m 285
site 56 m 35
status 7 - -
subType 28 m 8
subject 56 m 35
subtitle 17 - -
supportingInfo 56 m 35
term 1 m 286
text 47 - 26
title 17 - -
topic 28,56 c -
type 28 - 8
url 20 - -
version 17 - -
SCoverage 95
beneficiary 56 - 35
class 1 m 296
contained 2 rm -
contract 56 m 35
costToBeneficiary 1 m 297
dependent 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
network 17 - -
order 16 - -
payor 56 m 35
period 49 - 28
policyHolder 56 - 35
relationship 28 - 8
status 7 - -
subrogation 5 - -
subscriber 56 - 35
subscriberId 17 - -
text 47 - 26
type 28 - 8
SCoverageEligibilityRequest 96
contained 2 rm -
created 9 - -
enterer 56 - 35
extension 40 m 20
facility 56 - 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurance 1 m 299
insurer 56 - 35
item 1 m 300
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
patient 56 - 35
priority 28 - 8
provider 56 - 35
purpose 7 m -
serviced 8,49 c -
status 7 - -
supportingInfo 1 m 302
text 47 - 26
SCoverageEligibilityResponse 97
contained 2 rm -
created 9 - -
disposition 17 - -
error 1 m 303
extension 40 m 20
form 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurance 1 m 304
insurer 56 - 35
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
outcome 7 - -
patient 56 - 35
preAuthRef 17 - -
purpose 7 m -
request 56 - 35
requestor 56 - 35
serviced 8,49 c -
status 7 - -
text 47 - 26
SDetectedIssue 98
author 56 - 35
code 28 - 8
contained 2 rm -
detail 17 - -
evidence 1 m 310
extension 40 m 20
id 11 - -
identified 9,49 c -
identifier 42 m 22
implicated 56 m 35
implicitRules 20 - -
language 7 - -
meta 44 - 24
mitigation 1 m 311
modifierExtension 40 m 20
patient 56 - 35
reference 20 - -
severity 7 - -
status 7 - -
text 47 - 26
SDevice 99
contact 31 m 11
contained 2 rm -
definition 56 - 35
deviceName 1 m 312
distinctIdentifier 17 - -
expirationDate 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
location 56 - 35
lotNumber 17 - -
manufactureDate 9 - -
manufacturer 17 - -
meta 44 - 24
modelNumber 17 - -
modifierExtension 40 m 20
note 26 m 6
owner 56 - 35
parent 56 - 35
partNumber 17 - -
patient 56 - 35
property 1 m 313
safety 28 m 8
serialNumber 17 - -
specialization 1 m 314
status 7 - -
statusReason 28 m 8
text 47 - 26
type 28 - 8
udiCarrier 1 m 315
url 20 - -
version 1 m 316
SDeviceDefinition 100
capability 1 m 317
contact 31 m 11
contained 2 rm -
deviceName 1 m 318
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
languageCode 28 m 8
manufacturer 17,56 c -
material 1 m 319
meta 44 - 24
modelNumber 17 - -
modifierExtension 40 m 20
note 26 m 6
onlineInformation 20 - -
owner 56 - 35
parentDevice 56 - 35
physicalCharacteristics 51 - 30
property 1 m 320
quantity 53 - 32
safety 28 m 8
shelfLifeStorage 52 m 31
specialization 1 m 321
text 47 - 26
type 28 - 8
udiDeviceIdentifier 1 m 322
url 20 - -
version 17 m -
SDeviceMetric 101
calibration 1 m 323
category 7 - -
color 7 - -
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
measurementPeriod 62 - 40
meta 44 - 24
modifierExtension 40 m 20
operationalStatus 7 - -
parent 56 - 35
source 56 - 35
text 47 - 26
type 28 - 8
unit 28 - 8
SDeviceRequest 102
authoredOn 9 - -
basedOn 56 m 35
code 56,28 c -
contained 2 rm -
encounter 56 - 35
extension 40 m 20
groupIdentifier 42 - 22
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
insurance 56 m 35
intent 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49,62 c -
parameter 1 m 324
performer 56 - 35
performerType 28 - 8
priorRequest 56 m 35
priority 7 - -
reasonCode 28 m 8
reasonReference 56 m 35
relevantHistory 56 m 35
requester 56 - 35
status 7 - -
subject 56 - 35
supportingInfo 56 m 35
text 47 - 26
SDeviceUseStatement 103
basedOn 56 m 35
bodySite 28 - 8
contained 2 rm -
derivedFrom 56 m 35
device 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
reasonCode 28 m 8
reasonReference 56 m 35
recordedOn 9 - -
source 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
timing 62,49,9 c -
SDiagnosticReport 104
basedOn 56 m 35
category 28 m 8
code 28 - 8
conclusion 17 - -
conclusionCode 28 m 8
contained 2 rm -
effective 9,49 c -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
imagingStudy 56 m 35
implicitRules 20 - -
issued 12 - -
language 7 - -
media 1 m 325
meta 44 - 24
modifierExtension 40 m 20
performer 56 m 35
presentedForm 27 m 7
result 56 m 35
resultsInterpreter 56 m 35
specimen 56 m 35
status 7 - -
subject 56 - 35
text 47 - 26
SDocumentManifest 105
author 56 m 35
contained 2 rm -
content 56 m 35
created 9 - -
description 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
masterIdentifier 42 - 22
meta 44 - 24
modifierExtension 40 m 20
recipient 56 m 35
related 1 m 326
source 20 - -
status 7 - -
subject 56 - 35
text 47 - 26
type 28 - 8
SDocumentReference 106
authenticator 56 - 35
author 56 m 35
category 28 m 8
contained 2 rm -
content 1 m 327
context 1 - 328
custodian 56 - 35
date 12 - -
description 17 - -
docStatus 7 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
masterIdentifier 42 - 22
meta 44 - 24
modifierExtension 40 m 20
relatesTo 1 m 329
securityLabel 28 m 8
status 7 - -
subject 56 - 35
text 47 - 26
type 28 - 8
SEffectEvidenceSynthesis 107
approvalDate 8 - -
author 30 m 10
certainty 1 m 331
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectEstimate 1 m 333
effectivePeriod 49 - 28
endorser 30 m 10
exposure 56 - 35
exposureAlternative 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
outcome 56 - 35
population 56 - 35
publisher 17 - -
relatedArtifact 57 m 36
resultsByExposure 1 m 335
reviewer 30 m 10
sampleSize 1 - 336
status 7 - -
studyType 28 - 8
synthesisType 28 - 8
text 47 - 26
title 17 - -
topic 28 m 8
url 20 - -
useContext 64 m 42
version 17 - -
SEncounter 108
account 56 m 35
appointment 56 m 35
basedOn 56 m 35
class 29 - 9
classHistory 1 m 345
contained 2 rm -
diagnosis 1 m 346
episodeOfCare 56 m 35
extension 40 m 20
hospitalization 1 - 347
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
length 37 - 17
location 1 m 348
meta 44 - 24
modifierExtension 40 m 20
partOf 56 - 35
participant 1 m 349
period 49 - 28
priority 28 - 8
reasonCode 28 m 8
reasonReference 56 m 35
serviceProvider 56 - 35
serviceType 28 - 8
status 7 - -
statusHistory 1 m 350
subject 56 - 35
text 47 - 26
type 28 m 8
SEndpoint 109
address 21 - -
connectionType 29 - 9
contact 31 m 11
contained 2 rm -
extension 40 m 20
header 17 m -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
managingOrganization 56 - 35
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
payloadMimeType 7 m -
payloadType 28 m 8
period 49 - 28
status 7 - -
text 47 - 26
SEnrollmentRequest 110
candidate 56 - 35
contained 2 rm -
coverage 56 - 35
created 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurer 56 - 35
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
provider 56 - 35
status 7 - -
text 47 - 26
SEnrollmentResponse 111
contained 2 rm -
created 9 - -
disposition 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
organization 56 - 35
outcome 7 - -
request 56 - 35
requestProvider 56 - 35
status 7 - -
text 47 - 26
SEpisodeOfCare 112
account 56 m 35
careManager 56 - 35
contained 2 rm -
diagnosis 1 m 351
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
managingOrganization 56 - 35
meta 44 - 24
modifierExtension 40 m 20
patient 56 - 35
period 49 - 28
referralRequest 56 m 35
status 7 - -
statusHistory 1 m 352
team 56 m 35
text 47 - 26
type 28 m 8
SEventDefinition 113
approvalDate 8 - -
author 30 m 10
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
trigger 63 m 41
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SEvidence 114
approvalDate 8 - -
author 30 m 10
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
exposureBackground 56 - 35
exposureVariant 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
outcome 56 m 35
publisher 17 - -
relatedArtifact 57 m 36
reviewer 30 m 10
shortTitle 17 - -
status 7 - -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
url 20 - -
useContext 64 m 42
version 17 - -
SEvidenceVariable 115
approvalDate 8 - -
author 30 m 10
characteristic 1 m 353
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
publisher 17 - -
relatedArtifact 57 m 36
reviewer 30 m 10
shortTitle 17 - -
status 7 - -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
type 7 - -
url 20 - -
useContext 64 m 42
version 17 - -
SExampleScenario 116
actor 1 m 354
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instance 1 m 355
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
process 1 m 358
publisher 17 - -
purpose 14 - -
status 7 - -
text 47 - 26
url 20 - -
useContext 64 m 42
version 17 - -
workflow 6 m -
SExplanationOfBenefit 117
accident 1 - 362
addItem 1 m 363
adjudication 1 m 372
benefitBalance 1 m 366
benefitPeriod 49 - 28
billablePeriod 49 - 28
careTeam 1 m 368
claim 56 - 35
claimResponse 56 - 35
contained 2 rm -
created 9 - -
diagnosis 1 m 369
disposition 17 - -
enterer 56 - 35
extension 40 m 20
facility 56 - 35
form 27 - 7
formCode 28 - 8
fundsReserve 28 - 8
fundsReserveRequested 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
insurance 1 m 370
insurer 56 - 35
item 1 m 371
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
originalPrescription 56 - 35
outcome 7 - -
patient 56 - 35
payee 1 - 375
payment 1 - 376
preAuthRef 17 m -
preAuthRefPeriod 49 m 28
precedence 16 - -
prescription 56 - 35
priority 28 - 8
procedure 1 m 377
processNote 1 m 378
provider 56 - 35
referral 56 - 35
related 1 m 379
status 7 - -
subType 28 - 8
supportingInfo 1 m 380
text 47 - 26
total 1 m 381
type 28 - 8
use 7 - -
SFamilyMemberHistory 118
age 25,54,17 c -
born 49,8,17 c -
condition 1 m 382
contained 2 rm -
dataAbsentReason 28 - 8
date 9 - -
deceased 5,25,54,8,17 c -
estimatedAge 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
patient 56 - 35
reasonCode 28 m 8
reasonReference 56 m 35
relationship 28 - 8
sex 28 - 8
status 7 - -
text 47 - 26
SFlag 119
author 56 - 35
category 28 m 8
code 28 - 8
contained 2 rm -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
period 49 - 28
status 7 - -
subject 56 - 35
text 47 - 26
SGoal 120
achievementStatus 28 - 8
addresses 56 m 35
category 28 m 8
contained 2 rm -
description 28 - 8
expressedBy 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
lifecycleStatus 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
outcomeCode 28 m 8
outcomeReference 56 m 35
priority 28 - 8
start 8,28 c -
statusDate 8 - -
statusReason 17 - -
subject 56 - 35
target 1 m 383
text 47 - 26
SGraphDefinition 121
contact 30 m 10
contained 2 rm -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
link 1 m 384
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
profile 6 - -
publisher 17 - -
purpose 14 - -
start 7 - -
status 7 - -
text 47 - 26
url 20 - -
useContext 64 m 42
version 17 - -
SGroup 122
active 5 - -
actual 5 - -
characteristic 1 m 387
code 28 - 8
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
managingEntity 56 - 35
member 1 m 388
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
quantity 19 - -
text 47 - 26
type 7 - -
SGuidanceResponse 123
contained 2 rm -
dataRequirement 34 m 14
encounter 56 - 35
evaluationMessage 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
module 20,6,28 c -
note 26 m 6
occurrenceDateTime 9 - -
outputParameters 56 - 35
performer 56 - 35
reasonCode 28 m 8
reasonReference 56 m 35
requestIdentifier 42 - 22
result 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
SHealthcareService 124
active 5 - -
appointmentRequired 5 - -
availabilityExceptions 17 - -
availableTime 1 m 389
category 28 m 8
characteristic 28 m 8
comment 17 - -
communication 28 m 8
contained 2 rm -
coverageArea 56 m 35
eligibility 1 m 390
endpoint 56 m 35
extension 40 m 20
extraDetails 14 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
location 56 m 35
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
notAvailable 1 m 391
photo 27 - 7
program 28 m 8
providedBy 56 - 35
referralMethod 28 m 8
serviceProvisionCode 28 m 8
specialty 28 m 8
telecom 31 m 11
text 47 - 26
type 28 m 8
SImagingStudy 125
basedOn 56 m 35
contained 2 rm -
description 17 - -
encounter 56 - 35
endpoint 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
interpreter 56 m 35
language 7 - -
location 56 - 35
meta 44 - 24
modality 29 m 9
modifierExtension 40 m 20
note 26 m 6
numberOfInstances 19 - -
numberOfSeries 19 - -
procedureCode 28 m 8
procedureReference 56 - 35
reasonCode 28 m 8
reasonReference 56 m 35
referrer 56 - 35
series 1 m 392
started 9 - -
status 7 - -
subject 56 - 35
text 47 - 26
SImmunization 126
contained 2 rm -
doseQuantity 53 - 32
education 1 m 395
encounter 56 - 35
expirationDate 8 - -
extension 40 m 20
fundingSource 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
isSubpotent 5 - -
language 7 - -
location 56 - 35
lotNumber 17 - -
manufacturer 56 - 35
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
occurrence 9,17 c -
patient 56 - 35
performer 1 m 396
primarySource 5 - -
programEligibility 28 m 8
protocolApplied 1 m 397
reaction 1 m 398
reasonCode 28 m 8
reasonReference 56 m 35
recorded 9 - -
reportOrigin 28 - 8
route 28 - 8
site 28 - 8
status 7 - -
statusReason 28 - 8
subpotentReason 28 m 8
text 47 - 26
vaccineCode 28 - 8
SImmunizationEvaluation 127
authority 56 - 35
contained 2 rm -
date 9 - -
description 17 - -
doseNumber 16,17 c -
doseStatus 28 - 8
doseStatusReason 28 m 8
extension 40 m 20
id 11 - -
identifier 42 m 22
immunizationEvent 56 - 35
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
patient 56 - 35
series 17 - -
seriesDoses 16,17 c -
status 7 - -
targetDisease 28 - 8
text 47 - 26
SImmunizationRecommendation 128
authority 56 - 35
contained 2 rm -
date 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
patient 56 - 35
recommendation 1 m 399
text 47 - 26
SImplementationGuide 129
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
definition 1 - 401
dependsOn 1 m 407
description 14 - -
experimental 5 - -
extension 40 m 20
fhirVersion 7 m -
global 1 m 408
id 11 - -
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
license 7 - -
manifest 1 - 409
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
packageId 11 - -
publisher 17 - -
status 7 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SInsurancePlan 130
administeredBy 56 - 35
alias 17 m -
contact 1 m 412
contained 2 rm -
coverage 1 m 413
coverageArea 56 m 35
endpoint 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
network 56 m 35
ownedBy 56 - 35
period 49 - 28
plan 1 m 416
status 7 - -
text 47 - 26
type 28 m 8
SInvoice 131
account 56 - 35
cancelledReason 17 - -
contained 2 rm -
date 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
issuer 56 - 35
language 7 - -
lineItem 1 m 421
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
participant 1 m 423
paymentTerms 14 - -
recipient 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
totalGross 45 - 25
totalNet 45 - 25
totalPriceComponent 1 m 422
type 28 - 8
SLibrary 132
approvalDate 8 - -
author 30 m 10
contact 30 m 10
contained 2 rm -
content 27 m 7
copyright 14 - -
dataRequirement 34 m 14
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
parameter 48 m 27
publisher 17 - -
purpose 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
type 28 - 8
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SLinkage 133
active 5 - -
author 56 - 35
contained 2 rm -
extension 40 m 20
id 11 - -
implicitRules 20 - -
item 1 m 424
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
text 47 - 26
SList 134
code 28 - 8
contained 2 rm -
date 9 - -
emptyReason 28 - 8
encounter 56 - 35
entry 1 m 425
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
mode 7 - -
modifierExtension 40 m 20
note 26 m 6
orderedBy 28 - 8
source 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
title 17 - -
SLocation 135
address 24 - 4
alias 17 m -
availabilityExceptions 17 - -
contained 2 rm -
description 17 - -
endpoint 56 m 35
extension 40 m 20
hoursOfOperation 1 m 426
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
managingOrganization 56 - 35
meta 44 - 24
mode 7 - -
modifierExtension 40 m 20
name 17 - -
operationalStatus 29 - 9
partOf 56 - 35
physicalType 28 - 8
position 1 - 427
status 7 - -
telecom 31 m 11
text 47 - 26
type 28 m 8
SMeasure 136
approvalDate 8 - -
author 30 m 10
clinicalRecommendationStatement 14 - -
compositeScoring 28 - 8
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
definition 14 m -
description 14 - -
disclaimer 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
group 1 m 428
guidance 14 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
improvementNotation 28 - 8
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
library 6 m -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
rateAggregation 17 - -
rationale 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
riskAdjustment 17 - -
scoring 28 - 8
status 7 - -
subject 28,56 c -
subtitle 17 - -
supplementalData 1 m 432
text 47 - 26
title 17 - -
topic 28 m 8
type 28 m 8
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SMeasureReport 137
contained 2 rm -
date 9 - -
evaluatedResource 56 m 35
extension 40 m 20
group 1 m 433
id 11 - -
identifier 42 m 22
implicitRules 20 - -
improvementNotation 28 - 8
language 7 - -
measure 6 - -
meta 44 - 24
modifierExtension 40 m 20
period 49 - 28
reporter 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
type 7 - -
SMedia 138
basedOn 56 m 35
bodySite 28 - 8
contained 2 rm -
content 27 - 7
created 9,49 c -
device 56 - 35
deviceName 17 - -
duration 10 - -
encounter 56 - 35
extension 40 m 20
frames 16 - -
height 16 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
issued 12 - -
language 7 - -
meta 44 - 24
modality 28 - 8
modifierExtension 40 m 20
note 26 m 6
operator 56 - 35
partOf 56 m 35
reasonCode 28 m 8
status 7 - -
subject 56 - 35
text 47 - 26
type 28 - 8
view 28 - 8
width 16 - -
SMedication 139
amount 55 - 34
batch 1 - 439
code 28 - 8
contained 2 rm -
extension 40 m 20
form 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
ingredient 1 m 440
language 7 - -
manufacturer 56 - 35
meta 44 - 24
modifierExtension 40 m 20
status 7 - -
text 47 - 26
SMedicationAdministration 140
category 28 - 8
contained 2 rm -
context 56 - 35
device 56 m 35
dosage 1 - 441
effective 9,49 c -
eventHistory 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiates 20 m -
language 7 - -
medication 28,56 c -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
performer 1 m 442
reasonCode 28 m 8
reasonReference 56 m 35
request 56 - 35
status 7 - -
statusReason 28 m 8
subject 56 - 35
supportingInformation 56 m 35
text 47 - 26
SMedicationDispense 141
authorizingPrescription 56 m 35
category 28 - 8
contained 2 rm -
context 56 - 35
daysSupply 53 - 32
destination 56 - 35
detectedIssue 56 m 35
dosageInstruction 36 m 16
eventHistory 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
location 56 - 35
medication 28,56 c -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
performer 1 m 443
quantity 53 - 32
receiver 56 m 35
status 7 - -
statusReason 28,56 c -
subject 56 - 35
substitution 1 - 444
supportingInformation 56 m 35
text 47 - 26
type 28 - 8
whenHandedOver 9 - -
whenPrepared 9 - -
SMedicationKnowledge 142
administrationGuidelines 1 m 445
amount 53 - 32
associatedMedication 56 m 35
code 28 - 8
contained 2 rm -
contraindication 56 m 35
cost 1 m 448
doseForm 28 - 8
drugCharacteristic 1 m 449
extension 40 m 20
id 11 - -
implicitRules 20 - -
ingredient 1 m 450
intendedRoute 28 m 8
kinetics 1 m 451
language 7 - -
manufacturer 56 - 35
medicineClassification 1 m 452
meta 44 - 24
modifierExtension 40 m 20
monitoringProgram 1 m 453
monograph 1 m 454
packaging 1 - 455
preparationInstruction 14 - -
productType 28 m 8
regulatory 1 m 456
relatedMedicationKnowledge 1 m 460
status 7 - -
synonym 17 m -
text 47 - 26
SMedicationRequest 143
authoredOn 9 - -
basedOn 56 m 35
category 28 m 8
contained 2 rm -
courseOfTherapyType 28 - 8
detectedIssue 56 m 35
dispenseRequest 1 - 461
doNotPerform 5 - -
dosageInstruction 36 m 16
encounter 56 - 35
eventHistory 56 m 35
extension 40 m 20
groupIdentifier 42 - 22
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
insurance 56 m 35
intent 7 - -
language 7 - -
medication 28,56 c -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
performer 56 - 35
performerType 28 - 8
priorPrescription 56 - 35
priority 7 - -
reasonCode 28 m 8
reasonReference 56 m 35
recorder 56 - 35
reported 5,56 c -
requester 56 - 35
status 7 - -
statusReason 28 - 8
subject 56 - 35
substitution 1 - 463
supportingInformation 56 m 35
text 47 - 26
SMedicationStatement 144
basedOn 56 m 35
category 28 - 8
contained 2 rm -
context 56 - 35
dateAsserted 9 - -
derivedFrom 56 m 35
dosage 36 m 16
effective 9,49 c -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
informationSource 56 - 35
language 7 - -
medication 28,56 c -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
reasonCode 28 m 8
reasonReference 56 m 35
status 7 - -
statusReason 28 m 8
subject 56 - 35
text 47 - 26
SMedicinalProduct 145
additionalMonitoringIndicator 28 - 8
attachedDocument 56 m 35
clinicalTrial 56 m 35
combinedPharmaceuticalDoseForm 28 - 8
contact 56 m 35
contained 2 rm -
crossReference 42 m 22
domain 29 - 9
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
legalStatusOfSupply 28 - 8
manufacturingBusinessOperation 1 m 464
marketingStatus 43 m 23
masterFile 56 m 35
meta 44 - 24
modifierExtension 40 m 20
name 1 m 465
packagedMedicinalProduct 56 m 35
paediatricUseIndicator 28 - 8
pharmaceuticalProduct 56 m 35
productClassification 28 m 8
specialDesignation 1 m 468
specialMeasures 17 m -
text 47 - 26
type 28 - 8
SMedicinalProductAuthorization 146
contained 2 rm -
country 28 m 8
dataExclusivityPeriod 49 - 28
dateOfFirstAuthorization 9 - -
extension 40 m 20
holder 56 - 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
internationalBirthDate 9 - -
jurisdiction 28 m 8
jurisdictionalAuthorization 1 m 469
language 7 - -
legalBasis 28 - 8
meta 44 - 24
modifierExtension 40 m 20
procedure 1 - 470
regulator 56 - 35
restoreDate 9 - -
status 28 - 8
statusDate 9 - -
subject 56 - 35
text 47 - 26
validityPeriod 49 - 28
SMedicinalProductContraindication 147
comorbidity 28 m 8
contained 2 rm -
disease 28 - 8
diseaseStatus 28 - 8
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
otherTherapy 1 m 471
population 50 m 29
subject 56 m 35
text 47 - 26
therapeuticIndication 56 m 35
SMedicinalProductIndication 148
comorbidity 28 m 8
contained 2 rm -
diseaseStatus 28 - 8
diseaseSymptomProcedure 28 - 8
duration 53 - 32
extension 40 m 20
id 11 - -
implicitRules 20 - -
intendedEffect 28 - 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
otherTherapy 1 m 472
population 50 m 29
subject 56 m 35
text 47 - 26
undesirableEffect 56 m 35
SMedicinalProductIngredient 149
allergenicIndicator 5 - -
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
manufacturer 56 m 35
meta 44 - 24
modifierExtension 40 m 20
role 28 - 8
specifiedSubstance 1 m 473
substance 1 - 476
text 47 - 26
SMedicinalProductInteraction 150
contained 2 rm -
description 17 - -
effect 28 - 8
extension 40 m 20
id 11 - -
implicitRules 20 - -
incidence 28 - 8
interactant 1 m 477
language 7 - -
management 28 - 8
meta 44 - 24
modifierExtension 40 m 20
subject 56 m 35
text 47 - 26
type 28 - 8
SMedicinalProductManufactured 151
contained 2 rm -
extension 40 m 20
id 11 - -
implicitRules 20 - -
ingredient 56 m 35
language 7 - -
manufacturedDoseForm 28 - 8
manufacturer 56 m 35
meta 44 - 24
modifierExtension 40 m 20
otherCharacteristics 28 m 8
physicalCharacteristics 51 - 30
quantity 53 - 32
text 47 - 26
unitOfPresentation 28 - 8
SMedicinalProductPackaged 152
batchIdentifier 1 m 478
contained 2 rm -
description 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
legalStatusOfSupply 28 - 8
manufacturer 56 m 35
marketingAuthorization 56 - 35
marketingStatus 43 m 23
meta 44 - 24
modifierExtension 40 m 20
packageItem 1 m 479
subject 56 m 35
text 47 - 26
SMedicinalProductPharmaceutical 153
administrableDoseForm 28 - 8
characteristics 1 m 480
contained 2 rm -
device 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
ingredient 56 m 35
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
routeOfAdministration 1 m 481
text 47 - 26
unitOfPresentation 28 - 8
SMedicinalProductUndesirableEffect 154
classification 28 - 8
contained 2 rm -
extension 40 m 20
frequencyOfOccurrence 28 - 8
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
population 50 m 29
subject 56 m 35
symptomConditionEffect 28 - 8
text 47 - 26
SMessageDefinition 155
allowedResponse 1 m 484
base 6 - -
category 7 - -
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
event 29,20 c -
experimental 5 - -
extension 40 m 20
focus 1 m 485
graph 6 m -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
parent 6 m -
publisher 17 - -
purpose 14 - -
replaces 6 m -
responseRequired 7 - -
status 7 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SMessageHeader 156
author 56 - 35
contained 2 rm -
definition 6 - -
destination 1 m 486
enterer 56 - 35
event 29,20 c -
extension 40 m 20
focus 56 m 35
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
reason 28 - 8
response 1 - 487
responsible 56 - 35
sender 56 - 35
source 1 - 488
text 47 - 26
SMolecularSequence 157
contained 2 rm -
coordinateSystem 13 - -
device 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
observedSeq 17 - -
patient 56 - 35
performer 56 - 35
pointer 56 m 35
quality 1 m 489
quantity 53 - 32
readCoverage 13 - -
referenceSeq 1 - 491
repository 1 m 492
specimen 56 - 35
structureVariant 1 m 493
text 47 - 26
type 7 - -
variant 1 m 496
SNamingSystem 158
contact 30 m 10
contained 2 rm -
date 9 - -
description 14 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
jurisdiction 28 m 8
kind 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
responsible 17 - -
status 7 - -
text 47 - 26
type 28 - 8
uniqueId 1 m 497
usage 17 - -
useContext 64 m 42
SNutritionOrder 159
allergyIntolerance 56 m 35
contained 2 rm -
dateTime 9 - -
encounter 56 - 35
enteralFormula 1 - 498
excludeFoodModifier 28 m 8
extension 40 m 20
foodPreferenceModifier 28 m 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiates 20 m -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
intent 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
oralDiet 1 - 500
orderer 56 - 35
patient 56 - 35
status 7 - -
supplement 1 m 503
text 47 - 26
SObservation 160
basedOn 56 m 35
bodySite 28 - 8
category 28 m 8
code 28 - 8
component 1 m 504
contained 2 rm -
dataAbsentReason 28 - 8
derivedFrom 56 m 35
device 56 - 35
effective 9,49,62,12 c -
encounter 56 - 35
extension 40 m 20
focus 56 m 35
hasMember 56 m 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
interpretation 28 m 8
issued 12 - -
language 7 - -
meta 44 - 24
method 28 - 8
modifierExtension 40 m 20
note 26 m 6
partOf 56 m 35
performer 56 m 35
referenceRange 1 m 505
specimen 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
value 53,28,17,5,13,54,55,58,18,9,49 c -
SObservationDefinition 161
abnormalCodedValueSet 56 - 35
category 28 m 8
code 28 - 8
contained 2 rm -
criticalCodedValueSet 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
method 28 - 8
modifierExtension 40 m 20
multipleResultsAllowed 5 - -
normalCodedValueSet 56 - 35
permittedDataType 7 m -
preferredReportName 17 - -
qualifiedInterval 1 m 506
quantitativeDetails 1 - 507
text 47 - 26
validCodedValueSet 56 - 35
SOperationDefinition 162
affectsState 5 - -
base 6 - -
code 7 - -
comment 14 - -
contact 30 m 10
contained 2 rm -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
inputProfile 6 - -
instance 5 - -
jurisdiction 28 m 8
kind 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
outputProfile 6 - -
overload 1 m 508
parameter 1 m 509
publisher 17 - -
purpose 14 - -
resource 7 m -
status 7 - -
system 5 - -
text 47 - 26
title 17 - -
type 5 - -
url 20 - -
useContext 64 m 42
version 17 - -
SOperationOutcome 163
contained 2 rm -
extension 40 m 20
id 11 - -
implicitRules 20 - -
issue 1 m 512
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
text 47 - 26
SOrganization 164
active 5 - -
address 24 m 4
alias 17 m -
contact 1 m 513
contained 2 rm -
endpoint 56 m 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
partOf 56 - 35
telecom 31 m 11
text 47 - 26
type 28 m 8
SOrganizationAffiliation 165
active 5 - -
code 28 m 8
contained 2 rm -
endpoint 56 m 35
extension 40 m 20
healthcareService 56 m 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
location 56 m 35
meta 44 - 24
modifierExtension 40 m 20
network 56 m 35
organization 56 - 35
participatingOrganization 56 - 35
period 49 - 28
specialty 28 m 8
telecom 31 m 11
text 47 - 26
SParameters 166
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
parameter 1 m 514
SPatient 167
active 5 - -
address 24 m 4
birthDate 8 - -
communication 1 m 515
contact 1 m 516
contained 2 rm -
deceased 5,9 c -
extension 40 m 20
gender 7 - -
generalPractitioner 56 m 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
link 1 m 517
managingOrganization 56 - 35
maritalStatus 28 - 8
meta 44 - 24
modifierExtension 40 m 20
multipleBirth 5,13 c -
name 41 m 21
photo 27 m 7
telecom 31 m 11
text 47 - 26
SPaymentNotice 168
amount 45 - 25
contained 2 rm -
created 9 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
payee 56 - 35
payment 56 - 35
paymentDate 8 - -
paymentStatus 28 - 8
provider 56 - 35
recipient 56 - 35
request 56 - 35
response 56 - 35
status 7 - -
text 47 - 26
SPaymentReconciliation 169
contained 2 rm -
created 9 - -
detail 1 m 518
disposition 17 - -
extension 40 m 20
formCode 28 - 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
outcome 7 - -
paymentAmount 45 - 25
paymentDate 8 - -
paymentIdentifier 42 - 22
paymentIssuer 56 - 35
period 49 - 28
processNote 1 m 519
request 56 - 35
requestor 56 - 35
status 7 - -
text 47 - 26
SPerson 170
active 5 - -
address 24 m 4
birthDate 8 - -
contained 2 rm -
extension 40 m 20
gender 7 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
link 1 m 520
managingOrganization 56 - 35
meta 44 - 24
modifierExtension 40 m 20
name 41 m 21
photo 27 - 7
telecom 31 m 11
text 47 - 26
SPlanDefinition 171
action 1 m 521
approvalDate 8 - -
author 30 m 10
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
goal 1 m 526
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
library 6 m -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
type 28 - 8
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SPractitioner 172
active 5 - -
address 24 m 4
birthDate 8 - -
communication 28 m 8
contained 2 rm -
extension 40 m 20
gender 7 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 41 m 21
photo 27 m 7
qualification 1 m 528
telecom 31 m 11
text 47 - 26
SPractitionerRole 173
active 5 - -
availabilityExceptions 17 - -
availableTime 1 m 529
code 28 m 8
contained 2 rm -
endpoint 56 m 35
extension 40 m 20
healthcareService 56 m 35
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
location 56 m 35
meta 44 - 24
modifierExtension 40 m 20
notAvailable 1 m 530
organization 56 - 35
period 49 - 28
practitioner 56 - 35
specialty 28 m 8
telecom 31 m 11
text 47 - 26
SProcedure 174
asserter 56 - 35
basedOn 56 m 35
bodySite 28 m 8
category 28 - 8
code 28 - 8
complication 28 m 8
complicationDetail 56 m 35
contained 2 rm -
encounter 56 - 35
extension 40 m 20
focalDevice 1 m 531
followUp 28 m 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
language 7 - -
location 56 - 35
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
outcome 28 - 8
partOf 56 m 35
performed 9,49,17,25,54 c -
performer 1 m 532
reasonCode 28 m 8
reasonReference 56 m 35
recorder 56 - 35
report 56 m 35
status 7 - -
statusReason 28 - 8
subject 56 - 35
text 47 - 26
usedCode 28 m 8
usedReference 56 m 35
SProvenance 175
activity 28 - 8
agent 1 m 533
contained 2 rm -
entity 1 m 534
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
location 56 - 35
meta 44 - 24
modifierExtension 40 m 20
occurred 49,9 c -
policy 20 m -
reason 28 m 8
recorded 12 - -
signature 59 m 38
target 56 m 35
text 47 - 26
SQuestionnaire 176
approvalDate 8 - -
code 29 m 9
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
derivedFrom 6 m -
description 14 - -
effectivePeriod 49 - 28
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
item 1 m 535
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
status 7 - -
subjectType 7 m -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SQuestionnaireResponse 177
author 56 - 35
authored 9 - -
basedOn 56 m 35
contained 2 rm -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
item 1 m 539
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
partOf 56 m 35
questionnaire 6 - -
source 56 - 35
status 7 - -
subject 56 - 35
text 47 - 26
SRelatedPerson 178
active 5 - -
address 24 m 4
birthDate 8 - -
communication 1 m 541
contained 2 rm -
extension 40 m 20
gender 7 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 41 m 21
patient 56 - 35
period 49 - 28
photo 27 m 7
relationship 28 m 8
telecom 31 m 11
text 47 - 26
SRequestGroup 179
action 1 m 542
author 56 - 35
authoredOn 9 - -
basedOn 56 m 35
code 28 - 8
contained 2 rm -
encounter 56 - 35
extension 40 m 20
groupIdentifier 42 - 22
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
intent 7 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
priority 7 - -
reasonCode 28 m 8
reasonReference 56 m 35
replaces 56 m 35
status 7 - -
subject 56 - 35
text 47 - 26
SResearchDefinition 180
approvalDate 8 - -
author 30 m 10
comment 17 m -
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
exposure 56 - 35
exposureAlternative 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
library 6 m -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
outcome 56 - 35
population 56 - 35
publisher 17 - -
purpose 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
shortTitle 17 - -
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
url 20 - -
usage 17 - -
useContext 64 m 42
version 17 - -
SResearchElementDefinition 181
approvalDate 8 - -
author 30 m 10
characteristic 1 m 545
comment 17 m -
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
library 6 m -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
relatedArtifact 57 m 36
reviewer 30 m 10
shortTitle 17 - -
status 7 - -
subject 28,56 c -
subtitle 17 - -
text 47 - 26
title 17 - -
topic 28 m 8
type 7 - -
url 20 - -
usage 17 - -
useContext 64 m 42
variableType 7 - -
version 17 - -
SResearchStudy 182
arm 1 m 546
category 28 m 8
condition 28 m 8
contact 30 m 10
contained 2 rm -
description 14 - -
enrollment 56 m 35
extension 40 m 20
focus 28 m 8
id 11 - -
identifier 42 m 22
implicitRules 20 - -
keyword 28 m 8
language 7 - -
location 28 m 8
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
objective 1 m 547
partOf 56 m 35
period 49 - 28
phase 28 - 8
primaryPurposeType 28 - 8
principalInvestigator 56 - 35
protocol 56 m 35
reasonStopped 28 - 8
relatedArtifact 57 m 36
site 56 m 35
sponsor 56 - 35
status 7 - -
text 47 - 26
title 17 - -
SResearchSubject 183
actualArm 17 - -
assignedArm 17 - -
consent 56 - 35
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
individual 56 - 35
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
period 49 - 28
status 7 - -
study 56 - 35
text 47 - 26
SRiskAssessment 184
basedOn 56 - 35
basis 56 m 35
code 28 - 8
condition 56 - 35
contained 2 rm -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
method 28 - 8
mitigation 17 - -
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49 c -
parent 56 - 35
performer 56 - 35
prediction 1 m 548
reasonCode 28 m 8
reasonReference 56 m 35
status 7 - -
subject 56 - 35
text 47 - 26
SRiskEvidenceSynthesis 185
approvalDate 8 - -
author 30 m 10
certainty 1 m 549
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
editor 30 m 10
effectivePeriod 49 - 28
endorser 30 m 10
exposure 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
lastReviewDate 8 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
note 26 m 6
outcome 56 - 35
population 56 - 35
publisher 17 - -
relatedArtifact 57 m 36
reviewer 30 m 10
riskEstimate 1 - 551
sampleSize 1 - 553
status 7 - -
studyType 28 - 8
synthesisType 28 - 8
text 47 - 26
title 17 - -
topic 28 m 8
url 20 - -
useContext 64 m 42
version 17 - -
SSchedule 186
active 5 - -
actor 56 m 35
comment 17 - -
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
planningHorizon 49 - 28
serviceCategory 28 m 8
serviceType 28 m 8
specialty 28 m 8
text 47 - 26
SSearchParameter 187
base 7 m -
chain 17 m -
code 7 - -
comparator 7 m -
component 1 m 554
contact 30 m 10
contained 2 rm -
date 9 - -
derivedFrom 6 - -
description 14 - -
experimental 5 - -
expression 17 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifier 7 m -
modifierExtension 40 m 20
multipleAnd 5 - -
multipleOr 5 - -
name 17 - -
publisher 17 - -
purpose 14 - -
status 7 - -
target 7 m -
text 47 - 26
type 7 - -
url 20 - -
useContext 64 m 42
version 17 - -
xpath 17 - -
xpathUsage 7 - -
SServiceRequest 188
asNeeded 5,28 c -
authoredOn 9 - -
basedOn 56 m 35
bodySite 28 m 8
category 28 m 8
code 28 - 8
contained 2 rm -
doNotPerform 5 - -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
insurance 56 m 35
intent 7 - -
language 7 - -
locationCode 28 m 8
locationReference 56 m 35
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49,62 c -
orderDetail 28 m 8
patientInstruction 17 - -
performer 56 m 35
performerType 28 - 8
priority 7 - -
quantity 53,55,54 c -
reasonCode 28 m 8
reasonReference 56 m 35
relevantHistory 56 m 35
replaces 56 m 35
requester 56 - 35
requisition 42 - 22
specimen 56 m 35
status 7 - -
subject 56 - 35
supportingInfo 56 m 35
text 47 - 26
SSlot 189
appointmentType 28 - 8
comment 17 - -
contained 2 rm -
end 12 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
overbooked 5 - -
schedule 56 - 35
serviceCategory 28 m 8
serviceType 28 m 8
specialty 28 m 8
start 12 - -
status 7 - -
text 47 - 26
SSpecimen 190
accessionIdentifier 42 - 22
collection 1 - 555
condition 28 m 8
contained 2 rm -
container 1 m 556
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
parent 56 m 35
processing 1 m 557
receivedTime 9 - -
request 56 m 35
status 7 - -
subject 56 - 35
text 47 - 26
type 28 - 8
SSpecimenDefinition 191
collection 28 m 8
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
patientPreparation 28 m 8
text 47 - 26
timeAspect 17 - -
typeCollected 28 - 8
typeTested 1 m 558
SStructureDefinition 192
abstract 5 - -
baseDefinition 6 - -
contact 30 m 10
contained 2 rm -
context 1 m 562
contextInvariant 17 m -
copyright 14 - -
date 9 - -
derivation 7 - -
description 14 - -
differential 1 - 563
experimental 5 - -
extension 40 m 20
fhirVersion 7 - -
id 11 - -
identifier 42 m 22
implicitRules 20 - -
jurisdiction 28 m 8
keyword 29 m 9
kind 7 - -
language 7 - -
mapping 1 m 564
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
snapshot 1 - 565
status 7 - -
text 47 - 26
title 17 - -
type 20 - -
url 20 - -
useContext 64 m 42
version 17 - -
SStructureMap 193
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
experimental 5 - -
extension 40 m 20
group 1 m 566
id 11 - -
identifier 42 m 22
implicitRules 20 - -
import 6 m -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
status 7 - -
structure 1 m 573
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SSubscription 194
channel 1 - 574
contact 31 m 11
contained 2 rm -
criteria 17 - -
end 12 - -
error 17 - -
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
reason 17 - -
status 7 - -
text 47 - 26
SSubstance 195
category 28 m 8
code 28 - 8
contained 2 rm -
description 17 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
ingredient 1 m 575
instance 1 m 576
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
status 7 - -
text 47 - 26
SSubstanceNucleicAcid 196
areaOfHybridisation 17 - -
contained 2 rm -
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
numberOfSubunits 13 - -
oligoNucleotideType 28 - 8
sequenceType 28 - 8
subunit 1 m 578
text 47 - 26
SSubstancePolymer 197
class 28 - 8
contained 2 rm -
copolymerConnectivity 28 m 8
extension 40 m 20
geometry 28 - 8
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modification 17 m -
modifierExtension 40 m 20
monomerSet 1 m 581
repeat 1 m 583
text 47 - 26
SSubstanceProtein 198
contained 2 rm -
disulfideLinkage 17 m -
extension 40 m 20
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
numberOfSubunits 13 - -
sequenceType 28 - 8
subunit 1 m 587
text 47 - 26
SSubstanceReferenceInformation 199
classification 1 m 588
comment 17 - -
contained 2 rm -
extension 40 m 20
gene 1 m 589
geneElement 1 m 590
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
target 1 m 591
text 47 - 26
SSubstanceSourceMaterial 200
contained 2 rm -
countryOfOrigin 28 m 8
developmentStage 28 - 8
extension 40 m 20
fractionDescription 1 m 592
geographicalLocation 17 m -
id 11 - -
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
organism 1 - 593
organismId 42 - 22
organismName 17 - -
parentSubstanceId 42 m 22
parentSubstanceName 17 m -
partDescription 1 m 597
sourceMaterialClass 28 - 8
sourceMaterialState 28 - 8
sourceMaterialType 28 - 8
text 47 - 26
SSubstanceSpecification 201
code 1 m 598
comment 17 - -
contained 2 rm -
description 17 - -
domain 28 - 8
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
moiety 1 m 599
molecularWeight 1 m 606
name 1 m 600
nucleicAcid 56 - 35
polymer 56 - 35
property 1 m 602
protein 56 - 35
referenceInformation 56 - 35
relationship 1 m 603
source 56 m 35
sourceMaterial 56 - 35
status 28 - 8
structure 1 - 604
text 47 - 26
type 28 - 8
SSupplyDelivery 202
basedOn 56 m 35
contained 2 rm -
destination 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
occurrence 9,49,62 c -
partOf 56 m 35
patient 56 - 35
receiver 56 m 35
status 7 - -
suppliedItem 1 - 608
supplier 56 - 35
text 47 - 26
type 28 - 8
SSupplyRequest 203
authoredOn 9 - -
category 28 - 8
contained 2 rm -
deliverFrom 56 - 35
deliverTo 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
item 28,56 c -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
occurrence 9,49,62 c -
parameter 1 m 609
priority 7 - -
quantity 53 - 32
reasonCode 28 m 8
reasonReference 56 m 35
requester 56 - 35
status 7 - -
supplier 56 m 35
text 47 - 26
STask 204
authoredOn 9 - -
basedOn 56 m 35
businessStatus 28 - 8
code 28 - 8
contained 2 rm -
description 17 - -
encounter 56 - 35
executionPeriod 49 - 28
extension 40 m 20
focus 56 - 35
for 56 - 35
groupIdentifier 42 - 22
id 11 - -
identifier 42 m 22
implicitRules 20 - -
input 1 m 610
instantiatesCanonical 6 - -
instantiatesUri 20 - -
insurance 56 m 35
intent 7 - -
language 7 - -
lastModified 9 - -
location 56 - 35
meta 44 - 24
modifierExtension 40 m 20
note 26 m 6
output 1 m 611
owner 56 - 35
partOf 56 m 35
performerType 28 m 8
priority 7 - -
reasonCode 28 - 8
reasonReference 56 - 35
relevantHistory 56 m 35
requester 56 - 35
restriction 1 - 612
status 7 - -
statusReason 28 - 8
text 47 - 26
STerminologyCapabilities 205
closure 1 - 613
codeSearch 7 - -
codeSystem 1 m 614
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
expansion 1 - 617
experimental 5 - -
extension 40 m 20
id 11 - -
implementation 1 - 619
implicitRules 20 - -
jurisdiction 28 m 8
kind 7 - -
language 7 - -
lockedDate 5 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
software 1 - 620
status 7 - -
text 47 - 26
title 17 - -
translation 1 - 621
url 20 - -
useContext 64 m 42
validateCode 1 - 622
version 17 - -
STestReport 206
contained 2 rm -
extension 40 m 20
id 11 - -
identifier 42 - 22
implicitRules 20 - -
issued 9 - -
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
participant 1 m 623
result 7 - -
score 10 - -
setup 1 - 624
status 7 - -
teardown 1 - 628
test 1 m 630
testScript 56 - 35
tester 17 - -
text 47 - 26
STestScript 207
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
destination 1 m 632
experimental 5 - -
extension 40 m 20
fixture 1 m 633
id 11 - -
identifier 42 - 22
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
metadata 1 - 634
modifierExtension 40 m 20
name 17 - -
origin 1 m 637
profile 56 m 35
publisher 17 - -
purpose 14 - -
setup 1 - 638
status 7 - -
teardown 1 - 643
test 1 m 645
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
variable 1 m 647
version 17 - -
SValueSet 208
compose 1 - 649
contact 30 m 10
contained 2 rm -
copyright 14 - -
date 9 - -
description 14 - -
expansion 1 - 654
experimental 5 - -
extension 40 m 20
id 11 - -
identifier 42 m 22
immutable 5 - -
implicitRules 20 - -
jurisdiction 28 m 8
language 7 - -
meta 44 - 24
modifierExtension 40 m 20
name 17 - -
publisher 17 - -
purpose 14 - -
status 7 - -
text 47 - 26
title 17 - -
url 20 - -
useContext 64 m 42
version 17 - -
SVerificationResult 209
attestation 1 - 657
contained 2 rm -
extension 40 m 20
failureAction 28 - 8
frequency 62 - 40
id 11 - -
implicitRules 20 - -
language 7 - -
lastPerformed 9 - -
meta 44 - 24
modifierExtension 40 m 20
need 28 - 8
nextScheduled 8 - -
primarySource 1 m 658
status 7 - -
statusDate 9 - -
target 56 m 35
targetLocation 17 m -
text 47 - 26
validationProcess 28 m 8
validationType 28 - 8
validator 1 m 659
SVisionPrescription 210
contained 2 rm -
created 9 - -
dateWritten 9 - -
encounter 56 - 35
extension 40 m 20
id 11 - -
identifier 42 m 22
implicitRules 20 - -
language 7 - -
lensSpecification 1 m 660
meta 44 - 24
modifierExtension 40 m 20
patient 56 - 35
prescriber 56 - 35
status 7 - -
text 47 - 26
SAccount.coverage 1
coverage 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
priority 16 - -
SAccount.guarantor 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
onHold 5 - -
party 56 - 35
period 49 - 28
SActivityDefinition.dynamicValue 1
expression 39 - 19
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
path 17 - -
SActivityDefinition.participant 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
role 28 - 8
type 7 - -
SAdverseEvent.suspectEntity 1
causality 1 m 194
extension 40 m 20
id 17 - -
instance 56 - 35
modifierExtension 40 m 20
SAdverseEvent.suspectEntity.causality 1
assessment 28 - 8
author 56 - 35
extension 40 m 20
id 17 - -
method 28 - 8
modifierExtension 40 m 20
productRelatedness 17 - -
SAllergyIntolerance.reaction 1
description 17 - -
exposureRoute 28 - 8
extension 40 m 20
id 17 - -
manifestation 28 m 8
modifierExtension 40 m 20
note 26 m 6
onset 9 - -
severity 7 - -
substance 28 - 8
SAppointment.participant 1
actor 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
required 7 - -
status 7 - -
type 28 m 8
SAuditEvent.agent 1
altId 17 - -
extension 40 m 20
id 17 - -
location 56 - 35
media 29 - 9
modifierExtension 40 m 20
name 17 - -
network 1 - 198
policy 20 m -
purposeOfUse 28 m 8
requestor 5 - -
role 28 m 8
type 28 - 8
who 56 - 35
SAuditEvent.agent.network 1
address 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 7 - -
SAuditEvent.entity 1
description 17 - -
detail 1 m 200
extension 40 m 20
id 17 - -
lifecycle 29 - 9
modifierExtension 40 m 20
name 17 - -
query 4 - -
role 29 - 9
securityLabel 29 m 9
type 29 - 9
what 56 - 35
SAuditEvent.entity.detail 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 17 - -
value 17,4 c -
SAuditEvent.source 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
observer 56 - 35
site 17 - -
type 29 m 9
SBiologicallyDerivedProduct.collection 1
collected 9,49 c -
collector 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 56 - 35
SBiologicallyDerivedProduct.manipulation 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
time 9,49 c -
SBiologicallyDerivedProduct.processing 1
additive 56 - 35
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
procedure 28 - 8
time 9,49 c -
SBiologicallyDerivedProduct.storage 1
description 17 - -
duration 49 - 28
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
scale 7 - -
temperature 10 - -
SBundle.entry 1
extension 40 m 20
fullUrl 20 - -
id 17 - -
link 1 m 210
modifierExtension 40 m 20
request 1 - 207
resource 2 r -
response 1 - 208
search 1 - 209
SBundle.entry.request 1
extension 40 m 20
id 17 - -
ifMatch 17 - -
ifModifiedSince 12 - -
ifNoneExist 17 - -
ifNoneMatch 17 - -
method 7 - -
modifierExtension 40 m 20
url 20 - -
SBundle.entry.response 1
etag 17 - -
extension 40 m 20
id 17 - -
lastModified 12 - -
location 20 - -
modifierExtension 40 m 20
outcome 2 r -
status 17 - -
SBundle.entry.search 1
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
score 10 - -
SBundle.link 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
relation 17 - -
url 20 - -
SCapabilityStatement.document 1
documentation 14 - -
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
profile 6 - -
SCapabilityStatement.implementation 1
custodian 56 - 35
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
url 21 - -
SCapabilityStatement.messaging 1
documentation 14 - -
endpoint 1 m 214
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reliableCache 19 - -
supportedMessage 1 m 215
SCapabilityStatement.messaging.endpoint 1
address 21 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
protocol 29 - 9
SCapabilityStatement.messaging.supportedMessage 1
definition 6 - -
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
SCapabilityStatement.rest 1
compartment 6 m -
documentation 14 - -
extension 40 m 20
id 17 - -
interaction 1 m 217
mode 7 - -
modifierExtension 40 m 20
operation 1 m 220
resource 1 m 218
searchParam 1 m 221
security 1 - 222
SCapabilityStatement.rest.interaction 1
code 7 - -
documentation 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCapabilityStatement.rest.resource 1
conditionalCreate 5 - -
conditionalDelete 7 - -
conditionalRead 7 - -
conditionalUpdate 5 - -
documentation 14 - -
extension 40 m 20
id 17 - -
interaction 1 m 219
modifierExtension 40 m 20
operation 1 m 220
profile 6 - -
readHistory 5 - -
referencePolicy 7 m -
searchInclude 17 m -
searchParam 1 m 221
searchRevInclude 17 m -
supportedProfile 6 m -
type 7 - -
updateCreate 5 - -
versioning 7 - -
SCapabilityStatement.rest.resource.interaction 1
code 7 - -
documentation 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCapabilityStatement.rest.resource.operation 1
definition 6 - -
documentation 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
SCapabilityStatement.rest.resource.searchParam 1
definition 6 - -
documentation 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 7 - -
SCapabilityStatement.rest.security 1
cors 5 - -
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
service 28 m 8
SCapabilityStatement.software 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
releaseDate 9 - -
version 17 - -
SCarePlan.activity 1
detail 1 - 225
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
outcomeCodeableConcept 28 m 8
outcomeReference 56 m 35
progress 26 m 6
reference 56 - 35
SCarePlan.activity.detail 1
code 28 - 8
dailyAmount 53 - 32
description 17 - -
doNotPerform 5 - -
extension 40 m 20
goal 56 m 35
id 17 - -
instantiatesCanonical 6 m -
instantiatesUri 20 m -
kind 7 - -
location 56 - 35
modifierExtension 40 m 20
performer 56 m 35
product 28,56 c -
quantity 53 - 32
reasonCode 28 m 8
reasonReference 56 m 35
scheduled 62,49,17 c -
status 7 - -
statusReason 28 - 8
SCareTeam.participant 1
extension 40 m 20
id 17 - -
member 56 - 35
modifierExtension 40 m 20
onBehalfOf 56 - 35
period 49 - 28
role 28 m 8
SCatalogEntry.relatedEntry 1
extension 40 m 20
id 17 - -
item 56 - 35
modifierExtension 40 m 20
relationtype 7 - -
SChargeItem.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
SChargeItemDefinition.applicability 1
description 17 - -
expression 17 - -
extension 40 m 20
id 17 - -
language 17 - -
modifierExtension 40 m 20
SChargeItemDefinition.propertyGroup 1
applicability 1 m 229
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
priceComponent 1 m 231
SChargeItemDefinition.propertyGroup.priceComponent 1
amount 45 - 25
code 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifierExtension 40 m 20
type 7 - -
SClaim.accident 1
date 8 - -
extension 40 m 20
id 17 - -
location 24,56 c -
modifierExtension 40 m 20
type 28 - 8
SClaim.careTeam 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
provider 56 - 35
qualification 28 - 8
responsible 5 - -
role 28 - 8
sequence 16 - -
SClaim.diagnosis 1
diagnosis 28,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
onAdmission 28 - 8
packageCode 28 - 8
sequence 16 - -
type 28 m 8
SClaim.insurance 1
businessArrangement 17 - -
claimResponse 56 - 35
coverage 56 - 35
extension 40 m 20
focal 5 - -
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
preAuthRef 17 m -
sequence 16 - -
SClaim.item 1
bodySite 28 - 8
careTeamSequence 16 m -
category 28 - 8
detail 1 m 237
diagnosisSequence 16 m -
encounter 56 m 35
extension 40 m 20
factor 10 - -
id 17 - -
informationSequence 16 m -
location 28,24,56 c -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
procedureSequence 16 m -
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
serviced 8,49 c -
subSite 28 m 8
udi 56 m 35
unitPrice 45 - 25
SClaim.item.detail 1
category 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
subDetail 1 m 238
udi 56 m 35
unitPrice 45 - 25
SClaim.item.detail.subDetail 1
category 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
udi 56 m 35
unitPrice 45 - 25
SClaim.payee 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
party 56 - 35
type 28 - 8
SClaim.procedure 1
date 9 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
procedure 28,56 c -
sequence 16 - -
type 28 m 8
udi 56 m 35
SClaim.related 1
claim 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 42 - 22
relationship 28 - 8
SClaim.supportingInfo 1
category 28 - 8
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 28 - 8
sequence 16 - -
timing 8,49 c -
value 5,17,53,27,56 c -
SClaimResponse.addItem 1
adjudication 1 m 249
bodySite 28 - 8
detail 1 m 244
detailSequence 16 m -
extension 40 m 20
factor 10 - -
id 17 - -
itemSequence 16 m -
location 28,24,56 c -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
programCode 28 m 8
provider 56 m 35
quantity 53 - 32
serviced 8,49 c -
subSite 28 m 8
subdetailSequence 16 m -
unitPrice 45 - 25
SClaimResponse.addItem.detail 1
adjudication 1 m 249
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
quantity 53 - 32
subDetail 1 m 245
unitPrice 45 - 25
SClaimResponse.addItem.detail.subDetail 1
adjudication 1 m 249
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
quantity 53 - 32
unitPrice 45 - 25
SClaimResponse.error 1
code 28 - 8
detailSequence 16 - -
extension 40 m 20
id 17 - -
itemSequence 16 - -
modifierExtension 40 m 20
subDetailSequence 16 - -
SClaimResponse.insurance 1
businessArrangement 17 - -
claimResponse 56 - 35
coverage 56 - 35
extension 40 m 20
focal 5 - -
id 17 - -
modifierExtension 40 m 20
sequence 16 - -
SClaimResponse.item 1
adjudication 1 m 249
detail 1 m 250
extension 40 m 20
id 17 - -
itemSequence 16 - -
modifierExtension 40 m 20
noteNumber 16 m -
SClaimResponse.item.adjudication 1
amount 45 - 25
category 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 28 - 8
value 10 - -
SClaimResponse.item.detail 1
adjudication 1 m 249
detailSequence 16 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
noteNumber 16 m -
subDetail 1 m 251
SClaimResponse.item.detail.subDetail 1
adjudication 1 m 249
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
noteNumber 16 m -
subDetailSequence 16 - -
SClaimResponse.payment 1
adjustment 45 - 25
adjustmentReason 28 - 8
amount 45 - 25
date 8 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
type 28 - 8
SClaimResponse.processNote 1
extension 40 m 20
id 17 - -
language 28 - 8
modifierExtension 40 m 20
number 16 - -
text 17 - -
type 7 - -
SClaimResponse.total 1
amount 45 - 25
category 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SClinicalImpression.finding 1
basis 17 - -
extension 40 m 20
id 17 - -
itemCodeableConcept 28 - 8
itemReference 56 - 35
modifierExtension 40 m 20
SClinicalImpression.investigation 1
code 28 - 8
extension 40 m 20
id 17 - -
item 56 m 35
modifierExtension 40 m 20
SCodeSystem.concept 1
code 7 - -
concept 1 m 257
definition 17 - -
designation 1 m 258
display 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
property 1 m 259
SCodeSystem.concept.designation 1
extension 40 m 20
id 17 - -
language 7 - -
modifierExtension 40 m 20
use 29 - 9
value 17 - -
SCodeSystem.concept.property 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 7,29,17,13,5,9,10 c -
SCodeSystem.filter 1
code 7 - -
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operator 7 m -
value 17 - -
SCodeSystem.property 1
code 7 - -
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 7 - -
uri 20 - -
SCommunication.payload 1
content 17,27,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCommunicationRequest.payload 1
content 17,27,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCompartmentDefinition.resource 1
code 7 - -
documentation 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
param 17 m -
SComposition.attester 1
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
party 56 - 35
time 9 - -
SComposition.event 1
code 28 m 8
detail 56 m 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
SComposition.relatesTo 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
target 42,56 c -
SComposition.section 1
author 56 m 35
code 28 - 8
emptyReason 28 - 8
entry 56 m 35
extension 40 m 20
focus 56 - 35
id 17 - -
mode 7 - -
modifierExtension 40 m 20
orderedBy 28 - 8
section 1 m 268
text 47 - 26
title 17 - -
SConceptMap.group 1
element 1 m 270
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 20 - -
sourceVersion 17 - -
target 20 - -
targetVersion 17 - -
unmapped 1 - 273
SConceptMap.group.element 1
code 7 - -
display 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
target 1 m 271
SConceptMap.group.element.target 1
code 7 - -
comment 17 - -
dependsOn 1 m 272
display 17 - -
equivalence 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
product 1 m 272
SConceptMap.group.element.target.dependsOn 1
display 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
property 20 - -
system 6 - -
value 17 - -
SConceptMap.group.unmapped 1
code 7 - -
display 17 - -
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
url 6 - -
SCondition.evidence 1
code 28 m 8
detail 56 m 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCondition.stage 1
assessment 56 m 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
summary 28 - 8
type 28 - 8
SConsent.policy 1
authority 20 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
uri 20 - -
SConsent.provision 1
action 28 m 8
actor 1 m 278
class 29 m 9
code 28 m 8
data 1 m 279
dataPeriod 49 - 28
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
provision 1 m 277
purpose 29 m 9
securityLabel 29 m 9
type 7 - -
SConsent.provision.actor 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 - 35
role 28 - 8
SConsent.provision.data 1
extension 40 m 20
id 17 - -
meaning 7 - -
modifierExtension 40 m 20
reference 56 - 35
SConsent.verification 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
verificationDate 9 - -
verified 5 - -
verifiedWith 56 - 35
SContract.contentDefinition 1
copyright 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
publicationDate 9 - -
publicationStatus 7 - -
publisher 56 - 35
subType 28 - 8
type 28 - 8
SContract.friendly 1
content 27,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SContract.legal 1
content 27,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SContract.rule 1
content 27,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SContract.signer 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
party 56 - 35
signature 59 m 38
type 29 - 9
SContract.term 1
action 1 m 287
applies 49 - 28
asset 1 m 289
extension 40 m 20
group 1 m 286
id 17 - -
identifier 42 - 22
issued 9 - -
modifierExtension 40 m 20
offer 1 - 292
securityLabel 1 m 295
subType 28 - 8
text 17 - -
topic 28,56 c -
type 28 - 8
SContract.term.action 1
context 56 - 35
contextLinkId 17 m -
doNotPerform 5 - -
extension 40 m 20
id 17 - -
intent 28 - 8
linkId 17 m -
modifierExtension 40 m 20
note 26 m 6
occurrence 9,49,62 c -
performer 56 - 35
performerLinkId 17 m -
performerRole 28 - 8
performerType 28 m 8
reason 17 m -
reasonCode 28 m 8
reasonLinkId 17 m -
reasonReference 56 m 35
requester 56 m 35
requesterLinkId 17 m -
securityLabelNumber 19 m -
status 28 - 8
subject 1 m 288
type 28 - 8
SContract.term.action.subject 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 m 35
role 28 - 8
SContract.term.asset 1
answer 1 m 293
condition 17 - -
context 1 m 290
extension 40 m 20
id 17 - -
linkId 17 m -
modifierExtension 40 m 20
period 49 m 28
periodType 28 m 8
relationship 29 - 9
scope 28 - 8
securityLabelNumber 19 m -
subtype 28 m 8
text 17 - -
type 28 m 8
typeReference 56 m 35
usePeriod 49 m 28
valuedItem 1 m 291
SContract.term.asset.context 1
code 28 m 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 - 35
text 17 - -
SContract.term.asset.valuedItem 1
effectiveTime 9 - -
entity 28,56 c -
extension 40 m 20
factor 10 - -
id 17 - -
identifier 42 - 22
linkId 17 m -
modifierExtension 40 m 20
net 45 - 25
payment 17 - -
paymentDate 9 - -
points 10 - -
quantity 53 - 32
recipient 56 - 35
responsible 56 - 35
securityLabelNumber 19 m -
unitPrice 45 - 25
SContract.term.offer 1
answer 1 m 293
decision 28 - 8
decisionMode 28 m 8
extension 40 m 20
id 17 - -
identifier 42 m 22
linkId 17 m -
modifierExtension 40 m 20
party 1 m 294
securityLabelNumber 19 m -
text 17 - -
topic 56 - 35
type 28 - 8
SContract.term.offer.answer 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 5,10,13,8,9,18,17,20,27,29,53,56 c -
SContract.term.offer.party 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 m 35
role 28 - 8
SContract.term.securityLabel 1
category 29 m 9
classification 29 - 9
control 29 m 9
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
number 19 m -
SCoverage.class 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 28 - 8
value 17 - -
SCoverage.costToBeneficiary 1
exception 1 m 298
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
value 53,45 c -
SCoverage.costToBeneficiary.exception 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
type 28 - 8
SCoverageEligibilityRequest.insurance 1
businessArrangement 17 - -
coverage 56 - 35
extension 40 m 20
focal 5 - -
id 17 - -
modifierExtension 40 m 20
SCoverageEligibilityRequest.item 1
category 28 - 8
detail 56 m 35
diagnosis 1 m 301
extension 40 m 20
facility 56 - 35
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
productOrService 28 - 8
provider 56 - 35
quantity 53 - 32
supportingInfoSequence 16 m -
unitPrice 45 - 25
SCoverageEligibilityRequest.item.diagnosis 1
diagnosis 28,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCoverageEligibilityRequest.supportingInfo 1
appliesToAll 5 - -
extension 40 m 20
id 17 - -
information 56 - 35
modifierExtension 40 m 20
sequence 16 - -
SCoverageEligibilityResponse.error 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SCoverageEligibilityResponse.insurance 1
benefitPeriod 49 - 28
coverage 56 - 35
extension 40 m 20
id 17 - -
inforce 5 - -
item 1 m 305
modifierExtension 40 m 20
SCoverageEligibilityResponse.insurance.item 1
authorizationRequired 5 - -
authorizationSupporting 28 m 8
authorizationUrl 20 - -
benefit 1 m 306
category 28 - 8
description 17 - -
excluded 5 - -
extension 40 m 20
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
name 17 - -
network 28 - 8
productOrService 28 - 8
provider 56 - 35
term 28 - 8
unit 28 - 8
SCoverageEligibilityResponse.insurance.item.benefit 1
allowed 19,17,45 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
used 19,17,45 c -
SDataRequirement.codeFilter 0
code 29 m 9
extension 40 m 20
id 17 - -
path 17 - -
searchParam 17 - -
valueSet 6 - -
SDataRequirement.dateFilter 0
extension 40 m 20
id 17 - -
path 17 - -
searchParam 17 - -
value 9,49,37 c -
SDataRequirement.sort 0
direction 7 - -
extension 40 m 20
id 17 - -
path 17 - -
SDetectedIssue.evidence 1
code 28 m 8
detail 56 m 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SDetectedIssue.mitigation 1
action 28 - 8
author 56 - 35
date 9 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SDevice.deviceName 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 7 - -
SDevice.property 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
valueCode 28 m 8
valueQuantity 53 m 32
SDevice.specialization 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
systemType 28 - 8
version 17 - -
SDevice.udiCarrier 1
carrierAIDC 4 - -
carrierHRF 17 - -
deviceIdentifier 17 - -
entryType 7 - -
extension 40 m 20
id 17 - -
issuer 20 - -
jurisdiction 20 - -
modifierExtension 40 m 20
SDevice.version 1
component 42 - 22
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
value 17 - -
SDeviceDefinition.capability 1
description 28 m 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SDeviceDefinition.deviceName 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 7 - -
SDeviceDefinition.material 1
allergenicIndicator 5 - -
alternate 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
substance 28 - 8
SDeviceDefinition.property 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
valueCode 28 m 8
valueQuantity 53 m 32
SDeviceDefinition.specialization 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
systemType 17 - -
version 17 - -
SDeviceDefinition.udiDeviceIdentifier 1
deviceIdentifier 17 - -
extension 40 m 20
id 17 - -
issuer 20 - -
jurisdiction 20 - -
modifierExtension 40 m 20
SDeviceMetric.calibration 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
state 7 - -
time 12 - -
type 7 - -
SDeviceRequest.parameter 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 28,53,54,5 c -
SDiagnosticReport.media 1
comment 17 - -
extension 40 m 20
id 17 - -
link 56 - 35
modifierExtension 40 m 20
SDocumentManifest.related 1
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
ref 56 - 35
SDocumentReference.content 1
attachment 27 - 7
extension 40 m 20
format 29 - 9
id 17 - -
modifierExtension 40 m 20
SDocumentReference.context 1
encounter 56 m 35
event 28 m 8
extension 40 m 20
facilityType 28 - 8
id 17 - -
modifierExtension 40 m 20
period 49 - 28
practiceSetting 28 - 8
related 56 m 35
sourcePatientInfo 56 - 35
SDocumentReference.relatesTo 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
target 56 - 35
SDosage.doseAndRate 0
dose 54,53 c -
extension 40 m 20
id 17 - -
rate 55,54,53 c -
type 28 - 8
SEffectEvidenceSynthesis.certainty 1
certaintySubcomponent 1 m 332
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
note 26 m 6
rating 28 m 8
SEffectEvidenceSynthesis.certainty.certaintySubcomponent 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
note 26 m 6
rating 28 m 8
type 28 - 8
SEffectEvidenceSynthesis.effectEstimate 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
precisionEstimate 1 m 334
type 28 - 8
unitOfMeasure 28 - 8
value 10 - -
variantState 28 - 8
SEffectEvidenceSynthesis.effectEstimate.precisionEstimate 1
extension 40 m 20
from 10 - -
id 17 - -
level 10 - -
modifierExtension 40 m 20
to 10 - -
type 28 - 8
SEffectEvidenceSynthesis.resultsByExposure 1
description 17 - -
exposureState 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
riskEvidenceSynthesis 56 - 35
variantState 28 - 8
SEffectEvidenceSynthesis.sampleSize 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
numberOfParticipants 13 - -
numberOfStudies 13 - -
SElementDefinition.base 0
extension 40 m 20
id 17 - -
max 17 - -
min 19 - -
path 17 - -
SElementDefinition.binding 0
description 17 - -
extension 40 m 20
id 17 - -
strength 7 - -
valueSet 6 - -
SElementDefinition.constraint 0
expression 17 - -
extension 40 m 20
human 17 - -
id 17 - -
key 11 - -
requirements 17 - -
severity 7 - -
source 6 - -
xpath 17 - -
SElementDefinition.example 0
extension 40 m 20
id 17 - -
label 17 - -
value 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
SElementDefinition.mapping 0
comment 17 - -
extension 40 m 20
id 17 - -
identity 11 - -
language 7 - -
map 17 - -
SElementDefinition.slicing 0
description 17 - -
discriminator 0 m 343
extension 40 m 20
id 17 - -
ordered 5 - -
rules 7 - -
SElementDefinition.slicing.discriminator 0
extension 40 m 20
id 17 - -
path 17 - -
type 7 - -
SElementDefinition.type 0
aggregation 7 m -
code 20 - -
extension 40 m 20
id 17 - -
profile 6 m -
targetProfile 6 m -
versioning 7 - -
SEncounter.classHistory 1
class 29 - 9
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
SEncounter.diagnosis 1
condition 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
rank 16 - -
use 28 - 8
SEncounter.hospitalization 1
admitSource 28 - 8
destination 56 - 35
dietPreference 28 m 8
dischargeDisposition 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
origin 56 - 35
preAdmissionIdentifier 42 - 22
reAdmission 28 - 8
specialArrangement 28 m 8
specialCourtesy 28 m 8
SEncounter.location 1
extension 40 m 20
id 17 - -
location 56 - 35
modifierExtension 40 m 20
period 49 - 28
physicalType 28 - 8
status 7 - -
SEncounter.participant 1
extension 40 m 20
id 17 - -
individual 56 - 35
modifierExtension 40 m 20
period 49 - 28
type 28 m 8
SEncounter.statusHistory 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
status 7 - -
SEpisodeOfCare.diagnosis 1
condition 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
rank 16 - -
role 28 - 8
SEpisodeOfCare.statusHistory 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
status 7 - -
SEvidenceVariable.characteristic 1
definition 56,6,28,39,34,63 c -
description 17 - -
exclude 5 - -
extension 40 m 20
groupMeasure 7 - -
id 17 - -
modifierExtension 40 m 20
participantEffective 9,49,37,62 c -
timeFromStart 37 - 17
usageContext 64 m 42
SExampleScenario.actor 1
actorId 17 - -
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 7 - -
SExampleScenario.instance 1
containedInstance 1 m 356
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
resourceId 17 - -
resourceType 7 - -
version 1 m 357
SExampleScenario.instance.containedInstance 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
resourceId 17 - -
versionId 17 - -
SExampleScenario.instance.version 1
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
versionId 17 - -
SExampleScenario.process 1
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
postConditions 14 - -
preConditions 14 - -
step 1 m 359
title 17 - -
SExampleScenario.process.step 1
alternative 1 m 360
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 361
pause 5 - -
process 1 m 358
SExampleScenario.process.step.alternative 1
description 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
step 1 m 359
title 17 - -
SExampleScenario.process.step.operation 1
description 14 - -
extension 40 m 20
id 17 - -
initiator 17 - -
initiatorActive 5 - -
modifierExtension 40 m 20
name 17 - -
number 17 - -
receiver 17 - -
receiverActive 5 - -
request 1 - 356
response 1 - 356
type 17 - -
SExplanationOfBenefit.accident 1
date 8 - -
extension 40 m 20
id 17 - -
location 24,56 c -
modifierExtension 40 m 20
type 28 - 8
SExplanationOfBenefit.addItem 1
adjudication 1 m 372
bodySite 28 - 8
detail 1 m 364
detailSequence 16 m -
extension 40 m 20
factor 10 - -
id 17 - -
itemSequence 16 m -
location 28,24,56 c -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
programCode 28 m 8
provider 56 m 35
quantity 53 - 32
serviced 8,49 c -
subDetailSequence 16 m -
subSite 28 m 8
unitPrice 45 - 25
SExplanationOfBenefit.addItem.detail 1
adjudication 1 m 372
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
quantity 53 - 32
subDetail 1 m 365
unitPrice 45 - 25
SExplanationOfBenefit.addItem.detail.subDetail 1
adjudication 1 m 372
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
quantity 53 - 32
unitPrice 45 - 25
SExplanationOfBenefit.benefitBalance 1
category 28 - 8
description 17 - -
excluded 5 - -
extension 40 m 20
financial 1 m 367
id 17 - -
modifierExtension 40 m 20
name 17 - -
network 28 - 8
term 28 - 8
unit 28 - 8
SExplanationOfBenefit.benefitBalance.financial 1
allowed 19,17,45 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
used 19,45 c -
SExplanationOfBenefit.careTeam 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
provider 56 - 35
qualification 28 - 8
responsible 5 - -
role 28 - 8
sequence 16 - -
SExplanationOfBenefit.diagnosis 1
diagnosis 28,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
onAdmission 28 - 8
packageCode 28 - 8
sequence 16 - -
type 28 m 8
SExplanationOfBenefit.insurance 1
coverage 56 - 35
extension 40 m 20
focal 5 - -
id 17 - -
modifierExtension 40 m 20
preAuthRef 17 m -
SExplanationOfBenefit.item 1
adjudication 1 m 372
bodySite 28 - 8
careTeamSequence 16 m -
category 28 - 8
detail 1 m 373
diagnosisSequence 16 m -
encounter 56 m 35
extension 40 m 20
factor 10 - -
id 17 - -
informationSequence 16 m -
location 28,24,56 c -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
procedureSequence 16 m -
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
serviced 8,49 c -
subSite 28 m 8
udi 56 m 35
unitPrice 45 - 25
SExplanationOfBenefit.item.adjudication 1
amount 45 - 25
category 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 28 - 8
value 10 - -
SExplanationOfBenefit.item.detail 1
adjudication 1 m 372
category 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
subDetail 1 m 374
udi 56 m 35
unitPrice 45 - 25
SExplanationOfBenefit.item.detail.subDetail 1
adjudication 1 m 372
category 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifier 28 m 8
modifierExtension 40 m 20
net 45 - 25
noteNumber 16 m -
productOrService 28 - 8
programCode 28 m 8
quantity 53 - 32
revenue 28 - 8
sequence 16 - -
udi 56 m 35
unitPrice 45 - 25
SExplanationOfBenefit.payee 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
party 56 - 35
type 28 - 8
SExplanationOfBenefit.payment 1
adjustment 45 - 25
adjustmentReason 28 - 8
amount 45 - 25
date 8 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
type 28 - 8
SExplanationOfBenefit.procedure 1
date 9 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
procedure 28,56 c -
sequence 16 - -
type 28 m 8
udi 56 m 35
SExplanationOfBenefit.processNote 1
extension 40 m 20
id 17 - -
language 28 - 8
modifierExtension 40 m 20
number 16 - -
text 17 - -
type 7 - -
SExplanationOfBenefit.related 1
claim 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 42 - 22
relationship 28 - 8
SExplanationOfBenefit.supportingInfo 1
category 28 - 8
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 29 - 9
sequence 16 - -
timing 8,49 c -
value 5,17,53,27,56 c -
SExplanationOfBenefit.total 1
amount 45 - 25
category 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SFamilyMemberHistory.condition 1
code 28 - 8
contributedToDeath 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
note 26 m 6
onset 25,54,49,17 c -
outcome 28 - 8
SGoal.target 1
detail 53,54,28,17,5,13,55 c -
due 8,37 c -
extension 40 m 20
id 17 - -
measure 28 - 8
modifierExtension 40 m 20
SGraphDefinition.link 1
description 17 - -
extension 40 m 20
id 17 - -
max 17 - -
min 13 - -
modifierExtension 40 m 20
path 17 - -
sliceName 17 - -
target 1 m 385
SGraphDefinition.link.target 1
compartment 1 m 386
extension 40 m 20
id 17 - -
link 1 m 384
modifierExtension 40 m 20
params 17 - -
profile 6 - -
type 7 - -
SGraphDefinition.link.target.compartment 1
code 7 - -
description 17 - -
expression 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
rule 7 - -
use 7 - -
SGroup.characteristic 1
code 28 - 8
exclude 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
value 28,5,53,54,56 c -
SGroup.member 1
entity 56 - 35
extension 40 m 20
id 17 - -
inactive 5 - -
modifierExtension 40 m 20
period 49 - 28
SHealthcareService.availableTime 1
allDay 5 - -
availableEndTime 18 - -
availableStartTime 18 - -
daysOfWeek 7 m -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SHealthcareService.eligibility 1
code 28 - 8
comment 14 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SHealthcareService.notAvailable 1
description 17 - -
during 49 - 28
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SImagingStudy.series 1
bodySite 29 - 9
description 17 - -
endpoint 56 m 35
extension 40 m 20
id 17 - -
instance 1 m 393
laterality 29 - 9
modality 29 - 9
modifierExtension 40 m 20
number 19 - -
numberOfInstances 19 - -
performer 1 m 394
specimen 56 m 35
started 9 - -
uid 11 - -
SImagingStudy.series.instance 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
number 19 - -
sopClass 29 - 9
title 17 - -
uid 11 - -
SImagingStudy.series.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
SImmunization.education 1
documentType 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
presentationDate 9 - -
publicationDate 9 - -
reference 20 - -
SImmunization.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
SImmunization.protocolApplied 1
authority 56 - 35
doseNumber 16,17 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
series 17 - -
seriesDoses 16,17 c -
targetDisease 28 m 8
SImmunization.reaction 1
date 9 - -
detail 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reported 5 - -
SImmunizationRecommendation.recommendation 1
contraindicatedVaccineCode 28 m 8
dateCriterion 1 m 400
description 17 - -
doseNumber 16,17 c -
extension 40 m 20
forecastReason 28 m 8
forecastStatus 28 - 8
id 17 - -
modifierExtension 40 m 20
series 17 - -
seriesDoses 16,17 c -
supportingImmunization 56 m 35
supportingPatientInformation 56 m 35
targetDisease 28 - 8
vaccineCode 28 m 8
SImmunizationRecommendation.recommendation.dateCriterion 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 9 - -
SImplementationGuide.definition 1
extension 40 m 20
grouping 1 m 402
id 17 - -
modifierExtension 40 m 20
page 1 - 403
parameter 1 m 404
resource 1 m 405
template 1 m 406
SImplementationGuide.definition.grouping 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
SImplementationGuide.definition.page 1
extension 40 m 20
generation 7 - -
id 17 - -
modifierExtension 40 m 20
name 21,56 c -
page 1 m 403
title 17 - -
SImplementationGuide.definition.parameter 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 17 - -
SImplementationGuide.definition.resource 1
description 17 - -
example 5,6 c -
extension 40 m 20
fhirVersion 7 m -
groupingId 11 - -
id 17 - -
modifierExtension 40 m 20
name 17 - -
reference 56 - 35
SImplementationGuide.definition.template 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
scope 17 - -
source 17 - -
SImplementationGuide.dependsOn 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
packageId 11 - -
uri 6 - -
version 17 - -
SImplementationGuide.global 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
profile 6 - -
type 7 - -
SImplementationGuide.manifest 1
extension 40 m 20
id 17 - -
image 17 m -
modifierExtension 40 m 20
other 17 m -
page 1 m 410
rendering 21 - -
resource 1 m 411
SImplementationGuide.manifest.page 1
anchor 17 m -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
title 17 - -
SImplementationGuide.manifest.resource 1
example 5,6 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 - 35
relativePath 21 - -
SInsurancePlan.contact 1
address 24 - 4
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 41 - 21
purpose 28 - 8
telecom 31 m 11
SInsurancePlan.coverage 1
benefit 1 m 414
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
network 56 m 35
type 28 - 8
SInsurancePlan.coverage.benefit 1
extension 40 m 20
id 17 - -
limit 1 m 415
modifierExtension 40 m 20
requirement 17 - -
type 28 - 8
SInsurancePlan.coverage.benefit.limit 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 53 - 32
SInsurancePlan.plan 1
coverageArea 56 m 35
extension 40 m 20
generalCost 1 m 417
id 17 - -
identifier 42 m 22
modifierExtension 40 m 20
network 56 m 35
specificCost 1 m 418
type 28 - 8
SInsurancePlan.plan.generalCost 1
comment 17 - -
cost 45 - 25
extension 40 m 20
groupSize 16 - -
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SInsurancePlan.plan.specificCost 1
benefit 1 m 419
category 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SInsurancePlan.plan.specificCost.benefit 1
cost 1 m 420
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SInsurancePlan.plan.specificCost.benefit.cost 1
applicability 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
qualifiers 28 m 8
type 28 - 8
value 53 - 32
SInvoice.lineItem 1
chargeItem 56,28 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
priceComponent 1 m 422
sequence 16 - -
SInvoice.lineItem.priceComponent 1
amount 45 - 25
code 28 - 8
extension 40 m 20
factor 10 - -
id 17 - -
modifierExtension 40 m 20
type 7 - -
SInvoice.participant 1
actor 56 - 35
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
role 28 - 8
SLinkage.item 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
resource 56 - 35
type 7 - -
SList.entry 1
date 9 - -
deleted 5 - -
extension 40 m 20
flag 28 - 8
id 17 - -
item 56 - 35
modifierExtension 40 m 20
SLocation.hoursOfOperation 1
allDay 5 - -
closingTime 18 - -
daysOfWeek 7 m -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
openingTime 18 - -
SLocation.position 1
altitude 10 - -
extension 40 m 20
id 17 - -
latitude 10 - -
longitude 10 - -
modifierExtension 40 m 20
SMeasure.group 1
code 28 - 8
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
population 1 m 429
stratifier 1 m 430
SMeasure.group.population 1
code 28 - 8
criteria 39 - 19
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SMeasure.group.stratifier 1
code 28 - 8
component 1 m 431
criteria 39 - 19
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SMeasure.group.stratifier.component 1
code 28 - 8
criteria 39 - 19
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SMeasure.supplementalData 1
code 28 - 8
criteria 39 - 19
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
usage 28 m 8
SMeasureReport.group 1
code 28 - 8
extension 40 m 20
id 17 - -
measureScore 53 - 32
modifierExtension 40 m 20
population 1 m 434
stratifier 1 m 435
SMeasureReport.group.population 1
code 28 - 8
count 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
subjectResults 56 - 35
SMeasureReport.group.stratifier 1
code 28 m 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
stratum 1 m 436
SMeasureReport.group.stratifier.stratum 1
component 1 m 437
extension 40 m 20
id 17 - -
measureScore 53 - 32
modifierExtension 40 m 20
population 1 m 438
value 28 - 8
SMeasureReport.group.stratifier.stratum.component 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 28 - 8
SMeasureReport.group.stratifier.stratum.population 1
code 28 - 8
count 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
subjectResults 56 - 35
SMedication.batch 1
expirationDate 9 - -
extension 40 m 20
id 17 - -
lotNumber 17 - -
modifierExtension 40 m 20
SMedication.ingredient 1
extension 40 m 20
id 17 - -
isActive 5 - -
item 28,56 c -
modifierExtension 40 m 20
strength 55 - 34
SMedicationAdministration.dosage 1
dose 53 - 32
extension 40 m 20
id 17 - -
method 28 - 8
modifierExtension 40 m 20
rate 55,53 c -
route 28 - 8
site 28 - 8
text 17 - -
SMedicationAdministration.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
SMedicationDispense.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
SMedicationDispense.substitution 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 28 m 8
responsibleParty 56 m 35
type 28 - 8
wasSubstituted 5 - -
SMedicationKnowledge.administrationGuidelines 1
dosage 1 m 446
extension 40 m 20
id 17 - -
indication 28,56 c -
modifierExtension 40 m 20
patientCharacteristics 1 m 447
SMedicationKnowledge.administrationGuidelines.dosage 1
dosage 36 m 16
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SMedicationKnowledge.administrationGuidelines.patientCharacteristics 1
characteristic 28,53 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 17 m -
SMedicationKnowledge.cost 1
cost 45 - 25
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 17 - -
type 28 - 8
SMedicationKnowledge.drugCharacteristic 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
value 28,17,53,4 c -
SMedicationKnowledge.ingredient 1
extension 40 m 20
id 17 - -
isActive 5 - -
item 28,56 c -
modifierExtension 40 m 20
strength 55 - 34
SMedicationKnowledge.kinetics 1
areaUnderCurve 53 m 32
extension 40 m 20
halfLifePeriod 37 - 17
id 17 - -
lethalDose50 53 m 32
modifierExtension 40 m 20
SMedicationKnowledge.medicineClassification 1
classification 28 m 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SMedicationKnowledge.monitoringProgram 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 28 - 8
SMedicationKnowledge.monograph 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 56 - 35
type 28 - 8
SMedicationKnowledge.packaging 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
quantity 53 - 32
type 28 - 8
SMedicationKnowledge.regulatory 1
extension 40 m 20
id 17 - -
maxDispense 1 - 457
modifierExtension 40 m 20
regulatoryAuthority 56 - 35
schedule 1 m 458
substitution 1 m 459
SMedicationKnowledge.regulatory.maxDispense 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 37 - 17
quantity 53 - 32
SMedicationKnowledge.regulatory.schedule 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
schedule 28 - 8
SMedicationKnowledge.regulatory.substitution 1
allowed 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
SMedicationKnowledge.relatedMedicationKnowledge 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reference 56 m 35
type 28 - 8
SMedicationRequest.dispenseRequest 1
dispenseInterval 37 - 17
expectedSupplyDuration 37 - 17
extension 40 m 20
id 17 - -
initialFill 1 - 462
modifierExtension 40 m 20
numberOfRepeatsAllowed 19 - -
performer 56 - 35
quantity 53 - 32
validityPeriod 49 - 28
SMedicationRequest.dispenseRequest.initialFill 1
duration 37 - 17
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
quantity 53 - 32
SMedicationRequest.substitution 1
allowed 5,28 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
reason 28 - 8
SMedicinalProduct.manufacturingBusinessOperation 1
authorisationReferenceNumber 42 - 22
confidentialityIndicator 28 - 8
effectiveDate 9 - -
extension 40 m 20
id 17 - -
manufacturer 56 m 35
modifierExtension 40 m 20
operationType 28 - 8
regulator 56 - 35
SMedicinalProduct.name 1
countryLanguage 1 m 466
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
namePart 1 m 467
productName 17 - -
SMedicinalProduct.name.countryLanguage 1
country 28 - 8
extension 40 m 20
id 17 - -
jurisdiction 28 - 8
language 28 - 8
modifierExtension 40 m 20
SMedicinalProduct.name.namePart 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
part 17 - -
type 29 - 9
SMedicinalProduct.specialDesignation 1
date 9 - -
extension 40 m 20
id 17 - -
identifier 42 m 22
indication 28,56 c -
intendedUse 28 - 8
modifierExtension 40 m 20
species 28 - 8
status 28 - 8
type 28 - 8
SMedicinalProductAuthorization.jurisdictionalAuthorization 1
country 28 - 8
extension 40 m 20
id 17 - -
identifier 42 m 22
jurisdiction 28 m 8
legalStatusOfSupply 28 - 8
modifierExtension 40 m 20
validityPeriod 49 - 28
SMedicinalProductAuthorization.procedure 1
application 1 m 470
date 49,9 c -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
type 28 - 8
SMedicinalProductContraindication.otherTherapy 1
extension 40 m 20
id 17 - -
medication 28,56 c -
modifierExtension 40 m 20
therapyRelationshipType 28 - 8
SMedicinalProductIndication.otherTherapy 1
extension 40 m 20
id 17 - -
medication 28,56 c -
modifierExtension 40 m 20
therapyRelationshipType 28 - 8
SMedicinalProductIngredient.specifiedSubstance 1
code 28 - 8
confidentiality 28 - 8
extension 40 m 20
group 28 - 8
id 17 - -
modifierExtension 40 m 20
strength 1 m 474
SMedicinalProductIngredient.specifiedSubstance.strength 1
concentration 55 - 34
concentrationLowLimit 55 - 34
country 28 m 8
extension 40 m 20
id 17 - -
measurementPoint 17 - -
modifierExtension 40 m 20
presentation 55 - 34
presentationLowLimit 55 - 34
referenceStrength 1 m 475
SMedicinalProductIngredient.specifiedSubstance.strength.referenceStrength 1
country 28 m 8
extension 40 m 20
id 17 - -
measurementPoint 17 - -
modifierExtension 40 m 20
strength 55 - 34
strengthLowLimit 55 - 34
substance 28 - 8
SMedicinalProductIngredient.substance 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
strength 1 m 474
SMedicinalProductInteraction.interactant 1
extension 40 m 20
id 17 - -
item 56,28 c -
modifierExtension 40 m 20
SMedicinalProductPackaged.batchIdentifier 1
extension 40 m 20
id 17 - -
immediatePackaging 42 - 22
modifierExtension 40 m 20
outerPackaging 42 - 22
SMedicinalProductPackaged.packageItem 1
alternateMaterial 28 m 8
device 56 m 35
extension 40 m 20
id 17 - -
identifier 42 m 22
manufacturedItem 56 m 35
manufacturer 56 m 35
material 28 m 8
modifierExtension 40 m 20
otherCharacteristics 28 m 8
packageItem 1 m 479
physicalCharacteristics 51 - 30
quantity 53 - 32
shelfLifeStorage 52 m 31
type 28 - 8
SMedicinalProductPharmaceutical.characteristics 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
status 28 - 8
SMedicinalProductPharmaceutical.routeOfAdministration 1
code 28 - 8
extension 40 m 20
firstDose 53 - 32
id 17 - -
maxDosePerDay 53 - 32
maxDosePerTreatmentPeriod 55 - 34
maxSingleDose 53 - 32
maxTreatmentPeriod 37 - 17
modifierExtension 40 m 20
targetSpecies 1 m 482
SMedicinalProductPharmaceutical.routeOfAdministration.targetSpecies 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
withdrawalPeriod 1 m 483
SMedicinalProductPharmaceutical.routeOfAdministration.targetSpecies.withdrawalPeriod 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
supportingInformation 17 - -
tissue 28 - 8
value 53 - 32
SMessageDefinition.allowedResponse 1
extension 40 m 20
id 17 - -
message 6 - -
modifierExtension 40 m 20
situation 14 - -
SMessageDefinition.focus 1
code 7 - -
extension 40 m 20
id 17 - -
max 17 - -
min 19 - -
modifierExtension 40 m 20
profile 6 - -
SMessageHeader.destination 1
endpoint 21 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
receiver 56 - 35
target 56 - 35
SMessageHeader.response 1
code 7 - -
details 56 - 35
extension 40 m 20
id 17 - -
identifier 11 - -
modifierExtension 40 m 20
SMessageHeader.source 1
contact 31 - 11
endpoint 21 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
software 17 - -
version 17 - -
SMolecularSequence.quality 1
end 13 - -
extension 40 m 20
fScore 10 - -
gtFP 10 - -
id 17 - -
method 28 - 8
modifierExtension 40 m 20
precision 10 - -
queryFP 10 - -
queryTP 10 - -
recall 10 - -
roc 1 - 490
score 53 - 32
standardSequence 28 - 8
start 13 - -
truthFN 10 - -
truthTP 10 - -
type 7 - -
SMolecularSequence.quality.roc 1
extension 40 m 20
fMeasure 10 m -
id 17 - -
modifierExtension 40 m 20
numFN 13 m -
numFP 13 m -
numTP 13 m -
precision 10 m -
score 13 m -
sensitivity 10 m -
SMolecularSequence.referenceSeq 1
chromosome 28 - 8
extension 40 m 20
genomeBuild 17 - -
id 17 - -
modifierExtension 40 m 20
orientation 7 - -
referenceSeqId 28 - 8
referenceSeqPointer 56 - 35
referenceSeqString 17 - -
strand 7 - -
windowEnd 13 - -
windowStart 13 - -
SMolecularSequence.repository 1
datasetId 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
readsetId 17 - -
type 7 - -
url 20 - -
variantsetId 17 - -
SMolecularSequence.structureVariant 1
exact 5 - -
extension 40 m 20
id 17 - -
inner 1 - 494
length 13 - -
modifierExtension 40 m 20
outer 1 - 495
variantType 28 - 8
SMolecularSequence.structureVariant.inner 1
end 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
start 13 - -
SMolecularSequence.structureVariant.outer 1
end 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
start 13 - -
SMolecularSequence.variant 1
cigar 17 - -
end 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
observedAllele 17 - -
referenceAllele 17 - -
start 13 - -
variantPointer 56 - 35
SNamingSystem.uniqueId 1
comment 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
preferred 5 - -
type 7 - -
value 17 - -
SNutritionOrder.enteralFormula 1
additiveProductName 17 - -
additiveType 28 - 8
administration 1 m 499
administrationInstruction 17 - -
baseFormulaProductName 17 - -
baseFormulaType 28 - 8
caloricDensity 53 - 32
extension 40 m 20
id 17 - -
maxVolumeToDeliver 53 - 32
modifierExtension 40 m 20
routeofAdministration 28 - 8
SNutritionOrder.enteralFormula.administration 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
quantity 53 - 32
rate 53,55 c -
schedule 62 - 40
SNutritionOrder.oralDiet 1
extension 40 m 20
fluidConsistencyType 28 m 8
id 17 - -
instruction 17 - -
modifierExtension 40 m 20
nutrient 1 m 501
schedule 62 m 40
texture 1 m 502
type 28 m 8
SNutritionOrder.oralDiet.nutrient 1
amount 53 - 32
extension 40 m 20
id 17 - -
modifier 28 - 8
modifierExtension 40 m 20
SNutritionOrder.oralDiet.texture 1
extension 40 m 20
foodType 28 - 8
id 17 - -
modifier 28 - 8
modifierExtension 40 m 20
SNutritionOrder.supplement 1
extension 40 m 20
id 17 - -
instruction 17 - -
modifierExtension 40 m 20
productName 17 - -
quantity 53 - 32
schedule 62 m 40
type 28 - 8
SObservation.component 1
code 28 - 8
dataAbsentReason 28 - 8
extension 40 m 20
id 17 - -
interpretation 28 m 8
modifierExtension 40 m 20
referenceRange 1 m 505
value 53,28,17,5,13,54,55,58,18,9,49 c -
SObservation.referenceRange 1
age 54 - 33
appliesTo 28 m 8
extension 40 m 20
high 53 - 32
id 17 - -
low 53 - 32
modifierExtension 40 m 20
text 17 - -
type 28 - 8
SObservationDefinition.qualifiedInterval 1
age 54 - 33
appliesTo 28 m 8
category 7 - -
condition 17 - -
context 28 - 8
extension 40 m 20
gender 7 - -
gestationalAge 54 - 33
id 17 - -
modifierExtension 40 m 20
range 54 - 33
SObservationDefinition.quantitativeDetails 1
conversionFactor 10 - -
customaryUnit 28 - 8
decimalPrecision 13 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
unit 28 - 8
SOperationDefinition.overload 1
comment 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
parameterName 17 m -
SOperationDefinition.parameter 1
binding 1 - 510
documentation 17 - -
extension 40 m 20
id 17 - -
max 17 - -
min 13 - -
modifierExtension 40 m 20
name 7 - -
part 1 m 509
referencedFrom 1 m 511
searchType 7 - -
targetProfile 6 m -
type 7 - -
use 7 - -
SOperationDefinition.parameter.binding 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
strength 7 - -
valueSet 6 - -
SOperationDefinition.parameter.referencedFrom 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 17 - -
sourceId 17 - -
SOperationOutcome.issue 1
code 7 - -
details 28 - 8
diagnostics 17 - -
expression 17 m -
extension 40 m 20
id 17 - -
location 17 m -
modifierExtension 40 m 20
severity 7 - -
SOrganization.contact 1
address 24 - 4
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 41 - 21
purpose 28 - 8
telecom 31 m 11
SParameters.parameter 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
part 1 m 514
resource 2 r -
value 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
SPatient.communication 1
extension 40 m 20
id 17 - -
language 28 - 8
modifierExtension 40 m 20
preferred 5 - -
SPatient.contact 1
address 24 - 4
extension 40 m 20
gender 7 - -
id 17 - -
modifierExtension 40 m 20
name 41 - 21
organization 56 - 35
period 49 - 28
relationship 28 m 8
telecom 31 m 11
SPatient.link 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
other 56 - 35
type 7 - -
SPaymentReconciliation.detail 1
amount 45 - 25
date 8 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
payee 56 - 35
predecessor 42 - 22
request 56 - 35
response 56 - 35
responsible 56 - 35
submitter 56 - 35
type 28 - 8
SPaymentReconciliation.processNote 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
text 17 - -
type 7 - -
SPerson.link 1
assurance 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
target 56 - 35
SPlanDefinition.action 1
action 1 m 521
cardinalityBehavior 7 - -
code 28 m 8
condition 1 m 522
definition 6,20 c -
description 17 - -
documentation 57 m 36
dynamicValue 1 m 523
extension 40 m 20
goalId 11 m -
groupingBehavior 7 - -
id 17 - -
input 34 m 14
modifierExtension 40 m 20
output 34 m 14
participant 1 m 524
precheckBehavior 7 - -
prefix 17 - -
priority 7 - -
reason 28 m 8
relatedAction 1 m 525
requiredBehavior 7 - -
selectionBehavior 7 - -
subject 28,56 c -
textEquivalent 17 - -
timing 9,25,49,37,54,62 c -
title 17 - -
transform 6 - -
trigger 63 m 41
type 28 - 8
SPlanDefinition.action.condition 1
expression 39 - 19
extension 40 m 20
id 17 - -
kind 7 - -
modifierExtension 40 m 20
SPlanDefinition.action.dynamicValue 1
expression 39 - 19
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
path 17 - -
SPlanDefinition.action.participant 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
role 28 - 8
type 7 - -
SPlanDefinition.action.relatedAction 1
actionId 11 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
offset 37,54 c -
relationship 7 - -
SPlanDefinition.goal 1
addresses 28 m 8
category 28 - 8
description 28 - 8
documentation 57 m 36
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
priority 28 - 8
start 28 - 8
target 1 m 527
SPlanDefinition.goal.target 1
detail 53,54,28 c -
due 37 - 17
extension 40 m 20
id 17 - -
measure 28 - 8
modifierExtension 40 m 20
SPractitioner.qualification 1
code 28 - 8
extension 40 m 20
id 17 - -
identifier 42 m 22
issuer 56 - 35
modifierExtension 40 m 20
period 49 - 28
SPractitionerRole.availableTime 1
allDay 5 - -
availableEndTime 18 - -
availableStartTime 18 - -
daysOfWeek 7 m -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SPractitionerRole.notAvailable 1
description 17 - -
during 49 - 28
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SProcedure.focalDevice 1
action 28 - 8
extension 40 m 20
id 17 - -
manipulated 56 - 35
modifierExtension 40 m 20
SProcedure.performer 1
actor 56 - 35
extension 40 m 20
function 28 - 8
id 17 - -
modifierExtension 40 m 20
onBehalfOf 56 - 35
SProvenance.agent 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
onBehalfOf 56 - 35
role 28 m 8
type 28 - 8
who 56 - 35
SProvenance.entity 1
agent 1 m 533
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
role 7 - -
what 56 - 35
SQuestionnaire.item 1
answerOption 1 m 536
answerValueSet 6 - -
code 29 m 9
definition 20 - -
enableBehavior 7 - -
enableWhen 1 m 537
extension 40 m 20
id 17 - -
initial 1 m 538
item 1 m 535
linkId 17 - -
maxLength 13 - -
modifierExtension 40 m 20
prefix 17 - -
readOnly 5 - -
repeats 5 - -
required 5 - -
text 17 - -
type 7 - -
SQuestionnaire.item.answerOption 1
extension 40 m 20
id 17 - -
initialSelected 5 - -
modifierExtension 40 m 20
value 13,8,18,17,29,56 c -
SQuestionnaire.item.enableWhen 1
answer 5,10,13,8,9,18,17,29,53,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operator 7 - -
question 17 - -
SQuestionnaire.item.initial 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 5,10,13,8,9,18,17,20,27,29,53,56 c -
SQuestionnaireResponse.item 1
answer 1 m 540
definition 20 - -
extension 40 m 20
id 17 - -
item 1 m 539
linkId 17 - -
modifierExtension 40 m 20
text 17 - -
SQuestionnaireResponse.item.answer 1
extension 40 m 20
id 17 - -
item 1 m 539
modifierExtension 40 m 20
value 5,10,13,8,9,18,17,20,27,29,53,56 c -
SRelatedPerson.communication 1
extension 40 m 20
id 17 - -
language 28 - 8
modifierExtension 40 m 20
preferred 5 - -
SRequestGroup.action 1
action 1 m 542
cardinalityBehavior 7 - -
code 28 m 8
condition 1 m 543
description 17 - -
documentation 57 m 36
extension 40 m 20
groupingBehavior 7 - -
id 17 - -
modifierExtension 40 m 20
participant 56 m 35
precheckBehavior 7 - -
prefix 17 - -
priority 7 - -
relatedAction 1 m 544
requiredBehavior 7 - -
resource 56 - 35
selectionBehavior 7 - -
textEquivalent 17 - -
timing 9,25,49,37,54,62 c -
title 17 - -
type 28 - 8
SRequestGroup.action.condition 1
expression 39 - 19
extension 40 m 20
id 17 - -
kind 7 - -
modifierExtension 40 m 20
SRequestGroup.action.relatedAction 1
actionId 11 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
offset 37,54 c -
relationship 7 - -
SResearchElementDefinition.characteristic 1
definition 28,6,39,34 c -
exclude 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
participantEffective 9,49,37,62 c -
participantEffectiveDescription 17 - -
participantEffectiveGroupMeasure 7 - -
participantEffectiveTimeFromStart 37 - 17
studyEffective 9,49,37,62 c -
studyEffectiveDescription 17 - -
studyEffectiveGroupMeasure 7 - -
studyEffectiveTimeFromStart 37 - 17
unitOfMeasure 28 - 8
usageContext 64 m 42
SResearchStudy.arm 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 28 - 8
SResearchStudy.objective 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
type 28 - 8
SRiskAssessment.prediction 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
outcome 28 - 8
probability 10,54 c -
qualitativeRisk 28 - 8
rationale 17 - -
relativeRisk 10 - -
when 49,54 c -
SRiskEvidenceSynthesis.certainty 1
certaintySubcomponent 1 m 550
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
note 26 m 6
rating 28 m 8
SRiskEvidenceSynthesis.certainty.certaintySubcomponent 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
note 26 m 6
rating 28 m 8
type 28 - 8
SRiskEvidenceSynthesis.riskEstimate 1
denominatorCount 13 - -
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
numeratorCount 13 - -
precisionEstimate 1 m 552
type 28 - 8
unitOfMeasure 28 - 8
value 10 - -
SRiskEvidenceSynthesis.riskEstimate.precisionEstimate 1
extension 40 m 20
from 10 - -
id 17 - -
level 10 - -
modifierExtension 40 m 20
to 10 - -
type 28 - 8
SRiskEvidenceSynthesis.sampleSize 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
numberOfParticipants 13 - -
numberOfStudies 13 - -
SSearchParameter.component 1
definition 6 - -
expression 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SSpecimen.collection 1
bodySite 28 - 8
collected 9,49 c -
collector 56 - 35
duration 37 - 17
extension 40 m 20
fastingStatus 28,37 c -
id 17 - -
method 28 - 8
modifierExtension 40 m 20
quantity 53 - 32
SSpecimen.container 1
additive 28,56 c -
capacity 53 - 32
description 17 - -
extension 40 m 20
id 17 - -
identifier 42 m 22
modifierExtension 40 m 20
specimenQuantity 53 - 32
type 28 - 8
SSpecimen.processing 1
additive 56 m 35
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
procedure 28 - 8
time 9,49 c -
SSpecimenDefinition.typeTested 1
container 1 - 559
extension 40 m 20
handling 1 m 561
id 17 - -
isDerived 5 - -
modifierExtension 40 m 20
preference 7 - -
rejectionCriterion 28 m 8
requirement 17 - -
retentionTime 37 - 17
type 28 - 8
SSpecimenDefinition.typeTested.container 1
additive 1 m 560
cap 28 - 8
capacity 53 - 32
description 17 - -
extension 40 m 20
id 17 - -
material 28 - 8
minimumVolume 53,17 c -
modifierExtension 40 m 20
preparation 17 - -
type 28 - 8
SSpecimenDefinition.typeTested.container.additive 1
additive 28,56 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SSpecimenDefinition.typeTested.handling 1
extension 40 m 20
id 17 - -
instruction 17 - -
maxDuration 37 - 17
modifierExtension 40 m 20
temperatureQualifier 28 - 8
temperatureRange 54 - 33
SStructureDefinition.context 1
expression 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 7 - -
SStructureDefinition.differential 1
element 38 m 18
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SStructureDefinition.mapping 1
comment 17 - -
extension 40 m 20
id 17 - -
identity 11 - -
modifierExtension 40 m 20
name 17 - -
uri 20 - -
SStructureDefinition.snapshot 1
element 38 m 18
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SStructureMap.group 1
documentation 17 - -
extends 11 - -
extension 40 m 20
id 17 - -
input 1 m 567
modifierExtension 40 m 20
name 11 - -
rule 1 m 568
typeMode 7 - -
SStructureMap.group.input 1
documentation 17 - -
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
name 11 - -
type 17 - -
SStructureMap.group.rule 1
dependent 1 m 569
documentation 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 11 - -
rule 1 m 568
source 1 m 570
target 1 m 571
SStructureMap.group.rule.dependent 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 11 - -
variable 17 m -
SStructureMap.group.rule.source 1
check 17 - -
condition 17 - -
context 11 - -
defaultValue 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
element 17 - -
extension 40 m 20
id 17 - -
listMode 7 - -
logMessage 17 - -
max 17 - -
min 13 - -
modifierExtension 40 m 20
type 17 - -
variable 11 - -
SStructureMap.group.rule.target 1
context 11 - -
contextType 7 - -
element 17 - -
extension 40 m 20
id 17 - -
listMode 7 m -
listRuleId 11 - -
modifierExtension 40 m 20
parameter 1 m 572
transform 7 - -
variable 11 - -
SStructureMap.group.rule.target.parameter 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 11,17,5,13,10 c -
SStructureMap.structure 1
alias 17 - -
documentation 17 - -
extension 40 m 20
id 17 - -
mode 7 - -
modifierExtension 40 m 20
url 6 - -
SSubscription.channel 1
endpoint 21 - -
extension 40 m 20
header 17 m -
id 17 - -
modifierExtension 40 m 20
payload 7 - -
type 7 - -
SSubstance.ingredient 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
quantity 55 - 34
substance 28,56 c -
SSubstance.instance 1
expiry 9 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
quantity 53 - 32
SSubstanceAmount.referenceRange 0
extension 40 m 20
highLimit 53 - 32
id 17 - -
lowLimit 53 - 32
SSubstanceNucleicAcid.subunit 1
extension 40 m 20
fivePrime 28 - 8
id 17 - -
length 13 - -
linkage 1 m 579
modifierExtension 40 m 20
sequence 17 - -
sequenceAttachment 27 - 7
subunit 13 - -
sugar 1 m 580
threePrime 28 - 8
SSubstanceNucleicAcid.subunit.linkage 1
connectivity 17 - -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
name 17 - -
residueSite 17 - -
SSubstanceNucleicAcid.subunit.sugar 1
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
name 17 - -
residueSite 17 - -
SSubstancePolymer.monomerSet 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
ratioType 28 - 8
startingMaterial 1 m 582
SSubstancePolymer.monomerSet.startingMaterial 1
amount 61 - 39
extension 40 m 20
id 17 - -
isDefining 5 - -
material 28 - 8
modifierExtension 40 m 20
type 28 - 8
SSubstancePolymer.repeat 1
averageMolecularFormula 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
numberOfUnits 13 - -
repeatUnit 1 m 584
repeatUnitAmountType 28 - 8
SSubstancePolymer.repeat.repeatUnit 1
amount 61 - 39
degreeOfPolymerisation 1 m 585
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
orientationOfPolymerisation 28 - 8
repeatUnit 17 - -
structuralRepresentation 1 m 586
SSubstancePolymer.repeat.repeatUnit.degreeOfPolymerisation 1
amount 61 - 39
degree 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SSubstancePolymer.repeat.repeatUnit.structuralRepresentation 1
attachment 27 - 7
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
representation 17 - -
type 28 - 8
SSubstanceProtein.subunit 1
cTerminalModification 17 - -
cTerminalModificationId 42 - 22
extension 40 m 20
id 17 - -
length 13 - -
modifierExtension 40 m 20
nTerminalModification 17 - -
nTerminalModificationId 42 - 22
sequence 17 - -
sequenceAttachment 27 - 7
subunit 13 - -
SSubstanceReferenceInformation.classification 1
classification 28 - 8
domain 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 56 m 35
subtype 28 m 8
SSubstanceReferenceInformation.gene 1
extension 40 m 20
gene 28 - 8
geneSequenceOrigin 28 - 8
id 17 - -
modifierExtension 40 m 20
source 56 m 35
SSubstanceReferenceInformation.geneElement 1
element 42 - 22
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 56 m 35
type 28 - 8
SSubstanceReferenceInformation.target 1
amount 53,54,17 c -
amountType 28 - 8
extension 40 m 20
id 17 - -
interaction 28 - 8
modifierExtension 40 m 20
organism 28 - 8
organismType 28 - 8
source 56 m 35
target 42 - 22
type 28 - 8
SSubstanceSourceMaterial.fractionDescription 1
extension 40 m 20
fraction 17 - -
id 17 - -
materialType 28 - 8
modifierExtension 40 m 20
SSubstanceSourceMaterial.organism 1
author 1 m 594
extension 40 m 20
family 28 - 8
genus 28 - 8
hybrid 1 - 595
id 17 - -
intraspecificDescription 17 - -
intraspecificType 28 - 8
modifierExtension 40 m 20
organismGeneral 1 - 596
species 28 - 8
SSubstanceSourceMaterial.organism.author 1
authorDescription 17 - -
authorType 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SSubstanceSourceMaterial.organism.hybrid 1
extension 40 m 20
hybridType 28 - 8
id 17 - -
maternalOrganismId 17 - -
maternalOrganismName 17 - -
modifierExtension 40 m 20
paternalOrganismId 17 - -
paternalOrganismName 17 - -
SSubstanceSourceMaterial.organism.organismGeneral 1
class 28 - 8
extension 40 m 20
id 17 - -
kingdom 28 - 8
modifierExtension 40 m 20
order 28 - 8
phylum 28 - 8
SSubstanceSourceMaterial.partDescription 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
part 28 - 8
partLocation 28 - 8
SSubstanceSpecification.code 1
code 28 - 8
comment 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
source 56 m 35
status 28 - 8
statusDate 9 - -
SSubstanceSpecification.moiety 1
amount 53,17 c -
extension 40 m 20
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
molecularFormula 17 - -
name 17 - -
opticalActivity 28 - 8
role 28 - 8
stereochemistry 28 - 8
SSubstanceSpecification.name 1
domain 28 m 8
extension 40 m 20
id 17 - -
jurisdiction 28 m 8
language 28 m 8
modifierExtension 40 m 20
name 17 - -
official 1 m 601
preferred 5 - -
source 56 m 35
status 28 - 8
synonym 1 m 600
translation 1 m 600
type 28 - 8
SSubstanceSpecification.name.official 1
authority 28 - 8
date 9 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
status 28 - 8
SSubstanceSpecification.property 1
amount 53,17 c -
category 28 - 8
code 28 - 8
definingSubstance 56,28 c -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
parameters 17 - -
SSubstanceSpecification.relationship 1
amount 53,54,55,17 c -
amountRatioLowLimit 55 - 34
amountType 28 - 8
extension 40 m 20
id 17 - -
isDefining 5 - -
modifierExtension 40 m 20
relationship 28 - 8
source 56 m 35
substance 56,28 c -
SSubstanceSpecification.structure 1
extension 40 m 20
id 17 - -
isotope 1 m 605
modifierExtension 40 m 20
molecularFormula 17 - -
molecularFormulaByMoiety 17 - -
molecularWeight 1 - 606
opticalActivity 28 - 8
representation 1 m 607
source 56 m 35
stereochemistry 28 - 8
SSubstanceSpecification.structure.isotope 1
extension 40 m 20
halfLife 53 - 32
id 17 - -
identifier 42 - 22
modifierExtension 40 m 20
molecularWeight 1 - 606
name 28 - 8
substitution 28 - 8
SSubstanceSpecification.structure.isotope.molecularWeight 1
amount 53 - 32
extension 40 m 20
id 17 - -
method 28 - 8
modifierExtension 40 m 20
type 28 - 8
SSubstanceSpecification.structure.representation 1
attachment 27 - 7
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
representation 17 - -
type 28 - 8
SSupplyDelivery.suppliedItem 1
extension 40 m 20
id 17 - -
item 28,56 c -
modifierExtension 40 m 20
quantity 53 - 32
SSupplyRequest.parameter 1
code 28 - 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
value 28,53,54,5 c -
STask.input 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
value 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
STask.output 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 28 - 8
value 4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,24,25,26,27,28,29,31,33,35,37,41,42,45,49,53,54,55,56,58,59,62,30,32,34,39,48,57,63,64,36,44 c -
STask.restriction 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
period 49 - 28
recipient 56 m 35
repetitions 16 - -
STerminologyCapabilities.closure 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
translation 5 - -
STerminologyCapabilities.codeSystem 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
subsumption 5 - -
uri 6 - -
version 1 m 615
STerminologyCapabilities.codeSystem.version 1
code 17 - -
compositional 5 - -
extension 40 m 20
filter 1 m 616
id 17 - -
isDefault 5 - -
language 7 m -
modifierExtension 40 m 20
property 7 m -
STerminologyCapabilities.codeSystem.version.filter 1
code 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
op 7 m -
STerminologyCapabilities.expansion 1
extension 40 m 20
hierarchical 5 - -
id 17 - -
incomplete 5 - -
modifierExtension 40 m 20
paging 5 - -
parameter 1 m 618
textFilter 14 - -
STerminologyCapabilities.expansion.parameter 1
documentation 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 7 - -
STerminologyCapabilities.implementation 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
url 21 - -
STerminologyCapabilities.software 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
version 17 - -
STerminologyCapabilities.translation 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
needsMap 5 - -
STerminologyCapabilities.validateCode 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
translations 5 - -
STestReport.participant 1
display 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
type 7 - -
uri 20 - -
STestReport.setup 1
action 1 m 625
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
STestReport.setup.action 1
assert 1 - 626
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 627
STestReport.setup.action.assert 1
detail 17 - -
extension 40 m 20
id 17 - -
message 14 - -
modifierExtension 40 m 20
result 7 - -
STestReport.setup.action.operation 1
detail 20 - -
extension 40 m 20
id 17 - -
message 14 - -
modifierExtension 40 m 20
result 7 - -
STestReport.teardown 1
action 1 m 629
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
STestReport.teardown.action 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 627
STestReport.test 1
action 1 m 631
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
STestReport.test.action 1
assert 1 - 626
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 627
STestScript.destination 1
extension 40 m 20
id 17 - -
index 13 - -
modifierExtension 40 m 20
profile 29 - 9
STestScript.fixture 1
autocreate 5 - -
autodelete 5 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
resource 56 - 35
STestScript.metadata 1
capability 1 m 635
extension 40 m 20
id 17 - -
link 1 m 636
modifierExtension 40 m 20
STestScript.metadata.capability 1
capabilities 6 - -
description 17 - -
destination 13 - -
extension 40 m 20
id 17 - -
link 20 m -
modifierExtension 40 m 20
origin 13 m -
required 5 - -
validated 5 - -
STestScript.metadata.link 1
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
url 20 - -
STestScript.origin 1
extension 40 m 20
id 17 - -
index 13 - -
modifierExtension 40 m 20
profile 29 - 9
STestScript.setup 1
action 1 m 639
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
STestScript.setup.action 1
assert 1 - 640
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 641
STestScript.setup.action.assert 1
compareToSourceExpression 17 - -
compareToSourceId 17 - -
compareToSourcePath 17 - -
contentType 7 - -
description 17 - -
direction 7 - -
expression 17 - -
extension 40 m 20
headerField 17 - -
id 17 - -
label 17 - -
minimumId 17 - -
modifierExtension 40 m 20
navigationLinks 5 - -
operator 7 - -
path 17 - -
requestMethod 7 - -
requestURL 17 - -
resource 7 - -
response 7 - -
responseCode 17 - -
sourceId 11 - -
validateProfileId 11 - -
value 17 - -
warningOnly 5 - -
STestScript.setup.action.operation 1
accept 7 - -
contentType 7 - -
description 17 - -
destination 13 - -
encodeRequestUrl 5 - -
extension 40 m 20
id 17 - -
label 17 - -
method 7 - -
modifierExtension 40 m 20
origin 13 - -
params 17 - -
requestHeader 1 m 642
requestId 11 - -
resource 7 - -
responseId 11 - -
sourceId 11 - -
targetId 11 - -
type 29 - 9
url 17 - -
STestScript.setup.action.operation.requestHeader 1
extension 40 m 20
field 17 - -
id 17 - -
modifierExtension 40 m 20
value 17 - -
STestScript.teardown 1
action 1 m 644
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
STestScript.teardown.action 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 641
STestScript.test 1
action 1 m 646
description 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
STestScript.test.action 1
assert 1 - 640
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
operation 1 - 641
STestScript.variable 1
defaultValue 17 - -
description 17 - -
expression 17 - -
extension 40 m 20
headerField 17 - -
hint 17 - -
id 17 - -
modifierExtension 40 m 20
name 17 - -
path 17 - -
sourceId 11 - -
STiming.repeat 0
bounds 37,54,49 c -
count 16 - -
countMax 16 - -
dayOfWeek 7 m -
duration 10 - -
durationMax 10 - -
durationUnit 7 - -
extension 40 m 20
frequency 16 - -
frequencyMax 16 - -
id 17 - -
offset 19 - -
period 10 - -
periodMax 10 - -
periodUnit 7 - -
timeOfDay 18 m -
when 7 m -
SValueSet.compose 1
exclude 1 m 650
extension 40 m 20
id 17 - -
inactive 5 - -
include 1 m 650
lockedDate 8 - -
modifierExtension 40 m 20
SValueSet.compose.include 1
concept 1 m 651
extension 40 m 20
filter 1 m 653
id 17 - -
modifierExtension 40 m 20
system 20 - -
valueSet 6 m -
version 17 - -
SValueSet.compose.include.concept 1
code 7 - -
designation 1 m 652
display 17 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
SValueSet.compose.include.concept.designation 1
extension 40 m 20
id 17 - -
language 7 - -
modifierExtension 40 m 20
use 29 - 9
value 17 - -
SValueSet.compose.include.filter 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
op 7 - -
property 7 - -
value 17 - -
SValueSet.expansion 1
contains 1 m 655
extension 40 m 20
id 17 - -
identifier 20 - -
modifierExtension 40 m 20
offset 13 - -
parameter 1 m 656
timestamp 9 - -
total 13 - -
SValueSet.expansion.contains 1
abstract 5 - -
code 7 - -
contains 1 m 655
designation 1 m 652
display 17 - -
extension 40 m 20
id 17 - -
inactive 5 - -
modifierExtension 40 m 20
system 20 - -
version 17 - -
SValueSet.expansion.parameter 1
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
name 17 - -
value 17,5,13,10,20,7,9 c -
SVerificationResult.attestation 1
communicationMethod 28 - 8
date 8 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
onBehalfOf 56 - 35
proxyIdentityCertificate 17 - -
proxySignature 59 - 38
sourceIdentityCertificate 17 - -
sourceSignature 59 - 38
who 56 - 35
SVerificationResult.primarySource 1
canPushUpdates 28 - 8
communicationMethod 28 m 8
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
pushTypeAvailable 28 m 8
type 28 m 8
validationDate 9 - -
validationStatus 28 - 8
who 56 - 35
SVerificationResult.validator 1
attestationSignature 59 - 38
extension 40 m 20
id 17 - -
identityCertificate 17 - -
modifierExtension 40 m 20
organization 56 - 35
SVisionPrescription.lensSpecification 1
add 10 - -
axis 13 - -
backCurve 10 - -
brand 17 - -
color 17 - -
cylinder 10 - -
diameter 10 - -
duration 53 - 32
extension 40 m 20
eye 7 - -
id 17 - -
modifierExtension 40 m 20
note 26 m 6
power 10 - -
prism 1 m 661
product 28 - 8
sphere 10 - -
SVisionPrescription.lensSpecification.prism 1
amount 10 - -
base 7 - -
extension 40 m 20
id 17 - -
modifierExtension 40 m 20
"""#
}
