import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpDispatcher } from "@polycloud/core";
import { ManualClock } from "@polycloud/core/testing";
import { computeZc2Signature } from "@polycloud/emulator";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { rejectionOf } from "../test/zenlayer-eip-harness.js";
import { createZenlayerEipAllocator } from "./create-zenlayer-eip-allocator.js";

// A plain loopback server records exactly what arrives, so these tests see the wire, not our own code.
interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}
interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const secret = "client-test-secret-value";
const credentials = { accessKeyId: "client-test-key-id", accessKeySecret: secret };
const dispatcher = createHttpDispatcher();
const servers: Server[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve)))));
afterAll(async () => dispatcher.close());

const success = (response: Record<string, unknown>): Reply => ({
  status: 200,
  body: JSON.stringify({ requestId: "T-OK", response: { requestId: "T-OK", ...response } }),
  headers: { "content-type": "application/json" },
});
const emptyDescribe = success({ totalCount: 0, dataSet: [] });

async function listen(replies: Reply[]): Promise<{ endpoint: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      const reply = replies.shift() ?? emptyDescribe;
      response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      response.end(reply.body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function verify(request: Received): boolean {
  const signature = /Signature=([0-9a-f]{64})$/.exec(request.headers.authorization ?? "")?.[1];
  const expected = computeZc2Signature({
    signedHeaders: [
      ["content-type", request.headers["content-type"] as string],
      ["host", request.headers.host as string],
    ],
    body: request.body,
    timestamp: request.headers["x-zc-timestamp"] as string,
    accessKeySecret: secret,
  });
  return signature === expected.signature;
}

describe("ZenlayerEipClient on the wire", () => {
  it("signs exactly the bytes it sends, with the Host (port included) and Content-Type it sends", async () => {
    // A caller's idempotency key is looked up first (Describe), then AllocateEipAddresses is sent.
    const { endpoint, received } = await listen([emptyDescribe, success({ eipIdSet: ["eip-1"] })]);
    const clock = new ManualClock(1_700_000_000_900);
    const allocator = createZenlayerEipAllocator({ endpoint, credentials }, { dispatcher, clock, env: {} });
    await allocator.allocate({
      location: { zone: "SEL-A" },
      tags: { 名前: '测试-実例 / = "quoted"' },
      idempotencyKey: "key-1",
    });
    const [lookup, request] = received as [Received, Received];
    expect(lookup.headers["x-zc-action"]).toBe("DescribeEipAddresses");
    expect(verify(lookup)).toBe(true);
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      host: endpoint.replace("http://", ""),
      "x-zc-action": "AllocateEipAddresses",
      "x-zc-version": "2026-02-01",
      "x-zc-service": "bmc",
      "x-zc-timestamp": "1700000000",
      "x-zc-signature-method": "ZC2-HMAC-SHA256",
    });
    expect(request.headers.authorization).toMatch(
      /^ZC2-HMAC-SHA256 Credential=client-test-key-id, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
    expect(verify(request)).toBe(true);
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({
      zoneId: "SEL-A",
      eipChargeType: "POSTPAID",
      amount: 1,
      tags: {
        tags: [
          { key: "名前", value: '测试-実例 / = "quoted"' },
          { key: "polycloud-idempotency-key", value: "key-1" },
        ],
      },
    });
  });

  it("takes a fresh timestamp for every attempt", async () => {
    const throttled: Reply = {
      status: 429,
      body: JSON.stringify({ requestId: "T-429", code: "REQUEST_LIMIT_EXCEEDED", message: "slow down" }),
    };
    const { endpoint, received } = await listen([throttled, emptyDescribe]);
    const clock = new ManualClock(1_700_000_000_000);
    const allocator = createZenlayerEipAllocator(
      { endpoint, credentials, retry: { throttlingBaseDelayMs: 2_000, jitter: "none" } },
      { dispatcher, clock, env: {} },
    );
    await rejectionOf(allocator.describe("eip-1"));
    expect(received.map((request) => request.headers["x-zc-timestamp"])).toEqual(["1700000000", "1700000002"]);
    expect(received.every(verify)).toBe(true);
  });

  it("sends only the Bearer token in token mode", async () => {
    const { endpoint, received } = await listen([]);
    await rejectionOf(
      createZenlayerEipAllocator(
        { endpoint, apiVersion: "2022-11-20", credentials: { token: "pat-token-1234567" } },
        { dispatcher, env: {} },
      ).describe("eip-1"),
    );
    const [request] = received as [Received];
    expect(request.headers.authorization).toBe("Bearer pat-token-1234567");
    expect(request.headers["x-zc-version"]).toBe("2022-11-20");
    expect(request.headers["x-zc-timestamp"]).toBeUndefined();
    expect(request.headers["x-zc-signature-method"]).toBeUndefined();
  });
});

describe("ZenlayerEipClient reading answers", () => {
  async function describeAgainst(reply: Reply) {
    const { endpoint } = await listen([reply]);
    return rejectionOf(
      createZenlayerEipAllocator(
        { endpoint, credentials, retry: { maxAttempts: 1 } },
        { dispatcher, env: {} },
      ).describe("eip-1"),
    );
  }

  it("maps a Cloudflare challenge (403 + cf-mitigated, HTML) to PERMISSION_DENIED", async () => {
    const error = await describeAgainst({
      status: 403,
      body: "<html>Just a moment...</html>",
      headers: { "content-type": "text/html", "cf-mitigated": "challenge" },
    });
    expect(error).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "SECURITY_CHALLENGE", httpStatus: 403 });
  });

  it("maps HTTP 451 to PERMISSION_DENIED", async () => {
    expect(
      await describeAgainst({ status: 451, body: "blocked", headers: { "content-type": "text/plain" } }),
    ).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "REQUEST_BLOCKED" });
  });

  it("turns an unreadable 200 into INTERNAL with a redacted excerpt", async () => {
    const error = await describeAgainst({
      status: 200,
      body: `<html>proxy error for ${secret}</html>`,
      headers: { "content-type": "text/html" },
    });
    expect(error).toMatchObject({ code: "INTERNAL", httpStatus: 200, ambiguous: true });
    expect(error.message).toContain("proxy error for [REDACTED]");
    expect(JSON.stringify(error)).not.toContain(secret);
  });

  it("falls back to the HTTP status for an unreadable error body (502 page → UNAVAILABLE)", async () => {
    const error = await describeAgainst({
      status: 502,
      body: "<h1>502 Bad Gateway</h1>",
      headers: { "content-type": "text/html" },
    });
    expect(error).toMatchObject({ code: "UNAVAILABLE", httpStatus: 502, ambiguous: true });
    expect(error.message).toContain("502 Bad Gateway");
  });

  it("masks a secret echoed in a provider error message", async () => {
    const error = await describeAgainst({
      status: 400,
      body: JSON.stringify({ requestId: "T-400", code: "INVALID_PARAMETER_VALUE", message: `bad key ${secret}` }),
    });
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", requestId: "T-400" });
    expect(error.message).toContain("bad key [REDACTED]");
  });
});
