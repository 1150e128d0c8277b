import { DEFAULT_ZENLAYER_SEED, startEmulator, type ZenlayerSeed } from "@polycloud/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { FAST_EMULATOR, FAST_SETTINGS, rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";
import { createZenlayerEipAllocator } from "./create-zenlayer-eip-allocator.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("Describe lags behind Allocate (the emulator's default seed hides a new EIP from two listings)", () => {
  it("describe right after allocate polls through the lag and finds the EIP", async () => {
    harness = await startHarness();
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" }, tags: { team: "edge" } })).ips[0]
      ?.id as string;
    const before = harness.dispatcher.requests;
    const described = await harness.allocator.describe(id);
    expect(described.ip).toMatchObject({ id, tags: { team: "edge" } });
    expect(harness.dispatcher.requests - before, "Describe calls").toBe(3);
  });

  it("describe of an id this allocator never allocated answers NOT_FOUND after one request", async () => {
    harness = await startHarness();
    const before = harness.dispatcher.requests;
    expect(await rejectionOf(harness.allocator.describe("eip-99999999"))).toMatchObject({ code: "NOT_FOUND" });
    expect(harness.dispatcher.requests - before).toBe(1);
  });

  it("release of an unknown id is NOT_FOUND, and release right after allocate still releases", async () => {
    harness = await startHarness();
    expect(await rejectionOf(harness.allocator.release("eip-99999999"))).toMatchObject({
      code: "NOT_FOUND",
      operation: "release",
    });
    const id = (await harness.allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    expect(await harness.allocator.release(id)).toMatchObject({ id, state: "released" });
    expect(harness.liveAllocations()).toBe(0);
  });

  it("an idempotency key repeated right away, by this or another allocator, returns the same EIPs", async () => {
    harness = await startHarness();
    const request = { location: { zone: "SEL-A" }, idempotencyKey: "lag-1", count: 2 };
    const first = await harness.allocator.allocate(request);
    const again = await harness.allocator.allocate(request);
    const elsewhere = await harness.createAllocator().allocate(request);
    for (const result of [again, elsewhere])
      expect(result.ips.map((ip) => ip.id).sort()).toEqual(first.ips.map((ip) => ip.id).sort());
    expect(harness.allocations()).toBe(2);
  });
});

describe("a key that is not granted the action", () => {
  it("answers PERMISSION_DENIED (AUTHFAILURE_UNAUTHORIZED_OPERATION), not UNAUTHENTICATED, and is not retried", async () => {
    const account = DEFAULT_ZENLAYER_SEED.accounts[0] as ZenlayerSeed["accounts"][number];
    const readOnlyKey = { accessKeyId: "read-only-key", accessKeySecret: "read-only-secret" };
    const seed: ZenlayerSeed = {
      ...DEFAULT_ZENLAYER_SEED,
      accounts: [{ ...account, accessKeys: [{ ...readOnlyKey, allowedActions: ["DescribeEipAddresses"] }] }],
    };
    const emulator = await startEmulator({ seed: { zenlayer: seed }, zenlayer: FAST_EMULATOR });
    const allocator = createZenlayerEipAllocator(
      { ...FAST_SETTINGS, endpoint: emulator.zenlayer.endpoint, credentials: readOnlyKey },
      { env: {} },
    );
    try {
      const error = await rejectionOf(allocator.allocate({ location: { zone: "SEL-A" } }));
      expect(error).toMatchObject({
        code: "PERMISSION_DENIED",
        providerCode: "AUTHFAILURE_UNAUTHORIZED_OPERATION",
        httpStatus: 403,
        retryable: false,
        attempts: 1,
      });
      expect(emulator.events.count({ provider: "zenlayer", kind: "allocate" })).toBe(0);
      expect(await rejectionOf(allocator.describe("eip-1"))).toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await allocator.close();
      await emulator.close();
    }
  });
});
