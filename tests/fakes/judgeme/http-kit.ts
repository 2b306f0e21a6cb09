/**
 * Small pieces the review-app fakes (Judge.me here, Yotpo in ../yotpo) share: a node:http server
 * that closes cleanly, a fault queue, a request log, and a throttle that answers 429 with
 * Retry-After on the fake's own clock (tests pass a virtual clock, the demo the real one).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createPrng } from "~/demo/scenario/prng";

/** Faults a test or the demo can queue; each is consumed by the next request to the API. */
export type ReviewAppFault =
  | { kind: "http500" | "http502" | "http503" }
  | { kind: "rateLimited"; retryAfterSeconds?: number }
  | { kind: "network" };

/** One request the fake saw. */
export interface ReviewAppRequestLog {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number | null;
  /** On the fake's clock. */
  at: Date;
  fault: ReviewAppFault["kind"] | null;
}

export interface FakeHttpServer {
  url: string;
  close(): Promise<void>;
}

/** Sends a JSON answer with the given status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Reads a request body as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Starts a node:http server on 127.0.0.1 (port 0 picks a free one) that destroys open sockets on close. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  port = 0,
): Promise<FakeHttpServer> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A throttle on the fake's clock: at most `maxRequests` per `windowMs` (sliding), and no request
 * while a 429's Retry-After runs. Requests that arrive too early are counted in `tooEarly`.
 */
export class FakeThrottle {
  private readonly starts: number[] = [];
  private blockedUntilMs = 0;
  /** Requests that came before the fake allowed them (the connector should keep this at 0). */
  tooEarly = 0;

  constructor(
    private readonly maxRequests: number,
    private readonly windowMs: number,
  ) {}

  /** Returns the seconds to put in Retry-After when this request must be refused, else null. */
  check(nowMs: number): number | null {
    if (nowMs < this.blockedUntilMs) {
      this.tooEarly += 1;
      return Math.max(1, Math.ceil((this.blockedUntilMs - nowMs) / 1000));
    }
    while (this.starts.length > 0 && this.starts[0]! <= nowMs - this.windowMs) this.starts.shift();
    if (this.maxRequests > 0 && this.starts.length >= this.maxRequests) {
      this.tooEarly += 1;
      const retryMs = this.starts[0]! + this.windowMs - nowMs;
      this.blockedUntilMs = nowMs + retryMs;
      return Math.max(1, Math.ceil(retryMs / 1000));
    }
    this.starts.push(nowMs);
    return null;
  }

  /** Blocks the API for the given seconds, as after an injected 429. */
  block(nowMs: number, seconds: number): void {
    this.blockedUntilMs = Math.max(this.blockedUntilMs, nowMs + seconds * 1000);
  }
}

/** A first-in, first-out fault queue. */
export function createFaultQueue() {
  const queue: ReviewAppFault[] = [];
  return {
    enqueue(...faults: ReviewAppFault[]) {
      queue.push(...faults);
    },
    take(): ReviewAppFault | undefined {
      return queue.shift();
    },
    pending(): readonly ReviewAppFault[] {
      return [...queue];
    },
  };
}
export type FaultQueue = ReturnType<typeof createFaultQueue>;

/**
 * Answers an injected fault, if one is queued: 5xx, 429 with Retry-After (which also blocks the
 * throttle), or a dropped connection. Returns true when the request was answered.
 */
export function answerFault(
  faults: FaultQueue,
  throttle: FakeThrottle,
  nowMs: number,
  request: IncomingMessage,
  response: ServerResponse,
  log: ReviewAppRequestLog,
): boolean {
  const fault = faults.take();
  if (!fault) return false;
  log.fault = fault.kind;
  if (fault.kind === "network") {
    request.socket.destroy();
    return true;
  }
  if (fault.kind === "rateLimited") {
    const seconds = fault.retryAfterSeconds ?? 5;
    throttle.block(nowMs, seconds);
    log.status = 429;
    sendJson(response, 429, { error: "Too many requests" }, { "retry-after": String(seconds) });
    return true;
  }
  const status = Number(fault.kind.slice(4));
  log.status = status;
  sendJson(response, status, { error: "Internal Server Error" });
  return true;
}

/** Deterministic pseudo-random numbers (mulberry32) so seeds are the same on every run. */
export function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}
