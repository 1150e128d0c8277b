import { afterEach, describe, expect, it } from "vitest";
import { RUNNING_INSTANCE_IDS, TEST_REGION, rejectionOf, startHarness, type Harness } from "../test/aws-ec2-harness.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const location = { region: TEST_REGION };
const received = (test: Harness, action: string) =>
  test.emulator.events.list({ provider: "aws" }).filter((event) => event.action === action).length;

describe("exactly one Elastic IP per idempotency key", () => {
  it("two allocators (two processes) with one key get the same address, and only one is billed", async () => {
    harness = await startHarness();
    const first = await harness.allocator.allocate({ location, idempotencyKey: "order-42" });
    const second = await harness.createAllocator().allocate({ location, idempotencyKey: "order-42" });
    expect(second.ips.map((ip) => ip.id)).toEqual(first.ips.map((ip) => ip.id));
    expect(second).toMatchObject({ reconciled: true, idempotencyKey: "order-42" });
    expect(harness.allocations()).toBe(1);
  });

  it("the same key with an instance returns the address already on it as is", async () => {
    harness = await startHarness();
    const instanceId = RUNNING_INSTANCE_IDS[0];
    const first = await harness.allocator.allocate({ location, instanceId, idempotencyKey: "web-1" });
    const second = await harness.createAllocator().allocate({ location, instanceId, idempotencyKey: "web-1" });
    expect(second.ips[0]).toMatchObject({ id: first.ips[0]?.id, instanceId });
    expect(received(harness, "AssociateAddress")).toBe(1);
    const other = await rejectionOf(
      harness.createAllocator().allocate({ location, instanceId: RUNNING_INSTANCE_IDS[1], idempotencyKey: "web-1" }),
    );
    expect(other).toMatchObject({
      code: "ALREADY_EXISTS",
      details: { idempotencyKey: "web-1", allocationIds: [first.ips[0]?.id] },
    });
    expect(harness.allocations()).toBe(1);
  });

  it.each([true, false])(
    "a lost AllocateAddress answer (reset after commit) allocates once (caller's key: %s)",
    async (keyed) => {
      harness = await startHarness();
      harness.fault({ action: "AllocateAddress", kind: "reset-after-commit", times: 1 });
      const result = await harness.allocator.allocate({
        location,
        ...(keyed ? { idempotencyKey: "lost-answer" } : {}),
      });
      expect(result).toMatchObject({ reconciled: true, ips: [{ state: "ready" }] });
      expect(harness.allocations()).toBe(1);
      expect(harness.liveAllocations()).toBe(1);
    },
  );

  it("a lost answer is found even when DescribeAddresses lags behind, within the settle period", async () => {
    harness = await startHarness({ emulator: { describeLagMs: 120 } });
    harness.fault({ action: "AllocateAddress", kind: "reset-after-commit", times: 1 });
    const result = await harness.allocator.allocate({ location });
    expect(result.reconciled).toBe(true);
    expect(harness.liveAllocations()).toBe(1);
  });

  it("an unreadable 200 (truncated XML) and a 500 are read back by tag: one address either way", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateAddress", kind: "malformed-json", times: 1 });
    const truncated = await harness.allocator.allocate({ location });
    expect(truncated.reconciled).toBe(true);
    harness.fault({ action: "AllocateAddress", kind: "server-error", times: 1 });
    const failed = await harness.allocator.allocate({ location });
    // The 500 was answered before anything was allocated: read back, absent, sent again with the same key.
    expect(failed).toMatchObject({ reconciled: false, metadata: { attempts: 2 } });
    expect(harness.allocations()).toBe(2);
    expect(harness.liveAllocations()).toBe(2);
  });
});
