import ByteJSON
import DeidCrypto
import FHIRDeid
import NDJSONStream

/// The Bulk Data export manifest an input folder may hold: the `$export` status response
/// (`transactionTime`, `request`, `requiresAccessToken`, `output: [{type, url, count}]`,
/// `error: […]`), saved as `manifest.json` beside the NDJSON files.
struct InputManifest {
  static let fileName = "manifest.json"

  var transactionTime: String?
  var request: String?
  /// Per file name (the last segment of each `output` and `error` url): its type, and whether
  /// it is listed under `error` (OperationOutcome files).
  var files: [String: (type: String, isError: Bool)] = [:]

  /// The manifest of `folder`, or nil when it has none.
  static func read(folder: String) throws(ManifestError) -> InputManifest? {
    let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
    guard FileIO.exists(path) else { return nil }
    let value = try ManifestJSON.parse(path)
    guard case .object(let members) = value else {
      throw ManifestError(path: path, reason: "it is not a JSON object")
    }
    var manifest = InputManifest()
    manifest.transactionTime = ManifestJSON.string(members, "transactionTime")
    manifest.request = ManifestJSON.string(members, "request")
    guard case .array(let output)? = ManifestJSON.member(members, "output") else {
      throw ManifestError(path: path, reason: "it has no 'output' array (a Bulk Data manifest has)")
    }
    for (list, isError) in [(output, false), (ManifestJSON.array(members, "error"), true)] {
      for case .object(let item) in list {
        guard let url = ManifestJSON.string(item, "url") else { continue }
        let name = String(url.split(separator: "/").last ?? Substring(url))
        manifest.files[name] = (ManifestJSON.string(item, "type") ?? "", isError)
      }
    }
    return manifest
  }
}

/// A manifest that cannot be read: which file and why (never its values).
struct ManifestError: Error {
  var path: String
  var reason: String
  var message: String { "cannot read the manifest \(path): \(reason)" }
}

/// The manifest fhir-deid writes into `--output-dir`: the Bulk Data shape (`url`s relative to
/// the folder, `count` = lines written) with a `fhir-deid` extension (Bulk Data STU2 style: a
/// JSON object keyed by extension name) on the manifest (version, configuration SHA-256, keys
/// fingerprint, whether the run completed) and on each file (its SHA-256 and size), so that the
/// receiving team can check what it got and `--resume` can tell finished files from the rest.
/// `SHA256SUMS` beside it lists the same digests for `sha256sum -c`.
struct OutputManifest: Sendable {
  static let fileName = "manifest.json"
  static let sumsName = "SHA256SUMS"
  static let extensionName = "fhir-deid"

  struct File: Sendable {
    var type: String
    /// Relative to the output folder (`Patient.ndjson`, `sub/Patient.ndjson`).
    var url: String
    var count: Int?
    var sha256: String
    var bytes: Int
    var isError = false
  }

  var transactionTime: String
  var request: String
  var files: [File] = []
  var configurationSource = ""
  var configurationSHA256 = ""
  var keysFingerprint = ""
  var complete = false

  /// The file entry for `url`, if any.
  func file(_ url: String) -> File? { files.first { $0.url == url } }

  /// Adds or replaces the entry of `file.url`, keeping the files in the order of `rank` (the
  /// position of each url in the run's plan).
  mutating func record(_ file: File, rank: [String: Int]) {
    if let i = files.lastIndex(where: { $0.url == file.url }) { files.remove(at: i) }
    let key = rank[file.url] ?? .max
    // Files finish roughly in plan order: look for the place from the end.
    var i = files.count
    while i > 0, (rank[files[i - 1].url] ?? .max, files[i - 1].url) > (key, file.url) { i -= 1 }
    files.insert(file, at: i)
  }

  func render() -> [UInt8] {
    var w = JSONOut()
    w.object { w in
      w.field("transactionTime") { w in w.string(transactionTime) }
      w.field("request") { w in w.string(request) }
      w.field("requiresAccessToken") { w in w.raw("false") }
      for (key, isError) in [("output", false), ("error", true)] {
        w.field(key) { w in
          w.array(files.filter { $0.isError == isError }) { w, file in
            w.object { w in
              w.field("type") { w in w.string(file.type) }
              w.field("url") { w in w.string(file.url) }
              if let count = file.count { w.field("count") { w in w.int(count) } }
              w.field("extension") { w in
                w.object { w in
                  w.field(Self.extensionName) { w in
                    w.object { w in
                      w.field("sha256") { w in w.string(file.sha256) }
                      w.field("bytes") { w in w.int(file.bytes) }
                    }
                  }
                }
              }
            }
          }
        }
      }
      w.field("extension") { w in
        w.object { w in
          w.field(Self.extensionName) { w in
            w.object { w in
              w.field("version") { w in w.string(FhirDeid.version) }
              w.field("complete") { w in w.raw(complete ? "true" : "false") }
              w.field("configuration") { w in
                w.object { w in
                  w.field("source") { w in w.string(configurationSource) }
                  w.field("sha256") { w in w.string(configurationSHA256) }
                }
              }
              w.field("keysFingerprint") { w in w.string(keysFingerprint) }
            }
          }
        }
      }
    }
    var bytes = w.bytes
    bytes.append(0x0A)
    return bytes
  }

