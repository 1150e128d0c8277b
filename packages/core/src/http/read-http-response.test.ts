import { describe, expect, it } from "vitest";
import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import {
  parseJsonBody,
  readHttpResponse,
  type ErrorRule,
  type ProviderErrorAnswer,
  type ResponseDeclaration,
} from "./read-http-response.js";
import { createRedactor } from "./redact.js";
import type { HttpResponse } from "./send-http-request.js";

const SECRET = "the-secret-value";
const RULES: Record<string, ErrorRule> = {
  "Quota.Exceeded": { code: "RESOURCE_EXHAUSTED", hint: "raise the EIP quota in the console" },
  "Internal.Busy": { code: "INTERNAL", retryable: true, ambiguous: false },
  "Operation.Conflict": { code: "FAILED_PRECONDITION", ambiguous: true },
  "Zone.Invalid": { code: "INVALID_ARGUMENT", field: "location.zone" },
};
const declaration: ResponseDeclaration = {
  provider: "fake",
  label: "Fake",
  requestIdHeader: "x-request-id",
  retryHintHeaders: [{ name: "x-fake-retry-after-ms", unit: "milliseconds" }],
  parseError(json) {
    const envelope = (
      json as { error?: { code?: unknown; message?: string; requestId?: string; details?: Record<string, unknown> } }
    ).error;
    if (typeof envelope?.code !== "string") return undefined;
    return {
      providerCode: envelope.code,
      message: envelope.message,
      requestId: envelope.requestId,
      details: envelope.details,
    } satisfies ProviderErrorAnswer;
  },
  classify: (answer) => RULES[answer.providerCode],
};
const context = {
  operation: "allocate",
  action: "AllocateEip",
  redactor: createRedactor([SECRET]),
  now: 1_700_000_000_000,
};
const parseSuccess = (json: unknown) =>
  typeof (json as { ip?: unknown }).ip === "string" ? (json as { ip: string }) : undefined;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const html = (status: number, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { "content-type": "text/html", ...headers },
  body,
});

