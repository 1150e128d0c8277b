import { ZENLAYER_ERROR_CODES } from "@polycloud/emulator";
import type { IpAllocatorError, IpAllocatorErrorCode } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { createRedactor, readHttpResponse, type HttpResponse } from "@polycloud/core";
import commonErrors from "./__fixtures__/zenlayer-common-errors.json" with { type: "json" };
import { ZENLAYER_ERROR_MAP, ZENLAYER_RESPONSES, mapZenlayerEipErrorCode } from "./map-zenlayer-eip-error.js";

/** The error core's response handler raises for a Zenlayer answer, read with the adapter's declaration. */
function createZenlayerEipError(facts: {
  operation: string;
  action: string;
  httpStatus: number;
  providerCode?: string;
  message: string;
  requestId?: string;
  cloudflareMitigated?: boolean;
}) {
  const headers: Record<string, string> = {
    "content-type": facts.providerCode === undefined ? "text/html" : "application/json",
  };
  if (facts.cloudflareMitigated) headers["cf-mitigated"] = "challenge";
  const body =
    facts.providerCode === undefined
      ? facts.message
      : JSON.stringify({ requestId: facts.requestId, code: facts.providerCode, message: facts.message });
  const response: HttpResponse = { status: facts.httpStatus, headers, body };
  try {
    readHttpResponse(
      response,
      ZENLAYER_RESPONSES,
      { operation: facts.operation, action: facts.action, redactor: createRedactor() },
      () => undefined,
    );
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected an error");
}

// What the adapter makes of every code the Zenlayer emulator can answer (its catalogue, ZENLAYER_ERROR_CODES):
// [code, neutral code, retryable]. Written from the catalogue's sources, independently of the implementation;
// the HTTP status each code arrives with is the catalogue's.
const EXPECTED: ReadonlyArray<readonly [string, IpAllocatorErrorCode, boolean]> = [
  // Official common list (zenlayer-cloud-csi-driver pkg/cloud/error.go).
  ["INTERNAL_SERVER_ERROR", "INTERNAL", true],
  ["SERVICE_TEMPORARY_UNAVAILABLE", "UNAVAILABLE", true],
  ["REQUEST_TIMED_OUT", "TIMEOUT", true],
  ["AUTHFAILURE_INVALID_AUTHORIZATION", "UNAUTHENTICATED", false],
  ["AUTHFAILURE_SIGNATURE_FAILURE", "UNAUTHENTICATED", false],
  ["AUTHFAILURE_UNAUTHORIZED_OPERATION", "PERMISSION_DENIED", false],
  ["AUTHFAILURE_SIGNATURE_EXPIRED", "UNAUTHENTICATED", false],
  ["MISSING_PARAMETER", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_TYPE", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_EXCEED_MAXIMUM", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_LESS_MINIMUM", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_EXCEED_LENGTH", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_LESS_LENGTH", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_PATTERN_ERROR", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_DATE_FORMAT_ERROR", "INVALID_ARGUMENT", false],
  ["INVALID_PARAMETER_VALUE", "INVALID_ARGUMENT", false],
  ["OPERATION_FAILED_FOR_RECYCLE_RESOURCE", "FAILED_PRECONDITION", false],
  ["OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND", "INVALID_ARGUMENT", false],
  ["OPERATION_FAILED_RESOURCE_NOT_FOUND", "NOT_FOUND", false],
  // Official SDKs and Terraform.
  ["REQUEST_LIMIT_EXCEEDED", "RATE_LIMITED", true],
  ["SECURITY_CHALLENGE", "PERMISSION_DENIED", false],
  ["REQUEST_BLOCKED", "PERMISSION_DENIED", false],
  ["INVALID_OPERATION_TIMEOUT", "TIMEOUT", true],
  ["INVALID_RESOURCE_NOT_FOUND", "NOT_FOUND", false],
  // bmc EIP API pages (seed 002 and the reference's §3.1/§4).
  ["INVALID_ZONE_NOT_FOUND", "INVALID_ARGUMENT", false],
  ["INVALID_EIP_TYPE_ZONE_NO_SELL", "RESOURCE_EXHAUSTED", false],
  ["OPERATION_DENIED_UNAVAILABLE_NETMASK", "INVALID_ARGUMENT", false],
  ["OPERATION_DENIED_NETMASK_OUT_OF_STOCK", "RESOURCE_EXHAUSTED", false],
  ["INVALID_EIP_NOT_FOUND", "NOT_FOUND", false],
  ["OPERATION_DENIED_EIP_SUBSCRIPTION", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_RECYCLED", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_NOT_RECYCLED", "FAILED_PRECONDITION", false],
  ["INVALID_INSTANCE_NOT_FOUND", "INVALID_ARGUMENT", false],
  ["OPERATION_DENIED_INSTANCE_RECYCLED", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_INSTANCE_NOT_RUNNING", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_ZONE_NOT_SAME", "FAILED_PRECONDITION", false],
  ["FAILED_OPERATION_FOR_RECYCLE_RESOURCE", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN", "FAILED_PRECONDITION", false],
  ["OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT", "RESOURCE_EXHAUSTED", false],
  ["OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT", "FAILED_PRECONDITION", false],
  ["INVALID_ESXI_NOT_SUPPORT", "UNSUPPORTED", false],
  // Assumptions of the emulator (no official equivalent found).
  ["AUTHFAILURE_INVALID_TOKEN", "UNAUTHENTICATED", false],
  ["INVALID_VERSION", "UNSUPPORTED", false],
  ["INVALID_REQUEST_BODY", "INVALID_ARGUMENT", false],
  ["REQUEST_BODY_TOO_LARGE", "INVALID_ARGUMENT", false],
  ["INVALID_REQUEST_PATH", "UNSUPPORTED", false],
  ["INVALID_HTTP_METHOD", "UNSUPPORTED", false],
  ["OPERATION_DENIED_INSUFFICIENT_BALANCE", "RESOURCE_EXHAUSTED", false],
];

const CATALOGUE = ZENLAYER_ERROR_CODES as Readonly<Record<string, { httpStatus: number; source: string }>>;

describe("map-zenlayer-eip-error against the emulator's error catalogue", () => {
  it("the table covers exactly the catalogue's codes, and the map exactly the table's", () => {
    expect(EXPECTED.map(([code]) => code).sort()).toEqual(Object.keys(CATALOGUE).sort());
    expect(Object.keys(ZENLAYER_ERROR_MAP).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
  });

  it.each(EXPECTED)("%s → %s, retryable %s", (providerCode, code, retryable) => {
    const httpStatus = (CATALOGUE[providerCode] as { httpStatus: number }).httpStatus;
    const error = createZenlayerEipError({
      operation: "allocate",
      action: "AllocateEipAddresses",
      httpStatus,
      providerCode,
      message: "provider says no",
      requestId: "T-1",
    });
    expect(error).toMatchObject({
      code,
      retryable,
      provider: "zenlayer-eip",
      operation: "allocate",
      providerCode,
      httpStatus,
      requestId: "T-1",
      ambiguous: httpStatus >= 500,
    });
    expect(error.message).toContain(providerCode);
    expect(error.details.action).toBe("AllocateEipAddresses");
  });
});

describe("Zenlayer's official common codes (fixture copied from the reference)", () => {
  const officialCodes = commonErrors.codes.map(({ code }) => code);

  it.each(officialCodes)(
    "%s is mapped explicitly, not by prefix or HTTP status, and the emulator can answer it",
    (code) => {
      expect(Object.hasOwn(ZENLAYER_ERROR_MAP, code)).toBe(true);
      expect(CATALOGUE[code]?.source).toBe("official-common");
    },
  );

  it("the fixture holds the list's 19 codes", () => {
    expect(new Set(officialCodes).size).toBe(19);
  });
});

describe("mapZenlayerEipErrorCode fallbacks", () => {
  it.each([
    ["AUTHFAILURE_SOMETHING_NEW", 401, "UNAUTHENTICATED"],
    ["INVALID_FOO_NOT_FOUND", 404, "NOT_FOUND"],
    ["OPERATION_DENIED_SOMETHING_NEW", 403, "FAILED_PRECONDITION"],
    ["OPERATION_FAILED_SOMETHING_FOR_RECYCLE_RESOURCE", 403, "FAILED_PRECONDITION"],
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
    expect(
      createZenlayerEipError({
        operation: "describe",
        action: "DescribeEipAddresses",
        httpStatus: 403,
        message: "<html>",
        cloudflareMitigated: true,
      }),
    ).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "SECURITY_CHALLENGE" });
    expect(
      createZenlayerEipError({
        operation: "describe",
        action: "DescribeEipAddresses",
        httpStatus: 451,
        message: "blocked",
      }),
    ).toMatchObject({ code: "PERMISSION_DENIED", providerCode: "REQUEST_BLOCKED" });
    expect(mapZenlayerEipErrorCode("INVALID_EIP_NOT_FOUND", 403, true).code).toBe("PERMISSION_DENIED");
  });
});
