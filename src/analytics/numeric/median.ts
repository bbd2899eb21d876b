/**
 * Median of a column of numbers, without a full sort.
 *
 * median = the middle value of the sorted values x(1) ≤ … ≤ x(n): x((n+1)/2) for odd n,
 * (x(n/2) + x(n/2+1)) / 2 for even n (the usual definition; R's `median`, Excel's MEDIAN).
 * Example: 3, 1, 4, 1, 5 → 3; 3, 1, 4, 1 → (1 + 3) / 2 = 2.
 *
 * Missing values are NaN and are left out. Cost: O(n) time on average and one copy of the
 * non-missing values (8n bytes), by Hoare's selection (quickselect, the `find` of
 * Hoare 1961 / Wirth 1976) with a median-of-three pivot. Tied values are split evenly by the
 * partition, so columns with few distinct values (0–10 answers) stay linear. After
 * 2·log2(n) + 8 rounds without converging (an adversarial order) it sorts the remaining
 * slice instead, so the worst case is O(n log n), never O(n²).
 */

/**
 * Rearranges `a` so that a[k] holds the value a sorted copy would have there, with no larger
 * value before it and no smaller one after it; returns a[k]. `a` must hold no NaN.
 */
export function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  if (k < lo || k > hi) throw new RangeError(`selectInPlace: index ${k} is outside 0…${hi}`);
  let rounds = 0;
  const maxRounds = 2 * Math.ceil(Math.log2(a.length + 1)) + 8;
  while (hi > lo) {
    if (++rounds > maxRounds) {
      a.subarray(lo, hi + 1).sort();
      return a[k];
    }
    // Median of three as the pivot: sorted or reversed input is then the best case.
    const mid = lo + ((hi - lo) >> 1);
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and everything strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** The non-missing (non-NaN) values of a column, copied. O(n). */
export function presentValues(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) count++;
  if (count === values.length) return Float64Array.from(values);
  const out = new Float64Array(count);
  let w = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) out[w++] = v;
  }
  return out;
}

/**
 * The median of the non-missing values, or NaN when there are none. The input is not changed.
 * Examples: [3, 1, 4, 1, 5] → 3; [3, 1, 4, 1] → 2; [NaN, 7] → 7; [] → NaN.
 */
export function median(values: Float64Array): number {
  const work = presentValues(values);
  const n = work.length;
  if (n === 0) return NaN;
  const upper = n >> 1;
  const high = selectInPlace(work, upper);
  if (n % 2 === 1) return high;
  // Even n: the lower middle value is the largest value left of the upper one.
  let low = work[0];
  for (let i = 1; i < upper; i++) if (work[i] > low) low = work[i];
  // Halves first, so that two huge values cannot overflow to Infinity.
  return low / 2 + high / 2;
}
