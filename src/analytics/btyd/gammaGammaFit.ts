/**
 * Maximum-likelihood fit of the Gamma-Gamma model of spend per transaction (Fader & Hardie 2013,
 * "The Gamma-Gamma model of monetary value"; Colombo & Jiang 1999): each transaction value is
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. For a customer with x repeat purchases whose
 * mean value is z̄ (x > 0), the full density of z̄ gives
 *
 *   ln f(z̄ | p, q, γ, x) = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln z̄ + px ln x
 *                          − (px + q) ln(γ + x z̄)
 *
 * (γ is called v in lifetimes and in the spilled block). Customers with x = 0 have no repeat
 * spend and are left out. ln L = Σ w · ln f is maximised over log-parameters by BFGS with the
 * analytic gradient
 *   ∂/∂p = x [ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)]
 *   ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄)
 *   ∂/∂γ = q/γ − (px + q)/(γ + x z̄)
 * from p = 1, q = 2, γ = mean z̄ (so that the population mean pγ/(q − 1) matches the data).
 * Example: CDNOW's 946 repeat buyers give p 6.25, q 3.74, γ 15.44, ln L −4055.92 (Fader & Hardie 2013).
 * Cost: O(n) per likelihood evaluation (one logarithm per customer; gamma functions once per
 * distinct x), typically 20–40 evaluations.
 */
import { indexDistinct } from "../numeric/distinctValues";
import { failValue } from "../errors";
import { runawayDescription } from "../numeric/fitBoundary";
import { standardErrors } from "../numeric/observedInformation";
import { BfgsResult, minimizeBfgs, minimizeBfgsAsync } from "../numeric/optimizeBfgs";
import { digammaDiff, lnGamma, lnGammaRatio } from "../numeric/specialFunctions";

export type GammaGammaParams = { readonly p: number; readonly q: number; readonly v: number };

export type GammaGammaFit = GammaGammaParams & {
  readonly logLikelihood: number;
  readonly standardErrors: GammaGammaParams;
  readonly evaluations: number;
  readonly iterations: number;
  /** Number of customers (rows with x > 0 and a positive weight) fitted. */
  readonly customers: number;
};

/** Why one row cannot enter the fit, or null. Rows with x = 0 are fine (and skipped). */
export function gammaGammaRowError(x: number, spend: number): string | null {
  if (!Number.isFinite(x) || x < 0 || Math.floor(x) !== x) return `x is ${x}; expected a whole number of repeat purchases, 0 or more`;
  if (x > 0 && (!Number.isFinite(spend) || spend <= 0)) {
    return `average_spend is ${spend}; a customer with repeat purchases needs an average spend above 0`;
  }
  return null;
}

type SpendData = {
  readonly n: number;
  readonly xIndex: Uint32Array;
  readonly xValues: Float64Array;
  /** x·z̄ per row. */
  readonly xz: Float64Array;
  readonly weight: Float64Array;
  /** Per distinct x: total weight, Σ w ln z̄, and W·ln x. */
  readonly weightOfX: Float64Array;
  readonly lnZOfX: Float64Array;
  readonly totalWeight: number;
  readonly meanSpend: number;
};

