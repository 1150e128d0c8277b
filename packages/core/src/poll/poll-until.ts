import { systemClock, type Clock } from "../clock.js";
import { computeBackoffDelay } from "../retry/compute-backoff-delay.js";

/** Inputs of {@link pollUntil}. @public */
export interface PollUntilOptions<T> {
  /** Reads the current state; errors it throws end the poll (retry inside it if needed). */
  read: (poll: number) => Promise<T>;
  /** `done` ends the poll with the value; `continue` polls again. */
  check: (value: T) => "done" | "continue";
  signal?: AbortSignal;
  clock?: Clock;
  random?: () => number;
  /** First delay. Default 500 ms. */
  intervalMs?: number;
  /** Cap of the backed-off delay. Default 5 s. */
  maxIntervalMs?: number;
}

/**
 * Polls with exponential backoff and jitter (half the delay is fixed so polls never bunch at zero) until
 * `check` says done, the signal aborts (its typed reason is thrown), or `read` throws.
 * @public
 */
export async function pollUntil<T>(options: PollUntilOptions<T>): Promise<{ value: T; polls: number }> {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const backoff = {
    baseDelayMs: options.intervalMs ?? 500,
    maxDelayMs: options.maxIntervalMs ?? 5_000,
    jitter: "none" as const,
  };
  for (let poll = 1; ; poll += 1) {
    if (options.signal?.aborted) throw options.signal.reason;
    const value = await options.read(poll);
    if (options.check(value) === "done") return { value, polls: poll };
    const ceiling = computeBackoffDelay(poll, backoff);
    await clock.sleep(Math.floor(ceiling / 2 + random() * (ceiling / 2)), options.signal);
  }
}
