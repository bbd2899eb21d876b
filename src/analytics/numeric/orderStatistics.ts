/**
 * Order statistics without a full sort: `selectRanks` rearranges an array so that
 * each requested 0-based rank k holds the k-th smallest value, which is all a
 * type-7 quantile needs (quantileSorted.ts reads positions lo and hi only).
 *
 * Method: multi-quickselect (Hoare 1961, "FIND"), recursing only into the parts
 * that still hold a requested rank, with a three-way partition (Dijkstra's
 * Dutch national flag) so that heavy ties — frequency columns of small counts —
 * cost one pass instead of quadratic time. A pivot is the median of three
 * pseudo-randomly chosen elements; past a depth of 2·log2(n) + 8 a part is sorted
 * outright (introselect), which bounds the worst case at O(n log n).
 *
 * Example: [5, 1, 4, 2, 3] with ranks [1, 3] → positions 1 and 3 hold 2 and 4.
 * Cost: expected O(n log r) for r ranks (one linear pass per level of the rank tree),
 * against O(n log n) for sorting; no allocation beyond a small stack.
 */

const SMALL = 24;

/** Sorts values[left..right] in place by insertion (small parts only). */
function insertionSort(values: Float64Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= left && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}

/**
 * Places the k-th smallest of values[0..n) at position k for every k in `ranks`
 * (0-based, any order, duplicates allowed). The values must not contain NaN.
 * Example: selectRanks(Float64Array.of(5, 1, 4, 2, 3), [1, 3]) → [_, 2, _, 4, _].
 */
export function selectRanks(values: Float64Array, ranks: ArrayLike<number>, n: number = values.length): void {
  if (n <= 1 || ranks.length === 0) return;
  const wanted = Int32Array.from(ranks).sort();
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i] < 0 || wanted[i] >= n) throw new RangeError(`rank ${wanted[i]} is outside 0 … ${n - 1}`);
  }
  let seed = 0x9e3779b9 ^ n;
  const random = (span: number): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) | 0;
    return (seed >>> 0) % span;
  };
  const depthLimit = 2 * Math.ceil(Math.log2(n)) + 8;
  // Stack of parts: left, right, first wanted index, last wanted index, depth.
  const stack: number[] = [0, n - 1, 0, wanted.length - 1, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const rankTo = stack.pop()!;
    const rankFrom = stack.pop()!;
    const right = stack.pop()!;
    const left = stack.pop()!;
    if (right - left < SMALL) {
      insertionSort(values, left, right);
      continue;
    }
    if (depth > depthLimit) {
      values.subarray(left, right + 1).sort();
      continue;
    }
    const span = right - left + 1;
    const a = values[left + random(span)];
    const b = values[left + random(span)];
    const c = values[left + random(span)];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three-way partition: [left, lt) < pivot, [lt, gt] = pivot, (gt, right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = values[i];
      if (v < pivot) {
        values[i] = values[lt];
        values[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt];
        values[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    let r = rankFrom;
    const lowFrom = r;
    while (r <= rankTo && wanted[r] < lt) r++;
    if (r > lowFrom) stack.push(left, lt - 1, lowFrom, r - 1, depth + 1);
    while (r <= rankTo && wanted[r] <= gt) r++;
    if (r <= rankTo) stack.push(gt + 1, right, r, rankTo, depth + 1);
  }
}

/**
 * The values at 0-based `ranks` among the non-NaN `values`, for whole numbers
 * between min and max, by counting (a counting sort without the sort): one pass
 * builds a histogram of max − min + 1 bins, a cumulative walk reads the ranks.
 * Example: values 3, 1, 2, 2 (min 1, max 3) with ranks [0, 2, 3] → 1, 2, 3.
 * Cost: O(n + (max − min)) time, O(max − min) memory; callers use it when the
 * range is small against n (recency days, order counts).
 */
export function rankValuesByCounting(values: Float64Array, min: number, max: number, ranks: ArrayLike<number>): Float64Array {
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) counts[v - min]++;
  }
  const order = Array.from(ranks, (rank, at) => ({ rank, at })).sort((a, b) => a.rank - b.rank);
  const out = new Float64Array(ranks.length);
  let seen = 0; // values below the current bin
  let bin = 0;
  for (const { rank, at } of order) {
    while (seen + counts[bin] <= rank) seen += counts[bin++];
    out[at] = min + bin;
  }
  return out;
}
