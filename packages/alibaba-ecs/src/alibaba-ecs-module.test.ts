import {
  createIpAllocator,
  registerValue,
  resolveToken,
  HTTP_DISPATCHER,
  CLOCK,
  type AllocateRequestInput,
  type IpAllocator,
} from "@polycloud/core";
import { createAllocatorContainer, disposeAllocatorContainer } from "@polycloud/core/di";
import { ManualClock } from "@polycloud/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  TEST_CREDENTIALS,
  TEST_REGION,
  startTestEmulator,
  type TestEmulator,
} from "./__fixtures__/start-test-emulator.js";
import { AlibabaEcsAllocator } from "./alibaba-ecs-allocator.js";
import { alibabaEcsModule } from "./di.js";
import { ALIBABA_ECS_ALLOCATOR, ALIBABA_ECS_ENVIRONMENT } from "./alibaba-ecs-tokens.js";
import alibabaEcsPluginDefault, { createAlibabaEcsAllocator } from "./index.js";

let test: TestEmulator;
beforeEach(async () => {
  test = await startTestEmulator();
});
afterEach(async () => {
  await test.close();
});

async function allocateAndDescribe(allocator: IpAllocator, instanceId: string): Promise<void> {
  const allocated = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
  expect(allocated.ips[0]).toMatchObject({ id: instanceId, state: "pending" });
  expect((await allocator.waitUntilReady(instanceId)).ip.state).toBe("ready");
  expect((await allocator.describe(instanceId)).ip.address).toBe(allocated.ips[0]?.address);
}

describe("three ways to build the allocator, all against the emulator", () => {
  it("through the DI module in a child container (the container owns the dispatcher)", async () => {
    const container = createAllocatorContainer();
    registerValue(container, HTTP_DISPATCHER, test.dispatcher);
    alibabaEcsModule.register(container, {
      region: TEST_REGION,
      endpoint: test.endpoint,
      credentials: TEST_CREDENTIALS,
    });
    const allocator = resolveToken(container, ALIBABA_ECS_ALLOCATOR);
    expect(allocator).toBeInstanceOf(AlibabaEcsAllocator);
    expect(container.resolve(AlibabaEcsAllocator)).toBe(allocator);
    await allocateAndDescribe(allocator, test.nextInstanceId());
    await allocator.close();
    await disposeAllocatorContainer(container);
    // allocator.close() left the shared dispatcher open.
    await expect(test.createAllocator().describe(test.nextInstanceId())).resolves.toBeDefined();
  });

  it("keeps two differently configured allocators side by side, each with its own injected pieces", async () => {
    const first = createAllocatorContainer();
    const second = createAllocatorContainer();
    const clock = new ManualClock();
    for (const container of [first, second]) registerValue(container, HTTP_DISPATCHER, test.dispatcher);
    registerValue(second, CLOCK, clock);
    registerValue(second, ALIBABA_ECS_ENVIRONMENT, {
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_CREDENTIALS.accessKeySecret,
      },
    });
    alibabaEcsModule.register(first, { region: TEST_REGION, endpoint: test.endpoint, credentials: TEST_CREDENTIALS });
    alibabaEcsModule.register(second, { region: TEST_REGION, endpoint: test.endpoint, signatureVersion: "v1" });
    test.emulator.faults.add({ provider: "alibaba", action: "DescribeInstanceAttribute", kind: "throttle", times: 1 });
    await allocateAndDescribe(resolveToken(second, ALIBABA_ECS_ALLOCATOR), test.nextInstanceId());
    expect(clock.sleeps).toHaveLength(1);
    expect(resolveToken(first, ALIBABA_ECS_ALLOCATOR)).not.toBe(resolveToken(second, ALIBABA_ECS_ALLOCATOR));
    await allocateAndDescribe(resolveToken(first, ALIBABA_ECS_ALLOCATOR), test.nextInstanceId());
    await Promise.all([disposeAllocatorContainer(first), disposeAllocatorContainer(second)]);
  });

  it("through the plain factory, which owns and closes its own dispatcher", async () => {
    const allocator = createAlibabaEcsAllocator({
      region: TEST_REGION,
      endpoint: test.endpoint,
      credentials: TEST_CREDENTIALS,
    });
    await allocateAndDescribe(allocator, test.nextInstanceId());
    await Promise.all([allocator.close(), allocator.close()]);
  });

  it('through createIpAllocator({ provider: "alibaba-ecs" }) with the package\'s default export', async () => {
    expect(alibabaEcsPluginDefault.name).toBe("alibaba-ecs");
    const allocator = await createIpAllocator(
      { provider: "alibaba-ecs", region: TEST_REGION, endpoint: test.endpoint, credentials: TEST_CREDENTIALS },
      { plugins: { "alibaba-ecs": () => import("./index.js") }, dispatcher: test.dispatcher, env: {} },
    );
    expect(allocator.provider).toBe("alibaba-ecs");
    await allocateAndDescribe(allocator, test.nextInstanceId());
    await allocator.close();
  });
});

