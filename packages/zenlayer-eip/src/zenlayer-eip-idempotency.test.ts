import { afterEach, describe, expect, it } from "vitest";
import { rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness;
afterEach(async () => harness?.close());

const request = { location: { zone: "SEL-A" } };

describe("never allocating twice: ambiguous failures are reconciled by tag", () => {
  it("returns the committed EIPs when the response is lost after commit (reset-after-commit)", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateEipAddresses", kind: "reset-after-commit", times: 1 });
    const warnings: string[] = [];
    const allocator = harness.createAllocator(
      {},
      { logger: { debug() {}, warn: (message) => warnings.push(message) } },
    );
    const result = await allocator.allocate({ ...request, count: 2 });
    expect(result.reconciled).toBe(true);
    expect(warnings.join("\n")).toContain("looking the allocation up by its key");
    expect(result.ips).toHaveLength(2);
    expect(harness.allocations()).toBe(2);
    expect(new Set(result.ips.map((ip) => ip.id))).toEqual(
      new Set(harness.emulator.zenlayerState.eips.map((eip) => eip.eipId)),
    );
  });

  it("re-checks through the describe lag before concluding, still allocating once", async () => {
    harness = await startHarness({
      emulator: { describeLagMs: 60 },
      settings: { reconcile: { checks: 6, intervalMs: 20 } },
    });
    harness.fault({ action: "AllocateEipAddresses", kind: "reset-after-commit", times: 1 });
    const result = await harness.allocator.allocate(request);
    expect(result.reconciled).toBe(true);
    expect(harness.allocations()).toBe(1);
  });

  it("returns what exists when an unreadable 200 followed the commit (malformed JSON)", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateEipAddresses", kind: "malformed-json", times: 1 });
    expect(await harness.allocator.allocate(request)).toMatchObject({ reconciled: true });
    expect(harness.allocations()).toBe(1);
  });

  it("never re-allocates after an unreadable 200: it keeps reading until the listing shows the EIPs", async () => {
    harness = await startHarness({
      emulator: { describeLagMs: 300 },
      settings: { reconcile: { checks: 2, intervalMs: 5 } },
    });
    harness.fault({ action: "AllocateEipAddresses", kind: "wrong-content-type", times: 1 });
    expect(await harness.allocator.allocate(request)).toMatchObject({ reconciled: true });
    expect(harness.allocations()).toBe(1);
  });

  it("answers OUTCOME_UNKNOWN after an unreadable 200 only when the deadline comes before the listing shows it", async () => {
    harness = await startHarness({
      emulator: { describeLagMs: 5_000 },
      settings: { reconcile: { checks: 2, intervalMs: 5 } },
    });
    harness.fault({ action: "AllocateEipAddresses", kind: "wrong-content-type", times: 1 });
    const error = await rejectionOf(harness.allocator.allocate(request, { timeoutMs: 200 }));
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", httpStatus: 200, details: { stoppedBy: "TIMEOUT" } });
    expect(harness.allocations()).toBe(1);
  });

  it("re-allocates after a 5xx only once lookups proved nothing was committed", async () => {
    harness = await startHarness({ settings: { reconcile: { retryWhenAbsent: true, intervalMs: 20 } } });
    harness.fault({ action: "AllocateEipAddresses", kind: "server-error", times: 1 });
    const result = await harness.allocator.allocate(request);
    expect(result).toMatchObject({ reconciled: false, metadata: { attempts: 2 } });
    expect(harness.allocations()).toBe(1);
  });

  it("re-allocates after a hung attempt hit the per-attempt timeout and nothing was committed", async () => {
    harness = await startHarness({
      settings: { requestTimeoutMs: 150, reconcile: { retryWhenAbsent: true, intervalMs: 20 } },
    });
    harness.fault({ action: "AllocateEipAddresses", kind: "hang", times: 1 });
    const result = await harness.allocator.allocate(request);
    expect(result.reconciled).toBe(false);
    expect(harness.allocations()).toBe(1);
  });

  it("answers OUTCOME_UNKNOWN with the key when the deadline cuts a hung allocate; retrying with the key allocates once", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateEipAddresses", kind: "hang", times: 1 });
    const error = await rejectionOf(harness.allocator.allocate(request, { timeoutMs: 150 }));
    expect(error).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      ambiguous: true,
      retryable: false,
      details: { stoppedBy: "TIMEOUT" },
    });
    const idempotencyKey = error.details.idempotencyKey as string;
    expect(idempotencyKey).toMatch(/^polycloud-/);
    expect(harness.allocations()).toBe(0);
    const retried = await harness.allocator.allocate({ ...request, idempotencyKey });
    expect(retried).toMatchObject({ idempotencyKey, reconciled: false });
    expect(await harness.allocator.allocate({ ...request, idempotencyKey })).toMatchObject({
      reconciled: true,
      ips: retried.ips.map((ip) => expect.objectContaining({ id: ip.id })),
    });
    expect(harness.allocations()).toBe(1);
  });

  it("answers OUTCOME_UNKNOWN when reconciliation cannot read (Describe keeps failing)", async () => {
    harness = await startHarness({ settings: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } });
    harness.fault({ action: "AllocateEipAddresses", kind: "reset-after-commit", times: 1 });
    harness.fault({ action: "DescribeEipAddresses", kind: "server-error" });
    const error = await rejectionOf(harness.allocator.allocate(request));
    expect(error).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      details: { reconciliationChecks: 0, stoppedBy: "INTERNAL" },
    });
    expect(harness.allocations()).toBe(1);
  });

  it("answers OUTCOME_UNKNOWN instead of re-allocating when retryWhenAbsent is turned off", async () => {
    harness = await startHarness({ settings: { reconcile: { checks: 2, intervalMs: 5, retryWhenAbsent: false } } });
    harness.fault({ action: "AllocateEipAddresses", kind: "server-error", times: 1 });
    expect(await rejectionOf(harness.allocator.allocate(request))).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      details: { reconciliationChecks: 2 },
    });
    expect(harness.allocations()).toBe(0);
  });

  it("gives up with the provider's error, marked not ambiguous, when every round proved nothing was allocated", async () => {
    harness = await startHarness({
      settings: { retry: { maxAttempts: 2 }, reconcile: { checks: 1, intervalMs: 0, retryWhenAbsent: true } },
    });
    harness.fault({ action: "AllocateEipAddresses", kind: "server-error" });
    const error = await rejectionOf(harness.allocator.allocate(request));
    expect(error).toMatchObject({
      code: "INTERNAL",
      providerCode: "INTERNAL_SERVER_ERROR",
      ambiguous: false,
      details: { reconciliation: "nothing allocated" },
      attempts: 2,
    });
    expect(harness.allocations()).toBe(0);
  });
});

