import { IpAllocatorError } from "@polycloud/core";
import { ALIBABA_SEED_ERROR_CODES } from "@polycloud/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEST_REGION, startTestEmulator, type TestEmulator } from "./__fixtures__/start-test-emulator.js";
import { ALIBABA_ECS_ACTION_ERROR_TABLE } from "./action-error-rules.js";
import { ALIBABA_ECS_ERROR_TABLE } from "./ecs-error-table.js";

let test: TestEmulator;
beforeEach(async () => {
  test = await startTestEmulator();
});
afterEach(async () => {
  await test.close();
});

async function allocateExpectingError(request: Record<string, unknown> = {}): Promise<IpAllocatorError> {
  const allocator = test.createAllocator();
  const thrown = await allocator
    .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId(), ...request }, { retry: false })
    .catch((error: unknown) => error);
  if (!IpAllocatorError.isInstance(thrown)) throw new Error(`expected an IpAllocatorError, got ${String(thrown)}`);
  return thrown;
}

describe("every AllocatePublicIpAddress seed code arrives typed (emulator error-code faults)", () => {
  it("maps every seed code with an exact table entry", () => {
    expect(
      ALIBABA_SEED_ERROR_CODES.map((entry) => entry.code).filter((code) => ALIBABA_ECS_ERROR_TABLE[code] === undefined),
    ).toEqual([]);
  });

  it.each(ALIBABA_SEED_ERROR_CODES.map((entry) => [entry.code, entry.httpStatus] as const))(
    "%s (HTTP %i)",
    async (code, httpStatus) => {
      test.emulator.faults.add({ provider: "alibaba", action: "AllocatePublicIpAddress", kind: "error-code", code });
      const error = await allocateExpectingError();
      const rule = ALIBABA_ECS_ACTION_ERROR_TABLE["AllocatePublicIpAddress"]?.[code] ?? ALIBABA_ECS_ERROR_TABLE[code];
      expect(error).toMatchObject({
        code: rule?.code,
        providerCode: code,
        httpStatus,
        provider: "alibaba-ecs",
        operation: "allocate",
      });
      expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(error.details).toMatchObject({
        recommend: expect.stringContaining(encodeURIComponent(code)),
        hostId: expect.any(String),
      });
      expect(test.countAllocations()).toBe(0);
    },
  );
});

describe("gateway codes arrive typed (emulator error-code faults)", () => {
  it.each([
    ["Throttling.User", 400, "RATE_LIMITED"],
    ["Throttling.Api", 429, "RATE_LIMITED"],
    ["SignatureDoesNotMatch", 400, "UNAUTHENTICATED"],
    ["InvalidAccessKeyId.NotFound", 404, "UNAUTHENTICATED"],
    ["InvalidSecurityToken.Expired", 400, "UNAUTHENTICATED"],
    ["Forbidden.RAM", 403, "PERMISSION_DENIED"],
    ["InvalidAction.NotFound", 404, "UNSUPPORTED"],
    ["MissingParameter.InstanceId", 400, "INVALID_ARGUMENT"],
    ["InsufficientBalance", 400, "RESOURCE_EXHAUSTED"],
    ["ServiceUnavailable", 503, "UNAVAILABLE"],
    ["SomethingNobodyDocumented", 409, "FAILED_PRECONDITION"],
  ] as const)("%s (HTTP %i) → %s on describe", async (code, httpStatus, expected) => {
    test.emulator.faults.add({
      provider: "alibaba",
      action: "DescribeInstanceAttribute",
      kind: "error-code",
      code,
      httpStatus,
    });
    const error = await test
      .createAllocator()
      .describe(test.nextInstanceId(), { retry: false })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: expected, providerCode: code, httpStatus, operation: "describe" });
  });
});

