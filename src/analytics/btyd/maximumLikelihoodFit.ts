/**
 * Maximum-likelihood fit of a buy-till-you-die model with positive parameters p₁ … p_d:
 *
 *   θ̂ = argmin −ln L(e^θ) / W   (W = Σ weights),  p̂ = e^θ̂
 *
 * by BFGS (optimizeBfgs.ts). When the problem gives the analytic gradient of ln L in p
 * (`logLikelihoodGradient`: MBG/NBD, Pareto/NBD), the gradient in θ is ∂f/∂θⱼ = −pⱼ ∂ln L/∂pⱼ / W,
 * one evaluation per step, and the standard errors difference that gradient with the default step
 * of observedInformation.ts. Otherwise (BG/BB) the gradient in θ is taken by central differences,
 *   ∂f/∂θⱼ ≈ [f(θ + h eⱼ) − f(θ − h eⱼ)] / 2h,  h = 10⁻⁵,
 * (truncation error about h² = 10⁻¹⁰ of the curvature, rounding about 10⁻¹¹), and the standard
 * errors from the observed information (observedInformation.ts) difference a gradient of
 * ln L in p taken the same way, both with hⱼ = 3·10⁻⁴·pⱼ (about ε^¼: the Hessian is a second
 * difference of ln L, so its rounding is ε·|ln L| / (h_g·h_H) and its truncation h²; with the
 * Hessian's step at 10⁻⁵ the rounding of ln L, some 10⁻¹¹ on CDNOW's −9594.97, moved the
 * Pareto/NBD SE of β, along its flat ridge, anywhere from 6.199 (Node) to 6.213 (Chromium) by
 * engine and build, while an independent computation gives 6.211; at 3·10⁻⁴ both give 6.211).
 * A maximum at the edge of the parameter space (|θ| > 25, or a standard error over 100 times its
 * estimate, or an information matrix that is not positive definite) fails with #VALUE! and the
 * model's words for it (fitBoundary.ts).
 * Example: with ln L(p) = −Σ (ln pⱼ − cⱼ)², the fit returns p = e^c. Cost: one likelihood-and-
 * gradient evaluation per step with the analytic gradient, else (2d + 1) likelihood evaluations;
 * typically 30–80 steps, plus 2d gradients for the errors.
 */
import { failValue } from "../errors";
import { runawayDescription } from "../numeric/fitBoundary";
import { standardErrors } from "../numeric/observedInformation";
import { BfgsResult, minimizeBfgs, minimizeBfgsAsync } from "../numeric/optimizeBfgs";

export type MaximumLikelihoodProblem = {
  /** The model's name in messages, e.g. "Pareto/NBD". */
  readonly model: string;
  readonly names: readonly string[];
  /** Σ w ln L at positive parameters p (NaN or −Infinity where it cannot be evaluated). */
  readonly logLikelihood: (p: Float64Array) => number;
  /** Σ w ln L at p, writing ∂ ln L/∂pⱼ into `gradient`; when absent, central differences of logLikelihood. */
  readonly logLikelihoodGradient?: (p: Float64Array, gradient: Float64Array) => number;
  readonly start: readonly number[];
  readonly totalWeight: number;
  /** What a parameter running off to 0 or infinity means: keys "name:0" and "name:infinity". */
  readonly hints: Readonly<Record<string, string>>;
};

export type MaximumLikelihoodEstimate = {
  readonly estimates: Float64Array;
  readonly standardErrors: Float64Array;
  readonly logLikelihood: number;
  readonly evaluations: number;
  readonly iterations: number;
};

const LOG_BOUND = 25;
const MAX_RELATIVE_ERROR = 100;
const STEP = 1e-5;
/** Relative step of both differences behind the standard errors (see the file comment). */
const INFORMATION_STEP = 3e-4;

