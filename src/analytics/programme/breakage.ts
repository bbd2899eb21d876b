/**
 * Expected ultimate redemption rate and breakage per issue cohort from a development triangle of
 * cumulative points redeemed (the chain-ladder method of loss reserving, with volume-weighted
 * development factors; Mack 1993; as used for loyalty breakage, IFRS 15 B46 and ¶56–58).
 *
 *   C(i, k)  = cumulative points redeemed from cohort i by age k (columns 1 … K), blank where not
 *              yet observed; each row is observed from age 1 up to its latest age L_i, no holes;
 *   f_k      = Σ_i C(i, k+1) / Σ_i C(i, k) over the cohorts observed at both ages k and k+1;
 *   ultimate = C(i, L_i) × f_{L_i} × … × f_{K−1} × tail;
 *   rate     = min(1, ultimate / issued_i),  breakage = 1 − rate.
 *
 * `tail` (≥ 1, default 1) is the development beyond the last column; it is exactly 1 once the
 * triangle reaches the age at which the points expire. The estimate is a judgement the user owns
 * (IFRS 15 ¶56–58 constrain it); the result says how many cohorts each factor rests on.
 *
 * Example (worked by hand in test/analytics/programme/breakage.test.ts): issued 1,000, 1,000, 800;
 * rows 300 500 600 / 400 600 – / 200 – –; f1 = 1,100 / 700, f2 = 600 / 500 = 1.2 → rates 0.6,
 * 0.72, 200 × 1.5714 × 1.2 / 800 = 0.4714; breakage 0.4, 0.28, 0.5286.
 * Cost: O(cohorts × ages).
 */
import { CellError, failValue, notAvailable } from "../errors";

export type BreakageCohort =
  | {
      readonly issued: number;
      readonly redeemedSoFar: number;
      /** Age (1-based column) of the latest observation. */
      readonly latestAge: number;
      readonly rate: number;
      readonly breakage: number;
    }
  | CellError;

export type DevelopmentFactor = {
  /** From age `from` (1-based column) to age from + 1. */
  readonly from: number;
  /** NaN when no cohort observed at both ages has redeemed anything at age `from`. */
  readonly factor: number;
  /** How many cohorts the factor rests on. */
  readonly cohorts: number;
};

export type BreakageEstimate = { readonly cohorts: BreakageCohort[]; readonly factors: DevelopmentFactor[] };

/**
 * issued: points issued per cohort; triangle: rows of cumulative redeemed points, null where not yet
 * observed (all rows the same length K ≥ 1). A row with a hole, a decreasing cumulative or more
 * redeemed than issued fails the call naming the row (the factors of every cohort depend on it).
 */
export function breakageEstimate(issued: readonly number[], triangle: readonly (readonly (number | null)[])[], tail = 1): BreakageEstimate {
  if (!Number.isFinite(tail) || tail < 1) failValue(`tail: expected a development factor of 1 or more beyond the last column, found ${tail}`);
  const rows = triangle.length;
  if (issued.length !== rows) failValue(`issued has ${issued.length} rows but redeemed_triangle has ${rows}; give one row per issue cohort in both`);
  const ages = rows === 0 ? 0 : triangle[0].length;
  if (rows === 0 || ages === 0) failValue("redeemed_triangle: expected at least one cohort and one age");
  const latest = new Int32Array(rows); // number of observed ages per row
  for (let i = 0; i < rows; i++) {
    const line = triangle[i];
    const r = i + 1;
    if (!Number.isFinite(issued[i]) || issued[i] < 0) failValue(`issued, row ${r}: expected the points issued to the cohort, 0 or more, found ${issued[i]}`);
    let seen = 0;
    for (let k = 0; k < ages; k++) {
      const v = line[k];
      if (v === null) continue;
      if (seen !== k) {
        failValue(
          `redeemed_triangle, row ${r}, column ${k + 1}: a value after a blank at column ${seen + 1}; each row is observed from the first age on without gaps (fill the blank with the cumulative points redeemed by then)`,
        );
      }
      if (!Number.isFinite(v) || v < 0) failValue(`redeemed_triangle, row ${r}, column ${k + 1}: expected cumulative points redeemed, 0 or more, found ${v}`);
      if (k > 0 && v < (line[k - 1] as number)) {
        failValue(
          `redeemed_triangle, row ${r}, column ${k + 1}: ${v} is less than ${line[k - 1]} at column ${k}; the triangle holds cumulative points redeemed, which never fall`,
        );
      }
      if (v > issued[i]) failValue(`redeemed_triangle, row ${r}, column ${k + 1}: ${v} points redeemed but the cohort was issued ${issued[i]} (issued, row ${r})`);
      seen = k + 1;
    }
    latest[i] = seen;
  }
  const factors: DevelopmentFactor[] = [];
  for (let k = 0; k + 1 < ages; k++) {
    let num = 0;
    let den = 0;
    let cohorts = 0;
    for (let i = 0; i < rows; i++) {
      if (latest[i] >= k + 2) {
        num += triangle[i][k + 1] as number;
        den += triangle[i][k] as number;
        cohorts++;
      }
    }
    factors.push({ from: k + 1, factor: den > 0 ? num / den : NaN, cohorts });
  }
  const cohorts: BreakageCohort[] = [];
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    const age = latest[i];
    if (age === 0) {
      cohorts.push(notAvailable(`redeemed_triangle, row ${r}: no redemptions observed for this cohort yet`));
      continue;
    }
    if (issued[i] === 0) {
      cohorts.push(notAvailable(`issued, row ${r}: no points were issued to this cohort, so it has no redemption rate`));
      continue;
    }
    const soFar = triangle[i][age - 1] as number;
    let ultimate = soFar;
    let problem: CellError | undefined;
    for (let k = age - 1; k + 1 < ages; k++) {
      const f = factors[k];
      if (f.cohorts === 0) {
        problem = notAvailable(`row ${r}: no cohort is observed at both ages ${f.from} and ${f.from + 1}, so the development from age ${f.from} cannot be estimated`);
        break;
      }
      if (Number.isNaN(f.factor)) {
        if (soFar === 0) continue; // nothing to develop: 0 stays 0
        problem = notAvailable(`row ${r}: the cohorts observed at ages ${f.from} and ${f.from + 1} had redeemed nothing by age ${f.from}, so the development from age ${f.from} cannot be estimated`);
        break;
      }
      ultimate *= f.factor;
    }
    if (problem) {
      cohorts.push(problem);
      continue;
    }
    ultimate *= tail;
    const rate = Math.min(1, ultimate / issued[i]);
    cohorts.push({ issued: issued[i], redeemedSoFar: soFar, latestAge: age, rate, breakage: 1 - rate });
  }
  return { cohorts, factors };
}

/** The note row's text: each factor and the number of cohorts it rests on. */
export function developmentNote(factors: readonly DevelopmentFactor[]): string {
  if (factors.length === 0) return "One age only: no development factors; the rates are redeemed so far × tail ÷ issued";
  const parts = factors.map(
    (f) => `age ${f.from}→${f.from + 1}: ${Number.isNaN(f.factor) ? "n/a" : Math.round(f.factor * 1e4) / 1e4} on ${f.cohorts} ${f.cohorts === 1 ? "cohort" : "cohorts"}`,
  );
  return `Development factors (volume-weighted): ${parts.join("; ")}`;
}
