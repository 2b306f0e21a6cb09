import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "~/config/env.server";
import {
  appBaseUrl,
  DIGEST_LIMITS,
  dueDigestWeek,
  isoWeekStart,
  latestCompleteWeek,
  parseRecipientList,
  recommendationReason,
  renderDigest,
  resolveDigestRecipients,
  selectDigestContent,
  type DigestInput,
  type DigestProblem,
  type DigestProductSignal,
  type DigestSignalWeek,
  type RecipientListError,
  type RenderedDigest,
} from "~/domain/digest";
import { shiftIsoWeek, type IsoWeek, type SignalDetail } from "~/domain/signals";
import { resolveLocale } from "~/i18n";
import {
  claimDigestRun,
  countPendingRecommendations,
  digestSourceHealth,
  findDigestRun,
  findDigestShop,
  finishDigestRun,
  listAutoAppliedRecommendations,
  listDigestAlerts,
  listDigestRuns,
  listDigestSignalRows,
  listInstalledDigestShops,
  listLargestPendingRecommendations,
  saveShopDigestSettings,
  settledDigestWeeks,
} from "~/models/digest-runs.server";
import { latestSyncRuns } from "~/models/store-sync.server";

/** One email as handed to a transport. */
export interface DigestMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Where digests go: SMTP in production, the outbox directory otherwise, a fake in tests. */
export interface DigestTransport {
  /** Delivers the message; returns the preview file written, if any. Throws when delivery failed. */
  send(
    message: DigestMessage,
    target: { shopDomain: string; week: string },
  ): Promise<{ previewPath: string | null }>;
}

export interface SendDigestOptions {
  transport?: DigestTransport;
  /** Overrides DIGEST_OUTBOX_DIR for the outbox transport. */
  outboxDir?: string;
}

export type SendDigestResult =
  | { status: "sent"; runId: string; recipients: string[]; previewPath: string | null }
  | { status: "skipped"; runId: string; reason: string }
  | { status: "already-sent" | "in-progress"; runId: null }
  | { status: "not-installed"; runId: null };

type DigestShop = NonNullable<Awaited<ReturnType<typeof findDigestShop>>>;

/** A file name part that cannot leave the outbox directory. */
const safeFileName = (value: string) => value.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");

/**
 * Writes each digest as `<dir>/<shop domain>/<week>.eml` (the full MIME message, built by
 * nodemailer's stream transport: no network) and `<week>.html` (the preview path).
 */
export function outboxTransport(dir: string): DigestTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message, { shopDomain, week }) {
      const shopDir = path.resolve(dir, safeFileName(shopDomain));
      await mkdir(shopDir, { recursive: true });
      const info = await builder.sendMail(message);
      const emlPath = path.join(shopDir, `${safeFileName(week)}.eml`);
      const htmlPath = path.join(shopDir, `${safeFileName(week)}.html`);
      await writeFile(emlPath, info.message as Buffer);
      await writeFile(htmlPath, message.html, "utf8");
      return { previewPath: htmlPath };
    },
  };
}

/** Sends through the SMTP server of SMTP_URL (smtp://user:pass@host:587 or smtps://…). */
export function smtpTransport(url: string): DigestTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(message);
      return { previewPath: null };
    },
  };
}

function defaultTransport(options: SendDigestOptions): DigestTransport {
  const { smtpUrl, digestOutboxDir } = env();
  if (options.transport) return options.transport;
  if (smtpUrl) return smtpTransport(smtpUrl);
  return outboxTransport(options.outboxDir ?? digestOutboxDir);
}

interface StoredSignalDetails {
  detail?: SignalDetail | null;
}

function signalWeekOf(row: Awaited<ReturnType<typeof listDigestSignalRows>>[number]): DigestSignalWeek {
  const detail = ((row.details ?? {}) as StoredSignalDetails).detail ?? null;
  return {
    volume: row.volume,
    sentimentIndex: row.weightedIndex,
    negativeShare: row.negativeShare,
    drivers: detail?.drivers ?? [],
    unmetNeeds: detail?.unmetNeeds ?? [],
  };
}

const unitsOf = (r: {
  currentQuantity: number | null;
  proposedQuantity: number | null;
  deltaUnits: number | null;
}) => ({ currentUnits: r.currentQuantity, proposedUnits: r.proposedQuantity, deltaUnits: r.deltaUnits });

/** Links into the app for this shop: inside its Shopify admin, or the demo's own URL. */
function linksBase(shop: DigestShop): string {
  const config = env();
  return appBaseUrl({
    shopDomain: shop.domain,
    apiKey: config.shopifyApiKey,
    appUrl: config.appUrl,
    embedded: !config.demo,
  });
}

