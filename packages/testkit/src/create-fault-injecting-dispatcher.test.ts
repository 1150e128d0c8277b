import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { IpAllocatorError, sendHttpRequest } from "@polycloud/core";
import { request, type Dispatcher } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createFaultInjectingDispatcher,
  type FaultInjectingDispatcher,
  type WireRequest,
} from "./create-fault-injecting-dispatcher.js";

interface Received {
  method: string;
  url: string;
  body: string;
}

let server: Server;
let origin: string;
const received: Received[] = [];
let dispatcher: FaultInjectingDispatcher;

beforeAll(async () => {
  // A real far side: records what it processed and answers with how many requests it has seen.
  server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      received.push({
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response
        .writeHead(200, { "content-type": "application/json", "x-request-id": `req-${received.length}` })
        .end(JSON.stringify({ seen: received.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(async () => {
  await dispatcher?.close();
  received.length = 0;
});

/** undici's `request()` (a legacy handler); resolves with status, headers and body text, or rejects with the error. */
async function send(
  path = "/ips",
  options: {
    method?: "GET" | "POST";
    body?: string | Buffer;
    headers?: Record<string, string> | string[];
    signal?: AbortSignal;
  } = {},
) {
  const response = await request(`${origin}${path}`, {
    dispatcher,
    method: options.method ?? "POST",
    body: options.body,
    headers: options.headers,
    signal: options.signal,
  });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: Error & { code?: string }) => error,
  );
}

describe("createFaultInjectingDispatcher", () => {
  it("forwards and counts every request while no rule fires", async () => {
    dispatcher = createFaultInjectingDispatcher();
    expect(await send("/ips", { body: "{}" })).toMatchObject({ status: 200, body: '{"seen":1}' });
    expect(await send("/ips", { method: "GET" })).toMatchObject({ status: 200, body: '{"seen":2}' });
    expect([dispatcher.requests, dispatcher.fired, received.length]).toEqual([2, 0, 2]);
  });

  it("lose-answer: the far side processes the request, the client sees ECONNRESET, the next request is answered", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "lose-answer" } });
    const error = await rejectionOf(send("/ips?Action=Allocate", { body: '{"zone":"a"}' }));
    expect(error.code).toBe("ECONNRESET");
    expect(received).toEqual([{ method: "POST", url: "/ips?Action=Allocate", body: '{"zone":"a"}' }]);
    expect(await send()).toMatchObject({ status: 200, body: '{"seen":2}' });
    expect([dispatcher.requests, dispatcher.fired]).toEqual([2, 1]);
  });

  it("reset-before: the client sees ECONNRESET and nothing reaches the far side", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "reset-before" } });
    expect((await rejectionOf(send())).code).toBe("ECONNRESET");
    expect(received).toEqual([]);
    expect([dispatcher.requests, dispatcher.fired]).toEqual([1, 1]);
  });

  it("respond: answers in place of the far side with the given status, headers and body", async () => {
    dispatcher = createFaultInjectingDispatcher();
    const page = "<html><body><h1>429 Too Many Requests</h1></body></html>";
    dispatcher.inject({
      fault: { kind: "respond", status: 429, headers: { "Retry-After": "1", "content-type": "text/html" }, body: page },
    });
    const answer = await send();
    expect(answer).toMatchObject({
      status: 429,
      body: page,
      headers: { "retry-after": "1", "content-type": "text/html", "content-length": String(page.length) },
    });
    expect(received).toEqual([]);
  });

  it("looks like a real reset to core: sendHttpRequest rejects NETWORK, ambiguous, for both resets", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "lose-answer" } });
    dispatcher.inject({ fault: { kind: "reset-before" } });
    const context = { dispatcher, provider: "test-cloud", operation: "allocate", attempt: 1 };
    for (const _fault of ["lose-answer", "reset-before"]) {
      const error = await rejectionOf(
        sendHttpRequest({ method: "POST", url: `${origin}/ips`, headers: {}, body: "{}" }, context),
      );
      expect(IpAllocatorError.isInstance(error) && [error.code, error.ambiguous, error.details.networkCode]).toEqual([
        "NETWORK",
        true,
        "ECONNRESET",
      ]);
    }
    expect(received).toHaveLength(1);
  });

  it("gives match the request: method, URL with query, lower-case headers (object or flat array) and body text", async () => {
    dispatcher = createFaultInjectingDispatcher();
    const seen: WireRequest[] = [];
    // A rule that never fires, to see what it is given.
    dispatcher.inject({
      match: (wire) => {
        seen.push(wire);
        return false;
      },
      fault: { kind: "reset-before" },
    });
    await send("/ips?Action=Allocate&Zone=a", {
      headers: { "X-Action": "Allocate", "Content-Type": "application/json" },
      body: '{"a":1}',
    });
    await send("/ips", { headers: ["X-Action", "Describe"], body: Buffer.from("bytes") });
    await send("/ips", { method: "GET" });
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: `${origin}/ips?Action=Allocate&Zone=a`,
      headers: { "x-action": "Allocate", "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(seen[1]).toMatchObject({ headers: { "x-action": "Describe" }, body: "bytes" });
    expect(seen[2]).toMatchObject({ method: "GET", body: "" });
    expect(dispatcher.fired).toBe(0);
  });

  it("fires the first matching rule with times left, each for `times` requests, then lets requests through", async () => {
    dispatcher = createFaultInjectingDispatcher();
    const isAllocate = (wire: WireRequest) => wire.url.endsWith("/allocate");
    dispatcher.inject({ match: isAllocate, fault: { kind: "respond", status: 503 }, times: 2 });
    dispatcher.inject({ match: isAllocate, fault: { kind: "respond", status: 429 } });
    dispatcher.inject({ fault: { kind: "respond", status: 418 } });
    const statuses = [];
    for (const path of ["/describe", "/allocate", "/allocate", "/allocate", "/allocate", "/describe"])
      statuses.push((await send(path)).status);
    expect(statuses).toEqual([418, 503, 503, 429, 200, 200]);
    expect([dispatcher.requests, dispatcher.fired]).toEqual([6, 4]);
  });

  it("clear() removes every rule and keeps the count of faults fired", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "reset-before" }, times: 5 });
    await rejectionOf(send());
    dispatcher.clear();
    expect((await send()).status).toBe(200);
    expect([dispatcher.requests, dispatcher.fired]).toEqual([2, 1]);
  });

  it("refuses a rule with a times that is not a positive integer", () => {
    dispatcher = createFaultInjectingDispatcher();
    expect(() => dispatcher.inject({ fault: { kind: "reset-before" }, times: 0 })).toThrow(TypeError);
    expect(() => dispatcher.inject({ fault: { kind: "reset-before" }, times: 1.5 })).toThrow(/positive integer/);
  });

  it("ends a locally answered request with the caller's abort reason", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "respond", status: 200, body: "never read" } });
    const reason = new Error("caller gave up");
    expect(await rejectionOf(send("/ips", { signal: AbortSignal.abort(reason) }))).toBe(reason);
  });

  it("serves controller-style handlers too (onRequestStart … onResponseEnd / onResponseError)", async () => {
    dispatcher = createFaultInjectingDispatcher();
    dispatcher.inject({ fault: { kind: "respond", status: 429, headers: { "retry-after": "2" }, body: "slow down" } });
    dispatcher.inject({ fault: { kind: "lose-answer" } });
    expect(await dispatchWithController(dispatcher)).toEqual({
      status: 429,
      headers: { "retry-after": "2", "content-length": "9" },
      body: "slow down",
    });
    expect(await dispatchWithController(dispatcher)).toEqual({ error: "ECONNRESET" });
    expect(await dispatchWithController(dispatcher)).toMatchObject({ status: 200, body: '{"seen":2}' });
    expect(received).toHaveLength(2);
  });

  it("closes the wrapped dispatcher once, however often close() is called", async () => {
    dispatcher = createFaultInjectingDispatcher();
    const first = dispatcher.close();
    expect(dispatcher.close()).toBe(first);
    await Promise.all([first, dispatcher.close()]);
    await new Promise<void>((resolve) => dispatcher.close(resolve));
    expect(dispatcher.requests).toBe(0);
  });
});

type ControllerOutcome =
  | { status: number; headers: Record<string, unknown>; body: string }
  | { error: string | undefined };

/** Dispatches one POST with a handler written against undici's controller API. */
function dispatchWithController(target: Dispatcher): Promise<ControllerOutcome> {
  return new Promise((resolve) => {
    let status = 0;
    let headers: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    target.dispatch(
      { origin, path: "/ips", method: "POST", body: "{}" },
      {
        onRequestStart: () => undefined,
        onResponseStart: (_controller, statusCode, responseHeaders) => {
          status = statusCode;
          headers = { ...responseHeaders };
        },
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: () => resolve({ status, headers, body: Buffer.concat(chunks).toString("utf8") }),
        onResponseError: (_controller, error) => resolve({ error: (error as Error & { code?: string }).code }),
      },
    );
  });
}
