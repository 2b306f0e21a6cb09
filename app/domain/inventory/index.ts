/**
 * Inventory decision engine (pure): demand, sentiment lift, safety stock, variant mix, elasticity,
 * alerts, regional stocking, supplier split, guardrails and the planning run that ties them together.
 */
export * from "./alerts";
export * from "./buildRecommendations";
export * from "./calendar";
export * from "./demandForecast";
export * from "./demandVelocity";
export * from "./elasticity";
export * from "./guardrails";
export * from "./idempotencyKey";
export * from "./inverseNormalCdf";
export * from "./issueRouting";
export * from "./largestRemainder";
export * from "./planningInput";
export * from "./productSentiment";
export * from "./proposal";
export * from "./reasonLine";
export * from "./regionMapping";
export * from "./regionalStocking";
export * from "./reorderPolicy";
export * from "./replenishmentPolicy";
export * from "./result";
export * from "./safetyStock";
export * from "./safetyStockRisk";
export * from "./sentimentLift";
export * from "./settings";
export * from "./supplierSplit";
export * from "./validityIndex";
export * from "./variantMix";
export * from "./weeklySeries";
