import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

// Retries are off, so every throttled request would surface as RATE_LIMITED instead of being absorbed.
const NO_RETRY = { retry: { maxAttempts: 1 } };
const EMULATOR_LIMIT = { rateLimit: { maxRequests: 4, windowMs: 250 } };
const BURST = 10;

async function allocateBurst(target: Harness) {
  const results = await Promise.allSettled(
    Array.from({ length: BURST }, () => target.allocator.allocate({ location: { zone: "SEL-A" } })),
  );
  return {
    fulfilled: results.filter((result) => result.status === "fulfilled").length,
    errors: results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : [])),
  };
}

describe("rateLimit (client-side admission control)", () => {
  it("runs a burst at the access key's rate limit without a single throttled request", async () => {
    // Exactly the emulator's limit: the limiter holds each slot until the answer is in, so arrival jitter is covered.
    harness = await startHarness({
      emulator: EMULATOR_LIMIT,
      settings: { ...NO_RETRY, rateLimit: EMULATOR_LIMIT.rateLimit },
    });
    const outcome = await allocateBurst(harness);
    expect(outcome.errors).toEqual([]);
    expect(outcome.fulfilled).toBe(BURST);
    expect(harness.allocations()).toBe(BURST);
    expect(harness.dispatcher.requests).toBe(BURST);
  });

  it("without it, the same burst runs into the limit (RATE_LIMITED)", async () => {
    harness = await startHarness({ emulator: EMULATOR_LIMIT, settings: NO_RETRY });
    const outcome = await allocateBurst(harness);
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const error of outcome.errors) expect(error).toMatchObject({ code: "RATE_LIMITED", httpStatus: 429 });
    expect(harness.allocations()).toBe(outcome.fulfilled);
  });

  it("fails a call whose deadline passes while it waits for a slot with TIMEOUT, having sent nothing", async () => {
    harness = await startHarness({ settings: { rateLimit: { maxRequests: 1, windowMs: 60_000 } } });
    await harness.allocator.allocate({ location: { zone: "SEL-A" } });
    const error = await rejectionOf(harness.allocator.allocate({ location: { zone: "SEL-A" } }, { timeoutMs: 50 }));
    expect(error).toMatchObject({ code: "TIMEOUT", ambiguous: false });
    expect(harness.dispatcher.requests).toBe(1);
    expect(harness.allocations()).toBe(1);
  });

  it("fails calls still queued when the allocator closes with FAILED_PRECONDITION, having sent nothing", async () => {
    harness = await startHarness({ settings: { rateLimit: { maxRequests: 1, windowMs: 60_000 } } });
    await harness.allocator.allocate({ location: { zone: "SEL-A" } });
    const queued = rejectionOf(harness.allocator.allocate({ location: { zone: "SEL-A" } }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await harness.allocator.close();
    expect(await queued).toMatchObject({
      code: "FAILED_PRECONDITION",
      message: expect.stringContaining("nothing was sent"),
    });
    expect(harness.dispatcher.requests).toBe(1);
  });

  it("rejects a malformed limit before anything is sent, naming the field", async () => {
    harness = await startHarness();
    const build = () => harness?.createAllocator({ rateLimit: { maxRequests: 5, windowMs: 0 } });
    expect(build).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        issues: [expect.objectContaining({ path: "rateLimit.windowMs" })],
      }),
    );
    expect(harness.dispatcher.requests).toBe(0);
  });
});
