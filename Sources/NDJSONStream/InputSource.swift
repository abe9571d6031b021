#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One input: standard input or a file path.
package enum InputSource: Equatable, Sendable {
  /// Descriptor 0; it is never closed.
  case standardInput
  /// A path, opened `O_RDONLY | O_CLOEXEC` when the pipeline reaches it.
  case file(String)

  /// The name used in messages and reports: `"-"` for standard input, otherwise the path.
  package var displayName: String {
    switch self {
    case .standardInput: "-"
    case .file(let path): path
    }
  }
}

/// A CLI operand that names nothing readable.
package enum InputError: Error, Equatable, Sendable {
  /// The path does not exist, or is a directory that cannot be listed (exit 66).
  case cannotOpen(path: String, errno: Int32)
}

extension InputError: CustomStringConvertible {
  /// A one-line message naming the path and the system error.
  package var description: String {
    switch self {
    case .cannotOpen(let path, let code): "cannot open \(path): \(systemMessage(code))"
    }
  }
}

/// Expands CLI operands into the inputs to read, in order.
///
/// `"-"` is standard input; a directory stands for its `*.ndjson` and `*.ndjson.gz` entries (not
/// recursive, and like the shell glob it skips names starting with `.` and subdirectories), sorted
/// by name in byte order; anything else is a file, opened later by the pipeline. No operands means
/// `[.standardInput]`.
///
/// - Throws: `InputError.cannotOpen` for a path that does not exist or a directory that cannot be
///   listed.
package func expandInputs(_ operands: [String]) throws(InputError) -> [InputSource] {
  try expandInputsNamed(operands, recursive: false).map(\.source)
}

/// ``expandInputs(_:)``, and with `recursive` the subfolders of a directory too (walked in name
/// order, hidden ones skipped); each input with its name relative to its operand (`x.ndjson`,
/// `sub/x.ndjson`; a file operand's base name; `-` for standard input), for `--output-dir` to
/// mirror.
///
/// `listing` says which files a directory stands for: NDJSON (`*.ndjson`, `*.ndjson.gz`), JSON
/// documents (`*.json`, but not a Bulk Data `manifest.json`), or both.
package func expandInputsNamed(
  _ operands: [String], recursive: Bool, listing: DirectoryListing = .ndjson
) throws(InputError)
  -> [(source: InputSource, relative: String)]
{
  if operands.isEmpty { return [(.standardInput, "-")] }
  var inputs: [(source: InputSource, relative: String)] = []
  for operand in operands {
    if operand == "-" {
      inputs.append((.standardInput, "-"))
      continue
    }
    var info = stat()
    guard stat(operand, &info) == 0 else { throw .cannotOpen(path: operand, errno: errno) }
    if isDirectory(info) {
      try walk(operand, relative: "", recursive: recursive, listing: listing, into: &inputs)
    } else {
      let name = operand.split(separator: "/").last.map(String.init) ?? operand
      inputs.append((.file(operand), name))
    }
  }
  return inputs
}

/// Appends the NDJSON files of `directory` (and, when `recursive`, of its subfolders, in name
/// order) with their names relative to the operand.
private func walk(
  _ directory: String, relative: String, recursive: Bool, listing: DirectoryListing,
  into inputs: inout [(source: InputSource, relative: String)]
) throws(InputError) {
  let prefix = directory.hasSuffix("/") ? directory : directory + "/"
  for (name, isFolder) in try listDirectory(directory, folders: recursive, listing: listing) {
    if isFolder {
      try walk(
        prefix + name, relative: relative + name + "/", recursive: true, listing: listing,
        into: &inputs)
    } else {
      inputs.append((.file(prefix + name), relative + name))
    }
  }
}

/// True when `info` describes a directory.
private func isDirectory(_ info: stat) -> Bool {
  (info.st_mode & S_IFMT) == S_IFDIR
}

/// The NDJSON entries of `directory` (and, with `folders`, its subfolders that are not hidden),
/// sorted by name bytes, each with whether it is a folder.
private func listDirectory(_ directory: String, folders: Bool, listing: DirectoryListing)
  throws(InputError)
  -> [(name: String, isFolder: Bool)]
{
  guard let handle = opendir(directory) else {
    throw .cannotOpen(path: directory, errno: errno)
  }
  defer { closedir(handle) }
  var names: [[UInt8]] = []
  while let entry = readdir(handle) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      Array(raw.prefix { $0 != 0 })
    }
    guard let first = name.first, first != UInt8(ascii: ".") else { continue }
    names.append(name)
  }
  names.sort { $0.lexicographicallyPrecedes($1) }
  let prefix = directory.hasSuffix("/") ? directory : directory + "/"
  var entries: [(name: String, isFolder: Bool)] = []
  for name in names {
    let text = String(decoding: name, as: UTF8.self)
    var info = stat()
    let isFolder = stat(prefix + text, &info) == 0 && isDirectory(info)
    if isFolder {
      if folders { entries.append((text, true)) }
    } else if listing.includes(name) {
      entries.append((text, false))
    }
  }
  return entries
}

/// Which files a directory operand stands for.
package enum DirectoryListing: Sendable {
  /// `*.ndjson` and `*.ndjson.gz`.
  case ndjson
  /// `*.json` (one resource or Bundle per file), except `manifest.json`.
  case json
  /// Both.
  case both

  func includes(_ name: [UInt8]) -> Bool {
    switch self {
    case .ndjson: isNDJSONName(name)
    case .json: isJSONName(name)
    case .both: isNDJSONName(name) || isJSONName(name)
    }
  }
}

/// True for `*.json`, not hidden, and not a Bulk Data export's `manifest.json`.
func isJSONName(_ name: [UInt8]) -> Bool {
  guard let first = name.first, first != UInt8(ascii: ".") else { return false }
  return hasSuffix(name, Array(".json".utf8)) && !name.elementsEqual("manifest.json".utf8)
}

/// True for `*.ndjson` and `*.ndjson.gz`, not hidden.
private func isNDJSONName(_ name: [UInt8]) -> Bool {
  guard let first = name.first, first != UInt8(ascii: ".") else { return false }
  return hasSuffix(name, Array(".ndjson".utf8)) || hasSuffix(name, Array(".ndjson.gz".utf8))
}

private func hasSuffix(_ name: [UInt8], _ suffix: [UInt8]) -> Bool {
  name.count > suffix.count && name[(name.count - suffix.count)...].elementsEqual(suffix)
}
