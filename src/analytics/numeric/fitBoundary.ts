import { AnalyticsError } from "../errors";

/**
 * Words for a maximum-likelihood fit whose maximum lies at the edge of the parameter space: the
 * parameters (fitted as θ = ln value) that ran off towards 0 or infinity, |θ| > 9 (beyond about
 * 8,100 or below 1/8,100 of the unit), with the model's reading of it.
 * Example: names [r, alpha, a, b], θ [0.3, 1.4, −14, 10.4], hints {"a:0": "no sign of dropout"} →
 * "a goes to 0 and b goes to infinity (no sign of dropout)". A hint keyed by two runaways joined
 * with "+" ("a:infinity+b:infinity") replaces their single hints, which would contradict each
 * other when read together. O(number of parameters²).
 */
export function runawayDescription(
  names: readonly string[],
  theta: ArrayLike<number>,
  hints: Readonly<Record<string, string>>,
  threshold = 9,
): string | null {
  const parts: string[] = [];
  const keys: string[] = [];
  const notes = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (!(Math.abs(theta[i]) > threshold)) continue;
    const way = theta[i] > 0 ? "infinity" : "0";
    parts.push(`${names[i]} goes to ${way}`);
    keys.push(`${names[i]}:${way}`);
  }
  const paired = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const hint = hints[`${keys[i]}+${keys[j]}`];
      if (!hint) continue;
      notes.add(hint);
      paired.add(keys[i]).add(keys[j]);
    }
  }
  for (const key of keys) if (!paired.has(key) && hints[key]) notes.add(hints[key]);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return notes.size > 0 ? `${list} (${[...notes].join("; ")})` : list;
}

/**
 * Why a model's fit refused the data, in categories the task pane words for an analyst (with what
 * to try next); the error's message keeps the technical reason, which the custom functions return.
 */
export type FitRefusal =
  | "tooFewCustomers"
  | "noTime"
  | "noRepeats"
  | "identicalHistories"
  | "noDropout"
  | "instantDropout"
  | "sameDropout"
  | "sameRates"
  | "notIdentified";

/** A #VALUE! AnalyticsError that also says which kind of refusal it is. */
export class FitRefusalError extends AnalyticsError {
  constructor(
    readonly refusal: FitRefusal,
    message: string,
  ) {
    super("#VALUE!", message);
  }
}

/** Throws a FitRefusalError. */
export function failFit(refusal: FitRefusal, message: string): never {
  throw new FitRefusalError(refusal, message);
}
