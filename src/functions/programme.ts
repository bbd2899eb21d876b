/**
 * LOYALTY.POINTSEARNED, POINTSBALANCE, TIER, POINTSALLOCATION, POINTSREVENUE and BREAKAGE:
 * adapters over src/analytics/programme/ (the loyalty programme and its IFRS 15 books).
 *
 * Per-row input errors stay in their row (a customer's row for POINTSBALANCE); a wrong shape, a bad
 * single-value argument, a ladder out of order or a triangle with a hole fails the whole call,
 * naming the row. POINTSBALANCE reads the ledger in blocks and yields to Excel between them.
 */
import { Where, at, isBlank, readDate, readId, readNumber, readText } from "../analytics/orders/cells";
import { serialFromIsoText } from "../analytics/orders/dates";
import { CellError, fail, failValue, isCellError, raise, valueError } from "../analytics/errors";
import { inBlocks, timeSlicer, yieldToHost } from "../analytics/numeric/yieldToHost";
import { POINTS_ROUNDINGS, PointsRounding, pointsEarned } from "../analytics/programme/pointsEarned";
import { latestLedgerDate, pointsBalancesAsync } from "../analytics/programme/pointsBalance";
import { TierLadder, checkTierLadder, tierOf } from "../analytics/programme/tier";
import { pointsAllocation } from "../analytics/programme/pointsAllocation";
import { PointsRevenuePeriod, pointsRevenueSchedule } from "../analytics/programme/pointsRevenue";
import { breakageEstimate, developmentNote } from "../analytics/programme/breakage";
import { ExcelResult, columnOf, gridOf, guard, guardAsync, listOf, rowCount, single, toExcelColumnAsync, toExcelGrid, toExcelValue, valueAt } from "./adapter";
import { NumberColumn, readNumberColumnAsync } from "./numberColumns";

export const POINTS_BALANCE_HEADER = ["Customer", "Earned", "Redeemed", "Expired", "Balance"] as const;
export const BREAKAGE_HEADER = ["Issued", "Redeemed so far", "Ultimate redemption rate", "Breakage"] as const;

const present = (value: unknown): boolean => value !== null && value !== undefined;

/** Where row i of an n-row call is: no row for a one-row call or a single reused cell. */
const whereOf = (arg: string, list: readonly unknown[], n: number, i: number): Where => at(arg, n === 1 || list.length === 1 ? undefined : i + 1);

/** A number from row i, null when blank, or the cell's error. */
function numberAt(list: readonly unknown[], n: number, i: number, arg: string, expected: string): number | null | CellError {
  const cell = valueAt(list, i);
  if (typeof cell === "number" && cell - cell === 0) return cell;
  return readNumber(cell, whereOf(arg, list, n, i), expected);
}

/** A required number from row i: blank is #VALUE! naming the row. */
function requiredAt(list: readonly unknown[], n: number, i: number, arg: string, expected: string): number | CellError {
  const v = numberAt(list, n, i, arg, expected);
  if (v !== null) return v;
  const where = whereOf(arg, list, n, i);
  return valueError(`${where.arg}${where.row === undefined ? "" : `, row ${where.row}`}: the cell is blank; expected ${expected}`);
}

function readRounding(value: unknown): PointsRounding {
  const text = readText(single(value, "rounding"), at("rounding"));
  if (text === null) return "down";
  if (isCellError(text)) raise(text);
  const rounding = text.toLowerCase() as PointsRounding;
  if (!POINTS_ROUNDINGS.includes(rounding)) failValue(`rounding: expected "down", "nearest" or "none", found "${text}"`);
  return rounding;
}

/**
 * Points earned per order: amount × points_per_unit × multiplier, rounded down (the default), to the nearest whole point or not at all. Exact for currency amounts (0.29 at 100 per unit is 29). A refund (negative amount) gives negative points, rounded toward zero.
 * @customfunction POINTSEARNED POINTSEARNED
 * @helpurl https://localhost:3000/help.html#pointsearned
 * @param {any[][]} amounts The amount of each order (negative for a refund); a blank amount gives a blank.
 * @param {any[][]} points_per_unit Points per currency unit spent (1 = one point per $1), one value or one per order.
 * @param {any} [rounding] "down" (default: whole points, fractions dropped toward zero), "nearest" (halves away from zero) or "none".
 * @param {any[][]} [multipliers] A bonus multiplier per order (tier or campaign; 2 = double points), applied before rounding. Default 1.
 * @returns {Promise<any[][]>} The points of each order.
 */
