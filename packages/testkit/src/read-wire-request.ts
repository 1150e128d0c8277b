import type { Dispatcher } from "undici";

/**
 * A request as the fault layer sees it on its way to the far side. Header names are lower-case (repeated
 * headers joined with `, `); `body` is the text sent, `""` when there is none or when it is a stream (reading
 * a stream here would consume it).
 * @public
 */
export interface WireRequest {
  method: string;
  /** Origin and path, query included, e.g. `http://127.0.0.1:4010/?Action=AllocatePublicIpAddress`. */
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Reads undici dispatch options into a {@link WireRequest}; nothing of `options` is consumed or changed. */
export function readWireRequest(options: Dispatcher.DispatchOptions): WireRequest {
  return {
    method: options.method,
    url: joinUrl(options.origin, options.path),
    headers: readHeaders(options.headers),
    body: readBody(options.body),
  };
}

function joinUrl(origin: string | URL | undefined, path: string): string {
  // `String(new URL("http://host:1"))` ends with "/", and `path` starts with one.
  const base = origin === undefined ? "" : String(origin).replace(/\/+$/, "");
  return `${base}${path}`;
}

/** undici accepts headers as an object, a flat `[name, value, …]` array or an iterable of pairs. */
function readHeaders(headers: Dispatcher.DispatchOptions["headers"]): Record<string, string> {
  const result: Record<string, string> = {};
  const add = (name: unknown, value: unknown) => {
    if (value === undefined || value === null) return;
    const key = String(name).toLowerCase();
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    result[key] = Object.hasOwn(result, key) ? `${result[key]}, ${text}` : text;
  };
  if (headers === undefined || headers === null) return result;
  if (Array.isArray(headers) && !Array.isArray(headers[0])) {
    for (let index = 0; index + 1 < headers.length; index += 2) add(headers[index], headers[index + 1]);
  } else if (Symbol.iterator in headers) {
    for (const [name, value] of headers as Iterable<[string, unknown]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(headers)) add(name, value);
  }
  return result;
}

function readBody(body: Dispatcher.DispatchOptions["body"]): string {
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
  return "";
}
