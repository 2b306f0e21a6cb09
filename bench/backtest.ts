/**
 * Backtest of the inventory engine: replays the simulated store's 26 weeks (or a stored shop's
 * history) week by week with the same lead times, once with Pulse's policy and once with the
 * sentiment-blind policy, and prints stock-out days, lost sales, overstock and turns per scenario and
 * in total, over all days and over the days in which a sentiment week was known (the targets are
 * judged there: before it both policies act identically). With --json the last line is one JSON
 * object: `scenarios` over the sentiment window (`measuredFromDay`), `allDays.scenarios` over all days.
 *
 *   npx tsx bench/backtest.ts [--json] [--shop <domain>] [--seed N]
 *
 * Sentiment comes from the mentions scored by our scorer and aggregated by our signal engine, each
 * week only from mentions posted before it ended (no look-ahead). Figures only, no assertions.
 */
import { PRODUCT_SPECS } from "~/demo/scenario/catalog";
import { DEFAULT_SCENARIO_SEED, DEFAULT_SCENARIO_TODAY, generateScenario } from "~/demo/scenario";
import {
  combinedSums,
  committedOverstockUnits,
  compareRuns,
  metricsOf,
  noiseVerdict,
  replayDatasetFromHistory,
  replayHistoryFromScenario,
  replayHistoryFromStore,
  runBacktest,
  sentimentLedVerdict,
  type BacktestResult,
  type GroupComparison,
  type NoiseVerdict,
  type ReplayDataset,
  type ReplayMetrics,
  type TargetVerdict,
} from "~/domain/inventory/backtest";
import type { IssueAspect, ReplenishmentParameters } from "~/domain/inventory";
import { analyze, defaultAspectTaxonomy } from "~/domain/sentiment";
import type { ScoredMention } from "~/domain/signals";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const shopArg = args.indexOf("--shop");
const shopDomain = shopArg >= 0 ? args[shopArg + 1] : undefined;
const seedArg = args.indexOf("--seed");
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : DEFAULT_SCENARIO_SEED;

/** Scorer issue types → the teams the inventory engine routes complaints to. */
const ISSUE_ASPECT: Record<string, IssueAspect | undefined> = {
  marketing: "design",
  "product-fix": "function",
  support: "service",
};
const issueTypeOfAspect = new Map(defaultAspectTaxonomy.map((a) => [a.id, a.issueType] as const));
const issueAspectOf = (aspect: string): IssueAspect | null =>
  ISSUE_ASPECT[issueTypeOfAspect.get(aspect) ?? ""] ?? null;

/** Returns a mention as the signal engine reads it, scored by our scorer. */
function scoreMention(m: {
  id: string;
  shopId: string;
  productId: string | null;
  variantId: string | null;
  platform: string;
  country: string | null;
  authorHash: string;
  authorReachFollowers: number;
  authorAccountAgeDays: number | null;
  postedAt: Date;
  text: string;
}): ScoredMention {
  const analysis = analyze(m.text);
  return {
    ...m,
    polarity: analysis.polarity,
    label: analysis.label,
    aspects: analysis.aspects.map((a) => ({ aspect: a.aspect, polarity: a.polarity })),
    featureRequests: analysis.featureRequests.map((r) => ({
      clusterKey: r.clusterKey,
      normalized: r.normalized,
    })),
  };
}

interface Loaded {
  dataset: ReplayDataset;
  label: string;
  noiseGroups: string[];
}