function prepare(x: ArrayLike<number>, spend: ArrayLike<number>, weights?: ArrayLike<number>): SpendData {
  const total = x.length;
  if (spend.length !== total || (weights && weights.length !== total)) {
    failValue(`x, average_spend${weights ? " and weights" : ""} must have the same number of rows`);
  }
  let n = 0;
  for (let i = 0; i < total; i++) {
    const reason = gammaGammaRowError(x[i], spend[i]);
    if (reason) failValue(`row ${i + 1}: ${reason}`);
    const w = weights ? weights[i] : 1;
    if (!Number.isFinite(w) || w < 0) failValue(`weights, row ${i + 1}: weight is ${w}; expected a number of 0 or more`);
    if (x[i] > 0 && w > 0) n++;
  }
  const keptX = new Float64Array(n);
  const xz = new Float64Array(n);
  const weight = new Float64Array(n);
  const lnZ = new Float64Array(n);
  let k = 0;
  let totalWeight = 0;
  let spendSum = 0;
  for (let i = 0; i < total; i++) {
    const w = weights ? weights[i] : 1;
    if (!(x[i] > 0 && w > 0)) continue;
    keptX[k] = x[i];
    xz[k] = x[i] * spend[i];
    weight[k] = w;
    lnZ[k] = Math.log(spend[i]);
    totalWeight += w;
    spendSum += w * spend[i];
    k++;
  }
  const { values: xValues, index: xIndex } = indexDistinct(keptX);
  const weightOfX = new Float64Array(xValues.length);
  const lnZOfX = new Float64Array(xValues.length);
  for (let i = 0; i < n; i++) {
    weightOfX[xIndex[i]] += weight[i];
    lnZOfX[xIndex[i]] += weight[i] * lnZ[i];
  }
  return { n, xIndex, xValues, xz, weight, weightOfX, lnZOfX, totalWeight, meanSpend: spendSum / totalWeight };
}

/**
 * Σ w ln f, with the gradient in (p, q, γ) when asked. Written with L = ln(1 + x z̄/γ) so that no
 * large terms cancel when q and γ run large together:
 *   ln f = [ln Γ(px+q) − ln Γ(q)] − ln Γ(px) + (px − 1) ln z̄ + px ln x − q L − px (ln γ + L)
 *   ∂/∂q = ψ(px+q) − ψ(q) − L;  ∂/∂γ = (q/γ) · x z̄/(γ + x z̄) − px/(γ + x z̄)
 * One log1p per customer; the rest once per distinct x.
 */
function logLikelihood(
  data: SpendData,
  { p, q, v }: GammaGammaParams,
  gradient?: Float64Array,
  sums: Float64Array = new Float64Array(3 * data.xValues.length),
): number {
  const nx = data.xValues.length;
  sums.fill(0);
  const { xIndex, xz, weight } = data;
  for (let i = 0; i < data.n; i++) {
    const k = 3 * xIndex[i];
    const w = weight[i];
    sums[k] += w * Math.log1p(xz[i] / v);
    if (gradient) {
      const inv = w / (v + xz[i]);
      sums[k + 1] += inv;
      sums[k + 2] += inv * xz[i];
    }
  }
  const lnV = Math.log(v);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  for (let k = 0; k < nx; k++) {
    const x = data.xValues[k];
    const W = data.weightOfX[k];
    const px = p * x;
    const lnX = Math.log(x);
    const sumL = sums[3 * k];
    ll += W * (lnGammaRatio(q, px) - lnGamma(px) + px * lnX - px * lnV) + (px - 1) * data.lnZOfX[k] - (q + px) * sumL;
    if (gradient) {
      dp += x * (W * (digammaDiff(px, q) + lnX - lnV) + data.lnZOfX[k] - sumL);
      dq += W * digammaDiff(q, px) - sumL;
      dv += (q / v) * sums[3 * k + 2] - px * sums[3 * k + 1];
    }
  }
  if (gradient) {
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dv;
  }
  return ll;
}

/** ln f for one customer (x > 0). Example: see the file comment. O(1). */
export function gammaGammaCustomerLogLikelihood({ p, q, v }: GammaGammaParams, x: number, spend: number): number {
  const px = p * x;
  const L = Math.log1p((x * spend) / v);
  return lnGammaRatio(q, px) - lnGamma(px) + (px - 1) * Math.log(spend) + px * Math.log(x) - q * L - px * (Math.log(v) + L);
}

