import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { approveRecommendation } from "~/services/approvals.server";
import { dispatchWriteOutbox, MAX_CHANGES_PER_CALL } from "~/services/inventory-writes.server";
import { ensureMetafieldDefinitions, setProductSentimentMetafields } from "~/services/metafields.server";
import { runFullSync } from "~/services/store-sync.server";
import { shopsWithQueuedWrites } from "~/models/write-outbox.server";
import { syncFixture, wideCatalogue } from "./harness";

/** A synced demo store and a helper that creates proposed recommendations on its levels. */
async function writeFixture(options: { seed?: NonNullable<Parameters<typeof syncFixture>[0]>["seed"] } = {}) {
  const fixture = await syncFixture({ trimOrdersTo: 10, seed: options.seed });
  await runFullSync(fixture.shop.id, fixture.admin, { ...fixture.deps, pollIntervalMs: 0 });
  const levels = await db().inventoryLevel.findMany({
    where: { shopId: fixture.shop.id },
    include: { variant: true, location: true },
    orderBy: { id: "asc" },
  });
  let n = 0;
  const propose = (
    level: (typeof levels)[number],
    overrides: Partial<{
      kind: string;
      quantityName: string;
      currentQuantity: number;
      proposedQuantity: number;
      fromLocationId: string;
      deltaUnits: number;
    }> = {},
  ) => {
    n++;
    const quantityName = overrides.quantityName ?? "available";
    const current =
      overrides.currentQuantity ??
      (quantityName === "incoming"
        ? level.incoming
        : quantityName === "safety_stock"
          ? level.safetyStock
          : level.available);
    return db().recommendation.create({
      data: {
        shopId: fixture.shop.id,
        cycle: "2026-W48",
        idempotencyKey: `2026-W48:${level.variantId}:${level.locationId}:${overrides.kind ?? "restock"}:${n}`,
        kind: overrides.kind ?? "restock",
        productId: level.variant.productId,
        variantId: level.variantId,
        locationId: level.locationId,
        fromLocationId: overrides.fromLocationId ?? null,
        quantityName,
        currentQuantity: current,
        proposedQuantity: overrides.proposedQuantity ?? current + 5,
        deltaUnits: overrides.deltaUnits ?? (overrides.proposedQuantity ?? current + 5) - current,
        rule: "routine_within_range",
        explanation: { formula: "test" },
      },
    });
  };
  return { ...fixture, levels, propose, actor: "merchant@example.com" };
}