describe("caller idempotency keys", () => {
  it("allocates once for concurrent calls sharing a key, even while Describe lags behind", async () => {
    harness = await startHarness({ emulator: { describeLagMs: 500 } });
    const keyed = { ...request, count: 2, idempotencyKey: "order-concurrent" };
    const results = await Promise.all([
      harness.allocator.allocate(keyed),
      harness.allocator.allocate(keyed),
      harness.allocator.allocate(keyed),
    ]);
    const ids = results.map((result) =>
      result.ips
        .map((ip) => ip.id)
        .sort()
        .join(","),
    );
    expect(new Set(ids).size).toBe(1);
    expect(results.map((result) => result.reconciled)).toEqual([false, true, true]);
    expect(harness.allocations()).toBe(2);
  });

  it("returns the existing EIPs for a repeated key without a second AllocateEipAddresses", async () => {
    harness = await startHarness();
    const keyed = { ...request, count: 2, idempotencyKey: "order-42" };
    const first = await harness.allocator.allocate(keyed);
    const second = await harness.allocator.allocate(keyed);
    expect(second).toMatchObject({ reconciled: true, idempotencyKey: "order-42", warnings: [] });
    expect(second.ips.map((ip) => ip.id).sort()).toEqual(first.ips.map((ip) => ip.id).sort());
    expect(harness.allocations()).toBe(2);
  });

  it("warns instead of topping up when fewer EIPs than requested carry the key", async () => {
    harness = await startHarness();
    const first = await harness.allocator.allocate({ ...request, count: 2, idempotencyKey: "order-43" });
    await harness.allocator.release(first.ips[0]?.id as string);
    const second = await harness.allocator.allocate({ ...request, count: 2, idempotencyKey: "order-43" });
    expect(second.ips.map((ip) => ip.id)).toEqual([first.ips[1]?.id]);
    expect(second.warnings.join(" ")).toContain("Found 1 of 2");
    expect(harness.allocations()).toBe(2);
  });

  it("refuses a key already used for another zone with ALREADY_EXISTS", async () => {
    harness = await startHarness();
    await harness.allocator.allocate({ ...request, idempotencyKey: "order-44" });
    const error = await rejectionOf(
      harness.allocator.allocate({ location: { zone: "HKG-A" }, idempotencyKey: "order-44" }),
    );
    expect(error).toMatchObject({ code: "ALREADY_EXISTS", details: { idempotencyKey: "order-44" } });
    expect(harness.allocations()).toBe(1);
  });
});
