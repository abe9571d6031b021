import ByteJSON
import DeidCrypto
import FHIRModel
import FHIRPath
import FHIRTree

/// What a method may read and change while it handles one node: the document being
/// de-identified (its tape, its typed tree with the edits made so far, the nodes already
/// visited) and the per-worker tools some methods need (the FHIRPath evaluator, keyed crypto
/// contexts, caches and scratch buffers).
///
/// One per worker, reused for every line (buffers keep their capacity). The rule loop
/// (``EngineCore``) owns the rest — which rules run, where they select, the counters — and a
/// method sees none of it.
struct MethodContext {
  // MARK: The document

  var tape = Tape()
  var tree = ResourceTree()
  /// The rules' edits of this document's values so far (the evaluator sees them too).
  var edits = ValueEdits()
  /// Nodes already handled by a rule in this document (spec §3.4).
  var visited: [Bool] = []
  /// Operations per resource node, for its security labels (spec §5); read by the renderer a
  /// substitution uses.
  var labels: [Operations] = []
  /// The root resource's `id` node, or -1.
  var rootID: Int32 = -1
  /// Whether a substitution replaced a complex node of this document (written from its text).
  var substitutedComplex = false
  /// The date-shift prefix of the current input (file or folder name), empty for none.
  var dateShiftPrefix: [UInt8] = []
  /// The document's date-shift offset, once computed (reset when the root id changes).
  var cachedOffset: Int?
  /// Resources whose date shift fell back to resource scope for lack of a patient (harvested
  /// into the counters by the engine).
  var patientScopeFallbacks = 0

  // MARK: Scratch

  /// The value a method works on (``loadText(_:bytes:)``).
  var text: [UInt8] = []
  /// A second buffer, for ids read while `text` holds a value.
  var scratch: [UInt8] = []
  /// FHIRPath results (`generalize` cases).
  var items: [FHIRPathItem] = []

  // MARK: Per-worker tools

  let evaluator: FHIRPathEvaluator
  /// The `cryptoHash` key's HMAC, when a rule hashes.
  let hmac: HMACSHA256?
  /// Recent `cryptoHash` results (the same references recur on many lines).
  var hashCache = HashCache()
  /// The `encrypt` cipher, when a rule encrypts (AESCBC is not thread-safe: one per worker).
  let aes: AESCBC?
  /// The `hmac-sha256` date shifter, when a rule shifts dates with that algorithm.
  var hmacDateShift: HMACDateShift?
  /// `perturb` noise, per resource and line.
  var noise = NoiseState()
  /// A substitution's target subtree, pre-order (spec §4.6).
  var subtree: [Int32] = []
  /// Per node: visited or has a visited descendant; set only inside a substitution's subtree.
  var keepMarks: [Bool] = []
  /// The writer, also used to render the parts of a subtree a substitution keeps.
  var writer = OutputWriter()

  /// Sets up the tools the compiled rules need. A key that cannot be used here (libcrypto
  /// refusing it, memory) is not hidden: ``setupFailure`` holds it, and every line fails with
  /// it, so nothing is written without the method that should have changed it.
  init(_ anonymizer: Anonymizer) {
    evaluator = FHIRPathEvaluator(
      today: anonymizer.settings.today, stepLimit: anonymizer.settings.maxFHIRPathSteps)
    var failure: ProcessingFailure?
    let needs = anonymizer.neededTools
    var hmac: HMACSHA256?
    if needs.contains(.hmac) {
      do { hmac = try HMACSHA256(key: anonymizer.settings.cryptoHashKey) } catch {
        failure = .keySetup(.cryptoHash, error)
      }
    }
    self.hmac = hmac
    var aes: AESCBC?
    if needs.contains(.aes) {
      do { aes = try AESCBC(key: anonymizer.settings.encryptKey) } catch {
        failure = .keySetup(.encrypt, error)
      }
    }
    self.aes = aes
    var shifter: HMACDateShift?
    if needs.contains(.hmacDateShift) {
      do {
        shifter = try HMACDateShift(
          key: anonymizer.settings.dateShiftKey,
          range: anonymizer.configuration.parameters.dateShiftRange)
      } catch {
        failure = .keySetup(.dateShift, error)
      }
    }
    hmacDateShift = shifter
    setupFailure = failure
  }

  /// Why this worker's tools could not be set up, or nil.
  let setupFailure: ProcessingFailure?

  /// Starts a new document: per-document state is forgotten, buffers keep their capacity.
  mutating func startDocument(dateShiftPrefix prefix: [UInt8], bytes: UnsafeRawBufferPointer) {
    let count = tree.count
    visited.removeAll(keepingCapacity: true)
    visited.append(contentsOf: repeatElement(false, count: count))
    labels.removeAll(keepingCapacity: true)
    labels.append(contentsOf: repeatElement([], count: count))
    if dateShiftPrefix != prefix { dateShiftPrefix = prefix }
    cachedOffset = nil
    substitutedComplex = false
    noise.startDocument()
    rootID = -1
    var child = tree.firstChild(of: 0)
    while child >= 0 {
      if tree.type(of: child) == .id, tree.nameEquals(child, idName, in: bytes) {
        rootID = child
        break
      }
      child = tree.nextSibling(of: child)
    }
  }

  /// A processing failure at `node` (its element path is named where it is reported), for rule
  /// `rule`.
  func failure(
    _ why: ProcessingFailure, at node: Int32? = nil, rule: Int, isSkippable: Bool = true
  ) -> RecordFailure {
    RecordFailure(
      .processing(why), resourceType: tree[0].type, node: node, rule: rule,
      isSkippable: isSkippable)
  }

  // MARK: Visited marks

  func isVisited(_ node: Int32) -> Bool {
    Int(node) < visited.count && visited[Int(node)]
  }

  /// Marks every node below `node` visited (not `node` itself: the rule loop does that).
  mutating func markDescendantsVisited(of node: Int32) {
    var current = tree.next(after: node, within: node)
    while current >= 0 {
      if Int(current) < visited.count { visited[Int(current)] = true }
      current = tree.next(after: current, within: node)
    }
  }
}

private let idName = Array("id".utf8)
