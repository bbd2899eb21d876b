import { minimizeBfgs, minimizeBfgsAsync } from "../../../src/analytics/numeric/optimizeBfgs";

const quadratic = (t: Float64Array, g: Float64Array) => {
  // f = (θ₀ − 1)² + 10 (θ₁ + 2)², minimum 0 at (1, −2).
  g[0] = 2 * (t[0] - 1);
  g[1] = 20 * (t[1] + 2);
  return (t[0] - 1) ** 2 + 10 * (t[1] + 2) ** 2;
};

const rosenbrock = (t: Float64Array, g: Float64Array) => {
  // f = (1 − θ₀)² + 100 (θ₁ − θ₀²)², minimum 0 at (1, 1).
  g[0] = -2 * (1 - t[0]) - 400 * t[0] * (t[1] - t[0] * t[0]);
  g[1] = 200 * (t[1] - t[0] * t[0]);
  return (1 - t[0]) ** 2 + 100 * (t[1] - t[0] * t[0]) ** 2;
};

describe("minimizeBfgs", () => {
  it("finds the minimum of a quadratic", () => {
    const result = minimizeBfgs(quadratic, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.theta[0]).toBeCloseTo(1, 8);
    expect(result.theta[1]).toBeCloseTo(-2, 8);
    expect(result.evaluations).toBeLessThan(40);
  });

  it("follows Rosenbrock's curved valley to (1, 1)", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 1000 });
    expect(result.theta[0]).toBeCloseTo(1, 6);
    expect(result.theta[1]).toBeCloseTo(1, 6);
  });

  it("shortens steps that land where the objective cannot be evaluated", () => {
    // f = θ² − ln θ is undefined for θ ≤ 0; minimum at θ = 1/√2.
    const f = (t: Float64Array, g: Float64Array) => {
      g[0] = 2 * t[0] - 1 / t[0];
      return t[0] > 0 ? t[0] * t[0] - Math.log(t[0]) : NaN;
    };
    const result = minimizeBfgs(f, [3]);
    expect(result.theta[0]).toBeCloseTo(Math.SQRT1_2, 8);
  });

  it("takes a step that meets the gradient tolerance when only rounding keeps f from falling", () => {
    // The fits' f is −ln L / n summed over millions of groups: near the minimum the decrease
    // Armijo asks for (here 10⁻¹⁶) is below the sum's rounding (here 10⁻¹¹ added away from the
    // start). The exact Newton step lands on the minimum (1, −2), where the gradient is 0.
    const start = [1 + 1e-8, -2];
    const noisy = (t: Float64Array, g: Float64Array) => {
      const rounding = t[0] === start[0] && t[1] === start[1] ? 0 : 1e-11;
      return 10 + quadratic(t, g) + rounding;
    };
    const result = minimizeBfgs(noisy, start, { initialInverseHessian: Float64Array.from([0.5, 0, 0, 0.05]) });
    expect(result.converged).toBe(true);
    expect(result.evaluations).toBe(2);
    expect(result.theta[0]).toBe(1);
    expect(result.theta[1]).toBe(-2);
  });

  it("still refuses a step to a clearly higher f, whatever its gradient", () => {
    // f jumps by 10⁻⁶ (far above rounding) away from the start: the step must not be taken.
    const start = [1 + 1e-8, -2];
    const jump = (t: Float64Array, g: Float64Array) => 10 + quadratic(t, g) + (t[0] === start[0] && t[1] === start[1] ? 0 : 1e-6);
    const result = minimizeBfgs(jump, start, { initialInverseHessian: Float64Array.from([0.5, 0, 0, 0.05]) });
    expect(result.converged).toBe(false);
    expect(result.theta[0]).toBe(start[0]);
  });

  it("reports a start where the objective is not finite as not converged", () => {
    const result = minimizeBfgs(() => NaN, [0]);
    expect(result.converged).toBe(false);
  });

  it("gives the same answer when run asynchronously", async () => {
    const result = await minimizeBfgsAsync(quadratic, [0, 0], undefined, 0);
    expect(result.theta[0]).toBeCloseTo(1, 8);
    expect(result.evaluations).toBe(minimizeBfgs(quadratic, [0, 0]).evaluations);
  });
});
