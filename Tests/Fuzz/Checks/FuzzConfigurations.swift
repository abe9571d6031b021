import FHIRDeid

/// The configurations and keys of the engine targets.
package enum FuzzConfigurations {
  /// Fixed strong test keys (random, never used for real data), a fixed reference date and a
  /// perturbation seed, so that every input gives the same output on every run.
  package static let settings = EngineSettings(
    dateShiftKey: Array("b7c1e0f4a9d24c6e8f3a5b2d1c0e9f87".utf8),
    cryptoHashKey: Array("5f0e3c9a2b7d4e1f8a6c0b3d9e2f7a14c8b5d6e0f1a2b3c4".utf8),
    encryptKey: Array("8d2f6a1c9e4b7d3f0a5c2e8b6d1f4a9c".utf8),
    today: (2026, 11, 29), perturbSeed: 0x5EED_F022)

  /// A configuration that uses every method: keep, redact, dateShift (patient scope, with the
  /// resource-scope fallback), cryptoHash, encrypt, substitute (primitive and complex), perturb
  /// (fixed and proportional), and generalize (numbers, dates, strings; otherValues redact and
  /// keep), with partial redaction of dates, ages and ZIP codes.
  package static let allMethods = #"""
    {
      "fhirVersion": "R4",
      "processingErrors": "raise",
      "fhirPathRules": [
        {"path": "Patient.identifier.where(system = 'http://hl7.org/fhir/sid/us-ssn')", "method": "keep"},
        {"path": "nodesByType('Coding').where(system = 'http://loinc.org')", "method": "keep"},
        {"path": "Resource.id", "method": "cryptoHash"},
        {"path": "nodesByType('Reference').reference", "method": "cryptoHash"},
        {"path": "nodesByType('Identifier').value", "method": "encrypt"},
        {"path": "Patient.name.family", "method": "encrypt"},
        {"path": "nodesByType('HumanName')", "method": "substitute", "replaceWith": {"family": "Doe", "given": ["Jo", "X"], "period": {"start": "2000-01-01"}}},
        {"path": "Patient.gender", "method": "substitute", "replaceWith": "unknown"},
        {"path": "Patient.active", "method": "substitute", "replaceWith": true},
        {"path": "Patient.multipleBirth", "method": "substitute", "replaceWith": 2},
        {"path": "Observation.value", "method": "perturb", "span": 10, "rangeType": "fixed", "roundTo": 1},
        {"path": "nodesByType('Quantity')", "method": "perturb", "span": 0.1, "rangeType": "proportional", "roundTo": 3},
        {"path": "nodesByType('decimal')", "method": "perturb", "span": 2.5, "rangeType": "fixed", "roundTo": 0},
        {"path": "nodesByType('integer')", "method": "perturb", "span": 3, "rangeType": "proportional"},
        {"path": "nodesByType('Age').value", "method": "generalize", "cases": {"$this < 18": "0", "$this >= 18 and $this < 65": "18.5", "$this >= 65": "65"}, "otherValues": "redact"},
        {"path": "Patient.birthDate", "method": "generalize", "cases": {"$this >= @2000-01-01": "@2000", "$this < @2000-01-01": "@1900-06"}, "otherValues": "keep"},
        {"path": "nodesByType('code')", "method": "generalize", "cases": {"$this.startsWith('a')": "'a*'", "$this.length() > 5": "$this.substring(0, 3) + '***'", "$this.matches('^[0-9]+$')": "$this.toInteger() div 10"}, "otherValues": "keep"},
        {"path": "Condition.onset.ofType(dateTime)", "method": "generalize", "cases": {"$this >= @2010": "@2010", "$this < @2010": "{}"}, "otherValues": "redact"},
        {"path": "nodesByType('Address')", "method": "redact"},
        {"path": "nodesByType('Age')", "method": "redact"},
        {"path": "nodesByType('date')", "method": "dateShift"},
        {"path": "nodesByType('dateTime')", "method": "dateShift"},
        {"path": "nodesByType('instant')", "method": "dateShift"},
        {"path": "nodesByType('time')", "method": "redact"},
        {"path": "nodesByType('Extension')", "method": "redact"},
        {"path": "nodesByType('Narrative')", "method": "redact"},
        {"path": "nodesByType('ContactPoint').value", "method": "cryptoHash"},
        {"path": "nodesByName('display')", "method": "redact"},
        {"path": "nodesByType('Attachment')", "method": "substitute", "replaceWith": {"contentType": "text/plain", "title": "removed"}},
        {"path": "nodesByType('string').where($this.length() > 40)", "method": "redact"},
        {"path": "Bundle.entry.fullUrl", "method": "cryptoHash"},
        {"path": "nodesByType('markdown')", "method": "encrypt"},
        {"path": "Resource.meta.lastUpdated", "method": "keep"}
      ],
      "parameters": {
        "dateShiftScope": "patient",
        "enablePartialAgesForRedact": true,
        "enablePartialDatesForRedact": true,
        "enablePartialZipCodesForRedact": true,
        "restrictedZipCodeTabulationAreas": ["036", "059", "102", "203", "692", "878"]
      }
    }
    """#
}
