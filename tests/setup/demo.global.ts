import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startDemo } from "../../scripts/lib/demo-runtime";

declare module "vitest" {
  export interface ProvidedContext {
    demoUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the real demo (built app + fake Admin API + seeded store) on a throwaway SQLite file. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "pulse-e2e-"));
  mkdirSync(path.resolve("var"), { recursive: true });
  const demo = await startDemo({
    port: await freePort(),
    databaseUrl: `file:${path.join(dir, "e2e.db")}`,
    migrate: true,
    logFile: path.join(dir, "server.log"),
  });
  project.provide("demoUrl", demo.url);
  return async () => {
    const serverLog = path.join(dir, "server.log");
    if (!demo.running()) {
      console.warn(
        `pulse: the demo server stopped during the e2e tests; its log:\n${readFileSync(serverLog, "utf8").slice(-4000)}`,
      );
    }
    await demo.stop();
    // Keep the server's log where CI output can point to it.
    cpSync(serverLog, path.resolve("var", "e2e-server.log"));
    rmSync(dir, { recursive: true, force: true });
  };
}
