import { readFileSync } from "node:fs";
import { createRedactor, type IpAllocatorErrorCode } from "@polycloud/core";
import { ALIBABA_ERROR_CATALOGUE as catalogue, type AlibabaCatalogueEntry } from "@polycloud/emulator";
import { describe, expect, it } from "vitest";
import { ALIBABA_ECS_ACTION_ERROR_TABLE } from "./action-error-rules.js";
import { ALIBABA_ECS_ERROR_TABLE } from "./ecs-error-table.js";
import { classifyAlibabaEcsError, mapAlibabaEcsError } from "./map-alibaba-ecs-error.js";

// What users rely on, readable: "<action or any> <Code>" → [neutral code, retryable].
const READABLE: Readonly<Record<string, readonly [IpAllocatorErrorCode, boolean]>> = {
  "AllocatePublicIpAddress InvalidOperation.AllocateFailed": ["UNAVAILABLE", true],
  "AllocatePublicIpAddress InvalidIpAddress.Malformed": ["INVALID_ARGUMENT", false],
  "AllocatePublicIpAddress OperationDenied": ["FAILED_PRECONDITION", false],
  "AllocatePublicIpAddress InsufficientPublicIp": ["RESOURCE_EXHAUSTED", false],
  "AllocatePublicIpAddress AllocateIpInvalidInstanceBandwidth": ["FAILED_PRECONDITION", false],
  "AllocatePublicIpAddress OperationDenied.CloudboxNotSupport": ["UNSUPPORTED", false],
  "AllocatePublicIpAddress OperationDenied.DedicatedRegionNotSupported": ["UNSUPPORTED", false],
  "AllocatePublicIpAddress IncorrectInstanceStatus": ["FAILED_PRECONDITION", false],
  "AllocatePublicIpAddress InstanceLockedForSecurity": ["FAILED_PRECONDITION", false],
  "AllocatePublicIpAddress InstanceExpiredOrInArrears": ["FAILED_PRECONDITION", false],
  "AllocatePublicIpAddress IpInUse": ["ALREADY_EXISTS", false],
  "AllocatePublicIpAddress AllocatedAlready": ["ALREADY_EXISTS", false],
  "AllocatePublicIpAddress AllocateIp.Fail": ["UNAVAILABLE", true],
  "AllocatePublicIpAddress NAT_PUBLIC_IP_BINDING_FAILED": ["INTERNAL", false],
  "AllocatePublicIpAddress NAT_PUBLIC_IP_ALLOCATE_FAILED": ["INTERNAL", false],
  "AllocatePublicIpAddress InvalidIpAddress.NotPublic": ["INVALID_ARGUMENT", false],
  "AllocatePublicIpAddress InvalidInstanceId.NotFound": ["INVALID_ARGUMENT", false],
  "AllocatePublicIpAddress InvalidVlanId.NotFound": ["NOT_FOUND", false],
  "AllocatePublicIpAddress InvalidIpAddress.NotFound": ["NOT_FOUND", false],
  "AllocatePublicIpAddress InternalError": ["INTERNAL", true],
  "ReleasePublicIpAddress OperationDenied": ["FAILED_PRECONDITION", false],
  "ReleasePublicIpAddress InvalidIpAddress.NotFound": ["NOT_FOUND", false],
  "ReleasePublicIpAddress DryRunOperation": ["INTERNAL", false],
  "ReleasePublicIpAddress InvalidIpAddress.NeedInstanceId": ["INVALID_ARGUMENT", false],
  "ReleasePublicIpAddress OperationTimesOverLimit": ["RESOURCE_EXHAUSTED", false],
  "DescribeInstances InvalidInstanceIds.Malformed": ["INVALID_ARGUMENT", false],
  "DescribeInstances InvalidStatus.NotFound": ["NOT_FOUND", false],
  "ModifyInstanceNetworkSpec IdempotentParameterMismatch": ["INVALID_ARGUMENT", false],
  "StartInstance IncorrectInstanceStatus": ["FAILED_PRECONDITION", false],
  "any MissingParameter": ["INVALID_ARGUMENT", false],
  "any InvalidParameter": ["INVALID_ARGUMENT", false],
  "any InvalidAction.NotFound": ["UNSUPPORTED", false],
  "any InvalidVersion": ["INVALID_ARGUMENT", false],
  "any UnsupportedHTTPMethod": ["UNSUPPORTED", false],
  "any InvalidAccessKeyId.NotFound": ["UNAUTHENTICATED", false],
  "any InvalidAccessKeyId.Inactive": ["UNAUTHENTICATED", false],
  "any SignatureDoesNotMatch": ["UNAUTHENTICATED", false],
  "any IncompleteSignature": ["UNAUTHENTICATED", false],
  "any InvalidSignatureMethod": ["UNAUTHENTICATED", false],
  "any InvalidTimeStamp.Format": ["UNAUTHENTICATED", false],
  "any InvalidTimeStamp.Expired": ["UNAUTHENTICATED", false],
  "any IllegalTimestamp": ["UNAUTHENTICATED", false],
  "any SignatureNonceUsed": ["UNAUTHENTICATED", true],
  "any InvalidSecurityToken.Expired": ["UNAUTHENTICATED", false],
  "any InvalidSecurityToken.Malformed": ["UNAUTHENTICATED", false],
  "any InvalidSecurityToken.MismatchWithAccessKey": ["UNAUTHENTICATED", false],
  "any Throttling.User": ["RATE_LIMITED", true],
  "any Throttling.Api": ["RATE_LIMITED", true],
  "any Throttling": ["RATE_LIMITED", true],
  "any ServiceUnavailable": ["UNAVAILABLE", true],
};

