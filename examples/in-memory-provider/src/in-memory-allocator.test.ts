import { CLOCK, IpAllocatorError, registerValue } from "@polycloud/core";
import { createAllocatorContainer, disposeAllocatorContainer } from "@polycloud/core/di";
import { ManualClock } from "@polycloud/core/testing";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { describe, expect, it } from "vitest";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { InMemoryCloud } from "./in-memory-cloud.js";
import { inMemoryModule } from "./di.js";
import { IN_MEMORY_CLOUD } from "./in-memory-tokens.js";

const ACCESS_TOKEN = "in-memory-test-token-31d8";
const request = { location: { zone: "mem-1a" } };

/** A cloud on a manual clock (sleeps return at once), and an allocator on it. */
function createTestAllocator(cloudOptions: { poolCidr?: string; provisioningDelayMs?: number } = {}) {
  const clock = new ManualClock();
  const cloud = new InMemoryCloud({ accessToken: ACCESS_TOKEN, zone: "mem-1a", poolCidr: "198.51.100.0/24", latencyMs: 0, provisioningDelayMs: 0, clock, ...cloudOptions });
  const allocator = createInMemoryAllocator({ accessToken: ACCESS_TOKEN }, { cloud, clock, random: () => 0.5 });
  return { clock, cloud, allocator };
}

describe("InMemoryAllocator", () => {
  it("retries a busy cloud with backoff and reports each attempt to the hooks, redacted", async () => {
    const { cloud, allocator } = createTestAllocator();
    cloud.failNext("allocate", "ServiceBusy");
    const events = collectHookEvents();
    const result = await allocator.allocate(request, { hooks: events.hooks });
    expect(result.metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: 50 });
    expect(events.retries.map((event) => event.error.code)).toEqual(["UNAVAILABLE"]);
    expect(events.requests.map((event) => event.headers.authorization)).toEqual(["Bearer [REDACTED]", "Bearer [REDACTED]"]);
    expectNoSecrets(events, [ACCESS_TOKEN]);
  });

  it("reconciles a lost allocate answer through the idempotency key instead of allocating again", async () => {
    const { cloud, allocator } = createTestAllocator();
    cloud.failNext("allocate", "ConnectionLost");
    const result = await allocator.allocate({ ...request, idempotencyKey: "order-42" });
    expect(result).toMatchObject({ reconciled: true, idempotencyKey: "order-42", metadata: { attempts: 2 } });
    expect(result.warnings).toHaveLength(1);
    expect(cloud.allocations).toBe(1);
  });

  it("reports OUTCOME_UNKNOWN when the lost answer cannot be reconciled in time", async () => {
    const { cloud, allocator } = createTestAllocator();
    cloud.failNext("allocate", "ConnectionLost");
    cloud.hangNext("lookup");
    const error = await allocator.allocate(request, { timeoutMs: 20 }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", ambiguous: true, retryable: false, providerCode: "ConnectionLost" });
  });

  it("maps the cloud's own error codes through its table", async () => {
    const { allocator } = createTestAllocator({ poolCidr: "198.51.100.0/30" });
    await expect(allocator.allocate({ ...request, count: 3 })).rejects.toMatchObject({ code: "RESOURCE_EXHAUSTED", providerCode: "PoolExhausted" });
    await expect(allocator.allocate({ location: { zone: "mem-9z" } })).rejects.toMatchObject({ code: "INVALID_ARGUMENT", providerCode: "InvalidZone", issues: [{ path: "location.zone" }] });
    await allocator.allocate({ ...request, idempotencyKey: "k-1" });
    await expect(allocator.allocate({ ...request, idempotencyKey: "k-1", count: 2 })).rejects.toMatchObject({ code: "ALREADY_EXISTS", providerCode: "IdempotencyMismatch" });
  });

  it("returns released addresses to the pool", async () => {
    const { allocator } = createTestAllocator({ poolCidr: "198.51.100.0/30" });
    const { ips } = await allocator.allocate({ ...request, count: 2 });
    await expect(allocator.allocate(request)).rejects.toMatchObject({ code: "RESOURCE_EXHAUSTED" });
    await allocator.release(ips[0]?.id ?? "");
    expect((await allocator.allocate(request)).ips[0]?.address).toBe(ips[0]?.address);
  });

  it("provisions asynchronously: pending with no address, then ready after polling", async () => {
    const { clock, allocator } = createTestAllocator({ provisioningDelayMs: 1_000 });
    expect(allocator.capabilities.provisioning).toBe("asynchronous");
    const [ip] = (await allocator.allocate(request)).ips;
    expect(ip).toMatchObject({ state: "pending", address: undefined, providerState: "PROVISIONING" });
    const ready = await allocator.waitUntilReady(ip?.id ?? "", { pollIntervalMs: 200 });
    expect(ready.ip).toMatchObject({ state: "ready", address: "198.51.100.1" });
    expect(clock.sleeps.reduce((total, delay) => total + delay, 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("refuses calls after close()", async () => {
    const { allocator } = createTestAllocator();
    await allocator.close();
    await expect(allocator.allocate(request)).rejects.toSatisfy((error) => IpAllocatorError.hasCode(error, "FAILED_PRECONDITION"));
  });

  it("resolves from a DI container; a cloud registered in the parent is shared by two configured allocators", async () => {
    const parent = createAllocatorContainer();
    registerValue(parent, IN_MEMORY_CLOUD, new InMemoryCloud({ accessToken: ACCESS_TOKEN, zone: "mem-1a", poolCidr: "198.51.100.0/24", latencyMs: 0, provisioningDelayMs: 0 }));
    const good = createAllocatorContainer(parent);
    const bad = createAllocatorContainer(parent);
    inMemoryModule.register(good, { accessToken: ACCESS_TOKEN });
    inMemoryModule.register(bad, { accessToken: "not-the-token" });
    const { ips } = await good.resolve(InMemoryAllocator).allocate(request);
    await expect(bad.resolve(InMemoryAllocator).describe(ips[0]?.id ?? "")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(good.resolve(CLOCK)).toBe(parent.resolve(CLOCK));
    await Promise.all([good, bad, parent].map(disposeAllocatorContainer));
  });
});
