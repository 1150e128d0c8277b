import type { IpAllocatorErrorCode } from "../errors/error-codes.js";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { mapHttpStatusToCode } from "../errors/map-http-status.js";
import type { HttpResponse } from "./send-http-request.js";
import { parseRetryHint, type RetryHintHeader } from "./parse-retry-hint.js";
import type { Redactor } from "./redact.js";

/** A provider's error answer, read from its envelope. @public */
export interface ProviderErrorAnswer {
  providerCode: string;
  message?: string;
  requestId?: string;
  /** Provider facts worth keeping (a `Recommend` URL, a host id). Never secrets. */
  details?: Record<string, unknown>;
}

/** How one provider error maps onto the taxonomy (an adapter's error table entry). @public */
export interface ErrorRule {
  code: IpAllocatorErrorCode;
  /** Overrides the code's default. */
  retryable?: boolean;
  /** The request may have been processed although an error came back. Default: any 5xx but 501. */
  ambiguous?: boolean;
  /** What the caller can do about it; appended to the message and kept in `details.hint`. */
  hint?: string;
  /** The request field the answer is about (e.g. `location.zone`): an INVALID_ARGUMENT names it in `issues`. */
  field?: string;
}

/** What an adapter declares about its provider's answers. @public */
export interface ResponseDeclaration {
  provider: string;
  /** Provider name in messages, e.g. `Zenlayer`. */
  label: string;
  /** Header carrying the request id when the body has none. */
  requestIdHeader?: string;
  /** Provider-specific retry hint headers, tried before the standard ones. */
  retryHintHeaders?: readonly RetryHintHeader[];
  /** Reads the error envelope from a parsed body; undefined when it is not one. */
  parseError(json: unknown): ProviderErrorAnswer | undefined;
  /** The error table: a rule for a provider code (table, then prefix rules), undefined for an unknown code. */
  classify(answer: ProviderErrorAnswer, response: HttpResponse): ErrorRule | undefined;
  /** A rule for an answer without a readable envelope (a proxy's page), before the status fallback. */
  classifyStatus?(response: HttpResponse): (ErrorRule & { providerCode?: string }) | undefined;
}

/** One call's context for {@link readHttpResponse}. @public */
export interface ResponseContext {
  operation: string;
  /** The wire action, e.g. `AllocateEipAddresses`. */
  action: string;
  redactor: Redactor;
  now?: number;
}

const EXCERPT_LENGTH = 200;

/**
 * The one response handler of every HTTP adapter: parses JSON once; a 2xx whose body `parseSuccess` accepts is
 * returned; an unreadable 2xx is INTERNAL, retryable and ambiguous (it may have been processed); an error
 * answer is mapped by the adapter's table, else by its HTTP status (429 RATE_LIMITED, 5xx ambiguous), with the
 * server's retry hint, the request id and a redacted excerpt of what could not be read.
 * @public
 */
export function readHttpResponse<T>(
  response: HttpResponse,
  declaration: ResponseDeclaration,
  context: ResponseContext,
  parseSuccess: (json: unknown) => T | undefined,
): T {
  const json = parseJsonBody(response);
  const success = response.status >= 200 && response.status < 300;
  if (success) {
    const value = json === undefined ? undefined : parseSuccess(json);
    if (value !== undefined) return value;
  }
  const answer = success || json === undefined ? undefined : declaration.parseError(json);
  const base = {
    provider: declaration.provider,
    operation: context.operation,
    httpStatus: response.status,
    retryAfterMs: parseRetryHint(response.headers, context.now, declaration.retryHintHeaders),
  };
  const headerRequestId =
    declaration.requestIdHeader === undefined ? undefined : response.headers[declaration.requestIdHeader];
  const serverSide = response.status >= 500 && response.status !== 501;
  if (answer === undefined) {
    const rule = success
      ? { code: "INTERNAL" as const, retryable: true, ambiguous: true }
      : (declaration.classifyStatus?.(response) ?? { code: mapHttpStatusToCode(response.status) });
    const excerpt = createExcerpt(response, context.redactor);
    const what = success ? "a body polycloud cannot read" : "no readable error envelope";
    return throwError(
      new IpAllocatorError({
        ...base,
        code: rule.code,
        message: `${declaration.label} ${context.action} answered HTTP ${response.status} with ${what} (content-type ${response.headers["content-type"] ?? "none"}): ${excerpt}${rule.hint ? ` (${rule.hint})` : ""}`,
        providerCode: "providerCode" in rule ? rule.providerCode : undefined,
        requestId: redactOptional(headerRequestId, context.redactor),
        retryable: rule.retryable ?? (serverSide ? true : undefined),
        ambiguous: rule.ambiguous ?? (success || serverSide),
        details: { action: context.action, excerpt, ...(rule.hint ? { hint: rule.hint } : {}) },
      }),
    );
  }
  const rule = declaration.classify(answer, response) ?? { code: mapHttpStatusToCode(response.status) };
  const message = context.redactor.text(answer.message ?? "(no message)");
  return throwError(
    new IpAllocatorError({
      ...base,
      code: rule.code,
      message: `${declaration.label} ${context.action} failed with ${context.redactor.text(answer.providerCode)} (HTTP ${response.status}): ${message}${rule.hint ? ` (${rule.hint})` : ""}`,
      providerCode: context.redactor.text(answer.providerCode),
      requestId: redactOptional(answer.requestId ?? headerRequestId, context.redactor),
      retryable: rule.retryable ?? (serverSide ? true : undefined),
      ambiguous: rule.ambiguous ?? serverSide,
      issues: rule.field === undefined ? undefined : [{ path: rule.field, message: rule.hint ?? message }],
      details: {
        action: context.action,
        ...redactDetails(answer.details, context.redactor),
        ...(rule.hint ? { hint: rule.hint } : {}),
      },
    }),
  );
}

/** Parses a JSON body once; undefined for another content type or a body that is not JSON. @public */
export function parseJsonBody(response: HttpResponse): unknown {
  const contentType = response.headers["content-type"];
  if (contentType !== undefined && !/json/i.test(contentType)) return undefined;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Provider strings kept in details are echoes of the wire: mask them like the message, at any depth. */
function redactDetails(details: Record<string, unknown> | undefined, redactor: Redactor): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(details ?? {}))
    if (value !== undefined) masked[name] = redactValue(value, redactor, 0);
  return masked;
}

/** Strings (keys too) masked one by one: masking a serialised form could cut through its quotes. */
function redactValue(value: unknown, redactor: Redactor, depth: number): unknown {
  if (typeof value === "string") return redactor.text(value);
  if (typeof value !== "object" || value === null) return value;
  if (depth > 16) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redactor, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactor.text(key), redactValue(item, redactor, depth + 1)]),
  );
}

function throwError(error: IpAllocatorError): never {
  throw error;
}

function redactOptional(value: string | undefined, redactor: Redactor): string | undefined {
  return value === undefined ? undefined : redactor.text(value);
}

/** A short, redacted, single-line excerpt without control characters (redacted whole first: a cut must not split a secret). */
function createExcerpt(response: HttpResponse, redactor: Redactor): string {
  const text = redactor
    .text(response.body)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what an excerpt drops
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text) || "(empty)";
}
