import type { AspectDriver, UnmetNeed } from "~/domain/signals";
import type { DigestInput, DigestProductSignal, DigestSignalWeek } from "~/domain/digest";

/** A product week with the given volume and index; drivers and needs empty unless given. */
export function signalWeek(
  volume: number,
  sentimentIndex: number,
  extra: { drivers?: AspectDriver[]; unmetNeeds?: UnmetNeed[] } = {},
): DigestSignalWeek {
  return {
    volume,
    sentimentIndex,
    negativeShare: 0.2,
    drivers: extra.drivers ?? [],
    unmetNeeds: extra.unmetNeeds ?? [],
  };
}

export function product(
  productId: string,
  title: string,
  current: DigestSignalWeek | null,
  previous: DigestSignalWeek | null,
): DigestProductSignal {
  return { productId, title, current, previous };
}

export function driver(
  aspect: string,
  stance: "positive" | "negative",
  mentions: number,
  previousWeekMentions: number,
): AspectDriver {
  return {
    aspect,
    stance,
    mentions,
    previousWeekMentions,
    growth: { status: "insufficient-base", minBaseMentions: 5 },
  };
}

/** A week with nothing to say; override what the test is about. */
export function quietInput(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    week: "2026-W47",
    shopName: "Acme Outdoor",
    locale: "en",
    appBaseUrl: "https://admin.shopify.com/store/acme/apps/key/app",
    products: [],
    alerts: [],
    pendingCount: 0,
    pending: [],
    appliedAutomatically: [],
    problems: [],
    sourcesChecked: 3,
    ...overrides,
  };
}
