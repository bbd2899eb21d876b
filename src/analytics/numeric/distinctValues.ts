/**
 * Distinct values of a numeric column and each row's index into them, by open-addressing
 * hashing of the numbers' bits (no strings, no Map, no object per row).
 *
 * indexDistinct([5, 3, 5, 7]) → values [5, 3, 7] (order of first appearance), index [0, 1, 0, 2].
 * −0 counts as 0. NaN must not be passed. Cost O(n) expected time; memory O(n) for the index and
 * O(distinct values) for the table, which grows as values are found.
 */

export type DistinctIndex = {
  /** The distinct values in order of first appearance. */
  readonly values: Float64Array;
  /** For each input row, the position of its value in `values`. */
  readonly index: Uint32Array;
};

const scratch = new Float64Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

function hashOf(value: number): number {
  scratch[0] = value === 0 ? 0 : value;
  let h = Math.imul(scratchBits[0] ^ Math.imul(scratchBits[1], 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The table starts this small and doubles when half full, so a column of few distinct values never allocates per row. */
const START_CAPACITY = 1024;

export function indexDistinct(column: ArrayLike<number>): DistinctIndex {
  const n = column.length;
  const index = new Uint32Array(n);
  let capacity = START_CAPACITY;
  let mask = capacity - 1;
  let slotKey = new Float64Array(capacity);
  let slotIndex = new Int32Array(capacity).fill(-1);
  let found = new Float64Array(Math.min(Math.max(n, 1), capacity >> 1));
  let count = 0;
  for (let i = 0; i < n; i++) {
    const value = column[i] === 0 ? 0 : column[i];
    let slot = hashOf(value) & mask;
    for (;;) {
      const at = slotIndex[slot];
      if (at < 0) {
        if (count === found.length) {
          // Half full: double the table and re-insert the values found so far (each keeps its position).
          const grown = new Float64Array(Math.min(n, found.length * 2));
          grown.set(found);
          found = grown;
          capacity *= 2;
          mask = capacity - 1;
          slotKey = new Float64Array(capacity);
          slotIndex = new Int32Array(capacity).fill(-1);
          for (let j = 0; j < count; j++) {
            let s2 = hashOf(found[j]) & mask;
            while (slotIndex[s2] >= 0) s2 = (s2 + 1) & mask;
            slotIndex[s2] = j;
            slotKey[s2] = found[j];
          }
          slot = hashOf(value) & mask;
          continue;
        }
        slotIndex[slot] = count;
        slotKey[slot] = value;
        found[count] = value;
        index[i] = count++;
        break;
      }
      if (slotKey[slot] === value) {
        index[i] = at;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { values: found.slice(0, count), index };
}