async function scenarioDataset(): Promise<Loaded> {
  const scenario = generateScenario({ seed, today: new Date(DEFAULT_SCENARIO_TODAY) });
  const scored = scenario.mentions.map((m) =>
    scoreMention({
      id: `${m.platform}:${m.externalId}`,
      shopId: scenario.shop.domain,
      productId: m.productId,
      variantId: m.variantId,
      platform: m.platform,
      country: m.countryCode,
      authorHash: m.authorHandle,
      authorReachFollowers: m.authorReachFollowers,
      authorAccountAgeDays: m.authorAccountAgeDays,
      postedAt: new Date(m.postedAt),
      text: m.text,
    }),
  );
  // The supplier terms a merchant enters in settings: lead time and case pack per product.
  const specByHandle = new Map(PRODUCT_SPECS.map((s) => [s.handle, s]));
  const productTerms = new Map<string, Partial<ReplenishmentParameters>>();
  for (const p of scenario.products) {
    const spec = specByHandle.get(p.handle);
    if (spec) productTerms.set(p.id, { leadTimeDays: spec.leadTimeDays, casePackUnits: spec.casePackUnits });
  }
  const history = replayHistoryFromScenario(scenario, scored, { productTerms, issueAspectOf });
  return {
    dataset: replayDatasetFromHistory(history),
    label: `simulated store (seed ${scenario.seed}, ${scenario.historyStart} → ${scenario.historyEnd})`,
    noiseGroups: ["noise"],
  };
}

async function storedShopDataset(domain: string): Promise<Loaded> {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
  const { createDb, setDb } = await import("~/db.server");
  // A bench script, not the app: it opens the database itself so it runs without Shopify credentials.
  const client = createDb(url);
  setDb(client);
  try {
    const models = await import("~/models/planning.server");
    const { inventorySettingsOf } = await import("~/services/planning.server");
    const shop = await models.findPlanningShopByDomain(domain);
    if (!shop) {
      console.log(
        `No shop "${domain}" in the database ${url}: nothing to replay. Seed the demo (npm run demo) or install the app on that shop first.`,
      );
      process.exit(1);
    }
    const settings = inventorySettingsOf(shop.settings);
    if (!settings.ok) {
      console.log(
        `The settings of ${domain} cannot be used: ${settings.error.map((e) => e.message).join(" ")}`,
      );
      process.exit(1);
    }
    const [variants, locations, inventory, sales, mentions] = await Promise.all([
      models.listPlanningVariants(shop.id),
      models.listPlanningLocations(shop.id),
      models.listPlanningInventory(shop.id),
      models.listSalesDailySince(shop.id, "0000-01-01"),
      models.listMentionsWithScores(shop.id),
    ]);
    let scoredNow = 0;
    const scored = mentions.map((m): ScoredMention => {
      const base = {
        id: m.id,
        shopId: shop.id,
        productId: m.productId,
        variantId: m.variantId,
        platform: m.platform,
        country: m.countryCode,
        authorHash: m.authorHash,
        authorReachFollowers: m.authorReachFollowers,
        authorAccountAgeDays: m.authorAccountAgeDays,
        postedAt: m.postedAt,
        text: m.text,
      };
      if (m.score?.scored) {
        return {
          ...base,
          polarity: m.score.polarity,
          label: m.score.label as ScoredMention["label"],
          aspects: Array.isArray(m.score.aspects)
            ? (m.score.aspects as unknown as ScoredMention["aspects"])
            : [],
          featureRequests: Array.isArray(m.score.featureRequests)
            ? (m.score.featureRequests as unknown as ScoredMention["featureRequests"])
            : [],
        };
      }
      scoredNow++;
      return scoreMention(base);
    });
    const history = replayHistoryFromStore(
      {
        timeZone: shop.timezone,
        variants: variants.map((v) => ({
          variantId: v.id,
          productId: v.productId,
          supplierId: v.product.vendor || null,
          sku: v.sku,
          title: v.title,
        })),
        locations: locations.map((l) => ({ locationId: l.id, regionCode: l.region })),
        productTitles: new Map(variants.map((v) => [v.productId, v.product.title])),
        sales: sales.map((s) => ({
          variantId: s.variantId,
          locationId: s.locationId,
          day: s.day,
          units: Math.max(0, s.unitsSold - s.unitsRefunded),
        })),
        stockedPairs: inventory,
        settings: settings.value,
      },
      scored,
      { issueAspectOf },
    );
    if (!history) {
      console.log(`Shop ${domain} has no recorded daily sales: nothing to replay. Run a full sync first.`);
      process.exit(1);
    }
    return {
      dataset: replayDatasetFromHistory(history),
      label:
        `stored shop ${domain} (${history.firstDay}, ${history.days} days; demand = recorded sales, a floor on days the shelf ran empty` +
        `${scoredNow > 0 ? `; ${scoredNow} of ${mentions.length} mentions had no stored score and were scored now` : ""})`,
      noiseGroups: [],
    };
  } finally {
    await client.$disconnect();
  }
}

