import { afterAll, beforeEach, inject } from "vitest";
import { createDb, setDb } from "~/db.server";

// Every integration test file talks to the run's throwaway database (tests/setup/database.global.ts)
// and starts each test from empty tables.
const databaseUrl = inject("databaseUrl");
process.env.DATABASE_URL = databaseUrl;
const client = createDb(databaseUrl);
setDb(client);

beforeEach(async () => {
  // Shop deletion cascades to every shop-owned table; the rest are not shop-scoped.
  await client.$transaction([
    client.shop.deleteMany(),
    client.session.deleteMany(),
    client.job.deleteMany(),
    client.webhookDelivery.deleteMany(),
  ]);
});

afterAll(async () => {
  await client.$disconnect();
});
