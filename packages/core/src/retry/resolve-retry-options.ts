import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry-options.js";

/**
 * Merges the allocator's retry settings with a per-call override (`false` = a single attempt).
 * @public
 */
export function resolveRetryOptions(
  base: Partial<RetryOptions> & Pick<RetryOptions, "budget">,
  override?: Partial<RetryOptions> | false,
): RetryOptions {
  const merged: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...base, ...(override || {}) };
  return override === false ? { ...merged, maxAttempts: 1 } : merged;
}
