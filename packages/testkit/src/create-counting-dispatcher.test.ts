import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { IpAllocatorError, createRedactor, resolveRetryOptions, runWithRetry, sendHttpRequest } from "@polycloud/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectHookEvents } from "./collect-hook-events.js";
import { createCountingDispatcher } from "./create-counting-dispatcher.js";
import { expectNoSecrets } from "./expect-no-secrets.js";

const TOKEN = "counting-test-token-91f2";
let server: Server;
let url: string;
let answered = 0;

beforeAll(async () => {
  // Answers 503 to the first request and 200 afterwards, so one call makes a retry.
  server = createServer((_request, response) => {
    answered += 1;
    response.writeHead(answered === 1 ? 503 : 200, { "x-request-id": `req-${answered}` }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ips`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("createCountingDispatcher and collectHookEvents", () => {
  it("counts every attempt sent and records the redacted hook events of each", async () => {
    const dispatcher = createCountingDispatcher();
    const events = collectHookEvents();
    const context = { provider: "test-cloud", operation: "describe" };
    await runWithRetry(
      async (attempt) => {
        const response = await sendHttpRequest(
          { method: "GET", url, headers: { authorization: `Bearer ${TOKEN}` } },
          {
            ...context,
            dispatcher,
            attempt,
            hooks: events.hooks,
            redactor: createRedactor([TOKEN]),
            requestIdHeader: "x-request-id",
          },
        );
        if (response.status === 503) throw new IpAllocatorError({ ...context, code: "UNAVAILABLE", message: "busy" });
        return response;
      },
      { ...context, retry: resolveRetryOptions({ budget: false, baseDelayMs: 1 }), hooks: events.hooks },
    );
    expect(dispatcher.requests).toBe(2);
    expect(events.requests.map((event) => event.attempt)).toEqual([1, 2]);
    expect(events.responses.map((event) => [event.status, event.requestId])).toEqual([
      [503, "req-1"],
      [200, "req-2"],
    ]);
    expect(events.retries).toHaveLength(1);
    expect(events.requests[0]?.headers.authorization).toBe("Bearer [REDACTED]");
    expectNoSecrets(events, [TOKEN]);
    await dispatcher.close();
  });

  it("closes the wrapped dispatcher once, however often close() is called", async () => {
    const dispatcher = createCountingDispatcher();
    const first = dispatcher.close();
    expect(dispatcher.close()).toBe(first);
    await Promise.all([first, dispatcher.close()]);
    await new Promise<void>((resolve) => dispatcher.close(resolve));
    expect(dispatcher.requests).toBe(0);
  });
});