function failure(response: HttpResponse, responseDeclaration = declaration): IpAllocatorError {
  try {
    readHttpResponse(response, responseDeclaration, context, parseSuccess);
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected readHttpResponse to throw");
}

describe("readHttpResponse: successes", () => {
  it("returns what parseSuccess reads from a 2xx body", () => {
    expect(readHttpResponse(json(200, { ip: "203.0.113.7" }), declaration, context, parseSuccess)).toEqual({
      ip: "203.0.113.7",
    });
    expect(
      readHttpResponse({ status: 201, headers: {}, body: '{"ip":"203.0.113.8"}' }, declaration, context, parseSuccess),
    ).toEqual({ ip: "203.0.113.8" });
  });

  it("reports an unreadable 2xx as INTERNAL, retryable and ambiguous, with a clean redacted excerpt", () => {
    const error = failure(
      html(200, `<html>\u0000proxy\u001b[31m  says\r\n\tkey=${SECRET}\u007f</html>`, { "x-request-id": "req-7" }),
    );
    expect(error).toMatchObject({
      code: "INTERNAL",
      retryable: true,
      ambiguous: true,
      httpStatus: 200,
      provider: "fake",
      operation: "allocate",
      requestId: "req-7",
    });
    expect(error.details).toEqual({ action: "AllocateEip", excerpt: "<html> proxy [31m says key=[REDACTED] </html>" });
    expect(error.message).toBe(
      "Fake AllocateEip answered HTTP 200 with a body polycloud cannot read (content-type text/html): <html> proxy [31m says key=[REDACTED] </html>",
    );
    expect(failure(json(200, { unexpected: true }))).toMatchObject({
      code: "INTERNAL",
      ambiguous: true,
      details: { excerpt: '{"unexpected":true}' },
    });
    expect(failure(json(204, "")).details).toMatchObject({ excerpt: '""' });
    expect(failure({ status: 200, headers: {}, body: "" }).details).toMatchObject({ excerpt: "(empty)" });
  });

  it("cuts a long excerpt at 200 characters", () => {
    const error = failure(html(200, "x".repeat(500)));
    expect(error.details.excerpt).toBe(`${"x".repeat(200)}…`);
  });

  it("never shows part of a secret that the excerpt limit cuts in two", () => {
    const error = failure(html(200, `${"x".repeat(190)} ${SECRET} trailing text`));
    expect(error.message).not.toContain(SECRET.slice(0, 8));
    expect(String(error.details.excerpt)).not.toContain(SECRET.slice(0, 8));
    // A secret-looking JSON field whose value the cut leaves without its closing quote.
    const field = failure(json(200, { padding: "x".repeat(160), password: "hunter2-correct-horse" }));
    expect(field.message).not.toContain("hunter2");
  });
});

describe("readHttpResponse: error answers", () => {
  it("maps an error envelope by the adapter's table, with the hint in message and details", () => {
    const error = failure(
      json(400, { error: { code: "Quota.Exceeded", message: "quota of 20 EIPs reached", requestId: "req-1" } }),
    );
    expect(error).toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      providerCode: "Quota.Exceeded",
      httpStatus: 400,
      requestId: "req-1",
      retryable: false,
      ambiguous: false,
    });
    expect(error.message).toBe(
      "Fake AllocateEip failed with Quota.Exceeded (HTTP 400): quota of 20 EIPs reached (raise the EIP quota in the console)",
    );
    expect(error.details).toEqual({ action: "AllocateEip", hint: "raise the EIP quota in the console" });
  });

  it("lets a rule override retryable and ambiguous", () => {
    expect(failure(json(500, { error: { code: "Internal.Busy" } }))).toMatchObject({
      code: "INTERNAL",
      retryable: true,
      ambiguous: false,
    });
    expect(failure(json(409, { error: { code: "Operation.Conflict" } }))).toMatchObject({
      code: "FAILED_PRECONDITION",
      retryable: false,
      ambiguous: true,
    });
  });

  it("names the request field a rule points at in issues", () => {
    const error = failure(json(400, { error: { code: "Zone.Invalid", message: `zone SEL-Z unknown for ${SECRET}` } }));
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "location.zone", message: "zone SEL-Z unknown for [REDACTED]" }],
    });
    expect(failure(json(400, { error: { code: "Quota.Exceeded" } })).issues).toEqual([]);
  });

  it.each([
    [404, "NOT_FOUND", false, false],
    [403, "PERMISSION_DENIED", false, false],
    [500, "INTERNAL", true, true],
    [504, "TIMEOUT", true, true],
  ])("falls back to the HTTP status for an unknown provider code: %i → %s", (status, code, retryable, ambiguous) => {
    const error = failure(json(status, { error: { code: "Brand.New.Code", message: "new" } }));
    expect(error).toMatchObject({ code, providerCode: "Brand.New.Code", retryable, ambiguous, httpStatus: status });
    expect(error.message).toContain("Brand.New.Code");
  });

  it("reads an HTML 429 as RATE_LIMITED with the server's Retry-After", () => {
    const error = failure(html(429, "<h1>Too Many Requests</h1>", { "retry-after": "2" }));
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      retryable: true,
      ambiguous: false,
      retryAfterMs: 2_000,
      httpStatus: 429,
      details: { excerpt: "<h1>Too Many Requests</h1>" },
    });
    expect(error.message).toContain("HTTP 429 with no readable error envelope (content-type text/html)");
    expect(failure(html(429, "", { "retry-after": "2", "x-fake-retry-after-ms": "750" })).retryAfterMs).toBe(750);
  });

  it("treats a 5xx without an envelope as ambiguous and retryable, except 501", () => {
    expect(failure(html(503, "Service Unavailable"))).toMatchObject({
      code: "UNAVAILABLE",
      retryable: true,
      ambiguous: true,
    });
    expect(failure(json(502, { message: "bad gateway" }))).toMatchObject({
      code: "UNAVAILABLE",
      retryable: true,
      ambiguous: true,
    });
    expect(failure(html(501, "Not Implemented"))).toMatchObject({
      code: "UNSUPPORTED",
      retryable: false,
      ambiguous: false,
    });
  });

  it("uses classifyStatus for a page without an envelope before the status fallback", () => {
    const withStatusRule: ResponseDeclaration = {
      ...declaration,
      classifyStatus: (response) =>
        response.status === 403
          ? { code: "RATE_LIMITED", providerCode: "WafBlocked", hint: "the WAF throttles this IP" }
          : undefined,
    };
    const error = failure(html(403, "blocked"), withStatusRule);
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      providerCode: "WafBlocked",
      details: { hint: "the WAF throttles this IP" },
    });
    expect(error.message).toContain("(the WAF throttles this IP)");
    expect(failure(html(401, "login"), withStatusRule)).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("takes the request id from the header when the body has none, redacted", () => {
    expect(failure(json(404, { error: { code: "Eip.NotFound" } }, { "x-request-id": "req-header" })).requestId).toBe(
      "req-header",
    );
    expect(
      failure(json(404, { error: { code: "Eip.NotFound", requestId: "req-body" } }, { "x-request-id": "req-header" }))
        .requestId,
    ).toBe("req-body");
    expect(failure(html(503, "", { "x-request-id": `req-${SECRET}` })).requestId).toBe("req-[REDACTED]");
  });

  it("redacts secrets in the message and in every details string, nested ones included", () => {
    const error = failure(
      json(400, {
        error: {
          code: "Auth.Bad",
          message: `key ${SECRET} rejected`,
          details: { recommend: `https://help/?k=${SECRET}`, nested: { echo: SECRET, count: 2 }, flag: true },
        },
      }),
    );
    expect(error.message).toContain("key [REDACTED] rejected");
    expect(error.details).toEqual({
      action: "AllocateEip",
      recommend: "https://help/?k=[REDACTED]",
      nested: { echo: "[REDACTED]", count: 2 },
      flag: true,
    });
    expect(JSON.stringify(error.toJSON())).not.toContain(SECRET);
  });
});

describe("parseJsonBody", () => {
  it("parses JSON (also without a content type) and ignores other types or broken bodies", () => {
    expect(
      parseJsonBody({ status: 200, headers: { "content-type": "application/problem+json" }, body: '{"a":1}' }),
    ).toEqual({ a: 1 });
    expect(parseJsonBody({ status: 200, headers: {}, body: "[1]" })).toEqual([1]);
    expect(parseJsonBody({ status: 200, headers: { "content-type": "text/plain" }, body: '{"a":1}' })).toBeUndefined();
    expect(
      parseJsonBody({ status: 200, headers: { "content-type": "application/json" }, body: "{broken" }),
    ).toBeUndefined();
  });
});
