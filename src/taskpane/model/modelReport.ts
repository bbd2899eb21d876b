/**
 * The "Model report" of Check the model, as plain data (the sheet plan is modelReportPlan.ts):
 * from the order log, the calibration end, the holdout end and the BG/NBD model fitted by
 * checkModel, in weeks. The calibration cohort is every customer whose first order falls on or
 * before the calibration end; later newcomers are left out of everything.
 *
 * - histogram: customers per calibration repeat count 0 … 6, 7+, actual and Σᵢ P(X(Tᵢ) = k)
 *   (repeatPurchaseHistogram.ts with bgnbdPurchaseProbability.ts);
 * - the holdout groups of checkModel (mean holdout purchases by calibration frequency);
 * - tracking from the first order date o of the cohort (week k holds the days o + 7k − 6 … o + 7k) to the tracking end
 *   (the holdout end unless told otherwise), actual repeat purchases (distinct days, first excluded)
 *   of the cohort against Σᵢ E[X(τ − sᵢ)] (trackingCurve.ts), with the week of the calibration end;
 * - P(alive) and E[Y(1 week)] over frequency × recency at the largest T of the cohort
 *   (frequencyRecencyGrid.ts), frequencies up to the largest seen (at most MAX_GRID_FREQUENCY);
 * - the comparison of BG/NBD, Pareto/NBD and MBG/NBD fitted on the same calibration histories:
 *   parameters with standard errors, log-likelihood, BIC with N = customers, and holdout errors
 *   (modelComparison.ts). A model the data cannot identify gets its reason instead of numbers.
 *
 * Example: CDNOW_sample.txt with calibration end 1997-09-30 → 2,357 customers, 1,411 with x = 0;
 * tracking weeks 1 … 78, the calibration ending in week 39; heatmaps at T = 38.86 weeks.
 * Cost: O(n) to group the orders, the tracking and grid evaluations (trackingCurve.ts), two more
 * fits, and the holdout predictions; yields between the steps and inside the long ones.
 */
import { bgnbdFitAsync } from "../../analytics/btyd/bgnbdFit";
import type { BgnbdParams } from "../../analytics/btyd/bgnbdLogLikelihood";
import { bgnbdNewCustomerExpectedPurchases, expectedPurchases, expectedPurchasesColumnAsync, pAlive } from "../../analytics/btyd/bgnbdPredictions";
import { bgnbdPurchaseProbability } from "../../analytics/btyd/bgnbdPurchaseProbability";
import { type FrequencyRecencyGrid, frequencyRecencyGrid, recencyStep } from "../../analytics/btyd/frequencyRecencyGrid";
import { mbgnbdFitAsync } from "../../analytics/btyd/mbgnbdFit";
import { mbgnbdExpectedPurchases } from "../../analytics/btyd/mbgnbdPredictions";
import { type HoldoutErrors, bayesianInformationCriterion, holdoutErrors } from "../../analytics/btyd/modelComparison";
import { paretoNbdFitAsync } from "../../analytics/btyd/paretoNbdFit";
import { paretoNbdExpectedPurchases } from "../../analytics/btyd/paretoNbdPredictions";
import { type RepeatPurchaseHistogram, repeatPurchaseHistogram } from "../../analytics/btyd/repeatPurchaseHistogram";
import { type TrackingCurve, trackingCurve } from "../../analytics/btyd/trackingCurve";
import { purchaseDaysAsync } from "../../analytics/orders/purchaseDays";
import { type TimeSlicer, timeSlicer, yieldToHost } from "../../analytics/numeric/yieldToHost";
import { type CheckResult, type OrderLog, ordersWithId } from "./modelCheck";

/** Days per week: the report, like the check, counts time in weeks. */
const WEEK = 7;

/** The heatmaps' rows stop here even when someone bought more often. */
export const MAX_GRID_FREQUENCY = 30;

export type ComparedModel = "BG/NBD" | "Pareto/NBD" | "MBG/NBD";

export type ModelComparisonRow =
  | {
      readonly model: ComparedModel;
      readonly status: "fitted";
      readonly names: readonly string[];
      readonly estimates: readonly number[];
      readonly standardErrors: readonly number[];
      readonly logLikelihood: number;
      readonly bic: number;
      readonly holdout: HoldoutErrors;
    }
  | { readonly model: ComparedModel; readonly status: "refused"; readonly message: string };

