/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers
 * the easy way", Marketing Science 24(2), 275–284) to customer histories (x, t_x, T):
 *
 *   (r̂, α̂, â, b̂) = argmax Σᵢ wᵢ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ)   (likelihood: bgnbdLogLikelihood.ts)
 *
 * maximised over log-parameters by BFGS with the analytic gradient (optimizeBfgs.ts), after
 * grouping identical customers (bgnbdGroups.ts). Standard errors come from the observed
 * information (observedInformation.ts). Start: r = 1, α = Σ T / Σ x (so that r/α, the purchase
 * rate, matches the data), a = b = 1. Above WARM_START_GROUPS groups (a warehouse's grouped
 * summary holds millions), every k-th group is fitted first (about SAMPLE_GROUPS of them, from that
 * start), and the full fit starts from its estimates and inverse Hessian: it then needs a handful of
 * evaluations over all groups instead of 30–50, and ends at the same maximum (the same gradient
 * tolerance on the full likelihood).
 * Example: CDNOW's 2,357 customers (weeks) give r 0.2426, α 4.4135, a 0.7929, b 2.4258,
 * ln L −9582.43, standard errors 0.0126, 0.378, 0.186, 0.705 (FHL 2005, table and note).
 * Cost: O(n) to group, then O(groups) per likelihood evaluation; typically 30–60 evaluations.
 *
 * Data that cannot identify the model fail with #VALUE! and the reason: no customers, a single
 * customer, every T = 0, nobody with a repeat purchase, identical histories, or a likelihood whose
 * maximum lies at infinity (a parameter running off without bound, or a standard error over 100
 * times its estimate).
 */
import { BgnbdGroups, groupBgnbdCustomers } from "./bgnbdGroups";
import { BgnbdParams, bgnbdLogLikelihood, bgnbdWorkspace } from "./bgnbdLogLikelihood";
import { type FitRefusal, failFit, runawayDescription } from "../numeric/fitBoundary";
import { standardErrors } from "../numeric/observedInformation";
import { BfgsOptions, BfgsResult, minimizeBfgs, minimizeBfgsAsync } from "../numeric/optimizeBfgs";

export type BgnbdFit = BgnbdParams & {
  readonly logLikelihood: number;
  /** Standard errors of r, α, a, b. */
  readonly standardErrors: BgnbdParams;
  /** Likelihood evaluations (each with its gradient) the optimiser used, and its iterations. */
  readonly evaluations: number;
  readonly iterations: number;
  /** Number of distinct (x, t_x, T) groups fitted. */
  readonly groups: number;
};

const NAMES = ["r", "alpha", "a", "b"] as const;
/** Parameters beyond e^±25 (about 7·10¹⁰ or 10⁻¹¹) mean the maximum lies at a boundary. */
const LOG_BOUND = 25;
/** Standard errors above this multiple of the estimate mean the parameter is not identified. */
const MAX_RELATIVE_ERROR = 100;

/** What a parameter running off to 0 or infinity means for this model. */
const HINTS: Record<string, string> = {
  "r:infinity": "purchase rates hardly differ between customers",
  "alpha:infinity": "purchase rates hardly differ between customers",
  "a:0": "the data show no sign of dropout",
  "b:infinity": "the data show no sign of dropout",
  "a:infinity": "nearly everyone seems to drop out right after a purchase",
  "b:0": "nearly everyone seems to drop out right after a purchase",
  // a and b both large: the dropout probability a / (a + b) is the same for everyone.
  "a:infinity+b:infinity": "the chance of dropping out after a purchase hardly differs between customers",
};

/** The kind of refusal a runaway shows (fitBoundary.ts), dropout first: θ = ln(r, α, a, b). */
function runawayRefusal(theta: ArrayLike<number>, threshold = 9): FitRefusal {
  const big = (i: number) => theta[i] > threshold;
  const small = (i: number) => theta[i] < -threshold;
  if (big(2) && big(3)) return "sameDropout";
  if (small(2) || big(3)) return "noDropout";
  if (big(2) || small(3)) return "instantDropout";
  if (big(0) || big(1)) return "sameRates";
  return "notIdentified";
}

const paramsOf = (theta: ArrayLike<number>): BgnbdParams => ({
  r: Math.exp(theta[0]),
  alpha: Math.exp(theta[1]),
  a: Math.exp(theta[2]),
  b: Math.exp(theta[3]),
});

