/**
 * Groups rows by a whole-number key below 2³², numbering the groups in increasing key order, by a
 * least-significant-digit radix sort of the row numbers (two passes of 16-bit digits; Knuth, TAOCP
 * vol. 3, §5.2.5). Stable, so rows keep their order inside a group.
 *
 * groupBySortedKey([7, 3, 7, 9]) → index [1, 0, 1, 2], count 3 (keys 3, 7, 9 → groups 0, 1, 2).
 * Cost O(n + 2¹⁶) time and O(n) memory, with no hashing: for millions of distinct keys it is
 * several times faster than a hash table, whose probes miss the cache, and the groups come out in
 * the same order whatever the rows' order. `groupByKey` below picks it, a rank table or a hash by
 * the size of the key space.
 */
import { indexDistinct } from "./distinctValues";

export type SortedKeyGroups = {
  /** For each row, its group (0 = the smallest key). */
  readonly index: Uint32Array;
  readonly count: number;
};

const DIGIT = 1 << 16;

/** Turns digit counts into each digit's first position (exclusive prefix sums), in place. */
function startsOf(counts: Uint32Array): void {
  for (let d = 0, sum = 0; d < DIGIT; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
}

export function groupBySortedKey(keys: Uint32Array): SortedKeyGroups {
  const n = keys.length;
  const counts = new Uint32Array(DIGIT);
  const byLow = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[keys[i] & 0xffff]++;
  startsOf(counts);
  for (let i = 0; i < n; i++) byLow[counts[keys[i] & 0xffff]++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[keys[i] >>> 16]++;
  startsOf(counts);
  const sorted = new Uint32Array(n);
  for (let j = 0; j < n; j++) {
    const i = byLow[j];
    sorted[counts[keys[i] >>> 16]++] = i;
  }
  const index = new Uint32Array(n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const i = sorted[j];
    if (j > 0 && keys[i] !== keys[sorted[j - 1]]) count++;
    index[i] = count;
  }
  return { index, count: n === 0 ? 0 : count + 1 };
}

/** Key spaces up to this size (and 8 keys per row) are ranked through a plain table: 16 MB at most. */
const RANK_TABLE_KEYS = 1 << 22;

/**
 * Groups rows 0 … n − 1 by keyOf(i), a whole number in [0, keySpace), the way every combined key
 * of distinct-value indices is grouped here (BG/NBD histories, the (t, x, T) of expected purchases):
 *   keySpace ≤ min(2²², 8n): a table of the keys present, ranked in one pass (a counting sort);
 *   keySpace ≤ 2³²:          groupBySortedKey's radix sort;
 *   up to 2⁵³:               hashing (indexDistinct), groups in order of first appearance;
 *   beyond:                  every row its own group (correct, only slower).
 * Groups are numbered in increasing key order in the first two cases.
 * Example: groupByKey(4, 10, (i) => [7, 3, 7, 9][i]) → index [1, 0, 1, 2], count 3. O(n) (+ keySpace).
 */
export function groupByKey(n: number, keySpace: number, keyOf: (i: number) => number): SortedKeyGroups {
  if (keySpace >= Number.MAX_SAFE_INTEGER) return { index: Uint32Array.from({ length: n }, (_, i) => i), count: n };
  if (keySpace > 2 ** 32) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = keyOf(i);
    const { index, values } = indexDistinct(keys);
    return { index, count: values.length };
  }
  const keys = new Uint32Array(n);
  if (keySpace > RANK_TABLE_KEYS || keySpace > 8 * n) {
    for (let i = 0; i < n; i++) keys[i] = keyOf(i);
    return groupBySortedKey(keys);
  }
  // Mark the keys present while storing them, rank the marks in key order, then look each row up.
  const rank = new Int32Array(keySpace);
  for (let i = 0; i < n; i++) rank[(keys[i] = keyOf(i))] = 1;
  let count = 0;
  for (let k = 0; k < keySpace; k++) if (rank[k] !== 0) rank[k] = count++;
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = rank[keys[i]];
  return { index, count };
}
