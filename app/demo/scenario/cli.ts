/**
 * Prints the summary of a generated scenario.
 * Usage: npx tsx app/demo/scenario/cli.ts [--seed N] [--today YYYY-MM-DD] [--mentions N] [--json]
 */
import { parseCliArguments } from "./cli-arguments";
import { generateScenario } from "./generate";
import { formatScenarioSummary, summarizeScenario } from "./summary";

const parsed = parseCliArguments(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  process.exitCode = 2;
} else {
  const { seed, today, mentionCount, json } = parsed.value;
  const startedMs = performance.now();
  const scenario = generateScenario({ seed, today, mentionCount });
  const elapsedMs = performance.now() - startedMs;
  const summary = summarizeScenario(scenario);
  if (json) {
    console.log(JSON.stringify(summary));
  } else {
    console.log(formatScenarioSummary(summary));
    console.log(`Generated in ${elapsedMs.toFixed(0)} ms.`);
  }
}
