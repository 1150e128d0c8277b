import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter, RateLimitSettingsSchema, type ReleaseRateLimitSlot } from "./rate-limiter.js";

// Fake timers drive the real clock (Date.now + setTimeout), so admissions happen at exact, checkable times.
const START = 1_000_000;
beforeEach(() => vi.useFakeTimers({ now: START }));
afterEach(() => vi.useRealTimers());

interface Admission {
  caller: number;
  at: number;
  release: ReleaseRateLimitSlot;
}

/** Starts `count` acquisitions at once; records who was admitted when (relative to START), or why it failed. */
function startMany(
  limiter: RateLimiter,
  count: number,
  options: { signals?: (AbortSignal | undefined)[]; holdMs?: number } = {},
) {
  const admitted: Admission[] = [];
  const failures: { caller: number; reason: unknown }[] = [];
  const settled = Array.from({ length: count }, (_, caller) =>
    limiter.acquire(options.signals?.[caller]).then(
      (release) => {
        admitted.push({ caller, at: Date.now() - START, release });
        // A request that takes holdMs to complete.
        if (options.holdMs !== undefined) setTimeout(release, options.holdMs);
      },
      (reason: unknown) => void failures.push({ caller, reason }),
    ),
  );
  return { admitted, failures, all: Promise.all(settled) };
}

describe("RateLimiter", () => {
  it("admits up to the limit at once, then frees each slot one window after its request completed", async () => {
    const limiter = new RateLimiter({ maxRequests: 3, windowMs: 1_000 });
    const run = startMany(limiter, 8, { holdMs: 100 });
    await vi.runAllTimersAsync();
    await run.all;
    expect(run.admitted.map((entry) => entry.caller)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(run.admitted.map((entry) => entry.at)).toEqual([0, 0, 0, 1_100, 1_100, 1_100, 2_200, 2_200]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never lets more than maxRequests complete-or-run inside one window, whatever the request durations", async () => {
    const limiter = new RateLimiter({ maxRequests: 2, windowMs: 500 });
    const durations = [10, 700, 30, 5, 250, 40, 1, 90];
    // In admission order: when each request started and when it completed.
    const requests: { start: number; end: number }[] = [];
    const all = Promise.all(
      durations.map(async (duration) => {
        const release = await limiter.acquire();
        const request = { start: Date.now(), end: Number.POSITIVE_INFINITY };
        requests.push(request);
        await new Promise((resolve) => setTimeout(resolve, duration));
        request.end = Date.now();
        release();
      }),
    );
    await vi.runAllTimersAsync();
    await all;
    // The provider stamps each request somewhere in [start, end]. Whatever the stamps, no 500 ms window holds three
    // when every request starts a full window after the second-latest end among those admitted before it.
    for (let index = 2; index < requests.length; index++) {
      const earlierEnds = requests
        .slice(0, index)
        .map((request) => request.end)
        .sort((left, right) => right - left);
      expect((requests[index]?.start ?? 0) - (earlierEnds[1] ?? 0)).toBeGreaterThanOrEqual(500);
    }
    expect(requests).toHaveLength(durations.length);
  });

  it("holds a slot while its request is in flight, however long", async () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 1_000 });
    const release = await limiter.acquire();
    const run = startMany(limiter, 1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run.admitted).toEqual([]);
    expect(limiter.running).toBe(1);
    release();
    release(); // a second release frees nothing more
    await vi.runAllTimersAsync();
    await run.all;
    expect(run.admitted.map((entry) => entry.at)).toEqual([6_000]);
    expect(limiter.running).toBe(1);
  });

  it("drops an aborted waiter without spending a slot and rejects it with the signal's reason", async () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 1_000 });
    const controller = new AbortController();
    const run = startMany(limiter, 3, { signals: [undefined, controller.signal, undefined], holdMs: 0 });
    await vi.advanceTimersByTimeAsync(10);
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await vi.runAllTimersAsync();
    await run.all;
    expect(run.failures).toEqual([{ caller: 1, reason }]);
    expect(run.admitted.map((entry) => [entry.caller, entry.at])).toEqual([
      [0, 0],
      [2, 1_000],
    ]);
  });

  it("leaves no timer behind when every waiter aborts, so the process can exit", async () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 60_000 });
    (await limiter.acquire())();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeDefined();
    await vi.advanceTimersByTimeAsync(0);
    expect(limiter.queued).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects a request whose signal is already aborted without taking a slot", async () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 1_000 });
    await expect(limiter.acquire(AbortSignal.abort(new Error("stop")))).rejects.toThrow("stop");
    expect(limiter.running).toBe(0);
    await expect(limiter.acquire()).resolves.toBeTypeOf("function");
  });

  it("rejectQueued fails every waiting request with the given reason and stops its timer", async () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 1_000 });
    const run = startMany(limiter, 3, { holdMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    const closed = new Error("closed");
    limiter.rejectQueued(closed);
    await run.all;
    expect(run.admitted.map((entry) => entry.caller)).toEqual([0]);
    expect(run.failures).toEqual([
      { caller: 1, reason: closed },
      { caller: 2, reason: closed },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("accepts only positive integer limits, and no unknown keys", () => {
    expect(RateLimitSettingsSchema.safeParse({ maxRequests: 50, windowMs: 1_000 }).success).toBe(true);
    for (const bad of [
      { maxRequests: 0, windowMs: 1_000 },
      { maxRequests: 1.5, windowMs: 1_000 },
      { maxRequests: 5, windowMs: -1 },
      { maxRequests: 5 },
      { maxRequests: 5, windowMs: 1_000, burst: 2 },
    ]) {
      expect(RateLimitSettingsSchema.safeParse(bad).success).toBe(false);
    }
  });
});
