import { existsSync } from "node:fs";

/** Debian's Chromium (apt-get install -y chromium), or PULSE_CHROMIUM_PATH. Never a downloaded browser. */
export function findChromium(): string | null {
  const candidates = [process.env.PULSE_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/** Flags for a headless, offline, root-run Chromium (see DEVELOPERS notes in README). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
