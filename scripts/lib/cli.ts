import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Shared pieces of the demo, serve and test scripts. */

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function say(message: string): void {
  console.log(`pulse: ${message}`);
}

/** Prints a one-line reason and what to do, then exits: no stack traces for expected problems. */
export function fail(message: string): never {
  console.error(`pulse: ${message}`);
  process.exit(1);
}

/** Resolves true when nothing listens on the port (checked on all interfaces, as the server binds). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port);
  });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the Remix app when build/ is missing or older than the sources. */
export function buildIfStale(): void {
  const output = path.join(root, "build", "server", "index.js");
  const sources = Math.max(
    newestMtime(path.join(root, "app")),
    statSync(path.join(root, "vite.config.ts")).mtimeMs,
    statSync(path.join(root, "package-lock.json")).mtimeMs,
  );
  if (existsSync(output) && statSync(output).mtimeMs >= sources) return;
  say("building the app (remix vite:build)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["vite:build"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) fail(`the build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Starts the app server on the built app (node directly: `npx` would orphan the server on kill). */
export function startAppServer(env: NodeJS.ProcessEnv, options: { logFile?: string } = {}): ChildProcess {
  // With a log file (e2e tests) the server's output goes there, not into an unread pipe whose
  // full buffer would stall the server.
  const out = options.logFile ? openSync(options.logFile, "a") : "inherit";
  return spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", out, out],
  });
}

/** Resolves when GET url answers (any status), or rejects after timeoutMs. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
