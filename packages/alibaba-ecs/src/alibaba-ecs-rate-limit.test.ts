import { IpAllocatorError, createIpAllocator, systemClock } from "@polycloud/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  RUNNING_INSTANCE_IDS,
  TEST_CREDENTIALS,
  TEST_REGION,
  startTestEmulator,
  type TestEmulator,
} from "./__fixtures__/start-test-emulator.js";

let test: TestEmulator | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

// Real time: the limiter and the emulator's flow control must see the same clock. Retries are off, so every
// throttled request would surface as RATE_LIMITED instead of being absorbed.
const NO_RETRY = { retry: { maxAttempts: 1 } };
const FLOW_CONTROL = { limit: 4, windowMs: 250 };

async function settle(promises: Promise<unknown>[]) {
  const results = await Promise.allSettled(promises);
  return {
    fulfilled: results.filter((result) => result.status === "fulfilled").length,
    errors: results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : [])),
  };
}

describe("rateLimit (client-side admission control)", () => {
  it("runs a burst at the flow-control quota without a single throttled request", async () => {
    test = await startTestEmulator({ alibaba: { flowControl: FLOW_CONTROL } });
    // Exactly the emulator's quota: the limiter holds each slot until the answer is in, so arrival jitter is covered.
    const allocator = test.createAllocator(
      { ...NO_RETRY, rateLimit: { maxRequests: FLOW_CONTROL.limit, windowMs: FLOW_CONTROL.windowMs } },
      { clock: systemClock },
    );
    const outcome = await settle(
      RUNNING_INSTANCE_IDS.map((instanceId) => allocator.allocate({ location: { region: TEST_REGION }, instanceId })),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.fulfilled).toBe(10);
    expect(test.countAllocations()).toBe(10);
    expect(test.dispatcher.requests).toBe(10);
  });

  it("is configuration: createIpAllocator applies a rateLimit from the config", async () => {
    test = await startTestEmulator({ alibaba: { flowControl: FLOW_CONTROL } });
    const config = {
      provider: "alibaba-ecs",
      region: TEST_REGION,
      endpoint: test.endpoint,
      credentials: TEST_CREDENTIALS,
      retry: { maxAttempts: 1 },
      rateLimit: { maxRequests: FLOW_CONTROL.limit, windowMs: FLOW_CONTROL.windowMs },
    };
    const allocator = await createIpAllocator(config, {
      plugins: { "alibaba-ecs": () => import("./index.js") },
      dispatcher: test.dispatcher,
      env: {},
    });
    try {
      const outcome = await settle(
        RUNNING_INSTANCE_IDS.map((instanceId) => allocator.allocate({ location: { region: TEST_REGION }, instanceId })),
      );
      expect(outcome.errors).toEqual([]);
      expect(test.countAllocations()).toBe(RUNNING_INSTANCE_IDS.length);
    } finally {
      await allocator.close();
    }
  });

  it("without it, the same burst runs into the quota (RATE_LIMITED)", async () => {
    test = await startTestEmulator({ alibaba: { flowControl: FLOW_CONTROL } });
    const allocator = test.createAllocator(NO_RETRY, { clock: systemClock });
    const outcome = await settle(
      RUNNING_INSTANCE_IDS.map((instanceId) => allocator.allocate({ location: { region: TEST_REGION }, instanceId })),
    );
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const error of outcome.errors)
      expect(error).toMatchObject({ code: "RATE_LIMITED", providerCode: "Throttling.User" });
    expect(test.countAllocations()).toBe(outcome.fulfilled);
  });

  it("fails a call whose deadline passes while it waits for a slot with TIMEOUT, having sent nothing", async () => {
    test = await startTestEmulator();
    const allocator = test.createAllocator({ rateLimit: { maxRequests: 1, windowMs: 60_000 } }, { clock: systemClock });
    await allocator.allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
    const error = await allocator
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }, { timeoutMs: 50 })
      .catch((thrown: unknown) => thrown);
    expect(IpAllocatorError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "TIMEOUT", ambiguous: false });
    expect(test.dispatcher.requests).toBe(1);
    expect(test.countAllocations()).toBe(1);
  });

  it("fails calls still queued when the allocator closes with FAILED_PRECONDITION, having sent nothing", async () => {
    test = await startTestEmulator();
    const allocator = test.createAllocator({ rateLimit: { maxRequests: 1, windowMs: 60_000 } }, { clock: systemClock });
    await allocator.allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
    const queued = allocator
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() })
      .catch((thrown: unknown) => thrown);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await allocator.close();
    expect(await queued).toMatchObject({
      code: "FAILED_PRECONDITION",
      message: expect.stringContaining("nothing was sent"),
    });
    expect(test.dispatcher.requests).toBe(1);
  });

  it("rejects a malformed limit before anything is sent, naming the field", async () => {
    test = await startTestEmulator();
    const build = () => test?.createAllocator({ rateLimit: { maxRequests: 0, windowMs: 1_000 } });
    expect(build).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        issues: [expect.objectContaining({ path: "rateLimit.maxRequests" })],
      }),
    );
    expect(test.dispatcher.requests).toBe(0);
  });
});
