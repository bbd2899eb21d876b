/**
 * A fitted model's predictions over a grid of histories, for frequency/recency heatmaps (Fader,
 * Hardie & Lee 2005, "Counting your customers the easy way", §5, figures 5 and 6, which draw
 * E[Y(t) | x, t_x, T] against x and t_x for one T):
 *
 *   cell(x, t_x) = f(x, t_x, T)   for x = 0 … maxX (rows) and t_x = 0, step, 2·step, … ≤ T (columns)
 *
 * at one length of observation T (the report takes the largest T of the data: the customers who
 * have been watched longest). `f` is P(alive | x, t_x, T) or E[Y(1) | x, t_x, T] from the model's
 * predictions file. A history with x = 0 and t_x > 0 cannot occur (t_x is the time of the last
 * repeat purchase, 0 when there is none): that cell is NaN, left blank by the caller.
 * Example: maxX 1, T 2, step 1, f = x + t_x → rows x 0: [0, NaN, NaN], x 1: [1, 2, 3].
 * Cost O((maxX + 1) · columns) evaluations of f.
 */
import { failValue } from "../errors";

export type FrequencyRecencyGrid = {
  readonly T: number;
  /** Row labels: 0 … maxX. */
  readonly frequencies: Float64Array;
  /** Column labels: t_x = 0, step, … ≤ T. */
  readonly recencies: Float64Array;
  /** values[row][column]. */
  readonly values: Float64Array[];
};

/** The step for at most `columns` recency columns over 0 … T: a whole number of time units, 1 or more. Example: T 38.86, 40 → 1; T 365, 40 → 10. */
export function recencyStep(T: number, columns = 40): number {
  return Math.max(1, Math.ceil(T / (columns - 1)));
}

export function frequencyRecencyGrid(T: number, maxX: number, step: number, f: (x: number, tx: number, T: number) => number): FrequencyRecencyGrid {
  if (!(T > 0) || !Number.isFinite(T)) failValue(`T is ${T}; it must be a number of time units above 0`);
  if (!Number.isInteger(maxX) || maxX < 0) failValue(`the largest frequency is ${maxX}; it must be a whole number of 0 or more`);
  if (!(step > 0)) failValue(`the recency step is ${step}; it must be above 0`);
  const columns = Math.floor(T / step + 1e-9) + 1;
  const recencies = new Float64Array(columns);
  for (let c = 0; c < columns; c++) recencies[c] = c * step;
  const frequencies = new Float64Array(maxX + 1);
  const values: Float64Array[] = [];
  for (let x = 0; x <= maxX; x++) {
    frequencies[x] = x;
    const row = new Float64Array(columns);
    for (let c = 0; c < columns; c++) row[c] = x === 0 && c > 0 ? NaN : f(x, recencies[c], T);
    values.push(row);
  }
  return { T, frequencies, recencies, values };
}
