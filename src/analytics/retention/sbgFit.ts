/**
 * Maximum-likelihood fit of the shifted-beta-geometric (sBG) model to the
 * survivors of one contract cohort (Fader & Hardie 2007, "How to project
 * customer retention", equation 8 and appendix).
 *
 * Input c_0, c_1, …, c_n: the customers still active at the start of each period,
 * c_0 being the cohort size. With P(T = t) and S(t) of sbgProjection.ts,
 *   LL(α, β) = Σ_{t=1..n} (c_{t−1} − c_t) · ln P(T = t) + c_n · ln S(n).
 * Collecting the factors of P and S by period gives the same sum as
 *   LL = (c_0 − c_n) · ln α + Σ_{i=0..n−1} [c_{i+1} · ln(β + i) − c_i · ln(α + β + i)],
 * whose derivatives are plain sums of 1/(x + i) terms, so the fit needs no special
 * functions. Percentages instead of counts scale LL by a constant and give the same
 * α and β (LL is then on the scale of the input).
 *
 * Method: Newton's method on (ln α, ln β) with the exact gradient and Hessian,
 * damped Levenberg–Marquardt style so that every accepted step raises LL, starting
 * from α = β = 1; it stops when a step changes ln α and ln β by less than 1e-12.
 * (Own 2-parameter optimiser; no shared minimiser is needed.)
 *
 * Reference (the paper, table 1 data, years 0–7, 1000 customers each):
 *   regular: 1000, 631, 468, 382, 326, 289, 262, 241 → α = 0.704, β = 1.182, LL = −1680.27;
 *   high end: 1000, 869, 743, 653, 593, 551, 517, 491 → α = 0.668, β = 3.806, LL = −1611.16.
 *
 * Cost: O(n) per iteration, typically 10–20 iterations.
 */
import { fail, failValue } from "../errors";

export type SbgFit = {
  readonly alpha: number;
  readonly beta: number;
  readonly logLikelihood: number;
  readonly iterations: number;
};

/** The log-likelihood of α, β for survivors c_0 … c_n. O(n). */
export function sbgLogLikelihood(alpha: number, beta: number, survivors: ArrayLike<number>): number {
  const n = survivors.length - 1;
  let ll = survivors[0] > survivors[n] ? (survivors[0] - survivors[n]) * Math.log(alpha) : 0;
  for (let i = 0; i < n; i++) {
    const kept = survivors[i + 1];
    if (kept > 0) ll += kept * Math.log(beta + i);
    ll -= survivors[i] * Math.log(alpha + beta + i);
  }
  return ll;
}

/** Why survivor counts cannot be fitted (whole-call #VALUE!), checked before fitting. Rows are 1-based. */
export function checkSurvivors(survivors: ArrayLike<number>): void {
  const n = survivors.length;
  if (n < 3) {
    failValue(
      `customers_remaining: expected at least 3 values (the cohort size, then the customers left after each of 2 or more periods), found ${n}`,
    );
  }
  const size = survivors[0];
  if (!(size > 0)) failValue(`customers_remaining, row 1: the cohort size must be above 0, found ${size}`);
  for (let t = 1; t < n; t++) {
    const c = survivors[t];
    if (c < 0) failValue(`customers_remaining, row ${t + 1}: expected a count of 0 or more, found ${c}`);
    if (c > size) failValue(`customers_remaining, row ${t + 1}: ${c} is above the cohort size ${size} (row 1)`);
    if (c > survivors[t - 1]) {
      failValue(
        `customers_remaining, row ${t + 1}: ${c} is more than the ${survivors[t - 1]} of row ${t}; customers remaining cannot increase`,
      );
    }
  }
  if (survivors[n - 1] === size) {
    failValue("customers_remaining: no customer left in any period, so there is no churn to fit the model to");
  }
  if (survivors[1] === 0) {
    failValue("customers_remaining: every customer left in the first period, so there is no renewal to fit the model to");
  }
}

type Derivatives = { ll: number; gu: number; gv: number; huu: number; huv: number; hvv: number };