const keyOf = (entry: AlibabaCatalogueEntry): string => `${entry.action ?? "any"} ${entry.code}`;

describe("the adapter's error map against the emulator's error catalogue", () => {
  it("has a readable expectation for exactly the catalogue's codes", () => {
    expect(catalogue.map(keyOf).sort()).toEqual(Object.keys(READABLE).sort());
  });

  it.each(catalogue.map((entry) => [keyOf(entry), entry] as const))("%s", (key, entry) => {
    const [code, retryable] = READABLE[key] as readonly [IpAllocatorErrorCode, boolean];
    const action = entry.action ?? "DescribeInstanceAttribute";
    const error = mapAlibabaEcsError(
      {
        httpStatus: entry.httpStatus,
        headers: {},
        envelope: { Code: entry.code, Message: "m", RequestId: "R-1" },
        body: "",
      },
      { operation: "allocate", action, redactor: createRedactor() },
    );
    expect({ code: error.code, retryable: error.retryable }).toEqual({ code, retryable });
    expect(error).toMatchObject({ providerCode: entry.code, httpStatus: entry.httpStatus, requestId: "R-1" });
  });
});

interface ApiPage {
  action: string;
  source: string;
  codes: Array<{ httpStatus: number; code: string }>;
}

const pages = (
  JSON.parse(readFileSync(new URL("./__fixtures__/alibaba-api-page-error-codes.json", import.meta.url), "utf8")) as {
    pages: ApiPage[];
  }
).pages;

describe("every error code of the API pages (project fixture copied from the seeds) is mapped explicitly", () => {
  it.each(
    pages.flatMap((page) =>
      page.codes.map(({ code, httpStatus }) => [page.action, code, httpStatus, page.source] as const),
    ),
  )("%s %s (HTTP %i, %s)", (action, code, httpStatus) => {
    expect(
      ALIBABA_ECS_ACTION_ERROR_TABLE[action]?.[code] ?? ALIBABA_ECS_ERROR_TABLE[code],
      `${action} ${code}`,
    ).toBeDefined();
    expect(classifyAlibabaEcsError(code, httpStatus, action).matchedBy).toBe("table");
  });
});

describe("codes whose meaning depends on the action", () => {
  it("an unknown instance is INVALID_ARGUMENT naming instanceId on allocate, NOT_FOUND on describe and release", () => {
    const envelope = {
      Code: "InvalidInstanceId.NotFound",
      Message: "The specified InstanceId does not exist.",
      RequestId: "R-9",
    };
    const onAllocate = mapAlibabaEcsError(
      { httpStatus: 404, headers: {}, envelope, body: "" },
      { operation: "allocate", action: "AllocatePublicIpAddress", redactor: createRedactor() },
    );
    expect(onAllocate).toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "instanceId" }],
      providerCode: "InvalidInstanceId.NotFound",
      httpStatus: 404,
      requestId: "R-9",
    });
    for (const action of ["DescribeInstanceAttribute", "ReleasePublicIpAddress"]) {
      expect(
        mapAlibabaEcsError(
          { httpStatus: 404, headers: {}, envelope, body: "" },
          { operation: "describe", action, redactor: createRedactor() },
        ).code,
      ).toBe("NOT_FOUND");
    }
  });

  it("OperationDenied on release explains the VPC refusal, not the EIP case of allocate", () => {
    const envelope = { Code: "OperationDenied", Message: "Specified operation is denied as your instance is in VPC." };
    const onRelease = mapAlibabaEcsError(
      { httpStatus: 400, headers: {}, envelope, body: "" },
      { operation: "release", action: "ReleasePublicIpAddress", redactor: createRedactor() },
    );
    expect(onRelease.code).toBe("FAILED_PRECONDITION");
    expect(String(onRelease.details.hint)).toMatch(/VPC.*ModifyInstanceNetworkSpec.*ConvertNatPublicIpToEip/);
    expect(String(onRelease.details.hint)).not.toMatch(/VlanId/);
  });
});
