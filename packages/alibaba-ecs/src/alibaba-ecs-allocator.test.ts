import { AllocationResultSchema, DescribeResultSchema, ReleaseResultSchema } from "@polycloud/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_ALIBABA_SEED } from "@polycloud/emulator";
import {
  STOPPED_INSTANCE_ID,
  TEST_REGION,
  TEST_SECURITY_TOKEN,
  VPC_INSTANCE_ID,
  startTestEmulator,
  type TestEmulator,
} from "./__fixtures__/start-test-emulator.js";
import { describeRestartNeeded } from "./map-instance-to-allocated-ip.js";
import { RELEASE_DEPRECATION_WARNING } from "./release-public-ip.js";

let test: TestEmulator;
beforeEach(async () => {
  test = await startTestEmulator();
});
afterEach(async () => {
  await test.close();
});

const signingModes = [
  ["v3", undefined],
  ["v3", TEST_SECURITY_TOKEN],
  ["v1", undefined],
  ["v1", TEST_SECURITY_TOKEN],
] as const;

describe("allocate / describe / release against the emulator", () => {
  it.each(signingModes)(
    "signature %s (STS token: %s) allocates, describes and releases",
    async (signatureVersion, securityToken) => {
      const credentials = {
        accessKeyId: "polycloud-test-key-id",
        accessKeySecret: "polycloud-test-key-secret",
        ...(securityToken ? { securityToken } : {}),
      };
      const allocator = test.createAllocator({ signatureVersion, credentials });
      const instanceId = test.nextInstanceId();

      const allocated = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
      expect(AllocationResultSchema.parse(allocated)).toEqual(allocated);
      const [ip] = allocated.ips;
      // One request, no read of the instance. The address is assigned, but not effective before a restart: never "ready".
      expect(ip).toMatchObject({ id: instanceId, instanceId, state: "pending", location: { region: TEST_REGION } });
      expect(ip?.providerState).toBeUndefined();
      expect(ip?.address).toBe(test.emulator.alibabaState.getInstance(instanceId)?.publicIpAddress);
      expect(test.emulator.alibabaState.getInstance(instanceId)?.publicIpEffective).toBe(false);
      expect(allocated).toMatchObject({
        provider: "alibaba-ecs",
        reconciled: false,
        warnings: [describeRestartNeeded(instanceId, ip?.address ?? "")],
        metadata: { attempts: 1, totalRetryDelayMs: 0 },
      });
      expect(allocated.warnings[0]).toMatch(/RebootInstance.*StartInstance/);
      expect(allocated.warnings[0]).not.toMatch(/provisioning/i);
      expect(allocated.requestId).toMatch(/^[0-9A-F-]{36}$/);
      expect(test.countAllocations()).toBe(1);

      const described = await allocator.describe(instanceId);
      expect(DescribeResultSchema.parse(described)).toEqual(described);
      expect(described.ip).toMatchObject({ id: instanceId, address: ip?.address, state: "ready" });

      const released = await allocator.release(instanceId);
      expect(ReleaseResultSchema.parse(released)).toEqual(released);
      expect(released).toMatchObject({ id: instanceId, state: "released", warnings: [RELEASE_DEPRECATION_WARNING] });
      expect(test.emulator.alibabaState.getInstance(instanceId)?.publicIpAddress).toBeUndefined();
      expect((await allocator.describe(instanceId)).ip).toMatchObject({ state: "released", providerState: "Running" });
      expect((await allocator.describe(instanceId)).ip.address).toBeUndefined();
    },
  );

  it("reports the deprecation in capabilities; a second release is NOT_FOUND, as on every provider", async () => {
    const allocator = test.createAllocator();
    expect(allocator.capabilities).toMatchObject({
      release: "deprecated",
      provisioning: "synchronous",
      requiresInstance: true,
      maxCountPerCall: 1,
      idempotency: "reconciled",
      locationKind: "region",
    });
    const instanceId = test.nextInstanceId();
    await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    await allocator.release(instanceId);
    const second = await allocator.release(instanceId).catch((thrown: unknown) => thrown);
    expect(second).toMatchObject({
      code: "NOT_FOUND",
      provider: "alibaba-ecs",
      operation: "release",
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
    });
    expect((second as Error).message).toContain("released already");
    expect(test.emulator.events.count({ provider: "alibaba", kind: "release" })).toBe(1);
  });

  it("a VPC instance's release is FAILED_PRECONDITION with a hint about VPC, keeping code, status and request id", async () => {
    const allocator = test.createAllocator();
    await allocator.allocate({ location: { region: TEST_REGION }, instanceId: VPC_INSTANCE_ID });
    const error = await allocator.release(VPC_INSTANCE_ID).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      providerCode: "OperationDenied",
      httpStatus: 400,
      retryable: false,
      details: { hint: expect.stringContaining("VPC") },
    });
    expect((error as { requestId?: string }).requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(test.emulator.alibabaState.getInstance(VPC_INSTANCE_ID)?.publicIpAddress).toBeDefined();
  });

  it("describes an unknown instance as NOT_FOUND with the provider's code and request id", async () => {
    const error = await test
      .createAllocator()
      .describe("i-does-not-exist")
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "NOT_FOUND",
      providerCode: "InvalidInstanceId.NotFound",
      httpStatus: 404,
      provider: "alibaba-ecs",
      operation: "describe",
    });
    expect((error as { requestId?: string }).requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it("returns the existing IP when the instance already has one, allocating nothing new", async () => {
    const allocator = test.createAllocator();
    const instanceId = test.nextInstanceId();
    const first = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    const second = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    expect(second.ips[0]?.address).toBe(first.ips[0]?.address);
    expect(test.countAllocations()).toBe(1);
  });

  it("warns that tags cannot be applied instead of dropping them silently", async () => {
    const result = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId(), tags: { team: "edge" } });
    expect(result.warnings).toContain("Tags were not applied: ECS system public IPs cannot carry tags.");
  });
});

