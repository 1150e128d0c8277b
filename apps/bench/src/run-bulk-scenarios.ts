import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { RetryBudget, type RetryOptions } from "@polycloud/core";
import { DEFAULT_ALIBABA_SEED, DEFAULT_ZENLAYER_SEED, parseEmulatorSeed, startEmulator } from "@polycloud/emulator";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { BENCH_CREDENTIALS, BENCH_REGION } from "./create-allocate-clients.js";
import { runBulkAllocation, type BulkRunResult } from "./run-bulk-allocation.js";

/** Retry settings a bulk scenario passes to the allocator (undefined = the adapter's defaults). */
export type BulkRetrySettings = Partial<Omit<RetryOptions, "budget">> | undefined;

/** The shape of one bulk scenario: count, concurrency, the emulator's limit per window, retry settings. */
export interface BulkScenarioOptions {
  count: number;
  concurrency: number;
  limit: number;
  windowMs: number;
  retry: BulkRetrySettings;
  /** Capacity of the allocator's retry budget (undefined = the default 500). */
  retryBudgetCapacity?: number;
  /** Set the adapter's `rateLimit` to the emulator's limit. */
  rateLimited?: boolean;
}

/** A bulk run plus the emulator's own count of committed allocations. */
export interface BulkScenarioResult extends BulkRunResult {
  recordedAllocations: number;
}

/** The settings every bulk allocator shares: the scenario's retry settings and, when asked, its rate limit. */
function buildSharedSettings(options: BulkScenarioOptions) {
  return {
    credentials: { ...BENCH_CREDENTIALS },
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.rateLimited === true ? { rateLimit: { maxRequests: options.limit, windowMs: options.windowMs } } : {}),
  };
}

/** `count` Running instances with bandwidth, each able to take one system public IP. */
function buildAlibabaBulkSeed(count: number) {
  const instances = Array.from({ length: count }, (_, index) => ({
    instanceId: `i-bulk${String(index).padStart(6, "0")}`,
    status: "Running",
    internetMaxBandwidthOut: 5,
  }));
  return parseEmulatorSeed({ alibaba: { ...DEFAULT_ALIBABA_SEED, instances } });
}

/**
 * Alibaba: a fresh emulator whose flow control admits `limit` calls per action per window, `count` seeded
 * instances, and one polycloud allocator allocating each instance's IP once.
 */
export async function runAlibabaBulkScenario(options: BulkScenarioOptions): Promise<BulkScenarioResult> {
  const emulator = await startEmulator({
    seed: buildAlibabaBulkSeed(options.count),
    alibaba: { flowControl: { limit: options.limit, windowMs: options.windowMs } },
  });
  const allocator = createAlibabaEcsAllocator(
    { region: BENCH_REGION, endpoint: emulator.alibaba.endpoint, ...buildSharedSettings(options) },
    options.retryBudgetCapacity === undefined
      ? {}
      : { retryBudget: new RetryBudget({ capacity: options.retryBudgetCapacity }) },
  );
  try {
    const result = await runBulkAllocation(
      (index, hooks) =>
        allocator.allocate(
          { location: { region: BENCH_REGION }, instanceId: `i-bulk${String(index).padStart(6, "0")}` },
          { hooks },
        ),
      options,
    );
    return { ...result, recordedAllocations: emulator.events.count({ provider: "alibaba", kind: "allocate" }) };
  } finally {
    await allocator.close();
    await emulator.close();
  }
}

/** Zenlayer: a fresh emulator rate-limited to `limit` requests per window; each allocate asks for one EIP. */
export async function runZenlayerBulkScenario(options: BulkScenarioOptions): Promise<BulkScenarioResult> {
  const emulator = await startEmulator({
    seed: { zenlayer: DEFAULT_ZENLAYER_SEED },
    zenlayer: { rateLimit: { maxRequests: options.limit, windowMs: options.windowMs } },
  });
  const allocator = createZenlayerEipAllocator(
    { endpoint: emulator.zenlayer.endpoint, ...buildSharedSettings(options) },
    options.retryBudgetCapacity === undefined
      ? {}
      : { retryBudget: new RetryBudget({ capacity: options.retryBudgetCapacity }) },
  );
  try {
    const result = await runBulkAllocation(
      (_index, hooks) => allocator.allocate({ location: { zone: "SEL-A" }, count: 1 }, { hooks }),
      options,
    );
    return { ...result, recordedAllocations: emulator.events.count({ provider: "zenlayer", kind: "allocate" }) };
  } finally {
    await allocator.close();
    await emulator.close();
  }
}
