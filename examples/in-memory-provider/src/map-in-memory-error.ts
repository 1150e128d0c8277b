import type { ErrorRule, ResponseDeclaration } from "@polycloud/core";
import { IN_MEMORY_PROVIDER } from "./in-memory-settings.js";
import { InMemoryErrorEnvelopeSchema } from "./parse-in-memory-response.js";

/** The header carrying the cloud's request id on every answer. */
export const IN_MEMORY_REQUEST_ID_HEADER = "x-mem-request-id";

/**
 * The error table: every code the cloud documents, in polycloud's taxonomy. `retryable` defaults to the code's
 * (RATE_LIMITED, UNAVAILABLE, TIMEOUT, NETWORK retry); `ambiguous` defaults to "any 5xx but 501".
 */
export const IN_MEMORY_ERROR_TABLE: Readonly<Record<string, ErrorRule>> = Object.freeze({
  AuthFailure: { code: "UNAUTHENTICATED", hint: "check the accessToken setting or IN_MEMORY_ACCESS_TOKEN" },
  NotFound: { code: "NOT_FOUND" },
  UnknownAction: { code: "UNSUPPORTED", hint: "check the endpoint setting" },
  InvalidParameter: { code: "INVALID_ARGUMENT" },
  InvalidZone: { code: "INVALID_ARGUMENT", hint: "location.zone names no zone of this cloud" },
  PoolExhausted: { code: "RESOURCE_EXHAUSTED" },
  Throttled: { code: "RATE_LIMITED" },
  // Documented as answered before the request is processed: a 503 that certainly changed nothing.
  ServiceBusy: { code: "UNAVAILABLE", ambiguous: false },
  // The cloud may have committed before failing: retryable for reads, read back by key for allocations.
  InternalError: { code: "INTERNAL", retryable: true },
});

/**
 * Everything the adapter declares about the cloud's answers; core's `readHttpResponse` does the rest (JSON
 * parsing, status fallback for unknown codes, 429 → RATE_LIMITED, retry hints, request ids, redaction).
 */
export const IN_MEMORY_RESPONSES: ResponseDeclaration = {
  provider: IN_MEMORY_PROVIDER,
  label: "InMemoryCloud",
  requestIdHeader: IN_MEMORY_REQUEST_ID_HEADER,
  retryHintHeaders: [{ name: "x-mem-retry-after-ms", unit: "milliseconds" }],
  parseError(json) {
    const envelope = InMemoryErrorEnvelopeSchema.safeParse(json);
    if (!envelope.success) return undefined;
    return {
      providerCode: envelope.data.error.code,
      message: envelope.data.error.message,
      requestId: envelope.data.requestId,
    };
  },
  // Own keys only: a code such as "constructor" must not hit Object.prototype.
  classify: (answer) =>
    Object.hasOwn(IN_MEMORY_ERROR_TABLE, answer.providerCode) ? IN_MEMORY_ERROR_TABLE[answer.providerCode] : undefined,
};
