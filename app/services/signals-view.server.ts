import {
  isoWeek,
  shiftIsoWeek,
  type IsoWeek,
  type SignalDetail,
  type WeekOverWeekChange,
} from "~/domain/signals";
import { displayHandles, findProduct, listProductSignals, listProductWeeks } from "~/models/signals.server";

/** How many weeks the overview looks back: this week and the one before are compared. */
const OVERVIEW_WEEKS = 2;

interface StoredDetails {
  weekOverWeek?: WeekOverWeekChange;
  lowTrustMentions?: number;
  detail?: SignalDetail | null;
}

export interface ProductSignalSummary {
  productId: string;
  title: string;
  week: string;
  volume: number;
  sentimentIndex: number;
  indexChange: number | null;
  negativeShare: number;
  negativeShareChangePercent: number | null;
  positiveShareChangePercent: number | null;
  topPositive: string | null;
  topNegative: string | null;
  lowTrustMentions: number;
}

function topAspect(detail: SignalDetail | null | undefined, stance: "positive" | "negative"): string | null {
  const drivers = (detail?.drivers ?? [])
    .filter((d) => d.stance === stance)
    .sort((a, b) => b.mentions - a.mentions);
  return drivers[0]?.aspect ?? null;
}

/**
 * The latest week with mentions for every product, with its change against the baseline and last
 * week, and the aspects that drive it. Products sorted by how much their sentiment moved.
 */
export async function productSignalOverview(
  shopId: string,
  timeZone: string,
  now: Date,
): Promise<ProductSignalSummary[]> {
  const currentWeek = isoWeek(now, timeZone);
  const rows = await listProductWeeks(shopId, shiftIsoWeek(currentWeek, -OVERVIEW_WEEKS));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.product) latest.set(row.product.id, row); // ascending weeks: last wins
  return [...latest.values()]
    .map((row) => {
      const details = (row.details ?? {}) as StoredDetails;
      const wow = details.weekOverWeek?.status === "ok" ? details.weekOverWeek : null;
      return {
        productId: row.product!.id,
        title: row.product!.title,
        week: row.week,
        volume: row.volume,
        sentimentIndex: row.weightedIndex,
        indexChange: row.indexChange,
        negativeShare: row.negativeShare,
        negativeShareChangePercent: wow?.negativeShareChangePercent ?? null,
        positiveShareChangePercent: wow?.positiveShareChangePercent ?? null,
        topPositive: topAspect(details.detail, "positive"),
        topNegative: topAspect(details.detail, "negative"),
        lowTrustMentions: details.lowTrustMentions ?? 0,
      };
    })
    .sort((a, b) => Math.abs(b.indexChange ?? 0) - Math.abs(a.indexChange ?? 0));
}

export interface ProductSignalDetail {
  product: { id: string; title: string; vendor: string };
  weeks: {
    week: string;
    volume: number;
    positiveShare: number;
    neutralShare: number;
    negativeShare: number;
    sentimentIndex: number;
    indexChange: number | null;
    baselineStatus: string;
    lowTrustMentions: number;
  }[];
  variants: {
    variantId: string;
    title: string;
    volume: number;
    sentimentIndex: number;
    positiveShare: number;
  }[];
  latest: (SignalDetail & { week: string; influencerHandles: Record<string, string> }) | null;
}

/** One product's weekly series, its variants over the last four weeks, and the latest week's detail. */
export async function productSignalDetail(
  shopId: string,
  productId: string,
): Promise<ProductSignalDetail | null> {
  const product = await findProduct(shopId, productId);
  if (!product) return null;
  const rows = await listProductSignals(shopId, productId);
  const productRows = rows.filter((r) => r.variantId === null);
  const lastWeek = productRows.at(-1)?.week as IsoWeek | undefined;
  const recentWeeks = new Set<string>(lastWeek ? [0, -1, -2, -3].map((d) => shiftIsoWeek(lastWeek, d)) : []);
  const variants = new Map<
    string,
    { variantId: string; title: string; volume: number; weighted: number; positive: number }
  >();
  for (const row of rows) {
    if (!row.variant || !recentWeeks.has(row.week)) continue;
    const entry = variants.get(row.variant.id) ?? {
      variantId: row.variant.id,
      title: row.variant.title,
      volume: 0,
      weighted: 0,
      positive: 0,
    };
    entry.volume += row.volume;
    entry.weighted += row.weightedIndex * row.volume;
    entry.positive += row.positiveShare * row.volume;
    variants.set(row.variant.id, entry);
  }
  const latestRow = productRows.at(-1);
  const latestDetail = latestRow ? ((latestRow.details ?? {}) as StoredDetails).detail : null;
  const handles = await displayHandles(
    shopId,
    (latestDetail?.influencers ?? []).map((i) => i.authorHash),
  );
  return {
    product,
    weeks: productRows.map((r) => ({
      week: r.week,
      volume: r.volume,
      positiveShare: r.positiveShare,
      neutralShare: r.neutralShare,
      negativeShare: r.negativeShare,
      sentimentIndex: r.weightedIndex,
      indexChange: r.indexChange,
      baselineStatus: r.baselineStatus,
      lowTrustMentions: ((r.details ?? {}) as StoredDetails).lowTrustMentions ?? 0,
    })),
    variants: [...variants.values()]
      .map((v) => ({
        variantId: v.variantId,
        title: v.title,
        volume: v.volume,
        sentimentIndex: v.volume ? v.weighted / v.volume : 0,
        positiveShare: v.volume ? v.positive / v.volume : 0,
      }))
      .sort((a, b) => b.sentimentIndex - a.sentimentIndex),
    latest:
      latestRow && latestDetail
        ? { ...latestDetail, week: latestRow.week, influencerHandles: Object.fromEntries(handles) }
        : null,
  };
}
