/**
 * Shopify's calculated-query-cost rate limit: a leaky bucket of points per app and shop that
 * refills at `restoreRate` points a second. A query whose requested cost exceeds what is
 * available is refused (HTTP 200, `THROTTLED`); after execution the difference between the
 * requested and the actual cost is refunded.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostBucket {
  /** The bucket after refilling for the time elapsed since the last call. */
  status(): ThrottleStatus;
  /** Takes `points` if available; false (and nothing taken) otherwise. */
  tryTake(points: number): boolean;
  /** Gives points back (requested − actual after execution), capped at the maximum. */
  refund(points: number): void;
  /** Sets the available points, e.g. to start a test with a nearly empty bucket. */
  set(points: number): void;
}

export interface CostBucketOptions {
  maximumAvailable?: number;
  restoreRate?: number;
  /** Milliseconds since the epoch; injectable so tests control refills. */
  nowMs: () => number;
}

/**
 * Creates a full bucket (2000 points, 100 points a second by default: Shopify Plus figures).
 *
 * @example
 * let t = 0;
 * const bucket = createCostBucket({ nowMs: () => t });
 * bucket.tryTake(1990); // true
 * t += 1000; // one second later 100 points are back
 * bucket.status().currentlyAvailable; // 110
 */
export function createCostBucket(options: CostBucketOptions): CostBucket {
  const maximumAvailable = options.maximumAvailable ?? 2000;
  const restoreRate = options.restoreRate ?? 100;
  let available = maximumAvailable;
  let lastMs = options.nowMs();

  function refill(): void {
    const now = options.nowMs();
    const elapsedSeconds = Math.max(0, now - lastMs) / 1000;
    available = Math.min(maximumAvailable, available + elapsedSeconds * restoreRate);
    lastMs = now;
  }

  return {
    status() {
      refill();
      // Shopify reports whole points.
      return { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate };
    },
    tryTake(points) {
      refill();
      if (points > available) return false;
      available -= points;
      return true;
    },
    refund(points) {
      refill();
      available = Math.min(maximumAvailable, available + Math.max(0, points));
    },
    set(points) {
      refill();
      available = Math.max(0, Math.min(maximumAvailable, points));
    },
  };
}
