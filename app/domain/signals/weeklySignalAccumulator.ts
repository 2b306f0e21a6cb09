import { countGrowth } from "./countGrowth";
import {
  isoWeek,
  isoWeekFromOrdinal,
  isoWeekOrdinal,
  localDayNumber,
  parseIsoWeek,
  type IsoWeek,
} from "./isoWeek";
import { PackedKeyIndex } from "./packedKeyIndex";
import { normalizePlatform, platformWeight } from "./platformWeight";
import { reachWeight } from "./reachWeight";
import { ALL, seriesKey, signalKey, splitSignalKey, type SignalDimensions } from "./signalKey";
import { regionOfCountry, resolveSignalSettings, type SignalSettings } from "./signalSettings";
import type { ScoredMention, SentimentLabel } from "./types";
import { addToDaySums, influencerWeightShare, volatilityOfDaySums, WEEK_DAY_SUMS } from "./weekSpread";
import { baselineComparison, weekOverWeekChange, type WeekFigures } from "./weeklyTrends";
import type {
  AspectDriver,
  Influencer,
  SignalDetail,
  SplitEntry,
  Stance,
  UnmetNeed,
  WeeklySignalRow,
  WeeklySignalSummary,
} from "./weeklySignalRow";

/*
 * Storage layout. A million mentions fill a few million sparse cells (product-or-variant ×
 * platform-or-all × region-or-all × week), so cells are rows of typed-array columns addressed by
 * one packed numeric key instead of objects keyed by strings: ~60 bytes a cell, no per-cell
 * garbage, and "the same series one week earlier" is key − 1.
 *
 *   key = ((productVariantSlot × PLATFORM_SLOTS + platformSlot) × REGION_SLOTS + regionSlot) × WEEK_SLOTS + weekOrdinal
 *
 * Slot 0 of platform and region is "all". The product keeps < 2^53, exact in a double.
 */
const PLATFORM_SLOTS = 256;
const REGION_SLOTS = 1024;
/** Week ordinals count from 1970-W01; 8192 weeks reach into 2127. */
const WEEK_SLOTS = 8192;
const MAX_PRODUCT_VARIANT_SLOTS = Math.floor(
  Number.MAX_SAFE_INTEGER / (PLATFORM_SLOTS * REGION_SLOTS * WEEK_SLOTS),
);

/** Counts, sums and key of each cell, one typed array per column; grown by doubling. */
class CellColumns {
  size = 0;
  key = new Float64Array(1024);
  volume = new Int32Array(1024);
  positive = new Int32Array(1024);
  neutral = new Int32Array(1024);
  negative = new Int32Array(1024);
  lowTrust = new Int32Array(1024);
  weightedPolaritySum = new Float64Array(1024);
  weightTotal = new Float64Array(1024);
  authenticitySum = new Float64Array(1024);
  /** Σ weight of mentions by authors at or above the influencer reach (kolShare's numerator). */
  influencerWeight = new Float64Array(1024);
  /** 1 + the cell's slot in the per-day sums (platform "all" cells only); 0 = none yet. */
  daySumsSlot = new Int32Array(1024);

  append(key: number): number {
    if (this.size === this.key.length) this.grow();
    this.key[this.size] = key;
    return this.size++;
  }

  private grow(): void {
    const capacity = this.key.length * 2;
    const grown = <T extends Float64Array | Int32Array>(column: T): T => {
      const next = new (column.constructor as new (length: number) => T)(capacity);
      next.set(column);
      return next;
    };
    this.key = grown(this.key);
    this.volume = grown(this.volume);
    this.positive = grown(this.positive);
    this.neutral = grown(this.neutral);
    this.negative = grown(this.negative);
    this.lowTrust = grown(this.lowTrust);
    this.weightedPolaritySum = grown(this.weightedPolaritySum);
    this.weightTotal = grown(this.weightTotal);
    this.authenticitySum = grown(this.authenticitySum);
    this.influencerWeight = grown(this.influencerWeight);
    this.daySumsSlot = grown(this.daySumsSlot);
  }
}

