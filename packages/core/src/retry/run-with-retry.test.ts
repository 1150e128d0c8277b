import { describe, expect, it, vi } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { ManualClock } from "../testing/manual-clock.js";
import { computeBackoffDelay } from "./compute-backoff-delay.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import { RetryBudget } from "./retry-budget.js";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retry-options.js";
import { runWithRetry } from "./run-with-retry.js";

const throttled = (retryAfterMs?: number) =>
  new IpAllocatorError({ code: "RATE_LIMITED", message: "throttled", retryAfterMs });
const options = (retry: Partial<RetryOptions> = {}) => ({
  provider: "test",
  operation: "allocate",
  retry: { ...DEFAULT_RETRY_OPTIONS, budget: false as const, ...retry },
  clock: new ManualClock(),
  random: () => 0.5,
});

/** An attempt function that fails with the given errors in order, then succeeds. */
function failing(...errors: unknown[]) {
  let calls = 0;
  const attempt = vi.fn(async () => {
    const error = errors[calls];
    calls += 1;
    if (error !== undefined) throw error;
    return "ok";
  });
  return attempt;
}

describe("computeBackoffDelay", () => {
  it("doubles from the base, caps at the maximum, and full jitter stays within [0, backoff)", () => {
    const settings = { baseDelayMs: 100, maxDelayMs: 1_000, jitter: "none" as const };
    expect([1, 2, 3, 4, 5, 6].map((retry) => computeBackoffDelay(retry, settings))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(computeBackoffDelay(3, { ...settings, jitter: "full" }, () => 0)).toBe(0);
    expect(computeBackoffDelay(3, { ...settings, jitter: "full" }, () => 0.999)).toBe(399);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:29:00 GMT"))).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe("runWithRetry", () => {
  it("retries retryable errors with jittered backoff and reports attempts and delay", async () => {
    const unavailable = () => new IpAllocatorError({ code: "UNAVAILABLE", message: "try later" });
    const settings = options();
    const outcome = await runWithRetry(failing(unavailable(), unavailable()), settings);
    expect(outcome).toEqual({ value: "ok", attempts: 3, totalRetryDelayMs: 50 + 100 });
    expect(settings.clock.sleeps).toEqual([50, 100]);
  });

  it("backs off longer after throttling than after a transient failure", async () => {
    const settings = options();
    await runWithRetry(failing(throttled(), throttled()), settings);
    expect(settings.clock.sleeps).toEqual([250, 500]); // half of 500 and 1000 ms with random() = 0.5
  });

  it("does not retry a non-retryable error and annotates it with the attempt count", async () => {
    const attempt = failing(new IpAllocatorError({ code: "PERMISSION_DENIED", message: "no" }));
    await expect(runWithRetry(attempt, options())).rejects.toMatchObject({ code: "PERMISSION_DENIED", attempts: 1 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("stops after maxAttempts with the last error", async () => {
    const attempt = failing(throttled(), throttled(), throttled(), throttled());
    await expect(runWithRetry(attempt, options({ maxAttempts: 3 }))).rejects.toMatchObject({
      code: "RATE_LIMITED",
      attempts: 3,
    });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it("honours Retry-After instead of the backoff, and fails fast when the hint is too long", async () => {
    const settings = options();
    await runWithRetry(failing(throttled(1_500)), settings);
    expect(settings.clock.sleeps).toEqual([1_500]);
    const tooLong = failing(throttled(120_000));
    await expect(runWithRetry(tooLong, options({ maxRetryAfterMs: 60_000 }))).rejects.toMatchObject({
      details: { retryStopped: "retry-after-too-long" },
    });
    expect(tooLong).toHaveBeenCalledTimes(1);
  });

  it("holds every call of the allocator until a throttling Retry-After has passed", async () => {
    const budget = new RetryBudget();
    const first = options({ budget });
    const started = first.clock.now();
    await runWithRetry(failing(throttled(1_500)), first);
    expect(budget.holdRemaining(started)).toBe(1_500);
    const shared = new RetryBudget();
    const second = options({ budget: shared });
    shared.holdUntil(second.clock.now() + 700);
    const attempt = failing();
    const outcome = await runWithRetry(attempt, second);
    expect(second.clock.sleeps).toEqual([700]); // waited before its first attempt, which then succeeded
    expect(outcome).toMatchObject({ attempts: 1, totalRetryDelayMs: 700 });
  });

  it("holds the allocator's calls for the un-jittered throttling backoff when the provider gives no hint", async () => {
    const budget = new RetryBudget();
    const settings = options({ budget });
    const started = settings.clock.now();
    await runWithRetry(failing(throttled()), settings);
    expect(budget.holdRemaining(started)).toBe(500); // every call of the allocator waits the full first backoff
    expect(settings.clock.sleeps).toEqual([500]); // the throttled call waits out the hold too, in one sleep
  });

  it("lets a custom rule veto retries (mutations after an ambiguous failure)", async () => {
    const ambiguous = new IpAllocatorError({ code: "NETWORK", message: "reset", ambiguous: true });
    const attempt = failing(ambiguous);
    await expect(
      runWithRetry(attempt, { ...options(), shouldRetry: (error) => !error.ambiguous }),
    ).rejects.toMatchObject({ code: "NETWORK", ambiguous: true, attempts: 1 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("stops retrying when the shared budget is exhausted, and successes refill it", async () => {
    const budget = new RetryBudget({ capacity: 10, retryCost: 5, successRefill: 1 });
    await runWithRetry(failing(throttled(), throttled()), options({ budget, maxAttempts: 5 }));
    expect(budget.available).toBe(10); // a success gives back what its retries spent
    const attempt = failing(throttled(), throttled(), throttled());
    const exhausted = new RetryBudget({ capacity: 10, retryCost: 5 });
    await expect(runWithRetry(attempt, options({ budget: exhausted, maxAttempts: 10 }))).rejects.toMatchObject({
      details: { retryStopped: "retry-budget-exhausted" },
      attempts: 3,
    });
    expect(exhausted.available).toBe(0);
  });

  it("charges timeouts more than other retryable errors", () => {
    const budget = new RetryBudget({ capacity: 100, retryCost: 5, timeoutRetryCost: 10 });
    budget.acquire(new IpAllocatorError({ code: "TIMEOUT", message: "" }));
    budget.acquire(throttled());
    expect(budget.available).toBe(85);
  });

  it("calls onRetry before each sleep and ignores observers that throw", async () => {
    const events: unknown[] = [];
    const hooks = {
      onRetry: (event: { attempt: number; delayMs: number; error: IpAllocatorError }) => {
        events.push({ attempt: event.attempt, delayMs: event.delayMs, code: event.error.code });
        throw new Error("observer bug");
      },
    };
    await runWithRetry(failing(throttled()), { ...options(), hooks });
    expect(events).toEqual([{ attempt: 1, delayMs: 250, code: "RATE_LIMITED" }]);
  });

  it("does not retry once the signal has aborted", async () => {
    const controller = new AbortController();
    const attempt = vi.fn(async () => {
      controller.abort(new IpAllocatorError({ code: "CANCELLED", message: "stop" }));
      throw throttled();
    });
    await expect(runWithRetry(attempt, { ...options(), signal: controller.signal })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      attempts: 1,
    });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("rejects with the typed abort reason when aborted during the backoff sleep", async () => {
    const controller = new AbortController();
    const reason = new IpAllocatorError({ code: "TIMEOUT", message: "deadline" });
    const clock = new ManualClock();
    clock.sleep = async (_ms, signal) => {
      controller.abort(reason);
      throw signal?.reason;
    };
    await expect(runWithRetry(failing(throttled()), { ...options(), clock, signal: controller.signal })).rejects.toBe(
      reason,
    );
  });

  it("wraps unexpected throws as INTERNAL", async () => {
    await expect(runWithRetry(failing(new TypeError("bug")), options())).rejects.toMatchObject({
      code: "INTERNAL",
      cause: expect.any(TypeError),
    });
  });
});
