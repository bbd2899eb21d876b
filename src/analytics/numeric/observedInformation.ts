/**
 * Standard errors of maximum-likelihood estimates from the observed information matrix:
 *
 *   I(θ̂) = −∇² ln L(θ̂),  Cov(θ̂) ≈ I(θ̂)⁻¹,  SE(θ̂ᵢ) = √[I(θ̂)⁻¹]ᵢᵢ
 *
 * (e.g. Casella & Berger, Statistical Inference, §10.1.3). The Hessian is taken by central
 * differences of the analytic gradient, ∂²lnL/∂θᵢ∂θⱼ ≈ [gᵢ(θ + hⱼeⱼ) − gᵢ(θ − hⱼeⱼ)] / 2hⱼ with
 * hⱼ = 10⁻⁵·|θⱼ| (the cube root of machine precision, scaled), symmetrised, and inverted by
 * Cholesky factorisation, which also proves I(θ̂) positive definite (a true maximum). A gradient
 * that is itself a difference of ln L carries rounding of about ε/h_g, not ε; such callers pass a
 * larger relative step (maximumLikelihoodFit.ts uses 3·10⁻⁴, near ε^¼, for both differences).
 * Example: ln L = −(θ − 3)² / (2·0.5²) gives I = 4 and SE 0.5. Cost: 2d gradient evaluations
 * (d + 1 forward) plus O(d³).
 */

/** ∇ ln L(θ) written into `gradient`. */
export type Gradient = (theta: Float64Array, gradient: Float64Array) => void;

/**
 * The standard errors, or null when the information matrix is not positive definite. `relativeStep`:
 * hⱼ / |θⱼ|. `forward`: forward differences [gᵢ(θ + hⱼeⱼ) − gᵢ(θ)] / hⱼ, d + 1 gradient evaluations
 * instead of 2d, for gradients that are costly (a sum over millions of groups); their error is of
 * order hⱼ (about 10⁻⁵ relative) where central differences' is of order hⱼ².
 */
export function standardErrors(gradient: Gradient, theta: ArrayLike<number>, relativeStep = 1e-5, { forward = false }: { readonly forward?: boolean } = {}): Float64Array | null {
  const d = theta.length;
  const info = new Float64Array(d * d);
  const point = Float64Array.from(theta);
  const up = new Float64Array(d);
  const down = new Float64Array(d);
  if (forward) gradient(point, down);
  for (let j = 0; j < d; j++) {
    const h = relativeStep * Math.max(Math.abs(theta[j]), 1e-8);
    point[j] = theta[j] + h;
    gradient(point, up);
    if (forward) {
      point[j] = theta[j];
      for (let i = 0; i < d; i++) info[i * d + j] = -(up[i] - down[i]) / h;
      continue;
    }
    point[j] = theta[j] - h;
    gradient(point, down);
    point[j] = theta[j];
    for (let i = 0; i < d; i++) info[i * d + j] = -(up[i] - down[i]) / (2 * h);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (info[i * d + j] + info[j * d + i]) / 2;
      info[i * d + j] = mean;
      info[j * d + i] = mean;
    }
  }
  const covariance = invertPositiveDefinite(info, d);
  if (!covariance) return null;
  const errors = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const variance = covariance[i * d + i];
    if (!(variance > 0) || !Number.isFinite(variance)) return null;
    errors[i] = Math.sqrt(variance);
  }
  return errors;
}

/** Inverse of a symmetric positive-definite d×d matrix (row-major) by Cholesky, or null if it is not one. */
export function invertPositiveDefinite(matrix: ArrayLike<number>, d: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j];
      for (let k = 0; k < j; k++) sum -= L[i * d + k] * L[j * d + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        L[i * d + i] = Math.sqrt(sum);
      } else {
        L[i * d + j] = sum / L[j * d + j];
      }
    }
  }
  // inverse = L⁻ᵀ L⁻¹; first Linv = L⁻¹ (lower triangular).
  const Linv = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    Linv[i * d + i] = 1 / L[i * d + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= L[i * d + k] * Linv[k * d + j];
      Linv[i * d + j] = sum / L[i * d + i];
    }
  }
  const inverse = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < d; k++) sum += Linv[k * d + i] * Linv[k * d + j];
      inverse[i * d + j] = sum;
    }
  }
  return inverse;
}