/** Reads everything the digest of `week` is made from. */
async function loadDigestInput(shop: DigestShop, week: IsoWeek): Promise<DigestInput> {
  const previousWeek = shiftIsoWeek(week, -1);
  const weekStart = isoWeekStart(week, shop.timezone);
  const weekEnd = isoWeekStart(shiftIsoWeek(week, 1), shop.timezone);
  const [signalRows, alerts, pendingCount, pending, applied, sources, syncRuns] = await Promise.all([
    listDigestSignalRows(shop.id, [week, previousWeek]),
    listDigestAlerts(shop.id, week),
    countPendingRecommendations(shop.id),
    listLargestPendingRecommendations(shop.id, DIGEST_LIMITS.pending),
    listAutoAppliedRecommendations(shop.id, weekStart, weekEnd),
    digestSourceHealth(shop.id),
    latestSyncRuns(shop.id),
  ]);

  const products = new Map<string, DigestProductSignal>();
  for (const row of signalRows) {
    if (!row.productId || !row.product) continue;
    const entry = products.get(row.productId) ?? {
      productId: row.productId,
      title: row.product.title,
      current: null,
      previous: null,
    };
    if (row.week === week) entry.current = signalWeekOf(row);
    else entry.previous = signalWeekOf(row);
    products.set(row.productId, entry);
  }

  const problems: DigestProblem[] = sources.needingAttention.map((s) => ({
    kind: "source_needs_attention",
    sourceName: s.name,
    reason: s.statusReason,
  }));
  for (const run of [syncRuns.catalog, syncRuns.orders]) {
    if (run?.status === "failed")
      problems.push({ kind: "sync_failed", syncKind: run.kind, error: run.lastError });
  }

  return {
    week,
    shopName: shop.name || shop.domain,
    locale: resolveLocale(shop.locale),
    appBaseUrl: linksBase(shop),
    products: [...products.values()],
    alerts: alerts.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      message: a.message,
      productTitle: a.product?.title ?? null,
    })),
    pendingCount,
    pending: pending.map((r) => ({
      id: r.id,
      kind: r.kind,
      productTitle: r.product?.title ?? null,
      variantTitle: r.variant?.title ?? null,
      locationName: r.location?.name ?? null,
      ...unitsOf(r),
      reason: recommendationReason(r.explanation),
    })),
    appliedAutomatically: applied.map((r) => ({
      kind: r.kind,
      productTitle: r.product?.title ?? null,
      variantTitle: r.variant?.title ?? null,
      ...unitsOf(r),
    })),
    problems,
    sourcesChecked: sources.count,
  };
}