function pct(pulse: number, blind: number): string {
  if (blind === 0) return pulse === 0 ? "0%" : "n/a";
  const change = ((pulse - blind) / blind) * 100;
  return `${change >= 0 ? "+" : ""}${change.toFixed(1)}%`;
}

function row(name: string, led: string, p: ReplayMetrics, b: ReplayMetrics): string {
  const cell = (pv: number, bv: number, digits = 0) =>
    `${pv.toFixed(digits).padStart(8)} ${bv.toFixed(digits).padStart(8)} ${pct(pv, bv).padStart(7)}`;
  return [
    name.slice(0, 24).padEnd(24),
    led.padEnd(3),
    cell(p.stockoutDays, b.stockoutDays),
    cell(p.lostUnits, b.lostUnits),
    cell(p.overstockUnits, b.overstockUnits),
    cell(p.turns, b.turns, 2),
  ].join(" │ ");
}

interface TableInput {
  /** Overstock the led groups' shelf held when measuring began (see committedOverstockUnits). */
  committedLedOverstock: number | null;
  /** The led groups under the perfect-foresight bound, over the same days. */
  foresightLed: ReplayMetrics | null;
  groups: GroupComparison[];
  led: { pulse: ReplayMetrics; blind: ReplayMetrics } | null;
  verdict: TargetVerdict | null;
  total: { pulse: ReplayMetrics; blind: ReplayMetrics };
  noise: Map<string, NoiseVerdict>;
}

function table(title: string, result: TableInput): void {
  console.log(title);
  console.log(
    [
      "scenario".padEnd(24),
      "led",
      ...["stock-out days", "lost units", "overstock units", "turns (per year)"].map((h) => h.padEnd(25)),
    ].join(" │ "),
  );
  const sub = `${"pulse".padStart(8)} ${"blind".padStart(8)} ${"Δ".padStart(7)}`;
  console.log([" ".repeat(24), "   ", sub, sub, sub, sub].join(" │ "));
  for (const g of result.groups) console.log(row(g.name, g.sentimentLed ? "yes" : "no", g.pulse, g.blind));
  if (result.led) console.log(row("sentiment-led (together)", "yes", result.led.pulse, result.led.blind));
  console.log(row("total", "", result.total.pulse, result.total.blind));
  if (result.verdict) {
    const v = result.verdict;
    console.log(
      `Sentiment-led targets: stock-out days ${(v.stockoutDaysReduction * 100).toFixed(1)}% fewer (≥ 30%: ${v.stockoutTargetMet ? "met" : "NOT met"}); ` +
        `overstock units ${(v.overstockUnitsReduction * 100).toFixed(1)}% fewer (≥ 20%: ${v.overstockTargetMet ? "met" : "NOT met"}).`,
    );
  }
  if (result.committedLedOverstock !== null && result.led) {
    const blindOverstock = result.led.blind.overstockUnits;
    const share = blindOverstock > 0 ? (result.committedLedOverstock / blindOverstock) * 100 : 0;
    console.log(
      `Of the blind policy's ${blindOverstock.toFixed(0)} overstock units on the sentiment-led scenarios, ${result.committedLedOverstock.toFixed(0)} (${share.toFixed(0)}%) come from the shelf these days start with: no decision taken from then on could remove them (the replay has no returns or transfers; cancelling only cuts units in transit).`,
    );
  }
  if (result.foresightLed && result.led) {
    const f = result.foresightLed;
    const b = result.led.blind;
    console.log(
      `Foresight bound: the blind policy told each series' real demand over its lead time + review period (no sentiment, same safety stock, case packs and reorder rule) has ${f.stockoutDays} stock-out days (${pct(f.stockoutDays, b.stockoutDays)} against blind) and ${f.overstockUnits.toFixed(0)} overstock units (${pct(f.overstockUnits, b.overstockUnits)}) on the sentiment-led scenarios: what knowing demand exactly is worth here, and so more than any reading of sentiment can be.`,
    );
  }
  for (const [name, verdict] of result.noise) {
    console.log(
      `Noise bound (${name}): worst figure ${(verdict.worstDeterioration * 100).toFixed(1)}% worse than blind (≤ 5%: ${verdict.withinBound ? "met" : "NOT met"}).`,
    );
  }
  console.log("");
}

