import type { RetryOptions } from "./retry-options.js";

/**
 * Delay before retry number `retry` (1 = the first retry): capped exponential backoff, with full jitter
 * unless disabled. `random` returns a number in [0, 1).
 * @public
 */
export function computeBackoffDelay(
  retry: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "jitter">,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return options.jitter === "full" ? Math.floor(random() * exponential) : exponential;
}
