import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultRule } from "./fault-rules.js";

/** Largest request body the emulators accept (1 MiB); larger bodies get the provider's error. */
export const MAX_BODY_BYTES = 1_048_576;

/** An answer an emulator wants to send: JSON `body` with `status` and extra headers. */
export interface EmulatorReply {
  status: number;
  /** Serialised as JSON, unless `contentType` is set: then it is text already (e.g. AWS XML) and sent as is. */
  body: unknown;
  headers?: Record<string, string>;
  /** Content type of a pre-serialised text `body`; absent = JSON. */
  contentType?: string;
}

/** Reads the raw request body; resolves undefined when larger than limitBytes (caller answers the provider's error). */
export function readRequestBody(
  request: IncomingMessage,
  limitBytes: number = MAX_BODY_BYTES,
): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declaredLength = Number(request.headers["content-length"] ?? "0");
    if (declaredLength > limitBytes) {
      // Keep draining so the client can finish writing and read our error instead of an EPIPE.
      request.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    request.on("data", (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > limitBytes) {
        settled = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    request.on("error", (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}

/** Writes reply as JSON (content-type application/json;charset=utf-8, content-length), or its pre-serialised text. */
export function sendReply(response: ServerResponse, reply: EmulatorReply): void {
  const { contentType, text } = serializeReply(reply);
  writeRaw(response, reply.status, contentType, text, reply.headers);
}

function serializeReply(reply: EmulatorReply): { contentType: string; text: string } {
  if (reply.contentType !== undefined) return { contentType: reply.contentType, text: String(reply.body) };
  return { contentType: "application/json;charset=utf-8", text: JSON.stringify(reply.body) };
}

/**
 * Runs `process` (which commits state and returns the reply) under the given fault:
 * reset-before / hang short-circuit without calling process; reset-after-commit, slow, malformed-json,
 * wrong-content-type call process first; throttle / server-error / error-code answer `errorReply(...)`
 * without processing. No fault (or `clock-skew`, which the emulator applies while verifying) => process and send.
 * Rejects when `process` throws; the caller answers its internal error then.
 */
export async function runWithFault(options: {
  request: IncomingMessage;
  response: ServerResponse;
  fault: FaultRule | undefined;
  errorReply: (kind: "throttle" | "server-error" | "error-code", rule: FaultRule) => EmulatorReply;
  process: () => Promise<EmulatorReply> | EmulatorReply;
}): Promise<void> {
  const { request, response, fault } = options;
  switch (fault?.kind) {
    case "reset-before":
      request.socket.destroy();
      return;
    case "hang":
      // Nothing is written; the socket stays open until the client or close() destroys it.
      return;
    case "throttle":
    case "server-error":
    case "error-code":
      sendReply(response, options.errorReply(fault.kind, fault));
      return;
    default:
      break;
  }
  const reply = await options.process();
  switch (fault?.kind) {
    case "reset-after-commit":
      request.socket.destroy();
      return;
    case "slow":
      await waitUnlessClosed(response, fault.delayMs ?? 0);
      sendReply(response, reply);
      return;
    case "malformed-json": {
      // Named for the JSON providers; an XML provider gets its XML cut in half the same way.
      const { contentType, text } = serializeReply(reply);
      writeRaw(response, 200, contentType, text.slice(0, Math.max(1, Math.floor(text.length / 2))), reply.headers);
      return;
    }
    case "wrong-content-type":
      writeRaw(response, 200, "text/html; charset=utf-8", PROXY_ERROR_PAGE, reply.headers);
      return;
    default:
      sendReply(response, reply);
  }
}

const PROXY_ERROR_PAGE =
  "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n" +
  "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";

function writeRaw(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> | undefined,
): void {
  // The socket may be gone (client gave up, emulator closing): nothing left to answer.
  if (response.headersSent || response.destroyed || response.writableEnded) return;
  const payload = Buffer.from(text, "utf8");
  response.writeHead(status, {
    ...headers,
    "content-type": contentType,
    "content-length": String(payload.length),
  });
  response.end(payload);
}

/** Waits `delayMs`, resolving early when the response closes, so a closing emulator leaves no timer behind. */
function waitUnlessClosed(response: ServerResponse, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      response.off("close", finish);
      resolve();
    };
    const timer = setTimeout(finish, delayMs);
    timer.unref();
    response.on("close", finish);
  });
}
