import { createIpAllocator } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { createAlibabaEcsAllocator } from "./create-alibaba-ecs-allocator.js";
import { alibabaEcsPlugin } from "./alibaba-ecs-plugin.js";
import { resolveAlibabaEcsSettings, resolveDefaultEndpoint } from "./alibaba-ecs-settings.js";
import { ECS_ENDPOINT_MAP } from "./ecs-endpoint-map.js";

describe("settings", () => {
  it.each([
    ["cn-hangzhou", "https://ecs-cn-hangzhou.aliyuncs.com"],
    ["cn-beijing", "https://ecs.cn-beijing.aliyuncs.com"],
    ["ap-southeast-1", "https://ecs.ap-southeast-1.aliyuncs.com"],
    ["eu-central-1", "https://ecs.eu-central-1.aliyuncs.com"],
    // Entries of the SDK's endpoint map: central or shared endpoints, not the regional rule.
    ["cn-wuhan", "https://ecs.aliyuncs.com"],
    ["cn-shanghai-finance-1", "https://ecs-cn-hangzhou.aliyuncs.com"],
    ["cn-north-2-gov-1", "https://ecs.aliyuncs.com"],
    ["cn-edge-1", "https://ecs.cn-qingdao-nebula.aliyuncs.com"],
    ["eu-west-1-oxs", "https://ecs.cn-shenzhen-cloudstone.aliyuncs.com"],
  ])("derives the endpoint of %s as the official SDK does: %s", (region, endpoint) => {
    expect(resolveDefaultEndpoint(region)).toBe(endpoint);
    expect(resolveAlibabaEcsSettings({ region }).endpointUrl.origin).toBe(endpoint);
  });

  it("uses every entry of the official endpoint map (35 regions), each a valid region id", () => {
    expect(Object.keys(ECS_ENDPOINT_MAP)).toHaveLength(35);
    for (const [region, host] of Object.entries(ECS_ENDPOINT_MAP)) {
      expect(resolveAlibabaEcsSettings({ region }).endpointUrl.origin, region).toBe(`https://${host}`);
    }
    expect(resolveDefaultEndpoint("toString")).toBe("https://ecs.toString.aliyuncs.com");
  });

  it("applies defaults: V3 signatures, a 10 s attempt timeout", () => {
    expect(resolveAlibabaEcsSettings({ region: "cn-hangzhou" })).toMatchObject({
      signatureVersion: "v3",
      requestTimeoutMs: 10_000,
      operationTimeoutMs: 120_000,
      waitTimeoutMs: 300_000,
    });
    expect(resolveAlibabaEcsSettings({ region: "cn-hangzhou", timeoutMs: 3_000 }).requestTimeoutMs).toBe(3_000);
  });

  it("keeps an explicit endpoint with its port", () => {
    expect(
      resolveAlibabaEcsSettings({ region: "cn-hangzhou", endpoint: "http://127.0.0.1:8080" }).endpointUrl.host,
    ).toBe("127.0.0.1:8080");
  });

  it.each([
    [{ region: "Hangzhou" }, "region", "region id"],
    [{ region: "cn_hangzhou" }, "region", "region id"],
    [{}, "region", ""],
    [{ region: "cn-hangzhou", endpoint: "not a url" }, "endpoint", "absolute http(s) URL"],
    [{ region: "cn-hangzhou", endpoint: "ftp://ecs.example.com" }, "endpoint", "http(s) origin"],
    [{ region: "cn-hangzhou", endpoint: "https://ecs.example.com/v1?x=1" }, "endpoint", "without path"],
    [{ region: "cn-hangzhou", signatureVersion: "v2" }, "signatureVersion", ""],
    [{ region: "cn-hangzhou", credentials: { accessKeyId: "id" } }, "credentials.accessKeySecret", ""],
    [{ region: "cn-hangzhou", retry: { maxAttempts: 0 } }, "retry.maxAttempts", ""],
    [{ region: "cn-hangzhou", retry: { budget: false } }, "retry", "budget"],
    [{ region: "cn-hangzhou", timeoutMs: -1 }, "timeoutMs", ""],
    [{ region: "cn-hangzhou", regoin: "typo" }, "", "regoin"],
  ])("rejects %j with INVALID_ARGUMENT naming %s", (settings, path, message) => {
    let thrown: unknown;
    try {
      createAlibabaEcsAllocator(settings as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "INVALID_ARGUMENT",
      provider: "alibaba-ecs",
      issues: expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]),
    });
  });

  it("never echoes a credential value in a settings error", () => {
    const failure = () =>
      createAlibabaEcsAllocator({
        region: "nope!",
        credentials: { accessKeyId: "id", accessKeySecret: "very-secret-value" },
      });
    expect(failure).toThrow(/region/);
    try {
      failure();
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain("very-secret-value");
    }
  });

  it("is what createIpAllocator validates through the plugin, naming the bad field", async () => {
    // A loader, because core types `plugins` values as IpAllocatorPlugin<never> (a concrete plugin object does not type-check).
    const plugins = { "alibaba-ecs": async () => alibabaEcsPlugin };
    await expect(
      createIpAllocator({ provider: "alibaba-ecs", region: "cn-hangzhou", endpoint: "::nope" }, { plugins }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "endpoint" }] });
  });
});
