/**
 * Reading the grouped BTYD summary the database returned and making the CLV group table from it
 * (clvGroupsRun.ts): the key columns by name in any order, problems named by line (1 is the header).
 */
import { readDayHistories, runClvGroups } from "../../../src/taskpane/warehouse/clvGroupsRun";
import { pAlive } from "../../../src/analytics/btyd/bgnbdPredictions";

const FHL = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 }; // Fader, Hardie & Lee 2005, weeks
const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "week" as const };

describe("readDayHistories", () => {
  it("finds x, t_x_days and T_days by name in any order, quoted or not, with comma, semicolon or tab", async () => {
    for (const text of [
      "customers,T_days,x,t_x_days\r\n3,272,2,213\r\n1,10,0,0\r\n",
      '"x";"t_x_days";"T_days"\n"2";"213";"272"\n0;0;10\n\n',
      "\uFEFFx\tt_x_days\tT_days\n2\t213\t272\n0\t0\t10",
    ]) {
      const r = await readDayHistories(text);
      expect(r).toEqual({ kind: "ok", x: [2, 0], txDays: [213, 0], TDays: [272, 10], lines: [2, 3] });
    }
  });

  it("names the missing column, and the line and column of a value that is not a whole number", async () => {
    expect(await readDayHistories("x,t_x,T\n1,2,3\n")).toEqual({ kind: "failed", problem: { kind: "missingColumn", column: "t_x_days" } });
    expect(await readDayHistories("x,t_x_days,T_days\n1,2,3\n1,2.5,3\n")).toEqual({ kind: "failed", problem: { kind: "badValue", line: 3, column: "t_x_days", value: "2.5" } });
    expect(await readDayHistories("x,t_x_days,T_days\n1,,3\n")).toEqual({ kind: "failed", problem: { kind: "badValue", line: 2, column: "t_x_days", value: "" } });
    expect(await readDayHistories("x,t_x_days,T_days\n")).toEqual({ kind: "failed", problem: { kind: "empty" } });
    expect(await readDayHistories("")).toEqual({ kind: "failed", problem: { kind: "empty" } });
  });
});

describe("runClvGroups", () => {
  it("gives one CSV row per distinct history, P(alive) 0.7266 for the FHL worked example (x 2, 213 and 272 days)", async () => {
    const r = await runClvGroups("x,t_x_days,T_days\n2,213,272\n2,213,272\n0,0,272\n", FHL, options);
    if (r.kind !== "done") throw new Error(JSON.stringify(r));
    expect([r.rows, r.groups, r.notSettled]).toEqual([3, 2, 0]);
    const lines = r.parts.join("").split("\r\n");
    expect(lines).toHaveLength(4);
    expect(Number(lines[1].split(",")[3])).toBe(pAlive(FHL, 2, 213 / 7, 272 / 7));
    expect(Number(lines[1].split(",")[3])).toBeCloseTo(0.7266, 4);
    expect(lines[2].startsWith("0,0,272,1,")).toBe(true);
  });

  it("names the line of a row that is not a whole-day history", async () => {
    const r = await runClvGroups("x,t_x_days,T_days\n2,213,272\n\n0,5,272\n", FHL, options);
    expect(r).toEqual({ kind: "failed", problem: { kind: "badHistory", line: 4, detail: "t_x_days is 5 with x 0; a customer without repeat purchases has t_x_days 0" } });
  });
});
