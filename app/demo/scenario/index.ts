/** The simulated store: generator, summary and data types (see generate.ts). */
export * from "./types";
export {
  generateScenario,
  DEFAULT_MENTION_COUNT,
  DEFAULT_SCENARIO_SEED,
  DEFAULT_SCENARIO_TODAY,
  HISTORY_DAYS,
  MENTION_WINDOW_DAYS,
  type GenerateScenarioOptions,
} from "./generate";
export { summarizeScenario, formatScenarioSummary, type ScenarioSummary } from "./summary";
export { localDateOf } from "./calendar";
