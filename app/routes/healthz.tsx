import { db } from "~/db.server";

// Liveness and readiness for load balancers and the demo launcher: answers 200 when the database does.
export const loader = async () => {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return new Response("ok", { status: 200, headers: { "cache-control": "no-store" } });
  } catch {
    return new Response("database unavailable", { status: 503, headers: { "cache-control": "no-store" } });
  }
};