describe("approved writes", () => {
  it("the periodic sweep finds shops with waiting writes, but not an uninstalled one", async () => {
    const { shop, levels, propose, actor } = await writeFixture();
    const rec = await propose(levels[0]!);
    await approveRecommendation(shop.id, rec.id, actor);
    expect(await shopsWithQueuedWrites()).toEqual([shop.id]);

    await db().shop.update({ where: { id: shop.id }, data: { uninstalledAt: new Date() } });
    expect(await shopsWithQueuedWrites()).toEqual([]);
    expect(await db().writeOutbox.count({ where: { shopId: shop.id, status: "pending" } })).toBe(1);
  });

  it("approval moves the recommendation and queues its write in one step; the dispatcher sends it once", async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture();
    const level = levels[0]!;
    const rec = await propose(level, { proposedQuantity: level.available + 7 });

    const approved = await approveRecommendation(shop.id, rec.id, actor);
    expect(approved).toEqual({ ok: true, value: { recommendationId: rec.id, queuedWrite: "adjust" } });
    const outbox = await db().writeOutbox.findUniqueOrThrow({ where: { recommendationId: rec.id } });
    expect(outbox.status).toBe("pending");
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("approved");

    // Approving again is refused and queues nothing more.
    const again = await approveRecommendation(shop.id, rec.id, actor);
    expect(again.ok).toBe(false);
    expect(await db().writeOutbox.count({ where: { shopId: shop.id } })).toBe(1);

    const summary = await dispatchWriteOutbox(shop.id, admin, actor);
    expect(summary).toMatchObject({ calls: 1, applied: 1, returned: 0, failed: 0 });
    expect(store.adjustments).toHaveLength(1);
    const sent = store.adjustments[0]!;
    expect(sent).toMatchObject({
      mutation: "inventoryAdjustQuantities",
      name: "available",
      inventoryItemId: level.variant.shopifyInventoryItemId,
      locationId: level.location.shopifyId,
      delta: 7,
      changeFromQuantity: level.available,
      reason: "received",
      referenceDocumentUri: `gid://pulse/Recommendation/${rec.id}`,
      ledgerDocumentUri: null,
    });
    expect(sent.idempotencyKey).toMatch(/^pulse-adjust-[0-9a-f]{40}$/);

    const after = await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect(after.status).toBe("applied");
    const mirror = await db().inventoryLevel.findUniqueOrThrow({ where: { id: level.id } });
    expect(mirror.available).toBe(level.available + 7);
    const log = await db().adjustmentLog.findMany({ where: { recommendationId: rec.id } });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor, operation: "inventoryAdjustQuantities", status: "applied" });
    expect(log[0]!.request).toMatchObject({ change: { delta: 7, changeFromQuantity: level.available } });
    const audit = await db().auditEvent.findMany({ where: { shopId: shop.id, subjectId: rec.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["inventory.adjusted", "recommendation.approved"]);

    // A second dispatch finds nothing to send.
    expect((await dispatchWriteOutbox(shop.id, admin, actor)).calls).toBe(0);
    expect(store.adjustments).toHaveLength(1);
  });

  it("incoming and safety stock carry a ledger document", async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture();
    const incoming = await propose(levels[1]!, { quantityName: "incoming" });
    const safety = await propose(levels[2]!, { kind: "safety_stock", quantityName: "safety_stock" });
    for (const rec of [incoming, safety])
      expect((await approveRecommendation(shop.id, rec.id, actor)).ok).toBe(true);
    expect(await dispatchWriteOutbox(shop.id, admin, actor)).toMatchObject({ calls: 2, applied: 2 });
    expect(store.adjustments.map((a) => [a.name, a.reason, a.ledgerDocumentUri]).sort()).toEqual(
      [
        ["incoming", "other", `gid://pulse/Recommendation/${incoming.id}`],
        ["safety_stock", "safety_stock", `gid://pulse/Recommendation/${safety.id}`],
      ].sort(),
    );
  });

  it("a stale changeFromQuantity returns the proposal to the person with the quantity as it is now", async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture();
    const [stale, fine] = [levels[0]!, levels[1]!];
    const staleRec = await propose(stale, { proposedQuantity: stale.available + 10 });
    const fineRec = await propose(fine, { proposedQuantity: fine.available + 3 });
    for (const rec of [staleRec, fineRec]) await approveRecommendation(shop.id, rec.id, actor);
    // Someone sells 2 units in Shopify after Pulse proposed.
    const shopifyLevel = store.levelFor(stale.variant.shopifyInventoryItemId, stale.location.shopifyId)!;
    shopifyLevel.quantities.available! -= 2;
    shopifyLevel.quantities.on_hand! -= 2;

    const summary = await dispatchWriteOutbox(shop.id, admin, actor);
    expect(summary).toMatchObject({ returned: 1, applied: 1, requeued: 1 });
    // The fine change went out in a second call of its own; the stale one never did.
    expect(store.adjustments.map((a) => a.inventoryItemId)).toEqual([fine.variant.shopifyInventoryItemId]);
    expect(store.quantity(stale.variant.shopifyInventoryItemId, stale.location.shopifyId, "available")).toBe(
      stale.available - 2,
    );

    const returned = await db().recommendation.findUniqueOrThrow({ where: { id: staleRec.id } });
    expect(returned).toMatchObject({
      status: "proposed",
      currentQuantity: stale.available - 2,
      proposedQuantity: stale.available + 10,
      deltaUnits: 12,
      decidedBy: null,
    });
    expect(returned.failureReason).toMatch(/is now -?\d+, not -?\d+/);
    expect((await db().inventoryLevel.findUniqueOrThrow({ where: { id: stale.id } })).available).toBe(
      stale.available - 2,
    );
    expect(
      await db().adjustmentLog.count({ where: { recommendationId: staleRec.id, status: "stale" } }),
    ).toBe(1);

    // The person approves again: a new revision, a new idempotency key, and it applies.
    expect((await approveRecommendation(shop.id, staleRec.id, actor)).ok).toBe(true);
    expect(await dispatchWriteOutbox(shop.id, admin, actor)).toMatchObject({ applied: 1 });
    const last = store.adjustments.at(-1)!;
    expect(last).toMatchObject({ delta: 12, changeFromQuantity: stale.available - 2 });
    expect(store.quantity(stale.variant.shopifyInventoryItemId, stale.location.shopifyId, "available")).toBe(
      stale.available + 10,
    );
  });

  it("a crash between Shopify's answer and the record does not apply the change twice", async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture();
    const rec = await propose(levels[0]!);
    await approveRecommendation(shop.id, rec.id, actor);

    await expect(
      dispatchWriteOutbox(shop.id, admin, actor, {
        afterSend: () => {
          throw new Error("process killed");
        },
      }),
    ).rejects.toThrow("process killed");
    expect(store.adjustments).toHaveLength(1);
    const row = await db().writeOutbox.findUniqueOrThrow({ where: { recommendationId: rec.id } });
    expect(row.status).toBe("sending");
    expect(row.batchKey).not.toBeNull();

    // The restarted dispatcher re-sends the same batch under the same key: Shopify replays its answer.
    expect(await dispatchWriteOutbox(shop.id, admin, actor)).toMatchObject({ calls: 1, applied: 1 });
    expect(store.adjustments).toHaveLength(1);
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } })).status).toBe("applied");
    expect(admin.sent.filter((n) => n === "InventoryAdjustQuantities")).toHaveLength(2);
  });

  it("a throttled and a failed (502) send are retried and succeed", async () => {
    const { store, shop, admin, levels, propose, actor, deps } = await writeFixture();
    const rec = await propose(levels[0]!);
    await approveRecommendation(shop.id, rec.id, actor);
    store.faults.enqueue({ kind: "throttled", operationName: "InventoryAdjustQuantities" });
    store.faults.enqueue({ kind: "http502", operationName: "InventoryAdjustQuantities" });
    store.faults.enqueue({ kind: "network", operationName: "InventoryAdjustQuantities" });
    expect(await dispatchWriteOutbox(shop.id, admin, actor, { request: deps.request })).toMatchObject({
      applied: 1,
    });
    expect(store.adjustments).toHaveLength(1);
    expect(admin.sent.filter((n) => n === "InventoryAdjustQuantities")).toHaveLength(4);
  });

  it(`more than ${MAX_CHANGES_PER_CALL} approved changes go out in batches of at most ${MAX_CHANGES_PER_CALL}`, async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture({ seed: wideCatalogue(260) });
    expect(levels).toHaveLength(260);
    const recs = [];
    for (const level of levels) recs.push(await propose(level));
    for (const rec of recs) expect((await approveRecommendation(shop.id, rec.id, actor)).ok).toBe(true);

    const summary = await dispatchWriteOutbox(shop.id, admin, actor);
    expect(summary).toMatchObject({ calls: 2, applied: 260, failed: 0 });
    const groups = new Map<string, number>();
    for (const a of store.adjustments) groups.set(a.groupId, (groups.get(a.groupId) ?? 0) + 1);
    expect([...groups.values()].sort((a, b) => b - a)).toEqual([MAX_CHANGES_PER_CALL, 10]);
    // Each batch names itself in Shopify's history; Pulse's log ties it to every recommendation.
    expect(new Set(store.adjustments.map((a) => a.referenceDocumentUri)).size).toBe(2);
    expect(await db().adjustmentLog.count({ where: { shopId: shop.id, status: "applied" } })).toBe(260);
  }, 120_000);

  it("an approved transfer becomes a draft transfer in Shopify", async () => {
    const { store, shop, admin, levels, propose, actor } = await writeFixture();
    const to = levels[0]!;
    const from = levels.find((l) => l.variantId === to.variantId && l.locationId !== to.locationId)!;
    const rec = await propose(to, { kind: "transfer", fromLocationId: from.locationId, deltaUnits: 4 });
    expect(await approveRecommendation(shop.id, rec.id, actor)).toMatchObject({
      ok: true,
      value: { queuedWrite: "transfer" },
    });
    expect(await dispatchWriteOutbox(shop.id, admin, actor)).toMatchObject({ applied: 1 });
    const [transfer] = [...store.inventoryTransfers.values()];
    expect(transfer).toMatchObject({
      status: "DRAFT",
      originLocationId: from.location.shopifyId,
      destinationLocationId: to.location.shopifyId,
      lineItemList: [
        expect.objectContaining({ inventoryItemId: to.variant.shopifyInventoryItemId, totalQuantity: 4 }),
      ],
    });
    expect(transfer!.idempotencyKey).toMatch(/^pulse-transfer-/);
    expect(store.adjustments).toHaveLength(0);
    expect(
      await db().adjustmentLog.count({
        where: { recommendationId: rec.id, operation: "inventoryTransferCreate" },
      }),
    ).toBe(1);
  });

  it("creates the app's metafield definitions once and writes product sentiment summaries", async () => {
    const { store, shop, admin, actor } = await writeFixture();
    const first = await ensureMetafieldDefinitions(shop.id, admin, "pulse");
    expect(first.created).toHaveLength(4);
    const second = await ensureMetafieldDefinitions(shop.id, admin, "pulse");
    expect(second).toMatchObject({ created: [], failed: [] });
    expect(second.existing).toHaveLength(4);
    expect(
      [...store.metafieldDefinitions.values()].every((d) => d.namespace === `app--${store.appId}--pulse`),
    ).toBe(true);

    const products = [...store.products.keys()].slice(0, 8);
    const result = await setProductSentimentMetafields(
      shop.id,
      admin,
      actor,
      products.map((id, i) => ({
        productShopifyId: id,
        index: 40 - i,
        label: "positive" as const,
        topDrivers: ["comfort", "design"],
        updatedAt: new Date("2026-11-23T00:00:00Z"),
      })),
    );
    expect(result).toEqual({ written: 8, failed: [] });
    expect(store.metafields.size).toBe(32);
    const index = [...store.metafields.values()].find(
      (m) => m.ownerId === products[0] && m.key === "sentiment_index",
    );
    expect(index?.value).toBe("40.0");
    // 8 products × 4 metafields = 32 > 25: two calls, each logged.
    expect(await db().adjustmentLog.count({ where: { shopId: shop.id, operation: "metafieldsSet" } })).toBe(
      2,
    );
    expect(await db().auditEvent.count({ where: { shopId: shop.id, action: "metafields.set" } })).toBe(2);
  });
});