export async function pointsearned(amounts: any[][], points_per_unit: any[][], rounding?: any, multipliers?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    // Read, computed and spilled in time slices: a full sheet of orders never holds Excel for long.
    const slicer = timeSlicer();
    const mode = readRounding(rounding);
    const lists: { readonly arg: string; readonly values: unknown[] }[] = [
      { arg: "amounts", values: listOf(amounts, "amounts") },
      { arg: "points_per_unit", values: listOf(points_per_unit, "points_per_unit") },
    ];
    if (present(multipliers)) lists.push({ arg: "multipliers", values: listOf(multipliers, "multipliers") });
    const n = rowCount(lists);
    const amount = await readNumberColumnAsync(lists[0].values, n, "amounts", "an amount", slicer);
    const rate = await readNumberColumnAsync(lists[1].values, n, "points_per_unit", "points per currency unit", slicer);
    const multiplier = lists[2] ? await readNumberColumnAsync(lists[2].values, n, "multipliers", "a multiplier", slicer) : null;
    const out: (number | CellError | null)[] = new Array(n);
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const a = amount.values[i];
        if (a !== a) {
          out[i] = amount.errors?.[i] ?? null; // a blank amount: a blank result
          continue;
        }
        const r = rate.values[i];
        if (r !== r) {
          out[i] = rate.errors?.[i] ?? valueError(`points_per_unit${n === 1 ? "" : `, row ${i + 1}`}: the cell is blank; expected points per currency unit`);
          continue;
        }
        let m = 1;
        if (multiplier) {
          m = multiplier.values[i];
          if (m !== m) {
            if (multiplier.errors?.[i]) {
              out[i] = multiplier.errors[i]!;
              continue;
            }
            m = 1; // a blank multiplier: no bonus
          }
        }
        const row = n === 1 ? undefined : i + 1;
        out[i] = pointsEarned(a, r, mode, m, row);
      }
    });
    return toExcelColumnAsync(out, slicer);
  })) as any[][];
}

/** A first row of column headings: text in the date column that is not a date, and text in points_earned. */
function isHeadingRow(date: unknown, earned: unknown): boolean {
  return typeof date === "string" && !isBlank(date) && serialFromIsoText(date) === null && typeof earned === "string" && !isBlank(earned);
}

/**
 * Points per customer as of a date from a points ledger: spills Customer, Earned, Redeemed, Expired and Balance. Points are kept in lots, redeemed oldest first, and expire expiry_months after they were earned (Excel's EDATE rule; still usable on the expiry date). On one day earnings count before redemptions.
 * @customfunction POINTSBALANCE POINTSBALANCE
 * @helpurl https://localhost:3000/help.html#pointsbalance
 * @param {any[][]} customer_ids The customer of each ledger row (a column; ids are compared as trimmed text).
 * @param {any[][]} dates The date of each row (Excel dates or ISO text such as 2024-03-31).
 * @param {any[][]} points_earned Points earned on the row, 0 or more (blank = 0).
 * @param {any[][]} points_redeemed Points redeemed on the row, 0 or more (blank = 0).
 * @param {any} [expiry_months] Whole months after which earned points expire. Leave out for points that never expire.
 * @param {any} [as_of_date] The date of the balances: later rows are left out. Default: the latest date in the ledger.
 * @returns {Promise<any[][]>} A header row, then one row per customer in order of first appearance.
 */
