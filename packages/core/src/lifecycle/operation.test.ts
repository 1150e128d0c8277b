import { describe, expect, it, vi } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { silentLogger } from "../logger.js";
import { RetryBudget } from "../retry/retry-budget.js";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "../retry/retry-options.js";
import type { RetryEvent } from "../spec/operation-options.js";
import { ManualClock } from "../testing/manual-clock.js";
import { LifecycleEngine } from "./lifecycle-engine.js";
import type { Operation } from "./operation.js";

const unavailable = (requestId?: string) =>
  new IpAllocatorError({ code: "UNAVAILABLE", message: "try later", requestId });

function createEngine(retry: Partial<RetryOptions> = {}) {
  const clock = new ManualClock();
  const engine = new LifecycleEngine({
    provider: "fake",
    clock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, budget: false, ...retry },
  });
  return { engine, clock };
}

/** A wire call that fails with `errors` in order, then answers `value`. */
function wire<T>(value: T, ...errors: IpAllocatorError[]) {
  let calls = 0;
  return vi.fn(async () => {
    const error = errors[calls];
    calls += 1;
    if (error !== undefined) throw error;
    return value;
  });
}

describe("Operation.call and metadata", () => {
  it("reports attempts 1 and no delay when nothing was retried", async () => {
    const { engine } = createEngine();
    const metadata = await engine.run("describe", undefined, async (operation) => {
      await operation.call(wire("ok"));
      return operation.metadata();
    });
    expect(metadata).toEqual({ attempts: 1, totalRetryDelayMs: 0 });
  });

  it("sums retries and retry delays over every wire call of the operation, failed ones included", async () => {
    const { engine, clock } = createEngine();
    const metadata = await engine.run("allocate", undefined, async (operation) => {
      await operation.call(wire("first", unavailable()));
      await operation.call(wire("second", unavailable(), unavailable()));
      await expect(operation.call(wire("never", unavailable(), unavailable(), unavailable()))).rejects.toMatchObject({
        code: "UNAVAILABLE",
        attempts: 3,
      });
      return operation.metadata();
    });
    // 1 + retries (1 + 2 + 2); each first retry sleeps 50 ms, each second 100 ms (full jitter, random 0.5).
    expect(metadata).toEqual({ attempts: 6, totalRetryDelayMs: 50 + (50 + 100) + (50 + 100) });
    expect(clock.sleeps).toEqual([50, 50, 100, 50, 100]);
  });

  it("applies the per-call retry override: retry false makes a single attempt", async () => {
    const { engine } = createEngine();
    const attempt = wire("ok", unavailable());
    await expect(
      engine.run("allocate", { retry: false }, (operation) => operation.call(attempt)),
    ).rejects.toMatchObject({ code: "UNAVAILABLE", attempts: 1 });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it("passes operation name, attempt number, signal and hooks to each attempt", async () => {
    const { engine } = createEngine();
    const hooks = { onRetry: () => {} };
    const seen: unknown[] = [];
    await engine.run("release", { hooks, timeoutMs: 10_000 }, (operation) =>
      operation.call(async (context) => {
        seen.push({ ...context, sameSignal: context.signal === operation.signal });
        if (context.attempt === 1) throw unavailable();
        return "ok";
      }),
    );
    expect(seen).toEqual(
      [1, 2].map((attempt) => ({
        operation: "release",
        attempt,
        signal: expect.any(AbortSignal),
        hooks,
        sameSignal: true,
      })),
    );
  });

  it("honours a custom shouldRetry (no blind retry of an ambiguous failure)", async () => {
    const { engine } = createEngine();
    const ambiguous = new IpAllocatorError({ code: "NETWORK", message: "reset", ambiguous: true });
    const attempt = wire("ok", ambiguous);
    await expect(
      engine.run("allocate", undefined, (operation) =>
        operation.call(attempt, { shouldRetry: (error) => !error.ambiguous }),
      ),
    ).rejects.toMatchObject({ code: "NETWORK", ambiguous: true });
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});

describe("Operation request id", () => {
  const requestIdAfter = (calls: (operation: Operation) => Promise<unknown>) =>
    createEngine().engine.run("describe", undefined, async (operation) => {
      await calls(operation);
      return { metadata: operation.metadata(), requestId: operation.requestId };
    });

  it("takes the request id from the value's requestId or RequestId", async () => {
    expect(await requestIdAfter((operation) => operation.call(wire({ requestId: "req-camel" })))).toEqual({
      metadata: { attempts: 1, totalRetryDelayMs: 0, requestId: "req-camel" },
      requestId: "req-camel",
    });
    expect((await requestIdAfter((operation) => operation.call(wire({ RequestId: "req-pascal" })))).requestId).toBe(
      "req-pascal",
    );
  });

  it("takes it from the error when the call failed, and keeps the last answered one", async () => {
    const failed = await requestIdAfter((operation) =>
      operation
        .call(wire("x", new IpAllocatorError({ code: "NOT_FOUND", message: "gone", requestId: "req-error" })))
        .catch(() => undefined),
    );
    expect(failed.metadata.requestId).toBe("req-error");
    const sequence = await requestIdAfter(async (operation) => {
      await operation.call(wire({ requestId: "req-1" }));
      await operation.call(wire({ RequestId: "req-2" }));
      await operation.call(wire({ other: "no id" })); // answered without an id: the last id stays
    });
    expect(sequence.requestId).toBe("req-2");
    expect((await requestIdAfter((operation) => operation.call(wire([{ requestId: 7 }])))).metadata).not.toHaveProperty(
      "requestId",
    );
  });
});

describe("Operation.spendRetry", () => {
  it("spends the retry budget, emits onRetry, counts in metadata, and returns false once exhausted", async () => {
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const { engine } = createEngine({ budget });
    const events: RetryEvent[] = [];
    const error = unavailable();
    const outcome = await engine.run(
      "allocate",
      { hooks: { onRetry: (event) => events.push(event) } },
      async (operation) => {
        const spent = [
          operation.spendRetry(error, 1, 30),
          operation.spendRetry(error, 2, 40),
          operation.spendRetry(error, 3, 50),
        ];
        return { spent, metadata: operation.metadata() };
      },
    );
    expect(outcome.spent).toEqual([true, true, false]);
    expect(budget.available).toBe(0);
    expect(outcome.metadata).toEqual({ attempts: 3, totalRetryDelayMs: 70 });
    expect(events).toEqual([
      { provider: "fake", operation: "allocate", attempt: 1, delayMs: 30, error },
      { provider: "fake", operation: "allocate", attempt: 2, delayMs: 40, error },
    ]);
  });

  it("always allows the retry when the budget is disabled", async () => {
    const { engine } = createEngine({ budget: false });
    const spent = await engine.run("allocate", undefined, async (operation) =>
      [1, 2, 3, 4].map((attempt) => operation.spendRetry(unavailable(), attempt)),
    );
    expect(spent).toEqual([true, true, true, true]);
  });
});
