/**
 * A clock shared by a connector run (`now`, `sleep`) and a fake provider server: sleeping moves
 * time forward at once, so rate limits and quota days are tested without waiting.
 */
export function virtualClock(startIso: string) {
  let nowMs = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    nowMs: () => nowMs,
    now: () => new Date(nowMs),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += Math.max(0, ms);
    },
    advance(ms: number) {
      nowMs += ms;
    },
    set(iso: string) {
      nowMs = Date.parse(iso);
    },
    sleeps,
  };
}

/** Runs a connector's `pull` to the end and returns its pages. */
export async function collectPages<Page>(
  pages: AsyncIterable<Page>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Page[]> {
  const result: Page[] = [];
  for await (const page of pages) {
    result.push(page);
    if (result.length >= limit) break;
  }
  return result;
}