export async function pointsbalance(
  customer_ids: any[][],
  dates: any[][],
  points_earned: any[][],
  points_redeemed: any[][],
  expiry_months?: any,
  as_of_date?: any,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const idList = listOf(customer_ids, "customer_ids");
    const dateList = listOf(dates, "dates");
    const earnedList = listOf(points_earned, "points_earned");
    const redeemedList = listOf(points_redeemed, "points_redeemed");
    const n = rowCount([
      { arg: "customer_ids", values: idList },
      { arg: "dates", values: dateList },
      { arg: "points_earned", values: earnedList },
      { arg: "points_redeemed", values: redeemedList },
    ]);
    const expiryCell = readNumber(single(expiry_months, "expiry_months"), at("expiry_months"), "a whole number of months");
    if (isCellError(expiryCell)) raise(expiryCell);
    if (expiryCell !== null && (!Number.isInteger(expiryCell) || expiryCell < 0)) {
      failValue(`expiry_months: expected a whole number of months, 0 or more, found ${expiryCell}`);
    }
    const asOfCell = readDate(single(as_of_date, "as_of_date"), at("as_of_date"));
    if (isCellError(asOfCell)) raise(asOfCell);

    const ids: (string | null)[] = new Array(n).fill(null);
    const dateValues = new Float64Array(n).fill(NaN);
    const earned = new Float64Array(n);
    const redeemed = new Float64Array(n);
    const rowErrors = new Map<number, CellError>();
    const first = n > 1 && isHeadingRow(valueAt(dateList, 0), valueAt(earnedList, 0)) ? 1 : 0;
    const slicer = timeSlicer();
    for (let i = first; i < n; i++) {
      if ((i & 4095) === 0 && slicer.due()) await slicer.pause();
      const row = i + 1;
      const idCell = valueAt(idList, i);
      const dateCell = valueAt(dateList, i);
      const earnedCell = valueAt(earnedList, i);
      const redeemedCell = valueAt(redeemedList, i);
      const id = readId(idCell, at("customer_ids", row));
      if (id === null) {
        if (isBlank(dateCell) && isBlank(earnedCell) && isBlank(redeemedCell)) continue; // a wholly blank row
        failValue(`customer_ids, row ${row}: the customer id is blank, so this row cannot be assigned to a customer; fill it in or clear the whole row`);
      }
      if (isCellError(id)) fail(id.code, `${id.message}; the row cannot be assigned to a customer`);
      ids[i] = id;
      const date = readDate(dateCell, at("dates", row));
      const e = numberAt(earnedList, n, i, "points_earned", "points earned");
      const r = numberAt(redeemedList, n, i, "points_redeemed", "points redeemed");
      if (typeof date === "number") dateValues[i] = date;
      earned[i] = typeof e === "number" ? e : 0;
      redeemed[i] = typeof r === "number" ? r : 0;
      const problem =
        date === null
          ? valueError(`dates, row ${row}: the cell is blank; expected the date of the row`)
          : isCellError(date)
            ? date
            : isCellError(e)
              ? e
              : isCellError(r)
                ? r
                : null;
      if (problem) rowErrors.set(i, problem);
    }
    if (!ids.some((id) => id !== null)) fail("#N/A", "customer_ids: no ledger rows in the range");
    const ledger = { ids, dates: dateValues, earned, redeemed, rowErrors };
    const latest = latestLedgerDate(ledger);
    const asOf = asOfCell ?? (Number.isNaN(latest) ? 0 : latest);
    await yieldToHost();
    const result = await pointsBalancesAsync(ledger, expiryCell, asOf);
    if (result.ids.length === 0) fail("#N/A", "dates: no ledger rows on or before as_of_date");
    const out: ExcelResult[][] = [POINTS_BALANCE_HEADER.slice()];
    for (let c = 0; c < result.ids.length; c++) {
      const cell = valueAt(idList, result.firstRow[c]);
      const id = typeof cell === "number" ? cell : result.ids[c];
      const error = result.errors[c];
      if (error) {
        const value = toExcelValue({ code: error.code, message: `customer ${result.ids[c]}: ${error.message}` });
        out.push([id, value, value, value, value]);
      } else {
        out.push([id, result.earned[c], result.redeemed[c], result.expired[c], result.balance[c]].map(toExcelValue));
      }
    }
    return out;
  })) as any[][];
}

