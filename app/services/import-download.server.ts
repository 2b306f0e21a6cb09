/**
 * Import a file from a URL the merchant types (a published Google Sheets CSV link, a listening
 * tool's export link): the only place where Pulse fetches an address a merchant entered.
 *
 * Every hop is checked with assertPublicUrl (http/https, no local host names, every resolved address
 * public), and the connection is made to exactly the address that was checked: the request's
 * `lookup` answers with it instead of asking DNS again, so a name that re-resolves to 127.0.0.1 or
 * 169.254.169.254 between the check and the connect (DNS rebinding) is never reached. Redirects are
 * followed by hand (at most 3), each target checked the same way.
 *
 * The body is streamed to the same place as an upload (var/imports/<shop>/<uuid>.<ext>) under the
 * same size limit, then handed to previewImport, so the mapping step is identical to an upload's.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "~/config/env.server";
import { formatBytes } from "~/integrations/sources/file-import/errors";
import { assertPublicUrl, UnsafeUrlError, type HostResolver } from "~/integrations/sources/url-guard.server";
import { importDirectoryOf, previewImport, type ImportPreview } from "~/services/file-import.server";

/** At most this many redirects are followed. */
export const MAX_IMPORT_REDIRECTS = 3;
/** The whole download (connect, redirects, body) must finish within this time. */
export const IMPORT_DOWNLOAD_TIMEOUT_MS = 60_000;

const EXTENSIONS = /\.(csv|tsv|txt|jsonl|ndjson|json)$/i;

export interface DownloadImportOptions {
  /**
   * Resolves host names to addresses; the guard judges what it returns and the connection goes to
   * the address it approved. Defaults to the system resolver.
   */
  resolve?: HostResolver;
  /**
   * Tests only: maps the approved public address to the address actually dialled (a local test
   * server). Honoured only when NODE_ENV is "test" (read through env()); anywhere else passing it is an error, so
   * production code cannot route a request around the guard. The guard still runs on every hop
   * first: a URL or redirect to a private address is refused before this is consulted.
   */
  testDialOverride?: (approvedAddress: string) => string;
  /** A smaller size limit (tests); never more than the upload limit. */
  maxBytes?: number;
  timeoutMs?: number;
}

export type DownloadImportResult =
  | {
      ok: true;
      /** The stored file's name under the shop's import folder, the same token an upload gets. */
      token: string;
      filePath: string;
      fileName: string;
      preview: ImportPreview;
    }
  | { ok: false; error: string };

/** A download that failed in a way the merchant can act on. */
class DownloadError extends Error {}

/** The address the guard approved for a URL: the host itself when it is an IP literal. */
async function approvedAddress(
  raw: string,
  resolve: HostResolver | undefined,
): Promise<{ url: URL; address: string; family: number }> {
  let resolved: { address: string; family: number }[] | null = null;
  const capture: HostResolver = async (hostname) => {
    resolved = await (resolve ?? defaultResolve)(hostname);
    return resolved;
  };
  const url = await assertPublicUrl(raw, { resolve: capture });
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(hostname);
  if (literal) return { url, address: hostname, family: literal };
  const first = (resolved as { address: string; family: number }[] | null)?.[0];
  if (!first) throw new UnsafeUrlError(`${hostname} has no addresses. Check the address for typos.`);
  return { url, address: first.address, family: first.family };
}

const defaultResolve: HostResolver = async (hostname) => {
  const { lookup } = await import("node:dns/promises");
  return lookup(hostname, { all: true, verbatim: true });
};

/** A `lookup` that never asks DNS: it answers with the address the guard approved. */
function pinnedLookup(address: string, family: number): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function statusText(response: IncomingMessage): string {
  return `${response.statusCode ?? "no status"}${response.statusMessage ? ` ${response.statusMessage}` : ""}`;
}

/** One request to an approved address; resolves with the response (body not yet read). */
function requestOnce(
  url: URL,
  address: string,
  family: number,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "GET",
        lookup: pinnedLookup(address, family),
        headers: { "user-agent": "Pulse file import", accept: "text/csv, application/x-ndjson, */*" },
        signal,
      },
      resolve,
    );
    request.on("error", reject);
    request.end();
  });
}

