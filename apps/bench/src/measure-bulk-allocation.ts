import { formatNumber, type ResultTable } from "./format-table.js";
import {
  runAlibabaBulkScenario,
  runZenlayerBulkScenario,
  type BulkScenarioOptions,
  type BulkScenarioResult,
} from "./run-bulk-scenarios.js";

/** One provider × settings run of the bulk table. */
export interface BulkRow extends BulkScenarioResult {
  provider: string;
  settings: string;
  /** Ideal elapsed time ÷ measured elapsed time, see {@link computeShareOfLimit}. */
  shareOfLimit: number;
  meetsTarget: boolean;
}

/** The bulk table: each provider with default retry, tuned retry, and the adapters' `rateLimit`. */
export interface BulkResult {
  count: number;
  concurrency: number;
  limit: number;
  windowMs: number;
  rows: BulkRow[];
  table: ResultTable;
}

const WINDOW_MS = 1_000;

/** The retry settings that come closest without a rate limiter (found by trying; see README). */
export const TUNED_RETRY = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 250, jitter: "none" } as const;
const TUNED_BUDGET_CAPACITY = 5_000;

const SETTINGS: Array<{
  label: string;
  options: Pick<BulkScenarioOptions, "retry" | "retryBudgetCapacity" | "rateLimited">;
}> = [
  { label: "adapter defaults", options: { retry: undefined } },
  {
    label: "retry 10 attempts, 100→250 ms, no jitter, budget 5000",
    options: { retry: TUNED_RETRY, retryBudgetCapacity: TUNED_BUDGET_CAPACITY },
  },
  { label: "defaults + rateLimit at the limit", options: { retry: undefined, rateLimited: true } },
];

/**
 * Throughput as a share of the limit: a sliding window admits `limit` calls at once and `limit` more each
 * `windowMs` after, so `n` successful allocations need at least floor((n − 1) / limit) windows; the share is
 * that ideal time ÷ the measured time (1.0 = the limit fully used, counting the free first window).
 */
export function computeShareOfLimit(allocated: number, limit: number, windowMs: number, elapsedMs: number): number {
  return (Math.max(0, Math.floor((allocated - 1) / limit)) * windowMs) / elapsedMs;
}

/**
 * Table 5. For each provider and setting: a fresh in-process emulator limited to `limit` calls per 1 s
 * window (Alibaba: per action and AccessKey, and allocate calls one action; Zenlayer: per access key), then
 * `count` allocations at `concurrency`. Errors are what reached the caller after polycloud's retries;
 * "recorded" is the emulator's own count of committed allocations (must equal "allocated": no duplicates).
 */
export async function measureBulkAllocation(options: {
  count: number;
  concurrency: number;
  limit: number;
}): Promise<BulkResult> {
  const rows: BulkRow[] = [];
  for (const [provider, run] of [
    ["alibaba-ecs", runAlibabaBulkScenario],
    ["zenlayer-eip", runZenlayerBulkScenario],
  ] as const) {
    for (const { label, options: settings } of SETTINGS) {
      const result = await run({ ...options, windowMs: WINDOW_MS, ...settings });
      const shareOfLimit = computeShareOfLimit(result.allocated, options.limit, WINDOW_MS, result.elapsedMs);
      rows.push({
        ...result,
        provider,
        settings: label,
        shareOfLimit,
        meetsTarget: shareOfLimit >= 0.95 && result.errors === 0,
      });
    }
  }
  return { ...options, windowMs: WINDOW_MS, rows, table: buildBulkTable(rows, options) };
}

function buildBulkTable(rows: BulkRow[], options: { count: number; concurrency: number; limit: number }): ResultTable {
  return {
    title: `5. Bulk: ${options.count} IPs at concurrency ${options.concurrency} against an emulator limit of ${options.limit} calls / 1 s`,
    leftAlignedColumns: 2,
    columns: [
      "provider",
      "settings",
      "allocated",
      "errors to caller",
      "retries",
      "elapsed s",
      "allocs/s",
      "share of limit",
      "recorded",
      "target",
    ],
    rows: rows.map((row) => [
      row.provider,
      row.settings,
      String(row.allocated),
      row.errors === 0
        ? "0"
        : `${row.errors} (${Object.entries(row.errorCodes)
            .map(([code, count]) => `${code} ${count}`)
            .join(", ")})`,
      String(row.retries),
      formatNumber(row.elapsedMs / 1000, 2),
      formatNumber((row.allocated / row.elapsedMs) * 1000, 1),
      `${formatNumber(row.shareOfLimit * 100, 1)}%`,
      String(row.recordedAllocations),
      row.meetsTarget ? "met" : "MISSED",
    ]),
    notes: [
      "target: share of limit ≥ 95% and 0 errors reaching the caller.",
      "share of limit = ideal time (floor((allocated − 1) / limit) windows) ÷ measured time; the caller never retries.",
      "rateLimit = the adapters' admission control set to the emulator's limit ({ maxRequests: limit, windowMs: 1000 }).",
    ],
  };
}
