/**
 * Backtest of the inventory engine (pure): replay a store's history week by week under Pulse's policy
 * and the sentiment-blind one, and measure stock-outs, lost sales, overstock and turns.
 */
export * from "./mentionSentimentWeeks";
export * from "./metrics";
export * from "./replay";
export * from "./replayDataset";
export * from "./runBacktest";
export * from "./scenarioHistory";
export * from "./storedHistory";
export * from "./types";
