// Bad input is a typed INVALID_ARGUMENT before anything is sent: endpoints, credentials, ids, Zenlayer tags.
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { IpAllocatorError, type IpAllocator } from "@polycloud/core";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { createCountingDispatcher } from "@polycloud/testkit";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALIBABA_TEST_ACCOUNT, ZENLAYER_TEST_ACCOUNT } from "./support/reliability-seeds.js";

function thrownBy(build: () => unknown): IpAllocatorError | undefined {
  try {
    build();
  } catch (thrown) {
    return IpAllocatorError.isInstance(thrown) ? thrown : undefined;
  }
  return undefined;
}

const alibaba = (settings: Record<string, unknown>) => () =>
  createAlibabaEcsAllocator(
    { region: "cn-hangzhou", credentials: { accessKeyId: "id", accessKeySecret: "secret" }, ...settings } as never,
    { env: {} },
  );
const zenlayer = (settings: Record<string, unknown>) => () =>
  createZenlayerEipAllocator({ credentials: { token: "token-value" }, ...settings } as never, { env: {} });

describe("endpoints", () => {
  it.each([
    ["alibaba-ecs", alibaba],
    ["zenlayer-eip", zenlayer],
  ] as const)("%s refuses plain http:// to a non-loopback host and user info, naming endpoint", (_name, build) => {
    for (const endpoint of ["http://ecs.example.com", "https://user:hunter2-secret@ecs.example.com"]) {
      const error = thrownBy(build({ endpoint }));
      expect(error?.code, endpoint).toBe("INVALID_ARGUMENT");
      expect(error?.issues.map((issue) => issue.path)).toEqual(["endpoint"]);
      expect(JSON.stringify(error)).not.toContain("hunter2-secret");
    }
    for (const endpoint of [
      "http://127.0.0.1:8080",
      "http://localhost:8080",
      "http://[::1]:8080",
      "https://ecs.example.com",
    ])
      expect(thrownBy(build({ endpoint })), endpoint).toBeUndefined();
    expect(thrownBy(build({ endpoint: "http://ecs.example.com", allowInsecureHttp: true }))).toBeUndefined();
  });
});

describe("credentials", () => {
  it.each([
    [
      "alibaba-ecs",
      () =>
        createAlibabaEcsAllocator(
          { region: "cn-hangzhou", credentials: { accessKeyId: "id", accessKeySecret: "secret\r\nX-Injected: 1" } },
          { env: {} },
        ),
    ],
    ["zenlayer-eip", () => createZenlayerEipAllocator({ credentials: { token: "token\nX-Injected: 1" } }, { env: {} })],
  ] as const)(
    "%s refuses a configured credential with a line break (INVALID_ARGUMENT, not a retryable network error)",
    (_name, build) => {
      const error = thrownBy(build);
      expect(error?.code).toBe("INVALID_ARGUMENT");
      expect(error?.issues[0]?.path).toMatch(/^credentials\./);
      expect(JSON.stringify(error)).not.toContain("X-Injected");
    },
  );
});

describe("against the emulators", () => {
  let emulator: RunningEmulator;
  const dispatcher = createCountingDispatcher();
  const allocators: IpAllocator[] = [];
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await Promise.all(allocators.map((allocator) => allocator.close()));
    await dispatcher.close();
    await emulator.close();
  });
  const zenlayerAllocator = (env: Record<string, string> = {}, withCredentials = true) => {
    const { accessKeyId, accessKeySecret } = ZENLAYER_TEST_ACCOUNT;
    const allocator = createZenlayerEipAllocator(
      {
        endpoint: emulator.zenlayer.endpoint,
        ...(withCredentials ? { credentials: { accessKeyId, accessKeySecret } } : {}),
      },
      { env, dispatcher },
    );
    allocators.push(allocator);
    return allocator;
  };

  it("refuses an instanceId with spaces, line breaks or NUL on every adapter before anything is sent (nothing billed)", async () => {
    const { accessKeyId, accessKeySecret } = ALIBABA_TEST_ACCOUNT;
    const alibabaAllocator = createAlibabaEcsAllocator(
      { region: "cn-hangzhou", endpoint: emulator.alibaba.endpoint, credentials: { accessKeyId, accessKeySecret } },
      { env: {}, dispatcher },
    );
    allocators.push(alibabaAllocator);
    const before = dispatcher.requests;
    for (const instanceId of [" ", "bmc-1 ", "bmc\r\n1", "bmc\u00001"]) {
      await expect(
        zenlayerAllocator().allocate({ location: { zone: "SEL-A" }, instanceId }),
        JSON.stringify(instanceId),
      ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [expect.objectContaining({ path: "instanceId" })] });
      await expect(
        alibabaAllocator.allocate({ location: { region: "cn-hangzhou" }, instanceId }),
        JSON.stringify(instanceId),
      ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
    expect(dispatcher.requests).toBe(before);
  });

  it("refuses Zenlayer tag values the cloud refuses (empty, over 64 characters) before anything is sent", async () => {
    const before = dispatcher.requests;
    for (const value of ["", "x".repeat(65)]) {
      await expect(
        zenlayerAllocator().allocate({ location: { zone: "SEL-A" }, tags: { team: value } }),
      ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [expect.objectContaining({ path: "tags.team" })] });
    }
    expect(dispatcher.requests).toBe(before);
  });

  it("refuses credentials from the environment that carry a line break, at the first call, before anything is sent", async () => {
    const before = dispatcher.requests;
    const error = await zenlayerAllocator({ ZENLAYER_TOKEN: "token\u0007value" }, false)
      .describe("eip-00000001")
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [expect.objectContaining({ path: "credentials.token" })],
    });
    expect(dispatcher.requests).toBe(before);
  });
});
