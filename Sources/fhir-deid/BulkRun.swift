import DeidCrypto
import FHIRDeid
import FHIRModel
import NDJSONStream
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `--output-dir` side of a run: the output manifest, kept up to date as each file is
/// finished (so that `--resume` after an interruption keeps what was done), and which outputs
/// an earlier run already finished.
final class BulkRun: Sendable {
  let folder: String
  /// Per output group of the plan: its url (the output's name relative to ``folder``).
  let urls: [String]
  /// Per output group: its type and whether it is an error file, from the input manifest.
  private let listed: [(type: String, isError: Bool)?]
  /// Output groups an earlier run finished (`--resume`).
  let finished: Set<Int>
  private let manifest: Mutex<OutputManifest>
  /// Per url, its position in the plan (the order of the manifest's files).
  private let rank: [String: Int]
  /// When the manifest was last written (seconds, ``FileIO/now()``).
  private let lastWrite = Mutex<Double>(-.infinity)
  /// The manifest is rewritten after a finished file at most this often (and at the end): a
  /// folder of thousands of small documents would otherwise rewrite it thousands of times. An
  /// interrupted run loses at most the files of that last second to `--resume`.
  static let writeInterval = 1.0

  init(_ plan: RunPlan, outputs: [(target: RunPlan.Output, inputs: Range<Int>)], folder: String)
    throws(ReportedFailure)
  {
    self.folder = folder
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let urls = outputs.map { output in
      guard case .atomicFile(let path) = output.target.target else { return "" }
      return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
    self.urls = urls
    let rank = Dictionary(urls.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    self.rank = rank
    // The export's own manifest, from the input folders that have one.
    var input = InputManifest()
    var found = false
    for operand in plan.options.inputs where FileIO.isDirectory(operand) {
      do {
        guard let m = try InputManifest.read(folder: operand) else { continue }
        if !found { (input.transactionTime, input.request) = (m.transactionTime, m.request) }
        input.files.merge(m.files) { a, _ in a }
        found = true
      } catch {
        Diagnostics.error(error.message)
        throw ReportedFailure(status: .dataError)
      }
    }
    listed = outputs.map { output in
      let name = plan.relativeNames[output.inputs.lowerBound]
      let base = String(name.split(separator: "/").last ?? Substring(name))
      return input.files[base]
        ?? (base.hasSuffix(".gz") ? input.files[String(base.dropLast(3))] : nil)
    }
    var state = OutputManifest(
      transactionTime: input.transactionTime ?? Self.now(), request: input.request ?? "fhir-deid")
    state.configurationSource = plan.configSource
    state.configurationSHA256 = SHA256.hexDigest(plan.configText)
    state.keysFingerprint = OutputManifest.keysFingerprint(
      plan.anonymizer.settings, needed: plan.anonymizer.configuration.neededKeys)

    var finished: Set<Int> = []
    if plan.options.resume {
      let earlier: OutputManifest?
      do { earlier = try OutputManifest.read(folder: folder) } catch {
        Diagnostics.error("--resume: " + error.message)
        throw ReportedFailure(status: .usage)
      }
      if let earlier {
        if earlier.configurationSHA256 != state.configurationSHA256 {
          Diagnostics.error(
            "--resume: \(prefix)\(OutputManifest.fileName) was written with another configuration "
              + "(\(earlier.configurationSource)); use another --output-dir, or run without --resume"
          )
          throw ReportedFailure(status: .usage)
        }
        if earlier.keysFingerprint != state.keysFingerprint {
          Diagnostics.error(
            "--resume: \(prefix)\(OutputManifest.fileName) was written with other keys; give the "
              + "same keys, use another --output-dir, or run without --resume")
          throw ReportedFailure(status: .usage)
        }
        state.transactionTime = earlier.transactionTime
        for (i, url) in urls.enumerated() {
          guard let file = earlier.file(url),
            let now = try? FileIO.digest(prefix + url),
            now.bytes == file.bytes, now.sha256 == file.sha256
          else { continue }
          finished.insert(i)
          state.record(file, rank: rank)
        }
      } else {
        Diagnostics.note(
          "--resume: \(folder) has no \(OutputManifest.fileName) yet; every file is done")
      }
    }
    self.finished = finished
    manifest = Mutex(state)
  }

  /// Records output group `index` as written (`lines` lines; `byType`: its resources by
  /// type) and rewrites the manifest; false (said on stderr) when that fails.
  func record(_ index: Int, lines: Int?, byType: [UInt16: AnonymizeJob.Counts.TypeCounts])
    -> Bool
  {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let url = urls[index]
    let digest: (sha256: String, bytes: Int)
    do { digest = try FileIO.digest(prefix + url) } catch {
      Diagnostics.error("cannot read \(prefix + url) back for the manifest: \(error.reason)")
      return false
    }
    // The type the export's manifest gives, else the file's most frequent resource type.
    let type =
      listed[index].map(\.type).flatMap { $0.isEmpty ? nil : $0 }
      ?? byType.max { ($0.value.output, $1.key) < ($1.value.output, $0.key) }
      .map { FHIRType(raw: $0.key).name } ?? "Resource"
    let file = OutputManifest.File(
      type: type, url: url, count: lines, sha256: digest.sha256, bytes: digest.bytes,
      isError: listed[index]?.isError ?? false)
    return manifest.withLock { state in
      state.record(file, rank: rank)
      let now = FileIO.now()
      let due = lastWrite.withLock { last in
        guard now - last >= Self.writeInterval else { return false }
        last = now
        return true
      }
      return due ? write(state) : true
    }
  }

  /// Marks the manifest complete and writes it; false (said) when that fails.
  func complete() -> Bool {
    manifest.withLock { state in
      state.complete = true
      return write(state)
    }
  }

  private func write(_ state: OutputManifest) -> Bool {
    do {
      try state.write(into: folder)
      return true
    } catch {
      Diagnostics.error("cannot write the manifest into \(folder): \(error.reason)")
      return false
    }
  }

  /// The current time as an R4 instant (UTC, seconds).
  static func now() -> String {
    var t = time(nil)
    var parts = tm()
    gmtime_r(&t, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }
}
