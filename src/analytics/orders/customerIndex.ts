/**
 * Customer ids → dense indices 0, 1, 2 … in order of first appearance: the
 * grouping step of every per-customer table, and the hot spot of RFMTABLE.
 *
 * Method: an open-addressing hash table with linear probing (Knuth, TAOCP vol. 3,
 * §6.4, algorithm L) in one Int32Array of (hash, index + 1) pairs, doubled when half
 * full. The hash is 32-bit FNV-1a over the UTF-16 code units with MurmurHash3's
 * finaliser (fmix32). When hashes match, a short ASCII id (at most 8 characters below
 * code 128, e.g. 10234 or C000123) is compared through two packed words kept per
 * customer in a typed array, so the stored string is never visited; longer ids are
 * compared as text. On millions of orders the cache misses are the cost, and this
 * saves one or two per order.
 *
 * Measured (CPU time, 5.2 million orders of 1 million customers, ids "C000123"):
 * about 0.75 s, against 1.5 s with text comparison and 1.8 s with Map<string, number>;
 * 12-character ids take as long as with text comparison (about 2 s).
 *
 * Example: indexOf("C1"), indexOf("C2"), indexOf("C1") → 0, 1, 0; ids = ["C1", "C2"].
 * Cost: O(length of the id) expected per lookup; 8 bytes per slot and per customer plus the ids.
 */

/**
 * A starting size for an index and its per-customer arrays over a log of `orders` rows: a quarter
 * of the orders, at most 2^20, so that big logs skip most doublings (and their rehashing) without
 * reserving much for small ones. Example: 1,048,575 orders → 262,143.
 */
export function expectedCustomers(orders: number): number {
  return Math.min(Math.max(1024, orders >>> 2), 1 << 20);
}

/** FNV-1a over UTF-16 code units, then fmix32. */
export function hashId(id: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Slot layout: [hash, index + 1 (0 = empty)]. */
const WORDS = 2;
/** The low packed word of an id that is not short ASCII (packed low words are ≥ 0). */
const NOT_PACKED = -1;

export class CustomerIndex {
  /** The ids in order of first appearance; ids[k] has index k. */
  readonly ids: string[] = [];
  private mask: number;
  private slots: Int32Array;
  /** Per customer: the id's packed low and high words (low NOT_PACKED for other ids). */
  private packs: Int32Array;
  // The last id's hash and packed words, set by `key` (saves returning an object per lookup).
  private h = 0;
  private low = 0;
  private high = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(WORDS * capacity);
    this.packs = new Int32Array(2 * Math.max(1024, expected));
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Hash and packed words of an id, into this.h, this.low, this.high. An id of at most 8
   * characters below code 128 packs exactly: low = c0 | c1 << 7 | c2 << 14 | c3 << 21,
   * high = c4 | c5 << 7 | c6 << 14 | c7 << 21 | length << 28, so equal words mean equal ids.
   */
  private key(id: string): void {
    const n = id.length;
    let h = 0x811c9dc5 | 0;
    if (n > 8) {
      for (let i = 0; i < n; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
      this.h = fmix32(h);
      this.low = NOT_PACKED;
      return;
    }
    let low = 0;
    let high = n << 28;
    let ascii = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      ascii |= c;
      if (i < 4) low |= c << (7 * i);
      else high |= c << (7 * (i - 4));
    }
    this.h = fmix32(h);
    this.low = ascii > 127 ? NOT_PACKED : low;
    this.high = high;
  }

  /** The slot (word offset) holding the id, or the empty slot where it would go. */
  private slotOf(id: string): number {
    this.key(id);
    const { h, low, high, slots, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = WORDS * i;
      const stored = slots[at + 1];
      if (stored === 0) return at;
      if (slots[at] === h) {
        if (low === NOT_PACKED) {
          if (this.ids[stored - 1] === id) return at;
        } else {
          const k = 2 * (stored - 1);
          if (this.packs[k] === low && this.packs[k + 1] === high) return at;
        }
      }
    }
  }

  /** The id's index, or −1 when it has not been seen. */
  find(id: string): number {
    return this.slots[this.slotOf(id) + 1] - 1;
  }

  /** The id's index, adding the id (as the next index) when it is new. */
  indexOf(id: string): number {
    const at = this.slotOf(id);
    const slots = this.slots;
    const stored = slots[at + 1];
    if (stored !== 0) return stored - 1;
    const index = this.ids.length;
    this.ids.push(id);
    slots[at] = this.h;
    slots[at + 1] = index + 1;
    if (2 * index + 2 > this.packs.length) {
      const packs = new Int32Array(2 * this.packs.length);
      packs.set(this.packs);
      this.packs = packs;
    }
    this.packs[2 * index] = this.low;
    this.packs[2 * index + 1] = this.high;
    if (2 * this.ids.length > this.mask + 1) this.grow();
    return index;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = 2 * (this.mask + 1);
    const mask = capacity - 1;
    const slots = new Int32Array(WORDS * capacity);
    for (let j = 0; j < old.length; j += WORDS) {
      if (old[j + 1] === 0) continue;
      let k = old[j] & mask;
      while (slots[WORDS * k + 1] !== 0) k = (k + 1) & mask;
      // Two plain stores: a subarray per entry would allocate a million objects on a big log.
      slots[WORDS * k] = old[j];
      slots[WORDS * k + 1] = old[j + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
