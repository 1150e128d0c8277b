import { IpAllocatorError, createRedactor, type IpAllocatorErrorCode } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { createCredentialRedactor } from "./alibaba-ecs-client.js";
import { buildV1StringToSign } from "./sign-alibaba-ecs-request.js";
import { ALIBABA_ECS_ERROR_TABLE } from "./ecs-error-table.js";
import { classifyAlibabaEcsError, mapAlibabaEcsError } from "./map-alibaba-ecs-error.js";

// [Alibaba Code, HTTP status as published, neutral code, retryable, ambiguous]: every row is a decision users rely on.
const EXPECTED: ReadonlyArray<readonly [string, number, IpAllocatorErrorCode, boolean, boolean]> = [
  // AllocatePublicIpAddress seeds (000, 001, 003).
  ["InvalidOperation.AllocateFailed", 400, "UNAVAILABLE", true, false],
  ["InvalidIpAddress.Malformed", 400, "INVALID_ARGUMENT", false, false],
  ["OperationDenied", 400, "FAILED_PRECONDITION", false, false],
  ["InsufficientPublicIp", 400, "RESOURCE_EXHAUSTED", false, false],
  ["AllocateIpInvalidInstanceBandwidth", 400, "FAILED_PRECONDITION", false, false],
  ["OperationDenied.CloudboxNotSupport", 400, "UNSUPPORTED", false, false],
  ["OperationDenied.DedicatedRegionNotSupported", 400, "UNSUPPORTED", false, false],
  ["IncorrectInstanceStatus", 403, "FAILED_PRECONDITION", false, false],
  ["InstanceLockedForSecurity", 403, "FAILED_PRECONDITION", false, false],
  ["InstanceExpiredOrInArrears", 403, "FAILED_PRECONDITION", false, false],
  ["IpInUse", 403, "ALREADY_EXISTS", false, false],
  ["AllocatedAlready", 403, "ALREADY_EXISTS", false, false],
  ["AllocateIp.Fail", 403, "UNAVAILABLE", true, false],
  ["NAT_PUBLIC_IP_BINDING_FAILED", 403, "INTERNAL", false, true],
  ["NAT_PUBLIC_IP_ALLOCATE_FAILED", 403, "INTERNAL", false, true],
  ["InvalidIpAddress.NotPublic", 403, "INVALID_ARGUMENT", false, false],
  ["InvalidInstanceId.NotFound", 404, "NOT_FOUND", false, false],
  ["InvalidVlanId.NotFound", 404, "NOT_FOUND", false, false],
  ["InvalidIpAddress.NotFound", 404, "NOT_FOUND", false, false],
  ["InternalError", 500, "INTERNAL", true, true],
  // ReleasePublicIpAddress.
  ["InvalidIpAddress.NeedInstanceId", 403, "INVALID_ARGUMENT", false, false],
  ["OperationTimesOverLimit", 403, "RESOURCE_EXHAUSTED", false, false],
  ["DryRunOperation", 400, "INTERNAL", false, false],
  // Gateway and common codes.
  ["Throttling", 400, "RATE_LIMITED", true, false],
  ["Throttling.User", 400, "RATE_LIMITED", true, false],
  ["Throttling.Api", 429, "RATE_LIMITED", true, false],
  ["Rejected.Throttling", 400, "RATE_LIMITED", true, false],
  ["ServiceUnavailable", 503, "UNAVAILABLE", true, true],
  ["SignatureDoesNotMatch", 400, "UNAUTHENTICATED", false, false],
  ["SignatureDoesNotMatch", 403, "UNAUTHENTICATED", false, false],
  ["IncompleteSignature", 400, "UNAUTHENTICATED", false, false],
  ["InvalidSignatureMethod", 400, "UNAUTHENTICATED", false, false],
  ["InvalidAccessKeyId.NotFound", 404, "UNAUTHENTICATED", false, false],
  ["InvalidAccessKeyId.NotFound", 400, "UNAUTHENTICATED", false, false],
  ["InvalidAccessKeyId.Inactive", 400, "UNAUTHENTICATED", false, false],
  ["InvalidSecurityToken.Expired", 400, "UNAUTHENTICATED", false, false],
  ["InvalidSecurityToken.Malformed", 400, "UNAUTHENTICATED", false, false],
  ["InvalidSecurityToken.MismatchWithAccessKey", 400, "UNAUTHENTICATED", false, false],
  ["InvalidTimeStamp.Format", 400, "UNAUTHENTICATED", false, false],
  ["InvalidTimeStamp.Expired", 400, "UNAUTHENTICATED", false, false],
  ["IllegalTimestamp", 400, "UNAUTHENTICATED", false, false],
  ["SignatureNonceUsed", 400, "UNAUTHENTICATED", true, false],
  ["Forbidden.RAM", 403, "PERMISSION_DENIED", false, false],
  ["Forbidden.RiskControl", 403, "PERMISSION_DENIED", false, false],
  ["Forbidden.UserVerification", 403, "PERMISSION_DENIED", false, false],
  ["ActionUnauthorized", 403, "PERMISSION_DENIED", false, false],
  ["InvalidAction", 403, "UNSUPPORTED", false, false],
  ["InvalidAction.NotFound", 404, "UNSUPPORTED", false, false],
  ["InvalidApi.NotFound", 404, "UNSUPPORTED", false, false],
  ["UnsupportedHTTPMethod", 403, "UNSUPPORTED", false, false],
  ["MissingParameter", 400, "INVALID_ARGUMENT", false, false],
  ["InvalidParameter", 400, "INVALID_ARGUMENT", false, false],
  ["InvalidVersion", 400, "INVALID_ARGUMENT", false, false],
  ["IdempotentParameterMismatch", 400, "INVALID_ARGUMENT", false, false],
  ["InsufficientBalance", 400, "RESOURCE_EXHAUSTED", false, false],
];

