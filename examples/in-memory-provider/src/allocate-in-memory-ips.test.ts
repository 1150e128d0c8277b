import { IpAllocatorError } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import type { RunningInMemoryCloud } from "./cloud/index.js";
import { useInMemoryCloud } from "./__fixtures__/use-in-memory-cloud.js";
import { IDEMPOTENCY_TAG_KEY } from "./validate-in-memory-request.js";

const ACCESS_TOKEN = "in-memory-test-token-31d8";
const request = { location: { zone: "mem-1a" } };
const harness = useInMemoryCloud(ACCESS_TOKEN);
const { startCloud, connect } = harness;

describe("allocate converges on one allocation per key", () => {
  it("reads a lost answer back by its key instead of allocating again", async () => {
    const { cloud } = await startCloud();
    cloud.failNext("AllocateIps", "lose-answer");
    const result = await connect().allocate(request);
    expect(result).toMatchObject({ reconciled: true, ips: [{ id: cloud.list()[0]?.id, state: "ready" }] });
    expect(cloud.allocations).toBe(1);
    expect(cloud.liveCount).toBe(1);
  });

  it("retries ServiceBusy at once (answered before processing, so not ambiguous): no read-back", async () => {
    const { cloud } = await startCloud();
    cloud.failNext("AllocateIps", { error: "ServiceBusy" });
    const result = await connect().allocate(request);
    expect(result).toMatchObject({ reconciled: false, metadata: { attempts: 2 } });
    expect(cloud.requests).toBe(2);
    expect(cloud.allocations).toBe(1);
  });

  it("after a reset connection, reads the key back, finds nothing, and sends again with the same key", async () => {
    const { cloud } = await startCloud();
    cloud.failNext("AllocateIps", "reset");
    const result = await connect({ reconcile: { checks: 2, intervalMs: 10 } }).allocate(request);
    expect(result.ips).toHaveLength(1);
    expect(cloud.allocations).toBe(1);
    expect(cloud.list()[0]?.tags[IDEMPOTENCY_TAG_KEY]).toBe(result.idempotencyKey);
  });

  it("finds an answer lost behind a lagging listing within the settle period (shared key)", async () => {
    const { cloud } = await startCloud({ listingLagMs: 300 });
    cloud.failNext("AllocateIps", "lose-answer");
    const result = await connect({ reconcile: { checks: 4, intervalMs: 100 } }).allocate({
      ...request,
      idempotencyKey: "order-7",
    });
    expect(result).toMatchObject({ reconciled: true, idempotencyKey: "order-7" });
    expect(cloud.allocations).toBe(1);
  });

  it("a second caller that cannot see the first allocation yet keeps the oldest and releases its own", async () => {
    const { cloud } = await startCloud({ listingLagMs: 300 });
    const keyed = { ...request, idempotencyKey: "order-8" };
    const first = await connect({ reconcile: { checks: 1, intervalMs: 0 } }).allocate(keyed);
    const second = await connect({ reconcile: { checks: 8, intervalMs: 100 } }).allocate(keyed);
    expect(second.ips.map((ip) => ip.id)).toEqual(first.ips.map((ip) => ip.id));
    expect(second.reconciled).toBe(true);
    expect(cloud.allocations).toBe(2);
    expect(cloud.liveCount).toBe(1);
  });

  it("concurrent allocators sharing a key end with one allocation: every surplus is released", async () => {
    const { cloud } = await startCloud();
    const peers = Array.from({ length: 5 }, () => connect());
    const results = await Promise.all(peers.map((peer) => peer.allocate({ ...request, idempotencyKey: "order-9" })));
    const ids = new Set(results.map((result) => result.ips[0]?.id));
    expect(ids.size).toBe(1);
    expect(cloud.liveCount).toBe(1);
    expect(cloud.list()[0]?.id).toBe([...ids][0]);
  });

  it("calls sharing a key within one allocator run one after the other: one AllocateIps", async () => {
    const { cloud } = await startCloud();
    const allocator = connect();
    const [first, second] = await Promise.all([
      allocator.allocate({ ...request, idempotencyKey: "order-10" }),
      allocator.allocate({ ...request, idempotencyKey: "order-10" }),
    ]);
    expect(second.ips[0]?.id).toBe(first.ips[0]?.id);
    expect(cloud.allocations).toBe(1);
  });

  it("refuses a key already used for a different request (another instance) with ALREADY_EXISTS", async () => {
    await startCloud();
    const allocator = connect();
    await allocator.allocate({ ...request, instanceId: "vm-1", idempotencyKey: "order-11" });
    const error = await allocator
      .allocate({ ...request, instanceId: "vm-2", idempotencyKey: "order-11" })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "ALREADY_EXISTS", details: { idempotencyKey: "order-11" } });
  });
});

describe("a step that fails after the allocation", () => {
  /** Reset the first send (nothing committed), then let the listing fail once the retry has allocated. */
  async function failAfterAllocating(): Promise<RunningInMemoryCloud> {
    const running = await startCloud();
    running.cloud.failNext("AllocateIps", "reset");
    running.cloud.failNext("ListIps", { error: "InternalError" }, { skip: 1, times: 10 });
    return running;
  }

  it("releases what the call allocated and names it in the error", async () => {
    const { cloud } = await failAfterAllocating();
    const error = await connect({ reconcile: { checks: 1, intervalMs: 0 } })
      .allocate(request)
      .catch((thrown: unknown) => thrown);
    expect(IpAllocatorError.isInstance(error)).toBe(true);
    const { allocatedIds, releasedIds, keptIds } = (error as IpAllocatorError).details as Record<string, string[]>;
    expect(allocatedIds).toHaveLength(1);
    expect(releasedIds).toEqual(allocatedIds);
    expect(keptIds).toEqual([]);
    expect((error as Error).message).toContain(`released ${allocatedIds?.[0]}`);
    expect(cloud.liveCount).toBe(0);
  });

  it("keeps it, named as still allocated, with reconcile.releaseOnFailure false", async () => {
    const { cloud } = await failAfterAllocating();
    const error = await connect({ reconcile: { checks: 1, intervalMs: 0, releaseOnFailure: false } })
      .allocate(request)
      .catch((thrown: unknown) => thrown);
    const { allocatedIds, keptIds } = (error as IpAllocatorError).details as Record<string, string[]>;
    expect(keptIds).toEqual(allocatedIds);
    expect((error as Error).message).toMatch(/still allocated/);
    expect(cloud.liveCount).toBe(1);
  });
});
