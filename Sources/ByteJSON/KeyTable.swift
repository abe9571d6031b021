/// An open-addressing hash set of object keys, used to find duplicate keys in large objects.
///
/// Entries are (object start index, key index) pairs of the line being scanned. Instead of being
/// cleared, the table is invalidated per line by bumping ``generation``: a slot counts only when
/// its generation is the current one. Objects never share a start index, so entries of closed
/// objects can stay until the next line. The storage is reused; it only grows. Hashes come from
/// the standard library's per-process seeded `Hasher`, so crafted input cannot force collisions.
struct KeyTable: Sendable {
  struct Slot: Sendable {
    var generation: UInt32 = 0
    var object: UInt32 = 0
    var key: UInt32 = 0
    var hash: UInt32 = 0
  }

  private var slots: [Slot] = []
  private var generation: UInt32 = 1
  private var live = 0

  /// Forgets all entries in O(1) (O(capacity) once every 2³² lines that used the table).
  mutating func beginLine() {
    guard live > 0 else { return }
    live = 0
    generation &+= 1
    if generation == 0 {
      for index in slots.indices { slots[index].generation = 0 }
      generation = 1
    }
  }

  /// Adds `key` of `object` unless an equal key of the same object is there already.
  ///
  /// `hash` covers `object` and the key's decoded bytes; `isEqual` compares the new key with the
  /// key at a stored token index. Returns the token index of the equal key already present, or nil
  /// after inserting. Amortized O(1).
  mutating func insert(
    object: Int, key: Int, hash: Int, isEqual: (Int) -> Bool
  ) -> Int? {
    if (live &+ 1) &* 2 > slots.count { grow() }
    let hash32 = UInt32(truncatingIfNeeded: hash)
    let object32 = UInt32(truncatingIfNeeded: object)
    let mask = slots.count &- 1
    var index = Int(hash32) & mask
    while true {
      let slot = slots[index]
      if slot.generation != generation {
        slots[index] = Slot(
          generation: generation, object: object32, key: UInt32(truncatingIfNeeded: key),
          hash: hash32)
        live &+= 1
        return nil
      }
      if slot.hash == hash32 && slot.object == object32 && isEqual(Int(slot.key)) {
        return Int(slot.key)
      }
      index = (index &+ 1) & mask
    }
  }

  /// Doubles the capacity (at least 64 slots) and re-inserts the current line's entries.
  @inline(never)
  private mutating func grow() {
    let old = slots
    let capacity = Swift.max(64, old.count &* 2)
    slots = Array(repeating: Slot(), count: capacity)
    let mask = capacity &- 1
    for slot in old where slot.generation == generation {
      var index = Int(slot.hash) & mask
      while slots[index].generation == generation { index = (index &+ 1) & mask }
      slots[index] = slot
    }
  }
}