describe("the Alibaba error table", () => {
  it.each(EXPECTED)(
    "%s (HTTP %i) → %s (retryable %s, ambiguous %s)",
    (providerCode, httpStatus, code, retryable, ambiguous) => {
      const rule = classifyAlibabaEcsError(providerCode, httpStatus);
      expect(rule.matchedBy).toBe("table");
      const error = mapAlibabaEcsError(
        { httpStatus, headers: {}, envelope: { Code: providerCode, Message: "m", RequestId: "R-1" }, body: "" },
        // An action without action-specific rules: the table alone decides.
        { operation: "allocate", action: "DescribeInstanceAttribute", redactor: createRedactor() },
      );
      expect(error).toMatchObject({
        code,
        retryable,
        ambiguous,
        providerCode,
        httpStatus,
        requestId: "R-1",
        provider: "alibaba-ecs",
        operation: "allocate",
      });
    },
  );

  it("has an expectation for every table entry", () => {
    const tested = new Set(EXPECTED.map(([providerCode]) => providerCode));
    expect(Object.keys(ALIBABA_ECS_ERROR_TABLE).filter((providerCode) => !tested.has(providerCode))).toEqual([]);
  });
});

describe("prefix rules and fallbacks", () => {
  it.each([
    ["Throttling.Concurrency", 400, "RATE_LIMITED"],
    ["Forbidden.NoPermission", 403, "PERMISSION_DENIED"],
    ["InvalidAccessKeyId.Expired", 400, "UNAUTHENTICATED"],
    ["InvalidSecurityToken.Revoked", 400, "UNAUTHENTICATED"],
    ["InvalidTimeStamp.Future", 400, "UNAUTHENTICATED"],
    ["QuotaExceeded.PublicIp", 400, "RESOURCE_EXHAUSTED"],
    ["OperationDenied.NoStock", 403, "FAILED_PRECONDITION"],
    ["IncorrectEipStatus", 403, "FAILED_PRECONDITION"],
    ["MissingInstanceId", 400, "INVALID_ARGUMENT"],
    ["InvalidZoneId.NotFound", 404, "NOT_FOUND"],
    ["InvalidBandwidth.Malformed", 400, "INVALID_ARGUMENT"],
    ["UnsupportedOperation", 400, "UNSUPPORTED"],
  ] as const)("%s (HTTP %i) → %s by prefix", (providerCode, httpStatus, code) => {
    expect(classifyAlibabaEcsError(providerCode, httpStatus)).toMatchObject({ code, matchedBy: "prefix" });
  });

  it.each([
    [400, "INVALID_ARGUMENT", false, false],
    [403, "PERMISSION_DENIED", false, false],
    [404, "NOT_FOUND", false, false],
    [429, "RATE_LIMITED", true, false],
    [500, "INTERNAL", true, true],
    [502, "UNAVAILABLE", true, true],
    [504, "TIMEOUT", true, true],
  ] as const)("an unknown code with HTTP %i falls back to %s", (httpStatus, code, retryable, ambiguous) => {
    const error = mapAlibabaEcsError(
      { httpStatus, headers: {}, envelope: { Code: "SomethingNew" }, body: "" },
      { operation: "describe", action: "DescribeInstanceAttribute", redactor: createRedactor() },
    );
    expect(error).toMatchObject({ code, retryable, ambiguous, providerCode: "SomethingNew" });
  });
});

