print("fhir-deid: not yet built")
