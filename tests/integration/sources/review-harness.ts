/**
 * Shared pieces of the review-connector integration tests: a virtual clock that both the connector
 * (through its run context) and the fake server read, so pacing and Retry-After are checked on
 * simulated time without waiting; and a helper that drains a connector's pages.
 */
import type { ConnectorRunContext } from "~/integrations/sources/types";
import { db } from "~/db.server";
import { encryptCredentials } from "~/integrations/sources/secrets.server";
import { virtualClock as clockStartingAt } from "./virtual-clock";

export { collectPages } from "./virtual-clock";

export const FIXED_NOW = new Date("2026-11-28T12:00:00.000Z");
export const DAY_MS = 86_400_000;

/** A clock that only moves when the code under test sleeps (or the test advances it). */
export function virtualClock(start: Date = FIXED_NOW) {
  return clockStartingAt(start.toISOString());
}
export type VirtualClock = ReturnType<typeof virtualClock>;

/** Builds a run context on the virtual clock with the real fetch (the fake listens on 127.0.0.1). */
export function runContext<Credentials, Config, Cursor>(
  clock: VirtualClock,
  parts: {
    credentials: Credentials;
    config: Config;
    cursor?: Cursor | null;
    backfillDays?: number;
    shopDomain: string;
    quota?: Record<string, unknown> | null;
  },
): ConnectorRunContext<Credentials, Config, Cursor> {
  return {
    credentials: parts.credentials,
    config: parts.config,
    cursor: parts.cursor ?? null,
    backfillFrom: new Date(clock.now().getTime() - (parts.backfillDays ?? 90) * DAY_MS),
    keywords: [],
    shopDomain: parts.shopDomain,
    quota: parts.quota ?? null,
    fetch: globalThis.fetch,
    now: clock.now,
    sleep: clock.sleep,
  };
}

/** A source row of the given kind for a shop (the ingestion pipeline needs one). */
export function createReviewSource(shopId: string, kind: "judgeme" | "yotpo", config: unknown = {}) {
  return db().source.create({
    data: { shopId, kind, name: kind === "judgeme" ? "Judge.me" : "Yotpo", config: config as object },
  });
}

/** A source row with encrypted credentials, as createSource would store it, for runSourceSync. */
export async function createStoredSource(
  shopId: string,
  kind: "judgeme" | "yotpo",
  credentials: Record<string, string>,
  config: Record<string, unknown>,
) {
  const source = await createReviewSource(shopId, kind, config);
  return db().source.update({
    where: { id: source.id },
    data: { credentialsEncrypted: encryptCredentials(source.id, credentials) },
  });
}
