import { rfmscore } from "../../../src/functions/rfm";
import { segment } from "../../../src/functions/segment";
import { EMPTY_MAPPING, type Mapping, type Role } from "../../../src/taskpane/model/mapping";
import { ordersPerYear } from "../../../src/taskpane/model/behaviour";
import { RunError, runSegmentation, summarise } from "../../../src/taskpane/model/segmentRun";
import { en } from "../../../src/taskpane/strings/en";

function mapping(columns: Partial<Record<Role, number>>, extra: Partial<Mapping> = {}): Mapping {
  return { ...EMPTY_MAPPING, ...extra, columns: { ...EMPTY_MAPPING.columns, ...columns } };
}

/** Deterministic pseudo-random rows: id, recommend 0–10, recency days, orders, revenue. */
function randomRows(n: number): unknown[][] {
  let a = 12345;
  const rnd = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const rows: unknown[][] = [];
  for (let i = 0; i < n; i++) rows.push([`C${i}`, Math.floor(rnd() * 11), Math.floor(rnd() * 400), 1 + Math.floor(rnd() * 20), Math.round(rnd() * 100000) / 100]);
  return rows;
}

const RFM_MAP = mapping({ id: 0, attitude: 1, recency: 2, frequency: 3, monetary: 4 });

describe("runSegmentation", () => {
  it("places customers exactly as LOYALTY.SEGMENT does for the same columns", async () => {
    const rows = randomRows(500);
    const result = await runSegmentation({ rows, firstSheetRow: 2, mapping: RFM_MAP, mode: "groups", measure: "orders", cutoff: { kind: "median" } });
    const fromFunction = await segment(rows.map((r) => [r[1]]), rows.map((r) => [r[3]]));
    expect(result.segments).toEqual(fromFunction.map((r) => r[0]));
  });

  it("uses LOYALTY.RFMSCORE's scores and sums their digits for R + F + M", async () => {
    const rows = randomRows(300);
    const result = await runSegmentation({ rows, firstSheetRow: 2, mapping: RFM_MAP, mode: "groups", measure: "rfmSum", cutoff: { kind: "median" } });
    const scores = (await rfmscore(rows.map((r) => [r[2]]), rows.map((r) => [r[3]]), rows.map((r) => [r[4]]))).map((r) => r[0] as number);
    expect(Array.from(result.rfmScore as Float64Array)).toEqual(scores);
    // R + F + M is the digit sum of each score, e.g. 534 → 12
    const sums = scores.map((s: number) => Math.floor(s / 100) + (Math.floor(s / 10) % 10) + (s % 10));
    expect(Array.from(result.behaviour)).toEqual(sums);
    // and LOYALTY.SEGMENT with those sums as behaviour gives the same groups
    expect(result.segments).toEqual((await segment(rows.map((r) => [r[1]]), sums.map((s: number) => [s]))).map((r) => r[0]));
  });

  it("turns last-order dates into days before the latest date", async () => {
    // dates 45300, 45290, 45200 → as of 45300: recency 0, 10, 100 days
    const rows = [["a", 9, 45300, 5, 500], ["b", 3, 45290, 2, 120], ["c", 10, 45200, 1, 40]];
    const byDate = await runSegmentation({ rows, firstSheetRow: 2, mapping: { ...RFM_MAP, recencyKind: "date" }, mode: "groups", measure: "rfmSum", cutoff: { kind: "median" } });
    const byDays = await runSegmentation({
      rows: [["a", 9, 0, 5, 500], ["b", 3, 10, 2, 120], ["c", 10, 100, 1, 40]],
      firstSheetRow: 2,
      mapping: RFM_MAP,
      mode: "groups",
      measure: "rfmSum",
      cutoff: { kind: "median" },
    });
    expect(Array.from(byDate.rfmScore as Float64Array)).toEqual(Array.from(byDays.rfmScore as Float64Array));
  });

  it("computes orders per year of tenure, a year at least", async () => {
    // as of 45700 (latest first-order date). a: 6 orders over 730.5 days → 3 a year; b: 2 orders in 100 days → counts as one year → 2;
    // c: 1 order, first order on the as-of day → 1
    expect(ordersPerYear(6, 45700 - 730.5, 45700)).toBeCloseTo(3, 12);
    const rows = [["a", 9, 6, 45700 - 730], ["b", 3, 2, 45600], ["c", 10, 1, 45700]];
    const result = await runSegmentation({
      rows,
      firstSheetRow: 2,
      mapping: mapping({ id: 0, attitude: 1, frequency: 2, firstOrder: 3 }),
      mode: "groups",
      measure: "ordersPerYear",
      cutoff: { kind: "atLeast", value: 2 },
    });
    // 6 / (730 / 365.25) = 3.0017…
    expect(result.behaviour[0]).toBeCloseTo(6 / (730 / 365.25), 12);
    expect(Array.from(result.behaviour).slice(1)).toEqual([2, 1]);
    // at least 2: a high promoter → Loyal; b high detractor → Locked-in; c low promoter → Reachable
    expect(result.segments).toEqual(["Loyal", "Locked-in", "Reachable"]);
  });

  it("lists every unusable row with its reason and sheet row, segmenting the rest", async () => {
    const rows = [
      ["a", 9, 5],
      ["b", "#N/A", 5], // error value in the attitude cell
      ["c", "nine", 5], // text
      ["d", "", 5], // no score
      ["e", 11, 5], // out of range
      ["f", 3, -1], // negative orders
      ["g", 3, "x"], // text orders
      ["", 3, 1], // no id
      ["i", 2, 1],
      ["j", 10, 1],
    ];
    const result = await runSegmentation({ rows, firstSheetRow: 5, mapping: mapping({ id: 0, attitude: 1, frequency: 2 }), mode: "groups", measure: "orders", cutoff: { kind: "median" } });
    expect(result.issues).toEqual([
      null,
      { kind: "errorValue", role: "attitude", code: "#N/A" },
      { kind: "notNumber", role: "attitude" },
      { kind: "blank", role: "attitude" },
      { kind: "attitudeRange", scale: "recommend" },
      { kind: "negative", role: "frequency" },
      { kind: "notNumber", role: "frequency" },
      { kind: "noId" },
      null,
      null,
    ]);
    // usable orders 5, 1, 1 → median 1, high = a only
    expect(result.segments).toEqual(["Loyal", null, null, null, null, null, null, null, "High-risk", "Reachable"]);
    expect(result.summary.skipped).toBe(7);
    expect(result.summary.skippedGroups.find((g) => g.reason.kind === "noId")?.rows).toEqual([12]);
  });

  it("reads price-driven flags and shares: Loyal becomes Reachable, others High-risk", async () => {
    const rows = [
      ["a", 10, 9, true],
      ["b", 10, 9, 0.6],
      ["c", 10, 9, 0.4],
      ["d", 8, 1, "TRUE"],
      ["e", 8, 1, ""],
      ["f", 8, 1, 1.5],
    ];
    const result = await runSegmentation({
      rows,
      firstSheetRow: 2,
      mapping: mapping({ id: 0, attitude: 1, frequency: 2, priceDriven: 3 }),
      mode: "groups",
      measure: "orders",
      cutoff: { kind: "atLeast", value: 5 },
    });
    expect(result.segments).toEqual(["Reachable", "Reachable", "Loyal", "High-risk", "Reachable", null]);
    expect(result.issues[5]).toEqual({ kind: "shareRange" });
    // The engine's overriddenFromIndex: a (TRUE) and b (0.6) would be Loyal, d (a passive, "TRUE") Reachable; c, e not price-driven.
    expect(result.overrides).toEqual([
      { from: "Loyal", to: "Reachable", share: null },
      { from: "Loyal", to: "Reachable", share: 0.6 },
      null,
      { from: "Reachable", to: "High-risk", share: null },
      null,
      null,
    ]);
  });

  it("reads satisfaction 1–5 and referral counts as attitudes", async () => {
    const sat = await runSegmentation({
      rows: [["a", 5, 9], ["b", 4, 9], ["c", 3, 9], ["d", 0, 9]],
      firstSheetRow: 2,
      mapping: mapping({ id: 0, attitude: 1, frequency: 2 }, { attitudeScale: "satisfaction" }),
      mode: "groups",
      measure: "orders",
      cutoff: { kind: "atLeast", value: 5 },
    });
    expect(sat.segments).toEqual(["Loyal", "Reachable", "Locked-in", null]);
    const ref = await runSegmentation({
      rows: [["a", 2, 9], ["b", 0, 9]],
      firstSheetRow: 2,
      mapping: mapping({ id: 0, attitude: 1, frequency: 2 }, { attitudeScale: "referrals" }),
      mode: "groups",
      measure: "orders",
      cutoff: { kind: "atLeast", value: 5 },
    });
    expect(ref.segments).toEqual(["Loyal", "Reachable"]);
  });

  it("makes RFM segments without an attitude column", async () => {
    // 2 customers can't fill 5 bins; digits follow the rfm package's breaks: a gets 5,5,5 → Champions
    const result = await runSegmentation({
      rows: [["a", 1, 10, 900], ["b", 300, 1, 10]],
      firstSheetRow: 2,
      mapping: mapping({ id: 0, recency: 1, frequency: 2, monetary: 3 }),
      mode: "rfm",
      measure: "rfmSum",
      cutoff: { kind: "median" },
    });
    const scores = (await rfmscore([[1], [300]], [[10], [1]], [[900], [10]])).map((r) => r[0]);
    expect(Array.from(result.rfmScore as Float64Array)).toEqual(scores);
    expect(result.segments[0]).toBe("Champions");
    expect(result.summary.rows.map((r) => r.segment)).toContain("Champions");
  });

  it("refuses set-ups it cannot run, in words the pane can explain", async () => {
    const base = { firstSheetRow: 2, measure: "orders" as const, cutoff: { kind: "median" as const } };
    await expect(runSegmentation({ ...base, rows: [], mapping: RFM_MAP, mode: "groups" })).rejects.toMatchObject({ kind: "noRows" });
    await expect(runSegmentation({ ...base, rows: [["a", 1]], mapping: mapping({ id: 0, frequency: 1 }), mode: "groups" })).rejects.toMatchObject({ kind: "needAttitude" });
    await expect(runSegmentation({ ...base, rows: [["a", 1]], mapping: mapping({ id: 0, frequency: 1 }), mode: "rfm" })).rejects.toMatchObject({ kind: "needRfmColumns" });
    await expect(runSegmentation({ ...base, rows: [["", 1, 1]], mapping: mapping({ id: 0, attitude: 1, frequency: 2 }), mode: "groups" })).rejects.toMatchObject({ kind: "noUsableRows" });
    // all orders equal: nobody is above the median 3
    const tie = runSegmentation({ ...base, rows: [["a", 9, 3], ["b", 1, 3]], mapping: mapping({ id: 0, attitude: 1, frequency: 2 }), mode: "groups" });
    await expect(tie).rejects.toBeInstanceOf(RunError);
    await expect(tie).rejects.toMatchObject({ kind: "needCutoff", median: 3 });
  });

  it("yields between blocks of rows and stops when cancelled", async () => {
    const rows = randomRows(12_000);
    const progress: number[] = [];
    await runSegmentation({ rows, firstSheetRow: 2, mapping: RFM_MAP, mode: "groups", measure: "orders", cutoff: { kind: "median" }, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual([5_000, 10_000, 12_000]);
    const controller = new AbortController();
    const run = runSegmentation({ rows, firstSheetRow: 2, mapping: RFM_MAP, mode: "groups", measure: "orders", cutoff: { kind: "median" }, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });
  });
});

describe("summarise", () => {
  it("counts, shares, revenue, profit and mean score per segment", async () => {
    // customers in groups 0, 0, 1, 2; revenue 100, 300, 50, 50; cost 10, 20, 5, 60; scores 10, 9, 7, 2; recurring 5, 0, 2, 1
    const s = summarise({
      names: ["Loyal", "Reachable", "Locked-in", "High-risk"],
      keepEmpty: true,
      segmentOf: Int16Array.from([0, 0, 1, 2]),
      revenue: Float64Array.from([100, 300, 50, 50]),
      cost: Float64Array.from([10, 20, 5, 60]),
      attitude: Float64Array.from([10, 9, 7, 2]),
      recurring: Float64Array.from([5, 0, 2, 1]),
      issues: [null, null, null, null, { kind: "noId" }],
      firstSheetRow: 2,
    });
    expect(s.rows).toEqual([
      // Loyal: 100 + 300 = 400 of 500 = 0.8; profit 400 − 30 = 370; score (10 + 9) / 2; recurring 5 + 0
      { segment: "Loyal", customers: 2, customerShare: 0.5, revenue: 400, revenueShare: 0.8, profit: 370, averageAttitude: 9.5, recurring: 5 },
      { segment: "Reachable", customers: 1, customerShare: 0.25, revenue: 50, revenueShare: 0.1, profit: 45, averageAttitude: 7, recurring: 2 },
      { segment: "Locked-in", customers: 1, customerShare: 0.25, revenue: 50, revenueShare: 0.1, profit: -10, averageAttitude: 2, recurring: 1 },
      { segment: "High-risk", customers: 0, customerShare: 0, revenue: 0, revenueShare: 0, profit: 0, averageAttitude: null, recurring: 0 },
    ]);
    expect(s.customers).toBe(4);
    expect(s.revenue).toBe(500);
    expect(s.profit).toBe(405);
    expect(s.recurring).toBe(8);
    expect(s.skippedGroups).toEqual([{ reason: { kind: "noId" }, rows: [6] }]);
  });

  it("leaves revenue share out when there is no revenue, and profit without cost", async () => {
    const s = summarise({ names: ["Loyal"], keepEmpty: true, segmentOf: Int16Array.from([0]), revenue: Float64Array.from([0]), cost: null, attitude: null, issues: [null], firstSheetRow: 2 });
    expect(s.rows[0]).toMatchObject({ revenue: 0, revenueShare: null, profit: null, averageAttitude: null, recurring: null });
  });
});

describe("runSegmentation on a grouped table (a customers column)", () => {
  // Columns: id, recommend, recency days, orders, revenue (per customer), cost, customers.
  const GROUPED_MAP = mapping({ id: 0, attitude: 1, recency: 2, frequency: 3, monetary: 4, cost: 5, weight: 6 });
  const EXPANDED_MAP = mapping({ id: 0, attitude: 1, recency: 2, frequency: 3, monetary: 4, cost: 5 });

  /** Seeded grouped rows with many ties (few distinct values per column) and weights 1 … 40. */
  function groupedRows(n: number): unknown[][] {
    let a = 4242;
    const rnd = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const w = rnd() < 0.5 ? 1 : 1 + Math.floor(rnd() * rnd() * 40);
      rows.push([`G${i}`, Math.floor(rnd() * 11), Math.floor(rnd() * 30) * 10, 1 + Math.floor(rnd() * 6), Math.round(rnd() * 400) / 4, Math.floor(rnd() * 20), w]);
    }
    return rows;
  }

  /** Each row repeated w times without the customers column (the independent computation), and the source row of each. */
  function expand(rows: unknown[][]): { rows: unknown[][]; source: number[] } {
    const out: unknown[][] = [];
    const source: number[] = [];
    rows.forEach((r, i) => {
      for (let k = 0; k < (r[6] as number); k++) {
        out.push(r.slice(0, 6));
        source.push(i);
      }
    });
    return { rows: out, source };
  }

  /** Equal to 1e-12 relative: Σ w·x and x added w times round differently in the last bits. */
  const close = (a: number | null, b: number | null): void => {
    expect(a === null).toBe(b === null);
    if (a !== null && b !== null) expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
  };

  const rows = groupedRows(1500);
  const e = expand(rows);

  for (const [mode, measure] of [["groups", "rfmSum"], ["groups", "orders"], ["groups", "revenue"], ["rfm", "rfmSum"]] as const) {
    it(`gives what the expanded table gives: ${mode}, ${measure}`, async () => {
      const grouped = await runSegmentation({ rows, firstSheetRow: 2, mapping: GROUPED_MAP, mode, measure, cutoff: { kind: "median" } });
      const expanded = await runSegmentation({ rows: e.rows, firstSheetRow: 2, mapping: EXPANDED_MAP, mode, measure, cutoff: { kind: "median" } });
      expect(e.rows.length).toBeGreaterThan(5 * rows.length);
      expect(grouped.cutoff).toEqual(expanded.cutoff);
      // per row: one segment, the one each of its customers gets in the expansion; the same RFM score
      expect(e.source.map((i) => grouped.segments[i])).toEqual(expanded.segments);
      expect(e.source.map((i) => grouped.rfmScore?.[i])).toEqual(Array.from(expanded.rfmScore ?? []));
      expect(grouped.summary.customers).toBe(e.rows.length);
      expect(grouped.summary.rows.map((r) => [r.segment, r.customers])).toEqual(expanded.summary.rows.map((r) => [r.segment, r.customers]));
      grouped.summary.rows.forEach((r, g) => {
        const x = expanded.summary.rows[g];
        close(r.customerShare, x.customerShare);
        close(r.revenue, x.revenue);
        close(r.revenueShare, x.revenueShare);
        close(r.profit, x.profit);
        close(r.averageAttitude, x.averageAttitude);
      });
      close(grouped.summary.revenue, expanded.summary.revenue);
      close(grouped.summary.profit, expanded.summary.profit);
      expect(grouped.grouped).toEqual({ rows: rows.length, customers: e.rows.length });
      expect(expanded.grouped).toBeNull();
    });
  }

  it("sums revenue as customers × revenue per customer, by hand", async () => {
    // recommend 10, 3, 8, 9; orders 6, 5, 1, 2; revenue 100, 50, 20, 10 per customer; customers 1, 1, 1, 3
    // → expansion orders 1 2 2 2 5 6, median 2, high 6 and 5: Loyal 1 (100), Locked-in 1 (50), Reachable 1 + 3 (20 + 3·10 = 50)
    const small = [["a", 10, 6, 100, 1], ["b", 3, 5, 50, 1], ["c", 8, 1, 20, 1], ["d", 9, 2, 10, 3]];
    const result = await runSegmentation({ rows: small, firstSheetRow: 2, mapping: mapping({ id: 0, attitude: 1, frequency: 2, monetary: 3, weight: 4 }), mode: "groups", measure: "orders", cutoff: { kind: "median" } });
    expect(result.cutoff).toEqual({ value: 2, rule: "above median" });
    expect(result.segments).toEqual(["Loyal", "Locked-in", "Reachable", "Reachable"]);
    expect(result.summary.rows.map((r) => [r.segment, r.customers, r.revenue])).toEqual([["Loyal", 1, 100], ["Reachable", 4, 50], ["Locked-in", 1, 50], ["High-risk", 0, 0]]);
    // average score of Reachable: (8 + 3·9) / 4 = 8.75; share of customers 4 / 6
    expect(result.summary.rows[1].averageAttitude).toBe(8.75);
    expect(result.summary.rows[1].customerShare).toBe(4 / 6);
    expect(result.summary.revenue).toBe(200);
    expect(Array.from(result.weights ?? [])).toEqual([1, 1, 1, 3]);
  });

  it("sets aside a blank, 0, negative, fractional or text weight with its reason and sheet row", async () => {
    const bad = [
      ["a", 9, 5, 3],
      ["b", 3, 5, ""], // blank
      ["c", 9, 5, 0], // stands for no one
      ["d", 9, 5, -2],
      ["e", 9, 5, 1.5],
      ["f", 9, 5, "many"],
      ["g", 9, 5, "#N/A"],
      ["h", 2, 1, 2],
      ["i", 10, 1, 1],
    ];
    const result = await runSegmentation({ rows: bad, firstSheetRow: 10, mapping: mapping({ id: 0, attitude: 1, frequency: 2, weight: 3 }), mode: "groups", measure: "orders", cutoff: { kind: "median" } });
    expect(result.issues).toEqual([
      null,
      { kind: "blank", role: "weight" },
      { kind: "zeroWeight" },
      { kind: "negative", role: "weight" },
      { kind: "notWhole", role: "weight" },
      { kind: "notNumber", role: "weight" },
      { kind: "errorValue", role: "weight", code: "#N/A" },
      null,
      null,
    ]);
    // what the pane lists: the reason naming the column's role, and the sheet row
    const lines = result.summary.skippedGroups.map((g) => en.summary.skipped(g.rows.length, en.reason(g.reason), g.rows, false)).sort();
    expect(lines).toEqual([
      "1 row skipped: customers per row blank (row 11)",
      "1 row skipped: customers per row is #N/A (row 16)",
      "1 row skipped: customers per row is 0 (the row stands for no one) (row 12)",
      "1 row skipped: customers per row negative (row 13)",
      "1 row skipped: customers per row not a number (row 15)",
      "1 row skipped: customers per row not a whole number (row 14)",
    ]);
    // usable: a (orders 5, w 3), h (1, w 2), i (1, w 1) → 1 1 1 5 5 5, median 3: a high
    expect(result.segments).toEqual(["Loyal", null, null, null, null, null, null, "High-risk", "Reachable"]);
    expect(result.summary.customers).toBe(6);
    expect(result.grouped).toEqual({ rows: 3, customers: 6 });
  });

  it("takes the expansion's median for the cutoff, and reports it when it leaves no one high", async () => {
    const weightMap = mapping({ id: 0, attitude: 1, frequency: 2, weight: 3 });
    // orders 2 (w 3), 8, 8: expansion 2 2 2 8 8, median 2 → the 8s are high (unweighted the median 8 would leave no one high)
    const differs = [["a", 9, 2, 3], ["b", 3, 8, 1], ["c", 3, 8, 1]];
    const r = await runSegmentation({ rows: differs, firstSheetRow: 2, mapping: weightMap, mode: "groups", measure: "orders", cutoff: { kind: "median" } });
    expect(r.cutoff).toEqual({ value: 2, rule: "above median" });
    expect(r.segments).toEqual(["Reachable", "Locked-in", "Locked-in"]);
    // orders 4 (w 5), 4, 1, 1: expansion 1 1 4 4 4 4 4 4, median 4, no one above it → needCutoff with 4
    // (unweighted the median would be (1 + 4)/2 = 2.5 and the 4s high)
    const allTop = [["a", 9, 4, 5], ["b", 3, 4, 1], ["c", 3, 1, 1], ["d", 3, 1, 1]];
    const error = await runSegmentation({ rows: allTop, firstSheetRow: 2, mapping: weightMap, mode: "groups", measure: "orders", cutoff: { kind: "median" } }).catch((x) => x);
    expect(error).toBeInstanceOf(RunError);
    expect(error.kind).toBe("needCutoff");
    expect(error.median).toBe(4);
  });
});
