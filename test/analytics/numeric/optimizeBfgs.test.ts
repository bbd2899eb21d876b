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
