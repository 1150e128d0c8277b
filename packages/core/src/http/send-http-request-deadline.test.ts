import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { createOperationSignal } from "../retry/create-operation-signal.js";
import { createHttpDispatcher } from "./create-http-dispatcher.js";
import { sendHttpRequest } from "./send-http-request.js";

// A server that trickles its answer (one byte every 100 ms), or answers headers only after a delay: the idle
// timeouts of undici never fire, so only the operation's deadline can end the call.
let server: Server;
let origin: string;
const dispatcher = createHttpDispatcher();
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/slow-headers") {
      setTimeout(() => response.end("{}"), 5_000).unref();
      return;
    }
    response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
    const timer = setInterval(() => response.write(" "), 100);
    response.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await dispatcher.close();
});

describe("the default deadline, enforced by the transport", () => {
  it.each(["/trickle", "/slow-headers"])("ends a request to %s with TIMEOUT soon after the deadline", async (path) => {
    const context = { provider: "test-provider", operation: `deadline${path}` };
    const { signal } = createOperationSignal({}, context, 300);
    const started = Date.now();
    const error = await sendHttpRequest(
      { method: "GET", url: `${origin}${path}`, headers: {} },
      { dispatcher, provider: context.provider, operation: context.operation, attempt: 1, signal },
    ).catch((thrown: unknown) => thrown);
    const elapsed = Date.now() - started;
    expect(IpAllocatorError.hasCode(error, "TIMEOUT"), String(error)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    // undici's headers timer ticks coarsely (about 1 s); never the 5 s answer, never forever.
    expect(elapsed).toBeLessThan(3_000);
  });
});
