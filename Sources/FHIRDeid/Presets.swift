/// The configurations built into fhir-deid: `--preset NAME`, `fhir-deid presets` (the list) and
/// `fhir-deid presets show NAME` (the text).
///
/// Each preset is the text of a configuration in Microsoft's format, with `//` comments, compiled
/// into the binary (no resource files) and read by ``Configuration/load(_:)`` exactly like a
/// user's file, so `presets show NAME > mine.json` is a working starting point.
package enum Preset: String, CaseIterable, Sendable {
  /// HIPAA Safe Harbor with every date cut to its year; the default without `--config`.
  case safeHarbor = "safe-harbor"
  /// The Safe Harbor rules with dates shifted per patient instead of cut to the year.
  case safeHarborPatientShift = "safe-harbor-patient-shift"
  /// No rules: validate against FHIR R4 and re-serialise.
  case keepAll = "keep-all"

  /// One line for the `fhir-deid presets` listing.
  package var description: String {
    switch self {
    case .safeHarbor:
      "HIPAA Safe Harbor: identifiers removed or pseudonymised, dates cut to the year (default)"
    case .safeHarborPatientShift:
      "the safe-harbor rules, but dates shifted by one offset per patient instead of cut to the year"
    case .keepAll:
      "no rules: validate as FHIR R4 and re-serialise, nothing is de-identified"
    }
  }

  /// The configuration text: JSON with `//` comments, as `fhir-deid presets show` prints it.
  package var text: String {
    switch self {
    case .safeHarbor: PresetText.safeHarbor
    case .safeHarborPatientShift: PresetText.safeHarborPatientShift
    case .keepAll: PresetText.keepAll
    }
  }

  /// The preset read as a configuration.
  ///
  /// - Throws: ``ConfigurationError`` only if the built-in text is broken (a test loads each).
  package func configuration() throws(ConfigurationError) -> Configuration {
    try Configuration.load(Array(text.utf8))
  }
}

/// The preset texts, assembled from parts so that the two Safe Harbor presets cannot drift apart:
/// they differ only in their first comment, the three date rules and `dateShiftScope`.
enum PresetText {
  static let safeHarbor =
    safeHarborHead + commonHead + keepRules + yearOnlyDateRules + otherRules + parityRules
    + defaultDenyRules + parametersStart + parametersEnd

  static let safeHarborPatientShift =
    patientShiftHead + commonHead + keepRules + shiftedDateRules + otherRules + parityRules
    + defaultDenyRules + parametersStart + patientScope + parametersEnd

  static let keepAll = #"""
    // fhir-deid preset "keep-all": no rules. Each resource is checked against FHIR R4 and written
    // back compact, with everything else unchanged. This de-identifies nothing: use it to validate
    // input, or as the empty start of a configuration of your own.
    {
      "fhirVersion": "R4",
      "validOutput": true,
      "fhirPathRules": []
    }

    """#

  private static let safeHarborHead = #"""
    // fhir-deid preset "safe-harbor": HIPAA Safe Harbor de-identification of FHIR R4 data, with
    // every date cut to its year. Used when no configuration is given.

    """#

  private static let patientShiftHead = #"""
    // fhir-deid preset "safe-harbor-patient-shift": the rules of "safe-harbor", except that dates
    // are shifted instead of cut to the year. All resources of one patient move by the same
    // number of days (dateShiftScope "patient", a fhir-deid extension of Microsoft's format), so
    // intervals within a patient's record survive. Safe Harbor itself allows only the year: use
    // this where shifted dates are acceptable (expert determination, limited data set). It needs
    // a dateShiftKey as well as a cryptoHashKey (--keys; fhir-deid keygen makes them).

