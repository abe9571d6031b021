import ByteJSON
import FHIRModel
import FHIRTree
import Testing

/// The typed view: names, types, x/_x pairing, order, nested resources, and R4 validation.
@Suite struct ResourceTreeTests {
  struct Built {
    var tree: ResourceTree
    var tape: Tape
    var bytes: [UInt8]

    /// `path  type  =value` lines for every node, pre-order.
    var listing: [String] {
      bytes.withUnsafeBytes { raw in
        var lines: [String] = []
        func visit(_ i: Int32) {
          let node = tree[i]
          var line = tree.path(of: i, bytes: raw) + "  " + node.type.name
          if node.valueToken >= 0 && node.type.isPrimitive {
            let t = tape[Int(node.valueToken)]
            line += "  =" + String(decoding: raw[t.range], as: UTF8.self)
          }
          if node.isResource { line += "  (resource)" }
          lines.append(line)
          var c = node.firstChild
          while c >= 0 {
            visit(c)
            c = tree[c].nextSibling
          }
        }
        visit(0)
        return lines
      }
    }
  }

  func build(_ json: String) throws(ResourceTree.Failure) -> Built {
    let bytes = Array(json.utf8)
    var tape = Tape()
    var tree = ResourceTree()
    let failure: ResourceTree.Failure? = bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { fatalError("bad test JSON") }
      do throws(ResourceTree.Failure) {
        try tree.build(tape, bytes: raw)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
    return Built(tree: tree, tape: tape, bytes: bytes)
  }

  func failure(_ json: String) -> (ResourceTree.Failure.Kind, String)? {
    let bytes = Array(json.utf8)
    var tape = Tape()
    var tree = ResourceTree()
    return bytes.withUnsafeBytes { raw in
      do { try JSONScanner().scan(raw, into: &tape) } catch { fatalError("bad test JSON") }
      do throws(ResourceTree.Failure) {
        try tree.build(tape, bytes: raw)
        return nil
      } catch {
        return (error.kind, tree.path(of: error, tape: tape, bytes: raw))
      }
    }
  }

  @Test func namesTypesAndValues() throws {
    let b = try build(
      #"{"resourceType":"Patient","id":"x","name":[{"family":"F","given":["A","B"]}],"birthDate":"1970","active":true,"deceasedBoolean":false}"#
    )
    #expect(
      b.listing == [
        "Patient  Patient  (resource)",
        "Patient.id  id  =x",
        "Patient.name[0]  HumanName",
        "Patient.name[0].family  string  =F",
        "Patient.name[0].given[0]  string  =A",
        "Patient.name[0].given[1]  string  =B",
        "Patient.birthDate  date  =1970",
        "Patient.active  boolean  =true",
        "Patient.deceasedBoolean  boolean  =false",
      ])
  }

  @Test func choiceElementsAreNamedByBaseName() throws {
    let b = try build(
      #"{"resourceType":"Observation","status":"final","code":{"text":"t"},"valueQuantity":{"value":1.50,"unit":"mg"}}"#
    )
    let value = try #require((0..<Int32(b.tree.count)).first { b.tree[$0].type == .quantity })
    let node = b.tree[value]
    #expect(node.nameLength == 5)  // "value"
    #expect(b.listing.contains("Observation.valueQuantity.value  decimal  =1.50"))
  }

  @Test("a primitive and its _x sibling are one node, in either order")
  func shadowPairing() throws {
    for json in [
      #"{"resourceType":"Patient","birthDate":"1970-01-01","_birthDate":{"extension":[{"url":"u","valueString":"s"}]}}"#,
      #"{"resourceType":"Patient","_birthDate":{"extension":[{"url":"u","valueString":"s"}]},"birthDate":"1970-01-01"}"#,
    ] {
      let b = try build(json)
      #expect(
        b.listing == [
          "Patient  Patient  (resource)",
          "Patient.birthDate  date  =1970-01-01",
          "Patient.birthDate.extension[0]  Extension",
          "Patient.birthDate.extension[0].url  uri  =u",
          "Patient.birthDate.extension[0].valueString  string  =s",
        ])
    }
  }

  @Test func primitiveArraysPairByPosition() throws {
    let b = try build(
      #"{"resourceType":"Patient","name":[{"given":["A",null,"C"],"_given":[null,{"id":"g2"},{"id":"g3"}]}]}"#
    )
    #expect(
      b.listing == [
        "Patient  Patient  (resource)",
        "Patient.name[0]  HumanName",
        "Patient.name[0].given[0]  string  =A",
        "Patient.name[0].given[1]  string",
        "Patient.name[0].given[1].id  string  =g2",
        "Patient.name[0].given[2]  string  =C",
        "Patient.name[0].given[2].id  string  =g3",
      ])
  }

  @Test func nestedResourcesAreResourceNodes() throws {
    let b = try build(
      #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","name":"o"}]}}]}"#
    )
    #expect(
      b.listing == [
        "Bundle  Bundle  (resource)",
        "Bundle.type  code  =collection",
        "Bundle.entry[0]  BackboneElement",
        "Bundle.entry[0].resource  Patient  (resource)",
        "Bundle.entry[0].resource.id  id  =p",
        "Bundle.entry[0].resource.contained[0]  Organization  (resource)",
        "Bundle.entry[0].resource.contained[0].name  string  =o",
      ])
  }

  @Test func nullsAreDropped() throws {
    let b = try build(#"{"resourceType":"Patient","gender":null,"name":[null,{"family":"F"}]}"#)
    #expect(
      b.listing == [
        "Patient  Patient  (resource)", "Patient.name[1]  HumanName",
        "Patient.name[1].family  string  =F",
      ])
  }

  @Test(arguments: [
    (
      #"{"resourceType":"DeviceComponent"}"#, ResourceTree.Failure.Kind.unknownResourceType,
      ""
    ),
    (#"{"id":"x"}"#, .missingResourceType, ""),
    (
      #"{"resourceType":"Claim","organization":{"reference":"x"}}"#, .unknownElement,
      "Claim"
    ),
    (
      #"{"resourceType":"Patient","name":[{"famly":"x"}]}"#, .unknownElement,
      "Patient.name[0]"
    ),
    (#"{"resourceType":"Observation","value":1}"#, .unknownElement, "Observation"),
    (#"{"resourceType":"Observation","valueFoo":1}"#, .unknownElement, "Observation"),
    (#"{"resourceType":"Patient","birthDate":{"x":1}}"#, .wrongKind, "Patient.birthDate"),
    (#"{"resourceType":"Patient","name":"x"}"#, .wrongKind, "Patient.name"),
    (#"{"resourceType":"Patient","name":[["x"]]}"#, .wrongKind, "Patient.name"),
    (#"{"resourceType":"Patient","contained":[{"id":"x"}]}"#, .missingResourceType, "Patient"),
    (
      #"{"resourceType":"Patient","name":[{"resourceType":"Patient"}]}"#, .unknownElement,
      "Patient.name[0]"
    ),
  ])
  func invalidResources(_ json: String, _ kind: ResourceTree.Failure.Kind, _ path: String) {
    let f = failure(json)
    #expect(f?.0 == kind, "\(json)")
    #expect(f?.1 == path, "\(json)")
  }
}
