import { ZENLAYER_ERROR_CODES } from "@polycloud/emulator";
import type { IpAllocatorError, IpAllocatorErrorCode } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { createRedactor, readHttpResponse, type HttpResponse } from "@polycloud/core";
import { ZENLAYER_ERROR_MAP, ZENLAYER_RESPONSES, mapZenlayerEipErrorCode } from "./map-zenlayer-eip-error.js";

/** The error core's response handler raises for a Zenlayer answer, read with the adapter's declaration. */
function createZenlayerEipError(facts: { operation: string; action: string; httpStatus: number; providerCode?: string; message: string; requestId?: string; cloudflareMitigated?: boolean }) {
  const headers: Record<string, string> = { "content-type": facts.providerCode === undefined ? "text/html" : "application/json" };
  if (facts.cloudflareMitigated) headers["cf-mitigated"] = "challenge";
  const body = facts.providerCode === undefined ? facts.message : JSON.stringify({ requestId: facts.requestId, code: facts.providerCode, message: facts.message });
  const response: HttpResponse = { status: facts.httpStatus, headers, body };
  try {
    readHttpResponse(response, ZENLAYER_RESPONSES, { operation: facts.operation, action: facts.action, redactor: createRedactor() }, () => undefined);
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected an error");
}

// [code, HTTP status as documented or chosen, neutral code, retryable] — written from the reference's table
// (§3.1, §4.4, §4.5), seed 002 and the emulator's chosen common codes, independently of the implementation.
const EXPECTED: ReadonlyArray<readonly [string, number, IpAllocatorErrorCode, boolean]> = [
  // Seed 002 (AllocateEipAddresses).
  ["INVALID_ZONE_NOT_FOUND", 404, "INVALID_ARGUMENT", false],
  ["INVALID_EIP_TYPE_ZONE_NO_SELL", 400, "RESOURCE_EXHAUSTED", false],
  ["MISSING_PARAMETER", 400, "INVALID_ARGUMENT", false],
  // Reference §3.1 common codes.
  ["REQUEST_LIMIT_EXCEEDED", 429, "RATE_LIMITED", true],
  ["INTERNAL_SERVER_ERROR", 500, "INTERNAL", true],
  ["SERVICE_TEMPORARY_UNAVAILABLE", 503, "UNAVAILABLE", true],
  ["REQUEST_TIMED_OUT", 504, "TIMEOUT", true],
  ["INVALID_OPERATION_TIMEOUT", 504, "TIMEOUT", true],
  ["OPERATION_FAILED_RESOURCE_NOT_FOUND", 404, "NOT_FOUND", false],
  ["AUTHFAILURE_SIGNATURE_FAILURE", 401, "UNAUTHENTICATED", false],
  ["INVALID_PARAMETER_TYPE", 400, "INVALID_ARGUMENT", false],
  ["SECURITY_CHALLENGE", 403, "PERMISSION_DENIED", false],
  ["REQUEST_BLOCKED", 451, "PERMISSION_DENIED", false],
  // Reference §3.1 / §4 bmc EIP codes.
  ["OPERATION_DENIED_UNAVAILABLE_NETMASK", 403, "INVALID_ARGUMENT", false],
  ["OPERATION_DENIED_NETMASK_OUT_OF_STOCK", 403, "RESOURCE_EXHAUSTED", false],
  ["INVALID_EIP_NOT_FOUND", 404, "NOT_FOUND", false],
  ["OPERATION_DENIED_EIP_SUBSCRIPTION", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_RECYCLED", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_NOT_RECYCLED", 403, "FAILED_PRECONDITION", false],
  ["INVALID_INSTANCE_NOT_FOUND", 403, "INVALID_ARGUMENT", false],
  ["OPERATION_DENIED_INSTANCE_RECYCLED", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_INSTANCE_NOT_RUNNING", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_ZONE_NOT_SAME", 403, "FAILED_PRECONDITION", false],
  ["FAILED_OPERATION_FOR_RECYCLE_RESOURCE", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN", 403, "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT", 403, "RESOURCE_EXHAUSTED", false],
  ["OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT", 403, "FAILED_PRECONDITION", false],
  ["INVALID_ESXI_NOT_SUPPORT", 400, "UNSUPPORTED", false],
  ["OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND", 404, "INVALID_ARGUMENT", false],
  // Codes the reference leaves open (names chosen by the emulator).
  ["AUTHFAILURE_INVALID_ACCESS_KEY", 401, "UNAUTHENTICATED", false],
  ["AUTHFAILURE_INVALID_TOKEN", 401, "UNAUTHENTICATED", false],
  ["INVALID_PARAMETER_VALUE", 400, "INVALID_ARGUMENT", false],
  ["INVALID_REQUEST_BODY", 400, "INVALID_ARGUMENT", false],
  ["REQUEST_BODY_TOO_LARGE", 413, "INVALID_ARGUMENT", false],
  ["INVALID_ACTION", 400, "UNSUPPORTED", false],
  ["INVALID_VERSION", 400, "UNSUPPORTED", false],
  ["INVALID_REQUEST_PATH", 404, "UNSUPPORTED", false],
  ["INVALID_HTTP_METHOD", 405, "UNSUPPORTED", false],
  ["OPERATION_DENIED_INSUFFICIENT_BALANCE", 403, "RESOURCE_EXHAUSTED", false],
];

describe("map-zenlayer-eip-error table", () => {
  it.each(EXPECTED)("%s (HTTP %i) → %s, retryable %s", (providerCode, httpStatus, code, retryable) => {
    const error = createZenlayerEipError({ operation: "allocate", action: "AllocateEipAddresses", httpStatus, providerCode, message: "provider says no", requestId: "T-1" });
    expect(error).toMatchObject({ code, retryable, provider: "zenlayer-eip", operation: "allocate", providerCode, httpStatus, requestId: "T-1", ambiguous: httpStatus >= 500 });
    expect(error.message).toContain(providerCode);
    expect(error.details.action).toBe("AllocateEipAddresses");
  });

  it("maps every code of the table, and the table maps nothing this test does not pin", () => {
    expect(Object.keys(ZENLAYER_ERROR_MAP).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
  });

  it("maps every code the emulator can answer", () => {
    const unmapped = Object.keys(ZENLAYER_ERROR_CODES).filter((code) => ZENLAYER_ERROR_MAP[code] === undefined);
    expect(unmapped).toEqual([]);
  });
});

describe("mapZenlayerEipErrorCode fallbacks", () => {
  it.each([
    ["AUTHFAILURE_SOMETHING_NEW", 401, "UNAUTHENTICATED"],
    ["INVALID_FOO_NOT_FOUND", 404, "NOT_FOUND"],
    ["OPERATION_DENIED_SOMETHING_NEW", 403, "FAILED_PRECONDITION"],
    ["INVALID_PARAMETER_RANGE", 400, "INVALID_ARGUMENT"],
    ["BRAND_NEW_CODE", 429, "RATE_LIMITED"],
    ["BRAND_NEW_CODE", 502, "UNAVAILABLE"],
    ["BRAND_NEW_CODE", 504, "TIMEOUT"],
    ["BRAND_NEW_CODE", 409, "FAILED_PRECONDITION"],
    ["constructor", 400, "INVALID_ARGUMENT"],
    ["__proto__", 503, "UNAVAILABLE"],
    [undefined, 401, "UNAUTHENTICATED"],
    [undefined, 500, "INTERNAL"],
  ] as const)("%s with HTTP %i → %s", (providerCode, httpStatus, code) => {
    expect(mapZenlayerEipErrorCode(providerCode, httpStatus).code).toBe(code);
  });

  it("treats a 403 carrying cf-mitigated and any 451 as a network block, whatever the body", () => {
    expect(createZenlayerEipError({ operation: "describe", action: "DescribeEipAddresses", httpStatus: 403, message: "<html>", cloudflareMitigated: true })).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "SECURITY_CHALLENGE" });
    expect(createZenlayerEipError({ operation: "describe", action: "DescribeEipAddresses", httpStatus: 451, message: "blocked" })).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "REQUEST_BLOCKED" });
    expect(mapZenlayerEipErrorCode("INVALID_EIP_NOT_FOUND", 403, true).code).toBe("PERMISSION_DENIED");
  });
});