/** LL with its gradient and Hessian in (u, v) = (ln α, ln β). */
function derivatives(u: number, v: number, c: ArrayLike<number>): Derivatives {
  const alpha = Math.exp(u);
  const beta = Math.exp(v);
  const n = c.length - 1;
  const churned = c[0] - c[n];
  let ga = churned / alpha;
  let gb = 0;
  let haa = -churned / (alpha * alpha);
  let hab = 0;
  let hbb = 0;
  for (let i = 0; i < n; i++) {
    const atRisk = c[i] / (alpha + beta + i);
    const atRisk2 = atRisk / (alpha + beta + i);
    const kept = c[i + 1] / (beta + i);
    ga -= atRisk;
    gb += kept - atRisk;
    haa += atRisk2;
    hab += atRisk2;
    hbb += atRisk2 - kept / (beta + i);
  }
  return {
    ll: sbgLogLikelihood(alpha, beta, c),
    gu: alpha * ga,
    gv: beta * gb,
    huu: alpha * alpha * haa + alpha * ga,
    huv: alpha * beta * hab,
    hvv: beta * beta * hbb + beta * gb,
  };
}

const MAX_ITERATIONS = 500;
/** |ln α| or |ln β| beyond this means the maximum lies at a boundary (α or β → 0 or ∞). */
const LOG_BOUND = 25;

/** The maximum-likelihood α and β of survivor counts c_0 … c_n (see the checks in checkSurvivors). */
export function sbgFit(survivors: ArrayLike<number>): SbgFit {
  checkSurvivors(survivors);
  let u = 0;
  let v = 0;
  let at = derivatives(u, v, survivors);
  let damping = 0;
  let iterations = 0;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    // Solve (−H + damping·I) step = g, a Newton step when damping is 0.
    let accepted = false;
    let size = Infinity;
    for (let tries = 0; tries < 60 && !accepted; tries++) {
      const a = -at.huu + damping;
      const b = -at.huv;
      const d = -at.hvv + damping;
      const det = a * d - b * b;
      if (!(a > 0 && det > 0)) {
        damping = Math.max(damping * 10, 1e-6 * (Math.abs(at.huu) + Math.abs(at.hvv)) + 1e-12);
        continue;
      }
      let du = (d * at.gu - b * at.gv) / det;
      let dv = (a * at.gv - b * at.gu) / det;
      const length = Math.hypot(du, dv);
      if (length > 2) {
        du *= 2 / length;
        dv *= 2 / length;
      }
      const next = derivatives(u + du, v + dv, survivors);
      if (Number.isFinite(next.ll) && next.ll >= at.ll) {
        u += du;
        v += dv;
        at = next;
        size = Math.max(Math.abs(du), Math.abs(dv));
        damping = damping / 10 < 1e-12 ? 0 : damping / 10;
        accepted = true;
      } else {
        damping = Math.max(damping * 10, 1e-6 * (Math.abs(at.huu) + Math.abs(at.hvv)) + 1e-12);
      }
    }
    if (!accepted || size < 1e-12) break;
    if (Math.abs(u) > LOG_BOUND || Math.abs(v) > LOG_BOUND) break;
  }
  const offBounds = Math.abs(u) > LOG_BOUND || Math.abs(v) > LOG_BOUND;
  if (offBounds && u > LOG_BOUND / 2 && v > LOG_BOUND / 2) {
    fail(
      "#VALUE!",
      "customers_remaining: retention does not rise over these periods, so the best sBG fit is one churn probability for everyone (alpha and beta run off to infinity); use a constant retention rate instead",
    );
  }
  if (offBounds || !Number.isFinite(at.ll)) {
    fail(
      "#VALUE!",
      "customers_remaining: the sBG model has no best fit for these counts (alpha or beta runs off to 0 or infinity); the churn pattern is not one of renewals by customers of varying loyalty",
    );
  }
  // Converged when the gradient is negligible against the size of the data.
  const scale = survivors[0];
  if (Math.abs(at.gu) > 1e-6 * scale || Math.abs(at.gv) > 1e-6 * scale) {
    fail("#VALUE!", "customers_remaining: the sBG fit did not converge");
  }
  return { alpha: Math.exp(u), beta: Math.exp(v), logLikelihood: at.ll, iterations };
}
