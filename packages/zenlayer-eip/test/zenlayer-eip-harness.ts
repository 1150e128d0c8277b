import type { IpAllocatorError } from "@polycloud/core";
import { createFaultInjectingDispatcher, type FaultInjectingDispatcher } from "@polycloud/testkit";
import { startEmulator, type FaultRule, type RunningEmulator, type ZenlayerEmulatorOptions } from "@polycloud/emulator";
import {
  createZenlayerEipAllocator,
  type ZenlayerEipDependencyOverrides,
} from "../src/create-zenlayer-eip-allocator.js";
import type { ZenlayerEipAllocator } from "../src/zenlayer-eip-allocator.js";
import type { ZenlayerEipSettings } from "../src/zenlayer-eip-settings.js";

/** The default Zenlayer seed's credentials (see @polycloud/emulator). */
export const TEST_CREDENTIALS = {
  accessKeyId: "polycloud-test-key-id",
  accessKeySecret: "polycloud-test-key-secret",
} as const;
/** The default seed's Bearer token. */
export const TEST_TOKEN = "polycloud-test-token";
/** Values that must never appear in errors, results or hook events. */
export const TEST_SECRETS = [TEST_CREDENTIALS.accessKeySecret, TEST_TOKEN] as const;

/** Emulator delays short enough for a fast suite, long enough that CREATING and RECYCLING are observable. */
export const FAST_EMULATOR: ZenlayerEmulatorOptions = {
  provisioningDelayMs: 60,
  associationDelayMs: 40,
  recycleDelayMs: 40,
  rateLimit: false,
};

/** Adapter pacing matched to {@link FAST_EMULATOR}. */
export const FAST_SETTINGS: ZenlayerEipSettings = {
  pollIntervalMs: 10,
  maxPollIntervalMs: 40,
  requestTimeoutMs: 2_000,
  waitTimeoutMs: 5_000,
  retry: { baseDelayMs: 5, maxDelayMs: 40 },
  reconcile: { checks: 4, intervalMs: 10 },
};

/** One emulator, a request-counting (and fault-injecting) dispatcher and an allocator wired to both. */
export interface Harness {
  emulator: RunningEmulator;
  /** Counts requests (`requests`) and injects wire faults (`inject`), for every allocator of the harness. */
  dispatcher: FaultInjectingDispatcher;
  allocator: ZenlayerEipAllocator;
  /** Another allocator on the same emulator and dispatcher (settings merged over the harness's). */
  createAllocator(settings?: ZenlayerEipSettings, dependencies?: ZenlayerEipDependencyOverrides): ZenlayerEipAllocator;
  /** Adds a fault rule for the Zenlayer emulator. */
  fault(rule: Omit<FaultRule, "provider">): string;
  /** EIPs the emulator has committed (allocate events). */
  allocations(): number;
  /** EIPs allocated and neither in the recycle bin (terminated: billing stopped) nor released. */
  liveAllocations(): number;
  close(): Promise<void>;
}

/** Starts a fresh emulator and allocator; close() closes both. */
export async function startHarness(
  options: { emulator?: ZenlayerEmulatorOptions; settings?: ZenlayerEipSettings } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ zenlayer: { ...FAST_EMULATOR, ...options.emulator } });
  const dispatcher = createFaultInjectingDispatcher();
  const base: ZenlayerEipSettings = {
    ...FAST_SETTINGS,
    endpoint: emulator.zenlayer.endpoint,
    credentials: TEST_CREDENTIALS,
    ...options.settings,
  };
  const allocators: ZenlayerEipAllocator[] = [];
  const createAllocator = (settings: ZenlayerEipSettings = {}, dependencies: ZenlayerEipDependencyOverrides = {}) => {
    const allocator = createZenlayerEipAllocator({ ...base, ...settings }, { dispatcher, env: {}, ...dependencies });
    allocators.push(allocator);
    return allocator;
  };
  return {
    emulator,
    dispatcher,
    allocator: createAllocator(),
    createAllocator,
    fault: (rule) => emulator.faults.add({ provider: "zenlayer", ...rule }),
    allocations: () => emulator.events.count({ provider: "zenlayer", kind: "allocate" }),
    liveAllocations: () => countLiveEips(emulator),
    async close() {
      await Promise.all(allocators.map((allocator) => allocator.close()));
      await emulator.close();
      await dispatcher.close();
    },
  };
}

/** Allocated EIPs minus those terminated (a status change to RECYCLING or RECYCLE) or released, from the event log. */
function countLiveEips(emulator: RunningEmulator): number {
  const events = emulator.events.list({ provider: "zenlayer" });
  const gone = new Set(
    events
      .filter(
        (event) =>
          event.kind === "release" ||
          (event.kind === "status" && ["RECYCLING", "RECYCLE"].includes(String(event.detail?.to))),
      )
      .map((event) => event.resourceId),
  );
  return events.filter((event) => event.kind === "allocate" && !gone.has(event.resourceId)).length;
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<IpAllocatorError> {
  try {
    await promise;
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected the promise to reject");
}
