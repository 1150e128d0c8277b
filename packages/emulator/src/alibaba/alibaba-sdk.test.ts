import * as EcsModule from "@alicloud/ecs20140526";
import RPCClient from "@alicloud/pop-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../start-emulator.js";
import { TEST_ACCESS_KEY_ID, TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN } from "./__fixtures__/alibaba-test-client.js";

// The official SDK is CommonJS with `exports.default = Client`; under ESM interop the class sits one level down.
type EcsClientClass = typeof EcsModule.default.default;
type EcsClient = InstanceType<EcsClientClass>;
const EcsClientConstructor: EcsClientClass =
  (EcsModule.default as unknown as { default?: EcsClientClass }).default ??
  (EcsModule.default as unknown as EcsClientClass);

interface SdkError extends Error {
  code?: string;
  statusCode?: number;
  data?: Record<string, unknown>;
}

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

/** `@alicloud/ecs20140526` (V3 signing) pointed at the emulator: endpoint "127.0.0.1:PORT", protocol http. */
function createEcsClient(overrides: Record<string, unknown> = {}): EcsClient {
  const config = {
    accessKeyId: TEST_ACCESS_KEY_ID,
    accessKeySecret: TEST_ACCESS_KEY_SECRET,
    regionId: "cn-hangzhou",
    endpoint: new URL(emulator.alibaba.endpoint).host,
    protocol: "http",
    readTimeout: 5000,
    connectTimeout: 5000,
    ...overrides,
  };
  return new EcsClientConstructor(config as unknown as ConstructorParameters<EcsClientClass>[0]);
}

/** `@alicloud/pop-core` (V1 signing) pointed at the emulator. */
function createPopClient(
  accessKeySecret = TEST_ACCESS_KEY_SECRET,
  accessKeyId = TEST_ACCESS_KEY_ID,
  securityToken?: string,
): RPCClient {
  return new RPCClient({
    accessKeyId,
    accessKeySecret,
    endpoint: emulator.alibaba.endpoint,
    apiVersion: "2014-05-26",
    ...(securityToken === undefined ? {} : { securityToken }),
  });
}

async function captureError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error("expected the call to fail");
}