/** The file name to show: Content-Disposition, else the last path segment, else host.csv. */
function fileNameOf(url: URL, response: IncomingMessage): string {
  const disposition = response.headers["content-disposition"] ?? "";
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  let name = "";
  try {
    name = encoded ? decodeURIComponent(encoded.trim().replace(/^"|"$/g, "")) : (plain?.trim() ?? "");
  } catch {
    name = plain?.trim() ?? "";
  }
  if (!name) {
    const segment = url.pathname.split("/").filter(Boolean).pop() ?? "";
    try {
      name = decodeURIComponent(segment);
    } catch {
      name = segment;
    }
  }
  name = path.basename(name.replace(/[\\/]/g, "_")).slice(0, 200);
  if (EXTENSIONS.test(name)) return name;
  const type = String(response.headers["content-type"] ?? "").toLowerCase();
  const extension = /ndjson|jsonl|json/.test(type) ? "jsonl" : /tab-separated/.test(type) ? "tsv" : "csv";
  return `${name || url.hostname}.${extension}`;
}

/**
 * Downloads the file at a merchant-typed URL into the shop's import folder and previews it exactly
 * like an upload. Refuses (with a message the merchant can act on, storing nothing) a URL or redirect
 * to a loopback, link-local or private address, a non-http scheme, more than 3 redirects, an answer
 * other than 2xx, a body over the upload limit, and a download that takes longer than 60 seconds.
 */
export async function downloadImportFile(
  shopId: string,
  rawUrl: string,
  options: DownloadImportOptions = {},
): Promise<DownloadImportResult> {
  if (options.testDialOverride && env().nodeEnv !== "test")
    throw new Error("testDialOverride is only allowed in tests (NODE_ENV=test).");
  const uploadLimitBytes = env().importMaxBytes;
  const maxBytes = Math.min(options.maxBytes ?? uploadLimitBytes, uploadLimitBytes);
  const timeoutMs = options.timeoutMs ?? IMPORT_DOWNLOAD_TIMEOUT_MS;
  const directory = await importDirectoryOf(shopId);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let filePath: string | null = null;

  try {
    let target = rawUrl.trim();
    let response: IncomingMessage | null = null;
    let url: URL | null = null;
    for (let hop = 0; ; hop++) {
      const approved = await approvedAddress(target, options.resolve);
      url = approved.url;
      const dialled = options.testDialOverride?.(approved.address) ?? approved.address;
      response = await requestOnce(url, dialled, isIP(dialled) || approved.family, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && response.headers.location) {
        response.resume();
        if (hop >= MAX_IMPORT_REDIRECTS)
          throw new DownloadError(
            `The address redirected more than ${MAX_IMPORT_REDIRECTS} times. Use the final download link instead.`,
          );
        target = new URL(response.headers.location, url).toString();
        continue;
      }
      break;
    }

    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      throw new DownloadError(
        `The server at ${url.host} answered ${statusText(response)} instead of the file. Check that the link is public and opens the file in a private browser window (for Google Sheets: File → Share → Publish to web, as CSV).`,
      );
    }
    const tooLarge = () =>
      new DownloadError(
        `The file is larger than the ${formatBytes(maxBytes)} limit. Split it into smaller files and import each.`,
      );
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy();
      throw tooLarge();
    }

    const fileName = fileNameOf(url, response);
    const extension = EXTENSIONS.exec(fileName)?.[1]?.toLowerCase() ?? "csv";
    const token = `${randomUUID()}.${extension}`;
    filePath = path.join(directory, token);
    let received = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > maxBytes) callback(tooLarge());
        else callback(null, chunk);
      },
    });
    await pipeline(response, limit, createWriteStream(filePath, { flags: "wx" }));

    const preview = await previewImport(shopId, { path: filePath, name: fileName });
    if (!preview.ok) {
      await rm(filePath, { force: true });
      return { ok: false, error: preview.error };
    }
    return { ok: true, token, filePath, fileName, preview: preview.preview };
  } catch (error) {
    if (filePath) await rm(filePath, { force: true });
    if (error instanceof UnsafeUrlError) return { ok: false, error: error.message };
    if (error instanceof DownloadError) return { ok: false, error: error.message };
    if (timedOut)
      return {
        ok: false,
        error: `The download took longer than ${Math.round(timeoutMs / 1000)} seconds. Try again, or download the file and upload it instead.`,
      };
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: `The file could not be downloaded (${code ?? (error as Error).message}). Check the link, or download the file and upload it instead.`,
    };
  } finally {
    clearTimeout(timer);
  }
}