function checkIdentifiable(groups: BgnbdGroups): void {
  const why = "the data cannot identify the BG/NBD model";
  if (groups.rows === 0) failFit("tooFewCustomers", `${why}: there are no customers`);
  if (groups.rows === 1) failFit("tooFewCustomers", `${why}: a single customer is not enough; give one row per customer`);
  let anyTime = false;
  let repeats = 0;
  for (let g = 0; g < groups.count; g++) {
    if (groups.tValues[groups.tIndex[g]] > 0) anyTime = true;
    repeats += groups.weight[g] * groups.xValues[groups.xIndex[g]];
  }
  if (!anyTime) failFit("noTime", `${why}: every T is 0, so no customer has been observed for any time`);
  if (repeats === 0) failFit("noRepeats", `${why}: nobody made a repeat purchase (every x is 0), so purchase rates and dropout cannot be told apart`);
  if (groups.count === 1) failFit("identicalHistories", `${why}: every customer has the same (x, t_x, T)`);
}

function setUp(groups: BgnbdGroups) {
  const work = bgnbdWorkspace(groups);
  const gradP = new Float64Array(4);
  const W = groups.totalWeight;
  // The last evaluation's ln L, so that finish need not sum over every group once more for the
  // value at the optimum (the accepted step is usually the last one evaluated).
  const last = { theta: new Float64Array(4), logLikelihood: NaN };
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    if (theta.some((t) => Math.abs(t) > 2 * LOG_BOUND)) return NaN;
    const p = paramsOf(theta);
    const ll = bgnbdLogLikelihood(groups, p, gradP, work);
    last.theta.set(theta);
    last.logLikelihood = ll;
    gradient[0] = (-gradP[0] * p.r) / W;
    gradient[1] = (-gradP[1] * p.alpha) / W;
    gradient[2] = (-gradP[2] * p.a) / W;
    gradient[3] = (-gradP[3] * p.b) / W;
    return -ll / W;
  };
  let sumT = 0;
  let sumX = 0;
  for (let g = 0; g < groups.count; g++) {
    sumT += groups.weight[g] * groups.tValues[groups.tIndex[g]];
    sumX += groups.weight[g] * groups.xValues[groups.xIndex[g]];
  }
  const start = [0, Math.log(sumT / sumX), 0, 0];
  return { objective, start, work, last };
}

function finish(groups: BgnbdGroups, result: BfgsResult, { work, last }: Pick<ReturnType<typeof setUp>, "work" | "last">): BgnbdFit {
  const why = "the data cannot identify the BG/NBD model";
  const theta = result.theta;
  const runaway = () => {
    const description = runawayDescription(NAMES, theta, HINTS);
    return description ? `${why}: the likelihood keeps rising as ${description}, so it has no finite maximum` : null;
  };
  // A runaway's own kind when one is described, else the fallback's.
  const refuse: (fallback: FitRefusal, otherwise: string) => never = (fallback, otherwise) => {
    const described = runaway();
    return failFit(described ? runawayRefusal(theta) : fallback, described ?? otherwise);
  };
  if (theta.some((t) => Math.abs(t) > LOG_BOUND)) refuse("notIdentified", `${why}: a parameter ran off without bound`);
  // A gradient this small (per customer, in log-parameters) pins the estimates far below their standard errors.
  if (!result.converged && !(result.gradientNorm < 1e-6)) {
    refuse("notIdentified", `${why}: the fit did not converge (largest gradient ${result.gradientNorm.toExponential(2)} after ${result.iterations} iterations)`);
  }
  const params = paramsOf(theta);
  const gradient = (p: Float64Array, out: Float64Array) => {
    bgnbdLogLikelihood(groups, { r: p[0], alpha: p[1], a: p[2], b: p[3] }, out, work);
  };
  // Forward differences above WARM_START_GROUPS: 5 sums over every group instead of 8.
  const errors = standardErrors(gradient, [params.r, params.alpha, params.a, params.b], undefined, { forward: groups.count > WARM_START_GROUPS });
  if (!errors) {
    refuse("notIdentified", `${why}: the likelihood is flat or not at a maximum there (the information matrix is not positive definite)`);
  }
  const values = [params.r, params.alpha, params.a, params.b];
  for (let i = 0; i < 4; i++) {
    // A standard error over 100 times the estimate: the data say nothing about this parameter's size.
    if (errors[i] > MAX_RELATIVE_ERROR * values[i]) {
      refuse(
        "notIdentified",
        `${why}: ${NAMES[i]} is not pinned down (estimate ${values[i].toPrecision(3)}, standard error ${errors[i].toPrecision(3)}); the data show too little repeat buying, dropout or difference between customers`,
      );
    }
  }
  return {
    ...params,
    logLikelihood: last.theta.every((t, i) => t === theta[i]) ? last.logLikelihood : bgnbdLogLikelihood(groups, params, undefined, work),
    standardErrors: { r: errors[0], alpha: errors[1], a: errors[2], b: errors[3] },
    evaluations: result.evaluations,
    iterations: result.iterations,
    groups: groups.count,
  };
}

