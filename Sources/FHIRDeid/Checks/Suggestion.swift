/// "Did you mean": the candidate closest to a misspelt name.
package enum Suggestion {
  /// The candidate at the smallest edit distance from `name` (insertions, deletions,
  /// substitutions and swaps of neighbours, letters compared without case), if that distance is
  /// small for the name's length: 1 up to 4 letters, 2 up to 8, 3 beyond. Ties go to the first
  /// candidate in order.
  package static func closest(to name: String, among candidates: some Sequence<String>)
    -> String?
  {
    let word = Array(name.lowercased().utf8)
    let limit = word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let other = Array(candidate.lowercased().utf8)
      guard abs(other.count - word.count) <= limit else { continue }
      let d = distance(word, other)
      if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    return best?.name
  }

  /// The optimal-string-alignment distance between `a` and `b` (Damerau–Levenshtein without
  /// repeated edits of one substring): O(|a|·|b|) time, three rows of memory.
  package static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d = min(d, before[j - 2] + 1)
        }
        current[j] = d
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