export type ModelReport = {
  readonly calibrationEnd: number;
  readonly holdoutEnd: number;
  readonly trackingEnd: number;
  /** First order date of the cohort: tracking week 1 starts here. */
  readonly origin: number;
  readonly customers: number;
  readonly params: BgnbdParams;
  readonly histogram: RepeatPurchaseHistogram;
  readonly groups: CheckResult["groups"];
  readonly tracking: TrackingCurve;
  /** Tracking week (1-based) in which the calibration period ends. */
  readonly calibrationWeek: number;
  /** The largest T of the cohort, in weeks: the T of both heatmaps. */
  readonly heatmapT: number;
  readonly pAliveGrid: FrequencyRecencyGrid;
  readonly nextWeekGrid: FrequencyRecencyGrid;
  readonly comparison: readonly ModelComparisonRow[];
};

/** Per-customer histories of the cohort (first order on or before the calibration end). */
type Cohort = {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly xHoldout: Float64Array;
  readonly starts: Float64Array;
  readonly repeats: Float64Array;
  readonly origin: number;
};

async function cohortOf(log: OrderLog, calibrationEnd: number, holdoutEnd: number, trackingEnd: number, slicer: TimeSlicer): Promise<Cohort> {
  const { ids, dates } = ordersWithId(log);
  const all = await purchaseDaysAsync(ids, dates, null, Math.max(holdoutEnd, trackingEnd), slicer);
  const keep: number[] = [];
  let origin = Infinity;
  let repeatCount = 0;
  for (let c = 0; c < all.ids.length; c++) {
    const first = all.days[all.offsets[c]];
    if (all.firstBadRow[c] >= 0 || !(first <= calibrationEnd)) continue;
    keep.push(c);
    origin = Math.min(origin, first);
    for (let j = all.offsets[c] + 1; j < all.offsets[c + 1]; j++) if (all.days[j] <= trackingEnd) repeatCount++;
  }
  const n = keep.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const xHoldout = new Float64Array(n);
  const starts = new Float64Array(n);
  const repeats = new Float64Array(repeatCount);
  let r = 0;
  for (let i = 0; i < n; i++) {
    const c = keep[i];
    const from = all.offsets[c];
    const to = all.offsets[c + 1];
    const first = all.days[from];
    let calibrationLast = first;
    for (let j = from + 1; j < to; j++) {
      const day = all.days[j];
      if (day <= calibrationEnd) {
        x[i]++;
        calibrationLast = day;
      } else if (day <= holdoutEnd) xHoldout[i]++;
      if (day <= trackingEnd) repeats[r++] = (day - origin) / WEEK;
    }
    tx[i] = (calibrationLast - first) / WEEK;
    T[i] = (calibrationEnd - first) / WEEK;
    starts[i] = (first - origin) / WEEK;
  }
  return { x, tx, T, xHoldout, starts, repeats, origin };
}

/** E[Y(t)] for every customer with a per-model function, pausing through the slicer. */
async function predictEach(n: number, predict: (i: number) => number, slicer: TimeSlicer): Promise<Float64Array> {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = predict(i);
    if ((i & 255) === 255 && slicer.due()) await slicer.pause();
  }
  return out;
}

