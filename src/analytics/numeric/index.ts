/**
 * numeric/ — numerical building blocks with no business meaning: the BFGS optimiser, special
 * functions (log-gamma, digamma, the hypergeometric series), the observed information matrix and
 * standard errors, R's type-7 quantiles (also of weighted, grouped values), order statistics and median without a full sort, distinct
 * values by hashing, the words for a fit at the edge of the parameter space, and cooperative yielding.
 * 
 * May import: ../errors only. Nothing in numeric/ knows about customers, orders or Excel.
 */
export * from "./distinctValues";
export * from "./fitBoundary";
export * from "./gaussLegendre";
export * from "./median";
export * from "./observedInformation";
export * from "./optimizeBfgs";
export * from "./orderStatistics";
export * from "./quantileSorted";
export * from "./specialFunctions";
export * from "./weightedQuantile";
export * from "./yieldToHost";
