import { MemorySessionStorage } from "@shopify/shopify-app-session-storage-memory";
import { ApiVersion, shopifyApp } from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import {
  API_KEY,
  API_SECRET_KEY,
  RequestType,
  setUpValidRequest,
  setUpValidSession,
  TEST_SHOP,
  TEST_SHOP_NAME,
} from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify.server";
import { db } from "~/db.server";

// authenticate.admin as Shopify's admin calls it: a session token (JWT signed with the app secret)
// in the Authorization header, with the library's own test helpers.
describe("authenticate.admin", () => {
  it("accepts a valid session token and returns the shop's session and Admin client", async () => {
    const sessionStorage = new MemorySessionStorage();
    const shopify = shopifyApp(testConfig({ apiVersion: ApiVersion.October26, sessionStorage }));
    await sessionStorage.storeSession(setUpValidSession({ shop: TEST_SHOP }));
    const request = await setUpValidRequest(
      { type: RequestType.Bearer, store: TEST_SHOP_NAME, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
      new Request("https://my-test-app.myshopify.io/app"),
    );

    const { admin, session } = await shopify.authenticate.admin(request);

    expect(session.shop).toBe(TEST_SHOP);
    expect(typeof admin.graphql).toBe("function");
  });

  it("refuses a request without a session token", async () => {
    const shopify = shopifyApp(
      testConfig({ apiVersion: ApiVersion.October26, sessionStorage: new MemorySessionStorage() }),
    );
    const outcome = await shopify.authenticate
      .admin(
        new Request("https://my-test-app.myshopify.io/app", {
          headers: { Authorization: "Bearer not-a-jwt" },
        }),
      )
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(401);
  });

  it("the app's own configuration targets Admin API 2026-10 and stores sessions in the database", async () => {
    expect(ADMIN_API_VERSION).toBe("2026-10");
    const { sessionStorage } = await import("~/shopify.server");
    const session = setUpValidSession({ shop: TEST_SHOP });
    expect(await sessionStorage.storeSession(session)).toBe(true);
    expect(await db().session.count({ where: { shop: TEST_SHOP } })).toBe(1);
    expect((await sessionStorage.loadSession(session.id))?.shop).toBe(TEST_SHOP);
  });
});
