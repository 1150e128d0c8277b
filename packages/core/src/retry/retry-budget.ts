import type { IpAllocatorError } from "../errors/ip-allocator-error.js";

/** Token bucket sizes; the defaults are smithy-typescript's standard retry strategy. @public */
export interface RetryBudgetOptions {
  /** Bucket size. Default 500. */
  capacity: number;
  /** Cost of retrying after an ordinary retryable error. Default 5. */
  retryCost: number;
  /** Cost of retrying after a timeout or network error (they hold sockets longer). Default 10. */
  timeoutRetryCost: number;
  /** Tokens returned by a success that needed no retry. Default 1. */
  successRefill: number;
}

/**
 * A retry budget shared by every call of an allocator: each retry spends tokens, each success refills
 * some, and when the bucket is empty errors are returned at once instead of retried. This bounds the
 * extra load a client adds to a provider that is already failing.
 * @public
 */
export class RetryBudget {
  private readonly options: RetryBudgetOptions;
  private tokens: number;
  private resumeAt = 0;

  constructor(options: Partial<RetryBudgetOptions> = {}) {
    this.options = { capacity: 500, retryCost: 5, timeoutRetryCost: 10, successRefill: 1, ...options };
    this.tokens = this.options.capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.tokens;
  }

  /** Spends the cost of retrying after `error`; returns the amount spent, or undefined when the budget is exhausted. */
  acquire(error: IpAllocatorError): number | undefined {
    const cost =
      error.code === "TIMEOUT" || error.code === "NETWORK" ? this.options.timeoutRetryCost : this.options.retryCost;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }

  /**
   * Remembers until when the provider throttles (its Retry-After, or the throttling backoff), so that every call
   * of the allocator waits it out, not only the throttled one: new calls would otherwise take the slots the
   * waiting retries need, and keep the provider saturated.
   */
  holdUntil(epochMs: number): void {
    this.resumeAt = Math.max(this.resumeAt, epochMs);
  }

  /** How long an attempt starting at `nowMs` should wait for a Retry-After hold to pass (0 when none). */
  holdRemaining(nowMs: number): number {
    return Math.max(0, this.resumeAt - nowMs);
  }

  /** Called after a successful operation: gives back what its retries spent, or the success refill. */
  release(spent: number): void {
    const refill = spent > 0 ? spent : this.options.successRefill;
    this.tokens = Math.min(this.options.capacity, this.tokens + refill);
  }
}