describe("bad input is INVALID_ARGUMENT naming the field, before any request", () => {
  const base = { location: { region: TEST_REGION }, instanceId: "i-polycloud0001" };
  it.each<[string, unknown, string]>([
    ["a missing instance id", { location: { region: TEST_REGION } }, "instanceId"],
    ["an instance id with spaces", { ...base, instanceId: "i bad" }, "instanceId"],
    ["a malformed region", { ...base, location: { region: "Hangzhou!" } }, "location.region"],
    ["another region than the allocator's", { ...base, location: { region: "cn-beijing" } }, "location.region"],
    ["count 2", { ...base, count: 2 }, "count"],
    [
      "an unknown providerOptions key",
      { ...base, providerOptions: { "alibaba-ecs": { bandwidth: 5 } } },
      "providerOptions.alibaba-ecs",
    ],
    [
      "a malformed ipAddress",
      { ...base, providerOptions: { "alibaba-ecs": { ipAddress: "300.1.1.1" } } },
      "providerOptions.alibaba-ecs.ipAddress",
    ],
    [
      "a non-numeric vlanId",
      { ...base, providerOptions: { "alibaba-ecs": { vlanId: "abc" } } },
      "providerOptions.alibaba-ecs.vlanId",
    ],
    [
      "an unknown method",
      { ...base, providerOptions: { "alibaba-ecs": { method: "magic" } } },
      "providerOptions.alibaba-ecs.method",
    ],
    [
      "ipAddress with ModifyInstanceNetworkSpec",
      {
        ...base,
        providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", ipAddress: "47.96.1.1" } },
      },
      "providerOptions.alibaba-ecs.ipAddress",
    ],
    [
      "bandwidth with AllocatePublicIpAddress",
      { ...base, providerOptions: { "alibaba-ecs": { internetMaxBandwidthOut: 5 } } },
      "providerOptions.alibaba-ecs.internetMaxBandwidthOut",
    ],
    // Out of range, over the documented length, or carrying control characters: refused before any request.
    ...[0, 101, 2.5, Number.POSITIVE_INFINITY, Number.NaN, -1].map((value): [string, unknown, string] => [
      `internetMaxBandwidthOut ${value}`,
      {
        ...base,
        providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", internetMaxBandwidthOut: value } },
      },
      "providerOptions.alibaba-ecs.internetMaxBandwidthOut",
    ]),
    ...[-1, 4095, 1e20, 1.5, "4095", "12345678901", "720\r\n", "7\u00002", " 720"].map(
      (value): [string, unknown, string] => [
        `vlanId ${JSON.stringify(value)}`,
        { ...base, providerOptions: { "alibaba-ecs": { vlanId: value } } },
        "providerOptions.alibaba-ecs.vlanId",
      ],
    ),
    ...["47.96.1.1\n", "47.96.1.1\r\nX-Injected: 1", "47.96.\u00001.1", "047.096.001.001.1"].map(
      (value): [string, unknown, string] => [
        `ipAddress ${JSON.stringify(value)}`,
        { ...base, providerOptions: { "alibaba-ecs": { ipAddress: value } } },
        "providerOptions.alibaba-ecs.ipAddress",
      ],
    ),
    [
      "a method with a trailing newline",
      { ...base, providerOptions: { "alibaba-ecs": { method: "allocate-public-ip-address\n" } } },
      "providerOptions.alibaba-ecs.method",
    ],
  ])("allocate with %s", async (_label, request, path) => {
    const allocator = test.createAllocator();
    const error = await allocator.allocate(request as AllocateRequestInput).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      provider: "alibaba-ecs",
      issues: expect.arrayContaining([expect.objectContaining({ path })]),
    });
    expect((error as Error).message).toContain(path);
    expect(test.dispatcher.requests).toBe(0);
  });

  it("names an unknown providerOptions key in the message", async () => {
    const error = await test
      .createAllocator()
      .allocate({ ...base, providerOptions: { "alibaba-ecs": { bandwidth: 5 } } })
      .catch((thrown: unknown) => thrown);
    expect((error as Error).message).toContain('"bandwidth"');
  });

  it.each(["describe", "release", "waitUntilReady"] as const)("%s with an empty or spaced id", async (method) => {
    const allocator = test.createAllocator();
    for (const id of ["", "i bad", 42 as unknown as string]) {
      await expect(allocator[method](id)).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "id" }] });
    }
    expect(test.dispatcher.requests).toBe(0);
  });

  it("a bad endpoint URL never builds an allocator", () => {
    expect(() => createAlibabaEcsAllocator({ region: TEST_REGION, endpoint: "http//missing-colon" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT", issues: [expect.objectContaining({ path: "endpoint" })] }),
    );
  });
});
