import {
  HTTP_DISPATCHER,
  createIpAllocator,
  isIpAllocatorPlugin,
  registerValue,
  resolveToken,
  type IpAllocator,
} from "@polycloud/core";
import { createAllocatorContainer, disposeAllocatorContainer } from "@polycloud/core/di";
import { collectHookEvents } from "@polycloud/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  FAST_SETTINGS,
  TEST_CREDENTIALS,
  TEST_TOKEN,
  rejectionOf,
  startHarness,
  type Harness,
} from "../test/zenlayer-eip-harness.js";
import { zenlayerEipModule } from "./di.js";
import zenlayerEipPluginDefault, {
  ZENLAYER_EIP_ALLOCATOR,
  ZENLAYER_EIP_ENVIRONMENT,
  ZenlayerEipAllocator,
  createZenlayerEipAllocator,
} from "./index.js";

let harness: Harness;
const opened: IpAllocator[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((allocator) => allocator.close()));
  await harness?.close();
});

const loadPlugin = { "zenlayer-eip": () => import("./index.js") };

describe("zenlayerEipPlugin through createIpAllocator", () => {
  it("is the package's default export", () => {
    expect(isIpAllocatorPlugin(zenlayerEipPluginDefault)).toBe(true);
    expect(zenlayerEipPluginDefault.name).toBe("zenlayer-eip");
  });

  it("builds a working allocator from plain config, credentials from the context's environment", async () => {
    harness = await startHarness();
    const env = {
      ZENLAYER_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      ZENLAYER_ACCESS_KEY_SECRET: TEST_CREDENTIALS.accessKeySecret,
    };
    const allocator = await createIpAllocator(
      { provider: "zenlayer-eip", endpoint: harness.emulator.zenlayer.endpoint, ...FAST_SETTINGS },
      { plugins: loadPlugin, env, dispatcher: harness.dispatcher },
    );
    opened.push(allocator);
    expect(allocator.capabilities).toMatchObject({
      provisioning: "asynchronous",
      locationKind: "zone",
      maxCountPerCall: 100,
      idempotency: "reconciled",
      billsOnAllocate: true,
      supportsInstance: true,
      requiresInstance: false,
    });
    const id = (await allocator.allocate({ location: { zone: "SEL-A" } })).ips[0]?.id as string;
    expect((await allocator.waitUntilReady(id)).ip.state).toBe("ready");
  });

  it("rejects missing credentials with UNAUTHENTICATED naming what it looked for, before any request", async () => {
    harness = await startHarness();
    const allocator = await createIpAllocator(
      { provider: "zenlayer-eip", endpoint: harness.emulator.zenlayer.endpoint },
      { plugins: loadPlugin, env: {}, dispatcher: harness.dispatcher },
    );
    const error = await rejectionOf(allocator.allocate({ location: { zone: "SEL-A" } }));
    await allocator.close();
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", provider: "zenlayer-eip" });
    expect(error.message).toContain("ZENLAYER_TOKEN");
    expect(harness.dispatcher.requests).toBe(0);
  });

  it("rejects invalid settings with INVALID_ARGUMENT naming the field", async () => {
    harness = await startHarness();
    // Parsed from a JSON file, as polycloud.config.json would be: only the run-time check can catch it.
    const config = JSON.parse('{ "provider": "zenlayer-eip", "apiVersion": "2020-01-01" }');
    const error = await rejectionOf(createIpAllocator(config, { plugins: loadPlugin, env: {} }));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(error.issues.map((issue) => issue.path)).toContain("apiVersion");
  });
});

describe("zenlayerEipModule (DI)", () => {
  it("keeps two differently configured allocators side by side in child containers", async () => {
    harness = await startHarness();
    const endpoint = harness.emulator.zenlayer.endpoint;
    const current = createAllocatorContainer();
    const legacy = createAllocatorContainer();
    registerValue(legacy, HTTP_DISPATCHER, harness.dispatcher);
    // Credentials from the container's environment, not process.env.
    registerValue(current, ZENLAYER_EIP_ENVIRONMENT, {
      env: {
        ZENLAYER_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        ZENLAYER_ACCESS_KEY_SECRET: TEST_CREDENTIALS.accessKeySecret,
      },
    });
    zenlayerEipModule.register(current, { ...FAST_SETTINGS, endpoint });
    zenlayerEipModule.register(legacy, {
      ...FAST_SETTINGS,
      endpoint,
      apiVersion: "2022-11-20",
      credentials: { token: TEST_TOKEN },
    });
    try {
      for (const [container, version, authorization] of [
        [current, "2026-02-01", "ZC2-HMAC-SHA256 [REDACTED]"],
        [legacy, "2022-11-20", "Bearer [REDACTED]"],
      ] as const) {
        const allocator = resolveToken(container, ZENLAYER_EIP_ALLOCATOR);
        expect(allocator).toBeInstanceOf(ZenlayerEipAllocator);
        expect(resolveToken(container, ZENLAYER_EIP_ALLOCATOR), "one allocator per container").toBe(allocator);
        const events = collectHookEvents();
        await allocator.allocate({ location: { zone: "SEL-A" } }, { hooks: events.hooks });
        expect(events.requests[0]?.headers).toMatchObject({ "x-zc-version": version, authorization });
        // The container owns its dispatcher: closing the allocator leaves it open for others.
        await allocator.close();
        const sharing = createZenlayerEipAllocator(
          { ...FAST_SETTINGS, endpoint, credentials: TEST_CREDENTIALS },
          { dispatcher: resolveToken(container, HTTP_DISPATCHER), env: {} },
        );
        expect((await sharing.allocate({ location: { zone: "SEL-A" } })).ips).toHaveLength(1);
      }
      expect(harness.allocations()).toBe(4);
    } finally {
      await disposeAllocatorContainer(current);
      await disposeAllocatorContainer(legacy);
    }
  });
});
