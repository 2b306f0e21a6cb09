import { countGrowth } from "~/domain/signals";
import type {
  DigestAlertInput,
  DigestContent,
  DigestInput,
  DigestMover,
  DigestPendingRecommendation,
  DigestTopicChange,
  DigestUnmetNeed,
} from "./types";

/** Limits that keep the email readable in one screen per section. */
export const DIGEST_LIMITS = { movers: 5, topics: 5, unmetNeeds: 3, pending: 5 } as const;

/**
 * Below this many mentions last week a percentage is noise ("1 → 3 = +200 %"), the same rule the
 * signal engine applies to aspect growth (countGrowth).
 */
export const DIGEST_MIN_BASE_MENTIONS = 5;

/**
 * A move worth a line: a 0.10 change of the sentiment index counts as much as a 50 % change in
 * volume; a product makes the list at half of that (±0.05 index or ±25 % volume).
 */
const INDEX_DELTA_UNIT = 0.1;
const VOLUME_CHANGE_UNIT_PERCENT = 50;
const MIN_MOVEMENT = 0.5;
/** Aspect growth below this (either way) is ordinary week-to-week variation. */
const MIN_TOPIC_CHANGE_PERCENT = 20;
const MIN_UNMET_NEED_MENTIONS = 3;

const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

const byText = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");

/**
 * Typical spread of one mention's weighted polarity: an index over n mentions wanders by about
 * this ÷ √n from week to week on its own, so a 0.2 swing on six mentions is not news.
 */
const POLARITY_SPREAD_PER_MENTION = 0.6;
/** An index change counts once it exceeds this many times its sampling noise (one-sided 95%). */
const MIN_INDEX_CHANGE_Z = 1.645;

/** Whether an index change is larger than the two weeks' sampling noise (see POLARITY_SPREAD_PER_MENTION). */
function indexChangeIsReal(mover: DigestMover): boolean {
  if (mover.indexDelta === null || mover.volume <= 0 || mover.previousVolume <= 0) return false;
  const noise = POLARITY_SPREAD_PER_MENTION * Math.sqrt(1 / mover.volume + 1 / mover.previousVolume);
  return Math.abs(mover.indexDelta) >= MIN_INDEX_CHANGE_Z * noise;
}

/** How far a product moved, in units of "a move worth a line" (see INDEX_DELTA_UNIT). */
function movementOf(mover: DigestMover): number {
  const index =
    mover.indexDelta === null || !indexChangeIsReal(mover)
      ? 0
      : Math.abs(mover.indexDelta) / INDEX_DELTA_UNIT;
  const volume =
    mover.volumeChangePercent === null ? 0 : Math.abs(mover.volumeChangePercent) / VOLUME_CHANGE_UNIT_PERCENT;
  return Math.max(index, volume);
}

function selectMovers(input: DigestInput): DigestMover[] {
  const movers: DigestMover[] = [];
  for (const product of input.products) {
    const { current, previous } = product;
    if (!current) continue;
    const growth = countGrowth(current.volume, previous?.volume ?? 0, DIGEST_MIN_BASE_MENTIONS);
    movers.push({
      productId: product.productId,
      title: product.title,
      sentimentIndex: current.sentimentIndex,
      previousSentimentIndex: previous?.sentimentIndex ?? null,
      indexDelta: previous ? current.sentimentIndex - previous.sentimentIndex : null,
      volume: current.volume,
      previousVolume: previous?.volume ?? 0,
      volumeChangePercent: growth.status === "ok" ? growth.changePercent : null,
    });
  }
  return movers
    .map((mover) => ({ mover, movement: movementOf(mover) }))
    .filter((m) => m.movement >= MIN_MOVEMENT)
    .sort((a, b) => b.movement - a.movement || byText(a.mover.title, b.mover.title))
    .slice(0, DIGEST_LIMITS.movers)
    .map((m) => m.mover);
}