/** The digest of one shop-week as it would be sent now (subject, text, HTML). */
async function renderShopDigest(shop: DigestShop, week: IsoWeek): Promise<RenderedDigest> {
  const input = await loadDigestInput(shop, week);
  return renderDigest(selectDigestContent(input), {
    shopName: input.shopName,
    locale: input.locale,
    appBaseUrl: input.appBaseUrl,
  });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Sends the digest of `week` to a shop once. The (shop, week) DigestRun is claimed first: a week
 * already sent (or being sent) does nothing, a failed or skipped one is tried again. Recipients
 * come from Shop.settings.digest (else Shop.email); invalid addresses are skipped and named in
 * DigestRun.error. A delivery failure marks the run failed with the reason and throws, so the job
 * retries with its backoff. Uninstalled shops get nothing and no run is recorded.
 *
 * @example
 * await sendWeeklyDigest(shopId, "2026-W47", new Date()); // { status: "sent", recipients: [...] }
 */
export async function sendWeeklyDigest(
  shopId: string,
  week: IsoWeek,
  now: Date,
  options: SendDigestOptions = {},
): Promise<SendDigestResult> {
  const shop = await findDigestShop(shopId);
  if (!shop || shop.uninstalledAt) return { status: "not-installed", runId: null };
  const claim = await claimDigestRun(shopId, week, now);
  if (!claim.claimed) {
    return { status: claim.status === "sending" ? "in-progress" : "already-sent", runId: null };
  }

  const recipients = resolveDigestRecipients(shop.email, shop.settings);
  const notes = [
    recipients.settingsError,
    recipients.invalid.length > 0
      ? `Skipped ${recipients.invalid.length === 1 ? "an address that is" : "addresses that are"} not valid: ${recipients.invalid.join(", ")}.`
      : null,
  ].filter((n): n is string => n !== null);
  const skip = async (reason: string) => {
    await finishDigestRun(claim.id, {
      status: "skipped",
      recipients: [],
      subject: null,
      previewPath: null,
      error: [reason, ...notes].join(" "),
      sentAt: null,
    });
    return { status: "skipped" as const, runId: claim.id, reason };
  };
  if (!recipients.enabled) return skip("The weekly digest is turned off in the digest settings.");
  if (recipients.recipients.length === 0) {
    return skip(
      "No valid recipient: the shop has no email and the digest settings list no valid address. Add one on the Weekly digest page.",
    );
  }

  let subject: string | null = null;
  try {
    const rendered = await renderShopDigest(shop, week);
    subject = rendered.subject;
    const delivery = await defaultTransport(options).send(
      { from: env().digestFrom, to: recipients.recipients, ...rendered },
      { shopDomain: shop.domain, week },
    );
    await finishDigestRun(claim.id, {
      status: "sent",
      recipients: recipients.recipients,
      subject,
      previewPath: delivery.previewPath,
      error: notes.length > 0 ? notes.join(" ") : null,
      sentAt: now,
    });
    return {
      status: "sent",
      runId: claim.id,
      recipients: recipients.recipients,
      previewPath: delivery.previewPath,
    };
  } catch (error) {
    const reason = `Sending the digest of ${week} to ${recipients.recipients.join(", ")} failed: ${errorText(error)}. Pulse retries automatically; check SMTP_URL if it keeps failing.`;
    await finishDigestRun(claim.id, {
      status: "failed",
      recipients: recipients.recipients,
      subject,
      previewPath: null,
      error: [reason, ...notes].join(" "),
      sentAt: null,
    });
    throw new Error(reason, { cause: error });
  }
}

/**
 * The digests due at `now`: for each installed shop whose local time is past Monday 08:00, the week
 * that just ended, unless that week's run is already sent or skipped.
 *
 * @example
 * await dueDigests(new Date("2026-11-23T09:00:00Z")); // [{ shopId: "c…", week: "2026-W47" }]
 */
export async function dueDigests(now: Date): Promise<{ shopId: string; week: IsoWeek }[]> {
  const candidates: { shopId: string; week: IsoWeek }[] = [];
  for (const shop of await listInstalledDigestShops()) {
    const week = dueDigestWeek(now, shop.timezone);
    if (week) candidates.push({ shopId: shop.id, week });
  }
  const settled = await settledDigestWeeks(
    candidates.map((c) => c.shopId),
    [...new Set(candidates.map((c) => c.week))],
  );
  return candidates.filter((c) => !settled.has(`${c.shopId}|${c.week}`));
}

/** The singleton key of one shop-week's send job: a week is never queued twice at once. */
export const digestSendKey = (shopId: string, week: string) => `digest.send:${shopId}:${week}`;

export interface DigestRunView {
  week: string;
  status: string;
  recipients: string[];
  sentAt: string | null;
  error: string | null;
}

/** What the digest page shows: the latest digest rendered now, the recent runs and the settings. */
export async function digestPageView(shopId: string, now: Date) {
  const shop = await findDigestShop(shopId);
  if (!shop) throw new Error(`Shop ${shopId} not found for the digest page.`);
  const week = latestCompleteWeek(now, shop.timezone);
  const [preview, runs] = await Promise.all([renderShopDigest(shop, week), listDigestRuns(shopId)]);
  const settings = resolveDigestRecipients(shop.email, shop.settings);
  const stored = (shop.settings as { digest?: { recipients?: unknown } } | null)?.digest?.recipients;
  return {
    week,
    timezone: shop.timezone,
    preview: { subject: preview.subject, html: preview.html },
    shopEmail: shop.email,
    settings: {
      enabled: settings.enabled,
      recipients: Array.isArray(stored) ? stored.filter((r): r is string => typeof r === "string") : [],
    },
    runs: runs.map((r): DigestRunView => ({
      week: r.week,
      status: r.status,
      recipients: Array.isArray(r.recipients)
        ? r.recipients.filter((x): x is string => typeof x === "string")
        : [],
      sentAt: r.sentAt?.toISOString() ?? null,
      error: r.error,
    })),
  };
}

/**
 * Saves the digest settings typed on the page into Shop.settings.digest; other settings keys stay
 * untouched. An empty list means "the shop's email".
 */
export async function saveDigestSettings(
  shopId: string,
  input: { enabled: boolean; recipients: string },
): Promise<{ ok: true; recipients: string[] } | { ok: false; errors: RecipientListError[] }> {
  const parsed = parseRecipientList(input.recipients);
  if (!parsed.ok) return { ok: false, errors: parsed.error };
  await saveShopDigestSettings(shopId, { enabled: input.enabled, recipients: parsed.value });
  return { ok: true, recipients: parsed.value };
}

export type DigestSendRequest =
  | { status: "queued" | "alreadyQueued" | "alreadySent"; week: IsoWeek }
  | { status: "notInstalled"; week: null };

/**
 * "Send this week's digest now": queues the send of the latest complete week (the one the page
 * previews) unless it was already sent; the same singleton key as the scheduler's, so a page click
 * and the hourly scheduler never queue it twice.
 */
export async function requestDigestNow(shopId: string, now: Date): Promise<DigestSendRequest> {
  const shop = await findDigestShop(shopId);
  if (!shop || shop.uninstalledAt) return { status: "notInstalled", week: null };
  const week = latestCompleteWeek(now, shop.timezone);
  if ((await findDigestRun(shopId, week))?.status === "sent") return { status: "alreadySent", week };
  // Imported lazily: the job module imports this service.
  const [{ jobQueue }, { digestSendJob }] = await Promise.all([
    import("~/jobs/queue.server"),
    import("~/jobs/definitions/digest.server"),
  ]);
  const id = await jobQueue().enqueue(
    digestSendJob,
    { shopId, week },
    { singletonKey: digestSendKey(shopId, week) },
  );
  return { status: id ? "queued" : "alreadyQueued", week };
}