/** The same runs measured only from `fromDay`: the weeks in which sentiment could make a difference. */
function windowTable(
  dataset: ReplayDataset,
  result: BacktestResult,
  fromDay: number,
  noiseGroups: readonly string[],
): TableInput {
  const options = { measureFromDay: fromDay };
  const groups = compareRuns(dataset, result.runs.pulse, result.runs.blind, options);
  const ledPulse = combinedSums(result.runs.pulse, dataset, (g) => g.sentimentLed, options);
  const ledBlind = combinedSums(result.runs.blind, dataset, (g) => g.sentimentLed, options);
  const anyLed = groups.some((g) => g.sentimentLed);
  const noise = new Map<string, NoiseVerdict>();
  for (const name of noiseGroups) {
    const g = groups.find((x) => x.name === name);
    if (g) noise.set(name, noiseVerdict(g.pulse, g.blind));
  }
  const foresight = result.runs.foresight;
  const foresightLed = foresight
    ? metricsOf(combinedSums(foresight, dataset, (g) => g.sentimentLed, options))
    : null;
  let committed = 0;
  for (const trace of result.runs.blind.traces) {
    if (dataset.groupOfProduct.get(trace.productId)?.sentimentLed)
      committed += committedOverstockUnits(trace, options);
  }
  return {
    committedLedOverstock: anyLed ? committed : null,
    foresightLed: anyLed ? foresightLed : null,
    groups,
    led: anyLed ? { pulse: metricsOf(ledPulse), blind: metricsOf(ledBlind) } : null,
    verdict: anyLed ? sentimentLedVerdict(ledPulse, ledBlind) : null,
    total: {
      pulse: metricsOf(combinedSums(result.runs.pulse, dataset, () => true, options)),
      blind: metricsOf(combinedSums(result.runs.blind, dataset, () => true, options)),
    },
    noise,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { dataset, label, noiseGroups } = shopDomain
    ? await storedShopDataset(shopDomain)
    : await scenarioDataset();
  const firstDayNumber = Date.parse(`${dataset.firstDay}T00:00:00Z`) / 86_400_000;
  const firstKnown = Math.min(
    ...dataset.sentiment.map((w) => Date.parse(`${w.weekStart}T00:00:00Z`) / 86_400_000 + 7),
  );
  const fromDay =
    Number.isFinite(firstKnown) &&
    firstKnown - firstDayNumber > 0 &&
    firstKnown - firstDayNumber < dataset.days
      ? Math.round(firstKnown - firstDayNumber)
      : null;
  // The bound knows demand from the day Pulse first knows sentiment: the same days the targets are judged on.
  const result = runBacktest(dataset, {
    noiseGroups,
    foresightBound: fromDay !== null,
    foresightFromDay: fromDay ?? 0,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`Backtest — ${label}`);
  console.log(
    "Weekly reviews by the app's planning run (buildRecommendations); every restock and reduce proposal is applied; both policies start with the same stock and use the same lead times; sales = min(demand, shelf).",
  );
  console.log(
    "Stock-out day: the shelf opened empty or turned customers away. Overstock: units above 8 weeks of cover (trailing 28-day demand), summed over week ends. Turns: units sold ÷ average shelf, per year.",
  );
  console.log("");
  table(`All ${dataset.days} days (${Math.round(dataset.days / 7)} weeks):`, {
    committedLedOverstock: null,
    foresightLed: null,
    groups: result.groups,
    led: result.sentimentLed,
    verdict: result.sentimentLed?.verdict ?? null,
    total: result.total,
    noise: result.noise,
  });
  // The weeks in which Pulse had sentiment to plan with: the evaluation window that matches the signal
  // coverage. Before it both policies run the same code on the same data and act identically.
  let sentimentWindow: { fromDay: number; table: TableInput } | null = null;
  if (!Number.isFinite(firstKnown)) {
    console.log(
      "No mentions matched to products: Pulse had no sentiment and planned exactly like the blind policy.\n",
    );
  } else if (fromDay !== null) {
    sentimentWindow = { fromDay, table: windowTable(dataset, result, fromDay, noiseGroups) };
    table(
      `Days ${fromDay}–${dataset.days - 1} only (${dataset.days - fromDay} days, from the first day a sentiment week is known; before it both policies act identically). The targets are judged here:`,
      sentimentWindow.table,
    );
  }
  const notes = new Set([...result.runs.pulse.notes, ...result.runs.blind.notes]);
  for (const note of notes) console.log(`Note: ${note}`);
  console.log(
    `Replayed ${result.runs.pulse.traces.length} variant × location series × ${result.runs.pulse.days} days under both policies in ${seconds.toFixed(1)} s.`,
  );
  if (asJson) {
    const scenarioFigures = (groups: readonly GroupComparison[]) =>
      groups.map((g) => ({ name: g.name, sentimentLed: g.sentimentLed, pulse: g.pulse, blind: g.blind }));
    const headline = sentimentWindow?.table ?? null;
    const verdict = headline?.verdict ?? result.sentimentLed?.verdict ?? null;
    const noise = headline?.noise ?? result.noise;
    console.log(
      JSON.stringify({
        // Judged over the weeks with sentiment (the window matching the signal coverage)…
        measuredFromDay: sentimentWindow?.fromDay ?? 0,
        measuredDays: dataset.days - (sentimentWindow?.fromDay ?? 0),
        scenarios: scenarioFigures(headline?.groups ?? result.groups),
        targets: {
          stockoutDaysReduction: verdict ? Math.round(verdict.stockoutDaysReduction * 1000) / 1000 : null,
          stockoutTargetMet: verdict?.stockoutTargetMet ?? null,
          overstockUnitsReduction: verdict ? Math.round(verdict.overstockUnitsReduction * 1000) / 1000 : null,
          overstockTargetMet: verdict?.overstockTargetMet ?? null,
          // Blind's overstock on the led scenarios that the shelf of the first measured day causes alone.
          // The perfect-foresight bound on the led scenarios over the same days (see ReplayPolicy).
          foresightBound: headline?.foresightLed
            ? {
                stockoutDays: headline.foresightLed.stockoutDays,
                overstockUnits: headline.foresightLed.overstockUnits,
              }
            : null,
          committedOverstockUnits:
            headline?.committedLedOverstock != null ? Math.round(headline.committedLedOverstock) : null,
          noise: Object.fromEntries(
            [...noise].map(([name, v]) => [
              name,
              {
                worstDeterioration: Math.round(v.worstDeterioration * 1000) / 1000,
                withinBound: v.withinBound,
              },
            ]),
          ),
        },
        // …and the same runs over all replayed days.
        allDays: { days: dataset.days, scenarios: scenarioFigures(result.groups) },
      }),
    );
  }
}

await main();
