/**
 * Draws customer histories from known Pareto/NBD, MBG/NBD and BG/BB models, for the recovery
 * tests and the benchmarks (seeded, so every run gives the same customers):
 * - Pareto/NBD (Schmittlein, Morrison & Colombo 1987): λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β),
 *   lifetime τ ~ Exponential(μ); purchases a Poisson(λ) process from the first purchase at 0
 *   until min(τ, T).
 * - MBG/NBD (Batislam et al. 2007): λ ~ Gamma(r, α), p ~ Beta(a, b); the customer drops out with
 *   probability p right after the first purchase and after each repeat purchase.
 * - BG/BB (Fader, Hardie & Shang 2010): p ~ Beta(α, β), θ ~ Beta(γ, δ); at the start of each of
 *   the n opportunities the customer dies with probability θ, else transacts with probability p.
 * T is uniform on [minT, maxT], rounded down to a multiple of `step` when one is given. With
 * `step`, t_x is binned to the middle of its step (k + ½)·step (capped at T; 0 stays 0), so that
 * customers group into few distinct histories while the binning moves t_x by no more than half a
 * step either way and on average not at all (rounding down would make everyone look a little
 * less alive and bias s and β by about 2 standard errors at 50,000 customers).
 */
import { gammaSampler, mulberry32, SimulatedCustomers } from "./simulateBgnbd";

export type TimeSimulation = { readonly n: number; readonly minT: number; readonly maxT: number; readonly seed: number; readonly step?: number };

const roundDown = (value: number, step?: number) => (step ? Math.floor(value / step + 1e-9) * step : value);
const bin = (value: number, horizon: number, step?: number) =>
  step && value > 0 ? Math.min(horizon, (Math.floor(value / step) + 0.5) * step) : value;

export function simulateParetoNbd(p: { r: number; alpha: number; s: number; beta: number }, o: TimeSimulation): SimulatedCustomers {
  const uniform = mulberry32(o.seed);
  const gamma = gammaSampler(uniform);
  const x = new Float64Array(o.n);
  const tx = new Float64Array(o.n);
  const T = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) {
    const lambda = gamma(p.r) / p.alpha;
    const mu = gamma(p.s) / p.beta;
    const horizon = roundDown(o.minT + (o.maxT - o.minT) * uniform(), o.step);
    const end = Math.min(horizon, -Math.log(1 - uniform()) / mu);
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (!(t <= end)) break;
      count++;
      last = t;
    }
    x[i] = count;
    tx[i] = bin(last, horizon, o.step);
    T[i] = horizon;
  }
  return { x, tx, T };
}

export function simulateMbgnbd(p: { r: number; alpha: number; a: number; b: number }, o: TimeSimulation): SimulatedCustomers {
  const uniform = mulberry32(o.seed);
  const gamma = gammaSampler(uniform);
  const x = new Float64Array(o.n);
  const tx = new Float64Array(o.n);
  const T = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) {
    const lambda = gamma(p.r) / p.alpha;
    const g1 = gamma(p.a);
    const drop = g1 / (g1 + gamma(p.b));
    const horizon = roundDown(o.minT + (o.maxT - o.minT) * uniform(), o.step);
    let t = 0;
    let count = 0;
    let last = 0;
    if (!(uniform() < drop)) {
      for (;;) {
        t += -Math.log(1 - uniform()) / lambda;
        if (!(t <= horizon)) break;
        count++;
        last = t;
        if (uniform() < drop) break;
      }
    }
    x[i] = count;
    tx[i] = bin(last, horizon, o.step);
    T[i] = horizon;
  }
  return { x, tx, T };
}

export type SimulatedBgbb = { readonly x: Float64Array; readonly tx: Float64Array; readonly n: Float64Array };

/** Every customer gets `opportunities` opportunities. */
export function simulateBgbb(p: { alpha: number; beta: number; gamma: number; delta: number }, customers: number, opportunities: number, seed: number): SimulatedBgbb {
  const uniform = mulberry32(seed);
  const gamma = gammaSampler(uniform);
  const beta = (a: number, b: number) => {
    const g = gamma(a);
    return g / (g + gamma(b));
  };
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const n = new Float64Array(customers).fill(opportunities);
  for (let i = 0; i < customers; i++) {
    const pi = beta(p.alpha, p.beta);
    const theta = beta(p.gamma, p.delta);
    for (let k = 1; k <= opportunities; k++) {
      if (uniform() < theta) break;
      if (uniform() < pi) {
        x[i]++;
        tx[i] = k;
      }
    }
  }
  return { x, tx, n };
}