describe("ModifyInstanceNetworkSpec path", () => {
  it("allocates with AllocatePublicIp=true and the idempotency key as ClientToken, once", async () => {
    const allocator = test.createAllocator();
    const instanceId = test.nextInstanceId();
    const request = {
      location: { region: TEST_REGION },
      instanceId,
      idempotencyKey: "polycloud-test-key-1",
      providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec" } },
    };
    const first = await allocator.allocate(request);
    const second = await allocator.allocate(request);
    expect(first).toMatchObject({ idempotencyKey: "polycloud-test-key-1", reconciled: false });
    expect(first.ips[0]).toMatchObject({
      state: "ready",
      address: test.emulator.alibabaState.getInstance(instanceId)?.publicIpAddress,
    });
    expect(second.ips[0]?.address).toBe(first.ips[0]?.address);
    expect(
      test.emulator.events.count({ provider: "alibaba", kind: "allocate", action: "ModifyInstanceNetworkSpec" }),
    ).toBe(1);
  });

  it("reports a Stopped instance's new IP as pending, with the StartInstance warning", async () => {
    const allocator = test.createAllocator();
    const result = await allocator.allocate({
      location: { region: TEST_REGION },
      instanceId: STOPPED_INSTANCE_ID,
      providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", internetMaxBandwidthOut: 5 } },
    });
    expect(result.ips[0]).toMatchObject({ state: "pending", providerState: "Stopped" });
    expect(result.ips[0]?.address).toMatch(/^47\.96\./);
    expect(result.warnings[0]).toContain("StartInstance");
    expect(result.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says how to fix a zero bandwidth when AllocatePublicIpAddress refuses it", async () => {
    const error = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: STOPPED_INSTANCE_ID })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      providerCode: "AllocateIpInvalidInstanceBandwidth",
      httpStatus: 400,
    });
    expect((error as { details: { hint?: string } }).details.hint).toContain("modify-instance-network-spec");
  });
});

describe("waitUntilReady", () => {
  it("resolves at once for a Running instance with an IP", async () => {
    const allocator = test.createAllocator();
    const instanceId = test.nextInstanceId();
    await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    const ready = await allocator.waitUntilReady(instanceId);
    expect(ready.ip).toMatchObject({ id: instanceId, state: "ready" });
    expect(ready.metadata.attempts).toBe(1);
  });

  it("fails FAILED_PRECONDITION for an instance without a public IP", async () => {
    await expect(test.createAllocator().waitUntilReady(test.nextInstanceId())).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      details: { lastState: "released" },
    });
  });

  it("fails fast on a Stopped instance: only a StartInstance would make its IP effective", async () => {
    const allocator = test.createAllocator({}, { clock: undefined });
    const allocated = await allocator.allocate({
      location: { region: TEST_REGION },
      instanceId: STOPPED_INSTANCE_ID,
      providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", internetMaxBandwidthOut: 1 } },
    });
    expect(allocated.ips[0]).toMatchObject({ state: "pending", providerState: "Stopped" });
    const started = Date.now();
    const error = await allocator
      .waitUntilReady(STOPPED_INSTANCE_ID, { timeoutMs: 60_000 })
      .catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      operation: "waitUntilReady",
      details: { lastState: "pending", providerState: "Stopped", hint: expect.stringContaining("StartInstance") },
    });
  });
});

describe("waitUntilReady on an instance that is still starting", () => {
  const STARTING_INSTANCE_ID = "i-polycloud-starting";
  let starting: TestEmulator;
  beforeEach(async () => {
    const instances = [
      ...DEFAULT_ALIBABA_SEED.instances,
      {
        instanceId: STARTING_INSTANCE_ID,
        status: "Starting" as const,
        internetMaxBandwidthOut: 5,
        publicIpAddress: "47.96.250.1",
      },
    ];
    starting = await startTestEmulator({ seed: { alibaba: { ...DEFAULT_ALIBABA_SEED, instances } } });
  });
  afterEach(async () => {
    await starting.close();
  });

  it("times out honestly, carrying the last state", async () => {
    // The real clock: with the manual one, polls would spin without pause until the deadline.
    const allocator = starting.createAllocator({}, { clock: undefined });
    const error = await allocator
      .waitUntilReady(STARTING_INSTANCE_ID, { timeoutMs: 150, pollIntervalMs: 20, maxPollIntervalMs: 40 })
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "TIMEOUT",
      operation: "waitUntilReady",
      details: { lastState: "pending", providerState: "Starting" },
    });
  });

  it("stops when the caller aborts", async () => {
    const allocator = starting.createAllocator({}, { clock: undefined });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    await expect(
      allocator.waitUntilReady(STARTING_INSTANCE_ID, { signal: controller.signal, pollIntervalMs: 10 }),
    ).rejects.toMatchObject({ code: "CANCELLED", details: { lastState: "pending" } });
  });
});

describe("close", () => {
  it("rejects calls after close and closes only a dispatcher it created", async () => {
    const shared = test.createAllocator();
    await shared.close();
    await shared.close();
    await expect(shared.describe(test.nextInstanceId())).rejects.toMatchObject({ code: "FAILED_PRECONDITION" });
    // The shared dispatcher still works for others.
    await expect(test.createAllocator().describe(test.nextInstanceId())).resolves.toMatchObject({
      ip: { state: "released" },
    });
  });
});
