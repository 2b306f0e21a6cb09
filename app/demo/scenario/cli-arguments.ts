/**
 * Command-line options of the scenario CLI, parsed without side effects so they can be tested.
 */
import { DEFAULT_MENTION_COUNT, DEFAULT_SCENARIO_SEED, DEFAULT_SCENARIO_TODAY } from "./generate";

export interface ScenarioCliOptions {
  seed: number;
  today: Date;
  mentionCount: number;
  json: boolean;
}

/**
 * Returns the options parsed from command-line arguments, or an error message naming the bad one.
 * @example
 * parseCliArguments(["--seed", "7"]); // { ok: true, value: { seed: 7, … } }
 */
export function parseCliArguments(
  argv: readonly string[],
): { ok: true; value: ScenarioCliOptions } | { ok: false; error: string } {
  const options: ScenarioCliOptions = {
    seed: DEFAULT_SCENARIO_SEED,
    today: new Date(DEFAULT_SCENARIO_TODAY),
    mentionCount: DEFAULT_MENTION_COUNT,
    json: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--json") {
      options.json = true;
      continue;
    }
    if (flag === "--seed" || flag === "--mentions") {
      const number = Number(value);
      if (value === undefined || !Number.isInteger(number) || number < 0) {
        return { ok: false, error: `${flag} needs a whole number ≥ 0, got "${value ?? ""}".` };
      }
      if (flag === "--seed") options.seed = number;
      else options.mentionCount = number;
      i += 1;
      continue;
    }
    if (flag === "--today") {
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        return { ok: false, error: `--today needs a date like 2026-11-23, got "${value ?? ""}".` };
      }
      options.today = new Date(`${value}T00:00:00Z`);
      i += 1;
      continue;
    }
    return {
      ok: false,
      error: `Unknown option "${flag}". Options: --seed N, --today YYYY-MM-DD, --mentions N, --json.`,
    };
  }
  return { ok: true, value: options };
}
