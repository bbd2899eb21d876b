/**
 * THE loyalty rule engine: places each customer in one of four groups on an
 * attitude × repeat-patronage grid. LOYALTY.SEGMENT and the Segment task pane both call it.
 *
 * Source: Dick & Basu (1994), "Customer loyalty: toward an integrated conceptual
 * framework", J. Academy of Marketing Science 22(2) — relative attitude × repeat patronage
 * gives loyalty, latent loyalty, spurious loyalty and no loyalty; the Walker loyalty matrix
 * names the same cells truly loyal, accessible, trapped and high-risk.
 *
 * Attitude from a 0–10 likelihood-to-recommend answer (the NPS scale): 9–10 promoter,
 * 7–8 passive, 0–6 detractor. Behaviour is "high" when ≥ the given cutoff, or, without one,
 * when strictly above the median of the behaviour column.
 *
 * Decision table:
 *   promoter  + high behaviour → Loyal
 *   detractor + high behaviour → Locked-in
 *   detractor + low behaviour  → High-risk
 *   anyone else                → Reachable  (promoters who buy little; passives)
 * Price-driven override: a price-driven customer who would be Loyal is Reachable; any other
 * price-driven customer is High-risk.
 *
 * Example: recommend 10, 3, 8, 9 with orders per year 6, 5, 1, 2 → median (2 + 5) / 2 = 3.5,
 * high = 6 and 5 → Loyal, Locked-in, Reachable, Reachable.
 *
 * Grouped tables (optional weights, whole numbers ≥ 0: row i stands for weights[i] identical
 * customers) give what the expanded table gives: the median is the expansion's (weightedQuantile.ts
 * at p = 0.5, so (x[lo] + x[hi]) / 2 when the middle falls between two values), counts are Σ w,
 * and each row keeps one segment for all its customers. Example: orders 6, 5, 1, 2 with weights
 * 1, 1, 1, 3 → expansion 1 2 2 2 5 6, median (2 + 2) / 2 = 2, high = 6 and 5.
 *
 * Cost: O(n) — one median by quickselect (see median.ts) and one pass over the rows; no
 * object per row except the error values of bad rows.
 */
import { Where, describeWhere } from "../orders/cells";
import { CellError, failValue, isCellError, notAvailable, valueError } from "../errors";
import { median } from "../numeric/median";
import { checkWeights, weightedQuantile } from "../numeric/weightedQuantile";
import { TimeSlicer, inBlocks } from "../numeric/yieldToHost";

export type Segment = "Loyal" | "Reachable" | "Locked-in" | "High-risk";

/** The four groups in display order. */
export const SEGMENTS: readonly Segment[] = ["Loyal", "Reachable", "Locked-in", "High-risk"];

export type Attitude = "promoter" | "passive" | "detractor";

function label(where: Where | undefined, fallback: string): string {
  return where ? describeWhere(where) : fallback;
}

/**
 * Attitude from a 0–10 likelihood-to-recommend score: ≥ 9 promoter, ≥ 7 passive, else detractor.
 * Decimals (an average of several answers) are classified by the same thresholds, so 8.5 is
 * passive and 6.5 a detractor. Outside 0–10 (or not finite) → #VALUE!.
 */
