import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import { writeOutboxJob } from "~/jobs/definitions/shopify-sync.server";
import { AUTONOMY_ACTOR, pastDecisionsOf, runPlanningCycle } from "~/services/planning.server";

// The demo store of tests/integration/planning.test.ts: Monday 2026-11-23, 09:00 in New York, cycle 2026-W48.
const TODAY = new Date("2026-11-23T00:00:00Z");
const NOW = new Date("2026-11-23T14:00:00Z");
const HOUR_MS = 3_600_000;
let scenario: ReturnType<typeof generateScenario>;

beforeAll(() => {
  scenario = generateScenario({ today: TODAY, mentionCount: 400 });
});

interface StoredExplanation {
  disposition: string;
  units: { current: number; proposed: number; delta: number };
}

async function seededShopId(): Promise<string> {
  const result = await seedDemoStore(scenario, { accessToken: "x" });
  expect(result.seeded).toBe(true);
  return result.shopId as string;
}

/** Turns on the merchant's auto-apply setting, keeping the rest of the seeded settings. */
async function enableAutoApply(shopId: string): Promise<void> {
  const shop = await db().shop.findUniqueOrThrow({ where: { id: shopId } });
  const settings = (shop.settings ?? {}) as { inventory?: Record<string, unknown> };
  await db().shop.update({
    where: { id: shopId },
    data: {
      settings: { ...settings, inventory: { ...settings.inventory, autonomy: { autoApplyEnabled: true } } },
    },
  });
}

/** A change a person approved (and Shopify applied) ten days ago: it sets the historical range. */
async function pastDecision(
  row: {
    shopId: string;
    kind: string;
    quantityName: string;
    productId: string | null;
    variantId: string | null;
    locationId: string | null;
  },
  proposedQuantity: number,
  key: string,
): Promise<void> {
  const decidedAt = new Date(NOW.getTime() - 10 * 24 * HOUR_MS);
  await db().recommendation.create({
    data: {
      shopId: row.shopId,
      cycle: "2026-W46",
      idempotencyKey: `past:${key}`,
      kind: row.kind,
      productId: row.productId,
      variantId: row.variantId,
      locationId: row.locationId,
      quantityName: row.quantityName,
      currentQuantity: proposedQuantity - 1,
      proposedQuantity,
      deltaUnits: 1,
      rule: "autonomy_off",
      explanation: {},
      status: "applied",
      decidedBy: "merchant@example.com",
      decidedAt,
      appliedAt: decidedAt,
    },
  });
}

function countWriteJobs(shopId: string) {
  return db().job.count({ where: { shopId, name: writeOutboxJob.name } });
}

async function latestCycleAudit(shopId: string) {
  const event = await db().auditEvent.findFirstOrThrow({
    where: { shopId, action: "planning.cycle_completed" },
    orderBy: { createdAt: "desc" },
  });
  return event.details as { autoApplied: number };
}

