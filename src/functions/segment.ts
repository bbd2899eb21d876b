/**
 * LOYALTY.SEGMENT: adapter over src/analytics/loyaltySegment.ts (the rule engine the task
 * pane shares). Reads the columns into attitudes, a behaviour Float64Array and price-driven
 * flags, and spills one segment name per customer.
 */
import { at, plainValue, readBoolean, readNumber } from "../analytics/orders/cells";
import { Attitude, attitudeFromRecommend, priceDrivenFrom, segmentCustomersAsync } from "../analytics/segments/loyaltySegment";
import { inBlocks, timeSlicer } from "../analytics/numeric/yieldToHost";
import { CellError, failValue, isCellError, raise } from "../analytics/errors";
import { NamedList, cellOf, columnOf, guardAsync, rowCount, single, toExcelColumnAsync } from "./adapter";
import { readNumberColumnAsync } from "./numberColumns";

function readPriceDriven(cell: unknown, row: number | undefined): boolean | CellError {
  // The data-type form ({ type: "Double", basicValue: 0 }) is its plain value, as for every other argument.
  const value = typeof cell === "object" && cell !== null ? plainValue(cell) : cell;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && value >= 0 && value <= 1) return priceDrivenFrom(value); // in range: no message to build
  const where = at("price_driven", row);
  if (typeof value === "number") {
    const share = readNumber(value, where);
    return isCellError(share) ? share : priceDrivenFrom(share, where);
  }
  const flag = readBoolean(value, where);
  if (isCellError(flag)) {
    // readBoolean says "expected TRUE or FALSE, found …"; a share is allowed here too, so say so before "found".
    const message = flag.code === "#VALUE!" ? flag.message.replace("expected TRUE or FALSE", "expected TRUE/FALSE or a share of discounted orders from 0 to 1") : flag.message;
    return { code: flag.code, message };
  }
  return flag ?? false;
}

/**
 * Loyalty segment per customer from attitude (likelihood to recommend) and repeat buying: Loyal, Reachable, Locked-in or High-risk (Dick & Basu 1994). Behaviour is high when at least behaviour_cutoff, or above its median when no cutoff is given.
 * @customfunction SEGMENT SEGMENT
 * @helpurl https://localhost:3000/help.html#segment
 * @param {any[][]} recommend_scores Likelihood-to-recommend answers, 0–10, one per customer (9–10 promoter, 7–8 passive, 0–6 detractor).
 * @param {any[][]} behaviour Repeat buying, more is better and fair to newer customers: orders per year, R+F+M, expected purchases or a 0–10 intention to buy again (not the three-digit RFM code).
 * @param {any} [behaviour_cutoff] Behaviour is high when at least this value. Leave out to use above the median.
 * @param {any[][]} [price_driven] TRUE/FALSE or the share of orders bought on discount (0–1, price-driven from 0.5), per customer or one value for all.
 * @returns {Promise<any[][]>} One segment name per customer.
 */
export async function segment(recommend_scores: any[][], behaviour: any[][], behaviour_cutoff?: any, price_driven?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    // Read, classified and spilled in time slices: a full sheet never holds Excel for long.
    const slicer = timeSlicer();
    const scores = columnOf(recommend_scores, "recommend_scores");
    const behaviourList = columnOf(behaviour, "behaviour");
    const cutoffCell = readNumber(single(behaviour_cutoff, "behaviour_cutoff"), at("behaviour_cutoff"));
    if (isCellError(cutoffCell)) raise(cutoffCell);
    const priceList = price_driven === null || price_driven === undefined ? null : columnOf(price_driven, "price_driven");
    const lists: NamedList[] = [
      { arg: "recommend_scores", values: scores },
      { arg: "behaviour", values: behaviourList },
    ];
    if (priceList) lists.push({ arg: "price_driven", values: priceList });
    const n = rowCount(lists);
    if (behaviourList.length === 1 && cutoffCell === null) {
      failValue("behaviour is a single value, so it has no median to compare with; give a behaviour_cutoff, or one behaviour value per customer");
    }
    const score = await readNumberColumnAsync(scores, n, "recommend_scores", "a 0–10 score", slicer);
    const attitudes = new Array<Attitude | CellError | null>(n);
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const s = score.values[i];
        if (s !== s) attitudes[i] = score.errors?.[i] ?? null;
        else if (s >= 0 && s <= 10) attitudes[i] = attitudeFromRecommend(s);
        else attitudes[i] = attitudeFromRecommend(s, at("recommend_scores", n === 1 ? undefined : i + 1));
      }
    });
    const { values: behaviourValues, errors: behaviourErrors } = await readNumberColumnAsync(behaviourList, n, "behaviour", "a behaviour number", slicer);
    let priceDriven: (boolean | CellError)[] | undefined;
    if (priceList) {
      const list = priceList;
      if (list.length === 1) priceDriven = [readPriceDriven(cellOf(list, 0), undefined)];
      else {
        const flags = new Array<boolean | CellError>(list.length);
        await inBlocks(list.length, slicer, (from, to) => {
          for (let i = from; i < to; i++) flags[i] = readPriceDriven(cellOf(list, i), i + 1);
        });
        priceDriven = flags;
      }
    }
    const { segments } = await segmentCustomersAsync({ attitudes, behaviour: behaviourValues, behaviourErrors, cutoff: cutoffCell, priceDriven }, slicer);
    return toExcelColumnAsync(segments, slicer);
  })) as any[][];
}