/** The ladder from thresholds (one or two columns) and names; wholly blank rows at the end are dropped. */
function readLadder(thresholds: unknown, names: unknown): TierLadder {
  const grid = gridOf(thresholds);
  const cols = grid.reduce((m, line) => Math.max(m, line.length), 0);
  if (cols > 2) failValue(`thresholds: expected one column of lower bounds, or two (lower bound, name), got ${cols} columns`);
  const nameList = present(names) ? listOf(names, "names") : null;
  if (nameList && cols === 2) failValue("names: the thresholds already have a name column; give names or a second thresholds column, not both");
  let rows = grid.length;
  const blankRow = (r: number) => grid[r].every(isBlank) && (!nameList || isBlank(nameList[r]));
  while (rows > 0 && blankRow(rows - 1)) rows--;
  if (nameList && nameList.length < rows) failValue(`names has ${nameList.length} rows but thresholds has ${rows}; give one name per threshold`);
  const bounds: number[] = [];
  const tierNames: (string | number)[] = [];
  for (let r = 0; r < rows; r++) {
    const bound = readNumber(grid[r][0], at("thresholds", r + 1), "a lower bound (a number)");
    if (bound === null) failValue(`thresholds, row ${r + 1}: the lower bound is blank; expected a number`);
    if (isCellError(bound)) raise(bound);
    bounds.push(bound);
    if (cols === 2 || nameList) {
      const cell = cols === 2 ? grid[r][1] : nameList![r];
      const name = readText(cell, at(cols === 2 ? "thresholds" : "names", r + 1, cols === 2 ? 2 : undefined));
      if (name === null) failValue(`${cols === 2 ? "thresholds" : "names"}, row ${r + 1}: the tier name is blank`);
      if (isCellError(name)) raise(name);
      tierNames.push(typeof cell === "number" ? cell : name);
    } else {
      tierNames.push(bound); // no names: the tier is its lower bound
    }
  }
  const ladder = { bounds, names: tierNames };
  checkTierLadder(ladder);
  return ladder;
}

/**
 * Tier per customer from a spend, points or tenure value and a ladder of lower bounds in ascending order (e.g. 0 Basic, 500 Silver, 2000 Gold). A value exactly at a bound belongs to the higher tier; a value below the lowest bound gives #N/A.
 * @customfunction TIER TIER
 * @helpurl https://localhost:3000/help.html#tier
 * @param {any[][]} values The value that decides the tier, one per customer (spend, points or tenure); a blank gives a blank.
 * @param {any[][]} thresholds The ladder: lower bounds from the lowest up, one per row, with the tier name in a second column (or in names).
 * @param {any[][]} [names] The tier names, one per threshold row, when thresholds is a single column. Without names the tier is shown as its lower bound.
 * @returns {Promise<any[][]>} One tier name per customer.
 */
export async function tier(values: any[][], thresholds: any[][], names?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const slicer = timeSlicer();
    const ladder = readLadder(thresholds, names);
    const list = listOf(values, "values");
    const n = list.length;
    const read = await readNumberColumnAsync(list, n, "values", "a number (spend, points or tenure)", slicer);
    const out: (string | number | CellError | null)[] = new Array(n);
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const v = read.values[i];
        out[i] = v === v ? tierOf(v, ladder, n === 1 ? undefined : i + 1) : (read.errors?.[i] ?? null);
      }
    });
    return toExcelColumnAsync(out, slicer);
  })) as any[][];
}

/**
 * IFRS 15 split of each sale's transaction price between the goods and the loyalty points it issues, by relative stand-alone selling price: spills two columns, goods and points. The points' stand-alone price is points × value per point × expected redemption rate unless standalone_price_per_point is given. The accounting judgement is the user's.
 * @customfunction POINTSALLOCATION POINTSALLOCATION
 * @helpurl https://localhost:3000/help.html#pointsallocation
 * @param {any[][]} sales The transaction price of each sale (or period's sales).
 * @param {any[][]} points_issued The points issued with it.
 * @param {any[][]} value_per_point What one point is worth when redeemed (1 = a discount of 1 currency unit).
 * @param {any[][]} expected_redemption_rate The share of points expected to be redeemed, 0 to 1 (95% is 0.95).
 * @param {any[][]} [goods_standalone_price] The goods' stand-alone selling price. Default: the sales amount.
 * @param {any[][]} [standalone_price_per_point] A point's stand-alone selling price (IFRS 15 B42). Default: value_per_point × expected_redemption_rate.
 * @returns {Promise<any[][]>} Per sale: the amount allocated to the goods, then to the points.
 */
