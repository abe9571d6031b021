import NDJSONStream

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks made before anything is read, so that a run never destroys its own input or writes two
/// inputs over one output: an output that is an input (same device and inode, also through a
/// link), an output folder that is or lies inside an input folder, two inputs that map to one
/// output name, and an input folder with nothing to read. Creates `--output-dir` (with its
/// parents).
extension RunPlan {
  func checkOutputs() throws(ReportedFailure) {
    try checkInputFolders()
    let inputFiles = inputs.compactMap { input -> (String, stat)? in
      guard case .file(let path) = input, let info = Self.status(path) else { return nil }
      return (path, info)
    }
    if let dir = options.outputDir {
      if let real = Self.prospectiveRealPath(dir) {
        for operand in options.inputs where FileIO.isDirectory(operand) {
          guard let folder = Self.realPath(operand) else { continue }
          if real == folder || real.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            Diagnostics.error(
              "the output folder \(dir) is the input folder \(operand) or inside it; choose "
                + "another --output-dir")
            throw ReportedFailure(status: .usage)
          }
        }
      }
    }
    var claimed: [String: String] = [:]
    for (target, range) in outputPlan() {
      switch target.target {
      case .standardOutput:
        continue
      case .file(let path):
        try checkNotAnInput(path, inputFiles)
      case .atomicFile(let path):
        try checkNotAnInput(path, inputFiles)
        let input = inputs[range.lowerBound].displayName
        if let other = claimed[path] {
          Diagnostics.error(
            "\(other) and \(input) would both be written to \(path); give them separate runs "
              + "or rename one")
          throw ReportedFailure(status: .usage)
        }
        claimed[path] = input
      }
    }
    // Only once nothing is refused: a refused run leaves no folder behind. With `-r` every
    // output's own folder (the mirrored subfolders) is made too.
    if let dir = options.outputDir {
      try Self.makeDirectory(dir)
      for path in claimed.keys.sorted() where path.contains("/") {
        try Self.makeDirectory(FileIO.directoryName(path))
      }
    }
  }

  /// Refuses an output path that is one of the input files.
  private func checkNotAnInput(_ path: String, _ inputFiles: [(String, stat)])
    throws(ReportedFailure)
  {
    guard let out = Self.status(path) else { return }
    for (input, info) in inputFiles where info.st_dev == out.st_dev && info.st_ino == out.st_ino {
      Diagnostics.error(
        "the output \(path) is the input \(input): writing it would destroy the input before "
          + "it is read")
      throw ReportedFailure(status: .usage)
    }
  }

  /// An input folder with no `*.ndjson` or `*.ndjson.gz` file is an error (exit 66), not a run
  /// that writes nothing.
  private func checkInputFolders() throws(ReportedFailure) {
    for operand in options.inputs where operand != "-" && FileIO.isDirectory(operand) {
      let found =
        (try? expandInputsNamed(
          [operand], recursive: options.recursive, listing: options.inputFormat.listing))?.count
        ?? 0
      if found == 0 {
        let wanted: String
        switch options.inputFormat {
        case .ndjson: wanted = "*.ndjson or *.ndjson.gz file"
        case .json: wanted = "*.json file"
        case .auto: wanted = "*.ndjson, *.ndjson.gz or *.json file"
        }
        Diagnostics.error(
          "\(operand): no \(wanted) in this folder (hidden files are not "
            + "read" + (options.recursive ? ")" : ", subfolders only with -r)"))
        throw ReportedFailure(status: .noInput)
      }
    }
  }

  static func status(_ path: String) -> stat? {
    var info = stat()
    return stat(path, &info) == 0 ? info : nil
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The real path `path` has or will have once created: the real path of its nearest existing
  /// ancestor followed by the components that do not exist yet.
  static func prospectiveRealPath(_ path: String) -> String? {
    var existing = path
    var rest: [Substring] = []
    while Self.realPath(existing) == nil {
      guard let slash = existing.lastIndex(of: "/") else {
        rest.insert(Substring(existing), at: 0)
        existing = "."
        break
      }
      rest.insert(existing[existing.index(after: slash)...], at: 0)
      existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
    }
    guard var real = Self.realPath(existing) else { return nil }
    for part in rest where !part.isEmpty && part != "." {
      real += (real.hasSuffix("/") ? "" : "/") + part
    }
    return real
  }

  /// `mkdir -p dir`.
  static func makeDirectory(_ dir: String) throws(ReportedFailure) {
    var prefix = dir.hasPrefix("/") ? "/" : ""
    for part in dir.split(separator: "/") {
      prefix += part
      if !FileIO.isDirectory(prefix), mkdir(prefix, 0o755) != 0, errno != EEXIST {
        Diagnostics.error(
          "cannot create the output folder \(dir): " + String(cString: strerror(errno)))
        throw ReportedFailure(status: .cannotCreate)
      }
      prefix += "/"
    }
  }
}