describe("@alicloud/ecs20140526 (V3 ACS3-HMAC-SHA256) against the emulator", () => {
  it("allocates a public IP and describes it", async () => {
    const client = createEcsClient();
    const allocated = await client.allocatePublicIpAddress(
      new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0001" }),
    );
    expect(allocated.statusCode).toBe(200);
    expect(allocated.body?.ipAddress).toMatch(/^47\.96\.\d+\.\d+$/);
    expect(allocated.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);

    const attribute = await client.describeInstanceAttribute(
      new EcsModule.DescribeInstanceAttributeRequest({ instanceId: "i-polycloud0001" }),
    );
    expect(attribute.body?.publicIpAddress?.ipAddress).toEqual([allocated.body?.ipAddress]);
    expect(attribute.body?.status).toBe("Running");

    const listed = await client.describeInstances(
      new EcsModule.DescribeInstancesRequest({
        regionId: "cn-hangzhou",
        instanceIds: JSON.stringify(["i-polycloud0001", "i-polycloud0002"]),
      }),
    );
    expect(listed.body?.totalCount).toBe(2);
    expect(listed.body?.instances?.instance?.map((instance) => instance.instanceId)).toEqual([
      "i-polycloud0001",
      "i-polycloud0002",
    ]);
    expect(emulator.events.count({ provider: "alibaba", kind: "allocate" })).toBe(1);
  });

  it("allocates through ModifyInstanceNetworkSpec with a ClientToken, once", async () => {
    const client = createEcsClient();
    const request = new EcsModule.ModifyInstanceNetworkSpecRequest({
      instanceId: "i-polycloud0003",
      allocatePublicIp: true,
      clientToken: "token-1",
    });
    await client.modifyInstanceNetworkSpec(request);
    await client.modifyInstanceNetworkSpec(request);
    expect(emulator.events.count({ resourceId: "i-polycloud0003", kind: "allocate" })).toBe(1);
    expect(emulator.alibabaState.getInstance("i-polycloud0003")?.publicIpAddress).toMatch(/^47\.96\./);
  });

  it("works with STS credentials (x-acs-security-token)", async () => {
    const client = createEcsClient({ securityToken: TEST_SECURITY_TOKEN });
    const allocated = await client.allocatePublicIpAddress(
      new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0002" }),
    );
    expect(allocated.body?.ipAddress).toBeDefined();
    const wrongToken = await captureError(
      createEcsClient({ securityToken: "not-the-token" }).allocatePublicIpAddress(
        new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0004" }),
      ),
    );
    expect(wrongToken.code).toBe("InvalidSecurityToken.MismatchWithAccessKey");
    expect(wrongToken.message).not.toContain("not-the-token");
  });

  it("fails with SignatureDoesNotMatch for a bad secret and InvalidAccessKeyId.NotFound for an unknown key", async () => {
    const request = new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0001" });
    const badSecret = await captureError(
      createEcsClient({ accessKeySecret: "wrong-secret" }).allocatePublicIpAddress(request),
    );
    expect(badSecret.code).toBe("SignatureDoesNotMatch");
    expect(badSecret.statusCode).toBe(400);
    expect(badSecret.message).not.toContain("wrong-secret");
    expect(badSecret.message).not.toContain(TEST_ACCESS_KEY_SECRET);
    const unknownKey = await captureError(
      createEcsClient({ accessKeyId: "no-such-key" }).allocatePublicIpAddress(request),
    );
    expect(unknownKey.code).toBe("InvalidAccessKeyId.NotFound");
    expect(unknownKey.statusCode).toBe(404);
    expect(emulator.events.count()).toBe(0);
  });

  it("surfaces state errors with the seed's status (bandwidth 0, unknown instance)", async () => {
    const client = createEcsClient();
    const noBandwidth = await captureError(
      client.allocatePublicIpAddress(new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0099" })),
    );
    expect([noBandwidth.code, noBandwidth.statusCode]).toEqual(["AllocateIpInvalidInstanceBandwidth", 400]);
    const unknown = await captureError(
      client.allocatePublicIpAddress(new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-nope" })),
    );
    expect([unknown.code, unknown.statusCode]).toEqual(["InvalidInstanceId.NotFound", 404]);
  });

  it("works in the SDK's V1 mode (signatureAlgorithm v2, POST with a query string)", async () => {
    const client = createEcsClient({ signatureAlgorithm: "v2" });
    const allocated = await client.allocatePublicIpAddress(
      new EcsModule.AllocatePublicIpAddressRequest({ instanceId: "i-polycloud0005" }),
    );
    expect(allocated.body?.ipAddress).toMatch(/^47\.96\./);
  });
});

describe("@alicloud/pop-core (V1 HMAC-SHA1) against the emulator", () => {
  it.each(["GET", "POST"] as const)("allocates and describes with %s", async (method) => {
    const client = createPopClient();
    const allocated = (await client.request(
      "AllocatePublicIpAddress",
      { InstanceId: "i-polycloud0006" },
      { method },
    )) as Record<string, unknown>;
    expect(allocated["IpAddress"]).toMatch(/^47\.96\./);
    const described = (await client.request(
      "DescribeInstances",
      { RegionId: "cn-hangzhou", PageSize: 5, PageNumber: 2 },
      { method },
    )) as {
      TotalCount: number;
      Instances: { Instance: Array<{ InstanceId: string }> };
    };
    expect(described.TotalCount).toBe(12);
    expect(described.Instances.Instance.map((instance) => instance.InstanceId)).toEqual([
      "i-polycloud0006",
      "i-polycloud0007",
      "i-polycloud0008",
      "i-polycloud0009",
      "i-polycloud0010",
    ]);
    const attribute = (await client.request(
      "DescribeInstanceAttribute",
      { InstanceId: "i-polycloud0006" },
      { method },
    )) as {
      PublicIpAddress: { IpAddress: string[] };
    };
    expect(attribute.PublicIpAddress.IpAddress).toEqual([allocated["IpAddress"]]);
  });

  it("accepts the STS token as a signed SecurityToken parameter", async () => {
    const allocated = (await createPopClient(TEST_ACCESS_KEY_SECRET, TEST_ACCESS_KEY_ID, TEST_SECURITY_TOKEN).request(
      "AllocatePublicIpAddress",
      { InstanceId: "i-polycloud0007" },
      { method: "POST" },
    )) as Record<string, unknown>;
    expect(allocated["IpAddress"]).toBeDefined();
  });

  it("fails with SignatureDoesNotMatch, InvalidAccessKeyId.NotFound and MissingParameter", async () => {
    const badSecret = await captureError(
      createPopClient("wrong-secret").request(
        "AllocatePublicIpAddress",
        { InstanceId: "i-polycloud0001" },
        { method: "POST" },
      ),
    );
    expect(badSecret.code).toBe("SignatureDoesNotMatch");
    expect(badSecret.data?.["Message"]).toContain(
      "server string to sign is:POST&%2F&AccessKeyId%3Dpolycloud-test-key-id",
    );
    expect(JSON.stringify(badSecret.data)).not.toContain("wrong-secret");
    const unknownKey = await captureError(
      createPopClient(TEST_ACCESS_KEY_SECRET, "unknown-key").request("AllocatePublicIpAddress", {
        InstanceId: "i-polycloud0001",
      }),
    );
    expect(unknownKey.code).toBe("InvalidAccessKeyId.NotFound");
    const missing = await captureError(createPopClient().request("AllocatePublicIpAddress", {}, { method: "POST" }));
    expect(missing.code).toBe("MissingParameter");
    expect(missing.data?.["Message"]).toContain('"InstanceId"');
    expect(emulator.events.count()).toBe(0);
  });
});
