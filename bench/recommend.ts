/**
 * Benchmark: one planning run over 100k variants × 5 locations of deterministic synthetic data.
 * `npx tsx bench/recommend.ts [--json] [--variants N]`: prints a table; with --json the last line is
 * one JSON object. Figures only, no assertions (timed assertions make flaky tests).
 */
import {
  buildRecommendations,
  DEFAULT_INVENTORY_SETTINGS,
  type InventoryRecord,
  type PlanningInput,
  type SalesHistory,
  type SentimentWeek,
  type VariantRecord,
} from "~/domain/inventory";
import { createPrng } from "~/demo/scenario/prng";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const variantsArg = args.indexOf("--variants");
const VARIANT_COUNT = variantsArg >= 0 ? Number(args[variantsArg + 1]) : 100_000;
const LOCATION_COUNT = 5;
const VARIANTS_PER_PRODUCT = 5;
const HISTORY_DAYS = 56;
const SENTIMENT_WEEKS = 8;
const NOW = new Date("2025-06-30T06:00:00Z");
const FIRST_DAY = "2025-05-05"; // 56 days before NOW
const REGIONS = ["US-East", "US-West", "EU", "UK", "APAC"];

/** Mulberry32: small, fast, seeded; the same input on every run and machine. */
function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}

function weekStart(week: number): string {
  return new Date(Date.UTC(2025, 4, 5 + 7 * week)).toISOString().slice(0, 10);
}

function syntheticInput(variantCount: number): PlanningInput {
  const random = seededRandom(20250630);
  const locations = REGIONS.slice(0, LOCATION_COUNT).map((regionCode, i) => ({
    locationId: `loc-${i}`,
    regionCode,
  }));
  // Most series never stock out: they share one read-only all-true flag array instead of 500k copies.
  const alwaysInStock: boolean[] = new Array(HISTORY_DAYS).fill(true);
  const variants: VariantRecord[] = [];
  const inventory: InventoryRecord[] = [];
  const sales: SalesHistory[] = [];
  const sentiment: SentimentWeek[] = [];
  const productCount = Math.ceil(variantCount / VARIANTS_PER_PRODUCT);
  for (let p = 0; p < productCount; p++) {
    const productId = `p${p}`;
    const supplierId = `s${p % 200}`;
    const rising = random() < 0.2;
    let index = random() * 0.6 - 0.1;
    for (let w = 0; w < SENTIMENT_WEEKS; w++) {
      index = Math.max(
        -1,
        Math.min(1, index + (random() - 0.5) * 0.1 + (rising && w === SENTIMENT_WEEKS - 1 ? 0.2 : 0)),
      );
      sentiment.push({
        productId,
        weekStart: weekStart(w),
        weightedIndex: index,
        negativeShare: 0.05 + random() * 0.2,
        positiveShare: 0.4 + random() * 0.3,
        volume: Math.floor(20 + random() * 200),
        volatility: random() * 0.2,
        kolShare: random() < 0.05 ? 0.8 : 0.05,
        negativeAspectMentions: random() < 0.02 ? { service: 6 } : null,
      });
    }
    for (let v = 0; v < VARIANTS_PER_PRODUCT && variants.length < variantCount; v++) {
      const variantId = `${productId}-v${v}`;
      variants.push({ variantId, productId, supplierId, sku: `SKU-${p}-${v}` });
      for (const { locationId } of locations) {
        const rate = random() * 12;
        const units = new Uint16Array(HISTORY_DAYS);
        let inStock = alwaysInStock;
        if (random() < 0.05) {
          inStock = alwaysInStock.slice();
          for (let d = HISTORY_DAYS - 1 - Math.floor(random() * 10); d < HISTORY_DAYS - 1; d++)
            inStock[d] = false;
        }
        for (let d = 0; d < HISTORY_DAYS; d++) {
          units[d] = inStock[d] ? Math.round(rate * (0.8 + 0.4 * random()) * (d % 7 >= 5 ? 1.3 : 1)) : 0;
        }
        sales.push({ variantId, locationId, firstDay: FIRST_DAY, unitsSold: units, inStock });
        const available = Math.floor(random() * rate * 40) - (random() < 0.01 ? 5 : 0);
        inventory.push({
          variantId,
          locationId,
          availableUnits: available,
          incomingUnits: random() < 0.3 ? Math.floor(random() * rate * 20) : 0,
          safetyStockUnits: Math.floor(rate * 4),
        });
      }
    }
  }
  return { variants, locations, inventory, sales, sentiment, pastDecisions: [] };
}

const generationStart = performance.now();
const input = syntheticInput(VARIANT_COUNT);
const generationMs = performance.now() - generationStart;

const start = performance.now();
const cpuStart = process.cpuUsage();
const result = buildRecommendations(input, DEFAULT_INVENTORY_SETTINGS, NOW);
const ms = performance.now() - start;
// CPU time beside wall time: on a shared machine wall time mostly measures the neighbours.
const cpuUsed = process.cpuUsage(cpuStart);
const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
if (!result.ok) {
  console.error(result.error.map((e) => e.message).join("\n"));
  process.exit(1);
}
const proposals = result.value.proposals.length;
const planned = input.variants.length * LOCATION_COUNT;
// maxRSS is reported in kilobytes on Linux and macOS.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const figures = {
  variants: input.variants.length,
  locations: LOCATION_COUNT,
  proposals,
  ms: Math.round(ms),
  cpuMs: Math.round(cpuMs),
  perSecond: Math.round((planned / ms) * 1000),
  peakRssMb,
  generationMs: Math.round(generationMs),
};

const byKind = new Map<string, number>();
for (const p of result.value.proposals) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);

console.log("Pulse inventory recommendations benchmark (synthetic, seeded)");
console.table([
  {
    variants: figures.variants,
    locations: figures.locations,
    proposals: figures.proposals,
    ms: figures.ms,
    "cpu ms": figures.cpuMs,
    "variant×locations per second": figures.perSecond,
    "peak RSS MB": figures.peakRssMb,
  },
]);
console.log(
  `Proposals by kind: ${[...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(", ")}; input generated in ${figures.generationMs} ms.`,
);
if (asJson) console.log(JSON.stringify(figures));
