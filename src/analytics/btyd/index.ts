/**
 * btyd/ — buy-till-you-die models of customers who may leave unseen: the (x, t_x, T) summary of an
 * order log and its calibration/holdout split, BG/NBD (likelihood, fit, P(alive), expected purchases),
 * Gamma-Gamma spend, predicted CLV, and reading a fitted parameter block from a sheet range; also
 * Pareto/NBD and MBG/NBD (likelihood, fit, P(alive), expectations), P(X(t) = k) for BG/NBD and
 * Pareto/NBD, and the discrete-time BG/BB (summary, likelihood, fit, predictions); the model report's
 * tables: expected against actual repeat-purchase counts, tracking curves and frequency/recency grids.
 * 
 * May import: ../errors, ../orders, ../numeric.
 */
export * from "./bgnbdFit";
export * from "./bgnbdGroups";
export * from "./bgnbdLogLikelihood";
export * from "./bgnbdPredictions";
export * from "./btydSummary";
export * from "./clvGroups";
export * from "./expectedSpend";
export * from "./gammaGammaFit";
export * from "./holdoutSummary";
export * from "./modelParams";
export * from "./predictedClv";
export * from "./bgbbFit";
export * from "./bgbbLogLikelihood";
export * from "./bgbbPredictions";
export * from "./bgbbSummary";
export * from "./bgnbdPurchaseProbability";
export * from "./maximumLikelihoodFit";
export * from "./mbgnbdFit";
export * from "./mbgnbdLogLikelihood";
export * from "./mbgnbdPredictions";
export * from "./paretoNbdFit";
export * from "./paretoNbdLogLikelihood";
export * from "./paretoNbdPredictions";
export * from "./paretoNbdPurchaseProbability";
export * from "./taggedModelParams";
export * from "./frequencyRecencyGrid";
export * from "./repeatPurchaseHistogram";
export * from "./trackingCurve";
export * from "./modelComparison";
