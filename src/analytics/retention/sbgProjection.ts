/**
 * Projections of the shifted-beta-geometric (sBG) model of contract renewals
 * (Fader & Hardie 2007, "How to project customer retention", Journal of
 * Interactive Marketing 21(1), equations 5–7).
 *
 * Each customer renews every period with their own churn probability θ, and θ
 * varies across customers as Beta(α, β). For the cohort as a whole:
 *   P(T = 1) = α / (α + β),
 *   P(T = t) = (β + t − 2) / (α + β + t − 1) · P(T = t − 1)   for t ≥ 2,
 *   S(t) = 1 − Σ_{i=1..t} P(T = i)                            (S(0) = 1),
 *   r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)     for t ≥ 1.
 * The retention rate r_t rises with t: the customers who churn easily leave
 * first, so the survivors are ever more loyal (the paper's point, against fitting
 * a straight line or a constant rate).
 *
 * Example: α = 1, β = 1 → P(T = 1) = 1/2, P(T = 2) = 1/(1 + 1 + 1) · 1/2 = 1/6,
 * S(2) = 1 − 1/2 − 1/6 = 1/3; r_1 = 1/2, r_2 = 2/3, r_3 = 3/4.
 *
 * S(t) is computed as the product r_1 · r_2 · … · r_t, which equals 1 − ΣP but
 * keeps full precision for large t instead of subtracting nearly equal numbers.
 * Cost: O(1) for r_t, O(t) for S(t) and P(T = t), O(T) for a whole curve.
 */
import { failValue } from "../errors";

/** Largest period the projections accept (a curve up to it takes a few milliseconds). */
export const MAX_SBG_PERIOD = 1_000_000;

/** Fails unless α and β are finite and positive. */
export function checkSbgParameters(alpha: number, beta: number): void {
  if (!(Number.isFinite(alpha) && alpha > 0)) failValue(`sbg_params: alpha must be a number above 0, found ${alpha}`);
  if (!(Number.isFinite(beta) && beta > 0)) failValue(`sbg_params: beta must be a number above 0, found ${beta}`);
}

/** Retention rate in period t ≥ 1: r_t = (β + t − 1) / (α + β + t − 1). Example: α = β = 1, t = 2 → 2/3. O(1). */
export function sbgRetentionRate(alpha: number, beta: number, t: number): number {
  return (beta + t - 1) / (alpha + beta + t - 1);
}

/** Share of the cohort still active after t ≥ 0 periods, S(t) = Π r_i. Example: α = β = 1, t = 2 → 1/3. O(t). */
export function sbgSurvival(alpha: number, beta: number, t: number): number {
  let s = 1;
  for (let i = 1; i <= t; i++) s *= sbgRetentionRate(alpha, beta, i);
  return s;
}

/** Probability that a customer's last period is t ≥ 1, P(T = t) = S(t − 1) · (1 − r_t). Example: α = β = 1, t = 2 → 1/6. O(t). */
export function sbgChurnProbability(alpha: number, beta: number, t: number): number {
  return sbgSurvival(alpha, beta, t - 1) * (alpha / (alpha + beta + t - 1));
}

/** S(0), S(1), …, S(maxT) in one pass. O(maxT). */
export function sbgSurvivalCurve(alpha: number, beta: number, maxT: number): Float64Array {
  const curve = new Float64Array(maxT + 1);
  curve[0] = 1;
  for (let t = 1; t <= maxT; t++) curve[t] = curve[t - 1] * sbgRetentionRate(alpha, beta, t);
  return curve;
}
