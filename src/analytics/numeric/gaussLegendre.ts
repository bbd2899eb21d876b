/**
 * Gauss–Legendre quadrature: ∫ₐᵇ f(y) dy ≈ (b − a)/2 · Σᵢ wᵢ f((a + b)/2 + (b − a)/2 · xᵢ) with the
 * n nodes xᵢ (roots of the Legendre polynomial Pₙ) and weights wᵢ = 2 / ((1 − xᵢ²) Pₙ'(xᵢ)²)
 * (Abramowitz & Stegun 25.4.29). Nodes by Newton's method from the start cos(π(i − ¼)/(n + ½))
 * (Press et al., Numerical Recipes 3rd ed., §4.6). Exact for polynomials of degree 2n − 1; for an
 * integrand e^g(y) whose log g varies by V ≲ 2 over [a, b] and is analytic nearby, 16 nodes give
 * about machine precision.
 * Example: gaussLegendre(16) integrates y¹⁵ over [0, 1] to 1/16 exactly (to rounding). Cost O(n²)
 * once per n; the nodes are cached.
 */
export type GaussLegendreRule = { readonly nodes: Float64Array; readonly weights: Float64Array };

const cache = new Map<number, GaussLegendreRule>();

/** The n-point rule on [−1, 1]. n ≥ 1. */
export function gaussLegendre(n: number): GaussLegendreRule {
  const cached = cache.get(n);
  if (cached) return cached;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n is ${n}; expected a whole number of nodes, 1 or more`);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P₀ … Pₙ at x by the three-term recurrence (j+1)P_{j+1} = (2j+1)x P_j − j P_{j−1}.
      let p0 = 1;
      let p1 = x;
      for (let j = 1; j < n; j++) {
        const p2 = ((2 * j + 1) * x * p1 - j * p0) / (j + 1);
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pPrev = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pPrev)) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  const rule = { nodes, weights };
  cache.set(n, rule);
  return rule;
}
