import type { Dispatcher } from "undici";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { mapNetworkError } from "./map-network-error.js";

/** Who is reading, for the errors a failed read becomes. @internal */
export interface ResponseBodyContext {
  provider: string;
  operation: string;
  signal?: AbortSignal;
}

/**
 * Reads a whole response body as UTF-8 text, at most `maxBytes` of it: a larger body fails as an ambiguous
 * INTERNAL error, a stream failure as NETWORK or TIMEOUT (see {@link mapNetworkError}).
 * @internal
 */
export function readResponseBody(
  body: Dispatcher.ResponseData["body"],
  contentLength: string | undefined,
  maxBytes: number,
  context: ResponseBodyContext,
): Promise<string> {
  // A declared length within the limit (every API answer) is read in one go; otherwise count while streaming.
  if (contentLength !== undefined && Number(contentLength) <= maxBytes) {
    return body.text().catch((thrown: unknown) => {
      throw mapNetworkError(thrown, context);
    });
  }
  return readBodyCounting(body, maxBytes, context);
}

function readBodyCounting(
  body: Dispatcher.ResponseData["body"],
  maxBytes: number,
  context: ResponseBodyContext,
): Promise<string> {
  // 'data' events rather than `for await`: an async iterator costs several promises per chunk, on every
  // chunked answer.
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (thrown: unknown) => reject(mapNetworkError(thrown, context));
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      fail(
        new IpAllocatorError({
          code: "INTERNAL",
          message: `${context.operation}: the response exceeded ${maxBytes} bytes.`,
          provider: context.provider,
          operation: context.operation,
          ambiguous: true,
        }),
      );
      body.destroy();
    });
    // Not `once`: destroying the body may emit a second error, which must not go unhandled.
    body.on("error", fail);
    body.once("end", () => resolve(Buffer.concat(chunks, size).toString("utf8")));
  });
}
