/**
 * Draws customer histories from a known BG/NBD model (Fader, Hardie & Lee 2005, §2), for the
 * recovery test and the benchmarks:
 * - each customer's purchase rate λ ~ Gamma(shape r, rate α) and dropout probability
 *   p ~ Beta(a, b);
 * - the first purchase is at time 0; waiting times between purchases are Exponential(λ);
 * - right after each repeat purchase the customer drops out with probability p;
 * - the customer is watched for T, drawn uniformly from [minT, maxT].
 * x counts repeat purchases up to T, t_x is the time of the last one (0 when x = 0).
 * With `wholeDays`, times are drawn in days and t_x and T are rounded down to whole days
 * (as an order log gives them).
 * Gamma draws by Marsaglia & Tsang (2000), with the u^(1/shape) boost for shape < 1; normal draws
 * by Box–Muller; uniform draws from a seeded mulberry32, so every run gives the same customers.
 */
export type SimulatedCustomers = { readonly x: Float64Array; readonly tx: Float64Array; readonly T: Float64Array };

export type SimulationOptions = {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  readonly n: number;
  readonly minT: number;
  readonly maxT: number;
  readonly seed: number;
  readonly wholeDays?: boolean;
};

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) draws from a uniform source (Marsaglia & Tsang 2000). */
export function gammaSampler(uniform: () => number): (shape: number) => number {
  const normal = () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const draw = (shape: number): number => {
    if (shape < 1) return draw(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - uniform();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return draw;
}

export function simulateBgnbd(o: SimulationOptions): SimulatedCustomers {
  const uniform = mulberry32(o.seed);
  const gamma = gammaSampler(uniform);
  const x = new Float64Array(o.n);
  const tx = new Float64Array(o.n);
  const T = new Float64Array(o.n);
  for (let i = 0; i < o.n; i++) {
    const lambda = gamma(o.r) / o.alpha;
    const g1 = gamma(o.a);
    const p = g1 / (g1 + gamma(o.b));
    let horizon = o.minT + (o.maxT - o.minT) * uniform();
    if (o.wholeDays) horizon = Math.floor(horizon);
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (!(t <= horizon)) break;
      count++;
      last = t;
      if (uniform() < p) break;
    }
    x[i] = count;
    tx[i] = o.wholeDays ? Math.floor(last) : last;
    T[i] = horizon;
  }
  return { x, tx, T };
}

/**
 * Average repeat spend z̄ per customer drawn from a known Gamma-Gamma model (Fader & Hardie 2013):
 * ν ~ Gamma(q, rate v) per customer, and the mean of x values Gamma(p, rate ν) is Gamma(p·x, rate ν·x).
 * 0 for customers with x = 0.
 */
export function simulateSpend(x: ArrayLike<number>, o: { p: number; q: number; v: number; seed: number }): Float64Array {
  const uniform = mulberry32(o.seed);
  const gamma = gammaSampler(uniform);
  const z = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (x[i] === 0) continue;
    const nu = gamma(o.q) / o.v;
    z[i] = gamma(o.p * x[i]) / (nu * x[i]);
  }
  return z;
}
