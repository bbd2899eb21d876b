/**
 * Words for a maximum-likelihood fit whose maximum lies at the edge of the parameter space: the
 * parameters (fitted as θ = ln value) that ran off towards 0 or infinity, |θ| > 9 (beyond about
 * 8,100 or below 1/8,100 of the unit), with the model's reading of it.
 * Example: names [r, alpha, a, b], θ [0.3, 1.4, −14, 10.4], hints {"a:0": "no sign of dropout"} →
 * "a goes to 0 and b goes to infinity (no sign of dropout)". O(number of parameters).
 */
export function runawayDescription(
  names: readonly string[],
  theta: ArrayLike<number>,
  hints: Readonly<Record<string, string>>,
  threshold = 9,
): string | null {
  const parts: string[] = [];
  const notes = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (!(Math.abs(theta[i]) > threshold)) continue;
    const way = theta[i] > 0 ? "infinity" : "0";
    parts.push(`${names[i]} goes to ${way}`);
    const hint = hints[`${names[i]}:${way}`];
    if (hint) notes.add(hint);
  }
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return notes.size > 0 ? `${list} (${[...notes].join("; ")})` : list;
}
