/**
 * Every user-facing text of the pane, in English. de.ts and nb.ts have this shape (`Strings`):
 * texts with values are functions, so each language orders its own words. Numbers and dates
 * inside texts go through `f`, the formatter of the user's Excel regional settings
 * (src/taskpane/i18n/format.ts), never through toLocaleString. Segment names are the rule
 * engine's English names as keys; `segmentLabel` and `rfmSegmentLabel` are what the pane shows
 * and writes to the sheet.
 */
import type { Segment } from "../../analytics/segments/loyaltySegment";
import type { BehaviourMeasure } from "../model/behaviour";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { FitRefusal } from "../../analytics/numeric/fitBoundary";
import type { AttitudeScale, BtydRole, RecencyKind, Role } from "../model/mapping";
import type { IssueReason } from "../model/segmentRun";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { LogIssue, RetentionSource } from "../retention/retentionRun";
import type { CohortIssue, CohortRole } from "../retention/cohortLongTable";
import type { PeriodTableIssue, PeriodTableRole } from "../retention/periodRetentionTable";
import { type Formatter, makeFormatter } from "../i18n/format";
import type { SheetChange } from "../excel/types";
import type { RefusalReason } from "../warehouse/warehouseSql";
import type { HoldoutIssue, HoldoutRole } from "../model/holdoutTable";
import type { ClvRunProblem } from "../warehouse/clvGroupsRun";

/** A change someone else made on the sheet, in words: "cell J7 was changed", "column D was inserted". */
export function changeText(change: SheetChange): string {
  const a = change.address;
  const many = a.includes(":");
  switch (change.kind) {
    case "edited":
      return many ? `cells ${a} were changed` : `cell ${a} was changed`;
    case "inserted":
      return /^[A-Z]+:[A-Z]+$/.test(a) ? `a column was inserted (${a})` : /^\d+:\d+$/.test(a) ? `a row was inserted (${a})` : `cells were inserted at ${a}`;
    case "deleted":
      return `cells were deleted (${a})`;
    case "sorted":
      return `rows were sorted (${a})`;
    case "resized":
      return `the data grew or shrank (now ${a})`;
  }
}

/** "3 cells it had written were taken out again; 1 cell you had changed was left as it is." */
function undoText(f: Formatter, cleared: number, kept: number): string {
  const out = `${cleared === 1 ? "1 cell" : `${f.integer(cleared)} cells`} it had written ${cleared === 1 ? "was" : "were"} taken out again`;
  return kept === 0 ? `${out}.` : `${out}; ${kept === 1 ? "1 cell you had changed was" : `${f.integer(kept)} cells you had changed were`} left as ${kept === 1 ? "it is" : "they are"}.`;
}

/** Where each kind of period starts, for messages about cohort and period starts. */
const PERIOD_STARTS: Record<PeriodKind, string> = {
  week: "weeks start on a Monday",
  month: "months start on the 1st",
  quarter: "quarters start on 1 January, 1 April, 1 July or 1 October",
  year: "years start on 1 January",
};

const ROLE_NAMES: Record<Role, string> = {
  id: "Customer id",
  attitude: "Attitude",
  recency: "Recency",
  firstOrder: "First order date",
  frequency: "Frequency (orders)",
  monetary: "Monetary (revenue)",
  cost: "Cost to serve",
  priceDriven: "Share bought on discount",
  recurring: "Recurring value",
  weight: "Customers per row (weight)",
};

const ROLE_IN_SENTENCE: Record<Role, string> = {
  id: "customer id",
  attitude: "attitude score",
  recency: "recency",
  firstOrder: "first order date",
  frequency: "order count",
  monetary: "revenue",
  cost: "cost to serve",
  priceDriven: "discount share",
  recurring: "recurring value",
  weight: "customers per row",
};

const SCALE_RANGE: Record<AttitudeScale, string> = {
  recommend: "recommend score not 0–10",
  satisfaction: "satisfaction score not 1–5",
  referrals: "referral count not a whole number of 0 or more",
};

