import { CLOCK, IpAllocatorError, registerValue, resolveToken } from "@polycloud/core";
import { createAllocatorContainer, disposeAllocatorContainer } from "@polycloud/core/di";
import { describe, expect, it } from "vitest";
import { useInMemoryCloud } from "./__fixtures__/use-in-memory-cloud.js";
import { inMemoryModule } from "./di.js";
import { InMemoryAllocator } from "./in-memory-allocator.js";
import { IN_MEMORY_ALLOCATOR, IN_MEMORY_ENVIRONMENT } from "./in-memory-tokens.js";

const ACCESS_TOKEN = "in-memory-test-token-5a90";
const request = { location: { zone: "mem-1a" } };
const harness = useInMemoryCloud(ACCESS_TOKEN);
const { startCloud, connect } = harness;

describe("InMemoryAllocator", () => {
  it("allocates, describes, releases; the address returns to the pool", async () => {
    const { cloud } = await startCloud({ poolCidr: "198.51.100.0/30" });
    const allocator = connect();
    const result = await allocator.allocate({
      ...request,
      count: 2,
      tags: { team: "edge" },
      providerOptions: { "in-memory": { description: "web" } },
    });
    expect(result.ips).toMatchObject([
      {
        state: "ready",
        address: "198.51.100.1",
        location: { zone: "mem-1a" },
        tags: { team: "edge" },
        raw: { description: "web" },
      },
      { state: "ready", address: "198.51.100.2" },
    ]);
    // The key tag is the adapter's own: kept in `raw`, not in the neutral tags.
    expect(Object.keys(result.ips[0]?.tags ?? {})).toEqual(["team"]);
    const first = result.ips[0]?.id ?? "";
    expect((await allocator.describe(first)).ip).toMatchObject({ id: first, state: "ready" });
    expect(await allocator.release(first)).toMatchObject({
      id: first,
      state: "released",
      requestId: expect.stringMatching(/^req-/),
    });
    await expect(allocator.describe(first)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await allocator.allocate(request)).ips[0]?.address).toBe("198.51.100.1");
    expect(cloud.liveCount).toBe(2);
  });

  it("provisions asynchronously: pending without an address, then ready after waitUntilReady", async () => {
    await startCloud({ provisioningDelayMs: 150 });
    const allocator = connect();
    const [ip] = (await allocator.allocate(request)).ips;
    expect(ip).toMatchObject({ state: "pending", address: undefined, providerState: "PROVISIONING" });
    const ready = await allocator.waitUntilReady(ip?.id ?? "", { pollIntervalMs: 20 });
    expect(ready.ip).toMatchObject({ state: "ready", address: "198.51.100.1", providerState: "ACTIVE" });
    expect(ready.metadata.attempts).toBe(1);
  });

  it("bounds waitUntilReady by its timeoutMs", async () => {
    await startCloud({ provisioningDelayMs: 60_000 });
    const allocator = connect();
    const [ip] = (await allocator.allocate(request)).ips;
    await expect(allocator.waitUntilReady(ip?.id ?? "", { timeoutMs: 100, pollIntervalMs: 20 })).rejects.toMatchObject({
      code: "TIMEOUT",
    });
  });

  it("validates before sending: reserved tags, provider options, ids", async () => {
    const { cloud } = await startCloud();
    const allocator = connect();
    await expect(allocator.allocate({ ...request, tags: { "polycloud:idempotency-key": "x" } })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "tags.polycloud:idempotency-key" }],
    });
    await expect(
      allocator.allocate({ ...request, providerOptions: { "in-memory": { descripton: "typo" } } }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(allocator.release("")).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "id" }] });
    expect(cloud.requests).toBe(0);
  });

  it("refuses calls after close(), which is idempotent", async () => {
    await startCloud();
    const allocator = connect();
    await Promise.all([allocator.close(), allocator.close()]);
    await expect(allocator.allocate(request)).rejects.toSatisfy((error) =>
      IpAllocatorError.hasCode(error, "FAILED_PRECONDITION"),
    );
  });

  it("resolves from a DI container; two configured allocators live side by side", async () => {
    await startCloud();
    const endpoint = harness.far?.endpoint ?? "";
    const parent = createAllocatorContainer();
    registerValue(parent, IN_MEMORY_ENVIRONMENT, { env: { IN_MEMORY_ACCESS_TOKEN: ACCESS_TOKEN } });
    const good = createAllocatorContainer(parent);
    const bad = createAllocatorContainer(parent);
    inMemoryModule.register(good, { endpoint });
    inMemoryModule.register(bad, { endpoint, accessToken: "not-the-token" });
    const { ips } = await resolveToken(good, IN_MEMORY_ALLOCATOR).allocate(request);
    await expect(bad.resolve(InMemoryAllocator).describe(ips[0]?.id ?? "")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(good.resolve(InMemoryAllocator)).toBe(resolveToken(good, IN_MEMORY_ALLOCATOR));
    expect(good.resolve(CLOCK)).toBe(parent.resolve(CLOCK));
    await Promise.all([good, bad].map((container) => resolveToken(container, IN_MEMORY_ALLOCATOR).close()));
    await Promise.all([good, bad, parent].map(disposeAllocatorContainer));
  });
});
