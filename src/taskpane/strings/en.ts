/**
 * Every user-facing text of the pane, in English. German and Norwegian files will copy this
 * shape (`Strings`): texts with values are functions, so each language orders its own words.
 * Segment names written to the sheet stay the rule engine's (as LOYALTY.SEGMENT returns them);
 * `segmentLabel` is only what the pane shows.
 */
import type { Segment } from "../../analytics/loyaltySegment";
import type { BehaviourMeasure } from "../model/behaviour";
import type { AttitudeScale, RecencyKind, Role } from "../model/mapping";
import type { IssueReason } from "../model/segmentRun";

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
};

const SCALE_RANGE: Record<AttitudeScale, string> = {
  recommend: "recommend score not 0–10",
  satisfaction: "satisfaction score not 1–5",
  referrals: "referral count not a whole number of 0 or more",
};

export const en = {
  locale: "en-US",
  appTitle: "Loyalty Lens",
  appIntro: "Select a customer table, click Segment, and see who is loyal and what to do next.",

  host: {
    noExcel: "Open this pane in Excel to segment a workbook. Outside Excel it can only show this page.",
    tooOld: (needed: string) => `This version of Excel is too old for the Segment pane: it needs ${needed} (Excel 2019, Microsoft 365 or Excel on the web). Update Office and try again.`,
  },

  pick: {
    heading: "1. Pick the data",
    useSelection: "Use selection",
    reading: "Reading the selection…",
    hint: "Select your customer table (or one cell inside it), then click Use selection.",
    picked: (address: string, rows: number) => `${address}: ${rows.toLocaleString("en-US")} customer rows`,
    headersCheckbox: "First row holds column names",
  },

  map: {
    heading: "2. Map the columns",
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
      priceDriven: "Optional: TRUE/FALSE or a 0–1 share; 0.5 or more counts as price-driven.",
      recurring: "Optional: e.g. monthly revenue.",
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
    target: "Write the result to",
    targetSheet: "A new sheet",
    targetBeside: "A Segment column beside the data",
    targetInsert: "A new column inserted beside the data",
    segment: "Segment",
    segmentRfm: "Make RFM segments",
    cancel: "Cancel",
    phase: { reading: "Reading rows", computing: "Segmenting", writing: "Writing results", formatting: "Formatting" },
    progress: (done: number, total: number) => `${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} rows`,
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
    totals: (customers: number) => `${customers.toLocaleString("en-US")} customers segmented`,
    cutoffUsed: (measure: string, rule: string) => `Behaviour: ${measure}; high means ${rule}.`,
    ruleAboveMedian: (value: string) => `above the median (${value})`,
    ruleAtLeast: (value: string) => `at least ${value}`,
    chartTitle: "Share of customers and of revenue per segment",
    chartCustomers: "Customers",
    chartRevenue: "Revenue",
    actionsHeading: "What to do",
    skippedHeading: "Rows not segmented",
    skipped: (count: number, reason: string, rows: readonly number[], more: boolean) =>
      `${count.toLocaleString("en-US")} ${count === 1 ? "row" : "rows"} skipped: ${reason} (${count === 1 ? "row" : "rows"} ${rows.join(", ")}${more ? ", …" : ""})`,
  },

  actions: {
    Loyal: "Reward them with exclusive benefits and ask for referrals.",
    Reachable: "Find out what keeps them from being fully satisfied and fix it before a competitor's offer lures them away.",
    "Locked-in": "Find out what they need: they will leave as soon as switching gets easier.",
    "High-risk": "Don't spend loyalty budget on price-only buyers, but fix genuine complaints.",
  } as Record<Segment, string>,

  segmentLabel: { Loyal: "Loyal", Reachable: "Reachable", "Locked-in": "Locked-in", "High-risk": "High-risk" } as Record<Segment, string>,

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
    }
  },

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
};

export type Strings = typeof en;
