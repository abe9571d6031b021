import ByteJSON
import FHIRModel
import Testing

@testable import FHIRTree

/// Element paths for messages (#8 item 7): names come from the R4 model, and a failure names the
/// element the offending member belongs to, never a key that R4 does not define there.
@Suite("ResourceTree: paths")
struct ResourceTreePathTests {
  /// Every node's path of a valid resource.
  func paths(_ json: String) -> [String] {
    let bytes = Array(json.utf8)
    var tape = Tape()
    var tree = ResourceTree()
    return bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { fatalError("bad test JSON") }
      do { try tree.build(tape, bytes: raw) } catch { fatalError("bad test resource \(error)") }
      return (0..<Int32(tree.count)).map { tree.path(of: $0, bytes: raw) }
    }
  }

  /// The path of the failure of an invalid resource.
  func failurePath(_ json: String) -> String? {
    let bytes = Array(json.utf8)
    var tape = Tape()
    var tree = ResourceTree()
    return bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { fatalError("bad test JSON") }
      do throws(ResourceTree.Failure) {
        try tree.build(tape, bytes: raw)
        return nil
      } catch {
        return tree.path(of: error, tape: tape, bytes: raw)
      }
    }
  }

  @Test("node paths use the model's names: choice suffixes, shadows, nested resources")
  func nodePaths() {
    #expect(
      paths(
        #"{"resourceType":"Observation","status":"final","code":{"text":"t"},"valueQuantity":{"value":1},"component":[{"valueDateTime":"2020"}]}"#
      ) == [
        "Observation", "Observation.status", "Observation.code", "Observation.code.text",
        "Observation.valueQuantity", "Observation.valueQuantity.value",
        "Observation.component[0]", "Observation.component[0].valueDateTime",
      ])
    #expect(
      paths(#"{"resourceType":"Patient","_birthDate":{"id":"b"},"deceasedBoolean":true}"#) == [
        "Patient", "Patient.birthDate", "Patient.birthDate.id", "Patient.deceasedBoolean",
      ])
    #expect(
      paths(
        #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","contained":[{"resourceType":"Practitioner","id":"x"}]}}]}"#
      ) == [
        "Bundle", "Bundle.type", "Bundle.entry[0]", "Bundle.entry[0].resource",
        "Bundle.entry[0].resource.contained[0]", "Bundle.entry[0].resource.contained[0].id",
      ])
  }

  @Test(
    "#8: an unknown key is never in the path, only the element it is in",
    arguments: [
      (#"{"resourceType":"Patient","CANARY_KEY_123":1}"#, "Patient"),
      (#"{"resourceType":"Patient","name":[{"CANARY_KEY_456":"x"}]}"#, "Patient.name[0]"),
      (#"{"resourceType":"Patient","name":[{},{"CANARY_KEY":"x"}]}"#, "Patient.name[1]"),
      (#"{"resourceType":"Patient","CANARY\u005fKEY":1}"#, "Patient"),
      (#"{"resourceType":"Patient","\u0043ANARY_KEY":1}"#, "Patient"),
      (#"{"resourceType":"Patient","n\u0061me":[{"family":"x"}]}"#, "Patient"),
      (#"{"resourceType":"Patient","CANARY_ÄÖ_日本_🙂":1}"#, "Patient"),
      (#"{"resourceType":"Patient","_CANARY_KEY":{}}"#, "Patient"),
      (#"{"resourceType":"Patient","_name":{}}"#, "Patient"),
      (
        #"{"resourceType":"Patient","birthDate":"1970","_birthDate":{"CANARY":1}}"#,
        "Patient.birthDate"
      ),
      (
        #"{"resourceType":"Patient","contact":[{"name":{"CANARY_DEEP":"x"}}]}"#,
        "Patient.contact[0].name"
      ),
      (#"{"resourceType":"Observation","valueCANARY":1}"#, "Observation"),
      (#"{"resourceType":"Patient","name":[{"resourceType":"Patient"}]}"#, "Patient.name[0]"),
      (
        #"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","CANARY_KEY":1}}]}"#,
        "Bundle.entry[0].resource"
      ),
      (#"{"resourceType":"Patient","contained":[{"resourceType":"CANARY_TYPE"}]}"#, "Patient"),
      (#"{"resourceType":"CANARY_TYPE"}"#, ""),
      (#"{"CANARY_ONLY":1}"#, ""),
    ])
  func unknownKeys(_ json: String, _ expected: String) {
    let path = failurePath(json)
    #expect(path == expected, "\(json)")
    #expect(!(path ?? "").contains("CANARY"))
  }

  @Test(
    "#8: a value of the wrong kind names its element as the model spells it",
    arguments: [
      (#"{"resourceType":"Patient","birthDate":{"CANARY_K":"CANARY_V"}}"#, "Patient.birthDate"),
      (#"{"resourceType":"Patient","_birthDate":"CANARY"}"#, "Patient.birthDate"),
      (#"{"resourceType":"Patient","name":"CANARY"}"#, "Patient.name"),
      (#"{"resourceType":"Patient","contact":[{"name":"CANARY"}]}"#, "Patient.contact[0].name"),
      (
        #"{"resourceType":"Patient","birthDate":"1970","_birthDate":{"id":{}}}"#,
        "Patient.birthDate.id"
      ),
      (
        #"{"resourceType":"Observation","status":"final","valueQuantity":"CANARY"}"#,
        "Observation.valueQuantity"
      ),
      (
        #"{"resourceType":"Patient","extension":[{"url":"u","valueString":{"CANARY":1}}]}"#,
        "Patient.extension[0].valueString"
      ),
      (
        #"{"resourceType":"Questionnaire","status":"draft","item":[{"linkId":"1","type":"group","item":[{"linkId":"2","type":"string","text":{"CANARY":1}}]}]}"#,
        "Questionnaire.item[0].item[0].text"
      ),
      (#"{"resourceType":"Patient","contained":["CANARY"]}"#, "Patient.contained"),
    ])
  func wrongKinds(_ json: String, _ expected: String) {
    #expect(failurePath(json) == expected, "\(json)")
  }
}
