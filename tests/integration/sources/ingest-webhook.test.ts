import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { signIngestBody } from "~/integrations/sources/ingest-signature";
import { action } from "~/routes/api.ingest.$sourceId";
import { createSource, pauseSource } from "~/services/sources.server";
import { createTestShop } from "../../factories/shop";

const NOW = new Date("2026-11-28T04:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);

function mention(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    platform: "instagram",
    author: `@author-${id}`,
    text: `The linen dress ${id} fits perfectly`,
    postedAt: "2026-11-27T10:00:00+08:00",
    url: `https://instagram.example/p/${id}`,
    country: "us",
    language: "en",
    reach: 1200,
    ...overrides,
  };
}

async function setup() {
  const shop = await createTestShop();
  const created = await createSource(shop.id, { kind: "ingest_webhook", name: "Zapier" }, { now: NOW });
  if (!created.ok || !created.ingestSecret) throw new Error(JSON.stringify(created));
  return { shop, sourceId: created.source.id, secret: created.ingestSecret };
}

function deliver(
  sourceId: string,
  body: string,
  headers: { timestamp?: number | string; signature?: string } = {},
) {
  const request = new Request(`https://pulse.test/api/ingest/${sourceId}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(headers.timestamp !== undefined ? { "X-Pulse-Timestamp": String(headers.timestamp) } : {}),
      ...(headers.signature !== undefined ? { "X-Pulse-Signature": headers.signature } : {}),
    },
    body,
  });
  return action({ request, params: { sourceId }, context: {} });
}

function signed(sourceId: string, secret: string, body: string, timestamp = nowSeconds) {
  return deliver(sourceId, body, { timestamp, signature: signIngestBody(secret, timestamp, body) });
}

async function stored(sourceId: string) {
  const [mentions, receipts] = await Promise.all([
    db().mention.count({ where: { sourceId } }),
    db().ingestReceipt.count({ where: { sourceId } }),
  ]);
  return { mentions, receipts };
}

describe("signed ingest webhook", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("accepts a correctly signed batch and stores it once", async () => {
    const { sourceId, secret } = await setup();
    const body = JSON.stringify({
      mentions: [mention("a"), mention("b", { product: { handle: "linen-dress" } })],
    });
    const response = await signed(sourceId, secret, body);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      ok: true,
      received: 2,
      inserted: 2,
      duplicates: 0,
      rejected: [],
    });
    const rows = await db().mention.findMany({ where: { sourceId }, orderBy: { externalId: "asc" } });
    expect(rows.map((r) => [r.externalId, r.countryCode, r.postedAt.toISOString()])).toEqual([
      ["a", "US", "2026-11-27T02:00:00.000Z"],
      ["b", "US", "2026-11-27T02:00:00.000Z"],
    ]);
    expect(await stored(sourceId)).toEqual({ mentions: 2, receipts: 1 });

    // The same signed request again is a replay: refused, nothing more stored.
    const again = await signed(sourceId, secret, body);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ ok: false, error: "already_received" });
    // A new delivery (new timestamp) of the same mentions is accepted and deduplicated.
    const later = await signed(sourceId, secret, body, nowSeconds - 10);
    expect(await later.json()).toMatchObject({ received: 2, inserted: 0, duplicates: 2 });
    expect(await stored(sourceId)).toEqual({ mentions: 2, receipts: 2 });
  });

  it.each([
    [
      "a wrong signature",
      (body: string) => ({
        timestamp: nowSeconds,
        signature: signIngestBody("not-the-secret", nowSeconds, body),
      }),
      401,
      "bad_signature",
    ],
    ["no signature", () => ({ timestamp: nowSeconds }), 401, "missing_signature"],
    [
      "a malformed signature",
      () => ({ timestamp: nowSeconds, signature: "sha256=zz" }),
      401,
      "bad_signature",
    ],
  ] as const)("refuses %s and stores nothing", async (_name, headersFor, status, error) => {
    const { sourceId } = await setup();
    const body = JSON.stringify({ mentions: [mention("a")] });
    const response = await deliver(sourceId, body, headersFor(body));
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ ok: false, error, message: expect.any(String) });
    expect(await stored(sourceId)).toEqual({ mentions: 0, receipts: 0 });
  });

  it("refuses a replayed old timestamp and one from the future", async () => {
    const { sourceId, secret } = await setup();
    const body = JSON.stringify({ mentions: [mention("a")] });
    for (const timestamp of [nowSeconds - 301, nowSeconds - 86_400, nowSeconds + 120]) {
      const response = await signed(sourceId, secret, body, timestamp);
      expect(response.status).toBe(401);
      const json = (await response.json()) as { message: string };
      expect(json).toMatchObject({ error: "stale_timestamp" });
      expect(json.message).toMatch(/replayed or stale timestamp/i);
    }
    expect(await stored(sourceId)).toEqual({ mentions: 0, receipts: 0 });
  });

  it("refuses a body over 5 MB before parsing it", async () => {
    const { sourceId, secret } = await setup();
    const body = JSON.stringify({ mentions: [mention("a", { text: "x".repeat(5 * 1024 * 1024) })] });
    const response = await signed(sourceId, secret, body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "body_too_large" });
    // Also when the sender does not declare a length (chunked): counted while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
        controller.close();
      },
    });
    const chunked = await action({
      request: new Request(`https://pulse.test/api/ingest/${sourceId}`, {
        method: "POST",
        body: stream,
        // undici needs duplex for a streamed request body.
        duplex: "half",
      }),
      params: { sourceId },
      context: {},
    });
    expect(chunked.status).toBe(413);
    expect(await stored(sourceId)).toEqual({ mentions: 0, receipts: 0 });
  });

  it("refuses bad JSON (400) and an invalid schema (422 with the path)", async () => {
    const { sourceId, secret } = await setup();
    const badJson = await signed(sourceId, secret, '{"mentions": [');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: "bad_json" });

    const invalid = await signed(
      sourceId,
      secret,
      JSON.stringify({ mentions: [mention("a"), mention("b", { postedAt: "yesterday" })] }),
    );
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: "invalid_body", path: "mentions.1.postedAt" });

    const empty = await signed(sourceId, secret, JSON.stringify({ mentions: [] }));
    expect(empty.status).toBe(422);
    const tooMany = await signed(
      sourceId,
      secret,
      JSON.stringify({ mentions: Array.from({ length: 1001 }, (_, i) => mention(String(i))) }),
    );
    expect(tooMany.status).toBe(422);
    expect(await stored(sourceId)).toEqual({ mentions: 0, receipts: 0 });
  });

  it("answers 404 for an unknown source and 409 for a paused one", async () => {
    const { shop, sourceId, secret } = await setup();
    const body = JSON.stringify({ mentions: [mention("a")] });
    expect((await signed("no-such-source", secret, body)).status).toBe(404);
    const fileSource = await createSource(shop.id, { kind: "file_import", name: "Files" });
    expect(fileSource.ok && (await signed(fileSource.source.id, secret, body)).status).toBe(404);
    await pauseSource(shop.id, sourceId);
    const paused = await signed(sourceId, secret, body);
    expect(paused.status).toBe(409);
    expect(await paused.json()).toMatchObject({ error: "source_paused" });
    expect(await stored(sourceId)).toEqual({ mentions: 0, receipts: 0 });
  });
});
