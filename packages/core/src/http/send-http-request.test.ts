import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { MockAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createOperationSignal } from "../retry/create-operation-signal.js";
import type { RequestEvent } from "../spec/operation-options.js";
import { createHttpDispatcher } from "./create-http-dispatcher.js";
import { createRedactor } from "./redact.js";
import { sendHttpRequest } from "./send-http-request.js";

const servers: Server[] = [];
const dispatcher = createHttpDispatcher({ connectTimeoutMs: 2_000 });
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const base = { dispatcher, provider: "test", operation: "allocate", attempt: 1 };

describe("sendHttpRequest", () => {
  it("returns status, lower-cased headers and the body without throwing on HTTP errors", async () => {
    const url = await listen((_request, response) => {
      response.writeHead(503, { "X-Request-Id": "abc", "content-type": "application/json" });
      response.end('{"Code":"ServiceUnavailable"}');
    });
    const response = await sendHttpRequest({ method: "POST", url, headers: {} }, base);
    expect(response).toEqual({
      status: 503,
      headers: expect.objectContaining({ "x-request-id": "abc" }),
      body: '{"Code":"ServiceUnavailable"}',
    });
  });

  it("returns a server's echo of the credentials and of the request's signature masked, in the body and the headers", async () => {
    const secret = "echoed-secret-0123456789";
    const signature = "9f86d081884c7d659a2feaa0c55ad015";
    const url = await listen((request, response) => {
      const echo = `${request.headers.authorization} ${secret} ${encodeURIComponent(secret)}`;
      response.writeHead(200, { "x-request-id": echo, "content-type": "application/json" });
      response.end(JSON.stringify({ RequestId: echo, NextToken: "page-2" }));
    });
    const events: unknown[] = [];
    const response = await sendHttpRequest(
      { method: "POST", url, headers: { authorization: `HMAC-SHA256 Credential=key-id, Signature=${signature}` } },
      {
        ...base,
        redactor: createRedactor([secret]),
        requestIdHeader: "x-request-id",
        hooks: { onResponse: (event) => events.push(event) },
      },
    );
    const shown = JSON.stringify([response, events]);
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(signature);
    expect(response.headers["x-request-id"]).toBe(
      "HMAC-SHA256 Credential=key-id, Signature=[REDACTED] [REDACTED] [REDACTED]",
    );
    expect(JSON.parse(response.body)).toMatchObject({ NextToken: "page-2" });
  });

  it("maps a refused connection to NETWORK that provably never reached the server", async () => {
    const url = await listen(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(sendHttpRequest({ method: "GET", url, headers: {} }, base)).rejects.toMatchObject({
      code: "NETWORK",
      ambiguous: false,
      retryable: true,
      details: { networkCode: "ECONNREFUSED" },
    });
  });

  it("maps a connection reset after the request was sent to an ambiguous NETWORK error", async () => {
    const url = await listen((request) => request.socket.destroy());
    await expect(sendHttpRequest({ method: "POST", url, headers: {}, body: "x" }, base)).rejects.toMatchObject({
      code: "NETWORK",
      ambiguous: true,
    });
  });

  it("maps a response that never comes to TIMEOUT (headers timeout)", async () => {
    const url = await listen(() => {});
    await expect(
      sendHttpRequest({ method: "GET", url, headers: {} }, { ...base, headersTimeoutMs: 100 }),
    ).rejects.toMatchObject({ code: "TIMEOUT", ambiguous: true, details: { networkCode: "UND_ERR_HEADERS_TIMEOUT" } });
  });

  it("rejects with the operation's typed reason when the caller aborts or the deadline passes", async () => {
    const url = await listen(() => {});
    const caller = new AbortController();
    const cancelled = createOperationSignal({ signal: caller.signal }, { provider: "test", operation: "allocate" });
    const pending = sendHttpRequest({ method: "GET", url, headers: {} }, { ...base, signal: cancelled.signal });
    setTimeout(() => caller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED", ambiguous: true });
    cancelled.dispose();
    const deadline = createOperationSignal({ timeoutMs: 50 }, { provider: "test", operation: "allocate" });
    await expect(
      sendHttpRequest({ method: "GET", url, headers: {} }, { ...base, signal: deadline.signal }),
    ).rejects.toMatchObject({ code: "TIMEOUT", message: "allocate did not finish within 50 ms." });
    deadline.dispose();
  });

  it("refuses responses larger than the limit", async () => {
    const url = await listen((_request, response) => response.end("x".repeat(2_048)));
    await expect(
      sendHttpRequest({ method: "GET", url, headers: {} }, { ...base, maxResponseBytes: 1_024 }),
    ).rejects.toMatchObject({ code: "INTERNAL" });
  });

  it("reads chunked answers (no content-length) whole, multi-byte characters split across chunks included", async () => {
    const text = JSON.stringify({ RequestId: "r-1", Message: "地域 cn-hangzhou ✓" });
    const bytes = Buffer.from(text, "utf8");
    const url = await listen((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // Split inside the first multi-byte character, in three writes: Node sends them as chunks.
      const cut = bytes.indexOf(0xe5) + 1;
      response.write(bytes.subarray(0, cut));
      response.write(bytes.subarray(cut, cut + 5));
      response.end(bytes.subarray(cut + 5));
    });
    const response = await sendHttpRequest({ method: "GET", url, headers: {} }, base);
    expect(response.headers["content-length"]).toBeUndefined();
    expect(response.body).toBe(text);
  });

  it("stops reading a chunked answer once it exceeds the limit", async () => {
    const url = await listen((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write("x".repeat(512)), 1);
      response.on("close", () => clearInterval(timer));
    });
    await expect(
      sendHttpRequest({ method: "GET", url, headers: {} }, { ...base, maxResponseBytes: 4_096 }),
    ).rejects.toMatchObject({
      code: "INTERNAL",
      message: expect.stringContaining("exceeded 4096 bytes"),
    });
  });

  it("shows hooks only redacted requests", async () => {
    const url = await listen((_request, response) => response.end("{}"));
    const seen: RequestEvent[] = [];
    await sendHttpRequest(
      {
        method: "POST",
        url: `${url}/?Action=X&Signature=abc%2Bdef&AccessKeyId=id-1`,
        headers: {
          Authorization: "ACS3-HMAC-SHA256 Credential=id-1,SignedHeaders=host,Signature=deadbeef",
          "x-acs-security-token": "sts-token-value",
        },
        body: '{"accessKeySecret":"very-secret-value","zoneId":"SEL-A"}',
      },
      { ...base, hooks: { onRequest: (event) => seen.push(event) } },
    );
    const logged = JSON.stringify(seen);
    for (const secret of ["abc%2Bdef", "deadbeef", "sts-token-value", "very-secret-value"])
      expect(logged).not.toContain(secret);
    expect(seen[0]?.headers.Authorization).toBe("ACS3-HMAC-SHA256 [REDACTED]");
    expect(seen[0]?.body).toContain('"zoneId":"SEL-A"');
  });

  it("sends through an injected undici MockAgent", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get("https://ecs.example.invalid").intercept({ path: "/", method: "POST" }).reply(200, '{"RequestId":"r-1"}');
    const response = await sendHttpRequest(
      { method: "POST", url: "https://ecs.example.invalid/", headers: {} },
      { ...base, dispatcher: agent },
    );
    expect(response.body).toBe('{"RequestId":"r-1"}');
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
