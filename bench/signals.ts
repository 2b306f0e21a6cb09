/**
 * Benchmark of the signal engine: 1,000,000 synthetic scored mentions (seeded, generated week by
 * week, never held as one array) → authenticity per weekly batch → streaming weekly aggregation →
 * rows. Prints a table; with --json the last line is one JSON object.
 *
 *   npx tsx bench/signals.ts [--json] [--mentions N] [--no-authenticity] [--no-cross]
 *
 * Figures only, no assertions: a timed assertion would fail on a slow CI machine (docs: bench/).
 */
import os, { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  assessAuthenticity,
  createWeeklySignalAccumulator,
  type ScoredMention,
  type SentimentLabel,
} from "~/domain/signals";
import { createPrng } from "~/demo/scenario/prng";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const withAuthenticity = !args.includes("--no-authenticity");
const platformRegionCross = !args.includes("--no-cross");
const mentionsArg = args.indexOf("--mentions");
const MENTIONS = mentionsArg >= 0 ? Number(args[mentionsArg + 1]) : 1_000_000;
const PRODUCTS = 2_000;
const VARIANTS_PER_PRODUCT = 3;
const WEEKS = 12;
const PLATFORMS = ["judgeme", "instagram", "tiktok", "youtube", "reddit", "x"] as const;
const COUNTRIES = ["US", "GB", "DE", "CN", "JP"] as const;
const ASPECTS = [
  "comfort",
  "price/value",
  "design/looks",
  "colour options",
  "quality/durability",
  "size/fit",
  "battery",
  "installation/assembly",
  "shipping/service",
  "function",
] as const;
const REQUESTS = ["polarized lenses", "kids size", "more colours", "blue light filter", "hard case"] as const;
const VOCABULARY = (
  "the a this these my our lenses frame glasses case hinge strap colour color fit size price quality comfort " +
  "design shipping support battery light heavy tight loose great good bad poor cheap solid sturdy flimsy " +
  "scratched clear sharp blurry pinch slide love hate like return refund exchange wear wore daily beach trail " +
  "running cycling driving office summer winter sun glare polarized nose ears pads screws coating paint box " +
  "arrived late early fast slow quickly finally honestly really very quite slightly totally absolutely not " +
  "never always sometimes after before during week month day hour first second third gift friend wife husband"
).split(" ");
const BOT_TEXT =
  "Best sunglasses I have ever owned, totally worth it, get yours today at https://deals.example.com/x";
const FIRST_MONDAY_UTC = Date.UTC(2026, 8, 7); // Monday of ISO week 2026-W37
const WEEK_MS = 7 * 86_400_000;

/** mulberry32: a tiny, fast, seeded PRNG so every run produces the same mentions. */
function mulberry32(seed: number): () => number {
  return createPrng(seed).next;
}

const random = mulberry32(20_261_118);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Yields one week's mentions; about 1% belong to duplicated bot bursts from new accounts. */
function* weekOfMentions(week: number, count: number, firstId: number): Generator<ScoredMention> {
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    // A skew towards a head of popular products, as real catalogues have.
    const product = Math.floor(PRODUCTS * random() ** 1.6);
    const isBot = random() < 0.01;
    const polarity = isBot ? 0.95 : Math.max(-1, Math.min(1, (random() + random() + random()) / 1.5 - 0.8));
    const label: SentimentLabel = polarity > 0.05 ? "positive" : polarity < -0.05 ? "negative" : "neutral";
    const aspectCount = Math.floor(random() * 3);
    const aspects = Array.from({ length: aspectCount }, () => ({
      aspect: pick(ASPECTS),
      polarity: random() * 2 - 1,
    }));
    const request = random() < 0.05 ? pick(REQUESTS) : undefined;
    const wordCount = 4 + Math.floor(random() * 18);
    const text = isBot ? BOT_TEXT : Array.from({ length: wordCount }, () => pick(VOCABULARY)).join(" ");
    yield {
      id: `m${id}`,
      shopId: "bench-shop",
      productId: `gid://shopify/Product/${product}`,
      variantId:
        random() < 0.5
          ? `gid://shopify/ProductVariant/${product * 10 + Math.floor(random() * VARIANTS_PER_PRODUCT)}`
          : null,
      platform: isBot ? "instagram" : pick(PLATFORMS),
      country: pick(COUNTRIES),
      authorHash: isBot ? `bot-${id}` : `author-${Math.floor(random() * 300_000)}`,
      authorReachFollowers: Math.floor(10 ** (random() * 6.5)),
      authorAccountAgeDays: isBot ? Math.floor(random() * 5) : Math.floor(random() * 3_000),
      postedAt: new Date(FIRST_MONDAY_UTC + week * WEEK_MS + Math.floor(random() * WEEK_MS)),
      polarity,
      label,
      aspects,
      featureRequests: request ? [{ clusterKey: request.replace(/\s+/g, "-"), normalized: request }] : [],
      text,
    };
  }
}

let peakHeapUsedBytes = 0;
function samplePeakHeap(): void {
  peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed);
}

