import type { ZenlayerRateLimit } from "./resolve-zenlayer-options.js";

/**
 * Sliding-window rate limiter keyed by caller (access key, or account for Bearer tokens). Rejected calls
 * are not counted, so a client that backs off as the SDKs do (1 s, 2 s, 4 s) gets through again.
 */
export class RequestRateLimiter {
  readonly #limit: ZenlayerRateLimit | false;
  readonly #calls = new Map<string, number[]>();

  constructor(limit: ZenlayerRateLimit | false) {
    this.#limit = limit;
  }

  /** Counts a call at `now` (ms) and returns true, or returns false when the window is full. */
  tryAcquire(key: string, now: number): boolean {
    if (this.#limit === false) return true;
    const windowStart = now - this.#limit.windowMs;
    const calls = (this.#calls.get(key) ?? []).filter((at) => at > windowStart);
    this.#calls.set(key, calls);
    if (calls.length >= this.#limit.maxRequests) return false;
    calls.push(now);
    return true;
  }
}