/** Aspect mentions summed over every product, so "comfort concerns" is one line for the shop. */
function selectTopics(input: DigestInput): DigestTopicChange[] {
  const totals = new Map<
    string,
    { aspect: string; stance: "positive" | "negative"; now: number; before: number }
  >();
  for (const product of input.products) {
    for (const driver of product.current?.drivers ?? []) {
      const key = `${driver.aspect}|${driver.stance}`;
      const entry = totals.get(key) ?? { aspect: driver.aspect, stance: driver.stance, now: 0, before: 0 };
      entry.now += driver.mentions;
      entry.before += driver.previousWeekMentions;
      totals.set(key, entry);
    }
  }
  const topics: DigestTopicChange[] = [];
  for (const entry of totals.values()) {
    const growth = countGrowth(entry.now, entry.before, DIGEST_MIN_BASE_MENTIONS);
    if (growth.status !== "ok" || Math.abs(growth.changePercent) < MIN_TOPIC_CHANGE_PERCENT) continue;
    topics.push({
      aspect: entry.aspect,
      stance: entry.stance,
      mentions: entry.now,
      previousWeekMentions: entry.before,
      changePercent: growth.changePercent,
    });
  }
  return topics
    .sort(
      (a, b) =>
        Math.abs(b.changePercent) - Math.abs(a.changePercent) ||
        b.mentions - a.mentions ||
        a.aspect.localeCompare(b.aspect) ||
        a.stance.localeCompare(b.stance),
    )
    .slice(0, DIGEST_LIMITS.topics);
}

/** Feature-request clusters with more mentions than last week, summed over products. */
function selectUnmetNeeds(input: DigestInput): DigestUnmetNeed[] {
  const totals = new Map<string, DigestUnmetNeed & { labelMentions: number }>();
  for (const product of input.products) {
    for (const need of product.current?.unmetNeeds ?? []) {
      const entry = totals.get(need.clusterKey) ?? {
        label: need.normalized,
        labelMentions: 0,
        mentions: 0,
        previousWeekMentions: 0,
      };
      entry.mentions += need.mentions;
      entry.previousWeekMentions += need.previousWeekMentions;
      // The cluster is labelled the way most of its customers put it.
      if (need.mentions > entry.labelMentions) {
        entry.label = need.normalized;
        entry.labelMentions = need.mentions;
      }
      totals.set(need.clusterKey, entry);
    }
  }
  return [...totals.values()]
    .filter((n) => n.mentions >= MIN_UNMET_NEED_MENTIONS && n.mentions > n.previousWeekMentions)
    .sort(
      (a, b) =>
        b.mentions - b.previousWeekMentions - (a.mentions - a.previousWeekMentions) ||
        b.mentions - a.mentions ||
        a.label.localeCompare(b.label),
    )
    .slice(0, DIGEST_LIMITS.unmetNeeds)
    .map(({ label, mentions, previousWeekMentions }) => ({ label, mentions, previousWeekMentions }));
}

function sortAlerts(alerts: readonly DigestAlertInput[]): DigestAlertInput[] {
  return [...alerts].sort(
    (a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
      byText(a.productTitle, b.productTitle) ||
      a.message.localeCompare(b.message),
  );
}

/** Biggest stock change first: that is where a wrong approval costs most. */
function selectPending(pending: readonly DigestPendingRecommendation[]): DigestPendingRecommendation[] {
  return [...pending]
    .sort(
      (a, b) =>
        Math.abs(b.deltaUnits ?? 0) - Math.abs(a.deltaUnits ?? 0) ||
        byText(a.productTitle, b.productTitle) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, DIGEST_LIMITS.pending);
}

/**
 * Returns what one week's digest says: the products that moved most week over week, aspect and
 * unmet-need growth across the shop, the week's review alerts, the biggest recommendations waiting
 * for approval, changes applied automatically and problems only the merchant can fix, each ordered
 * most important first. `quiet` is true when there is nothing in any section.
 *
 * @example
 * const content = selectDigestContent(input);
 * content.movers[0]?.title; // "Trail Runner" (its index moved most)
 * content.quiet; // false
 */
export function selectDigestContent(input: DigestInput): DigestContent {
  const movers = selectMovers(input);
  const topics = selectTopics(input);
  const unmetNeeds = selectUnmetNeeds(input);
  const alerts = sortAlerts(input.alerts);
  const pending = selectPending(input.pending);
  const pendingCount = Math.max(input.pendingCount, input.pending.length);
  const appliedAutomatically = [...input.appliedAutomatically];
  const problems = [...input.problems];
  const quiet =
    movers.length === 0 &&
    topics.length === 0 &&
    unmetNeeds.length === 0 &&
    alerts.length === 0 &&
    pendingCount === 0 &&
    appliedAutomatically.length === 0 &&
    problems.length === 0;
  return {
    week: input.week,
    movers,
    topics,
    unmetNeeds,
    alerts,
    pendingCount,
    pending,
    appliedAutomatically,
    problems,
    quiet,
    checked: {
      productsWithSignals: input.products.filter((p) => p.current !== null).length,
      sourcesChecked: input.sourcesChecked,
    },
  };
}
