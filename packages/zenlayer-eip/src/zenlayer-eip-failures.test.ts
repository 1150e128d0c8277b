import { expectNoSecrets, collectHookEvents } from "@polycloud/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_SECRETS, rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness;
afterEach(async () => harness?.close());

describe("provisioning failures", () => {
  it("ends the wait on CREATE_FAILED with FAILED_PRECONDITION carrying the last state, distinct from pending", async () => {
    harness = await startHarness({ emulator: { failureRateByZone: { "HKG-A": 1 } } });
    const { allocator } = harness;
    const id = (await allocator.allocate({ location: { zone: "HKG-A" } })).ips[0]?.id as string;
    const error = await rejectionOf(allocator.waitUntilReady(id));
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      retryable: false,
      providerCode: "CREATE_FAILED",
      details: { eipId: id, lastState: "failed", providerState: "CREATE_FAILED" },
    });
    expect((await allocator.describe(id)).ip).toMatchObject({ state: "failed", providerState: "CREATE_FAILED" });
    // Terminate refunds a failed EIP; release cleans it up like any other.
    expect(await allocator.release(id)).toMatchObject({ state: "released" });
  });

  it("times out a wait on an EIP still CREATING with TIMEOUT and lastState pending", async () => {
    harness = await startHarness({ emulator: { provisioningDelayMs: 60_000 } });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    const error = await rejectionOf(harness.allocator.waitUntilReady(id, { timeoutMs: 150 }));
    expect(error).toMatchObject({
      code: "TIMEOUT",
      details: { eipId: id, lastState: "pending", providerState: "CREATING" },
    });
    expect(error.message).toContain("still pending (CREATING)");
  });

  it("stops a wait promptly when the caller aborts, with CANCELLED and the last state", async () => {
    harness = await startHarness({ emulator: { provisioningDelayMs: 60_000 } });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    const controller = new AbortController();
    const pending = rejectionOf(harness.allocator.waitUntilReady(id, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 80);
    expect(await pending).toMatchObject({ code: "CANCELLED", details: { lastState: "pending" } });
    const requestsAfterAbort = harness.dispatcher.requests;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.dispatcher.requests, "no polling after the abort").toBe(requestsAfterAbort);
  });

  it("tolerates the brief window in which Describe does not list a new EIP yet", async () => {
    harness = await startHarness({
      emulator: { describeLagMs: 30 },
      settings: { pollIntervalMs: 20, notFoundPolls: 5 },
    });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    expect((await harness.allocator.waitUntilReady(id)).ip.state).toBe("ready");
  });

  it("gives up with NOT_FOUND once the EIP stays unlisted beyond notFoundPolls", async () => {
    harness = await startHarness({ settings: { notFoundPolls: 2 } });
    const error = await rejectionOf(harness.allocator.waitUntilReady("eip-does-not-exist"));
    expect(error).toMatchObject({ code: "NOT_FOUND", details: { eipId: "eip-does-not-exist" } });
  });
});

describe("allocation refused by Zenlayer", () => {
  it("maps a sold-out zone to RESOURCE_EXHAUSTED without allocating", async () => {
    harness = await startHarness();
    const error = await rejectionOf(harness.allocator.allocate({ location: { zone: "FRA-A" } }));
    expect(error).toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      providerCode: "INVALID_EIP_TYPE_ZONE_NO_SELL",
      httpStatus: 400,
      retryable: false,
      attempts: 1,
    });
    expect(error.requestId).toMatch(/^T/);
    expect(harness.allocations()).toBe(0);
  });

  it("maps an unknown zone to INVALID_ARGUMENT", async () => {
    harness = await startHarness();
    expect(await rejectionOf(harness.allocator.allocate({ location: { zone: "XYZ-Q" } }))).toMatchObject({
      code: "INVALID_ARGUMENT",
      providerCode: "INVALID_ZONE_NOT_FOUND",
      httpStatus: 404,
    });
  });
});

describe("throttling", () => {
  it("retries REQUEST_LIMIT_EXCEEDED (429) with backoff and allocates once", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateEipAddresses", kind: "throttle", times: 2 });
    const events = collectHookEvents();
    const result = await harness.allocator.allocate({ location: { zone: "SEL-A" } }, { hooks: events.hooks });
    expect(result.metadata.attempts).toBe(3);
    expect(events.retries.map((event) => event.error.code)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect(result.metadata.totalRetryDelayMs).toBe(events.retries.reduce((sum, event) => sum + event.delayMs, 0));
    expect(harness.allocations()).toBe(1);
  });

  it("gives up with RATE_LIMITED after maxAttempts, having allocated nothing", async () => {
    harness = await startHarness({ settings: { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } } });
    harness.fault({ action: "AllocateEipAddresses", kind: "throttle" });
    const error = await rejectionOf(harness.allocator.allocate({ location: { zone: "SEL-A" } }));
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      providerCode: "REQUEST_LIMIT_EXCEEDED",
      httpStatus: 429,
      attempts: 3,
    });
    expect(harness.allocations()).toBe(0);
  });

  it("rides out the emulator's per-key rate limit on reads", async () => {
    harness = await startHarness({
      emulator: { rateLimit: { maxRequests: 2, windowMs: 50 } },
      settings: { retry: { maxAttempts: 6, baseDelayMs: 30, maxDelayMs: 60, jitter: "none" } },
    });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    const results = await Promise.all([1, 2, 3, 4].map(() => harness.allocator.describe(id)));
    expect(results.map((result) => result.ip.id)).toEqual([id, id, id, id]);
    expect(results.some((result) => result.metadata.attempts > 1)).toBe(true);
  });
});

describe("credentials and secrets", () => {
  it("rejects a wrong secret with UNAUTHENTICATED and leaks no secret in the error, its JSON or hook events", async () => {
    harness = await startHarness();
    const wrongSecret = "wrong-secret-value-123456";
    const allocator = harness.createAllocator({
      credentials: { accessKeyId: "polycloud-test-key-id", accessKeySecret: wrongSecret },
    });
    const events = collectHookEvents();
    const error = await rejectionOf(allocator.allocate({ location: { zone: "SEL-A" } }, { hooks: events.hooks }));
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "AUTHFAILURE_SIGNATURE_FAILURE",
      retryable: false,
    });
    expect(events.requests[0]?.headers.authorization).toBe("ZC2-HMAC-SHA256 [REDACTED]");
    for (const value of [error, JSON.stringify(error), events]) expectNoSecrets(value, [...TEST_SECRETS, wrongSecret]);
  });

  it("rejects an unknown Bearer token and never shows the token", async () => {
    harness = await startHarness();
    const token = "pat-unknown-token-0001";
    const events = collectHookEvents();
    const error = await rejectionOf(
      harness.createAllocator({ credentials: { token } }).describe("eip-1", { hooks: events.hooks }),
    );
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", providerCode: "AUTHFAILURE_INVALID_TOKEN" });
    expect(events.requests[0]?.headers.authorization).toBe("Bearer [REDACTED]");
    expectNoSecrets([error, JSON.stringify(error), events], [token]);
  });

  it("maps a server clock far from ours (clock skew) to UNAUTHENTICATED with a clock hint", async () => {
    harness = await startHarness();
    harness.fault({ kind: "clock-skew", skewSeconds: 3_600 });
    const error = await rejectionOf(harness.allocator.describe("eip-1"));
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "AUTHFAILURE_SIGNATURE_EXPIRED",
      retryable: false,
    });
    expect(error.message).toContain("clock");
  });
});
