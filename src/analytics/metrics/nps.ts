/**
 * Net Promoter Score from 0–10 likelihood-to-recommend answers.
 *
 * NPS = 100 · (promoters − detractors) / answers, where promoters answer 9–10 and
 * detractors 0–6 (Reichheld 2003, "The one number you need to grow", Harvard Business
 * Review). A score on −100…100, not a fraction, and not rounded. Decimal answers are
 * classified by the same thresholds as LOYALTY.SEGMENT (≥ 9 promoter, ≥ 7 passive).
 *
 * Example: 10, 10, 9, 8, 3 → 3 promoters, 1 detractor of 5 → 100 · 2 / 5 = 40.
 * O(n), one pass.
 */
import { Where, describeWhere } from "../orders/cells";
import { CellError, divisionByZero, valueError } from "../errors";

/** NPS of the answers (NaN = blank, skipped); `whereOf(i)` names answer i in messages. */
export function netPromoterScore(scores: Float64Array, whereOf?: (index: number) => Where): number | CellError {
  let promoters = 0;
  let detractors = 0;
  let answers = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s !== s) continue;
    if (!(s >= 0 && s <= 10)) {
      const where = whereOf ? describeWhere(whereOf(i)) : `scores, answer ${i + 1}`;
      return valueError(`${where}: expected a likelihood-to-recommend score from 0 to 10, found ${s}`);
    }
    answers++;
    if (s >= 9) promoters++;
    else if (s < 7) detractors++;
  }
  if (answers === 0) return divisionByZero("there are no scores");
  return (100 * (promoters - detractors)) / answers;
}
