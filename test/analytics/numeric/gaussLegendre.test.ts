import { gaussLegendre } from "../../../src/analytics/numeric/gaussLegendre";

const integrate = (n: number, f: (y: number) => number, a: number, b: number) => {
  const { nodes, weights } = gaussLegendre(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] * f((a + b) / 2 + ((b - a) / 2) * nodes[i]);
  return ((b - a) / 2) * sum;
};

describe("gaussLegendre", () => {
  it("has weights summing to 2 and nodes symmetric about 0", () => {
    for (const n of [1, 2, 5, 16]) {
      const { nodes, weights } = gaussLegendre(n);
      expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(2, 14);
      for (let i = 0; i < n; i++) expect(nodes[i]).toBeCloseTo(-nodes[n - 1 - i], 14);
    }
  });
  it("gives the tabulated 2-point rule ±1/√3 with weights 1 (A&S table 25.4)", () => {
    const { nodes, weights } = gaussLegendre(2);
    expect(Math.abs(nodes[0])).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(weights[0]).toBeCloseTo(1, 15);
  });
  it("integrates polynomials of degree 2n − 1 exactly: ∫₀¹ y³¹ dy = 1/32 with 16 nodes", () => {
    expect(integrate(16, (y) => Math.pow(y, 31), 0, 1)).toBeCloseTo(1 / 32, 15);
  });
  it("integrates e^(−2y) over [0, 1] to machine precision with 16 nodes: (1 − e⁻²)/2", () => {
    expect(Math.abs(integrate(16, (y) => Math.exp(-2 * y), 0, 1) - -Math.expm1(-2) / 2)).toBeLessThan(1e-15);
  });
  it("refuses a node count that is not a whole number of 1 or more", () => {
    expect(() => gaussLegendre(0)).toThrow(/expected a whole number of nodes/);
  });
});
