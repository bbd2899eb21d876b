/**
 * Keyed comparison of engine rows with the core's rows: the same keys, equal integers, dates and
 * text, floating values within 1e-9 relative (tables have no row order, so never by position).
 */
import { Row } from "./engines";

export const RELATIVE = 1e-9;

export type Expected = Record<string, string | number | null>;

function same(a: unknown, b: unknown): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b)) return a === b;
    return Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) || (Math.abs(a) < 1e-300 && Math.abs(b) < 1e-300);
  }
  return a === b;
}

/** Differences between actual and expected, keyed by `key(row)`; [] when they agree. */
export function keyedDifferences(actual: readonly Row[], expected: readonly Expected[], key: (r: Record<string, unknown>) => string): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, Row>();
  for (const r of actual) {
    const k = key(r);
    if (byKey.has(k)) problems.push(`duplicate key ${k}`);
    byKey.set(k, r);
  }
  const seen = new Set<string>();
  for (const e of expected) {
    const k = key(e);
    seen.add(k);
    const a = byKey.get(k);
    if (!a) {
      problems.push(`missing ${k}`);
      continue;
    }
    for (const [field, value] of Object.entries(e)) {
      if (!same(a[field], value)) problems.push(`${k}.${field}: got ${String(a[field])}, expected ${String(value)}`);
    }
  }
  for (const k of byKey.keys()) if (!seen.has(k)) problems.push(`unexpected ${k}`);
  return problems.slice(0, 20);
}
