// The caller's side, as the README and docs/writing-an-adapter.md show it (their snippets are copied from here).
import { IpAllocatorError, allocateUntilReady } from "@polycloud/core";
import { expect, it } from "vitest";
import { startInMemoryCloud } from "./cloud/index.js";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";

it("allocates and waits until ready with allocateUntilReady", async () => {
  const { endpoint, close } = await startInMemoryCloud({ provisioningDelayMs: 200 });
  const allocator = createInMemoryAllocator({ endpoint, accessToken: "in-memory-demo-token" });
  try {
    const { ips } = await allocateUntilReady(
      allocator,
      { location: { zone: "mem-1a" }, idempotencyKey: "order-42" },
      { timeoutMs: 30_000 },
    );
    expect(ips[0]).toMatchObject({ state: "ready", address: "198.51.100.1" });
  } finally {
    await allocator.close();
    await close();
  }
});

it("releases what it allocated, and names it, when the wait fails", async () => {
  const { endpoint, cloud, close } = await startInMemoryCloud({ provisioningDelayMs: 60_000 });
  const allocator = createInMemoryAllocator({ endpoint, accessToken: "in-memory-demo-token" });
  try {
    const error = await allocateUntilReady(allocator, { location: { zone: "mem-1a" } }, { timeoutMs: 300 }).catch(
      (thrown: unknown) => thrown,
    );
    // TIMEOUT: waitUntilReady did not finish within … ms. This call allocated mem-ip-1; released mem-ip-1.
    expect(IpAllocatorError.hasCode(error, "TIMEOUT")).toBe(true);
    expect(error).toMatchObject({ details: { allocatedIds: ["mem-ip-1"], releasedIds: ["mem-ip-1"], keptIds: [] } });
    expect(cloud.liveCount).toBe(0);
  } finally {
    await allocator.close();
    await close();
  }
});