    """#

  private static let commonHead = #"""
    //
    // Written for fhir-deid from the 18 identifiers of 45 CFR 164.514(b)(2)(i) and the FHIR R4
    // model. The comment of each rule names the identifiers it removes, numbered as in the rule:
    //   #1 names                        #10 account numbers
    //   #2 geography below a state      #11 certificate and license numbers
    //   #3 dates (except the year),     #12 vehicle identifiers and serial numbers, plates
    //      ages over 89                 #13 device identifiers and serial numbers
    //   #4 telephone numbers            #14 web URLs
    //   #5 fax numbers                  #15 IP addresses
    //   #6 email addresses              #16 biometric identifiers (finger and voice prints)
    //   #7 social security numbers      #17 full-face photographs and comparable images
    //   #8 medical record numbers       #18 any other unique identifying number,
    //   #9 health plan beneficiary nos.     characteristic or code
    // of the individual and of the individual's relatives, employers and household members.
    // #12 is not applicable on its own: R4 has no vehicle element, and a vehicle or plate number
    // in an Identifier or in free text is removed by the Identifier and free-text rules.
    //
    // How the rules run: for each resource, in this order. The FIRST rule to reach a node
    // decides; a rule that matches an element handles everything under it; `keep` protects a
    // whole subtree from later rules. So precise keeps come first and broad rules last; every
    // keep names a primitive value, never a complex element whose parts could hold text.
    //
    // Default deny: after the rules for named elements, a short allow-list keeps a few
    // terminology and structural values (code systems, identifier systems, units, profiles,
    // reference types), and then every remaining string, markdown, xhtml, base64Binary, uri,
    // url, canonical, oid, uuid and non-resource id value is removed, whatever element holds it.
    // An element that no rule names is therefore removed, not passed through; to keep one, add
    // a keep for it (with the reason) to the allow-list. Codes, numbers, booleans and dates are
    // not text: the date rules handle dates, and codes and measured values stay.
    //
    // Kept on purpose (research value; not identifiers of the individual): the coded US Core
    // race, ethnicity and birth-sex extensions; ages up to 89; the first three digits of ZIP
    // codes outside sparsely populated areas; state and country; gender, statuses, code systems,
    // amounts of claims and payments; the directory data (name, identifiers, telecom, address) of
    // organizations typed as healthcare providers or payers. Identifiers become keyed
    // HMAC-SHA256 pseudonyms (cryptoHash), so records still link up: keep that key secret.
    //
    // No keys in here: give cryptoHashKey (and dateShiftKey) with --keys FILE or FHIR_DEID_*.
    //
    // Valid output (validOutput, a fhir-deid key): after the rules, a required element they
    // emptied (a Claim's insurance.coverage that held only a display) gets the data-absent-reason
    // extension with code "masked" instead of vanishing, an instant cut to its year is removed
    // (masked when required), and an extension whose url or value was removed goes whole, so
    // that every resource written is valid FHIR R4.
    {
      "fhirVersion": "R4",
      "processingErrors": "raise",
      "validOutput": true,
      "fhirPathRules": [

    """#

  private static let keepRules = #"""
        // ---- Element ids of kept primitives -----------------------------------------------
        // #18 the id of a primitive ('_state': {"id": …}) is free text that the keeps below
        // would protect with their value: removed first. (Every other element id is removed by
        // the default-deny rules at the end: it is a string.)
        {"path": "nodesByType('code').id", "method": "redact"},
        {"path": "nodesByType('string').id", "method": "redact"},
        {"path": "nodesByType('uri').id", "method": "redact"},
        {"path": "nodesByType('canonical').id", "method": "redact"},

        // ---- Keep: coded race, ethnicity and birth sex (US Core) --------------------------
        // #18 extensions inside the coded values kept below (on a Coding or on its primitives)
        // go first, so that the keeps that follow protect nothing but the codes.
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity').extension.where(url='ombCategory' or url='detailed').value.nodesByType('Extension')", "method": "redact"},
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex').value.nodesByType('Extension')", "method": "redact"},
        // keep: the urls of these extensions and of their ombCategory and detailed parts, so
        // the kept codes still say what they are.
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex').url", "method": "keep"},
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity').extension.where(url='ombCategory' or url='detailed').url", "method": "keep"},
        // keep: the system and code of the OMB category and detailed race and ethnicity Codings
        // (population categories, not identifiers). Only these two primitives: the Coding's
        // display, version and id, and the free-text 'text' part, are removed by the Extension
        // rule below.
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity').extension.where(url='ombCategory' or url='detailed').value.ofType(Coding).system", "method": "keep"},
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-race' or url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity').extension.where(url='ombCategory' or url='detailed').value.ofType(Coding).code", "method": "keep"},
        // keep: birth sex (M, F, UNK), a code like Patient.gender.
        {"path": "nodesByType('Extension').where(url='http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex').value.ofType(code)", "method": "keep"},

        // ---- Every other extension --------------------------------------------------------
        // #1 #2 #18 extensions can hold anything: the mother's maiden name (#1), the birth place
        // and geolocation (#2), unknown identifiers (#18). modifierExtension too.
        {"path": "nodesByType('Extension')", "method": "redact"},

        // ---- Keep: what does not identify the individual -----------------------------------
        // keep: the use of a name (official, maiden…) does not tell who the person is.
        {"path": "nodesByType('HumanName').use", "method": "keep"},
        // keep: #2 allows the state and the country.
        {"path": "nodesByType('Address').state", "method": "keep"},
        {"path": "nodesByType('Address').country", "method": "keep"},
        // keep: healthcare providers and payers are not identifiers of the individual, so the
        // name, identifier values, telecom (system, value, use) and address (lines, city,
        // district, full ZIP code) of an Organization typed prov, dept, pay or ins stay. Only
        // those primitives: an identifier's type text, an address's text, contacts and
        // extensions are removed as elsewhere. Other organizations (employers, schools,
        // community groups, untyped ones) are handled by the rules below like a person's data.
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).name", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).alias", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).identifier.value", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).telecom.system", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).telecom.value", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).telecom.use", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).address.line", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).address.city", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).address.district", "method": "keep"},
        {"path": "Organization.where(type.coding.where(system='http://terminology.hl7.org/CodeSystem/organization-type' and (code='prov' or code='dept' or code='pay' or code='ins')).exists()).address.postalCode", "method": "keep"},
        // keep: affiliations between organizations (provider directory data): identifier values
        // and telecom.
        {"path": "OrganizationAffiliation.identifier.value", "method": "keep"},
        {"path": "OrganizationAffiliation.telecom.system", "method": "keep"},
        {"path": "OrganizationAffiliation.telecom.value", "method": "keep"},
        {"path": "OrganizationAffiliation.telecom.use", "method": "keep"},


    """#

  private static let yearOnlyDateRules = #"""
        // ---- #3 dates and ages ------------------------------------------------------------
        // #3 every date, dateTime and instant keeps only its year, and is removed when it points
        // to an age over 89 (enablePartialDatesForRedact). Three rules rather than one union: a
        // union drops the nodes whose value equals an earlier node's.
        {"path": "nodesByType('date')", "method": "redact"},
        {"path": "nodesByType('dateTime')", "method": "redact"},
        {"path": "nodesByType('instant')", "method": "redact"},

    """#

  private static let shiftedDateRules = #"""
        // ---- #3 dates and ages ------------------------------------------------------------
        // #3 every date, dateTime and instant moves by its patient's offset; one without a day
        // keeps only its year, and one that points to an age over 89 is removed. Three rules
        // rather than one union: a union drops the nodes whose value equals an earlier node's.
        // They come before the rules below, so that the dates those rules reach (onsets,
        // performed, occurrences…) are shifted too, not cut to the year.
        {"path": "nodesByType('date')", "method": "dateShift"},
        {"path": "nodesByType('dateTime')", "method": "dateShift"},
        {"path": "nodesByType('instant')", "method": "dateShift"},

    """#

  private static let otherRules = #"""
        // #3 the age at which a relative's condition began is removed whole: an Age that
        // 'redact' would keep (89 or less) is a quasi-identifier of the relative, and 'substitute'
        // with null removes it. Other kinds (dates, ranges, text) are redacted.
        {"path": "FamilyMemberHistory.condition.onset.ofType(Age)", "method": "substitute", "replaceWith": null},
        {"path": "FamilyMemberHistory.condition.onset", "method": "redact"},
        // #3 #1 a relative's birth, age and death: dates, ages, ranges and free text.
        {"path": "FamilyMemberHistory.born", "method": "redact"},
        {"path": "FamilyMemberHistory.age", "method": "redact"},
        {"path": "FamilyMemberHistory.deceased", "method": "redact"},
        // #3 every other Age: over 89 removed, up to 89 kept (enablePartialAgesForRedact); its
        // unit and code are removed.
        {"path": "nodesByType('Age')", "method": "redact"},
        // #3 an age over 89 held in another Quantity, a Duration or a Range (RiskAssessment's
        // whenRange 95-97 years, an Observation's value): removed whole when its value is over
        // 89 years (or >89, >=89), or over 1068 months, 4643 weeks or 32507 days, by UCUM code
        // (a, mo, wk, d)
        // or by unit text (any case). A Range goes whole when its low or high is over. Other
        // time units (hours…) and non-time units are not ages and stay.
        {"path": "nodesByType('Range').where(low.where(\#(overAge)).exists() or high.where(\#(overAge)).exists())", "method": "redact"},
        {"path": "nodesByType('Quantity').where(\#(overAge))", "method": "redact"},
        {"path": "nodesByType('SimpleQuantity').where(\#(overAge))", "method": "redact"},
        {"path": "nodesByType('Duration').where(\#(overAge))", "method": "redact"},
        // #3 onsets, abatements and timings that may be an age range or free text, not a date.
        {"path": "Condition.onset", "method": "redact"},
        {"path": "Condition.abatement", "method": "redact"},
        {"path": "AllergyIntolerance.onset", "method": "redact"},
        {"path": "Procedure.performed", "method": "redact"},
        {"path": "Immunization.occurrence", "method": "redact"},
        {"path": "CarePlan.activity.detail.scheduled", "method": "redact"},

        // ---- #7 #8 #9 #10 #11 #13 #18 identifiers become keyed pseudonyms -------------------
        // #18 resource ids and references become HMAC-SHA256 pseudonyms (equal inputs give equal
        // outputs), so references between resources still resolve. #14 an absolute reference
        // loses its base URL (referenceBase "remove", a fhir-deid extension of the format):
        // http://host/fhir/Patient/123 becomes Patient/<hash>.
        {"path": "Resource.id", "method": "cryptoHash"},
        {"path": "nodesByType('Reference').reference", "method": "cryptoHash", "referenceBase": "remove"},
        // #7 SSN, #8 MRN, #9 member ids, #10 account numbers, #11 licenses, #13 device ids, #18
        // the rest: every Identifier.value (its system stays; provider organizations' are kept).
        {"path": "nodesByType('Identifier').value", "method": "cryptoHash"},
        // #9 the subscriber's member id, held in a string.
        {"path": "Coverage.subscriberId", "method": "cryptoHash"},
        // #18 DICOM series and instance UIDs are unique identifiers (the study's is an
        // Identifier).
        {"path": "ImagingStudy.series.uid", "method": "cryptoHash"},
        {"path": "ImagingStudy.series.instance.uid", "method": "cryptoHash"},
        // #9 #10 dependent numbers, plan classes (group and plan numbers and names), networks.
        {"path": "Coverage.dependent", "method": "redact"},
        {"path": "Coverage.class", "method": "redact"},
        {"path": "Coverage.network", "method": "redact"},
        // #10 #18 authorization and arrangement numbers of claims and eligibility checks.
        {"path": "Claim.insurance.preAuthRef", "method": "redact"},
        {"path": "Claim.insurance.businessArrangement", "method": "redact"},
        {"path": "ClaimResponse.preAuthRef", "method": "redact"},
        {"path": "ClaimResponse.insurance.businessArrangement", "method": "redact"},
        {"path": "ExplanationOfBenefit.preAuthRef", "method": "redact"},
        {"path": "ExplanationOfBenefit.insurance.preAuthRef", "method": "redact"},
        {"path": "CoverageEligibilityRequest.insurance.businessArrangement", "method": "redact"},
        {"path": "CoverageEligibilityResponse.preAuthRef", "method": "redact"},
        // #11 identity certificates of the parties to a verification.
        {"path": "VerificationResult.attestation.sourceIdentityCertificate", "method": "redact"},
        {"path": "VerificationResult.attestation.proxyIdentityCertificate", "method": "redact"},
        {"path": "VerificationResult.validator.identityCertificate", "method": "redact"},
        // #13 device identifiers and serial numbers: UDI, distinct identifier, serial and lot
        // numbers, and the names given to one device.
        {"path": "Device.udiCarrier", "method": "redact"},
        {"path": "Device.distinctIdentifier", "method": "redact"},
        {"path": "Device.serialNumber", "method": "redact"},
        {"path": "Device.lotNumber", "method": "redact"},
        {"path": "Device.deviceName", "method": "redact"},
        {"path": "Media.deviceName", "method": "redact"},
        // #18 an observed genome sequence is unique to a person; repository ids and links point
        // at the person's data.
        {"path": "MolecularSequence.observedSeq", "method": "redact"},
        {"path": "MolecularSequence.repository", "method": "redact"},

        // ---- #14 URLs, #15 IP addresses -----------------------------------------------------
        // #14 URLs of a device, of attachments and endpoints; #18 HTTP headers may hold tokens.
        {"path": "Device.url", "method": "redact"},
        {"path": "nodesByType('Attachment').url", "method": "redact"},
        {"path": "Endpoint.address", "method": "redact"},
        {"path": "Endpoint.header", "method": "redact"},
        // #14 #18 Bundle URLs hold resource ids (and conditional requests hold search values)
        // that would not match the hashed ids; they are removed rather than left to link back.
        {"path": "Bundle.link.url", "method": "redact"},
        {"path": "Bundle.entry.link.url", "method": "redact"},
        {"path": "Bundle.entry.fullUrl", "method": "redact"},
        {"path": "Bundle.entry.request.url", "method": "redact"},
        {"path": "Bundle.entry.request.ifNoneExist", "method": "redact"},
        {"path": "Bundle.entry.response.location", "method": "redact"},
        // #15 the network address (IP address, host name or phone number) of an audited agent.
        {"path": "AuditEvent.agent.network", "method": "redact"},

        // ---- #16 #17 photographs, images, recordings ----------------------------------------
        // #17 photographs of people and images of the body; #16 recordings (voice).
        {"path": "Patient.photo", "method": "redact"},
        {"path": "RelatedPerson.photo", "method": "redact"},
        {"path": "Person.photo", "method": "redact"},
        {"path": "Practitioner.photo", "method": "redact"},
        {"path": "BodyStructure.image", "method": "redact"},
        {"path": "Media.content", "method": "redact"},
        // #16 #17 #1 all binary content: images, recordings, scanned and generated documents
        // (Synthea's notes and reports carry names), signatures, audit queries.
        {"path": "nodesByType('base64Binary')", "method": "redact"},
        // #1 attachment titles are often file or person names.
        {"path": "nodesByType('Attachment').title", "method": "redact"},

        // ---- #1 names -----------------------------------------------------------------------
        // #1 names of patients, relatives, contacts and practitioners (a practitioner may be the
        // individual or a relative). The use of a name is kept above.
        {"path": "nodesByType('HumanName')", "method": "redact"},
        // #1 the display text of a reference is mostly a person's or an organization's name.
        {"path": "nodesByType('Reference').display", "method": "redact"},
        // #1 names of a relative, of an audited agent or entity, of an artifact's contacts.
        {"path": "FamilyMemberHistory.name", "method": "redact"},
        {"path": "AuditEvent.agent.name", "method": "redact"},
        {"path": "AuditEvent.entity.name", "method": "redact"},
        {"path": "nodesByType('ContactDetail').name", "method": "redact"},
        // #1 names of organizations that are not providers or payers (employers…; see above).
        {"path": "Organization.name", "method": "redact"},
        {"path": "Organization.alias", "method": "redact"},
        // #1 #2 names given to groups, teams, accounts, places, services, plans and contracts
        // can name the individual or their home.
        {"path": "Group.name", "method": "redact"},
        {"path": "CareTeam.name", "method": "redact"},
        {"path": "Account.name", "method": "redact"},
        {"path": "Location.name", "method": "redact"},
        {"path": "Location.alias", "method": "redact"},
        {"path": "HealthcareService.name", "method": "redact"},
        {"path": "Endpoint.name", "method": "redact"},
        {"path": "InsurancePlan.name", "method": "redact"},
        {"path": "InsurancePlan.alias", "method": "redact"},
        {"path": "Contract.name", "method": "redact"},
        {"path": "Contract.alias", "method": "redact"},
        {"path": "Library.publisher", "method": "redact"},
        {"path": "ChargeItemDefinition.publisher", "method": "redact"},

        // ---- #2 geography -------------------------------------------------------------------
        // #2 address lines, city, district, text, use and type are removed; the ZIP code keeps
        // its first three digits (all zeros in the restricted areas below). State and country
        // are kept above.
        // #2 a postal code that is not shaped like a US ZIP code (3 to 5 digits, optionally
        // -4 more: a foreign postcode, text): redact would keep its letters and its first three
        // characters, so it is removed whole first (substitute with null).
        {"path": "nodesByType('Address').postalCode.where(matches('^[0-9]{3,5}(-[0-9]{4})?$').not())", "method": "substitute", "replaceWith": null},
        {"path": "nodesByType('Address')", "method": "redact"},
        // #2 the coordinates and description of a place (which may be the patient's home).
        {"path": "Location.position", "method": "redact"},
        {"path": "Location.description", "method": "redact"},
        {"path": "Location.availabilityExceptions", "method": "redact"},
        // #2 where a service or an accident took place: an address, a reference or a code.
        {"path": "Claim.accident.location", "method": "redact"},
        {"path": "Claim.item.location", "method": "redact"},
        {"path": "ClaimResponse.addItem.location", "method": "redact"},
        {"path": "ExplanationOfBenefit.accident.location", "method": "redact"},
        {"path": "ExplanationOfBenefit.item.location", "method": "redact"},
        {"path": "ExplanationOfBenefit.addItem.location", "method": "redact"},

        // ---- #4 #5 #6 #14 telecom -----------------------------------------------------------
        // #4 phone, #5 fax, #6 email, #14 URL: every ContactPoint of persons, places and
        // services (provider and payer organizations' are kept above).
        {"path": "nodesByType('ContactPoint')", "method": "redact"},

        // ---- #1 #18 free text ---------------------------------------------------------------
        // #1 #18 narratives, notes and markdown text can name anyone and quote any identifier.
        {"path": "nodesByType('Narrative')", "method": "redact"},
        {"path": "nodesByType('Annotation')", "method": "redact"},
        {"path": "nodesByType('markdown')", "method": "redact"},
        // #1 #18 the free text of coded values and of expressions.
        {"path": "nodesByType('CodeableConcept').text", "method": "redact"},
        {"path": "nodesByType('Coding').display", "method": "redact"},
        {"path": "nodesByType('Expression').description", "method": "redact"},
        {"path": "nodesByType('Expression').expression", "method": "redact"},
        // #1 #18 free-text instructions to the patient.
        {"path": "nodesByType('Dosage').text", "method": "redact"},
        {"path": "nodesByType('Dosage').patientInstruction", "method": "redact"},
        {"path": "MedicationAdministration.dosage.text", "method": "redact"},
        {"path": "ServiceRequest.patientInstruction", "method": "redact"},
        {"path": "Appointment.patientInstruction", "method": "redact"},
        {"path": "NutritionOrder.oralDiet.instruction", "method": "redact"},
        {"path": "NutritionOrder.supplement.instruction", "method": "redact"},
        {"path": "NutritionOrder.enteralFormula.administrationInstruction", "method": "redact"},
        // #1 #18 titles, descriptions, comments, conclusions and reasons written about a patient.
        {"path": "Account.description", "method": "redact"},
        {"path": "AdverseEvent.suspectEntity.causality.productRelatedness", "method": "redact"},
        {"path": "AllergyIntolerance.reaction.description", "method": "redact"},
        {"path": "Appointment.description", "method": "redact"},
        {"path": "Appointment.comment", "method": "redact"},
        {"path": "AppointmentResponse.comment", "method": "redact"},
        {"path": "AuditEvent.outcomeDesc", "method": "redact"},
        {"path": "AuditEvent.entity.description", "method": "redact"},
        {"path": "AuditEvent.entity.detail", "method": "redact"},
        {"path": "BodyStructure.description", "method": "redact"},
        {"path": "CarePlan.title", "method": "redact"},
        {"path": "CarePlan.description", "method": "redact"},
        {"path": "CarePlan.activity.detail.description", "method": "redact"},
        {"path": "ChargeItem.overrideReason", "method": "redact"},
        {"path": "ClinicalImpression.description", "method": "redact"},
        {"path": "ClinicalImpression.summary", "method": "redact"},
        {"path": "ClinicalImpression.finding.basis", "method": "redact"},
        {"path": "Communication.payload", "method": "redact"},
        {"path": "CommunicationRequest.payload", "method": "redact"},
        {"path": "Composition.title", "method": "redact"},
        {"path": "Composition.section.title", "method": "redact"},
        {"path": "DetectedIssue.detail", "method": "redact"},
        {"path": "DiagnosticReport.conclusion", "method": "redact"},
        {"path": "DiagnosticReport.media.comment", "method": "redact"},
        {"path": "DocumentManifest.description", "method": "redact"},
        {"path": "DocumentReference.description", "method": "redact"},
        {"path": "Goal.statusReason", "method": "redact"},
        {"path": "ImagingStudy.description", "method": "redact"},
        {"path": "ImagingStudy.series.description", "method": "redact"},
        {"path": "ImagingStudy.series.instance.title", "method": "redact"},
        {"path": "ImmunizationEvaluation.description", "method": "redact"},
        {"path": "ImmunizationRecommendation.recommendation.description", "method": "redact"},
        {"path": "List.title", "method": "redact"},
        {"path": "OperationOutcome.issue.diagnostics", "method": "redact"},
        {"path": "QuestionnaireResponse.item", "method": "redact"},
        {"path": "RequestGroup.action", "method": "redact"},
        {"path": "RiskAssessment.prediction.rationale", "method": "redact"},
        {"path": "RiskAssessment.mitigation", "method": "redact"},
        {"path": "Specimen.processing.description", "method": "redact"},
        {"path": "Specimen.container.description", "method": "redact"},
        {"path": "Substance.description", "method": "redact"},
        {"path": "Task.description", "method": "redact"},
        {"path": "Task.input.value", "method": "redact"},
        {"path": "Task.output.value", "method": "redact"},
        // #1 #18 free text of schedules, services and practitioner roles.
        {"path": "Schedule.comment", "method": "redact"},
        {"path": "Slot.comment", "method": "redact"},
        {"path": "HealthcareService.comment", "method": "redact"},
        {"path": "HealthcareService.availabilityExceptions", "method": "redact"},
        {"path": "HealthcareService.notAvailable.description", "method": "redact"},
        {"path": "PractitionerRole.availabilityExceptions", "method": "redact"},
        {"path": "PractitionerRole.notAvailable.description", "method": "redact"},
        // #1 #18 free text of claims, payments, coverage and insurance plans.
        {"path": "Claim.supportingInfo.value", "method": "redact"},
        {"path": "ClaimResponse.disposition", "method": "redact"},
        {"path": "ClaimResponse.processNote.text", "method": "redact"},
        {"path": "ExplanationOfBenefit.disposition", "method": "redact"},
        {"path": "ExplanationOfBenefit.processNote.text", "method": "redact"},
        {"path": "ExplanationOfBenefit.supportingInfo.value", "method": "redact"},
        {"path": "ExplanationOfBenefit.benefitBalance.name", "method": "redact"},
        {"path": "ExplanationOfBenefit.benefitBalance.description", "method": "redact"},
        {"path": "PaymentReconciliation.disposition", "method": "redact"},
        {"path": "PaymentReconciliation.processNote.text", "method": "redact"},
        {"path": "EnrollmentResponse.disposition", "method": "redact"},
        {"path": "CoverageEligibilityResponse.disposition", "method": "redact"},
        {"path": "CoverageEligibilityResponse.insurance.item.name", "method": "redact"},
        {"path": "CoverageEligibilityResponse.insurance.item.description", "method": "redact"},
        {"path": "Invoice.cancelledReason", "method": "redact"},
        {"path": "InsurancePlan.coverage.benefit.requirement", "method": "redact"},
        {"path": "InsurancePlan.plan.generalCost.comment", "method": "redact"},
        // #1 #18 contracts: titles and every term (texts, offers, answers, assets, actions).
        {"path": "Contract.title", "method": "redact"},
        {"path": "Contract.subtitle", "method": "redact"},
        {"path": "Contract.term", "method": "redact"},
        // #1 #18 the usage, title and applicability text of artifacts written for a patient.
        {"path": "Library.usage", "method": "redact"},
        {"path": "ChargeItemDefinition.title", "method": "redact"},
        {"path": "ChargeItemDefinition.applicability", "method": "redact"},
        {"path": "ChargeItemDefinition.propertyGroup.applicability", "method": "redact"},


    """#

  /// Microsoft's extra removals. README: a copy without this block keeps codes and measured
  /// values (never free text: the default-deny rules after it still remove that).
  private static let parityRules = #"""
        // ---- Parity with Microsoft's sample -------------------------------------------------
        // parity: none of these is a Safe Harbor identifier. Microsoft's Safe Harbor sample
        // configuration removes them, and this preset removes at least what that sample
        // removes. Delete this block in a copy to keep codes and measured values (free text
        // such as Observation.valueString is still removed by the default-deny rules below).
        {"path": "nodesByType('Coding').code", "method": "redact"},
        {"path": "Observation.value", "method": "redact"},
        {"path": "Observation.component.value", "method": "redact"},
        {"path": "Observation.referenceRange", "method": "redact"},
        {"path": "Group.characteristic.value", "method": "redact"},
        {"path": "Goal.target.detail", "method": "redact"},
        {"path": "CoverageEligibilityResponse.insurance.item.benefit.allowed", "method": "redact"},
        {"path": "CoverageEligibilityResponse.insurance.item.benefit.used", "method": "redact"},
        {"path": "ExplanationOfBenefit.benefitBalance.financial.allowed", "method": "redact"},
        // ---- end of Parity ------------------------------------------------------------------


    """#

  /// An age over 89 in a Quantity-like focus (value with a UCUM code or a unit text; `>89`
  /// and `>=89` years count). Every threshold is at least 89, so that test goes first: for
  /// most quantities it is the only comparison made (`and` stops at false).
  private static let overAge =
    "(value > 89 or (value = 89 and (comparator = '>' or comparator = '>='))) and (code = 'a' or \(unitIs(["a", "y", "yr", "yrs", "year", "years"])) or "
    + "(value > 1068 and (code = 'mo' or \(unitIs(["mo", "month", "months"])))) or "
    + "(value > 4643 and (code = 'wk' or \(unitIs(["wk", "week", "weeks"])))) or "
    + "(value > 32507 and (code = 'd' or \(unitIs(["d", "day", "days"])))))"

  private static func unitIs(_ units: [String]) -> String {
    units.map { "unit.lower() = '\($0)'" }.joined(separator: " or ")
  }

  /// The allow-list and the default-deny rules, last.
  private static let defaultDenyRules = #"""
        // ---- Allow-list: structural and terminology values ----------------------------------
        // keep: only these text values survive the default-deny rules below, and only where no
        // rule above removed them. Each is a primitive naming a code system, a unit or a
        // structure, never text about a patient. (Not needed here: codes such as
        // Narrative.status, Attachment.contentType, Quantity.code and Money.currency are not
        // text and are not denied; Address.state and country and the kept extension urls are
        // kept above.)
        // keep: the code system of every Coding (the code is meaningless without it).
        {"path": "nodesByType('Coding').system", "method": "keep"},
        // keep: the system of an Identifier says what the (hashed) value is: SSN, MRN, NPI.
        {"path": "nodesByType('Identifier').system", "method": "keep"},
        // keep: the resource type a Reference points to (a type name).
        {"path": "nodesByType('Reference').type", "method": "keep"},
        // keep: the profiles a resource claims to conform to (canonical StructureDefinition
        // urls, e.g. US Core).
        {"path": "nodesByType('Meta').profile", "method": "keep"},
        // keep: the unit and unit system of measured values, in every Quantity profile (ages
        // over 89 are removed whole above; Age keeps nothing but its value).
        {"path": "nodesByType('Quantity').unit", "method": "keep"},
        {"path": "nodesByType('Quantity').system", "method": "keep"},
        {"path": "nodesByType('SimpleQuantity').unit", "method": "keep"},
        {"path": "nodesByType('SimpleQuantity').system", "method": "keep"},
        {"path": "nodesByType('MoneyQuantity').unit", "method": "keep"},
        {"path": "nodesByType('MoneyQuantity').system", "method": "keep"},
        {"path": "nodesByType('Duration').unit", "method": "keep"},
        {"path": "nodesByType('Duration').system", "method": "keep"},
        {"path": "nodesByType('Distance').unit", "method": "keep"},
        {"path": "nodesByType('Distance').system", "method": "keep"},
        {"path": "nodesByType('Count').unit", "method": "keep"},
        {"path": "nodesByType('Count').system", "method": "keep"},

        // ---- Default deny: every other text value -------------------------------------------
        // #1 #2 #4-#11 #13-#15 #18 any text that no rule above named or kept: free text
        // (Observation.valueString, lot, model and version numbers, AuditEvent's altId and site,
        // Parameters' valueString), identifiers held in plain strings, URLs and their hosts
        // (meta.source, implicitRules, instantiatesUri, policies), element ids and meta
        // versionIds. In the R4 model an element's id is a string and only Resource.id is an
        // id; resource ids, references and identifiers were hashed above, and the first rule
        // to reach a node wins, so these only remove. markdown and base64Binary are removed
        // above.
        {"path": "nodesByType('string')", "method": "redact"},
        {"path": "nodesByType('xhtml')", "method": "redact"},
        {"path": "nodesByType('uri')", "method": "redact"},
        {"path": "nodesByType('url')", "method": "redact"},
        {"path": "nodesByType('canonical')", "method": "redact"},
        {"path": "nodesByType('oid')", "method": "redact"},
        {"path": "nodesByType('uuid')", "method": "redact"},
        {"path": "nodesByType('id')", "method": "redact"}

    """#

  /// The end of the rule list and the start of the parameters.
  private static let parametersStart = #"""
      ],
      "parameters": {

    """#

  /// The date-shift scope of the patient-shift preset.
  private static let patientScope = #"""
        // #3 one offset for all resources of a patient (a fhir-deid extension of the format).
        "dateShiftScope": "patient",

    """#

  /// The parameters both Safe Harbor presets share, and the end of the text.
  private static let parametersEnd = #"""
        // #3 a shifted date's offset is keyed on the original id with HMAC-SHA256, so it cannot
        // be found from the output (Microsoft's algorithm can be undone without the key).
        "dateShiftAlgorithm": "hmac-sha256",
        "enablePartialDatesForRedact": true,
        "enablePartialAgesForRedact": true,
        "enablePartialZipCodesForRedact": true,
        // #2 3-digit ZIP areas of 20,000 people or fewer: the 17 of the HHS guidance (2000
        // census), and 205 and 369 (2010 census, as in Microsoft's list). Their ZIP codes
        // become 00000.
        "restrictedZipCodeTabulationAreas": [
          "036", "059", "063", "102", "203", "205", "369", "556", "692", "790", "821", "823",
          "830", "831", "878", "879", "884", "890", "893"
        ]
      }
    }

    """#
}