async function compare(c: Cohort, holdoutWeeks: number, slicer: TimeSlicer): Promise<ModelComparisonRow[]> {
  const n = c.x.length;
  const rows: ModelComparisonRow[] = [];
  const fitted = async (
    model: ComparedModel,
    names: readonly string[],
    fit: () => Promise<{ logLikelihood: number; estimates: number[]; standardErrors: number[] }>,
    predictions: (estimates: number[]) => Promise<Float64Array>,
  ): Promise<void> => {
    try {
      const f = await fit();
      const predicted = await predictions(f.estimates);
      rows.push({
        model,
        status: "fitted",
        names,
        estimates: f.estimates,
        standardErrors: f.standardErrors,
        logLikelihood: f.logLikelihood,
        bic: bayesianInformationCriterion(f.logLikelihood, names.length, n),
        holdout: holdoutErrors(c.xHoldout, predicted),
      });
    } catch (error) {
      rows.push({ model, status: "refused", message: error instanceof Error ? error.message : String(error) });
    }
    await yieldToHost();
  };
  const t = [holdoutWeeks];
  await fitted(
    "BG/NBD",
    ["r", "alpha", "a", "b"],
    async () => {
      const f = await bgnbdFitAsync(c.x, c.tx, c.T);
      const se = f.standardErrors;
      return { logLikelihood: f.logLikelihood, estimates: [f.r, f.alpha, f.a, f.b], standardErrors: [se.r, se.alpha, se.a, se.b] };
    },
    ([r, alpha, a, b]) => expectedPurchasesColumnAsync({ r, alpha, a, b }, t, c.x, c.tx, c.T, undefined, { slicer }),
  );
  await fitted(
    "Pareto/NBD",
    ["r", "alpha", "s", "beta"],
    async () => {
      const f = await paretoNbdFitAsync(c.x, c.tx, c.T);
      const se = f.standardErrors;
      return { logLikelihood: f.logLikelihood, estimates: [f.r, f.alpha, f.s, f.beta], standardErrors: [se.r, se.alpha, se.s, se.beta] };
    },
    ([r, alpha, s, beta]) => predictEach(n, (i) => paretoNbdExpectedPurchases({ r, alpha, s, beta }, holdoutWeeks, c.x[i], c.tx[i], c.T[i]), slicer),
  );
  await fitted(
    "MBG/NBD",
    ["r", "alpha", "a", "b"],
    async () => {
      const f = await mbgnbdFitAsync(c.x, c.tx, c.T);
      const se = f.standardErrors;
      return { logLikelihood: f.logLikelihood, estimates: [f.r, f.alpha, f.a, f.b], standardErrors: [se.r, se.alpha, se.a, se.b] };
    },
    ([r, alpha, a, b]) => predictEach(n, (i) => mbgnbdExpectedPurchases({ r, alpha, a, b }, holdoutWeeks, c.x[i], c.tx[i], c.T[i]), slicer),
  );
  return rows;
}

/** Builds the report for a finished check; `trackingEnd` defaults to the holdout end. */
export async function buildModelReport(log: OrderLog, check: CheckResult, trackingEnd = check.holdoutEnd): Promise<ModelReport> {
  const { calibrationEnd, holdoutEnd, params } = check;
  const slicer = timeSlicer();
  const cohort = await cohortOf(log, calibrationEnd, holdoutEnd, trackingEnd, slicer);
  await yieldToHost();
  const histogram = repeatPurchaseHistogram(cohort.x, cohort.T, (k, t) => bgnbdPurchaseProbability(params, k, t));
  await yieldToHost();
  const tracking = await trackingCurve(cohort.starts, cohort.repeats, (trackingEnd - cohort.origin) / WEEK, (t) => bgnbdNewCustomerExpectedPurchases(params, t), slicer);
  await yieldToHost();
  let heatmapT = 0;
  let maxX = 0;
  for (let i = 0; i < cohort.x.length; i++) {
    heatmapT = Math.max(heatmapT, cohort.T[i]);
    maxX = Math.max(maxX, cohort.x[i]);
  }
  const step = recencyStep(heatmapT);
  const rows = Math.min(maxX, MAX_GRID_FREQUENCY);
  const pAliveGrid = frequencyRecencyGrid(heatmapT, rows, step, (x, tx, T) => pAlive(params, x, tx, T));
  await yieldToHost();
  const nextWeekGrid = frequencyRecencyGrid(heatmapT, rows, step, (x, tx, T) => expectedPurchases(params, 1, x, tx, T));
  await yieldToHost();
  const comparison = await compare(cohort, check.holdoutWeeks, slicer);
  return {
    calibrationEnd,
    holdoutEnd,
    trackingEnd,
    origin: cohort.origin,
    customers: cohort.x.length,
    params,
    histogram,
    groups: check.groups,
    tracking,
    calibrationWeek: Math.max(1, Math.ceil((calibrationEnd - cohort.origin) / WEEK)),
    heatmapT,
    pAliveGrid,
    nextWeekGrid,
    comparison,
  };
}
