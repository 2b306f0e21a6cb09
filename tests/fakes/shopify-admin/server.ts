import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { executeAdminOperation, type AdminOperationRequest } from "./execute";
import type { FakeAdminStore } from "./store";

/** One request the fake server saw, for tests to inspect. */
export interface FakeAdminRequestLog {
  method: string;
  path: string;
  apiVersion: string | null;
  accessToken: string | null;
  operationName: string | null;
  query: string | null;
  variables: unknown;
  status: number;
  /** Set when an injected fault dropped or held the request instead of answering. */
  fault: "timeout" | "network" | null;
  at: string;
}

export interface FakeAdminServerOptions {
  store: FakeAdminStore;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** How long an injected `timeout` fault holds the request before dropping it (default 30 s). */
  timeoutFaultMs?: number;
}

export interface FakeAdminServer {
  /** e.g. "http://127.0.0.1:53121" */
  url: string;
  requests: FakeAdminRequestLog[];
  close(): Promise<void>;
}

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const BULK_PATH = /^\/bulk\/(\d+)\.jsonl$/;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, { "content-length": String(Buffer.byteLength(body)), ...headers });
  response.end(body);
}

/**
 * Serves the fake Admin API over HTTP on localhost:
 * - `POST /admin/api/:version/graphql.json` (token in `X-Shopify-Access-Token`)
 * - `GET /bulk/:id.jsonl`: bulk operation results (the `url` a completed operation reports)
 * - `GET /health`
 * It also points the store's bulk result URLs at itself.
 *
 * @example
 * const server = await startFakeAdminServer({ store, port: 0 });
 * await fetch(`${server.url}/admin/api/2026-10/graphql.json`, { method: "POST", headers: {...}, body });
 * await server.close();
 */
export async function startFakeAdminServer(options: FakeAdminServerOptions): Promise<FakeAdminServer> {
  const { store } = options;
  const host = options.host ?? "127.0.0.1";
  const timeoutFaultMs = options.timeoutFaultMs ?? 30_000;
  const requests: FakeAdminRequestLog[] = [];
  const sockets = new Set<Socket>();
  const heldTimers = new Set<NodeJS.Timeout>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-admin.local");
    const log: FakeAdminRequestLog = {
      method: request.method ?? "GET",
      path: url.pathname,
      apiVersion: null,
      accessToken: null,
      operationName: null,
      query: null,
      variables: null,
      status: 0,
      fault: null,
      at: store.now().toISOString(),
    };
    requests.push(log);

    if (request.method === "GET" && url.pathname === "/health") {
      log.status = 200;
      return send(response, 200, { "content-type": "application/json" }, JSON.stringify({ ok: true }));
    }
    const bulk = BULK_PATH.exec(url.pathname);
    if (request.method === "GET" && bulk) {
      const jsonl = store.bulkResults.get(bulk[1]!);
      log.status = jsonl === undefined ? 404 : 200;
      if (jsonl === undefined) return send(response, 404, { "content-type": "text/plain" }, "Not Found");
      return send(response, 200, { "content-type": "application/jsonl" }, jsonl);
    }
    const graphql = GRAPHQL_PATH.exec(url.pathname);
    if (!graphql) {
      log.status = 404;
      return send(
        response,
        404,
        { "content-type": "application/json" },
        JSON.stringify({ errors: "Not Found" }),
      );
    }
    if (request.method !== "POST") {
      log.status = 405;
      return send(
        response,
        405,
        { "content-type": "application/json", allow: "POST" },
        JSON.stringify({ errors: "Method Not Allowed" }),
      );
    }
    log.apiVersion = graphql[1]!;
    const tokenHeader = request.headers["x-shopify-access-token"];
    log.accessToken = (Array.isArray(tokenHeader) ? tokenHeader[0] : tokenHeader) ?? null;

    const raw = await readBody(request);
    let payload: AdminOperationRequest;
    try {
      // Clients may also send application/graphql (the raw document), which Shopify accepts.
      payload = (request.headers["content-type"] ?? "").includes("application/graphql")
        ? { query: raw }
        : (JSON.parse(raw) as AdminOperationRequest);
    } catch {
      log.status = 400;
      return send(
        response,
        400,
        { "content-type": "application/json" },
        JSON.stringify({ errors: "Invalid JSON in request body" }),
      );
    }
    log.query = typeof payload.query === "string" ? payload.query : null;
    log.variables = payload.variables ?? null;
    log.operationName = typeof payload.operationName === "string" ? payload.operationName : null;

    const result = await executeAdminOperation(store, payload, {
      apiVersion: log.apiVersion,
      accessToken: log.accessToken,
    });
    if (result.transportFault === "network") {
      log.fault = "network";
      request.socket.destroy();
      return;
    }
    if (result.transportFault === "timeout") {
      // Hold the request open, as a stalled upstream would, then drop it.
      log.fault = "timeout";
      const timer = setTimeout(() => {
        heldTimers.delete(timer);
        request.socket.destroy();
      }, timeoutFaultMs);
      heldTimers.add(timer);
      return;
    }
    log.status = result.status;
    send(response, result.status, result.headers, JSON.stringify(result.body));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        send(
          response,
          500,
          { "content-type": "application/json" },
          JSON.stringify({ errors: String(error) }),
        );
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  store.publicBaseUrl = url;

  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of heldTimers) clearTimeout(timer);
        heldTimers.clear();
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
