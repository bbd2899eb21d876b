import { invertPositiveDefinite, standardErrors } from "../../../src/analytics/numeric/observedInformation";

describe("standardErrors", () => {
  it("is σ for a normal log-likelihood −(θ − μ)² / 2σ²", () => {
    // ∂lnL/∂θ = −(θ − 3)/0.25, so the information is 4 and SE = 1/√4 = 0.5.
    const se = standardErrors((t, g) => (g[0] = -(t[0] - 3) / 0.25), [3]);
    expect(se![0]).toBeCloseTo(0.5, 8);
  });

  it("inverts the whole information matrix, not just its diagonal", () => {
    // lnL = −½ θᵀ I θ with I = [[2, 1], [1, 2]]; I⁻¹ = [[2/3, −1/3], [−1/3, 2/3]], SE = √(2/3).
    const se = standardErrors((t, g) => {
      g[0] = -(2 * t[0] + t[1]);
      g[1] = -(t[0] + 2 * t[1]);
    }, [1, 1]);
    expect(se![0]).toBeCloseTo(Math.sqrt(2 / 3), 7);
    expect(se![1]).toBeCloseTo(Math.sqrt(2 / 3), 7);
  });

  it("gives the same errors by forward differences, within their O(h) error", () => {
    // Poisson: lnL(λ) = S ln λ − nλ with n = 50, S = 120; λ̂ = 2.4, I = S/λ̂² = n/λ̂, SE = √(λ̂/n) = √0.048.
    // The third derivative makes forward differences off by about h·|λ̂|⁻¹ relative (h = 10⁻⁵·λ̂).
    const poisson = (t: Float64Array, g: Float64Array) => (g[0] = 120 / t[0] - 50);
    const central = standardErrors(poisson, [2.4])![0];
    const forward = standardErrors(poisson, [2.4], undefined, { forward: true })![0];
    expect(central).toBeCloseTo(Math.sqrt(0.048), 9);
    expect(Math.abs(forward / Math.sqrt(0.048) - 1)).toBeLessThan(1e-5);
    expect(Math.abs(forward / Math.sqrt(0.048) - 1)).toBeGreaterThan(1e-7); // it is a different formula
    // Off-diagonal terms too: the 2×2 quadratic case above is exact either way.
    const se = standardErrors((t, g) => {
      g[0] = -(2 * t[0] + t[1]);
      g[1] = -(t[0] + 2 * t[1]);
    }, [1, 1], undefined, { forward: true });
    expect(se![0]).toBeCloseTo(Math.sqrt(2 / 3), 7);
    expect(se![1]).toBeCloseTo(Math.sqrt(2 / 3), 7);
  });

  it("is null at a saddle or a flat likelihood", () => {
    expect(standardErrors((t, g) => (g[0] = t[0]), [1])).toBeNull(); // lnL = θ²/2: a minimum, not a maximum
    expect(standardErrors((_, g) => (g[0] = 0), [1])).toBeNull();
  });
});

describe("invertPositiveDefinite", () => {
  it("inverts a 3×3 matrix", () => {
    const m = [4, 2, 0, 2, 5, 1, 0, 1, 3];
    const inv = invertPositiveDefinite(m, 3)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += m[i * 3 + k] * inv[k * 3 + j];
        expect(sum).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});