/** What a person reads on platform "all" + region "all" cells; each map is created on first use. */
interface CellDetail {
  /** aspect → [positive mentions, negative mentions] */
  aspects: Map<string, [number, number]> | null;
  requests: Map<string, { normalized: string; mentions: number }> | null;
  /** Only authors at or above the influencer reach threshold, so this stays small. */
  influencers: Map<
    string,
    { platform: string; reachFollowers: number; mentions: number; polaritySum: number }
  > | null;
}

/** What a previous week offers for growth: counts per aspect stance and per request cluster. */
interface PreviousCounts {
  aspectMentions(aspect: string, stance: "positive" | "negative"): number;
  unmetNeedMentions(clusterKey: string): number;
}

/** Options for {@link WeeklySignalAccumulator.rows}. */
export interface SignalRowOptions {
  /** Produce only these row keys (e.g. from {@link affectedSignalKeys}); default: every cell. */
  onlyKeys?: Iterable<string>;
  /**
   * Rows from earlier runs (the stored SignalWeekly rows) for weeks this accumulator did not see,
   * so baselines and growth reach back beyond the recomputed weeks. Cells in the accumulator win.
   */
  history?: Iterable<WeeklySignalSummary>;
}

/**
 * A streaming aggregator: feed scored mentions one by one or in batches, then read the rows.
 * Memory grows with the number of distinct (product, variant, platform, region, week) cells, not
 * with the number of mentions. One accumulator serves one shop (timezone and weights are per shop).
 */
export interface WeeklySignalAccumulator {
  readonly settings: SignalSettings;
  /** Number of (series, week) cells held; equals the number of rows {@link rows} yields. */
  readonly cellCount: number;
  add(mention: ScoredMention): void;
  /** Adds mentions and returns the keys of the rows they touched, for incremental recompute. */
  addBatch(mentions: Iterable<ScoredMention>): Set<string>;
  /** Finalises rows lazily (a generator), so a caller can write them out in batches. */
  rows(options?: SignalRowOptions): Generator<WeeklySignalRow>;
}

const NO_PREVIOUS_COUNTS: PreviousCounts = { aspectMentions: () => 0, unmetNeedMentions: () => 0 };

/**
 * Returns an empty accumulator for one shop's weekly signals.
 *
 * Rows are produced for every combination of {variant, whole product} × {platform, "all"} ×
 * {region, "all"} that has at least one mention in a week (without platform × region crossings
 * when `platformRegionCross` is off); a week without mentions has no row (its
 * shares are undefined, not zero), and trends treat it as a week without data.
 *
 * @example
 * const accumulator = createWeeklySignalAccumulator({ timeZone: "America/New_York" });
 * accumulator.add(mention);
 * for (const row of accumulator.rows()) save(row);
 */