const NAMES = ["p", "q", "v"] as const;
const LOG_BOUND = 25;
const MAX_RELATIVE_ERROR = 100;
const WHY = "the data cannot identify the Gamma-Gamma model";
/** What a parameter running off to 0 or infinity means for this model. */
const HINTS: Record<string, string> = {
  "q:infinity": "average spend hardly differs between customers beyond chance",
  "v:infinity": "average spend hardly differs between customers beyond chance",
  "p:infinity": "each customer's spend hardly varies from purchase to purchase",
};

function setUp(data: SpendData) {
  if (data.n === 0) failValue(`${WHY}: nobody made a repeat purchase (every x is 0), so there is no repeat spend to model`);
  if (data.n === 1) failValue(`${WHY}: only one customer has repeat purchases; give one row per customer`);
  const sums = new Float64Array(3 * data.xValues.length);
  const gradP = new Float64Array(3);
  const W = data.totalWeight;
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    if (theta.some((t) => Math.abs(t) > 2 * LOG_BOUND)) return NaN;
    const params = { p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) };
    const ll = logLikelihood(data, params, gradP, sums);
    gradient[0] = (-gradP[0] * params.p) / W;
    gradient[1] = (-gradP[1] * params.q) / W;
    gradient[2] = (-gradP[2] * params.v) / W;
    return -ll / W;
  };
  return { objective, start: [0, Math.log(2), Math.log(data.meanSpend)], sums };
}

function finish(data: SpendData, result: BfgsResult, sums: Float64Array): GammaGammaFit {
  const theta = result.theta;
  const runaway = () => {
    const description = runawayDescription(NAMES, theta, HINTS);
    return description ? `${WHY}: the likelihood keeps rising as ${description}, so it has no finite maximum` : null;
  };
  if (theta.some((t) => Math.abs(t) > LOG_BOUND)) failValue(runaway()!);
  if (!result.converged && !(result.gradientNorm < 1e-6)) {
    failValue(runaway() ?? `${WHY}: the fit did not converge (largest gradient ${result.gradientNorm.toExponential(2)} after ${result.iterations} iterations)`);
  }
  const params = { p: Math.exp(theta[0]), q: Math.exp(theta[1]), v: Math.exp(theta[2]) };
  const errors = standardErrors(
    (t, out) => logLikelihood(data, { p: t[0], q: t[1], v: t[2] }, out, sums),
    [params.p, params.q, params.v],
  );
  if (!errors) failValue(runaway() ?? `${WHY}: the likelihood is flat or not at a maximum there (the information matrix is not positive definite)`);
  const values = [params.p, params.q, params.v];
  for (let i = 0; i < 3; i++) {
    if (errors[i] > MAX_RELATIVE_ERROR * values[i]) {
      failValue(
        runaway() ??
          `${WHY}: ${NAMES[i]} is not pinned down (estimate ${values[i].toPrecision(3)}, standard error ${errors[i].toPrecision(3)}); the spends vary too little between or within customers`,
      );
    }
  }
  return {
    ...params,
    logLikelihood: logLikelihood(data, params, undefined, sums),
    standardErrors: { p: errors[0], q: errors[1], v: errors[2] },
    evaluations: result.evaluations,
    iterations: result.iterations,
    customers: data.n,
  };
}

/** Fits x and average repeat spend columns (rows with x = 0 skipped). Example: see the file comment. */
export function gammaGammaFit(x: ArrayLike<number>, spend: ArrayLike<number>, weights?: ArrayLike<number>): GammaGammaFit {
  const data = prepare(x, spend, weights);
  const { objective, start, sums } = setUp(data);
  return finish(data, minimizeBfgs(objective, start), sums);
}

/** gammaGammaFit that yields to the host between likelihood evaluations, for large inputs. */
export async function gammaGammaFitAsync(x: ArrayLike<number>, spend: ArrayLike<number>, weights?: ArrayLike<number>): Promise<GammaGammaFit> {
  const data = prepare(x, spend, weights);
  const { objective, start, sums } = setUp(data);
  return finish(data, await minimizeBfgsAsync(objective, start), sums);
}
