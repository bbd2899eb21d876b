/**
 * orders/ — from spreadsheet cells to an order log: reading one cell (blanks, errors, data-type
 * values), Excel date serials and ISO text, calendar periods (Monday weeks, months, quarters, years),
 * customer ids to dense indices, an order log grouped by customer, purchase days per customer, and the
 * time units of the BTYD functions.
 * 
 * May import: ../errors and ../numeric. Nothing above it (no model, no metric) is imported here.
 */
export * from "./calendarPeriods";
export * from "./cells";
export * from "./customerIndex";
export * from "./dates";
export * from "./ordersByCustomer";
export * from "./purchaseDays";
export * from "./purchasePeriods";
export * from "./timeUnit";
