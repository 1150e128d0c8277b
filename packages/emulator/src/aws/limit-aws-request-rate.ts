import type { AwsRateLimit } from "./aws-seed.js";

/**
 * Sliding-window flow control per access key, with optional per-action caps inside the same window.
 * Refused calls are not counted, so a client backing off as the SDKs do gets through again.
 */
export class AwsRequestRateLimiter {
  readonly #limit: AwsRateLimit | false;
  readonly #calls = new Map<string, number[]>();

  constructor(limit: AwsRateLimit | false) {
    this.#limit = limit;
  }

  /** Counts a call of `action` by `accessKeyId` at `now` (ms) and returns true, or returns false when a window is full. */
  tryAcquire(accessKeyId: string, action: string, now: number): boolean {
    if (this.#limit === false) return true;
    const actionLimit = this.#limit.actionLimits?.[action];
    const buckets: Array<[string, number]> = [[accessKeyId, this.#limit.maxRequests]];
    if (actionLimit !== undefined) buckets.push([`${accessKeyId}\n${action}`, actionLimit]);
    const windowStart = now - this.#limit.windowMs;
    const windows = buckets.map(([key, limit]) => {
      const calls = (this.#calls.get(key) ?? []).filter((at) => at > windowStart);
      this.#calls.set(key, calls);
      return { calls, limit };
    });
    if (windows.some(({ calls, limit }) => calls.length >= limit)) return false;
    for (const { calls } of windows) calls.push(now);
    return true;
  }
}