export async function pointsallocation(
  sales: any[][],
  points_issued: any[][],
  value_per_point: any[][],
  expected_redemption_rate: any[][],
  goods_standalone_price?: any[][],
  standalone_price_per_point?: any[][],
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const required = [
      { arg: "sales", range: sales, what: "the sale amount" },
      { arg: "points_issued", range: points_issued, what: "the points issued" },
      { arg: "value_per_point", range: value_per_point, what: "the value of a point" },
      { arg: "expected_redemption_rate", range: expected_redemption_rate, what: "a fraction from 0 to 1" },
    ];
    const optional = [
      { arg: "goods_standalone_price", range: goods_standalone_price, what: "the goods' stand-alone price" },
      { arg: "standalone_price_per_point", range: standalone_price_per_point, what: "a point's stand-alone price" },
    ];
    // Columns read straight from Excel's row arrays in time slices, then one row at a time.
    const slicer = timeSlicer();
    const given = [...required, ...optional.filter((c) => present(c.range))];
    const lists = given.map((c) => ({ arg: c.arg, values: columnOf(c.range, c.arg) }));
    const n = rowCount(lists);
    const columns = new Map<string, NumberColumn & { readonly reused: boolean }>();
    for (let k = 0; k < given.length; k++) {
      const column = await readNumberColumnAsync(lists[k].values, n, given[k].arg, given[k].what, slicer);
      columns.set(given[k].arg, { ...column, reused: lists[k].values.length === 1 });
    }
    const requiredColumns = required.map((c) => columns.get(c.arg)!);
    const [goodsColumn, perPointColumn] = optional.map((c) => columns.get(c.arg) ?? null);
    /** Row i of a column: its number, null when blank, or the cell's error. */
    const valueOf = (column: NumberColumn | null, i: number): number | null | CellError => {
      if (column === null) return null;
      const v = column.values[i];
      return v === v ? v : (column.errors?.[i] ?? null);
    };
    const out = new Array<ExcelResult[]>(n);
    const values = new Float64Array(required.length);
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const row = n === 1 ? undefined : i + 1;
        let error: CellError | undefined;
        for (let k = 0; k < required.length && !error; k++) {
          const v = valueOf(requiredColumns[k], i);
          if (typeof v === "number") values[k] = v;
          else if (v !== null) error = v;
          else {
            const place = requiredColumns[k].reused || row === undefined ? required[k].arg : `${required[k].arg}, row ${row}`;
            error = valueError(`${place}: the cell is blank; expected ${required[k].what}`);
          }
        }
        const goods = valueOf(goodsColumn, i);
        const perPoint = valueOf(perPointColumn, i);
        if (!error && isCellError(goods)) error = goods;
        if (!error && isCellError(perPoint)) error = perPoint;
        const result =
          error ??
          pointsAllocation(
            {
              sales: values[0],
              pointsIssued: values[1],
              valuePerPoint: values[2],
              expectedRedemptionRate: values[3],
              goodsStandalonePrice: goods as number | null,
              standalonePricePerPoint: perPoint as number | null,
            },
            row,
          );
        if (isCellError(result)) {
          const cell = toExcelValue(result);
          out[i] = [cell, cell];
        } else out[i] = [toExcelValue(result.goods), toExcelValue(result.points)];
      }
    });
    return out.length === 0 ? [["", ""]] : out;
  })) as any[][];
}

/**
 * Revenue from a pool of loyalty points by the cumulative catch-up method (IFRS 15): cumulative revenue = allocated × min(1, redeemed ÷ expected total); spills period revenue, cumulative revenue and the remaining contract liability, one row per period end. Period revenue is negative when the expected total rises.
 * @customfunction POINTSREVENUE POINTSREVENUE
 * @helpurl https://localhost:3000/help.html#pointsrevenue
 * @param {any[][]} allocated_to_points The transaction price allocated to the pool's points (POINTSALLOCATION's points column).
 * @param {any[][]} points_redeemed_cumulative Points of the pool redeemed up to each period end.
 * @param {any[][]} points_expected_total Points expected to be redeemed over the pool's whole life (including those already redeemed), as estimated at each period end.
 * @param {any[][]} [recognised_before] Revenue recognised before: one value for before the first row (default 0; later rows follow on), or one per row.
 * @returns {Promise<any[][]>} Per period: period revenue, cumulative revenue, contract liability.
 */
