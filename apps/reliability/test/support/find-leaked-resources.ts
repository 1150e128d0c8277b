import { setTimeout as sleep } from "node:timers/promises";

/** Handle types that keep a process alive after a scenario: sockets, servers and (ref'd) timers. */
const WATCHED_TYPES = ["TCPSocketWrap", "TCPServerWrap", "Timeout"] as const;

/** Counts of watched handle types, from `process.getActiveResourcesInfo()` (only what keeps the loop alive). */
export type ResourceCounts = Record<(typeof WATCHED_TYPES)[number], number>;

/** Counts the handles that would keep this process from exiting right now. */
export function countActiveResources(): ResourceCounts {
  const counts: ResourceCounts = { TCPSocketWrap: 0, TCPServerWrap: 0, Timeout: 0 };
  for (const type of process.getActiveResourcesInfo()) {
    if (type in counts) counts[type as keyof ResourceCounts] += 1;
  }
  return counts;
}

/** Options of {@link findLeakedResources}. */
export interface FindLeakedResourcesOptions {
  /** How long handles may take to go away (sockets close a tick or two after `close()` resolves). Default 2 s. */
  settleMs?: number;
  /** Handles expected on top of the baseline, e.g. `{ TCPServerWrap: 2 }` while an emulator still listens. */
  expected?: Partial<ResourceCounts>;
}

/**
 * Waits for the watched handles to drop back to `baseline` (plus `expected`) and returns what is left over,
 * e.g. `["TCPSocketWrap +1"]`; empty when nothing leaked.
 */
export async function findLeakedResources(
  baseline: ResourceCounts,
  options: FindLeakedResourcesOptions = {},
): Promise<string[]> {
  const deadline = Date.now() + (options.settleMs ?? 2_000);
  const allowed = WATCHED_TYPES.map((type) => baseline[type] + (options.expected?.[type] ?? 0));
  for (;;) {
    // Measured after the sleep resolves, so the sleep's own timer is already gone.
    const current = countActiveResources();
    const leftovers = WATCHED_TYPES.flatMap((type, index) =>
      current[type] > (allowed[index] ?? 0) ? [`${type} +${current[type] - (allowed[index] ?? 0)}`] : [],
    );
    if (leftovers.length === 0 || Date.now() >= deadline) return leftovers;
    await sleep(10);
  }
}