// heapUsed counts garbage not yet collected; a forced GC at the end shows what the accumulator
// really retains. Exposing gc at run time keeps the command a plain `npx tsx bench/signals.ts`.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const accumulator = createWeeklySignalAccumulator({ timeZone: "America/New_York", platformRegionCross });
let generateMs = 0;
let authenticityMs = 0;
let aggregateMs = 0;
let lowTrustMentions = 0;
const started = performance.now();

let nextId = 0;
for (let week = 0; week < WEEKS; week++) {
  const count = Math.floor(MENTIONS / WEEKS) + (week < MENTIONS % WEEKS ? 1 : 0);
  // One week is the batch unit a scoring job would hand over: bounded (~83k), never all 1M at once.
  const tGenerate = performance.now();
  const batch = [...weekOfMentions(week, count, nextId)];
  generateMs += performance.now() - tGenerate;
  nextId += count;
  if (withAuthenticity) {
    const t0 = performance.now();
    const trust = assessAuthenticity(batch);
    for (const mention of batch) {
      const score = trust.get(mention.id)!.score;
      mention.authenticity = score;
      if (score < 0.5) lowTrustMentions++;
    }
    authenticityMs += performance.now() - t0;
  }
  const t1 = performance.now();
  for (const mention of batch) accumulator.add(mention);
  aggregateMs += performance.now() - t1;
  samplePeakHeap();
}

const t2 = performance.now();
let rows = 0;
let rolledUpVolume = 0;
let detailRows = 0;
for (const row of accumulator.rows()) {
  rows++;
  if (row.detail) {
    detailRows++;
    if (row.variantId === null) rolledUpVolume += row.volume;
  }
  if ((rows & 0xffff) === 0) samplePeakHeap();
}
const finalizeMs = performance.now() - t2;
samplePeakHeap();
const totalMs = performance.now() - started;
const heapUsedAtEndMb = process.memoryUsage().heapUsed / 1_048_576;
collectGarbage();
const retainedHeapMb = process.memoryUsage().heapUsed / 1_048_576;
const retainedArrayBuffersMb = process.memoryUsage().arrayBuffers / 1_048_576;

if (rolledUpVolume !== MENTIONS)
  throw new Error(`lost mentions: ${rolledUpVolume} of ${MENTIONS} in roll-up rows`);

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const result = {
  mentions: MENTIONS,
  rows,
  detailRows,
  cells: accumulator.cellCount,
  lowTrustMentions,
  ms: round(totalMs),
  generateMs: round(generateMs),
  authenticityMs: round(authenticityMs),
  aggregateMs: round(aggregateMs),
  finalizeMs: round(finalizeMs),
  mentionsPerSecond: Math.round(MENTIONS / (totalMs / 1000)),
  // maxRSS is the kernel's own high-water mark (kB), so a short spike between samples is not missed.
  peakRssMb: round(process.resourceUsage().maxRSS / 1024),
  heapUsedMb: round(heapUsedAtEndMb),
  peakHeapUsedMb: round(peakHeapUsedBytes / 1_048_576),
  retainedHeapMb: round(retainedHeapMb),
  retainedTypedArraysMb: round(retainedArrayBuffersMb),
  platformRegionCross,
  // Other work on the machine slows every figure above; the load average says how busy it was.
  loadAverage1m: round(loadavg()[0] ?? 0, 2),
  cpus: os.availableParallelism(),
  node: process.version,
};

const table: [string, string][] = [
  ["mentions", result.mentions.toLocaleString("en-US")],
  ["rows produced", result.rows.toLocaleString("en-US")],
  ["  of which with detail", result.detailRows.toLocaleString("en-US")],
  ["low-trust mentions", result.lowTrustMentions.toLocaleString("en-US")],
  ["wall time (ms)", result.ms.toLocaleString("en-US")],
  ["  generate synthetic mentions (ms)", result.generateMs.toLocaleString("en-US")],
  ["  authenticity (ms)", result.authenticityMs.toLocaleString("en-US")],
  ["  aggregate (ms)", result.aggregateMs.toLocaleString("en-US")],
  ["  finalize rows (ms)", result.finalizeMs.toLocaleString("en-US")],
  ["mentions/s", result.mentionsPerSecond.toLocaleString("en-US")],
  ["peak RSS (MB)", String(result.peakRssMb)],
  ["heap used at end, before GC (MB)", String(result.heapUsedMb)],
  ["peak heap used (MB)", String(result.peakHeapUsedMb)],
  ["retained after GC: heap (MB)", String(result.retainedHeapMb)],
  ["retained after GC: typed arrays (MB)", String(result.retainedTypedArraysMb)],
  ["load average (1 min) / CPUs", `${result.loadAverage1m} / ${result.cpus}`],
];
const width = Math.max(...table.map(([label]) => label.length));
console.log(
  `Signal engine bench: ${PRODUCTS} products × ${WEEKS} weeks × ${PLATFORMS.length} platforms × ${COUNTRIES.length} regions` +
    `${withAuthenticity ? "" : ", authenticity off"}${platformRegionCross ? "" : ", no platform × region cells"}`,
);
for (const [label, value] of table) console.log(`${label.padEnd(width)}  ${value.padStart(12)}`);
if (asJson) console.log(JSON.stringify(result));
