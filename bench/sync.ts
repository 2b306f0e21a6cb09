/**
 * Benchmark: the full-sync import of a bulk operation result (CatalogBulk JSONL: products, variants,
 * inventory levels with every named quantity) into an empty SQLite database, for several catalogue
 * sizes. Each size runs in its own child process, so its peak RSS is its own.
 *
 *   npx tsx bench/sync.ts [--json] [--variants 10000,50000,100000] [--locations 5]
 *
 * Prints a table; with --json the last line is `{"runs":[{"variants":…,"locations":…,"seconds":…,"peakRssMb":…}]}`.
 * Figures only, no assertions (timed assertions make flaky tests).
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import { measure, migrateFreshSqlite, option, printTable, runChild } from "./lib/child-runs";

const args = process.argv.slice(2);
const VARIANTS_PER_PRODUCT = 5;

interface Run {
  variants: number;
  locations: number;
  lines: number;
  jsonlMb: number;
  seconds: number;
  linesPerSecond: number;
  peakRssMb: number;
}

/** Writes a deterministic CatalogBulk-shaped JSONL file, streaming (never held in memory). */
async function writeCatalogJsonl(file: string, variants: number, locations: number): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  const write = async (value: unknown) => {
    lines++;
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
  };
  for (let v = 0; v < variants; v++) {
    const productNumber = Math.floor(v / VARIANTS_PER_PRODUCT) + 1;
    const productId = `gid://shopify/Product/${productNumber}`;
    if (v % VARIANTS_PER_PRODUCT === 0) {
      await write({
        id: productId,
        title: `Product ${productNumber}`,
        handle: `product-${productNumber}`,
        vendor: `Supplier ${productNumber % 40}`,
        productType: "Accessories",
        status: "ACTIVE",
        tags: ["bench"],
        updatedAt: "2026-11-01T00:00:00Z",
      });
    }
    const variantId = `gid://shopify/ProductVariant/${v + 1}`;
    const itemId = `gid://shopify/InventoryItem/${v + 1}`;
    await write({
      id: variantId,
      title: `Colour ${(v % VARIANTS_PER_PRODUCT) + 1}`,
      sku: `SKU-${v + 1}`,
      price: "24.00",
      position: (v % VARIANTS_PER_PRODUCT) + 1,
      updatedAt: "2026-11-01T00:00:00Z",
      selectedOptions: [{ name: "Colour", value: `Colour ${(v % VARIANTS_PER_PRODUCT) + 1}` }],
      inventoryItem: { id: itemId, tracked: true, unitCost: { amount: "9.50" } },
      __parentId: productId,
    });
    for (let l = 0; l < locations; l++) {
      const available = (v * 7 + l * 3) % 50;
      await write({
        id: `gid://shopify/InventoryLevel/${v + 1}${l}?inventory_item_id=${v + 1}`,
        location: { id: `gid://shopify/Location/${l + 1}` },
        quantities: [
          { name: "available", quantity: available, updatedAt: "2026-11-01T00:00:00Z" },
          { name: "on_hand", quantity: available + 2, updatedAt: "2026-11-01T00:00:00Z" },
          { name: "incoming", quantity: l, updatedAt: "2026-11-01T00:00:00Z" },
          { name: "committed", quantity: 2, updatedAt: "2026-11-01T00:00:00Z" },
          { name: "reserved", quantity: 0, updatedAt: "2026-11-01T00:00:00Z" },
          { name: "safety_stock", quantity: 0, updatedAt: "2026-11-01T00:00:00Z" },
        ],
        __parentId: variantId,
      });
    }
  }
  out.end();
  await once(out, "finish");
  return lines;
}

/** One size, inside a child process: migrate a fresh database, generate the file, import it. */
async function child(variants: number, locations: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "pulse-bench-sync-"));
  try {
    const databaseUrl = `file:${path.join(dir, "bench.db")}`;
    migrateFreshSqlite(databaseUrl);
    const file = path.join(dir, "catalog.jsonl");
    const lines = await writeCatalogJsonl(file, variants, locations);
    const { statSync } = await import("node:fs");
    const jsonlMb = statSync(file).size / 1024 / 1024;

    const { createDb, setDb } = await import("~/db.server");
    const db = createDb(databaseUrl);
    setDb(db);
    const { importCatalogJsonl } = await import("~/services/bulk-sync.server");
    const { fileJsonlLines } = await import("~/integrations/shopify/bulk-results.server");
    const { syncLocations } = await import("~/models/store-sync.server");
    if (process.env.PULSE_BENCH_SQLITE_WAL === "1") {
      await db.$queryRawUnsafe("PRAGMA journal_mode=WAL");
      await db.$executeRawUnsafe("PRAGMA synchronous=NORMAL");
    }
    const shop = await db.shop.create({ data: { domain: "bench.myshopify.com", name: "Bench" } });
    const locationIds = await syncLocations(
      shop.id,
      Array.from({ length: locations }, (_, l) => ({
        shopifyId: `gid://shopify/Location/${l + 1}`,
        name: `Warehouse ${l + 1}`,
        countryCode: "US",
        provinceCode: null,
        isActive: true,
      })),
    );

    const { result, seconds, peakRssMb } = await measure(() =>
      importCatalogJsonl(shop.id, fileJsonlLines(file), locationIds),
    );
    if (result.skippedLines > 0 || result.levels !== variants * locations) {
      throw new Error(`import incomplete: ${JSON.stringify(result)}`);
    }
    await db.$disconnect();
    const run: Run = {
      variants,
      locations,
      lines,
      jsonlMb: Math.round(jsonlMb * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      linesPerSecond: Math.round(lines / seconds),
      peakRssMb,
    };
    console.log(JSON.stringify(run));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const locations = Number(option("--locations") ?? 5);
  const childVariants = option("--child");
  if (childVariants) return child(Number(childVariants), locations);

  const sizes = (option("--variants") ?? "10000,50000,100000").split(",").map(Number);
  const asJson = args.includes("--json");
  const runs: Run[] = [];
  for (const variants of sizes) {
    runs.push(
      runChild<Run>(
        import.meta.url,
        ["--child", String(variants), "--locations", String(locations)],
        `${variants} variants`,
      ),
    );
  }

  console.log("Pulse full-sync import benchmark (CatalogBulk JSONL → SQLite, empty database)");
  const header = ["variants", "locations", "JSONL lines", "JSONL MB", "seconds", "lines/s", "peak RSS MB"];
  const rows = runs.map((r) =>
    [r.variants, r.locations, r.lines, r.jsonlMb, r.seconds, r.linesPerSecond, r.peakRssMb].map(String),
  );
  printTable(header, rows);
  if (asJson) {
    console.log(
      JSON.stringify({
        runs: runs.map((r) => ({
          variants: r.variants,
          locations: r.locations,
          seconds: r.seconds,
          peakRssMb: r.peakRssMb,
        })),
      }),
    );
  }
}

await main();
