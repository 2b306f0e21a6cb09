import type { Prisma } from "@prisma/client";
import { db, isUniqueViolation } from "~/db.server";

/** DigestRun.status: claimed and being sent, delivered, failed (may retry), or not sent on purpose. */
export type DigestRunStatus = "sending" | "sent" | "failed" | "skipped";

/** Runs that settle a week: the scheduler does not enqueue that week again. */
export const SETTLED_DIGEST_STATUSES: DigestRunStatus[] = ["sent", "skipped"];

/**
 * A run left "sending" this long was abandoned by a stopped process and may be claimed again.
 * Sending one email takes seconds; half an hour leaves no doubt.
 */
const STALE_SENDING_MS = 30 * 60_000;

/** The shop fields the digest reads. */
export function findDigestShop(shopId: string) {
  return db().shop.findUnique({
    where: { id: shopId },
    select: {
      id: true,
      domain: true,
      name: true,
      email: true,
      timezone: true,
      locale: true,
      settings: true,
      uninstalledAt: true,
    },
  });
}

/** Installed shops with their time zone, for the hourly scheduler. */
export function listInstalledDigestShops() {
  return db().shop.findMany({
    where: { uninstalledAt: null },
    select: { id: true, timezone: true },
    orderBy: { id: "asc" },
  });
}

/** "shopId|week" of every run in `weeks` that settles its week (sent or skipped). */
export async function settledDigestWeeks(shopIds: string[], weeks: string[]): Promise<Set<string>> {
  if (shopIds.length === 0 || weeks.length === 0) return new Set();
  const rows = await db().digestRun.findMany({
    where: { shopId: { in: shopIds }, week: { in: weeks }, status: { in: SETTLED_DIGEST_STATUSES } },
    select: { shopId: true, week: true },
  });
  return new Set(rows.map((r) => `${r.shopId}|${r.week}`));
}

export type DigestClaim = { claimed: true; id: string } | { claimed: false; status: string };

/**
 * Claims the (shop, week) digest for one sender: creates the run as "sending", or takes over a run
 * that failed, was skipped (settings changed since) or was abandoned mid-send. A run already sent,
 * or being sent by someone else, is not claimed. The conditional update makes two senders racing
 * for the same row agree on one winner. createdAt is reset on each claim: it dates the attempt.
 */
export async function claimDigestRun(shopId: string, week: string, now: Date): Promise<DigestClaim> {
  try {
    const created = await db().digestRun.create({
      data: { shopId, week, status: "sending", createdAt: now },
      select: { id: true },
    });
    return { claimed: true, id: created.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const reclaimed = await db().digestRun.updateMany({
    where: {
      shopId,
      week,
      OR: [
        { status: { in: ["failed", "skipped"] } },
        { status: "sending", createdAt: { lt: new Date(now.getTime() - STALE_SENDING_MS) } },
      ],
    },
    data: { status: "sending", error: null, createdAt: now },
  });
  const run = await db().digestRun.findUnique({
    where: { shopId_week: { shopId, week } },
    select: { id: true, status: true },
  });
  if (!run) throw new Error(`Digest run of shop ${shopId} for ${week} disappeared while being claimed.`);
  return reclaimed.count === 1 ? { claimed: true, id: run.id } : { claimed: false, status: run.status };
}

/** Records how a claimed run ended. */
export function finishDigestRun(
  id: string,
  outcome: {
    status: Exclude<DigestRunStatus, "sending">;
    recipients: string[];
    subject: string | null;
    previewPath: string | null;
    error: string | null;
    sentAt: Date | null;
  },
) {
  return db().digestRun.update({
    where: { id },
    data: { ...outcome, recipients: outcome.recipients as Prisma.InputJsonValue },
  });
}

export function findDigestRun(shopId: string, week: string) {
  return db().digestRun.findUnique({ where: { shopId_week: { shopId, week } } });
}

/** The shop's latest runs, newest week first. */
export function listDigestRuns(shopId: string, take = 12) {
  return db().digestRun.findMany({ where: { shopId }, orderBy: { week: "desc" }, take });
}

/** Product-level signal rows (all platforms, all regions) of the given weeks, with the product title. */
export function listDigestSignalRows(shopId: string, weeks: string[]) {
  return db().signalWeekly.findMany({
    where: {
      shopId,
      week: { in: weeks },
      variantId: null,
      platform: "all",
      region: "all",
      productId: { not: null },
    },
    select: {
      productId: true,
      week: true,
      volume: true,
      weightedIndex: true,
      negativeShare: true,
      details: true,
      product: { select: { title: true } },
    },
  });
}

/** Alerts raised for the week. */
export function listDigestAlerts(shopId: string, week: string) {
  return db().alert.findMany({
    where: { shopId, week },
    select: { kind: true, severity: true, message: true, product: { select: { title: true } } },
    orderBy: { dedupeKey: "asc" },
  });
}

const recommendationSelect = {
  id: true,
  kind: true,
  currentQuantity: true,
  proposedQuantity: true,
  deltaUnits: true,
  explanation: true,
  product: { select: { title: true } },
  variant: { select: { title: true } },
  location: { select: { name: true } },
} satisfies Prisma.RecommendationSelect;

/** How many recommendations wait for a person. */
export function countPendingRecommendations(shopId: string) {
  return db().recommendation.count({ where: { shopId, status: "proposed" } });
}

/**
 * The largest pending stock changes first (the digest shows a handful). Ordered in the database by
 * delta, both ends, since a big cut matters as much as a big restock.
 */
export async function listLargestPendingRecommendations(shopId: string, take: number) {
  const largest = (direction: "asc" | "desc") =>
    db().recommendation.findMany({
      where: { shopId, status: "proposed" },
      select: recommendationSelect,
      orderBy: [{ deltaUnits: { sort: direction, nulls: "last" } }, { id: "asc" }],
      take,
    });
  const [up, down] = await Promise.all([largest("desc"), largest("asc")]);
  return [...new Map([...up, ...down].map((r) => [r.id, r])).values()];
}

/**
 * Recommendations applied in [from, to) without a person: decided by "pulse" (the autonomy
 * policy's actor, as in the planning audit events).
 */
export function listAutoAppliedRecommendations(shopId: string, from: Date, to: Date) {
  return db().recommendation.findMany({
    where: { shopId, status: "applied", decidedBy: "pulse", appliedAt: { gte: from, lt: to } },
    select: recommendationSelect,
    orderBy: { appliedAt: "asc" },
  });
}

/** Listening sources of the shop: how many, and those needing the merchant. */
export async function digestSourceHealth(shopId: string) {
  const [count, needingAttention] = await Promise.all([
    db().source.count({ where: { shopId } }),
    db().source.findMany({
      where: { shopId, status: "needs_attention" },
      select: { name: true, statusReason: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { count, needingAttention };
}

/**
 * Writes `digest` into Shop.settings and leaves every other settings key as it was: read and write
 * happen in one transaction so a concurrent save of another key is not overwritten by a stale copy.
 */
export async function saveShopDigestSettings(shopId: string, digest: Prisma.InputJsonObject): Promise<void> {
  await db().$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { settings: true } });
    if (!shop) throw new Error(`Shop ${shopId} not found while saving its digest settings.`);
    const current =
      shop.settings && typeof shop.settings === "object" && !Array.isArray(shop.settings)
        ? (shop.settings as Prisma.JsonObject)
        : {};
    await tx.shop.update({
      where: { id: shopId },
      data: { settings: { ...current, digest } as Prisma.InputJsonObject },
    });
  });
}
