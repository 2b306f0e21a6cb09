import { mkdtempSync, rmSync } from "node:fs";
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
  const demo = await startDemo({
    port: await freePort(),
    databaseUrl: `file:${path.join(dir, "e2e.db")}`,
    migrate: true,
    quiet: true,
  });
  project.provide("demoUrl", demo.url);
  return async () => {
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
