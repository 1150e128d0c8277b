import { createServer, type Server, type Socket } from "node:net";
import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../clock.js";
import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { sendHttpRequest } from "../http/send-http-request.js";
import { silentLogger } from "../logger.js";
import { DEFAULT_RETRY_OPTIONS } from "../retry/retry-options.js";
import { convergeAllocation } from "./converge-allocation.js";
import { LifecycleEngine } from "./lifecycle-engine.js";

// A mutation whose deadline comes before any request reached the provider did nothing: TIMEOUT (transient),
// never OUTCOME_UNKNOWN. Only a request written to a connection may have been processed. The far side is real
// loopback sockets (a port nothing listens on, a server that never answers), or a connector that never connects.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** An allocate over HTTP to `endpoint` through `dispatcher`, converged by its key like every adapter's. */
function allocateOver(endpoint: string, dispatcher: Agent, timeoutMs: number, maxAttempts = 3): Promise<unknown> {
  const engine = new LifecycleEngine({
    provider: "loopback",
    clock: systemClock,
    random: () => 0.5,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1, maxAttempts, budget: false },
  });
  return engine.run("allocate", { timeoutMs }, (operation) =>
    convergeAllocation<{ id: string }>(operation, {
      key: "key-1",
      shared: false,
      count: 1,
      send: async (context) => {
        await sendHttpRequest(
          { method: "POST", url: `${endpoint}/allocate`, headers: {}, body: "{}" },
          {
            dispatcher,
            provider: "loopback",
            operation: context.operation,
            attempt: context.attempt,
            signal: context.signal,
          },
        );
        return { resources: [{ id: "ip-1" }] };
      },
      findByKey: async () => {
        await sendHttpRequest(
          { method: "GET", url: `${endpoint}/list`, headers: {} },
          { dispatcher, provider: "loopback", operation: "allocate", attempt: 1, signal: operation.signal },
        );
        return [];
      },
      release: async () => undefined,
      idOf: (resource) => resource.id,
      settle: { reads: 1, intervalMs: 1 },
    }),
  );
}

function createAgent(options: ConstructorParameters<typeof Agent>[0] = {}): Agent {
  const agent = new Agent(options);
  cleanups.push(() => agent.close());
  return agent;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** A loopback port that refuses connections: the server is down. */
async function findClosedEndpoint(): Promise<string> {
  const server = createServer();
  const endpoint = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return endpoint;
}

async function rejection(promise: Promise<unknown>): Promise<IpAllocatorError> {
  try {
    await promise;
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected a rejection");
}

describe("convergeAllocation: a deadline before anything reached the provider", () => {
  it.each([1, 5, 30])(
    "a server that is down, timeoutMs %i: TIMEOUT or NETWORK, never OUTCOME_UNKNOWN",
    async (timeoutMs) => {
      const endpoint = await findClosedEndpoint();
      const error = await rejection(allocateOver(endpoint, createAgent(), timeoutMs, 1000));
      expect(["TIMEOUT", "NETWORK"]).toContain(error.code);
      expect(error.ambiguous).toBe(false);
      expect(error.retryable).toBe(true);
    },
  );

  it("a connection still being set up when the deadline comes: TIMEOUT, not ambiguous", async () => {
    // The network never completes the handshake (refused only after the deadline): no byte was ever written.
    const never = createAgent({
      connect: (_options, callback) =>
        void setTimeout(
          () => callback(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), null),
          300,
        ),
    });
    const error = await rejection(allocateOver("http://127.0.0.1:9", never, 50));
    expect(error).toMatchObject({ code: "TIMEOUT", ambiguous: false, retryable: true });
    expect(error.details.idempotencyKey).toBeUndefined();
  });

  it("a request written to a server that never answers may have been processed: OUTCOME_UNKNOWN with the key", async () => {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.resume();
    });
    const endpoint = await listen(server);
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const error = await rejection(allocateOver(endpoint, createAgent(), 200));
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", details: { idempotencyKey: "key-1" } });
    expect(error.message).not.toMatch(/\.\./);
  });
});
