import { request as undiciRequest, type Dispatcher } from "undici";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { NEVER_ABORTED_SIGNAL } from "../retry/create-operation-signal.js";
import { readSharedDeadline, watchSharedDeadline } from "../retry/share-deadline-signal.js";
import { callHook } from "../retry/run-with-retry.js";
import type { OperationHooks } from "../spec/operation-options.js";
import { listRequestSecrets } from "./list-request-secrets.js";
import { mapNetworkError } from "./map-network-error.js";
import { createSecretMask } from "./mask-secret-values.js";
import { readResponseBody } from "./read-response-body.js";
import { createRedactor, type Redactor } from "./redact.js";

/** A fully signed request, ready for the wire. @public */
export interface HttpRequest {
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Readonly<Record<string, string>>;
  /** Sent byte for byte: signers hash exactly this. */
  body?: string;
}

/** A response with its body read as text (lower-case header names). @public */
export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Transport settings of one attempt. @public */
export interface SendHttpRequestOptions {
  dispatcher: Dispatcher;
  provider: string;
  operation: string;
  attempt: number;
  signal?: AbortSignal;
  /** Time allowed for the response headers after the request is written. Default 30 s. */
  headersTimeoutMs?: number;
  /** Time allowed between body chunks. Default 30 s. */
  bodyTimeoutMs?: number;
  /** Larger responses fail as INTERNAL instead of filling memory. Default 4 MiB. */
  maxResponseBytes?: number;
  hooks?: OperationHooks;
  /**
   * Masks credentials in what hooks see, and (its `values`) in the response: a server echoing a credential in a
   * body or a header returns it masked. Default masks headers, signature parameters and secret fields.
   */
  redactor?: Redactor;
  /** Response header carrying the provider request id, for the response hook. */
  requestIdHeader?: string;
}

const defaultRedactor = createRedactor();

/**
 * Sends one HTTP request with undici and reads the whole response. Network failures and timeouts become
 * typed NETWORK / TIMEOUT errors (see {@link mapNetworkError}); HTTP error statuses are returned, not
 * thrown, because only the adapter can read its provider's error envelope. The response comes back with the
 * credentials (the redactor's values) and this request's signature masked in its body and header values, so
 * nothing read from it (request ids, messages, details, results) can show them.
 * @public
 */
export async function sendHttpRequest(request: HttpRequest, options: SendHttpRequestOptions): Promise<HttpResponse> {
  const hooks = options.hooks;
  if (hooks?.onRequest) {
    const redactor = options.redactor ?? defaultRedactor;
    callHook(() =>
      hooks.onRequest?.({
        provider: options.provider,
        operation: options.operation,
        attempt: options.attempt,
        method: request.method,
        url: redactor.url(request.url),
        headers: redactor.headers(request.headers),
        ...(request.body ? { body: redactor.text(request.body) } : {}),
      }),
    );
  }
  const started = hooks?.onResponse ? performance.now() : 0;
  // A shared default deadline is enforced here (headers timeout, a check per body chunk), not by an abort
  // listener per request; a caller's signal or an explicit timeout is handed to undici.
  const deadline = readSharedDeadline(options.signal);
  if (deadline !== undefined && options.signal?.aborted) throw options.signal.reason;
  const headersTimeoutMs = options.headersTimeoutMs ?? 30_000;
  let response: Dispatcher.ResponseData;
  try {
    response = await undiciRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      dispatcher: options.dispatcher,
      signal: options.signal === NEVER_ABORTED_SIGNAL || deadline !== undefined ? undefined : options.signal,
      headersTimeout:
        deadline === undefined ? headersTimeoutMs : Math.max(1, Math.min(headersTimeoutMs, deadline - Date.now())),
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
    });
  } catch (thrown) {
    throw mapNetworkError(
      thrown,
      deadline !== undefined && Date.now() >= deadline ? { ...options, signal: abortedAtDeadline(options) } : options,
    );
  }
  const headers = flattenHeaders(response.headers);
  const maxBytes = options.maxResponseBytes ?? 4 * 1024 * 1024;
  // A body still arriving when the shared deadline passes is destroyed (a server trickling bytes never trips the
  // idle body timeout); the deadline's TIMEOUT is then the error.
  const unwatch =
    deadline === undefined
      ? undefined
      : watchSharedDeadline(options.signal as AbortSignal, (reason) => response.body.destroy(reason as Error));
  let body: string;
  try {
    body = await readResponseBody(response.body, headers["content-length"], maxBytes, options);
  } finally {
    unwatch?.();
  }
  const mask = createResponseMask(request, options.redactor);
  body = mask(body);
  for (const name of Object.keys(headers)) headers[name] = mask(headers[name] as string);
  if (hooks?.onResponse) {
    const requestId = options.requestIdHeader ? headers[options.requestIdHeader] : undefined;
    callHook(() =>
      hooks.onResponse?.({
        provider: options.provider,
        operation: options.operation,
        attempt: options.attempt,
        status: response.statusCode,
        ...(requestId ? { requestId } : {}),
        durationMs: performance.now() - started,
      }),
    );
  }
  return { status: response.statusCode, headers, body };
}

/** The redactor's credential values, then this request's own signature (built per request: it changes each time). */
function createResponseMask(request: HttpRequest, redactor: Redactor | undefined): (text: string) => string {
  const maskCredentials = redactor?.values;
  const maskRequest = createSecretMask(listRequestSecrets(request), { allForms: false });
  return (text) => maskRequest(maskCredentials === undefined ? text : maskCredentials(text));
}

/** The operation's own TIMEOUT reason once its shared deadline passed (the timer may fire a moment later). */
function abortedAtDeadline(options: SendHttpRequestOptions): AbortSignal {
  if (options.signal?.aborted) return options.signal;
  return AbortSignal.abort(
    new IpAllocatorError({
      code: "TIMEOUT",
      message: `${options.operation} did not finish before its deadline.`,
      provider: options.provider,
      operation: options.operation,
    }),
  );
}

function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}
