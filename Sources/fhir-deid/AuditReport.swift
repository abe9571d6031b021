import ByteJSON
import FHIRDeid

/// The report of `fhir-deid audit`, as text for people or one JSON object for machines.
///
/// Values appear only when the tally holds them (`--show-values`); everything else is counts,
/// element paths, rule numbers and file names.
struct AuditReportText {
  var tally: AuditTally
  var settings: AuditSettings
  var k: Int
  var outputs: [String]
  var originals: [String]
  var configSource: String?
  var rules: [Rule]
  var index: AuditIndex?

  private var kAnonymity: AuditKAnonymity? {
    settings.quasiIdentifiers == nil ? nil : AuditKAnonymity(classes: tally.classes, k: k)
  }

  private var checkRows: [(AuditTally.CheckKey, AuditTally.Row)] {
    tally.checks.sorted { ($0.key.check, $0.key.path) < ($1.key.check, $1.key.path) }
  }
  private var survivalRows: [(AuditTally.SurvivalKey, AuditTally.Row)] {
    tally.survived.sorted { ($0.key.category, $0.key.path) < ($1.key.category, $1.key.path) }
  }
  private var keptRows: [(AuditTally.KeptKey, AuditTally.Row)] {
    tally.kept.sorted { ($0.key.rule, $0.key.path) < ($1.key.rule, $1.key.path) }
  }

  /// Values found (checks and surviving values) plus patients in classes below k.
  var findingCount: Int {
    tally.checks.values.reduce(0) { $0 + $1.count }
      + tally.survived.values.reduce(0) {
        $0 + $1.count
      } + (kAnonymity?.patientsBelowK ?? 0)
  }

  var hasFindings: Bool { findingCount > 0 }

  private var todayText: String {
    let t = settings.today
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(t.year)-\(two(t.month))-\(two(t.day))"
  }

  // MARK: Text

  func text() -> String {
    var out =
      "fhir-deid audit of \(outputs.joined(separator: ", ")): \(tally.resources) resources\n"
    if let index {
      out +=
        "original: \(originals.joined(separator: ", ")): \(index.lines) lines, "
        + "\(index.distinctValues) identifying values (keyed hashes); configuration "
        + (configSource ?? "") + "\n"
      if index.unattributed > 0 {
        out +=
          "  \(index.unattributed) original lines failed in the rules: none of their values counts as kept\n"
      }
    }
    func row(_ label: String, _ path: String, _ count: Int, _ values: [String]) {
      out += "  " + pad(label, 38) + " " + pad(path, 54) + " " + String(count) + "\n"
      if !values.isEmpty {
        out += "    values: " + values.map(quoted).joined(separator: ", ") + "\n"
      }
    }
    if !tally.checks.isEmpty {
      out += "\nfindings in the output:\n"
      for (key, r) in checkRows { row(key.check.label, key.path, r.count, r.values) }
    }
    if !tally.survived.isEmpty {
      out += "\noriginal values surviving in the output:\n"
      for (key, r) in survivalRows { row(key.category.name, key.path, r.count, r.values) }
    }
    if !tally.kept.isEmpty {
      out += "\nkept on purpose (not findings):\n"
      for (key, r) in keptRows { row("kept by rule \(key.rule)", key.path, r.count, r.values) }
    }
    if let ka = kAnonymity, let quasi = settings.quasiIdentifiers {
      out +=
        "\nk-anonymity over \(quasi.map(\.rawValue).joined(separator: ", ")) (k = \(k)): "
        + "\(ka.patients) patients in \(ka.classes) classes, smallest k = \(ka.smallestK); "
        + "\(ka.patientsBelowK) patients in \(ka.classesBelowK) classes below k\n"
    }
    let rows = tally.checks.count + tally.survived.count
    out +=
      hasFindings
      ? "\nresult: \(findingCount) findings (\(rows) rows)\n" : "\nresult: clean\n"
    return out
  }

  private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }

  private func quoted(_ s: String) -> String {
    var out: [UInt8] = []
    JSONEscaping.appendQuoted(Array(s.utf8), to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: JSON

  func json() -> String {
    var members: [String] = []
    func string(_ s: String) -> String { quoted(s) }
    func list(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }
    func values(_ r: AuditTally.Row) -> String {
      settings.showsValues ? ",\"values\":" + list(r.values) : ""
    }
    members.append(#""tool":"fhir-deid""#)
    members.append(#""command":"audit""#)
    members.append(#""version":"# + string(FhirDeid.version))
    members.append(#""outputs":"# + list(outputs))
    members.append(#""resources":"# + String(tally.resources))
    members.append(#""today":"# + string(todayText))
    members.append(#""shiftedDates":"# + (settings.shiftedDates ? "true" : "false"))
    if let index {
      members.append(
        #""original":{"inputs":"# + list(originals) + #","lines":"# + String(index.lines)
          + #","distinctValues":"# + String(index.distinctValues) + #","unattributedLines":"#
          + String(index.unattributed) + #","config":"# + string(configSource ?? "") + "}")
    } else {
      members.append(#""original":null"#)
    }
    members.append(
      #""findings":["#
        + checkRows.map { key, r in
          #"{"check":"# + string(key.check.name) + #","path":"# + string(key.path)
            + #","count":"# + String(r.count) + values(r) + "}"
        }.joined(separator: ",") + "]")
    members.append(
      #""surviving":["#
        + survivalRows.map { key, r in
          #"{"category":"# + string(key.category.name) + #","path":"# + string(key.path)
            + #","count":"# + String(r.count) + values(r) + "}"
        }.joined(separator: ",") + "]")
    members.append(
      #""keptByRule":["#
        + keptRows.map { key, r in
          let rulePath = key.rule < rules.count ? rules[key.rule].path : ""
          return #"{"rule":"# + String(key.rule) + #","rulePath":"# + string(rulePath)
            + #","path":"# + string(key.path) + #","count":"# + String(r.count) + values(r) + "}"
        }.joined(separator: ",") + "]")
    if let ka = kAnonymity, let quasi = settings.quasiIdentifiers {
      members.append(
        #""kAnonymity":{"quasiIdentifiers":"# + list(quasi.map(\.rawValue)) + #","k":"#
          + String(k) + #","patients":"# + String(ka.patients) + #","classes":"#
          + String(ka.classes) + #","smallestK":"# + String(ka.smallestK)
          + #","classesBelowK":"# + String(ka.classesBelowK) + #","patientsBelowK":"#
          + String(ka.patientsBelowK) + "}")
    } else {
      members.append(#""kAnonymity":null"#)
    }
    members.append(#""findingCount":"# + String(findingCount))
    members.append(#""clean":"# + (hasFindings ? "false" : "true"))
    return "{" + members.joined(separator: ",") + "}\n"
  }
}
