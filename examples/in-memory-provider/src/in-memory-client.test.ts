import { IpAllocatorError } from "@polycloud/core";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { describe, expect, it } from "vitest";
import { useInMemoryCloud } from "./__fixtures__/use-in-memory-cloud.js";

const ACCESS_TOKEN = "in-memory-test-token-8b1f";
const request = { location: { zone: "mem-1a" } };
const harness = useInMemoryCloud(ACCESS_TOKEN);
const { startCloud, connect } = harness;

describe("the in-memory client on the wire", () => {
  it("sends JSON with a Bearer token, reports each attempt to the hooks redacted, and keeps the request id", async () => {
    await startCloud();
    const events = collectHookEvents();
    const result = await connect().allocate(request, { hooks: events.hooks });
    expect(events.requests).toMatchObject([
      {
        method: "POST",
        url: `${harness.far?.endpoint}/v1/AllocateIps`,
        headers: { authorization: "Bearer [REDACTED]", "content-type": "application/json" },
      },
    ]);
    expect(JSON.parse(events.requests[0]?.body ?? "")).toMatchObject({ zone: "mem-1a", count: 1 });
    expect(result.requestId).toMatch(/^req-/);
    expect(events.responses[0]?.requestId).toBe(result.requestId);
    expectNoSecrets(events, [ACCESS_TOKEN]);
  });

  it("honours the cloud's retry hint on Throttled (x-mem-retry-after-ms)", async () => {
    const { cloud } = await startCloud();
    cloud.failNext("AllocateIps", { error: "Throttled", retryAfterMs: 250 });
    const events = collectHookEvents();
    const started = Date.now();
    const result = await connect().allocate(request, { hooks: events.hooks });
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(events.retries).toMatchObject([
      { delayMs: 250, error: { code: "RATE_LIMITED", providerCode: "Throttled", retryAfterMs: 250 } },
    ]);
    expect(result.metadata).toMatchObject({ attempts: 2, totalRetryDelayMs: 250 });
    expect(cloud.allocations).toBe(1);
  });

  it("maps the cloud's codes through the error table, with its request id", async () => {
    await startCloud({ poolCidr: "198.51.100.0/30" });
    const allocator = connect();
    await expect(allocator.allocate({ ...request, count: 3 })).rejects.toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      providerCode: "PoolExhausted",
      httpStatus: 409,
      requestId: expect.stringMatching(/^req-/),
    });
    await expect(allocator.allocate({ location: { zone: "mem-9z" } })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      providerCode: "InvalidZone",
      details: { hint: "location.zone names no zone of this cloud" },
    });
    await expect(allocator.describe("mem-ip-404")).rejects.toMatchObject({
      code: "NOT_FOUND",
      providerCode: "NotFound",
    });
  });

  it("rejects a wrong token UNAUTHENTICATED without echoing it", async () => {
    await startCloud();
    const wrong = "in-memory-wrong-token-0c3a";
    const error = await connect({ accessToken: wrong })
      .allocate(request)
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", providerCode: "AuthFailure", httpStatus: 401 });
    expectNoSecrets(error, [wrong, ACCESS_TOKEN]);
  });

  it("treats an unreadable 2xx as INTERNAL, retryable and ambiguous: an allocation reads its key back", async () => {
    const { cloud } = await startCloud();
    cloud.failNext(
      "DescribeIp",
      { respond: { status: 200, headers: { "content-type": "text/html" }, body: "<html>maintenance</html>" } },
      { times: 3 },
    );
    const allocator = connect();
    const { ips } = await allocator.allocate(request);
    const error = await allocator.describe(ips[0]?.id ?? "").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "INTERNAL",
      retryable: true,
      ambiguous: true,
      attempts: 3,
      details: { excerpt: "<html>maintenance</html>" },
    });
  });

  it("falls back on the HTTP status for an answer without the envelope (a proxy's 502 page)", async () => {
    const { cloud } = await startCloud();
    cloud.failNext("AllocateIps", { respond: { status: 502, body: "Bad Gateway" } });
    const result = await connect({ reconcile: { checks: 1, intervalMs: 0 } }).allocate(request);
    // 5xx is ambiguous: the key was read back (nothing), then sent again.
    expect(result.ips).toHaveLength(1);
    expect(cloud.allocations).toBe(1);
  });

  it("resolves the credential at the first call: from IN_MEMORY_ACCESS_TOKEN, or UNAUTHENTICATED naming where it looked", async () => {
    await startCloud();
    const fromEnv = connect({ accessToken: undefined }, { env: { IN_MEMORY_ACCESS_TOKEN: ACCESS_TOKEN } });
    expect((await fromEnv.allocate(request)).ips).toHaveLength(1);
    // Building it succeeds; the first call fails, before anything is sent.
    const without = connect({ accessToken: undefined }, { env: {} });
    const requestsBefore = harness.far?.cloud.requests;
    const error = await without.allocate(request).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      details: { lookedIn: ["settings.accessToken", "env:IN_MEMORY_ACCESS_TOKEN"] },
    });
    expect(harness.far?.cloud.requests).toBe(requestsBefore);
  });

  it("admits at most rateLimit.maxRequests per window", async () => {
    await startCloud();
    const allocator = connect({ rateLimit: { maxRequests: 1, windowMs: 200 } });
    const { ips } = await allocator.allocate(request);
    const started = Date.now();
    await allocator.describe(ips[0]?.id ?? "");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("a rate-limit wait ends with the allocator's close(), nothing sent", async () => {
    const { cloud } = await startCloud();
    const allocator = connect({ rateLimit: { maxRequests: 1, windowMs: 60_000 } });
    const { ips } = await allocator.allocate(request);
    const requestsBefore = cloud.requests;
    const waiting = allocator.describe(ips[0]?.id ?? "").catch((thrown: unknown) => thrown);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await allocator.close();
    expect(IpAllocatorError.hasCode(await waiting, "FAILED_PRECONDITION")).toBe(true);
    expect(cloud.requests).toBe(requestsBefore);
  });
});
