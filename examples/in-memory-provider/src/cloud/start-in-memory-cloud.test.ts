import { afterEach, describe, expect, it } from "vitest";
import { startInMemoryCloud, type RunningInMemoryCloud } from "./start-in-memory-cloud.js";

const TOKEN = "in-memory-cloud-token-44e1";
let far: RunningInMemoryCloud | undefined;

afterEach(async () => {
  await far?.close();
  far = undefined;
});

/** A raw call, as any HTTP client would make it. */
async function call(
  action: string,
  body: unknown,
  token = TOKEN,
  signal?: AbortSignal,
): Promise<{ status: number; json: Record<string, unknown>; requestId: string | null }> {
  const response = await fetch(`${far?.endpoint}/v1/${action}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    requestId: response.headers.get("x-mem-request-id"),
  };
}

describe("the in-memory cloud over loopback HTTP", () => {
  it("listens on loopback only", async () => {
    await expect(startInMemoryCloud({ host: "0.0.0.0" })).rejects.toThrow(/loopback/);
  });

  it("answers JSON with a request id, and errors in its own envelope", async () => {
    far = await startInMemoryCloud({ accessToken: TOKEN });
    const allocated = await call("AllocateIps", { zone: "mem-1a", count: 1, tags: { k: "v" } });
    expect(allocated).toMatchObject({
      status: 200,
      json: { ips: [{ id: "mem-ip-1", address: "198.51.100.1", status: "ACTIVE", sequence: 1 }] },
      requestId: expect.stringMatching(/^req-/),
    });
    const denied = await call("DescribeIp", { id: "mem-ip-1" }, "wrong-token-123");
    expect(denied).toMatchObject({
      status: 401,
      json: { error: { code: "AuthFailure" }, requestId: denied.requestId },
    });
    expect(await call("AllocateIps", { zone: "mem-9z", count: 1 })).toMatchObject({
      status: 400,
      json: { error: { code: "InvalidZone" } },
    });
  });

  it("lists by tag oldest first, and only once the listing lag has passed", async () => {
    far = await startInMemoryCloud({ accessToken: TOKEN, listingLagMs: 150 });
    const tags = { key: "k-1" };
    await call("AllocateIps", { zone: "mem-1a", count: 2, tags });
    await call("AllocateIps", { zone: "mem-1a", count: 1, tags: { key: "other" } });
    const list = () => call("ListIps", { tag: { key: "key", value: "k-1" } });
    expect((await list()).json.ips).toEqual([]);
    expect((await call("DescribeIp", { id: "mem-ip-1" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(((await list()).json.ips as Array<{ id: string }>).map((ip) => ip.id)).toEqual(["mem-ip-1", "mem-ip-2"]);
  });

  it("loses an answer after committing, and close() ends a hanging request", async () => {
    far = await startInMemoryCloud({ accessToken: TOKEN });
    far.cloud.failNext("AllocateIps", "lose-answer");
    await expect(call("AllocateIps", { zone: "mem-1a", count: 1 })).rejects.toThrow();
    expect(far.cloud.liveCount).toBe(1);
    far.cloud.failNext("DescribeIp", "hang");
    const hanging = call("DescribeIp", { id: "mem-ip-1" }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await far.close();
    expect(await hanging).toBeInstanceOf(Error);
  });
});