export function createWeeklySignalAccumulator(
  settings: Partial<SignalSettings> = {},
): WeeklySignalAccumulator {
  const resolved = resolveSignalSettings(settings);
  const cells = new CellColumns();
  const cellByKey = new PackedKeyIndex();
  const details = new Map<number, CellDetail>();
  /** Per-day sums for volatility (WEEK_DAY_SUMS per cell), on platform "all" cells only (what planning reads). */
  let daySums = new Float64Array(WEEK_DAY_SUMS * 256);
  let daySumsCells = 0;
  const daySumsOffset = (cell: number): number => {
    let slot = cells.daySumsSlot[cell]!;
    if (slot === 0) {
      if ((daySumsCells + 1) * WEEK_DAY_SUMS > daySums.length) {
        const grown = new Float64Array(daySums.length * 2);
        grown.set(daySums);
        daySums = grown;
      }
      slot = ++daySumsCells;
      cells.daySumsSlot[cell] = slot;
    }
    return (slot - 1) * WEEK_DAY_SUMS;
  };
  let shopId: string | undefined;

  // Interned dimension values; slot → value arrays decode a key back into dimensions.
  const productVariantSlots = new Map<string, number>();
  const productIdBySlot: (string | null)[] = [];
  const variantIdBySlot: (string | null)[] = [];
  /** For a variant slot, the slot of its whole product; for a product slot, itself. */
  const productSlotOf: number[] = [];
  const platformSlots = new Map<string, number>([[ALL, 0]]);
  const platformBySlot: string[] = [ALL];
  const platformWeightBySlot: number[] = [0];
  const regionSlots = new Map<string, number>([[ALL, 0]]);
  const regionBySlot: string[] = [ALL];
  const weekOrdinals = new Map<IsoWeek, number>();

  function productVariantSlot(productId: string | null, variantId: string | null): number {
    const name = `${productId ?? ""}${SEPARATOR}${variantId ?? ""}`;
    let slot = productVariantSlots.get(name);
    if (slot === undefined) {
      slot = productIdBySlot.length;
      if (slot >= MAX_PRODUCT_VARIANT_SLOTS)
        throw new RangeError("WeeklySignalAccumulator: too many variants");
      productVariantSlots.set(name, slot);
      productIdBySlot.push(productId);
      variantIdBySlot.push(variantId);
      productSlotOf.push(variantId === null ? slot : productVariantSlot(productId, null));
    }
    return slot;
  }

  function internedSlot(
    value: string,
    slots: Map<string, number>,
    bySlot: string[],
    capacity: number,
  ): number {
    let slot = slots.get(value);
    if (slot === undefined) {
      slot = bySlot.length;
      if (slot >= capacity)
        throw new RangeError(`WeeklySignalAccumulator: more than ${capacity - 1} distinct values`);
      slots.set(value, slot);
      bySlot.push(value);
    }
    return slot;
  }

  function platformSlot(platform: string): number {
    const slot = internedSlot(platform, platformSlots, platformBySlot, PLATFORM_SLOTS);
    if (slot === platformWeightBySlot.length)
      platformWeightBySlot.push(platformWeight(platform, resolved.platformWeights));
    return slot;
  }

  function weekOrdinalOf(week: IsoWeek): number {
    let ordinal = weekOrdinals.get(week);
    if (ordinal === undefined) {
      ordinal = isoWeekOrdinal(week);
      if (ordinal < 0 || ordinal >= WEEK_SLOTS)
        throw new RangeError(`WeeklySignalAccumulator: week ${week} out of range`);
      weekOrdinals.set(week, ordinal);
    }
    return ordinal;
  }

  const packKey = (productVariant: number, platform: number, region: number, weekOrdinal: number): number =>
    ((productVariant * PLATFORM_SLOTS + platform) * REGION_SLOTS + region) * WEEK_SLOTS + weekOrdinal;

  function unpackKey(key: number) {
    const weekOrdinal = key % WEEK_SLOTS;
    const series = (key - weekOrdinal) / WEEK_SLOTS;
    const region = series % REGION_SLOTS;
    const withPlatform = (series - region) / REGION_SLOTS;
    const platform = withPlatform % PLATFORM_SLOTS;
    const productVariant = (withPlatform - platform) / PLATFORM_SLOTS;
    return { productVariant, platform, region, weekOrdinal };
  }

  function add(mention: ScoredMention, touched?: Set<number>): void {
    if (shopId === undefined) shopId = mention.shopId;
    else if (mention.shopId !== shopId) {
      throw new Error(`WeeklySignalAccumulator serves shop ${shopId}; got a mention of ${mention.shopId}`);
    }
    const weekOrdinal = weekOrdinalOf(isoWeek(mention.postedAt, resolved.timeZone));
    const normalized = normalizePlatform(mention.platform);
    // "all" is the roll-up marker; a source literally named so must not merge into the roll-up.
    const platform = platformSlot(normalized === ALL || normalized === "" ? "unknown" : normalized);
    const region = internedSlot(
      regionOfCountry(mention.country, resolved.regionByCountry),
      regionSlots,
      regionBySlot,
      REGION_SLOTS,
    );
    const polarity = finiteClamp(mention.polarity, -1, 1, 0);
    const label = labelOf(mention.label, polarity, resolved.stanceNeutralBand);
    // An absent or broken authenticity means "not assessed": trusted, as before assessment existed.
    const authenticity = finiteClamp(mention.authenticity ?? 1, 0, 1, 1);
    const weight =
      platformWeightBySlot[platform]! *
      authenticity *
      reachWeight(mention.authorReachFollowers, resolved.reachLogDivisor);
    const isLowTrust = authenticity < resolved.lowTrustBelow;
    const isInfluencer =
      finiteClamp(mention.authorReachFollowers, 0, Number.MAX_SAFE_INTEGER, 0) >=
      resolved.influencerMinReachFollowers;
    // ISO weekday (Monday = 0) on the shop's clock: day 0 (1970-01-01) was a Thursday.
    const dayOfWeek = (localDayNumber(mention.postedAt, resolved.timeZone) + 3) % 7;
    const ownSlot = productVariantSlot(mention.productId ?? null, mention.variantId || null);
    const productSlot = productSlotOf[ownSlot]!;

    // Slot 0 is "all": each mention lands in its own slot and the roll-up, per dimension.
    for (let level = ownSlot === productSlot ? 1 : 0; level < 2; level++) {
      const productVariant = level === 0 ? ownSlot : productSlot;
      for (let platformLevel = 0; platformLevel < 2; platformLevel++) {
        const cellPlatform = platformLevel === 0 ? platform : 0;
        for (let regionLevel = 0; regionLevel < 2; regionLevel++) {
          const cellRegion = regionLevel === 0 ? region : 0;
          if (cellPlatform !== 0 && cellRegion !== 0 && !resolved.platformRegionCross) continue;
          const key = packKey(productVariant, cellPlatform, cellRegion, weekOrdinal);
          let cell = cellByKey.get(key);
          if (cell < 0) {
            cell = cells.append(key);
            cellByKey.set(key, cell);
          }
          cells.volume[cell]!++;
          if (label === "positive") cells.positive[cell]!++;
          else if (label === "negative") cells.negative[cell]!++;
          else cells.neutral[cell]!++;
          cells.weightedPolaritySum[cell]! += weight * polarity;
          cells.weightTotal[cell]! += weight;
          cells.authenticitySum[cell]! += authenticity;
          if (isLowTrust) cells.lowTrust[cell]!++;
          if (isInfluencer) cells.influencerWeight[cell]! += weight;
          if (cellPlatform === 0) addToDaySums(daySums, daySumsOffset(cell), dayOfWeek, weight, polarity);
          if (cellPlatform === 0 && cellRegion === 0)
            addDetail(cell, mention, platformBySlot[platform]!, polarity);
          touched?.add(key);
        }
      }
    }
  }

  function addDetail(cell: number, mention: ScoredMention, platform: string, polarity: number): void {
    const reachFollowers = finiteClamp(mention.authorReachFollowers, 0, Number.MAX_SAFE_INTEGER, 0);
    const isInfluencer = reachFollowers >= resolved.influencerMinReachFollowers;
    if (mention.aspects.length === 0 && mention.featureRequests.length === 0 && !isInfluencer) return;
    let detail = details.get(cell);
    if (!detail) {
      detail = { aspects: null, requests: null, influencers: null };
      details.set(cell, detail);
    }
    for (let i = 0; i < mention.aspects.length; i++) {
      const { aspect, polarity: aspectPolarity } = mention.aspects[i]!;
      const stance = stanceOf(finiteClamp(aspectPolarity, -1, 1, 0), resolved.stanceNeutralBand);
      if (stance === "neutral") continue;
      // One mention counts once per aspect stance even if two clauses repeat the aspect.
      if (
        mention.aspects
          .slice(0, i)
          .some(
            (earlier) =>
              earlier.aspect === aspect &&
              stanceOf(finiteClamp(earlier.polarity, -1, 1, 0), resolved.stanceNeutralBand) === stance,
          )
      )
        continue;
      detail.aspects ??= new Map();
      let counts = detail.aspects.get(aspect);
      if (!counts) {
        counts = [0, 0];
        detail.aspects.set(aspect, counts);
      }
      counts[stance === "positive" ? 0 : 1]++;
    }
    for (let i = 0; i < mention.featureRequests.length; i++) {
      const request = mention.featureRequests[i]!;
      if (mention.featureRequests.slice(0, i).some((earlier) => earlier.clusterKey === request.clusterKey))
        continue;
      detail.requests ??= new Map();
      const cluster = detail.requests.get(request.clusterKey);
      if (cluster) cluster.mentions++;
      else detail.requests.set(request.clusterKey, { normalized: request.normalized, mentions: 1 });
    }
    if (isInfluencer) {
      detail.influencers ??= new Map();
      const author = detail.influencers.get(mention.authorHash);
      if (author) {
        author.mentions++;
        author.polaritySum += polarity;
        author.reachFollowers = Math.max(author.reachFollowers, reachFollowers);
      } else {
        detail.influencers.set(mention.authorHash, {
          platform,
          reachFollowers,
          mentions: 1,
          polaritySum: polarity,
        });
      }
    }
  }

  function figuresOf(cell: number): WeekFigures & { neutralShare: number } {
    const volume = cells.volume[cell]!;
    const weightTotal = cells.weightTotal[cell]!;
    return {
      volume,
      positiveShare: volume > 0 ? cells.positive[cell]! / volume : 0,
      neutralShare: volume > 0 ? cells.neutral[cell]! / volume : 0,
      negativeShare: volume > 0 ? cells.negative[cell]! / volume : 0,
      // A weighted mean of values in [−1, 1] stays in [−1, 1]; the clamp only absorbs rounding.
      sentimentIndex:
        weightTotal > 0 ? finiteClamp(cells.weightedPolaritySum[cell]! / weightTotal, -1, 1, 0) : 0,
    };
  }

  function dimensionsOf(key: number): SignalDimensions & { isoWeek: IsoWeek; weekOrdinal: number } {
    const { productVariant, platform, region, weekOrdinal } = unpackKey(key);
    return {
      shopId: shopId ?? "",
      productId: productIdBySlot[productVariant]!,
      variantId: variantIdBySlot[productVariant]!,
      platform: platformBySlot[platform]!,
      region: regionBySlot[region]!,
      isoWeek: isoWeekFromOrdinal(weekOrdinal),
      weekOrdinal,
    };
  }

  /** Packs a string row key back into a numeric key; undefined when this accumulator never saw its values. */
  function numericKeyOf(key: string): number | undefined {
    const { seriesKey: series, isoWeek: week } = splitSignalKey(key);
    const [shop, productId, variantId, platform, region] = series.split(SEPARATOR);
    if (shop !== shopId || !parseIsoWeek(week) || region === undefined) return undefined;
    const productVariant = productVariantSlots.get(`${productId}${SEPARATOR}${variantId}`);
    const platformIndex = platformSlots.get(platform!);
    const regionIndex = regionSlots.get(region);
    if (productVariant === undefined || platformIndex === undefined || regionIndex === undefined)
      return undefined;
    const ordinal = isoWeekOrdinal(week);
    return ordinal >= 0 && ordinal < WEEK_SLOTS
      ? packKey(productVariant, platformIndex, regionIndex, ordinal)
      : undefined;
  }

  function* rows(options: SignalRowOptions = {}): Generator<WeeklySignalRow> {
    const history = new Map<string, WeeklySignalSummary>();
    for (const summary of options.history ?? []) history.set(summary.key, summary);
    const weekLabels = new Map<number, IsoWeek>();
    const weekLabel = (ordinal: number): IsoWeek => {
      let label = weekLabels.get(ordinal);
      if (!label) {
        label = isoWeekFromOrdinal(ordinal);
        weekLabels.set(ordinal, label);
      }
      return label;
    };

    /** Figures of the same series `weeksBack` weeks earlier: from a cell, else from stored history. */
    const figuresBefore = (key: number, series: string, weekOrdinal: number, weeksBack: number) => {
      if (weekOrdinal - weeksBack < 0) return undefined;
      const cell = cellByKey.get(key - weeksBack);
      if (cell >= 0) return figuresOf(cell);
      return history.size > 0
        ? history.get(signalKey(series, weekLabel(weekOrdinal - weeksBack)))
        : undefined;
    };
    const countsBefore = (key: number, series: string, weekOrdinal: number): PreviousCounts => {
      if (weekOrdinal < 1) return NO_PREVIOUS_COUNTS;
      const cell = cellByKey.get(key - 1);
      if (cell >= 0) {
        const detail = details.get(cell);
        return detail ? detailCounts(detail) : NO_PREVIOUS_COUNTS;
      }
      const summary =
        history.size > 0 ? history.get(signalKey(series, weekLabel(weekOrdinal - 1))) : undefined;
      return summary?.detail ? summaryCounts(summary.detail) : NO_PREVIOUS_COUNTS;
    };
    const trailingFigures = (key: number, series: string, weekOrdinal: number) => {
      const trailing: (WeekFigures | undefined)[] = [];
      for (let back = 1; back <= resolved.baselineWeeks; back++)
        trailing.push(figuresBefore(key, series, weekOrdinal, back));
      return trailing;
    };

    const buildRow = (cell: number): WeeklySignalRow => {
      const key = cells.key[cell]!;
      const { weekOrdinal, ...dimensions } = dimensionsOf(key);
      const series = seriesKey(dimensions);
      const figures = figuresOf(cell);
      const { platform, region } = unpackKey(key);
      return {
        key: signalKey(series, dimensions.isoWeek),
        ...dimensions,
        volume: figures.volume,
        positiveMentions: cells.positive[cell]!,
        neutralMentions: cells.neutral[cell]!,
        negativeMentions: cells.negative[cell]!,
        positiveShare: figures.positiveShare,
        neutralShare: figures.neutralShare,
        negativeShare: figures.negativeShare,
        sentimentIndex: figures.sentimentIndex,
        weightTotal: cells.weightTotal[cell]!,
        lowTrustMentions: cells.lowTrust[cell]!,
        meanAuthenticity: figures.volume > 0 ? cells.authenticitySum[cell]! / figures.volume : 1,
        volatility:
          platform !== 0
            ? null
            : cells.daySumsSlot[cell]! === 0
              ? 0
              : volatilityOfDaySums(daySums, (cells.daySumsSlot[cell]! - 1) * WEEK_DAY_SUMS),
        kolShare: influencerWeightShare(cells.influencerWeight[cell]!, cells.weightTotal[cell]!),
        baseline: baselineComparison(
          figures,
          trailingFigures(key, series, weekOrdinal),
          resolved.minHistoryWeeks,
        ),
        weekOverWeek: weekOverWeekChange(figures, figuresBefore(key, series, weekOrdinal, 1)),
        detail:
          platform === 0 && region === 0
            ? buildDetail(key, details.get(cell), countsBefore(key, series, weekOrdinal))
            : null,
      };
    };

    const buildDetail = (
      key: number,
      detail: CellDetail | undefined,
      previous: PreviousCounts,
    ): SignalDetail => {
      const minBase = resolved.growthMinBaseMentions;
      const drivers: AspectDriver[] = [];
      for (const [aspect, [positive, negative]] of detail?.aspects ?? []) {
        for (const [stance, mentions] of [
          ["positive", positive],
          ["negative", negative],
        ] as const) {
          if (mentions === 0) continue;
          const previousWeekMentions = previous.aspectMentions(aspect, stance);
          drivers.push({
            aspect,
            stance,
            mentions,
            previousWeekMentions,
            growth: countGrowth(mentions, previousWeekMentions, minBase),
          });
        }
      }
      drivers.sort(
        (a, b) =>
          b.mentions - a.mentions || compareText(a.aspect, b.aspect) || compareText(a.stance, b.stance),
      );

      const unmetNeeds: UnmetNeed[] = [...(detail?.requests ?? [])]
        .sort(([keyA, a], [keyB, b]) => b.mentions - a.mentions || compareText(keyA, keyB))
        .slice(0, resolved.maxUnmetNeeds)
        .map(([clusterKey, { normalized, mentions }]) => {
          const previousWeekMentions = previous.unmetNeedMentions(clusterKey);
          return {
            clusterKey,
            normalized,
            mentions,
            previousWeekMentions,
            growth: countGrowth(mentions, previousWeekMentions, minBase),
          };
        });

      const influencers: Influencer[] = [...(detail?.influencers ?? [])]
        .sort(([hashA, a], [hashB, b]) => b.reachFollowers - a.reachFollowers || compareText(hashA, hashB))
        .slice(0, resolved.maxInfluencers)
        .map(([authorHash, author]) => {
          const meanPolarity = author.polaritySum / author.mentions;
          return {
            authorHash,
            platform: author.platform,
            reachFollowers: author.reachFollowers,
            mentions: author.mentions,
            meanPolarity,
            stance: stanceOf(meanPolarity, resolved.stanceNeutralBand),
          };
        });

      // Slices are the sibling cells one platform (or region) slot away: probing every known slot is
      // cheap because a shop has a handful of platforms and regions.
      const { productVariant, weekOrdinal } = unpackKey(key);
      const split = (values: readonly string[], keyOf: (slot: number) => number): SplitEntry[] => {
        const entries: SplitEntry[] = [];
        for (let slot = 1; slot < values.length; slot++) {
          const slice = cellByKey.get(keyOf(slot));
          if (slice < 0) continue;
          const { neutralShare, positiveShare, negativeShare, sentimentIndex, volume } = figuresOf(slice);
          entries.push({
            value: values[slot]!,
            volume,
            positiveShare,
            neutralShare,
            negativeShare,
            sentimentIndex,
            lowTrustMentions: cells.lowTrust[slice]!,
          });
        }
        return entries.sort((a, b) => b.volume - a.volume || compareText(a.value, b.value));
      };
      return {
        drivers,
        influencers,
        unmetNeeds,
        platformSplit: split(platformBySlot, (slot) => packKey(productVariant, slot, 0, weekOrdinal)),
        regionSplit: split(regionBySlot, (slot) => packKey(productVariant, 0, slot, weekOrdinal)),
      };
    };

    const retrend = (stored: WeeklySignalRow): WeeklySignalRow => {
      // A week this run did not see: its own figures stand; its trends move with the recomputed past.
      const { seriesKey: series, isoWeek: week } = splitSignalKey(stored.key);
      const weekOrdinal = isoWeekOrdinal(week);
      // A key this accumulator cannot hold (-2^60) never matches a cell, so only history is read.
      const probeKey = numericKeyOf(stored.key) ?? -(2 ** 60);
      const minBase = resolved.growthMinBaseMentions;
      const previous = countsBefore(probeKey, series, weekOrdinal);
      return {
        ...stored,
        baseline: baselineComparison(
          stored,
          trailingFigures(probeKey, series, weekOrdinal),
          resolved.minHistoryWeeks,
        ),
        weekOverWeek: weekOverWeekChange(stored, figuresBefore(probeKey, series, weekOrdinal, 1)),
        detail: stored.detail && {
          ...stored.detail,
          drivers: stored.detail.drivers.map((driver) => {
            const previousWeekMentions = previous.aspectMentions(driver.aspect, driver.stance);
            return {
              ...driver,
              previousWeekMentions,
              growth: countGrowth(driver.mentions, previousWeekMentions, minBase),
            };
          }),
          unmetNeeds: stored.detail.unmetNeeds.map((need) => {
            const previousWeekMentions = previous.unmetNeedMentions(need.clusterKey);
            return {
              ...need,
              previousWeekMentions,
              growth: countGrowth(need.mentions, previousWeekMentions, minBase),
            };
          }),
        },
      };
    };

    if (options.onlyKeys) {
      for (const key of new Set(options.onlyKeys)) {
        const numericKey = numericKeyOf(key);
        const cell = numericKey === undefined ? -1 : cellByKey.get(numericKey);
        if (cell >= 0) yield buildRow(cell);
        else {
          const stored = history.get(key);
          if (stored && isFullRow(stored)) yield retrend(stored);
        }
      }
      return;
    }
    for (let cell = 0; cell < cells.size; cell++) yield buildRow(cell);
  }

  return {
    settings: resolved,
    get cellCount() {
      return cells.size;
    },
    add: (mention) => add(mention),
    addBatch(mentions) {
      const touched = new Set<number>();
      for (const mention of mentions) add(mention, touched);
      const keys = new Set<string>();
      for (const key of touched) {
        const { weekOrdinal: _, ...dimensions } = dimensionsOf(key);
        keys.add(signalKey(seriesKey(dimensions), dimensions.isoWeek));
      }
      return keys;
    },
    rows,
  };
}

