import { z } from "zod";
import { env } from "~/config/env.server";

/**
 * A zod schema for a provider base URL override (tests and demo point connectors at local fakes).
 * In production only the provider's own https hosts are accepted, so a value saved in a source's
 * config can never send credentials to another server or reach loopback/private ranges.
 * @example providerBaseUrl(["oauth.reddit.com"]).parse("https://oauth.reddit.com") // "https://oauth.reddit.com"
 */
export function providerBaseUrl(officialHosts: readonly string[]) {
  return z
    .string()
    .url()
    .transform((value) => value.replace(/\/+$/, ""))
    .refine(
      (value) => {
        if (env().nodeEnv !== "production") return true;
        const url = new URL(value);
        return url.protocol === "https:" && officialHosts.includes(url.host);
      },
      { message: `Must be one of: ${officialHosts.map((host) => `https://${host}`).join(", ")}.` },
    );
}
