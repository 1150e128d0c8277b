import type { IncomingMessage } from "node:http";

/** The parts of an HTTP request that Alibaba and AWS signatures cover, exactly as they arrived on the wire. */
export interface ReceivedRequest {
  /** HTTP method as received (Node upper-cases it). */
  method: string;
  /** Raw path, without the query string. */
  path: string;
  /** Raw query string, without the leading `?` (still percent-encoded). */
  rawQuery: string;
  /** Header values by lower-cased name; repeated headers keep every value. */
  headers: Record<string, string[]>;
  body: Buffer;
}

/** Thrown when a query string or form body is not valid percent-encoded UTF-8. */
export class MalformedEncodingError extends Error {
  constructor(what: string) {
    super(`The ${what} is not correctly percent-encoded UTF-8.`);
    this.name = "MalformedEncodingError";
  }
}

/** Captures a Node request and its raw body as a {@link ReceivedRequest}. */
export function captureReceivedRequest(request: IncomingMessage, body: Buffer): ReceivedRequest {
  const url = request.url ?? "/";
  const queryStart = url.indexOf("?");
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (values !== undefined) headers[name] = [...values];
  }
  return {
    method: request.method ?? "GET",
    path: queryStart < 0 ? url : url.slice(0, queryStart),
    rawQuery: queryStart < 0 ? "" : url.slice(queryStart + 1),
    headers,
    body,
  };
}

/** First value of a header, or undefined when absent. */
export function readHeader(received: ReceivedRequest, name: string): string | undefined {
  return received.headers[name]?.[0];
}

/**
 * Decodes `k=v&k2=v2` (query string or `application/x-www-form-urlencoded` body) into ordered pairs.
 * `+` means a space, as in every form decoder; a key without `=` gets an empty value.
 * @throws MalformedEncodingError on a broken `%XX` escape or invalid UTF-8.
 */
export function parseUrlEncodedPairs(raw: string, what: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (raw === "") return pairs;
  for (const piece of raw.split("&")) {
    if (piece === "") continue;
    const separator = piece.indexOf("=");
    const rawKey = separator < 0 ? piece : piece.slice(0, separator);
    const rawValue = separator < 0 ? "" : piece.slice(separator + 1);
    pairs.push([decodeComponent(rawKey, what), decodeComponent(rawValue, what)]);
  }
  return pairs;
}

function decodeComponent(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw new MalformedEncodingError(what);
  }
}

/** Whether the request carries an `application/x-www-form-urlencoded` body (parameters may travel there). */
export function hasFormBody(received: ReceivedRequest): boolean {
  const contentType = readHeader(received, "content-type") ?? "";
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/x-www-form-urlencoded" && received.body.length > 0;
}

/**
 * Query parameters followed by form-body parameters, decoded.
 * @throws MalformedEncodingError when either part is badly encoded or the body is not UTF-8.
 */
export function collectRequestPairs(received: ReceivedRequest): Array<[string, string]> {
  const pairs = parseUrlEncodedPairs(received.rawQuery, "query string");
  if (hasFormBody(received)) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(received.body);
    } catch {
      throw new MalformedEncodingError("request body");
    }
    pairs.push(...parseUrlEncodedPairs(text, "request body"));
  }
  return pairs;
}

/** First value of every key (later duplicates are ignored, as API parameters are single-valued). */
export function pairsToParams(pairs: Array<[string, string]>): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of pairs) {
    if (!(key in params)) params[key] = value;
  }
  return params;
}