describe("mapAlibabaEcsError", () => {
  const context = {
    operation: "allocate",
    action: "AllocatePublicIpAddress",
    redactor: createRedactor(["super-secret-value", "sts-token-value"]),
  };

  it("keeps Recommend, HostId and the request id, and honours x-acs-retry-after (milliseconds)", () => {
    const envelope = {
      Code: "Throttling.User",
      Message: "Request was denied due to user flow control.",
      RequestId: "R-2",
      HostId: "ecs-cn-hangzhou.aliyuncs.com",
      Recommend: "https://api.aliyun.com/troubleshoot?q=Throttling.User",
    };
    const error = mapAlibabaEcsError(
      { httpStatus: 400, headers: { "x-acs-retry-after": "50" }, envelope, body: "" },
      context,
    );
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      requestId: "R-2",
      retryAfterMs: 50,
      details: { recommend: envelope.Recommend, hostId: envelope.HostId, action: "AllocatePublicIpAddress" },
    });
    expect(error.message).toBe(
      "Alibaba ECS AllocatePublicIpAddress failed with Throttling.User (HTTP 400): Request was denied due to user flow control.",
    );
  });

  it("moves the server's string to sign out of the message into details", () => {
    const envelope = {
      Code: "SignatureDoesNotMatch",
      Message:
        "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dk",
    };
    const error = mapAlibabaEcsError({ httpStatus: 400, headers: {}, envelope, body: "" }, context);
    expect(error.message).toBe(
      "Alibaba ECS AllocatePublicIpAddress failed with SignatureDoesNotMatch (HTTP 400): Specified signature is not matched with our calculation. (Check the AccessKey id, secret and STS token the credential chain resolved.)",
    );
    expect(error.details).toMatchObject({ serverStringToSign: "POST&%2F&AccessKeyId%3Dk" });
  });

  it.each([
    ["an HTML proxy page", 502, "text/html", "<html><body>Bad gateway</body></html>", "UNAVAILABLE", true],
    ["truncated JSON", 200, "application/json", '{"RequestId":"R-3","IpAdd', "INTERNAL", true],
    ["a 4xx without envelope", 400, "text/plain", "bad request", "INVALID_ARGUMENT", false],
    ["a proxy's HTML 429", 429, "text/html", "<html>Too Many Requests</html>", "RATE_LIMITED", true],
  ] as const)(
    "maps %s by its HTTP status, with a redacted excerpt",
    (_label, httpStatus, contentType, body, code, retryable) => {
      const error = mapAlibabaEcsError(
        {
          httpStatus,
          headers: { "content-type": contentType, "x-acs-request-id": "R-H" },
          body: `${body} super-secret-value`,
        },
        context,
      );
      expect(error).toMatchObject({
        code,
        httpStatus,
        requestId: "R-H",
        retryable,
        ambiguous: httpStatus >= 500 || httpStatus < 300,
      });
      expect(error.message).toContain(contentType);
      expect(String(error.details.excerpt)).toContain(body.slice(0, 10));
      expect(JSON.stringify(error)).not.toContain("super-secret-value");
    },
  );

  it("never echoes a credential that the provider put into its message", () => {
    const envelope = { Code: "InvalidSecurityToken.Malformed", Message: "token sts-token-value is malformed" };
    const error = mapAlibabaEcsError({ httpStatus: 400, headers: {}, envelope, body: "" }, context);
    expect(IpAllocatorError.isInstance(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain("sts-token-value");
    expect(error.message).toContain("[REDACTED]");
  });

  it("masks an STS token that ECS echoes double-encoded in a V1 string to sign", () => {
    const token = "CAIS+sts/token==value";
    const stringToSign = buildV1StringToSign("POST", { AccessKeyId: "k", SecurityToken: token });
    const envelope = {
      Code: "SignatureDoesNotMatch",
      Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    };
    const redactor = createCredentialRedactor({
      accessKeyId: "k",
      accessKeySecret: "secret-value-1",
      securityToken: token,
    });
    const error = mapAlibabaEcsError({ httpStatus: 400, headers: {}, envelope, body: "" }, { ...context, redactor });
    expect(error.details.serverStringToSign).toContain("[REDACTED]");
    expect(JSON.stringify(error)).not.toContain(encodeURIComponent(encodeURIComponent(token)));
    expect(JSON.stringify(error)).not.toContain("sts/token");
  });
});
