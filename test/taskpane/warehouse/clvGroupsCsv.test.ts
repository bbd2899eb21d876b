/**
 * The CLV group table's CSV (issue 11, item 7): RFC 4180 with CRLF, '.' decimals, doubles in their
 * shortest round-trip form, NaN as an empty field (NULL for the loaders), written in parts.
 */
import { ClvGroupTable } from "../../../src/analytics/btyd/clvGroups";
import { TimeSlicer } from "../../../src/analytics/numeric/yieldToHost";
import { PART_ROWS, clvGroupsCsv, clvGroupsCsvParts } from "../../../src/taskpane/warehouse/clvGroupsCsv";

const table = (rows: number[][]): ClvGroupTable => {
  const col = (k: number) => Float64Array.from(rows, (r) => r[k]);
  return { count: rows.length, x: col(0), txDays: col(1), TDays: col(2), pAlive: col(3), expectedPurchases: col(4), discountedPurchases: col(5) };
};

describe("clvGroupsCsv", () => {
  it("writes a hand-made 3-group table exactly, header first, one CRLF record per group", async () => {
    // Hand-made values: x 0 is alive (1); 0.1 + 0.2 needs 17 digits (0.30000000000000004);
    // 1/3 is 0.3333333333333333 to the last bit; 1e-7 keeps JavaScript's exponent form, which every engine reads as DOUBLE;
    // a series that did not settle (NaN) is an empty field.
    const t = table([
      [0, 0, 30, 1, 0.30000000000000004, 0.25],
      [2, 213, 272, 0.5, 1 / 3, 1e-7],
      [1, 7, 14, 0.75, NaN, NaN],
    ]);
    expect(await clvGroupsCsv(t)).toBe(
      "x,t_x_days,T_days,p_alive,expected_purchases,discounted_purchases\r\n" +
        "0,0,30,1,0.30000000000000004,0.25\r\n" +
        "2,213,272,0.5,0.3333333333333333,1e-7\r\n" +
        "1,7,14,0.75,,\r\n",
    );
  });

  it("reads back to the same doubles (round trip through the text)", async () => {
    const values = [Math.PI, 0.1 + 0.7, 2 ** -1074, 1.7976931348623157e308, 123456789.12345679];
    const t = table(values.map((v, i) => [i, 0, i, v, v, v]));
    const lines = (await clvGroupsCsv(t)).split("\r\n").slice(1, -1);
    lines.forEach((line, i) => expect(line.split(",").slice(3).map(Number)).toEqual([values[i], values[i], values[i]]));
  });

  it("writes in parts of PART_ROWS records and looks at the slicer between parts", async () => {
    const n = PART_ROWS * 2 + 5;
    const t = table(Array.from({ length: n }, (_, i) => [i, 0, i, 0.5, 1, 2]));
    let pauses = 0;
    const slicer: TimeSlicer = { due: () => true, pause: async () => void pauses++ };
    const parts = await clvGroupsCsvParts(t, slicer);
    expect(parts).toHaveLength(1 + 3); // header and three parts
    expect(pauses).toBe(3);
    expect(parts.join("").split("\r\n")).toHaveLength(n + 2); // header, n records, and the empty tail after the last CRLF
  });
});
