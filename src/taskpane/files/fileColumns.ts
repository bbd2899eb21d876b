/**
 * Which column of an order file holds the customer id, the order date and the amount, guessed
 * from its header and sample rows with exactly the guesses the pane makes for sheets: id and date
 * as the Retention view guesses an order log (retentionRun.ts `guessLogMapping`), the amount as the
 * Segment view guesses its monetary column (mapping.ts `guessMapping`), never a column already taken.
 * Example: header [Kunde, Datum, Betrag], sample [["K1", "2023-12-31", 12.5]] → id 0, date 1, amount 2.
 * Cost: O(rows × columns) of the sample.
 */
import { guessMapping } from "../model/mapping";
import { guessLogMapping } from "../retention/retentionRun";

export type FileColumns = { readonly id: number | null; readonly date: number | null; readonly amount: number | null };

export function guessFileColumns(header: readonly string[], sample: readonly (readonly unknown[])[]): FileColumns {
  const rows: unknown[][] = [header.slice(), ...sample.map((r) => r.slice())];
  const n = header.length;
  const { id, date } = guessLogMapping(rows, true, n);
  const monetary = guessMapping(rows, true, n).columns.monetary;
  const amount = monetary !== null && monetary !== id && monetary !== date ? monetary : null;
  return { id, date, amount };
}
