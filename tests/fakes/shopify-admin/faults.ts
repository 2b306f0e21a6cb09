/**
 * Faults a test or the demo can inject into the next Admin API requests, in order.
 * Shopify's real failure modes: a throttled answer (HTTP 200 with a THROTTLED error), a 500 or
 * 502 from the edge, a request that never answers, and a dropped connection.
 */
export type AdminFaultKind = "throttled" | "http500" | "http502" | "timeout" | "network";

export interface AdminFault {
  kind: AdminFaultKind;
  /** Only fire for this operation name; other requests pass untouched. */
  operationName?: string;
}

/** A first-in, first-out queue of faults, each consumed by one matching request. */
export interface FaultQueue {
  /** Adds a fault for a later request. */
  enqueue(fault: AdminFault): void;
  /** Removes and returns the first fault that applies to this operation, if any. */
  take(operationName: string | undefined): AdminFault | undefined;
  /** Faults not yet consumed. */
  pending(): readonly AdminFault[];
  /** Drops every queued fault. */
  clear(): void;
}

/**
 * Creates an empty fault queue.
 *
 * @example
 * const faults = createFaultQueue();
 * faults.enqueue({ kind: "http502" });
 * faults.take("Products")?.kind; // "http502"
 */
export function createFaultQueue(): FaultQueue {
  const queue: AdminFault[] = [];
  return {
    enqueue(fault) {
      queue.push({ ...fault });
    },
    take(operationName) {
      const index = queue.findIndex(
        (f) => f.operationName === undefined || f.operationName === operationName,
      );
      if (index < 0) return undefined;
      return queue.splice(index, 1)[0];
    },
    pending() {
      return [...queue];
    },
    clear() {
      queue.length = 0;
    },
  };
}
