import { createFaultInjectingDispatcher, type WireFault } from "@polycloud/testkit";
import { createInMemoryAllocator } from "polycloud-example-in-memory-provider";
import { startInMemoryCloud } from "polycloud-example-in-memory-provider/cloud";
import { createSeededRandom } from "@polycloud/emulator";
import type { AllocateFault, ConvergenceSubject } from "./convergence-subjects.js";

const ACCESS_TOKEN = "reliability-in-memory-token";

/** The provider-neutral faults the testkit's dispatcher injects, for each emulator fault kind. */
const WIRE_FAULTS: Record<AllocateFault, WireFault> = {
  "reset-before": { kind: "reset-before" },
  "server-error": { kind: "respond", status: 500, headers: { "content-type": "text/plain" }, body: "internal error" },
  "reset-after-commit": { kind: "lose-answer" },
};

/**
 * The in-memory example adapter (a third-party adapter on core's engine) against its loopback cloud, whose
 * listing lags `lagMs`. Its faults come from the testkit's fault-injecting dispatcher, drawn with a seeded PRNG.
 */
export async function startInMemorySubject(seed: number, lagMs: number): Promise<ConvergenceSubject> {
  const running = await startInMemoryCloud({ accessToken: ACCESS_TOKEN, listingLagMs: lagMs, provisioningDelayMs: 20 });
  const dispatcher = createFaultInjectingDispatcher();
  const random = createSeededRandom(seed);
  const allocators: Array<{ close(): Promise<void> }> = [];
  return {
    adapter: "in-memory example",
    createAllocator() {
      const allocator = createInMemoryAllocator(
        {
          endpoint: running.endpoint,
          accessToken: ACCESS_TOKEN,
          retry: { maxAttempts: 5, baseDelayMs: 2, maxDelayMs: 20 },
          reconcile: { checks: 5, intervalMs: 40 },
        },
        { dispatcher },
      );
      allocators.push(allocator);
      return allocator;
    },
    request: (_target, idempotencyKey) => ({
      location: { zone: "mem-1a" },
      count: 2,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
    faultAllocate(kind, probability) {
      dispatcher.inject({
        match: (request) => request.url.endsWith("/v1/AllocateIps") && random() < probability,
        fault: WIRE_FAULTS[kind],
        times: Number.MAX_SAFE_INTEGER,
      });
    },
    faultsFired: () => dispatcher.fired,
    liveIds: () => running.cloud.list().map((ip) => ip.id),
    async close() {
      await Promise.all(allocators.map((allocator) => allocator.close()));
      await dispatcher.close();
      await running.close();
    },
  };
}
