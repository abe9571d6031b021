import ByteJSON
import DeidCrypto
import FHIRDeid
import FHIRModel

/// The `--stats` run report (a JSON object; fields per the command-line contract).
struct RunReport {
  let plan: RunPlan
  let totals: RunTotals
  let inputNames: [String]
  let configSource: String
  let configText: [UInt8]

  /// Writes the report to a file, or to standard error for `-`; false (said on stderr) when it
  /// could not be written.
  func write(to path: String) -> Bool {
    var out = render()
    out.append(0x0A)
    if path == "-" {
      return Diagnostics.writeAll(2, out)
    }
    do {
      // A regular file (or a new one) is written beside and renamed; a device in place.
      if FileIO.isRegularOrMissing(path) {
        try FileIO.writeAtomically(out, to: path)
      } else {
        try FileIO.write(out, to: path)
      }
      return true
    } catch {
      Diagnostics.error("cannot write the run report \(path): \(error.reason)")
      return false
    }
  }

  func render() -> [UInt8] {
    var w = JSONOut()
    let s = totals.stats
    w.object { w in
      w.field("tool") { w in w.string("fhir-deid") }
      w.field("version") { w in w.string(FhirDeid.version) }
      w.field("config") { w in
        w.object { w in
          w.field("source") { w in w.string(configSource) }
          w.field("sha256") { w in w.string(SHA256.hexDigest(configText)) }
          w.field("loadSeconds") { w in w.raw(Format.fixed(plan.loadSeconds, 4)) }
        }
      }
      w.field("jobs") { w in w.int(plan.jobs) }
      w.field("elapsedSeconds") { w in w.raw(Format.fixed(totals.elapsed, 3)) }
      w.field("input") { w in
        w.object { w in
          w.field("files") { w in w.array(inputNames) { w, name in w.string(name) } }
          w.field("lines") { w in w.int(totals.linesRead) }
          w.field("blankLines") { w in w.int(totals.blankLines) }
          w.field("bytes") { w in w.int(totals.bytesRead) }
          w.field("compressedBytes") { w in w.int(totals.compressedBytesRead) }
        }
      }
      w.field("output") { w in
        w.object { w in
          w.field("lines") { w in w.int(totals.linesWritten) }
          w.field("bytes") { w in w.int(totals.bytesWritten) }
        }
      }
      w.field("resources") { w in
        w.object { w in
          w.field("in") { w in w.int(s.counts.resourcesIn) }
          w.field("out") { w in w.int(s.counts.resourcesOut) }
          w.field("skipped") { w in w.int(s.skipped) }
          let types = s.counts.byType.map { (FHIRType(raw: $0.key).name, $0.value) }.sorted {
            $0.0 < $1.0
          }
          w.field("byType") { w in
            w.object { w in
              for (name, counts) in types {
                w.field(name) { w in
                  w.object { w in
                    w.field("in") { w in w.int(counts.input) }
                    w.field("out") { w in w.int(counts.output) }
                  }
                }
              }
            }
          }
        }
      }
      w.field("errors") { w in
        w.object { w in
          w.field("invalidInput") { w in w.int(s.invalidInput) }
          w.field("processing") { w in w.int(s.processingErrors) }
        }
      }
      let rules = plan.anonymizer.configuration.rules
      let counters = s.counts.engine ?? EngineCounters(ruleCount: rules.count)
      w.field("dropped") { w in
        w.object { w in
          w.field("fhirComments") { w in w.int(counters.droppedComments) }
          w.field("empty") { w in w.int(counters.droppedEmpty) }
        }
      }
      w.field("methods") { w in
        w.object { w in
          for (i, method) in Rule.Method.allCases.enumerated() {
            w.field(method.rawValue) { w in
              w.int(i < counters.methods.count ? counters.methods[i] : 0)
            }
          }
        }
      }
      w.field("keys") { w in
        w.object { w in
          w.field("random") { w in w.array(plan.randomKeys) { w, key in w.string(key.rawValue) } }
          w.field("weak") { w in w.array(plan.weakKeys) { w, key in w.string(key.rawValue) } }
        }
      }
      w.field("dateShift") { w in
        w.object { w in
          let configuration = plan.anonymizer.configuration
          w.field("algorithm") { w in w.string(configuration.dateShiftAlgorithm.rawValue) }
          w.field("range") { w in w.int(configuration.parameters.dateShiftRange) }
          w.field("scope") { w in
            w.string(plan.anonymizer.configuration.parameters.dateShiftScope.rawValue)
          }
          w.field("patientScopeFallbacks") { w in w.int(counters.patientScopeFallbacks) }
        }
      }
      w.field("fhirPath") { w in
        w.object { w in
          w.field("stepLimit") { w in w.int(plan.anonymizer.settings.maxFHIRPathSteps) }
          w.field("maxStepsPerLine") { w in w.int(counters.maxFHIRPathSteps) }
        }
      }
      w.field("outputChecks") { w in
        w.object { w in
          let checks = plan.anonymizer.outputChecks
          w.field("repairs") { w in w.raw(checks.repairs ? "true" : "false") }
          w.field("validation") { w in
            if let mode = checks.validation { w.string(mode.rawValue) } else { w.raw("null") }
          }
          w.field("repaired") { w in
            Self.tally(counters.repairs, kindKey: "repair", name: \.name, into: &w)
          }
          w.field("invalidResources") { w in w.int(counters.invalidResources) }
          w.field("problems") { w in
            Self.tally(counters.problems, kindKey: "problem", name: \.name, into: &w)
          }
        }
      }
      w.field("rules") { w in
        w.array(Array(rules.indices)) { w, i in
          let c = i < counters.rules.count ? counters.rules[i] : EngineCounters.RuleCounts()
          w.object { w in
            w.field("index") { w in w.int(i) }
            w.field("path") { w in w.string(rules[i].path) }
            w.field("method") { w in w.string(rules[i].method.rawValue) }
            w.field("matched") { w in w.int(c.matched) }
            w.field("nodes") { w in w.int(c.nodes) }
            w.field("resources") { w in w.int(c.resources) }
            w.field("seconds") { w in w.raw(Format.fixed(Double(c.nanoseconds) / 1e9, 4)) }
          }
        }
      }
      w.field("throughput") { w in
        w.object { w in
          let t = max(totals.elapsed, 1e-9)
          w.field("megabytesPerSecond") { w in
            w.raw(Format.fixed(Double(totals.bytesRead) / 1e6 / t, 1))
          }
          w.field("resourcesPerSecond") { w in
            w.raw(Format.fixed(Double(s.counts.resourcesIn) / t, 0))
          }
        }
      }
    }
    return w.bytes
  }
}