/** The English strings with numbers and dates in `f`. */
export function englishStrings(f: Formatter) {
  return {
  locale: f.locale,
  /** The formatter the texts use, for the numbers components show on their own. */
  format: f,
  appTitle: "Loyalty Lens",
  appIntro: "Select a customer table, click Segment, and see who is loyal and what to do next.",
  /** While a tab's code loads (the Warehouse tab, a moment from the add-in's own server). */
  loadingView: "Loading…",

  host: {
    noExcel: "Open this pane in Excel to segment a workbook. Outside Excel it can only show this page.",
    tooOld: (needed: string) => `This version of Excel is too old for the Segment pane: it needs ${needed} (Excel 2019, Microsoft 365 or Excel on the web). Update Office and try again.`,
  },

  pick: {
    heading: "1. Pick the data",
    useSelection: "Use selection",
    reading: "Reading the selection…",
    editModeHint: "Still waiting for Excel. If a cell is being edited, press Enter or Esc in the sheet; the pane carries on by itself.",
    hint: "Select your customer table (or one cell inside it), then click Use selection.",
    picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} customer rows`,
    headersCheckbox: "First row holds column names",
  },

  map: {
    heading: "2. Map the columns",
    summaryIntro: "Recognised by their headers:",
    change: "Change",
    changeLabel: "Change the column mapping",
    advanced: "Advanced options: cost, discount share, recurring value, customers per row, predicted value",
    notMapped: "(none)",
    roles: ROLE_NAMES,
    roleHelp: {
      id: "Required. One row per customer.",
      attitude: "How customers feel about you.",
      recency: "Days since the last order, or its date.",
      firstOrder: "For orders per year of tenure.",
      frequency: "Number of orders.",
      monetary: "Revenue from the customer.",
      cost: "Optional: for profit per segment.",
      priceDriven: `Optional: TRUE/FALSE or a 0–1 share; ${f.number(0.5)} or more counts as price-driven.`,
      recurring: "Optional: e.g. monthly revenue.",
      weight: "Optional: for a grouped table, such as the warehouse SQL's, how many identical customers each row stands for (a whole number, 1 or more). Leave it at (none) when each row is one customer.",
    } as Record<Role, string>,
    columnOption: (letter: string, header: string | null) => (header ? `${header} (column ${letter})` : `Column ${letter}`),
    scaleLabel: "Attitude is",
    scales: {
      recommend: "Likelihood to recommend, 0–10",
      satisfaction: "Satisfaction, 1–5",
      referrals: "Referrals made (count)",
    } as Record<AttitudeScale, string>,
    recencyLabel: "Recency is",
    recencyKinds: { days: "Days since last order", date: "Date of last order" } as Record<RecencyKind, string>,
  },

  behaviour: {
    heading: "3. Behaviour and cutoff",
    measureLabel: "Behaviour measure",
    measures: {
      rfmSum: "R + F + M (sum of the RFM digits)",
      ordersPerYear: "Orders per year of tenure",
      orders: "Number of orders",
      revenue: "Revenue",
    } as Record<BehaviourMeasure, string>,
    measureHelp: {
      rfmSum: "Each of recency, frequency and revenue scored 1–5 as LOYALTY.RFMSCORE does, then added up (3–15).",
      ordersPerYear: "Orders divided by years since the first order; customers of less than a year count as one year.",
      orders: "The order count as it is.",
      revenue: "The revenue as it is.",
    } as Record<BehaviourMeasure, string>,
    cutoffLabel: "High behaviour means",
    cutoffMedian: "Above the median",
    cutoffAtLeast: "At least a value",
    cutoffValueLabel: "Cutoff value",
    groupsExplained:
      "Promoters (9–10) who buy a lot are Loyal; detractors (0–6) who buy a lot are Locked-in; detractors who buy little are High-risk; everyone else is Reachable. Price-driven customers never count as Loyal.",
    noBehaviour: "Map a frequency, monetary or recency column to measure behaviour.",
  },

  run: {
    heading: "4. Segment",
    /** RFM segments have no behaviour step, so Segment is step 3. */
    headingRfm: "3. Segment",
    target: "Write the result to",
    targetSheet: "A new sheet",
    newSheetProtected:
      "A new sheet cannot be added because the workbook's structure is protected. Unprotect it (Review › Protect Workbook) to write to a new sheet, or write a column beside the data.",
    targetBeside: "A Segment column beside the data",
    targetInsert: "A new column inserted beside the data",
    bestEffort: "Only a new sheet is sure to leave your data untouched; beside the data, Loyalty Lens stops if the sheet changes while it writes.",
    segment: "Segment",
    segmentRfm: "Make RFM segments",
    rfmNoAttitude: "No attitude column is mapped, so these are RFM segments, not the four loyalty groups.",
    cancel: "Cancel",
    phase: { reading: "Reading rows", computing: "Segmenting", writing: "Writing results", formatting: "Formatting" },
    progress: (done: number, total: number) => `${f.integer(done)} of ${f.integer(total)} rows`,
    startOver: "Segment other data",
    wroteSheet: (name: string) => `Results are on the sheet “${name}”.`,
    wroteColumn: "Results are in the Segment column beside your data.",
    notFormatted: "The values are written, but Excel could not apply the table, colours or chart.",
  },

  errors: {
    multipleAreas: "Several areas are selected. Select one block of cells and try again.",
    empty: "The selection is empty. Select your customer table (with its header row) and try again.",
    singleRow: "The selection holds only one row. Select the whole customer table, one customer per row.",
    cellEditMode: "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
    structureProtected: "The workbook's structure is protected, so no new sheet can be added. Write a Segment column beside the data instead, or unprotect the workbook (Review › Protect Workbook).",
    sheetProtected: "The sheet with the data is protected, so no column can be added there. Write to a new sheet instead, or unprotect the sheet.",
    besideTaken: "The cells right of the data are not empty. Insert a new column instead, or write to a new sheet.",
    targetNotEmpty: (cell: string, cleared: number, kept: number) =>
      `Stopped: cell ${cell} was no longer empty when Loyalty Lens wrote there, so it put back what was in it. ${undoText(f, cleared, kept)} Write to a new sheet to be safe.`,
    changedWhileWriting: (change: SheetChange, cleared: number, kept: number) =>
      `Stopped: ${changeText(change)} while Loyalty Lens was writing. ${undoText(f, cleared, kept)} Your own cells were not touched. Write to a new sheet to be safe, or try again when the sheet is still.`,
    changedWhileReading: (change: SheetChange) =>
      `Stopped: ${changeText(change)} while Loyalty Lens was reading the data, so nothing was computed (the rows would mix old and new data). Nothing in the workbook was changed. Try again when the sheet is still.`,
    payloadTooLarge: "Excel refused even the smallest block of rows. Select fewer columns and try again.",
    sheetGone: "The sheet with the data was renamed or deleted. Pick the data again.",
    unknown: (detail: string) => `Excel reported a problem: ${detail}`,
    cancelled: "Cancelled. Nothing was left half-written in the workbook.",
    noId: "Map the customer id column first.",
    noAttitude: "No attitude column (likelihood to recommend, satisfaction or referrals) is mapped, so the four loyalty groups cannot be made. You can make RFM segments (as LOYALTY.RFMSEGMENT does) from recency, frequency and revenue instead.",
    needRfmColumns: "RFM needs recency, frequency and monetary columns. Map all three.",
    needBehaviour: "Map the columns the behaviour measure needs.",
    noUsableRows: "No row could be used. See the reasons below, fix the data and try again.",
    needCutoff: (median: string) => `With “above the median” (${median}) every customer or none counts as high behaviour. Choose “At least a value” and give a cutoff.`,
    badCutoff: "Give the cutoff as a number.",
  },

  summary: {
    heading: "Summary",
    table: "Customers, revenue and profit per segment",
    columns: {
      segment: "Segment",
      customers: "Customers",
      customerShare: "Share of customers",
      revenue: "Revenue",
      revenueShare: "Share of revenue",
      profit: "Profit",
      recurring: "Recurring value",
      averageAttitude: "Average score",
    },
    totals: (customers: number) => `${f.integer(customers)} customers segmented`,
    grouped: (rows: number, customers: number) =>
      `Grouped table: ${f.integer(rows)} ${rows === 1 ? "row" : "rows"} standing for ${f.integer(customers)} ${customers === 1 ? "customer" : "customers"}. Each row counts as that many identical customers, who share its segment; counts, shares and sums are per customer.`,
    cutoffUsed: (measure: string, rule: string) => `Behaviour: ${measure}; high means ${rule}.`,
    ruleAboveMedian: (value: string) => `above the median (${value})`,
    ruleAtLeast: (value: string) => `at least ${value}`,
    chartTitle: "Share of customers and of revenue per segment",
    chartCustomers: "Customers",
    chartRevenue: "Revenue",
    actionsHeading: "What to do",
    skippedHeading: "Rows not segmented",
    skipped: (count: number, reason: string, rows: readonly number[], more: boolean) =>
      `${f.integer(count)} ${count === 1 ? "row" : "rows"} skipped: ${reason} (${count === 1 ? "row" : "rows"} ${rows.join(", ")}${more ? ", …" : ""})`,
  },

  actions: {
    Loyal: "Reward them with exclusive benefits and ask for referrals.",
    Reachable: "Find out what keeps them from being fully satisfied and fix it before a competitor's offer lures them away.",
    "Locked-in": "Find out what they need: they will leave as soon as switching gets easier.",
    "High-risk": "Don't spend loyalty budget on price-only buyers, but fix genuine complaints.",
  } as Record<Segment, string>,

  segmentLabel: { Loyal: "Loyal", Reachable: "Reachable", "Locked-in": "Locked-in", "High-risk": "High-risk" } as Record<Segment, string>,

  /** The rfm package's segment names (LOYALTY.RFMSEGMENT's, src/analytics/rfm/rfmSegments.ts) as the pane shows and writes them. */
  rfmSegmentLabel: {
    Champions: "Champions",
    "Potential Loyalist": "Potential Loyalist",
    "Loyal Customers": "Loyal Customers",
    Promising: "Promising",
    "New Customers": "New Customers",
    "Can't Lose Them": "Can't Lose Them",
    "At Risk": "At Risk",
    "Need Attention": "Need Attention",
    "About To Sleep": "About To Sleep",
    Lost: "Lost",
    Others: "Others",
  } as Record<string, string>,

  rewards: {
    heading: "Rewards plan",
    intro: "What to offer each segment, and whether the points would cost more than the segment earns you.",
    earnRate: "Points per currency unit spent",
    basisLabel: "Cost of a point to the business",
    basisFaceValue: "Face value × expected redemption",
    basisGoodsCost: "Cost of the goods given × expected redemption",
    faceValue: "Face value of a point (what the customer gets)",
    goodsCost: "Cost of the goods given for one point",
    redemptionRate: "Expected redemption (%)",
    invalid: {
      earnRate: "Enter points per currency unit, 0 or more.",
      faceValue: "Enter the face value of a point, 0 or more.",
      goodsCost: "Enter the cost of the goods for one point, 0 or more.",
      redemptionRate: "Enter a percentage from 0 to 100.",
    },
    basisText: (s: { basis: "faceValue" | "goodsCost"; faceValue: number; goodsCost: number; redemptionRate: number }) => {
      const pct = f.percent(s.redemptionRate, 2);
      const perPoint = f.number((s.basis === "faceValue" ? s.faceValue : s.goodsCost) * s.redemptionRate, 6);
      return s.basis === "faceValue"
        ? `cost of a point = face value ${f.number(s.faceValue, 6)} × expected redemption ${pct} = ${perPoint}`
        : `cost of a point = cost of the goods ${f.number(s.goodsCost, 6)} × expected redemption ${pct} = ${perPoint}`;
    },
    table: "Rewards plan per segment",
    columns: {
      segment: "Segment",
      reward: "Suggested reward",
      points: "Points earned",
      cost: "Programme cost",
      profit: "Profit",
      predictedValue: "Predicted 12-month value",
    },
    noRevenue: "Map the revenue (monetary) column to see the points and their cost per segment.",
    noProfit: "Map the cost to serve to compare the programme cost with each segment's profit (revenue − cost to serve).",
    pointsNote: "Points are the segment's revenue × the earn rate, rounded down; order by order they could be up to one point less per order.",
    costAboveMargin: (segment: string) => `${segment}: the rewards would cost more than the segment's profit.`,
    allWithinMargin: "Every segment's rewards cost less than its profit.",
    write: "Add to the Segments sheet",
    writing: "Writing the Rewards table…",
    wrote: (sheet: string) => `The Rewards table and chart are on the sheet ${sheet}, to the right of the summary.`,
    noSheet: "The segments went into a column, not a Segments sheet: segment to a new sheet to add the Rewards table there.",
    writeFailed: (reason: string) => `The Rewards table could not be written: ${reason}`,
    occupied: "the cells to the right of the summary are not empty, and they are left as they are.",
    sheet: {
      title: (basis: string) => `Rewards plan: ${basis}. Points = segment revenue × earn rate, rounded down.`,
      headers: {
        segment: "Segment",
        cost: "Programme cost",
        profit: "Profit",
        points: "Points earned",
        revenue: "Revenue",
        predictedValue: "Predicted 12-month value",
        customers: "Customers",
        warning: "Warning",
        reward: "Suggested reward",
      },
      costAboveMargin: "Rewards cost more than the margin",
      chartTitle: "Programme cost and profit per segment",
    },
    groupSuggestion: {
      Loyal: "Exclusive benefits (early access, members-only offers) and a referral reward.",
      Reachable: "Fix what keeps them from being fully satisfied; a welcome-back bonus once it is fixed.",
      "Locked-in": "Attention to their needs (service, a contact person) rather than points.",
      "High-risk": "No loyalty spend on price-only buyers; fix genuine complaints.",
    } as Record<Segment, string>,
    rfmSuggestion: {
      Champions: "Exclusive benefits and early access; ask for reviews and referrals.",
      "Potential Loyalist": "A membership or tier offer to turn frequent buying into a habit.",
      "Loyal Customers": "Tier benefits and upsell offers; ask for reviews.",
      Promising: "A second-purchase bonus and onboarding offers.",
      "New Customers": "A welcome bonus on the next order.",
      "Can't Lose Them": "A personal win-back offer; find out why they stopped.",
      "At Risk": "A personalised reactivation offer with a deadline.",
      "Need Attention": "A limited-time offer based on what they bought before.",
      "About To Sleep": "A reminder with a small bonus; do not discount heavily.",
      Lost: "At most one low-cost win-back attempt; no loyalty spend.",
      Others: "Standard earn rate, no extra spend until they show a pattern.",
    } as Record<string, string>,
    otherSuggestion: "Standard earn rate, no extra spend.",
  },

  reason: (r: IssueReason): string => {
    switch (r.kind) {
      case "noId":
        return "customer id missing";
      case "blank":
        return `${ROLE_IN_SENTENCE[r.role]} blank`;
      case "notNumber":
        return `${ROLE_IN_SENTENCE[r.role]} not a number`;
      case "notDate":
        return `${ROLE_IN_SENTENCE[r.role]} not a date`;
      case "errorValue":
        return `${ROLE_IN_SENTENCE[r.role]} is ${r.code}`;
      case "negative":
        return `${ROLE_IN_SENTENCE[r.role]} negative`;
      case "attitudeRange":
        return SCALE_RANGE[r.scale];
      case "shareRange":
        return "discount share not 0–1";
      case "notWhole":
        return `${ROLE_IN_SENTENCE[r.role]} not a whole number`;
      case "zeroWeight":
        return "customers per row is 0 (the row stands for no one)";
    }
  },

  /** The Issue cell of a customer the price-driven override moved (the rule in loyaltySegment.ts). */
  priceOverride: (from: Segment, to: Segment, share: string | null) =>
    `Price-driven (${share === null ? "marked TRUE" : `${share} of orders on discount`}): would be ${from}, shown as ${to}`,

  sheet: {
    name: "Segments",
    incompleteName: (name: string) => `${name.slice(0, 18)} incomplete`,
    columnHeader: "Segment",
    headers: {
      id: "Customer",
      segment: "Segment",
      attitude: (scale: AttitudeScale) => ({ recommend: "Recommend score", satisfaction: "Satisfaction", referrals: "Referrals" })[scale],
      behaviour: (measure: BehaviourMeasure) => ({ rfmSum: "R+F+M", ordersPerYear: "Orders per year", orders: "Orders", revenue: "Revenue" })[measure],
      rfmScore: "RFM score",
      /** Customers per row of a grouped table (the weight column as read). */
      customers: "Customers",
      issue: "Issue",
    },
    summaryHeaders: {
      segment: "Segment",
      customers: "Customers",
      revenueShare: "Share of revenue",
      customerShare: "Share of customers",
      revenue: "Revenue",
      profit: "Profit",
      recurring: "Recurring value",
      averageAttitude: "Average score",
    },
    chartTitle: "Customers and share of revenue per segment",
  },
  btyd: {
    map: {
      heading: "Predicted customer value (optional)",
      roles: { x: "Repeat purchases (x)", tx: "t_x (first to last purchase)", T: "T (first purchase to as-of date)" } as Record<BtydRole, string>,
      roleHelp: {
        x: "Purchases after the first one, as LOYALTY.BTYDSUMMARY gives them.",
        tx: "Time from the first to the last purchase.",
        T: "Time from the first purchase to the as-of date.",
      } as Record<BtydRole, string>,
      unitLabel: "x, t_x and T are measured in",
      units: { day: "Days", week: "Weeks", month: `Months (${f.number(30.4375, 4)} days)` } as Record<TimeUnit, string>,
      /** The unit inside a sentence ("time in weeks"); German nouns keep their capital, so no toLowerCase. */
      unitInSentence: { day: "days", week: "weeks", month: "months" } as Record<TimeUnit, string>,
      mapped: "P(alive), expected purchases and predicted value will be added from the x, t_x and T columns.",
      derived:
        "x, t_x and T will be derived in weeks from the first-order date, the last order and the order count (x = orders − 1). This treats each order as a separate purchase day: two orders on one day count as two purchases.",
      none: "To add P(alive), expected purchases and predicted value per customer, map first-order date, recency and orders, or x, t_x and T.",
      /** The line of the mapping summary: label and where the histories come from, in a few words. */
      summaryLabel: "Predicted value",
      summarySource: {
        mapped: "from the x, t_x and T columns",
        derived: "from order dates and count",
        none: "not available (map first-order date, recency and orders)",
      } as Record<"mapped" | "derived" | "none", string>,
    },
    summary: {
      heading: "Predicted value, next 12 months",
      table: "Expected purchases, predicted value and likely lapsed customers per segment",
      columns: {
        segment: "Segment",
        customers: "Customers",
        expectedPurchases: "Expected purchases",
        predictedValue: "Predicted value",
        likelyLapsed: "Likely lapsed",
        valueAtRisk: "Value at risk",
      },
      valueAtRisk: (value: string) => `Value at risk: ${value}, the predicted 12-month value of Loyal and Reachable customers flagged likely lapsed (P(alive) under ${f.number(0.5)}).`,
      fit: (r: string, alpha: string, a: string, b: string, unit: string) => `BG/NBD fit (time in ${unit}): r ${r}, alpha ${alpha}, a ${a}, b ${b}.`,
      derived: (asOf: string) =>
        `x, t_x and T were derived in weeks from first-order date, last order and orders, as of ${asOf}; each order counts as a separate purchase day.`,
      derivedFromDays: (asOf: string) =>
        `x, t_x and T were derived in weeks from first-order date, days since the last order and orders; the as-of date ${asOf} is the earliest date that fits every row. Each order counts as a separate purchase day.`,
      mapped: (unit: string) => `x, t_x and T were read from the mapped columns, in ${unit}.`,
      spend:
        "Spend per purchase is revenue ÷ orders, the average order value including the first order: the table does not hold the first order's value, so the average of the repeat purchases alone cannot be had.",
      noRevenue: "No revenue column is mapped, so only purchases are predicted, not value.",
      spendFailed: (message: string) => `Predicted value is left out: the spend model could not be fitted (${message}).`,
      oneTime: "One-time buyers are marked as such: the model cannot tell whether they are still active.",
      unusable: (count: number, rows: readonly number[], more: boolean) =>
        `${f.integer(count)} ${count === 1 ? "customer has" : "customers have"} no usable purchase history, so their prediction cells are blank (${count === 1 ? "row" : "rows"} ${rows.join(", ")}${more ? ", …" : ""}).`,
      failed: "Customer value could not be predicted, so those columns are left out; the segments are complete.",
    },
    sheet: {
      pAlive: "P(alive)",
      expectedPurchases: "Expected purchases (12 months)",
      clv: "Predicted 12-month value",
      lapse: "Lapse flag",
      likelyLapsed: "likely lapsed",
      oneTimeBuyer: "one-time buyer",
      summaryExpectedPurchases: "Expected purchases (12 months)",
      summaryValue: "Predicted 12-month value",
      summaryLapsed: "Likely lapsed",
      summaryValueAtRisk: "Value at risk",
    },
    check: {
      heading: "Check the model",
      intro: "Fit the model on the earlier part of an order log and compare what it predicts with the repeat purchases customers actually made afterwards.",
      pickHint: "Select the order log (one row per order, with a customer id and an order date), then click Use order log. A calibration/holdout summary works too: LOYALTY.HOLDOUTSUMMARY's table, or the warehouse SQL's grouped one with its customers column.",
      useLog: "Use order log",
      /** The folded section's disclosure (an advanced option, folded by default). */
      unfold: "Check the model on an order log",
      reading: "Reading the order log…",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} orders`,
      idColumn: "Customer id column",
      dateColumn: "Order date column",
      calibrationEnd: "Calibration ends on",
      calibrationHelp: (from: string, to: string) =>
        `The log runs from ${from} to ${to}. The model learns from the orders up to this date (YYYY-MM-DD) and is checked against the orders after it.`,
      run: "Check the model",
      fitting: "Fitting the model…",
      needColumns: "Choose the customer id column and the order date column.",
      noDates: "No order has both a customer id and a date. Select the order log with its id and date columns.",
      badDate: (from: string, to: string) => `Give the calibration end as a date after ${from} and before ${to}, such as ${from}.`,
      failed: "The model could not be fitted on the calibration period.",
      table: "Average repeat purchases per customer in the holdout, actual and predicted, per frequency group",
      columns: { group: "Repeat purchases (x)", customers: "Customers", actual: "Actual", predicted: "Predicted" },
      chartTitle: "Actual and predicted repeat purchases per customer in the holdout",
      actual: "Actual",
      predicted: "Predicted",
      result: (weeks: string, customers: number, actual: string, predicted: string) =>
        `Holdout of ${weeks} weeks, ${f.integer(customers)} customers: ${actual} repeat purchases made, ${predicted} predicted.`,
      leftOut: (count: number) => `${f.integer(count)} ${count === 1 ? "customer" : "customers"} first bought in the holdout and ${count === 1 ? "is" : "are"} left out.`,
      skippedRows: (count: number) => `${f.integer(count)} ${count === 1 ? "row was" : "rows were"} left out: no usable customer id or date.`,
      groupLabel: (x: number, last: boolean) => (last ? `${x}+` : String(x)),
      /** "Check the model" on a calibration/holdout table (HOLDOUTSUMMARY's, or the warehouse SQL's grouped one). */
      onTable: {
        kindLabel: "The selection holds",
        kinds: {
          log: "An order log (one row per order)",
          table: "A calibration/holdout summary (one row per customer, or per group of customers)",
        },
        roles: {
          x: "Repeat purchases in the calibration period (x)",
          tx: "t_x (first to last purchase)",
          T: "T (first purchase to calibration end)",
          xHoldout: "Repeat purchases in the holdout (x_holdout)",
          holdoutLength: "Holdout length column",
          weight: "Customers per row (weight)",
        } as Record<HoldoutRole, string>,
        weightHint: "For a grouped table, such as the warehouse SQL's: how many customers each row stands for. Leave it at (none) when each row is one customer.",
        grouped: "The rows are groups of customers: the fit and the comparison count each row as many times as its customers column says.",
        lengthLabel: "Holdout length",
        lengthHint: "In the same unit as t_x and T. Needed when the table has no holdout length column.",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "row" : "rows"}`,
        needColumns: "Choose the x, t_x, T and x_holdout columns.",
        badLength: "Give the holdout length as a number greater than 0, in the unit of t_x and T.",
        result: (length: string, unit: string, customers: number, rows: number, actual: string, predicted: string) =>
          `Holdout of ${length} ${unit}, ${f.integer(customers)} customers in ${f.integer(rows)} ${rows === 1 ? "row" : "rows"}: ${actual} repeat purchases made, ${predicted} predicted.`,
        noReport: "The model report is built from the order log itself: select the log and click Use order log to build it.",
        issue: (issue: HoldoutIssue, column: string): string => {
          const at = `Row ${f.integer(issue.row)}, ${column}`;
          switch (issue.kind) {
            case "blank":
              return `${at}: the cell is blank. Every row needs a value here${issue.role === "weight" ? "; give 0 to leave a row out" : ""}.`;
            case "notNumber":
              return `${at}: "${issue.value}" is not a number.`;
            case "negative":
              return `${at}: ${issue.value} is negative; expected 0 or more.`;
            case "notWhole":
              return `${at}: ${issue.value} is not a whole number; ${issue.role === "weight" ? "customers" : "purchases"} are counted in whole numbers.`;
            case "badHistory":
              return `Row ${f.integer(issue.row)}: x, t_x and T (${issue.value}) are not a purchase history. x is a whole number 0 or more, t_x lies between 0 and T, and t_x is 0 when x is 0.`;
            case "lengthDiffers":
              return `${at}: the holdout length ${issue.value} differs from the rows above it; every row must cover the same holdout.`;
            case "noRows":
              return "No row holds any customers: the table is empty or every weight is 0.";
            case "noLength":
              return "Give the holdout length as a number greater than 0, in the unit of t_x and T.";
          }
        },
      },
      /** The Model report: a new sheet of charts with their tables, and the same charts in the pane. */
      report: {
        build: "Build the model report",
        trackingEnd: "Tracking ends on",
        trackingHelp: (from: string, to: string) => `The weekly tracking runs from the first order to this date: after ${from} and at the latest ${to}, the last order date.`,
        badTrackingEnd: (from: string, to: string) => `Give the tracking end as a date after ${from} and no later than ${to}.`,
        hint: "Writes a new sheet with native charts and their tables: repeat purchases in the calibration period, the holdout by frequency, weekly tracking, heatmaps and a comparison of models. Your sheets are not changed.",
        building: "Building the model report…",
        writing: "Writing the Model report sheet…",
        done: (sheet: string) => `The model report is on the new sheet ${sheet}.`,
        notFormatted: "The tables are on the sheet, but some charts or formatting could not be added.",
        failed: "The model report could not be built.",
        histogramChart: "Customers by repeat purchases in the calibration period",
        weeklyChart: "Repeat purchases per week",
        cumulativeChart: "Cumulative repeat purchases",
        weekAxis: "Week",
        calibrationMark: (week: number) => `Calibration ends in week ${week}`,
        cumulativeLegend: { actual: "Actual, cumulative", expected: "Expected, cumulative", mark: (week: number) => `Calibration end, week ${week}` },
        pAliveHeatmap: (T: number) => `P(alive) by repeat purchases (x) and recency (t_x, weeks) at T = ${f.number(T, 2)} weeks`,
        nextWeekHeatmap: (T: number) => `Expected purchases next week by repeat purchases (x) and recency (t_x, weeks) at T = ${f.number(T, 2)} weeks`,
        heatmapNote: (T: number) => `T = ${f.number(T, 2)} weeks is the longest any customer has been observed: customers who first bought on the first day of the log.`,
        comparisonTable: "Models fitted on the same calibration histories",
        expected: "Expected",
        sheet: {
          name: "Model report",
          incompleteName: (name: string) => `${name.slice(0, 18)} incomplete`,
          dateFormat: "yyyy-mm-dd",
          title: "Model report: BG/NBD fitted on the calibration period, time in weeks",
          calibrationEnd: "Calibration ends",
          trackingEnd: "Tracking ends",
          customers: "Customers (first order by the calibration end)",
          histogramTitle: "Repeat purchases per customer in the calibration period: customers with x repeat purchases, actual and expected (the sum of P(X(T) = x) over customers, each with their own T)",
          histogramHeader: ["Repeat purchases (x)", "Actual customers", "Expected customers"],
          holdoutTitle: (weeks: number) => `Calibration against holdout: mean repeat purchases per customer in the ${f.number(weeks, 1)}-week holdout, by repeat purchases in the calibration period`,
          holdoutHeader: ["Repeat purchases in calibration (x)", "Actual", "Predicted", "Customers"],
          holdoutChart: "Holdout purchases per customer by calibration frequency",
          weeklyTitle: (week: number) =>
            `Repeat purchases per week by the customers who first bought in the calibration period, actual and expected; later newcomers are left out. The calibration ends in week ${week}.`,
          cumulativeTitle: (week: number) => `Cumulative repeat purchases of the same customers, actual and expected; the calibration ends in week ${week}.`,
          trackingHeader: ["Week", "Actual", "Expected", "Calibration end"],
          cumulativeHeader: ["Week", "Actual (cumulative)", "Expected (cumulative)", "Calibration end"],
          pAliveTitle: (T: number) => `P(alive) by repeat purchases x (rows) and recency t_x in weeks (columns), at T = ${f.number(T, 2)} weeks, the longest any customer has been observed`,
          nextWeekTitle: (T: number) => `Expected purchases in the next week by repeat purchases x (rows) and recency t_x in weeks (columns), at T = ${f.number(T, 2)} weeks`,
          gridCorner: "x (rows) / t_x (columns)",
          comparisonTitle: (customers: number) =>
            `Models fitted on the same calibration histories: BIC = k ln N − 2 LL with N = ${f.integer(customers)} ${customers === 1 ? "customer" : "customers"} (lower is better); holdout errors of the predicted repeat purchases`,
          comparisonHeader: ["Model", "Log-likelihood (LL)", "Parameters (k)", "BIC", "Holdout: mean absolute error per customer", "Holdout: predicted total", "Holdout: actual total", "Holdout: error of the total"],
          parametersTitle: "Parameter estimates with standard errors",
          parametersHeader: ["Model", "Parameter", "Estimate", "Standard error"],
          refused: (message: string) => `Not fitted: ${message}`,
          bgbbNote:
            "BG/BB counts discrete purchase opportunities (such as years), so its likelihood is not comparable with these continuous-time models; fit it with LOYALTY.BGBBSUMMARY and LOYALTY.BGBBFIT and judge it on its own.",
        },
      },
    },
  },
  /** A model fit that refused the data, in an analyst's words (the kinds of fitBoundary.ts FitRefusal), with what to try next. */
  fitRefusal: {
    kinds: {
      tooFewCustomers: { what: "There are too few customers to learn from.", next: "Select the whole customer table, ideally a few hundred customers or more." },
      noTime: {
        what: "Every customer bought for the first time on the last day of the data, so there is no history to learn from.",
        next: "Check the first-order dates, or use an order log that runs for longer.",
      },
      noRepeats: {
        what: "No customer has bought twice, so the model cannot learn how often customers buy or when they stop.",
        next: "Use a longer stretch of orders, and check that the orders column counts every order.",
      },
      identicalHistories: {
        what: "Every customer has the same purchase history, so there is nothing to tell them apart.",
        next: "Check that the first-order, recency and orders columns are the right ones.",
      },
      noDropout: {
        what: "The customers keep buying right up to the end of the data and show no sign of stopping, so the model cannot estimate who has lapsed.",
        next: "Use a longer order history, or one that runs on past the customers' last purchases.",
      },
      instantDropout: {
        what: "Nearly every customer seems to stop right after a purchase, which the model cannot fit.",
        next: "Check the recency and first-order dates, and that there is one row per customer.",
      },
      sameDropout: {
        what: "Customers hardly differ in how likely they are to stop after a purchase, so the model cannot measure that spread.",
        next: "Try more customers or a longer order history.",
      },
      sameRates: {
        what: "The customers all buy at much the same rate, and the model needs them to differ to predict who buys more.",
        next: "Try more customers or a longer order history. Segmenting works without predicted value.",
      },
      notIdentified: {
        what: "The data say too little to estimate the model reliably.",
        next: "Try more customers or a longer order history.",
      },
    } as Record<FitRefusal, { what: string; next: string }>,
    other: { what: "The model could not be fitted on these data.", next: "Check the mapped columns, or try more customers or a longer order history." },
    technical: "Technical reason",
    checkNext: "For the model check, a later calibration end also gives the model more to learn from.",
  },
  /** The Retention view (issue 6): cohorts and period retention from an order log. */
  retention: {
    tabs: { label: "Views", segment: "Segment", retention: "Retention", warehouse: "Warehouse" },
    intro: "Select an order log (customer id and order date, one row per order) and see how many customers come back, cohort by cohort.",
    pick: {
      heading: "1. Pick the order log",
      hint: "Select the order log (or one cell inside it), then click Use selection.",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} order rows`,
    },
    map: {
      heading: "2. Map the columns",
      id: "Customer id",
      idHint: "Who placed the order.",
      date: "Order date",
      dateHint: "An Excel date, or ISO text such as 2024-03-31.",
    },
    settings: {
      heading: "3. Periods",
      period: "Period",
      periods: { week: "Week (ISO weeks, from Monday)", month: "Month", quarter: "Quarter", year: "Year" } as Record<PeriodKind, string>,
      activeDays: "Days a customer stays active after an order",
      activeDaysHint: (minimum: number) =>
        `For the period table: a customer counts as active for this many days after each order. At least ${f.integer(minimum)}.`,
    },
    /** The warehouse's cohort table (src/sql/cohortsSql.ts) or period table (retentionByPeriodSql.ts) instead of an order log. */
    table: {
      inputLabel: "The selection holds",
      inputs: {
        log: "An order log (one row per order)",
        cohortTable: "A cohort table from the warehouse (cohort_start, period, …)",
        periodTable: "A period table from the warehouse (period_start, customers_start, new_customers, …)",
      } as Record<RetentionSource, string>,
      detected: "Recognised from the headers as a table the warehouse SQL wrote. If it is an order log after all, choose that above.",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "row" : "rows"}`,
      cohortRoles: {
        start: "Cohort start",
        period: "Period k",
        customers: "Customers in the cohort",
        active: "Active customers",
        share: "Share",
      } as Record<CohortRole, string>,
      cohortHints: {
        start: "First day of the cohort's week, month, quarter or year.",
        period: "Periods since the cohort's own: 0, 1, 2, …",
        customers: "The cohort's size, the same in each of its rows.",
        active: "Customers of the cohort who ordered in period k; blank where that period has not ended.",
        share: "Active ÷ customers; checked against them when both are given.",
      } as Record<CohortRole, string>,
      periodRoles: {
        start: "Period start",
        customersStart: "Customers at start",
        newCustomers: "New customers",
        reactivated: "Reactivated",
        customersEnd: "Customers at end",
        retained: "Retained",
        retention: "Retention",
        lost: "Lost",
      } as Record<PeriodTableRole, string>,
      periodHint: "The period the SQL was run with: checked against the start dates, which must all be first days of it.",
      activeDaysHint: "The active days the SQL was run with; they go into the sheet's title.",
      needCohortColumns: "Choose the cohort start, period k, customers and active (or share) columns.",
      needPeriodColumns: "Choose the period start, customers at start, new customers, customers at end and retained columns.",
      build: "Write the period table",
      wroteTriangle: (name: string) =>
        `The cohort triangle and the chart are on the sheet “${name}”. A cohort table holds no period table: select the warehouse's period table to write that too.`,
      wrotePeriods: (name: string) => `The period table is on the sheet “${name}”. For the cohort triangle and its curves, select the warehouse's cohort table.`,
      cohortTotals: (customers: number, cohorts: number) =>
        `${f.integer(customers)} ${customers === 1 ? "customer" : "customers"} in ${f.integer(cohorts)} ${cohorts === 1 ? "cohort" : "cohorts"}, from the warehouse's cohort table.`,
      periodTotals: (periods: number) => `${f.integer(periods)} ${periods === 1 ? "period" : "periods"} from the warehouse's period table.`,
      periodsHeading: "Retention per period",
      /** The latest period with customers at its start: "Of the 1,204 customers active at the start of March 2024, 81% were still active at its end." */
      periodReading: (period: string, share: string, customersStart: number) =>
        `Of the ${customersStart === 1 ? "one customer" : `${f.integer(customersStart)} customers`} active at the start of ${period}, ${share} ${customersStart === 1 ? "was" : "were"} still active at its end.`,
      cohortIssue: (issue: CohortIssue, column: string): string => {
        const at = `Row ${f.integer(issue.row)}, ${column}`;
        switch (issue.kind) {
          case "blank":
            return `${at}: the cell is blank. Every row of the cohort table needs a value here.`;
          case "notNumber":
            return `${at}: "${issue.value}" is not a number.`;
          case "negative":
            return `${at}: ${issue.value} is negative; expected 0 or more.`;
          case "notWhole":
            return `${at}: ${issue.value} is not a whole number; ${issue.role === "period" ? "periods are counted 0, 1, 2, …" : "customers are counted in whole numbers"}.`;
          case "notDate":
            return `${at}: "${issue.value}" is not a date. A cohort start is an Excel date or ISO text such as 2024-03-01.`;
          case "notPeriodStart":
            return `${at}: ${issue.value} is not the first day of a ${issue.period} (${PERIOD_STARTS[issue.period]}). Every cohort must start on the first day of a period of the length chosen under Periods; a table that mixes period lengths cannot be read.`;
          case "noCustomers":
            return `${at}: the cohort has 0 customers; every cohort of the table has at least one.`;
          case "activeAboveCustomers":
            return `${at}: ${f.integer(issue.value)} active customers, more than the cohort's ${f.integer(issue.customers)}.`;
          case "shareDiffers":
            return `${at}: the share ${issue.value} disagrees with active ÷ customers = ${issue.expected}; they may differ by at most 1e-9 of it.`;
          case "halfBlank":
            return `${at}: blank, while ${issue.role === "active" ? "the share" : "active"} in the same row has a value. A period that is not yet known has both blank.`;
          case "customersDiffer":
            return `${at}: ${f.integer(issue.value)} customers, but row ${f.integer(issue.firstRow)} gives ${f.integer(issue.firstValue)} for the same cohort (${issue.cohort}). A cohort has one size in all its rows.`;
          case "duplicate":
            return `${at}: period ${issue.period} of the cohort ${issue.cohort} is there twice (also in row ${f.integer(issue.firstRow)}).`;
          case "missingPeriod":
            return `${column}: the cohort ${issue.cohort} (from row ${f.integer(issue.row)}) has no row for period ${issue.period}. The table runs from period 0 to ${issue.last}, and each cohort needs a row for every one of them (blank where not yet known).`;
          case "blankInside":
            return `${at}: period ${issue.period} of the cohort ${issue.cohort} is blank, but row ${f.integer(issue.laterRow)} gives a later period of it. Only the last periods of a cohort's row, those not yet ended, may be blank.`;
          case "blankEnded":
            return `${at}: period ${issue.period} of the cohort ${issue.cohort} (the ${issue.kindOfPeriod} starting ${issue.periodStart}) is blank, but that ${issue.kindOfPeriod} has ended: the table's first cohort runs to the ${issue.kindOfPeriod} starting ${issue.lastStart}. Only periods that have not ended may be blank.`;
          case "valueNotEnded":
            return `${at}: period ${issue.period} of the cohort ${issue.cohort} (the ${issue.kindOfPeriod} starting ${issue.periodStart}) has a value, but the table's first cohort ends with the ${issue.kindOfPeriod} starting ${issue.lastStart}, so that ${issue.kindOfPeriod} has not ended and must be blank. Check the period under Periods.`;
          case "tooManyPeriods":
            return `${at}: period ${f.integer(issue.value)} would need more columns than a sheet has.`;
          case "noRows":
            return "The table has no rows: select the cohort table with its header row.";
        }
      },
      periodIssue: (issue: PeriodTableIssue, column: string): string => {
        const at = `Row ${f.integer(issue.row)}, ${column}`;
        switch (issue.kind) {
          case "blank":
            return `${at}: the cell is blank. Every row of the period table needs a value here.`;
          case "notNumber":
            return `${at}: "${issue.value}" is not a number.`;
          case "negative":
            return `${at}: ${issue.value} is negative; expected 0 or more.`;
          case "notWhole":
            return `${at}: ${issue.value} is not a whole number; customers are counted in whole numbers.`;
          case "notDate":
            return `${at}: "${issue.value}" is not a date. A period start is an Excel date or ISO text such as 2024-03-01.`;
          case "notPeriodStart":
            return `${at}: ${issue.value} is not the first day of a ${issue.period} (${PERIOD_STARTS[issue.period]}). Every row must start a period of the length chosen under Periods; a table that mixes period lengths cannot be read.`;
          case "duplicatePeriod":
            return `${at}: the period starting ${issue.value} is there twice (also in row ${f.integer(issue.firstRow)}).`;
          case "gap":
            return `${at}: the table goes on with the ${issue.period} starting ${issue.value}, but the ${issue.period} starting ${issue.missing} is missing. The period table has a row for every ${issue.period}, with no gaps.`;
          case "identity":
            switch (issue.role) {
              case "reactivated":
                return `${at}: ${f.integer(issue.value)} reactivated, but customers at end − retained − new gives ${f.integer(issue.expected)}.`;
              case "lost":
                return `${at}: ${f.integer(issue.value)} lost, but customers at start − retained gives ${f.integer(issue.expected)}.`;
              default:
                return `${at}: ${f.integer(issue.value)} retained is more than ${f.integer(issue.expected)}: the retained customers are among those at the start, and retained + new cannot exceed the customers at end.`;
            }
          case "retentionDiffers":
            return `${at}: the retention ${issue.value} disagrees with retained ÷ customers at start = ${issue.expected}; they may differ by at most 1e-9 of it.`;
          case "retentionBlank":
            return `${at}: blank, but there are customers at the start, so retention = retained ÷ customers at start has a value.`;
          case "retentionWithoutStart":
            return `${at}: ${issue.value}, but there are no customers at the start: retention has no denominator there and must be blank.`;
          case "startDiffers":
            return `${at}: ${f.integer(issue.value)} customers at start, but the period before (row ${f.integer(issue.previousRow)}) ends with ${f.integer(issue.previousEnd)}. Both count the customers active on the same day, so they are equal.`;
          case "noRows":
            return "The table has no rows: select the period table with its header row.";
        }
      },
    },
    run: {
      heading: "4. Build the cohorts",
      build: "Build cohorts",
      cancel: "Cancel",
      phase: { reading: "Reading orders", readingTable: "Reading the table", computing: "Building cohorts", checking: "Checking the table", writing: "Writing the Cohorts sheet" },
      progress: (done: number, total: number) => `${f.integer(done)} of ${f.integer(total)} rows`,
      startOver: "Use other data",
      wroteSheet: (name: string) => `The cohort triangle, the period table and the chart are on the sheet “${name}”.`,
      notFormatted: "The values are written, but Excel could not apply the number formats, colour scale or chart.",
      totals: (orders: number, customers: number, cohorts: number) =>
        `${f.integer(orders)} ${orders === 1 ? "order" : "orders"} from ${f.integer(customers)} ${customers === 1 ? "customer" : "customers"} in ${f.integer(cohorts)} ${cohorts === 1 ? "cohort" : "cohorts"}.`,
    },
    errors: {
      noId: "Map the customer id column first.",
      noDate: "Map the order date column first.",
      sameColumn: "The customer id and the order date must come from different columns.",
      activeDays: (minimum: number) => `Give the active days as a whole number of at least ${f.integer(minimum)} (the longest period).`,
      noOrders: "No row has both a customer id and an order date. Check the mapping, or see the rows left out below.",
      noRepeats: (kind: PeriodKind) =>
        `No customer ordered again in a later ${kind} than the ${kind} of their first order, so there is no retention to show. Try a shorter period, or an order log that covers more time.`,
      core: (detail: string) => `The cohorts could not be built: ${detail}`,
      empty: "The selection is empty. Select your order log (with its header row) and try again.",
      singleRow: "The selection holds only one row. Select the whole order log, one order per row.",
      structureProtected: "The workbook's structure is protected, so the Cohorts sheet cannot be added. Unprotect the workbook (Review › Protect Workbook) and try again.",
    },
    curve: {
      heading: "Retention curves",
      tableLabel: "Share of each cohort that ordered again, by periods after its first",
      title: (cohorts: number) => `Retention curves of the latest ${f.integer(cohorts)} ${cohorts === 1 ? "cohort" : "cohorts"}`,
      xAxis: (kind: PeriodKind) => ({ week: "Weeks", month: "Months", quarter: "Quarters", year: "Years" })[kind] + " after the first order",
      yAxis: "Share of the cohort",
      noCurve: (kind: PeriodKind) => `No cohort has a whole ${kind} after its first one yet, so there is no curve to draw.`,
      reading: (kind: PeriodKind, cohort: string, share: string, size: number) =>
        `Of the ${size === 1 ? "one customer" : `${f.integer(size)} customers`} who first bought in ${cohort}, ${share} bought again the next ${kind}.`,
      narrowTable: (kind: PeriodKind, periods: number) =>
        `The table shows ${kind}s 1 to ${periods} (${kind} 0 is always ${f.percent(1)}); the Cohorts sheet has every ${kind}.`,
      legend: (cohort: string, size: number) => `${cohort} (${f.integer(size)} ${size === 1 ? "customer" : "customers"})`,
      smallLeftOut: (count: number, minSize: number) =>
        `${f.integer(count)} newer ${count === 1 ? "cohort is" : "cohorts are"} left out of the curves and the reading: under ${f.integer(minSize)} customers, one customer moves a share by several points. The Cohorts sheet has them all.`,
      notSurvival: "Shares can rise again later because customers come back: this is not a survival curve.",
      /** How a cohort is named in sentences and legends: "March 2024", "the week of March 4, 2024", "Q1 2024", "2024". */
      cohortName: (kind: PeriodKind, year: number, month: number, day: number) => {
        switch (kind) {
          case "week":
            return `the week of ${f.longDate(year, month, day)}`;
          case "month":
            return f.monthYear(year, month);
          case "quarter":
            return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
          default:
            return String(year);
        }
      },
    },
    issues: {
      heading: "Rows left out",
      line: (count: number, reason: string, rows: readonly number[], more: boolean) =>
        `${f.integer(count)} ${count === 1 ? "row" : "rows"} left out: ${reason} (${count === 1 ? "row" : "rows"} ${rows.join(", ")}${more ? ", …" : ""})`,
      reason: (issue: LogIssue): string => {
        switch (issue.kind) {
          case "blankId":
            return "customer id blank";
          case "badId":
            return "customer id is not text or a number";
          case "blankDate":
            return "order date blank";
          case "notDate":
            return "order date is not a date";
          case "errorValue":
            return `${issue.field === "id" ? "customer id" : "order date"} is ${issue.code}`;
        }
      },
    },
    sheet: {
      name: "Cohorts",
      incompleteName: (name: string) => `${name.slice(0, 18)} incomplete`,
      triangleTitle: (kind: PeriodKind) =>
        `Cohort triangle: share of each cohort (customers by the ${kind} of their first order) that ordered in each later ${kind}. Not a survival curve: customers come back.`,
      cohortStart: "Cohort start",
      customers: "Customers",
      periodColumn: (kind: PeriodKind, k: number) => `${({ week: "Week", month: "Month", quarter: "Quarter", year: "Year" })[kind]} ${k}`,
      tableTitle: (kind: PeriodKind, activeDays: number) =>
        `Retention per ${kind}: a customer is active for ${f.integer(activeDays)} days after each order; retention = retained ÷ customers at start.`,
      tableHeaders: ["Period start", "Customers at start", "New", "Reactivated", "Customers at end", "Retained", "Retention", "Lost"],
      curveTitle: (cohorts: number) => `Chart data: retention curves of the latest ${f.integer(cohorts)} ${cohorts === 1 ? "cohort" : "cohorts"}`,
      curvePeriod: (kind: PeriodKind) => ({ week: "Week", month: "Month", quarter: "Quarter", year: "Year" })[kind],
      /** Cohort labels in the chart data: "2024-03", "2024-W10", "2024-Q1", "2024". */
      cohortLabel: (kind: PeriodKind, year: number, month: number, isoWeekYear: number, isoWeek: number) => {
        switch (kind) {
          case "week":
            return `${isoWeekYear}-W${String(isoWeek).padStart(2, "0")}`;
          case "month":
            return `${year}-${String(month).padStart(2, "0")}`;
          case "quarter":
            return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
          default:
            return String(year);
        }
      },
      chartTitle: "Retention curves of the latest cohorts",
      dateFormat: "yyyy-mm-dd",
    },
  },
  warehouse: {
    intro: "For order logs bigger than a sheet: get the SQL that computes the same figures in your database.",
    analysis: "Analysis",
    analyses: {
      rfmTable: "RFM table (as RFMTABLE)",
      rfmScores: "RFM scores (as RFMSCORE)",
      rfmSegments: "RFM segments (as RFMSEGMENT)",
      btydGrouped: "BTYD summary, grouped (for BGNBDFIT with weights)",
      btydCustomers: "BTYD summary per customer (as BTYDSUMMARY)",
      btydSpend: "Repeat buyers' spend (for GAMMAGAMMAFIT)",
      holdoutGrouped: "Calibration/holdout summary, grouped",
      clvJoin: "Expected purchases and CLV per customer (load the group table, join)",
      cohorts: "Cohort triangle, long form (as COHORTS)",
      retention: "Retention by period (as RETENTIONBYPERIOD)",
    },
    dialect: "Database",
    table: "Order table",
    tableHint: "A plain or dotted name, such as sales.orders.",
    customerId: "Customer id column",
    orderDate: "Order date column",
    amount: "Amount column",
    asOf: "As-of date",
    asOfHint: "YYYY-MM-DD; leave blank for the latest order date. For the holdout summary this is the holdout end.",
    calibrationEnd: "Calibration end",
    unit: "Time unit",
    units: { day: "Days", week: "Weeks", month: `Months (${f.number(30.4375, 4)} days)` } as Record<TimeUnit, string>,
    wholePeriods: (unit: TimeUnit): string => (unit === "month" ? "Count whole calendar months" : "Count whole calendar weeks (Monday to Sunday)"),
    wholePeriodsHint:
      "Purchases in the same week or month count as one, and t_x and T are whole numbers of them, as BTYDSUMMARY(…, TRUE) and lifetimes' freq=\"W\" count. The grouped summary then has far fewer rows. Fit and predict in the same unit; the CLV group table still needs the day summary.",
    period: "Period",
    sql: "SQL",
    copy: "Copy",
    copied: "Copied",
    save: "Save .sql",
    note:
      "Run this in your database, then paste or load the result into a sheet. The named LOYALTY formula works on it: for the grouped summary give the customers column as the weights of BGNBDFIT.",
    /** A refused form, by the generator's reason (warehouseSql.ts); English keeps the generator's own message, which names the field. */
    refused: (_field: string, _reason: RefusalReason, message: string) => message,
    /** Expected purchases and CLV per customer: the group table made here, loaded and joined in the database (issue 11, item 7). */
    clv: {
      paramsHint: "Copy the parameters from the blocks of BGNBDFIT (fitted on the grouped summary) and GAMMAGAMMAFIT, fitted in the time unit chosen above.",
      r: "BG/NBD: r",
      alpha: "BG/NBD: alpha (α)",
      a: "BG/NBD: a",
      b: "BG/NBD: b",
      p: "Gamma-Gamma: p",
      q: "Gamma-Gamma: q",
      v: "Gamma-Gamma: v (γ)",
      horizonMonths: "Horizon in months",
      monthlyDiscountRate: "Monthly discount rate",
      monthlyDiscountHint: "A fraction: 1% a month is 0.01.",
      marginRate: "Margin on spend",
      marginHint: "A fraction: 30% is 0.3; 1 gives the revenue.",
      groupTable: "Group table in the database",
      csvFile: "Where the CSV file will be",
      csvFileHint: "The path the database reads it from, with forward slashes (C:/Users/me/clv_groups.csv); for BigQuery a gs:// address or a local path for bq load.",
      heading: "The group table (CSV)",
      intro:
        "Pick the grouped BTYD summary your database returned (the analysis “BTYD summary, grouped”, saved as CSV). The pane computes P(alive), the expected purchases and the discounted purchases of each distinct history, here on this computer; nothing is uploaded.",
      file: "Grouped BTYD summary (CSV)",
      running: "Computing the group table…",
      done: (groups: number, rows: number) => `${f.integer(groups)} ${groups === 1 ? "group" : "groups"} from ${f.integer(rows)} ${rows === 1 ? "row" : "rows"}, ready to download.`,
      notSettled: (groups: number) =>
        `${f.integer(groups)} ${groups === 1 ? "group has" : "groups have"} no expected purchases: the series did not settle (a horizon very long beside alpha + T). Those fields are empty, so these customers get no CLV.`,
      download: "Download clv_groups.csv",
      badNumber: (field: string) => `${field}: type a number, such as 0.25.`,
      badParams: (detail: string) => `These parameters cannot be used: ${detail}`,
      problem: (p: ClvRunProblem) => {
        switch (p.kind) {
          case "empty":
            return "The file has no header line followed by data lines.";
          case "missingColumn":
            return `The file has no column ${p.column}. Use the CSV of the grouped BTYD summary: its header names x, t_x_days and T_days.`;
          case "badValue":
            return `Line ${f.integer(p.line)}: ${p.column} is “${p.value}”, expected a whole number.`;
          case "badHistory":
            return `Line ${f.integer(p.line)} is not a whole-day history: ${p.detail}`;
          default:
            return `The group table could not be computed: ${p.detail}`;
        }
      },
      note:
        "Load the CSV and run the SQL above in your database, with the same as-of date and time unit as the grouped summary. It gives each customer P(alive), the expected purchases over the horizon and CLV = discounted purchases × expected spend × margin, the same figures as LOYALTY.PALIVE, EXPECTEDPURCHASES and PREDICTEDCLV.",
    },
  },

  /** "Open a file…" (issue 12): order files bigger than Excel, read by DuckDB-Wasm in the pane. */
  files: {
    heading: "Open a file…",
    intro: "Pick a CSV or Parquet export of your orders. It is read here, on this computer; nothing is uploaded.",
    fileLabel: "Order file (CSV or Parquet)",
    notSupported: (name: string) => `"${name}" is not a CSV or Parquet file. Pick a file ending in .csv or .parquet.`,
    dialect: (delimiter: string, decimal: string, dates: string) => `Fields separated by ${delimiter}, decimal ${decimal}, dates as ${dates}.`,
    delimiterNames: { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "bars" } as Record<string, string>,
    decimalNames: { ".": "point", ",": "comma" } as Record<string, string>,
    dateNames: { iso: "2024-12-31", dmy: "31.12.2024" } as Record<string, string>,
    parquetColumns: "A Parquet file carries its own column names and types.",
    idLabel: "Customer id column",
    dateLabel: "Order date column",
    amountLabel: "Amount column",
    noColumn: "(none)",
    analysisLabel: "Analysis",
    rfmTable: "RFM table (one row per customer)",
    btydGrouped: "BTYD summary, grouped (for BGNBDFIT with weights)",
    rfmSegments: "RFM scores and segments (one row per customer)",
    holdoutGrouped: "Calibration/holdout summary, grouped (for Check the model)",
    cohorts: "Cohort triangle, long form (one row per cohort and period)",
    retention: "Retention by period (one row per period)",
    unitLabel: "Time unit",
    calibrationLabel: "Calibration end",
    calibrationHint:
      "Leave blank for the date Check the model would choose: midway between the 1st and 99th percentiles of the order dates. The holdout runs to the last order date.",
    badCalibrationText: (example: string) => `Type the calibration end as a date, such as ${example}, or leave it blank for the default.`,
    badCalibrationEnd: (first: string, last: string) =>
      `The calibration end must fall after the file's first order date (${first}) and before its last (${last}), so that both the calibration period and the holdout hold orders.`,
    run: "Run on this file",
    running: "Reading the file with DuckDB",
    writing: "Writing the new sheet",
    progressRows: (done: number, total: number) => `${f.integer(done)} of ${f.integer(total)} rows`,
    cancel: "Cancel",
    cancelled: "Cancelled. No sheet was left behind.",
    done: (sheet: string, rows: number, orders: number) => `Wrote ${f.integer(rows)} rows from ${f.integer(orders)} orders to the new sheet ${sheet}.`,
    holdoutDone: (sheet: string, rows: number, orders: number, calibrationEnd: string, holdoutEnd: string) =>
      `Wrote ${f.integer(rows)} rows from ${f.integer(orders)} orders to the new sheet ${sheet}, calibrated up to ${calibrationEnd} with the holdout to ${holdoutEnd}. Select the table with its header row and run Check the model on it.`,
    needColumns: "Choose the customer id and order date columns.",
    needAmount: "The RFM table, scores and segments need the amount column.",
    tooManyCustomers: (customers: number) =>
      `${f.integer(customers)} customers do not fit on one Excel sheet (${f.integer(1048576)} rows). Choose a grouped or aggregated form instead: the grouped BTYD or calibration/holdout summary (one row per distinct purchase history), the cohort triangle or the retention by period.`,
    tooManyRows: (rows: number) =>
      `The result has ${f.integer(rows)} rows, more than fit on one Excel sheet (${f.integer(1048576)} rows). Run it as SQL in your database (Warehouse tab), or export fewer orders (for example one year) and try again.`,
    outOfMemory:
      "This file needs more memory than the pane can use. Run the same analysis as SQL in your database (Warehouse tab), or export fewer orders (for example one year) and try again.",
    parquetCodec: (column: string, codec: string) =>
      `Column "${column}" of this Parquet file is compressed with ${codec}, which the pane cannot read. Export the file uncompressed or with Snappy compression (for example COMPRESSION snappy in DuckDB, compression="snappy" in pandas or pyarrow), or as CSV.`,
    parquetColumnType: (column: string, type: string) =>
      `Column "${column}" holds ${type} values, which cannot be used for this role. Customer ids must be text or whole numbers, order dates DATE, TIMESTAMP or ISO text such as 2024-12-31, amounts numbers (DOUBLE, DECIMAL or integers).`,
    parquetBadDate: (column: string, row: number, text: string) =>
      `Row ${f.integer(row)} of column "${column}" holds "${text}", which is not a date such as 2024-12-31.`,
    parquetUnreadable: "This file could not be read as Parquet. Check that it is a complete .parquet file, or export the orders as CSV.",
    engineServedWrong: (contentType: string) =>
      `The pane's file engine could not start: the add-in's web server sends its WebAssembly file as "${contentType}", and browsers run it only when it is sent as application/wasm. Ask whoever hosts the add-in to serve .wasm files as application/wasm.`,
    failed: (message: string) => `The file could not be analysed: ${message}`,
    csvNoData: "The file has no header line followed by data lines.",
    csvNoDelimiter: "The columns could not be told apart: expected fields separated by , ; tab or |, the same number on every line.",
    sheetName: {
      rfmTable: "RFM from file",
      btydGrouped: "BTYD groups from file",
      rfmSegments: "RFM segments from file",
      holdoutGrouped: "Holdout from file",
      cohorts: "Cohorts from file",
      retention: "Retention from file",
    } as Record<string, string>,
    sheetTitle: (file: string, analysis: string) => `${analysis}: ${file}`,
    wholePeriodsTitle: (file: string, unit: TimeUnit): string =>
      `BTYD summary in whole calendar ${unit === "month" ? "months" : "weeks"}, grouped (for BGNBDFIT with weights): ${file}. x, t_x and T count whole ${unit === "month" ? "months" : "weeks (Monday to Sunday)"}, as BTYDSUMMARY(…, TRUE).`,
    holdoutTitle: (file: string, calibrationEnd: string, holdoutEnd: string, unit: string) =>
      `Calibration/holdout summary, grouped: ${file}. Calibration up to ${calibrationEnd}, holdout after it to ${holdoutEnd}; t_x, T and holdout_length in ${unit}; customers = how many customers have the row's history.`,
    cohortsTitle: (file: string, kind: PeriodKind) =>
      `Cohort triangle by ${kind}, long form: ${file}. share = active ÷ customers of the cohort; active and share are blank where the ${kind} has not ended yet.`,
    retentionTitle: (file: string, kind: PeriodKind, activeDays: number) =>
      `Retention by ${kind}: ${file}. A customer is active for ${f.integer(activeDays)} days after each order; retention = retained ÷ customers_start.`,
    incompleteName: (name: string) => `${name} (incomplete)`,
    dateFormat: "yyyy-mm-dd",
  },
};
}

export type Strings = ReturnType<typeof englishStrings>;

/** English with US conventions: the pane's default and what tests render unless they choose. */
export const en: Strings = englishStrings(makeFormatter({ name: "en-US" }, "en"));
