import type { RetryBudget } from "./retry-budget.js";

/** How failed attempts are retried. @public */
export interface RetryOptions {
  /** Total attempts including the first; 1 disables retries. Default 3. */
  maxAttempts: number;
  /** Base of the exponential backoff. Default 100 ms. */
  baseDelayMs: number;
  /**
   * Base of the backoff after a throttling error (RATE_LIMITED without a Retry-After hint). Default 500 ms,
   * as in smithy's standard strategy: a throttled provider needs longer than a dropped connection.
   */
  throttlingBaseDelayMs: number;
  /** Cap of a single backoff delay. Default 20 s. */
  maxDelayMs: number;
  /** `full`: a uniform delay in [0, backoff] (AWS "full jitter"); `none`: the backoff itself. Default full. */
  jitter: "full" | "none";
  /** Server-provided Retry-After is honoured up to this many milliseconds; longer hints fail fast. Default 60 s. */
  maxRetryAfterMs: number;
  /** Shared token bucket that stops a failing provider from being hammered; `false` disables it. */
  budget: RetryBudget | false;
}

/** Defaults used when an adapter's settings say nothing. @public */
export const DEFAULT_RETRY_OPTIONS: Readonly<Omit<RetryOptions, "budget">> = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  jitter: "full",
  maxRetryAfterMs: 60_000,
};