extension RunReport {
  /// `{"total": N, "byElement": [{"path", KIND, "count"}]}`, most frequent first.
  static func tally<Kind>(
    _ tally: ElementTally<Kind>, kindKey: String, name: (Kind) -> String, into w: inout JSONOut
  ) {
    w.object { w in
      w.field("total") { w in w.int(tally.total) }
      w.field("byElement") { w in
        w.array(tally.entries) { w, entry in
          w.object { w in
            w.field("path") { w in w.string(R4.path(of: entry.element)) }
            w.field(kindKey) { w in w.string(name(entry.kind)) }
            w.field("count") { w in w.int(entry.count) }
          }
        }
      }
    }
  }
}

/// A minimal compact JSON emitter for reports.
struct JSONOut {
  var bytes: [UInt8] = []
  private var needsComma = [false]

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  mutating func object(_ body: (inout JSONOut) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "{"))
    needsComma.append(false)
    body(&self)
    needsComma.removeLast()
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func array<T>(_ items: [T], _ each: (inout JSONOut, T) -> Void) {
    separate()
    bytes.append(UInt8(ascii: "["))
    needsComma.append(false)
    for item in items { each(&self, item) }
    needsComma.removeLast()
    bytes.append(UInt8(ascii: "]"))
  }

  mutating func field(_ key: String, _ value: (inout JSONOut) -> Void) {
    separate()
    JSONEscaping.appendQuoted(Array(key.utf8), to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    needsComma.append(false)
    value(&self)
    needsComma.removeLast()
  }

  mutating func string(_ s: String) {
    separate()
    JSONEscaping.appendQuoted(Array(s.utf8), to: &bytes)
  }

  mutating func int(_ n: Int) { raw(String(n)) }

  mutating func raw(_ text: String) {
    separate()
    bytes.append(contentsOf: text.utf8)
  }
}
