import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fail, isPortFree, isProcessAlive, root, say } from "./lib/cli";
import { startDemo } from "./lib/demo-runtime";

// `npm run demo`: the full app on localhost against the simulated store, no Shopify account.
// scripts/prepare.mjs has already installed dependencies and migrated the database.

if (process.env.NODE_ENV === "production") {
  fail(
    "the demo runs on simulated data and refuses NODE_ENV=production. Unset NODE_ENV and run `npm run demo` again.",
  );
}
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a number from 1 to 65535; it is "${process.env.PORT}".`);

const lockFile = path.join(root, "var", "demo.pid");
if (existsSync(lockFile)) {
  const [pid, lockedPort] = readFileSync(lockFile, "utf8").trim().split(":").map(Number);
  if (pid && isProcessAlive(pid)) {
    fail(
      `a Pulse demo is already running (pid ${pid}) at http://localhost:${lockedPort}. Open it, or stop it (Ctrl+C in its terminal, or kill ${pid}) first.`,
    );
  }
}
if (!(await isPortFree(port))) {
  fail(
    `port ${port} is already in use by another program. Stop it, or choose another port: PORT=${port + 1} npm run demo`,
  );
}

mkdirSync(path.dirname(lockFile), { recursive: true });
writeFileSync(lockFile, `${process.pid}:${port}`);
const demo = await startDemo({ port, databaseUrl: process.env.DATABASE_URL ?? "file:./prisma/dev.db" }).catch(
  (error: unknown) => {
    rmSync(lockFile, { force: true });
    fail(`the demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  },
);

say(
  `Pulse is running on simulated data at ${demo.url}  (fake Admin API at ${demo.fakeAdminUrl}). Ctrl+C stops it.`,
);
say(
  `listening fakes (a new review, post and comment each minute): Judge.me ${demo.listeningUrls.judgeme}, Yotpo ${demo.listeningUrls.yotpo}, Reddit ${demo.listeningUrls.reddit}, YouTube ${demo.listeningUrls.youtube}`,
);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  say("stopping the demo…");
  await demo.stop();
  rmSync(lockFile, { force: true });
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
