import { z } from "zod";
import { PUBLIC_INFLUENCER_REACH } from "./authorHash";

/** Mentions older than this many days are purged unless the shop sets another retention. */
export const DEFAULT_RETENTION_DAYS = 365;

/**
 * `Shop.settings.listening`: retention of mentions, the reach from which a public account's handle
 * is shown, and the suggested keywords the merchant removed (never suggested again).
 */
export const listeningSettingsSchema = z.object({
  retentionDays: z.coerce.number().int().min(7).max(3_650).default(DEFAULT_RETENTION_DAYS),
  publicInfluencerReach: z.coerce.number().int().min(0).default(PUBLIC_INFLUENCER_REACH),
  dismissedSuggestions: z.array(z.string()).default([]),
});

export type ListeningSettings = z.infer<typeof listeningSettingsSchema>;

/**
 * Returns the listening settings stored in a shop's settings JSON, with defaults for anything
 * missing; a malformed value falls back to its default rather than stopping ingestion.
 *
 * @example
 * listeningSettingsOf(null).retentionDays; // 365
 * listeningSettingsOf({ listening: { retentionDays: 90 } }).retentionDays; // 90
 */
export function listeningSettingsOf(settings: unknown): ListeningSettings {
  const section =
    settings && typeof settings === "object" && !Array.isArray(settings)
      ? (settings as Record<string, unknown>).listening
      : undefined;
  const raw = section && typeof section === "object" && !Array.isArray(section) ? section : {};
  const parsed = listeningSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the fields that are valid: one bad number must not reset the dismissed suggestions.
  const fallback = listeningSettingsSchema.parse({});
  for (const key of Object.keys(fallback) as (keyof ListeningSettings)[]) {
    const field = listeningSettingsSchema.shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (field.success) (fallback as Record<string, unknown>)[key] = field.data;
  }
  return fallback;
}