  /// `SHA256SUMS`: `DIGEST  URL` per file, as `sha256sum` writes it.
  func renderSums() -> [UInt8] {
    Array(files.map { "\($0.sha256)  \($0.url)\n" }.joined().utf8)
  }

  /// Writes the manifest and `SHA256SUMS` into `folder`, each atomically.
  func write(into folder: String) throws(FileIO.Failure) {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    try FileIO.writeAtomically(renderSums(), to: prefix + Self.sumsName)
    try FileIO.writeAtomically(render(), to: prefix + Self.fileName)
  }

  /// The manifest an earlier run wrote into `folder`, or nil when there is none.
  static func read(folder: String) throws(ManifestError) -> OutputManifest? {
    let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
    guard FileIO.exists(path) else { return nil }
    guard case .object(let members) = try ManifestJSON.parse(path),
      case .object(let ext)? = ManifestJSON.member(members, "extension"),
      case .object(let ours)? = ManifestJSON.member(ext, extensionName)
    else {
      throw ManifestError(path: path, reason: "it was not written by fhir-deid")
    }
    var manifest = OutputManifest(
      transactionTime: ManifestJSON.string(members, "transactionTime") ?? "",
      request: ManifestJSON.string(members, "request") ?? "")
    if case .object(let configuration)? = ManifestJSON.member(ours, "configuration") {
      manifest.configurationSHA256 = ManifestJSON.string(configuration, "sha256") ?? ""
      manifest.configurationSource = ManifestJSON.string(configuration, "source") ?? ""
    }
    manifest.keysFingerprint = ManifestJSON.string(ours, "keysFingerprint") ?? ""
    if case .bool(let complete)? = ManifestJSON.member(ours, "complete") {
      manifest.complete = complete
    }
    for (key, isError) in [("output", false), ("error", true)] {
      for case .object(let item) in ManifestJSON.array(members, key) {
        guard let url = ManifestJSON.string(item, "url"),
          case .object(let itemExt)? = ManifestJSON.member(item, "extension"),
          case .object(let file)? = ManifestJSON.member(itemExt, extensionName),
          let sha = ManifestJSON.string(file, "sha256"),
          case .number(let size)? = ManifestJSON.member(file, "bytes"), let bytes = Int(size)
        else { continue }
        var count: Int?
        if case .number(let n)? = ManifestJSON.member(item, "count") { count = Int(n) }
        manifest.files.append(
          File(
            type: ManifestJSON.string(item, "type") ?? "", url: url, count: count, sha256: sha,
            bytes: bytes, isError: isError))
      }
    }
    return manifest
  }

  /// A fingerprint of the keys the rules use that does not reveal them: SHA-256 over each
  /// key's HMAC-SHA256 of a fixed label, cut to 32 hex digits. Equal keys give equal
  /// fingerprints; keys no rule uses (random stand-ins) are left out.
  static func keysFingerprint(_ settings: EngineSettings, needed: [KeyName]) -> String {
    var joined: [UInt8] = []
    let label = Array("fhir-deid/keys-fingerprint/v1".utf8)
    let keys: [(KeyName, [UInt8])] = [
      (.cryptoHashKey, settings.cryptoHashKey), (.dateShiftKey, settings.dateShiftKey),
      (.encryptKey, settings.encryptKey),
    ]
    for (name, key) in keys where needed.contains(name) {
      joined += Array(name.rawValue.utf8)
      var digest: [UInt8] = []
      if let hmac = try? HMACSHA256(key: key) {
        label.withUnsafeBytes { raw in try? hmac.authenticate(raw, into: &digest) }
      }
      joined += digest
    }
    return String(SHA256.hexDigest(joined).prefix(32))
  }
}

/// Reading manifest JSON with the engine's scanner.
enum ManifestJSON {
  static func parse(_ path: String) throws(ManifestError) -> JSONValue {
    let bytes: [UInt8]
    do { bytes = try FileIO.read(path) } catch {
      throw ManifestError(path: path, reason: error.reason)
    }
    switch JSONValue.parse(bytes) {
    case .success(let value): return value
    case .failure(let error):
      let position = error.position(in: bytes)
      throw ManifestError(
        path: path, reason: "invalid JSON at line \(position.line), column \(position.column)")
    }
  }

  static func member(_ members: [JSONValue.Member], _ key: String) -> JSONValue? {
    members.first { $0.key == key }?.value
  }

  static func string(_ members: [JSONValue.Member], _ key: String) -> String? {
    if case .string(let s)? = member(members, key) { return s }
    return nil
  }

  static func array(_ members: [JSONValue.Member], _ key: String) -> [JSONValue] {
    if case .array(let items)? = member(members, key) { return items }
    return []
  }
}
