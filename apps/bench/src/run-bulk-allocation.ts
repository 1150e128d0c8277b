import type { OperationHooks } from "@polycloud/core";

/** What one bulk run observed from the caller's side. */
export interface BulkRunResult {
  allocated: number;
  /** Failures that reached the caller, after polycloud's retries. */
  errors: number;
  /** Error codes that reached the caller, with counts (e.g. `RATE_LIMITED: 3`). */
  errorCodes: Record<string, number>;
  /** Retries polycloud made (each one a throttled or failed attempt it absorbed). */
  retries: number;
  elapsedMs: number;
}

/**
 * Allocates `count` IPs, `concurrency` at a time, each exactly once from the caller's side (no caller
 * retries): `allocate(index, hooks)` must pass `hooks` to the allocator so retries are counted.
 */
export async function runBulkAllocation(
  allocate: (index: number, hooks: OperationHooks) => Promise<unknown>,
  options: { count: number; concurrency: number },
): Promise<BulkRunResult> {
  const result: BulkRunResult = { allocated: 0, errors: 0, errorCodes: {}, retries: 0, elapsedMs: 0 };
  const hooks: OperationHooks = { onRetry: () => (result.retries += 1) };
  let next = 0;
  const runWorker = async () => {
    while (next < options.count) {
      const index = next;
      next += 1;
      try {
        await allocate(index, hooks);
        result.allocated += 1;
      } catch (error) {
        result.errors += 1;
        const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "UNKNOWN";
        result.errorCodes[code] = (result.errorCodes[code] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, runWorker));
  result.elapsedMs = performance.now() - started;
  return result;
}
