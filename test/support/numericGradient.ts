/**
 * A reference gradient for tests of analytic gradients: central differences with Richardson
 * extrapolation, D(h) = [f(p + h eⱼ) − f(p − h eⱼ)] / 2h and (4 D(h/2) − D(h)) / 3, h = 10⁻³·pⱼ,
 * whose truncation error is O(h⁴) (about 10⁻¹² relative) and rounding about ε·|f|/h.
 * Example: f(p) = p₀² p₁ at (1, 2) gives (4, 1).
 */
export function richardsonGradient(f: (p: number[]) => number, p: readonly number[], relativeStep = 1e-3): number[] {
  return p.map((pj, j) => {
    const at = (delta: number) => f(p.map((v, i) => (i === j ? v + delta : v)));
    const diff = (h: number) => (at(h) - at(-h)) / (2 * h);
    const h = relativeStep * Math.abs(pj);
    return (4 * diff(h / 2) - diff(h)) / 3;
  });
}