export function attitudeFromRecommend(score: number, where?: Where): Attitude | CellError {
  if (!(score >= 0 && score <= 10)) {
    return valueError(`${label(where, "recommend score")}: expected a likelihood-to-recommend score from 0 to 10, found ${score}`);
  }
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

/**
 * Attitude from a 1–5 satisfaction score: 5 promoter, 4 passive, ≤ 3 detractor. Decimals use the
 * same thresholds (≥ 5 promoter, ≥ 4 passive). Outside 1–5 → #VALUE!.
 */
export function attitudeFromSatisfaction(score: number, where?: Where): Attitude | CellError {
  if (!(score >= 1 && score <= 5)) {
    return valueError(`${label(where, "satisfaction score")}: expected a satisfaction score from 1 to 5, found ${score}`);
  }
  return score >= 5 ? "promoter" : score >= 4 ? "passive" : "detractor";
}

/**
 * Attitude from a count of referrals: ≥ 1 promoter, 0 passive (no referral says nothing bad).
 * A negative or fractional count → #VALUE!.
 */
export function attitudeFromReferrals(count: number, where?: Where): Attitude | CellError {
  if (!(count >= 0) || !Number.isInteger(count)) {
    return valueError(`${label(where, "referrals")}: expected a whole number of referrals, 0 or more, found ${count}`);
  }
  return count >= 1 ? "promoter" : "passive";
}

/**
 * Whether a customer is price-driven: TRUE/FALSE, or the share of orders bought on discount
 * (0–1), where ≥ 0.5 means price-driven. Blank (null) means FALSE, and so do 0 and FALSE.
 * A share below 0 or above 1 → #VALUE! (give 0.6, not 60).
 */
export function priceDrivenFrom(value: boolean | number | null, where?: Where): boolean | CellError {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (!(value >= 0 && value <= 1)) {
    return valueError(
      `${label(where, "price_driven")}: expected TRUE/FALSE or a share of discounted orders from 0 to 1, found ${value}`,
    );
  }
  return value >= 0.5;
}

/**
 * The decision table above, with the price-driven override, as an index into SEGMENTS
 * (0 Loyal, 1 Reachable, 2 Locked-in, 3 High-risk): the hot loop's form of `classify`.
 */
export function classifyIndex(attitude: Attitude, behaviourHigh: boolean, priceDriven: boolean): number {
  if (attitude === "promoter") return behaviourHigh ? (priceDriven ? 1 : 0) : priceDriven ? 3 : 1;
  if (attitude === "detractor") return behaviourHigh && !priceDriven ? 2 : 3;
  return priceDriven ? 3 : 1;
}

/**
 * Why the price-driven override moved a customer: the group the decision table gives without it
 * (as an index into SEGMENTS), or −1 when the override changed nothing (not price-driven, or a
 * low-behaviour detractor, who is High-risk either way). The pane writes this into the Issue
 * column so that it and LOYALTY.SEGMENT explain the same rule.
 * Example: promoter, high behaviour, price-driven → 0 (would be Loyal; shown as Reachable);
 * passive, price-driven → 1 (would be Reachable; shown as High-risk). O(1).
 */
export function overriddenFromIndex(attitude: Attitude, behaviourHigh: boolean, priceDriven: boolean): number {
  if (!priceDriven) return -1;
  const without = classifyIndex(attitude, behaviourHigh, false);
  return without === classifyIndex(attitude, behaviourHigh, true) ? -1 : without;
}

/** The decision table above, with the price-driven override. */
export function classify(attitude: Attitude, behaviourHigh: boolean, priceDriven: boolean): Segment {
  return SEGMENTS[classifyIndex(attitude, behaviourHigh, priceDriven)];
}

export type BehaviourRule = "at least cutoff" | "above median";

export type BehaviourCutoff = { readonly cutoff: number; readonly rule: BehaviourRule };

/** High behaviour under a rule: ≥ cutoff, or strictly above the median. */
export function isBehaviourHigh(value: number, { cutoff, rule }: BehaviourCutoff): boolean {
  return rule === "above median" ? value > cutoff : value >= cutoff;
}

/**
 * The cutoff for high behaviour. With a cutoff given, high means ≥ it. Without one, high
 * means strictly above the median of the non-missing (non-NaN) values; when that leaves no
 * customer high (many ties at the top) or every customer high, or there are no values at
 * all, it throws #VALUE! asking for a cutoff. Example: 1, 2, 2, 9 → median 2, high = {9}.
 * With weights, the median of the expansion (rows of weight 0 are left out). O(n), or
 * O(n log n) with weights of values that are not small whole numbers (weightedQuantile.ts).
 */
export function behaviourCutoff(behaviour: Float64Array, cutoff?: number | null, weights?: ArrayLike<number>): BehaviourCutoff {
  if (cutoff !== null && cutoff !== undefined) {
    if (!Number.isFinite(cutoff)) failValue(`behaviour_cutoff: expected a number, found ${cutoff}`);
    return { cutoff, rule: "at least cutoff" };
  }
  const mid = weights ? weightedQuantile(behaviour, weights, 0.5) : median(behaviour);
  if (Number.isNaN(mid)) failValue("behaviour: there are no behaviour values to take the median of; give behaviour values or a behaviour_cutoff");
  let high = 0;
  let present = 0;
  for (let i = 0; i < behaviour.length; i++) {
    const v = behaviour[i];
    if (v === v && (!weights || weights[i] > 0)) {
      present++;
      if (v > mid) high++;
    }
  }
  if (high === 0 || high === present) {
    failValue(
      `behaviour: with high meaning above the median (${mid}), ${high === 0 ? "no customer is" : "every customer is"} high; give a behaviour_cutoff (high means at least the cutoff)`,
    );
  }
  return { cutoff: mid, rule: "above median" };
}

export type SegmentInput = {
  /** One per customer: the attitude, an error for a bad or error cell, or null when there is no score. */
  readonly attitudes: readonly (Attitude | CellError | null)[];
  /** One per customer, more is better; NaN = missing. */
  readonly behaviour: Float64Array;
  /** Where behaviour[i] is NaN because its cell was bad, the error to show in that row. */
  readonly behaviourErrors?: readonly (CellError | undefined)[];
  /** High means ≥ this; omitted or null means above the median. */
  readonly cutoff?: number | null;
  /** One per customer, or one value for everyone; omitted means no one is price-driven. */
  readonly priceDriven?: readonly (boolean | CellError)[];
  /** Customers per row (whole numbers ≥ 0) of a grouped table; omitted means one each. */
  readonly weights?: Float64Array;
  /** Names used in row messages (defaults: the LOYALTY.SEGMENT argument names). */
  readonly names?: { readonly attitude?: string; readonly behaviour?: string };
};

export type SegmentResult = {
  readonly segments: (Segment | CellError)[];
  /** The cutoff applied: the given one, or the median. */
  readonly cutoff: number;
  readonly rule: BehaviourRule;
  /** Customers per group (Σ weights with weights), in the order of SEGMENTS; rows with an error are not counted. */
  readonly counts: Record<Segment, number>;
  /** Per customer, the group the price-driven override moved them out of (index into SEGMENTS), −1 where it did not apply. */
  readonly overriddenFrom: Int8Array;
};

/**
 * Segments every customer. A whole-call problem (lengths that disagree, no usable median)
 * throws #VALUE!; a bad row gets its own error: an input error passes through, no recommend
 * score or no behaviour value → #N/A naming the row. Rows are numbered from 1.
 */
export function segmentCustomers(input: SegmentInput): SegmentResult {
  const run = segmentation(input);
  run.classify(0, input.attitudes.length);
  return run.result();
}

/** segmentCustomers for a long call: the same result, the rows classified in time slices (inBlocks). */
export async function segmentCustomersAsync(input: SegmentInput, slicer: TimeSlicer): Promise<SegmentResult> {
  const run = segmentation(input);
  if (slicer.due()) await slicer.pause(); // the median is one O(n) selection
  await inBlocks(input.attitudes.length, slicer, run.classify);
  return run.result();
}

/** The checks and cutoff of one segmentation, then `classify` over any row ranges, then the result. */
function segmentation(input: SegmentInput) {
  const { attitudes, behaviour, behaviourErrors, priceDriven } = input;
  const n = attitudes.length;
  const attitudeName = input.names?.attitude ?? "recommend_scores";
  const behaviourName = input.names?.behaviour ?? "behaviour";
  const noAttitude = input.names?.attitude === undefined ? "no recommend score" : "no attitude value";
  if (behaviour.length !== n) failValue(`${behaviourName} has ${behaviour.length} rows but ${attitudeName} has ${n}; give columns of the same length`);
  if (priceDriven && priceDriven.length !== n && priceDriven.length !== 1) {
    failValue(`price_driven has ${priceDriven.length} rows but ${attitudeName} has ${n}; give one value per customer or a single value`);
  }
  const weights = input.weights;
  if (weights) checkWeights(weights, n);
  const rule = behaviourCutoff(behaviour, input.cutoff, weights);
  const cut = rule.cutoff;
  const aboveMedian = rule.rule === "above median";
  const sharedPrice = priceDriven && priceDriven.length === 1 ? priceDriven[0] : undefined;
  const tally = new Float64Array(4);
  const segments = new Array<Segment | CellError>(n);
  const overriddenFrom = new Int8Array(n).fill(-1);
  const classify = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const attitude = attitudes[i];
      if (attitude !== null && typeof attitude === "object") {
        segments[i] = attitude;
        continue;
      }
      const v = behaviour[i];
      if (v !== v) {
        const error = behaviourErrors?.[i];
        if (error) {
          segments[i] = error;
          continue;
        }
      }
      const price = sharedPrice ?? (priceDriven ? priceDriven[i] : false);
      if (typeof price === "object" && isCellError(price)) {
        segments[i] = price;
        continue;
      }
      if (attitude === null) {
        segments[i] = notAvailable(`${attitudeName}, row ${i + 1}: ${noAttitude} for this customer`);
        continue;
      }
      if (v !== v) {
        segments[i] = notAvailable(`${behaviourName}, row ${i + 1}: no behaviour value for this customer`);
        continue;
      }
      const high = aboveMedian ? v > cut : v >= cut;
      const index = classifyIndex(attitude, high, price === true);
      if (price === true) overriddenFrom[i] = overriddenFromIndex(attitude, high, true);
      tally[index] += weights ? weights[i] : 1;
      segments[i] = SEGMENTS[index];
    }
  };
  const result = (): SegmentResult => {
    const counts: Record<Segment, number> = { Loyal: tally[0], Reachable: tally[1], "Locked-in": tally[2], "High-risk": tally[3] };
    return { segments, cutoff: cut, rule: rule.rule, counts, overriddenFrom };
  };
  return { classify, result };
}