describe("state-triggered codes (no fault: the emulator's own checks)", () => {
  it.each(["allocate-public-ip-address", "modify-instance-network-spec"] as const)(
    "an unknown instance on allocate (%s) is INVALID_ARGUMENT naming instanceId, as on AWS and Zenlayer",
    async (method) => {
      const allocator = test.createAllocator();
      const error = await allocator
        .allocate({
          location: { region: TEST_REGION },
          instanceId: "i-missing",
          providerOptions: { "alibaba-ecs": { method } },
        })
        .catch((thrown: unknown) => thrown);
      expect(error).toMatchObject({
        code: "INVALID_ARGUMENT",
        issues: [{ path: "instanceId" }],
        providerCode: "InvalidInstanceId.NotFound",
        httpStatus: 404,
        retryable: false,
      });
      expect((error as { requestId?: string }).requestId).toMatch(/^[0-9A-F-]{36}$/);
    },
  );

  it("an unknown instance on describe and release stays NOT_FOUND (it is the id asked for)", async () => {
    const allocator = test.createAllocator();
    await expect(allocator.describe("i-missing")).rejects.toMatchObject({
      code: "NOT_FOUND",
      providerCode: "InvalidInstanceId.NotFound",
    });
    await expect(allocator.release("i-missing")).rejects.toMatchObject({
      code: "NOT_FOUND",
      providerCode: "InvalidInstanceId.NotFound",
    });
  });

  it("InvalidIpAddress.NotPublic for a private address", async () => {
    const error = await allocateExpectingError({ providerOptions: { "alibaba-ecs": { ipAddress: "10.0.0.1" } } });
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      providerCode: "InvalidIpAddress.NotPublic",
      httpStatus: 403,
    });
  });

  it("IpInUse for an address another instance holds", async () => {
    const first = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
    const error = await allocateExpectingError({
      providerOptions: { "alibaba-ecs": { ipAddress: first.ips[0]?.address } },
    });
    expect(error).toMatchObject({ code: "ALREADY_EXISTS", providerCode: "IpInUse", httpStatus: 403 });
  });

  it("InvalidVlanId.NotFound for an unknown VLAN", async () => {
    const error = await allocateExpectingError({ providerOptions: { "alibaba-ecs": { vlanId: "999" } } });
    expect(error).toMatchObject({ code: "NOT_FOUND", providerCode: "InvalidVlanId.NotFound", httpStatus: 404 });
  });

  it("accepts a known VLAN", async () => {
    const allocator = test.createAllocator();
    const result = await allocator.allocate({
      location: { region: TEST_REGION },
      instanceId: test.nextInstanceId(),
      providerOptions: { "alibaba-ecs": { vlanId: 720 } },
    });
    expect(result.ips[0]?.address).toMatch(/^47\.96\./);
  });

  it("InvalidTimeStamp.Expired when the clocks disagree by more than 15 minutes", async () => {
    test.emulator.faults.add({ provider: "alibaba", kind: "clock-skew", skewSeconds: 3600 });
    const error = await test
      .createAllocator()
      .describe(test.nextInstanceId())
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "InvalidTimeStamp.Expired",
      details: { hint: expect.stringContaining("clock") },
    });
  });

  it("SignatureDoesNotMatch for a wrong secret, on both signature versions", async () => {
    for (const signatureVersion of ["v3", "v1"] as const) {
      const allocator = test.createAllocator({
        signatureVersion,
        credentials: { accessKeyId: "polycloud-test-key-id", accessKeySecret: "wrong-secret-123" },
      });
      await expect(allocator.describe(test.nextInstanceId())).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
        providerCode: "SignatureDoesNotMatch",
        details: { serverStringToSign: expect.any(String) },
      });
    }
  });

  it("InvalidAccessKeyId.NotFound for an unknown AccessKey", async () => {
    const allocator = test.createAllocator({
      credentials: { accessKeyId: "nobody", accessKeySecret: "whatever-secret" },
    });
    await expect(allocator.describe(test.nextInstanceId())).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "InvalidAccessKeyId.NotFound",
    });
  });

  it("InvalidSecurityToken.MismatchWithAccessKey for a foreign STS token", async () => {
    const allocator = test.createAllocator({
      credentials: {
        accessKeyId: "polycloud-test-key-id",
        accessKeySecret: "polycloud-test-key-secret",
        securityToken: "someone-elses-token",
      },
    });
    await expect(allocator.describe(test.nextInstanceId())).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "InvalidSecurityToken.MismatchWithAccessKey",
    });
  });
});