export async function pointsrevenue(allocated_to_points: any[][], points_redeemed_cumulative: any[][], points_expected_total: any[][], recognised_before?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const slicer = timeSlicer();
    const allocated = { arg: "allocated_to_points", values: listOf(allocated_to_points, "allocated_to_points") };
    const redeemed = { arg: "points_redeemed_cumulative", values: listOf(points_redeemed_cumulative, "points_redeemed_cumulative") };
    const expected = { arg: "points_expected_total", values: listOf(points_expected_total, "points_expected_total") };
    const n = rowCount([allocated, redeemed, expected]);
    const beforeList = present(recognised_before) ? listOf(recognised_before, "recognised_before") : null;
    let opening = 0;
    if (beforeList && beforeList.length === 1) {
      const v = readNumber(beforeList[0], at("recognised_before"), "an amount");
      if (isCellError(v)) raise(v);
      opening = v ?? 0;
    } else if (beforeList && beforeList.length !== n) {
      failValue(`recognised_before has ${beforeList.length} rows but allocated_to_points has ${n}; give one value, or one per row`);
    }
    const periods: (PointsRevenuePeriod | CellError)[] = [];
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const a = requiredAt(allocated.values, n, i, allocated.arg, "the amount allocated to the points");
        const r = requiredAt(redeemed.values, n, i, redeemed.arg, "the points redeemed to date");
        const e = requiredAt(expected.values, n, i, expected.arg, "the points expected to be redeemed in total");
        const b = beforeList && beforeList.length === n && n > 1 ? numberAt(beforeList, n, i, "recognised_before", "an amount") : null;
        if (isCellError(a)) periods.push(a);
        else if (isCellError(r)) periods.push(r);
        else if (isCellError(e)) periods.push(e);
        else if (isCellError(b)) periods.push(b);
        else periods.push({ allocated: a, redeemedCumulative: r, expectedTotal: e, recognisedBefore: b });
      }
    });
    if (slicer.due()) await slicer.pause();
    // The schedule runs from one period end to the next: one O(n) pass of arithmetic.
    const schedule = pointsRevenueSchedule(periods, opening);
    if (slicer.due()) await slicer.pause();
    const out = schedule.map((row) =>
      isCellError(row) ? [row, row, row] : [row.period, row.cumulative, row.liability],
    );
    return out.length === 0 ? [["", "", ""]] : toExcelGrid(out);
  })) as any[][];
}

/**
 * Expected ultimate redemption rate and breakage per issue cohort from a triangle of cumulative points redeemed by age (chain ladder with volume-weighted development factors); spills issued, redeemed so far, rate and breakage per cohort, and a note row with each factor and how many cohorts it rests on. The estimate is the user's judgement (IFRS 15 ¶56–58).
 * @customfunction BREAKAGE BREAKAGE
 * @helpurl https://localhost:3000/help.html#breakage
 * @param {any[][]} issued Points issued per cohort, one row per cohort.
 * @param {any[][]} redeemed_triangle Cumulative points redeemed from each cohort (rows) by age in whole periods (columns), blank where not yet observed.
 * @param {any} [tail] Development beyond the last column, 1 or more. Default 1 (right once the columns reach the age at which points expire).
 * @returns {any[][]} A header row, one row per cohort, then the note row.
 */
export function breakage(issued: any[][], redeemed_triangle: any[][], tail?: any): any[][] {
  return guard(() => {
    const issuedList = listOf(issued, "issued");
    const grid = gridOf(redeemed_triangle);
    const tailCell = readNumber(single(tail, "tail"), at("tail"), "a development factor of 1 or more");
    if (isCellError(tailCell)) raise(tailCell);
    if (issuedList.length !== grid.length) {
      failValue(`issued has ${issuedList.length} rows but redeemed_triangle has ${grid.length}; give one row per issue cohort in both`);
    }
    const ages = grid.reduce((m, line) => Math.max(m, line.length), 0);
    const issuedValues: number[] = [];
    const triangle: (number | null)[][] = [];
    for (let r = 0; r < grid.length; r++) {
      const v = readNumber(issuedList[r], at("issued", r + 1), "the points issued to the cohort");
      if (v === null) failValue(`issued, row ${r + 1}: the cell is blank; expected the points issued to the cohort`);
      if (isCellError(v)) raise(v);
      issuedValues.push(v);
      const line: (number | null)[] = [];
      for (let k = 0; k < ages; k++) {
        const c = readNumber(grid[r][k], at("redeemed_triangle", r + 1, k + 1), "cumulative points redeemed");
        if (isCellError(c)) raise(c);
        line.push(c);
      }
      triangle.push(line);
    }
    const { cohorts, factors } = breakageEstimate(issuedValues, triangle, tailCell ?? 1);
    const out: ExcelResult[][] = [BREAKAGE_HEADER.slice()];
    for (const c of cohorts) {
      if (isCellError(c)) {
        const e = toExcelValue(c);
        out.push([e, e, e, e]);
      } else out.push([c.issued, c.redeemedSoFar, c.rate, c.breakage].map(toExcelValue));
    }
    out.push([developmentNote(factors), "", "", ""]);
    return out;
  }) as any[][];
}