/**
 * Returns every weekly signal row for one shop's mentions: a one-shot wrapper around
 * {@link createWeeklySignalAccumulator} for small inputs and tests.
 *
 * @example
 * const rows = aggregateWeeklySignals(mentions, { timeZone: "Europe/Berlin" });
 */
export function aggregateWeeklySignals(
  mentions: Iterable<ScoredMention>,
  settings: Partial<SignalSettings> = {},
  options: SignalRowOptions = {},
): WeeklySignalRow[] {
  const accumulator = createWeeklySignalAccumulator(settings);
  for (const mention of mentions) accumulator.add(mention);
  return [...accumulator.rows(options)];
}

// Same separator as signalKey.ts: interned product/variant names and parsed keys must agree.
const SEPARATOR = "\u001f";

function detailCounts(detail: CellDetail): PreviousCounts {
  return {
    aspectMentions: (aspect, stance) => detail.aspects?.get(aspect)?.[stance === "positive" ? 0 : 1] ?? 0,
    unmetNeedMentions: (clusterKey) => detail.requests?.get(clusterKey)?.mentions ?? 0,
  };
}

function summaryCounts(detail: NonNullable<WeeklySignalSummary["detail"]>): PreviousCounts {
  return {
    aspectMentions: (aspect, stance) =>
      detail.drivers.find((driver) => driver.aspect === aspect && driver.stance === stance)?.mentions ?? 0,
    unmetNeedMentions: (clusterKey) =>
      detail.unmetNeeds.find((need) => need.clusterKey === clusterKey)?.mentions ?? 0,
  };
}

function isFullRow(summary: WeeklySignalSummary): summary is WeeklySignalRow {
  return "isoWeek" in summary && "baseline" in summary && "weekOverWeek" in summary;
}

/** Code-unit order: deterministic in every locale and far cheaper than localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function finiteClamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function stanceOf(polarity: number, neutralBand: number): Stance {
  if (polarity > neutralBand) return "positive";
  if (polarity < -neutralBand) return "negative";
  return "neutral";
}

/** Trusts the scorer's label; a missing or unknown label (bad stored data) falls back to the polarity's sign. */
function labelOf(label: string, polarity: number, neutralBand: number): SentimentLabel {
  if (label === "positive" || label === "neutral" || label === "negative") return label;
  return stanceOf(polarity, neutralBand);
}
