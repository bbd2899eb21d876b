import { digamma, digammaDiff, lnGamma, lnGammaRatio, logAddExp } from "../../../src/analytics/numeric/specialFunctions";

describe("lnGamma", () => {
  it("gives ln of factorials at whole numbers", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(2)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13); // Γ(5) = 4! = 24
    // ln 99! = Σ ln k for k = 1..99, summed here.
    let ln99 = 0;
    for (let k = 2; k <= 99; k++) ln99 += Math.log(k);
    expect(lnGamma(100) / ln99).toBeCloseTo(1, 14);
  });

  it("gives ln √π at 1/2 and handles small arguments", () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14); // Γ(1/2) = √π
    // Γ(x) ≈ 1/x − γ for small x, so ln Γ(1e-8) ≈ −ln(1e-8) − γ·1e-8.
    expect(lnGamma(1e-8)).toBeCloseTo(-Math.log(1e-8), 7);
  });

  it("stays finite and accurate for large arguments", () => {
    // Stirling: ln Γ(x) ≈ (x − ½) ln x − x + ½ ln 2π + 1/(12x); at x = 1e6 the next term is ~1e-20.
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(lnGamma(x) / stirling).toBeCloseTo(1, 14);
  });
});

describe("digamma", () => {
  const EULER_GAMMA = 0.5772156649015329;
  it("is −γ at 1 and 1 − γ at 2", () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 14);
    expect(digamma(2)).toBeCloseTo(1 - EULER_GAMMA, 14);
  });

  it("is −γ − 2 ln 2 at 1/2 (Abramowitz & Stegun 6.3.3)", () => {
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 13);
  });

  it("is the derivative of lnGamma", () => {
    for (const x of [0.05, 0.3, 1.7, 12.5, 400]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 5);
    }
  });
});

describe("logAddExp", () => {
  it("adds in log space without overflow or underflow", () => {
    expect(logAddExp(0, 0)).toBeCloseTo(Math.log(2), 15);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12); // e^1000 overflows a double
    expect(logAddExp(-1000, -1001)).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(logAddExp(5, -Infinity)).toBe(5);
  });
});

describe("lnGammaRatio and digammaDiff", () => {
  it("are Σ ln(z + j) and Σ 1/(z + j) for whole x", () => {
    expect(lnGammaRatio(1, 4)).toBeCloseTo(Math.log(24), 14); // Γ(5)/Γ(1) = 24
    expect(digammaDiff(1, 3)).toBeCloseTo(1 + 1 / 2 + 1 / 3, 14);
    expect(lnGammaRatio(0.3, 0)).toBe(0);
  });

  it("stay exact for z near 10^15, where ln Γ(z) is 3·10^16 and a plain difference keeps no digit", () => {
    // ln Γ(z+2) − ln Γ(z) = ln z + ln(z + 1); ψ(z+2) − ψ(z) = 1/z + 1/(z+1).
    const z = 1e15;
    expect(lnGammaRatio(z, 2)).toBeCloseTo(Math.log(z) + Math.log(z + 1), 12);
    expect(digammaDiff(z, 2) * z).toBeCloseTo(2, 12);
    // Non-whole x by the Stirling difference: Γ(z + ½)/Γ(z) ≈ √z (1 − 1/(8z)) for large z.
    expect(lnGammaRatio(1e12, 0.5)).toBeCloseTo(0.5 * Math.log(1e12), 10);
    expect(lnGammaRatio(400, 40.5)).toBeCloseTo(lnGamma(440.5) - lnGamma(400), 9);
    expect(digammaDiff(400, 40.5)).toBeCloseTo(digamma(440.5) - digamma(400), 12);
  });

  it("agree with the plain differences for moderate arguments", () => {
    for (const [z, x] of [[0.24, 3], [2.4, 47], [25, 0.7], [3, 0.25]]) {
      expect(lnGammaRatio(z, x)).toBeCloseTo(lnGamma(z + x) - lnGamma(z), 11);
      expect(digammaDiff(z, x)).toBeCloseTo(digamma(z + x) - digamma(z), 11);
    }
  });
});
