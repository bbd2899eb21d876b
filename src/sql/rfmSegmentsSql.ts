/**
 * RFM segment names as SQL, as RFMSEGMENT names them (rfmSegments.ts; rsquaredacademy/rfm
 * `rfm_segment`): rules are tried in order, the first whose three inclusive digit ranges hold the
 * customer's R, F and M wins, no match gives "Others"; a customer without a score (a digit 0) has
 * no segment (NULL). The default rules are written for digits 1–5, so they need bins ≤ 5.
 * Example: digits 5 4 5 → "Potential Loyalist"; 1 5 1 → "Lost"; 2 1 5 → "Others".
 * Cost: one CASE per customer on top of rfmScoresSql.ts.
 */
import { RFM_DEFAULT_BINS } from "../analytics/rfm/rfmScores";
import { DEFAULT_RFM_RULES, OTHERS, RfmRule } from "../analytics/rfm/rfmSegments";
import { Dialect } from "./dialect";
import { SqlInputError } from "./identifiers";
import { header, orderCtes } from "./orderSource";
import { RfmScoresRequest, rfmDigitCtes, rfmScoreDefinition } from "./rfmScoresSql";
import { RFM_TABLE_DEFINITION, rfmTableCte } from "./rfmTableSql";
import { statement } from "./statement";

export type RfmSegmentsRequest = RfmScoresRequest & { readonly rules?: readonly RfmRule[] };

/** The CASE expression naming the segment of digit columns r, f, m. */
export function segmentCase(d: Dialect, rules: readonly RfmRule[]): string[] {
  const lines = [`CASE`, `  WHEN r = 0 OR f = 0 OR m = 0 THEN NULL`];
  for (const rule of rules) {
    lines.push(
      `  WHEN r BETWEEN ${rule.r[0]} AND ${rule.r[1]} AND f BETWEEN ${rule.f[0]} AND ${rule.f[1]} AND m BETWEEN ${rule.m[0]} AND ${rule.m[1]} THEN ${d.stringLiteral(rule.name)}`,
    );
  }
  lines.push(`  ELSE ${d.stringLiteral(OTHERS)}`, `END`);
  return lines;
}

export function rfmSegmentsSql(d: Dialect, request: RfmSegmentsRequest): string {
  const { source, asOf, bins = RFM_DEFAULT_BINS, method = "rfm", rules = DEFAULT_RFM_RULES } = request;
  if (rules.length === 0) throw new SqlInputError("Rules", "Rules: expected at least one segment rule");
  for (const rule of rules) {
    for (const [lo, hi] of [rule.r, rule.f, rule.m]) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > 9 || lo > hi) {
        throw new SqlInputError("Rules", `Rules: segment "${rule.name}" has a digit range ${lo}–${hi}; expected whole digits 1–9, low ≤ high`);
      }
    }
  }
  if (rules === DEFAULT_RFM_RULES && bins > 5) {
    throw new SqlInputError("Bins", `Bins: the default segment rules are written for digits 1–5, so they need 5 bins or fewer, found ${bins}`);
  }
  const caseLines = segmentCase(d, rules).map((l) => `  ${l}`);
  caseLines[caseLines.length - 1] += " AS segment";
  return statement(
    header(d, "RFM segments", [
      `RFM segments, as LOYALTY.RFMSEGMENT${rules === DEFAULT_RFM_RULES ? " with the default rules (rsquaredacademy/rfm)" : " with your rules"}: the first`,
      `rule whose R, F and M ranges hold the digits wins, else "Others"; NULL where there is no score.`,
      ...rfmScoreDefinition(bins, method),
      ...RFM_TABLE_DEFINITION,
    ]),
    [orderCtes(d, source, asOf, true), rfmTableCte(d), ...rfmDigitCtes(d, bins, method)],
    [`SELECT`, `  customer_id AS customer,`, `  r,`, `  f,`, `  m,`, `  score,`, ...caseLines, `FROM rfm_digits`, `ORDER BY customer`].join("\n"),
  );
}
