import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { createRequestId, InMemoryCloud } from "./in-memory-cloud.js";
import type { InMemoryCloudAnswer, InMemoryCloudOptions } from "./in-memory-cloud-protocol.js";

/** Options of {@link startInMemoryCloud}: the cloud's own, plus where to listen. */
export interface StartInMemoryCloudOptions extends InMemoryCloudOptions {
  /** A loopback address (default `127.0.0.1`); anything else is refused. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

/** A running cloud: its endpoint (the adapter's `endpoint` setting), the store behind it, and `close()`. */
export interface RunningInMemoryCloud {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** Inspect it (`liveCount`, `allocations`, `requests`) and make it misbehave (`failNext`). */
  cloud: InMemoryCloud;
  /** Stops listening and destroys every open socket (hanging requests too). Idempotent. */
  close(): Promise<void>;
}

/** Header carrying the cloud's request id on every answer. */
export const REQUEST_ID_HEADER = "x-mem-request-id";
/** The cloud's own retry hint, in milliseconds, on Throttled and ServiceBusy answers. */
export const RETRY_AFTER_MS_HEADER = "x-mem-retry-after-ms";
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Serves an {@link InMemoryCloud} over loopback HTTP: `POST /v1/<action>`, a JSON body, `Authorization: Bearer
 * <token>`. Answers are JSON with the request id in `x-mem-request-id`; errors use the envelope
 * `{ "error": { "code", "message" }, "requestId" }`.
 */
export async function startInMemoryCloud(options: StartInMemoryCloudOptions = {}): Promise<RunningInMemoryCloud> {
  const { host = "127.0.0.1", port = 0, ...cloudOptions } = options;
  if (!/^(127(\.\d{1,3}){3}|::1|localhost)$/.test(host))
    throw new Error(`The in-memory cloud only listens on loopback, not ${host}.`);
  const cloud = new InMemoryCloud(cloudOptions);
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => void serve(cloud, request, response));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address !== null ? address.port : port;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`,
    cloud,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

async function serve(cloud: InMemoryCloud, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = createRequestId();
  const action = /^\/v1\/([A-Za-z]+)$/.exec(request.url ?? "")?.[1] ?? "";
  const fault = cloud.takeFault(action);
  if (fault === "hang") return; // the socket stays open until the client gives up or close() destroys it
  const text = await readBody(request);
  if (fault === "reset") return void request.socket.destroy();
  if (typeof fault === "object" && "respond" in fault)
    return void response.writeHead(fault.respond.status, fault.respond.headers).end(fault.respond.body);
  let answer: InMemoryCloudAnswer;
  if (typeof fault === "object") {
    answer = cloud.error(fault.error, fault.message ?? `${fault.error}: try again later.`);
    if (fault.retryAfterMs !== undefined) answer.headers = { [RETRY_AFTER_MS_HEADER]: String(fault.retryAfterMs) };
  } else if (request.method !== "POST" || text === undefined) {
    answer = cloud.error(
      "InvalidParameter",
      request.method !== "POST" ? "Use POST." : `The body must be JSON of at most ${MAX_BODY_BYTES} bytes.`,
    );
  } else {
    answer = cloud.handle(action, request.headers.authorization, parseJson(text));
  }
  // A lost answer: the request was processed and committed, the connection drops before the client hears back.
  if (fault === "lose-answer") return void request.socket.destroy();
  const body = JSON.stringify(answer.status >= 400 ? { ...answer.body, requestId } : answer.body);
  response
    .writeHead(answer.status, { "content-type": "application/json", [REQUEST_ID_HEADER]: requestId, ...answer.headers })
    .end(body);
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    request.on("error", () => resolve(undefined));
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
