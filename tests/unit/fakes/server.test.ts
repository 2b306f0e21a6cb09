import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createFakeAdminStore,
  FAKE_ADMIN_ACCESS_TOKEN,
  startFakeAdminServer,
  type FakeAdminServer,
  type FakeAdminStore,
} from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import type { Tree } from "./run-admin";

let store: FakeAdminStore;
let server: FakeAdminServer;

beforeEach(async () => {
  store = createFakeAdminStore(fixtureScenario());
  server = await startFakeAdminServer({ store, port: 0, host: "127.0.0.1", timeoutFaultMs: 200 });
});

afterEach(async () => {
  await server.close();
});

function post(body: unknown, token: string | null = FAKE_ADMIN_ACCESS_TOKEN, version = "2026-10") {
  return fetch(`${server.url}/admin/api/${version}/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { "x-shopify-access-token": token } : {}) },
    body: JSON.stringify(body),
  });
}

describe("fake Admin API over HTTP", () => {
  it("answers GraphQL at /admin/api/:version/graphql.json and logs the request", async () => {
    const response = await post({
      query: "query ShopInfo { shop { name myshopifyDomain } }",
      operationName: "ShopInfo",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-shopify-api-version")).toBe("2026-10");
    const body = (await response.json()) as Tree;
    expect(body.data.shop).toEqual({
      name: "Pulse Fixture Shop",
      myshopifyDomain: "pulse-fixture.myshopify.com",
    });
    expect(body.extensions.cost.throttleStatus.restoreRate).toBe(100);
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/admin/api/2026-10/graphql.json",
        apiVersion: "2026-10",
        accessToken: FAKE_ADMIN_ACCESS_TOKEN,
        operationName: "ShopInfo",
        status: 200,
      }),
    ]);
  });

  it("answers 401 without a token and serves /health", async () => {
    expect((await post({ query: "{ shop { name } }" }, null)).status).toBe(401);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it("serves a completed bulk operation's JSONL at the url it reports", async () => {
    const run = await post({
      query: `mutation { bulkOperationRunQuery(query: "{ products { edges { node { id variants { edges { node { id } } } } } } }") {
        bulkOperation { id } userErrors { message } } }`,
    });
    const id = ((await run.json()) as Tree).data.bulkOperationRunQuery.bulkOperation.id as string;
    const poll = () =>
      post({ query: `query ($id: ID!) { bulkOperation(id: $id) { status url } }`, variables: { id } });
    await poll();
    const done = ((await (await poll()).json()) as Tree).data.bulkOperation;
    expect(done.status).toBe("COMPLETED");
    expect(done.url.startsWith(`${server.url}/bulk/`)).toBe(true);
    const file = await fetch(done.url);
    expect(file.status).toBe(200);
    const lines = (await file.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Tree);
    expect(lines[0]).toEqual({ id: FIXTURE_IDS.products.sunglasses });
    expect(lines[1]).toEqual({
      id: FIXTURE_IDS.variants.sunglassesCoral,
      __parentId: FIXTURE_IDS.products.sunglasses,
    });
    expect((await fetch(`${server.url}/bulk/424242.jsonl`)).status).toBe(404);
  });

  it("injects 502, dropped connections and timeouts", async () => {
    store.faults.enqueue({ kind: "http502" });
    store.faults.enqueue({ kind: "network" });
    store.faults.enqueue({ kind: "timeout" });
    expect((await post({ query: "{ shop { name } }" })).status).toBe(502);
    await expect(post({ query: "{ shop { name } }" })).rejects.toThrow(/fetch failed/);
    await expect(post({ query: "{ shop { name } }" })).rejects.toThrow(/fetch failed/);
    expect(server.requests.map((r) => r.fault)).toEqual([null, "network", "timeout"]);
    expect((await post({ query: "{ shop { name } }" })).status).toBe(200);
  });
});