/** Groups above which the fit starts from a fit on a sample of them. */
export const WARM_START_GROUPS = 200_000;
/** About this many groups go into that sample. */
const SAMPLE_GROUPS = 50_000;

/** Every k-th group, with its weight, over the same distinct values (k = ⌈count / SAMPLE_GROUPS⌉). */
function sampleGroups(groups: BgnbdGroups): BgnbdGroups {
  const k = Math.ceil(groups.count / SAMPLE_GROUPS);
  const count = Math.ceil(groups.count / k);
  const xIndex = new Uint32Array(count), txIndex = new Uint32Array(count), tIndex = new Uint32Array(count), weight = new Float64Array(count);
  const weightOfX = new Float64Array(groups.xValues.length);
  let totalWeight = 0;
  for (let j = 0, g = 0; j < count; j++, g += k) {
    xIndex[j] = groups.xIndex[g];
    txIndex[j] = groups.txIndex[g];
    tIndex[j] = groups.tIndex[g];
    weight[j] = groups.weight[g];
    weightOfX[xIndex[j]] += weight[j];
    totalWeight += weight[j];
  }
  return { ...groups, count, xIndex, txIndex, tIndex, weight, weightOfX, totalWeight, rows: count };
}

/** Where the full fit starts: the sample's estimates and inverse Hessian, or the usual start (small data, or a sample that cannot be fitted). */
function warmStartOf(sample: BfgsResult | null, start: number[]): { start: ArrayLike<number>; options: BfgsOptions } {
  // Only a start: near the sample's maximum is enough (its gradient often stalls just above the full fit's tolerance).
  if (!sample || !(sample.gradientNorm < 1e-4) || sample.theta.some((t) => !Number.isFinite(t) || Math.abs(t) > LOG_BOUND)) return { start, options: {} };
  return { start: sample.theta, options: { initialInverseHessian: sample.inverseHessian } };
}

/** The objective and start of the sample fit, or null when the groups are few enough to fit directly. */
function sampleSetUp(groups: BgnbdGroups): ReturnType<typeof setUp> | null {
  return groups.count > WARM_START_GROUPS ? setUp(sampleGroups(groups)) : null;
}

/** Fits already-grouped histories. `warmStart: false` skips the sample fit (for comparing the two paths). */
export function bgnbdFitGroups(groups: BgnbdGroups, { warmStart = true }: { readonly warmStart?: boolean } = {}): BgnbdFit {
  checkIdentifiable(groups);
  const full = setUp(groups);
  const sample = warmStart ? sampleSetUp(groups) : null;
  const warm = warmStartOf(sample && minimizeBfgs(sample.objective, sample.start), full.start);
  return finish(groups, minimizeBfgs(full.objective, warm.start, warm.options), full);
}

/** Fits x, t_x, T (and optional weights) columns. Example: see the file comment. */
export function bgnbdFit(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weights?: ArrayLike<number>,
): BgnbdFit {
  return bgnbdFitGroups(groupBgnbdCustomers(x, tx, T, weights));
}

/** bgnbdFit that yields to the host between likelihood evaluations, for large inputs. */
export async function bgnbdFitAsync(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Promise<BgnbdFit> {
  const groups = groupBgnbdCustomers(x, tx, T, weights);
  checkIdentifiable(groups);
  const full = setUp(groups);
  const sample = sampleSetUp(groups);
  const warm = warmStartOf(sample && (await minimizeBfgsAsync(sample.objective, sample.start)), full.start);
  return finish(groups, await minimizeBfgsAsync(full.objective, warm.start, warm.options), full);
}

