/**
 * IFRS 15 allocation of a sale's transaction price between the goods and the loyalty points it
 * issues, by relative stand-alone selling price (IFRS 15 ¶73–80, B39–B43; Illustrative Example 52):
 *
 *   SSP(points) = points × value_per_point × expected_redemption_rate, or
 *                 points × standalone_price_per_point when given (B42: net of the discount a
 *                 customer would get without the option);
 *   SSP(goods)  = the sale amount, or goods_standalone_price when given;
 *   points = sales × SSP(points) / (SSP(goods) + SSP(points)),  goods = sales − points.
 *
 * Example (IFRS 15 IE 52): sales 100,000, 10,000 points worth 1 each, 95% expected to be redeemed →
 * SSP(points) 9,500; goods 100,000 × 100,000 / 109,500 = 91,324; points 8,676. O(1).
 */
import { CellError, divisionByZero, valueError } from "../errors";

export type PointsAllocationInput = {
  readonly sales: number;
  readonly pointsIssued: number;
  readonly valuePerPoint: number;
  readonly expectedRedemptionRate: number;
  /** null: the sale amount. */
  readonly goodsStandalonePrice: number | null;
  /** null: value_per_point × expected_redemption_rate. */
  readonly standalonePricePerPoint: number | null;
};

export type PointsAllocation = { readonly goods: number; readonly points: number };

export function pointsAllocation(input: PointsAllocationInput, row?: number): PointsAllocation | CellError {
  const where = (arg: string) => (row === undefined ? arg : `${arg}, row ${row}`);
  const { sales, pointsIssued, valuePerPoint, expectedRedemptionRate: rate } = input;
  const checks: [string, number, boolean, string][] = [
    ["sales", sales, sales >= 0, "a sale amount of 0 or more"],
    ["points_issued", pointsIssued, pointsIssued >= 0, "a number of points, 0 or more"],
    ["value_per_point", valuePerPoint, valuePerPoint >= 0, "a value per point of 0 or more"],
    ["expected_redemption_rate", rate, rate >= 0 && rate <= 1, "a fraction from 0 to 1 (95% is 0.95)"],
  ];
  if (input.goodsStandalonePrice !== null) {
    checks.push(["goods_standalone_price", input.goodsStandalonePrice, input.goodsStandalonePrice >= 0, "a price of 0 or more"]);
  }
  if (input.standalonePricePerPoint !== null) {
    checks.push(["standalone_price_per_point", input.standalonePricePerPoint, input.standalonePricePerPoint >= 0, "a price per point of 0 or more"]);
  }
  for (const [arg, value, ok, expected] of checks) {
    if (!Number.isFinite(value) || !ok) return valueError(`${where(arg)}: expected ${expected}, found ${value}`);
  }
  const pointsSsp = pointsIssued * (input.standalonePricePerPoint ?? valuePerPoint * rate);
  const goodsSsp = input.goodsStandalonePrice ?? sales;
  const total = goodsSsp + pointsSsp;
  if (total === 0) return divisionByZero(`${where("sales")}: the stand-alone prices of goods and points are both 0`);
  const points = (sales * pointsSsp) / total;
  return { goods: sales - points, points };
}