describe("autonomy in the planning cycle", () => {
  it("approves nothing while auto-apply is off (the default)", async () => {
    const shopId = await seededShopId();
    const result = await runPlanningCycle(shopId, NOW);
    expect(result.ok && result.autoApplied).toBe(0);
    const rows = await db().recommendation.findMany({ where: { shopId } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.status).toBe("proposed");
      expect((row.explanation as unknown as StoredExplanation).disposition).not.toBe("auto_apply");
    }
    expect(rows.map((r) => r.rule)).toContain("autonomy_off");
    expect(await db().writeOutbox.count({ where: { shopId } })).toBe(0);
    expect(await countWriteJobs(shopId)).toBe(0);
    expect(await db().auditEvent.count({ where: { shopId, action: "planning.auto_applied" } })).toBe(0);
    expect((await latestCycleAudit(shopId)).autoApplied).toBe(0);
  }, 120_000);

  it("approves a routine change within the historical range as pulse, once, and leaves the rest", async () => {
    const shopId = await seededShopId();
    await enableAutoApply(shopId);

    // Without earlier decisions no change is routine: every candidate waits, its rule says why.
    const first = await runPlanningCycle(shopId, NOW);
    expect(first.ok && first.autoApplied).toBe(0);
    const candidates = await db().recommendation.findMany({
      where: { shopId, rule: "outside_historical_range" },
      orderBy: { idempotencyKey: "asc" },
    });
    const routine = candidates.find((r) => r.kind === "safety_stock");
    const other = candidates.find((r) => r !== routine && r.variantId !== routine?.variantId);
    if (!routine || !other) throw new Error("The demo store has no two candidates for auto-apply.");
    const routineUnits = (routine.explanation as unknown as StoredExplanation).units.proposed;
    const otherUnits = (other.explanation as unknown as StoredExplanation).units.proposed;
    expect(routine.proposedQuantity).toBe(routineUnits);

    // The merchant decided this safety stock at one unit either side before; the other line only well above.
    await pastDecision(routine, routineUnits - 1, "routine-low");
    await pastDecision(routine, routineUnits + 1, "routine-high");
    await pastDecision(other, otherUnits + 20, "other");

    const second = await runPlanningCycle(shopId, new Date(NOW.getTime() + HOUR_MS));
    expect(second.ok && second.autoApplied).toBe(1);
    expect((await latestCycleAudit(shopId)).autoApplied).toBe(1);

    const applied = await db().recommendation.findUniqueOrThrow({ where: { id: routine.id } });
    expect(applied.status).toBe("approved");
    expect(applied.decidedBy).toBe(AUTONOMY_ACTOR);
    expect(AUTONOMY_ACTOR).toBe("pulse"); // what the weekly digest counts as "applied automatically"
    expect(applied.rule).toBe("routine_within_range");
    expect((applied.explanation as unknown as StoredExplanation).disposition).toBe("auto_apply");
    // The same approval a person makes: the write waits in the outbox, one write job is queued.
    const outbox = await db().writeOutbox.findMany({ where: { shopId } });
    expect(outbox.map((o) => o.recommendationId)).toEqual([applied.id]);
    expect(outbox[0]?.status).toBe("pending");
    expect(await countWriteJobs(shopId)).toBe(1);
    expect(
      await db().auditEvent.count({
        where: { shopId, action: "recommendation.approved", actor: "pulse", subjectId: applied.id },
      }),
    ).toBe(1);

    const events = await db().auditEvent.findMany({ where: { shopId, action: "planning.auto_applied" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.actor).toBe("pulse");
    const details = events[0]?.details as {
      cycleId: string;
      applied: { recommendationId: string; rule: string; ruleDetail: string }[];
      notApplied: unknown[];
    };
    expect(details.cycleId).toBe("2026-W48");
    expect(details.applied).toHaveLength(1);
    expect(details.applied[0]).toMatchObject({
      recommendationId: applied.id,
      rule: "routine_within_range",
    });
    expect(details.applied[0]?.ruleDetail).toMatch(/^Routine:/);
    expect(details.notApplied).toEqual([]);

    // A change outside what the merchant decided before keeps waiting for a person.
    const waiting = await db().recommendation.findUniqueOrThrow({ where: { id: other.id } });
    expect(waiting.status).toBe("proposed");
    expect(waiting.decidedBy).toBeNull();
    expect(waiting.rule).toBe("outside_historical_range");
    expect(await db().recommendation.count({ where: { shopId, decidedBy: "pulse" } })).toBe(1);

    // Re-running the cycle approves nothing more and queues no second write.
    const third = await runPlanningCycle(shopId, new Date(NOW.getTime() + 2 * HOUR_MS));
    expect(third.ok && third.autoApplied).toBe(0);
    expect(await db().recommendation.findUniqueOrThrow({ where: { id: routine.id } })).toEqual(applied);
    expect(await db().recommendation.count({ where: { shopId, decidedBy: "pulse" } })).toBe(1);
    expect(await db().writeOutbox.count({ where: { shopId } })).toBe(1);
    expect(await countWriteJobs(shopId)).toBe(1);
    expect(await db().auditEvent.count({ where: { shopId, action: "planning.auto_applied" } })).toBe(1);
    expect((await latestCycleAudit(shopId)).autoApplied).toBe(0);
  }, 180_000);

  it("reads earlier decisions in the engine's units: a restock's inventory position, not Shopify's incoming", () => {
    const decidedAt = new Date("2026-11-10T10:00:00Z");
    const base = { variantId: "v", locationId: "l", kind: "restock", decidedAt, appliedAt: null };
    const [restock, legacy] = pastDecisionsOf(
      [
        // Stored: 0 → 72 incoming; planned: position 35 → 107.
        {
          ...base,
          proposedQuantity: 72,
          deltaUnits: 72,
          explanation: { units: { proposed: 107, delta: 72 } },
        },
        // A row stored before explanations carried units falls back to the stored quantity.
        { ...base, proposedQuantity: 40, deltaUnits: 12, explanation: {} },
      ],
      "UTC",
    );
    expect(restock).toMatchObject({ proposedUnits: 107, deltaUnits: 72 });
    expect(legacy).toMatchObject({ proposedUnits: 40, deltaUnits: 12 });
  });
});
