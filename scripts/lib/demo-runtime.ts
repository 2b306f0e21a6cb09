import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseEnv } from "~/config/env.server";
import { db } from "~/db.server";
import { demoListeningClockStart } from "~/demo/listening-content";
import { connectDemoListening, newestPolledMentionAt } from "~/demo/listening-sources.server";
import { seedDemoStore } from "~/demo/seed.server";
import { countRecommendations } from "~/models/recommendations.server";
import { findShopByDomain } from "~/models/shops.server";
import { runPlanningCycle } from "~/services/planning.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";
import { DEFAULT_SCENARIO_TODAY, generateScenario, type Scenario } from "~/demo/scenario";
import {
  createFakeAdminStore,
  FAKE_ADMIN_ACCESS_TOKEN,
  startFakeAdminServer,
} from "../../tests/fakes/shopify-admin";
import { buildIfStale, fail, root, say, startAppServer, waitForHttp } from "./cli";
import { startListeningFakes, type RunningListeningFakes } from "./listening-fakes";

export interface DemoOptions {
  port: number;
  databaseUrl: string;
  /** Write the app server's output to this file instead of this terminal (e2e tests). */
  logFile?: string;
  /** Run `prisma migrate deploy` first (e2e tests use a throwaway database). */
  migrate?: boolean;
  /** The listening fakes write a new review, post and comment every this many ms (default 60,000). */
  listeningTrickleMs?: number;
}

export interface RunningDemo {
  url: string;
  fakeAdminUrl: string;
  /** The Judge.me, Yotpo, Reddit and YouTube fakes the demo's sources poll. */
  listeningUrls: Record<"judgeme" | "yotpo" | "reddit" | "youtube", string>;
  /** False once the app server process has exited. */
  running(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts the whole demo: the simulated store (fake Admin API on a free local port), the database
 * seeded from the same scenario, and the built app on `port` with a seeded offline session.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PULSE_DEMO: "1",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
  };
  delete appEnv.SHOPIFY_APP_URL; // the demo serves itself at localhost
  const checked = parseEnv(appEnv);
  if (!checked.ok) fail(`the environment is not valid for the demo:\n  - ${checked.error.join("\n  - ")}`);
  Object.assign(process.env, appEnv);

  if (options.migrate) {
    const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: appEnv,
      encoding: "utf8",
    });
    if (result.status !== 0)
      fail(`migrating ${options.databaseUrl} failed:\n${result.stdout}${result.stderr}`);
  }
  buildIfStale();

  const scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY) });
  const store = createFakeAdminStore(scenario);
  const fakeAdmin = await startFakeAdminServer({ store, port: 0, host: "127.0.0.1" });
  let listening: RunningListeningFakes | null = null;
  const closeFakes = async () => {
    await Promise.all([fakeAdmin.close(), listening?.close()]);
  };

  try {
    listening = await prepareDatabase(scenario, options);
  } catch (error) {
    await closeFakes();
    throw error;
  }

  const app = startAppServer(
    { ...appEnv, SHOPIFY_ADMIN_FAKE_URL: fakeAdmin.url },
    { logFile: options.logFile },
  );
  let exited = false;
  app.once("exit", () => {
    exited = true;
  });
  const url = `http://localhost:${options.port}`;
  try {
    await waitForHttp(`${url}/healthz`, 30_000);
  } catch (error) {
    app.kill();
    await closeFakes();
    throw error;
  }
  return {
    url,
    fakeAdminUrl: fakeAdmin.url,
    listeningUrls: listening.urls,
    running: () => !exited,
    async stop() {
      if (!exited) {
        const done = new Promise((resolve) => app.once("exit", resolve));
        app.kill("SIGTERM");
        await done;
      }
      await closeFakes();
    },
  };
}

/**
 * The listening sources' first runs wait this long, so the job worker (one job at a time) starts
 * with the store's own sync, which the home page follows, rather than behind four backfills.
 */
const FIRST_LISTENING_SYNC_DELAY_MS = 45_000;

/**
 * Seeds the simulated store once, starts the listening fakes (their clock continues after the
 * newest item an earlier run stored) and connects the shop's sources to them, scores the mention
 * backlog and plans a first cycle when none exists.
 */
async function prepareDatabase(scenario: Scenario, options: DemoOptions): Promise<RunningListeningFakes> {
  const port = options.port;
  const seed = await seedDemoStore(scenario, { accessToken: FAKE_ADMIN_ACCESS_TOKEN });
  if (seed.seeded) {
    say(
      `seeded the simulated store: ${Object.entries(seed.counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}`,
    );
  } else {
    say(`the database already holds the simulated store (${seed.counts.products} products); keeping it`);
  }
  const shopId = seed.shopId ?? (await findShopByDomain(scenario.shop.domain))?.id;
  const listening = await startListeningFakes(scenario, {
    trickleEveryMs: options.listeningTrickleMs,
    clockStart: demoListeningClockStart(scenario, shopId ? await newestPolledMentionAt(shopId) : null),
  });
  try {
    if (shopId) {
      const now = () => new Date();
      const sources = await connectDemoListening(shopId, listening.connection, {
        backfillDays: listening.backfillDays,
        firstSyncAt: new Date(Date.now() + FIRST_LISTENING_SYNC_DELAY_MS),
      });
      if (sources.keywordsSuggested > 0)
        say(`suggested ${sources.keywordsSuggested} keywords from the catalogue`);
      if (sources.created.length > 0) say(`connected listening sources: ${sources.created.join(", ")}`);
      if (sources.reconnected.length > 0)
        say(`pointed ${sources.reconnected.join(", ")} at this run's fakes; they sync within a minute`);
      if (sources.ingestWebhook)
        say(
          `the ingest webhook takes signed POSTs at http://localhost:${port}${sources.ingestWebhook.url} with secret ${sources.ingestWebhook.secret} (shown once; rotate it on the Sources page)`,
        );
      const scoring = await scoreMentionBacklog(shopId, { now });
      if (scoring.scored > 0) {
        const signals = await recomputeWeeklySignals(shopId, { from: scoring.earliestPostedAt, now });
        say(`scored ${scoring.scored} mentions and computed ${signals.rows} weekly signal rows`);
      }
      if ((await countRecommendations(shopId)) === 0) {
        const plan = await runPlanningCycle(shopId, now());
        if (plan.ok)
          say(`planned cycle ${plan.cycleId}: ${plan.recommendations.created} recommendations to review`);
        else say(`planning skipped: ${plan.reason}`);
      }
    }
    await db().$disconnect();
  } catch (error) {
    await listening.close();
    throw error;
  }
  return listening;
}