function objectiveOf(problem: MaximumLikelihoodProblem) {
  const d = problem.names.length;
  const p = new Float64Array(d);
  const analytic = problem.logLikelihoodGradient;
  if (analytic) {
    const gradP = new Float64Array(d);
    const W = problem.totalWeight;
    return (theta: Float64Array, gradient: Float64Array): number => {
      for (let j = 0; j < d; j++) {
        if (!(Math.abs(theta[j]) <= 2 * LOG_BOUND)) return NaN;
        p[j] = Math.exp(theta[j]);
      }
      const ll = analytic(p, gradP);
      if (!Number.isFinite(ll)) return NaN;
      for (let j = 0; j < d; j++) {
        gradient[j] = (-gradP[j] * p[j]) / W;
        if (!Number.isFinite(gradient[j])) return NaN;
      }
      return -ll / W;
    };
  }
  const value = (theta: ArrayLike<number>): number => {
    for (let j = 0; j < d; j++) {
      if (!(Math.abs(theta[j]) <= 2 * LOG_BOUND)) return NaN;
      p[j] = Math.exp(theta[j]);
    }
    const ll = problem.logLikelihood(p);
    return Number.isFinite(ll) ? -ll / problem.totalWeight : NaN;
  };
  const shifted = new Float64Array(d);
  return (theta: Float64Array, gradient: Float64Array): number => {
    const f = value(theta);
    if (!Number.isFinite(f)) return f;
    shifted.set(theta);
    for (let j = 0; j < d; j++) {
      shifted[j] = theta[j] + STEP;
      const up = value(shifted);
      shifted[j] = theta[j] - STEP;
      const down = value(shifted);
      shifted[j] = theta[j];
      gradient[j] = (up - down) / (2 * STEP);
      if (!Number.isFinite(gradient[j])) return NaN;
    }
    return f;
  };
}

function finish(problem: MaximumLikelihoodProblem, result: BfgsResult): MaximumLikelihoodEstimate {
  const { model, names, hints } = problem;
  const d = names.length;
  const why = `the data cannot identify the ${model} model`;
  const theta = result.theta;
  const runaway = () => {
    const description = runawayDescription(names, theta, hints);
    return description ? `${why}: the likelihood keeps rising as ${description}, so it has no finite maximum` : null;
  };
  if (theta.some((t) => Math.abs(t) > LOG_BOUND)) failValue(runaway()!);
  if (!result.converged && !(result.gradientNorm < 1e-6)) {
    failValue(runaway() ?? `${why}: the fit did not converge (largest gradient ${result.gradientNorm.toExponential(2)} after ${result.iterations} iterations)`);
  }
  const estimates = Float64Array.from(theta, Math.exp);
  const shifted = new Float64Array(d);
  const gradient = (p: Float64Array, out: Float64Array) => {
    shifted.set(p);
    for (let j = 0; j < d; j++) {
      const h = INFORMATION_STEP * p[j];
      shifted[j] = p[j] + h;
      const up = problem.logLikelihood(shifted);
      shifted[j] = p[j] - h;
      const down = problem.logLikelihood(shifted);
      shifted[j] = p[j];
      out[j] = (up - down) / (2 * h);
    }
  };
  const analytic = problem.logLikelihoodGradient;
  const errors = analytic ? standardErrors((p, out) => void analytic(p, out), estimates) : standardErrors(gradient, estimates, INFORMATION_STEP);
  if (!errors || errors.some((e) => !Number.isFinite(e))) {
    failValue(runaway() ?? `${why}: the likelihood is flat or not at a maximum there (the information matrix is not positive definite)`);
  }
  for (let j = 0; j < d; j++) {
    if (errors[j] > MAX_RELATIVE_ERROR * estimates[j]) {
      failValue(
        runaway() ??
          `${why}: ${names[j]} is not pinned down (estimate ${estimates[j].toPrecision(3)}, standard error ${errors[j].toPrecision(3)}); the data show too little repeat buying, dropout or difference between customers`,
      );
    }
  }
  return {
    estimates,
    standardErrors: errors,
    logLikelihood: problem.logLikelihood(estimates),
    evaluations: result.evaluations,
    iterations: result.iterations,
  };
}

const startOf = (problem: MaximumLikelihoodProblem) => problem.start.map(Math.log);

/** Fits the problem. Example: see the file comment. */
export function maximumLikelihoodFit(problem: MaximumLikelihoodProblem): MaximumLikelihoodEstimate {
  return finish(problem, minimizeBfgs(objectiveOf(problem), startOf(problem)));
}

/** maximumLikelihoodFit that yields to the host between gradient evaluations. */
export async function maximumLikelihoodFitAsync(problem: MaximumLikelihoodProblem): Promise<MaximumLikelihoodEstimate> {
  return finish(problem, await minimizeBfgsAsync(objectiveOf(problem), startOf(problem)));
}
