import { systemClock, type Clock } from "../clock.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { OperationHooks } from "../spec/operation-options.js";
import { computeBackoffDelay } from "./compute-backoff-delay.js";
import type { RetryOptions } from "./retry-options.js";

/** Inputs of {@link runWithRetry}. @public */
export interface RunWithRetryOptions {
  provider: string;
  operation: string;
  retry: RetryOptions;
  clock?: Clock;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  /** Aborts between and during attempts (caller abort or the operation deadline). */
  signal?: AbortSignal;
  hooks?: OperationHooks;
  /**
   * Decides whether a failed attempt may be retried. Defaults to `error.retryable`. Mutations pass a
   * stricter rule so that an ambiguous failure is reconciled by the adapter rather than retried blindly.
   */
  shouldRetry?: (error: IpAllocatorError, attempt: number) => boolean;
}

/** A value plus the retry facts that produced it. @public */
export interface RetryOutcome<T> {
  value: T;
  attempts: number;
  totalRetryDelayMs: number;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, runs out of attempts, exhausts the
 * retry budget, or the signal aborts. Errors are always `IpAllocatorError`s carrying attempt metadata.
 * @public
 */
export async function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RunWithRetryOptions,
): Promise<RetryOutcome<T>> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const shouldRetry = options.shouldRetry ?? ((error: IpAllocatorError) => error.retryable);
  const budget = options.retry.budget === false ? undefined : options.retry.budget;
  let totalRetryDelayMs = 0;
  let spent = 0;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    // Retries already waited out the hold as part of their delay; only a call's first attempt checks it here.
    const held = attemptNumber === 1 ? (budget?.holdRemaining(clock.now()) ?? 0) : 0;
    if (held > 0) {
      try {
        await clock.sleep(held, options.signal);
      } catch (abort) {
        throw toIpAllocatorError(abort, options);
      }
      totalRetryDelayMs += held;
    }
    try {
      const value = await attempt(attemptNumber);
      budget?.release(spent);
      return { value, attempts: attemptNumber, totalRetryDelayMs };
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, options);
      const giveUp = (reason?: string) =>
        reason === undefined
          ? error.withAttempts(attemptNumber, totalRetryDelayMs)
          : new IpAllocatorError({
              ...error.toOptions(),
              attempts: attemptNumber,
              totalRetryDelayMs,
              details: { ...error.details, retryStopped: reason },
            });
      if (options.signal?.aborted || attemptNumber >= options.retry.maxAttempts || !shouldRetry(error, attemptNumber))
        throw giveUp();
      const throttled = error.category === "throttling";
      const baseDelayMs = throttled ? options.retry.throttlingBaseDelayMs : options.retry.baseDelayMs;
      let delayMs = computeBackoffDelay(attemptNumber, { ...options.retry, baseDelayMs }, random);
      if (error.retryAfterMs !== undefined) {
        if (error.retryAfterMs > options.retry.maxRetryAfterMs) throw giveUp("retry-after-too-long");
        delayMs = error.retryAfterMs;
      }
      // A throttled provider is saturated for every call of this allocator, not only this one: hold them all
      // for the hinted time, else for the un-jittered backoff, so the window can drain before anyone resends.
      if (throttled)
        budget?.holdUntil(
          clock.now() +
            (error.retryAfterMs ??
              computeBackoffDelay(attemptNumber, { ...options.retry, baseDelayMs, jitter: "none" })),
        );
      delayMs = Math.max(delayMs, budget?.holdRemaining(clock.now()) ?? 0);
      const cost = budget?.acquire(error);
      if (budget !== undefined && cost === undefined) throw giveUp("retry-budget-exhausted");
      spent += cost ?? 0;
      callHook(() =>
        options.hooks?.onRetry?.({
          provider: options.provider,
          operation: options.operation,
          attempt: attemptNumber,
          delayMs,
          error,
        }),
      );
      try {
        await clock.sleep(delayMs, options.signal);
      } catch (abort) {
        throw toIpAllocatorError(abort, options);
      }
      totalRetryDelayMs += delayMs;
    }
  }
}

/** Runs an observer, ignoring what it throws: logging must never change an operation's outcome. @internal */
export function callHook(hook: () => void): void {
  try {
    hook();
  } catch {
    // Observers are best-effort by contract.
  }
}
