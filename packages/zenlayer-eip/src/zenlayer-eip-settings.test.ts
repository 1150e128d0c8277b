import { IpAllocatorError } from "@polycloud/core";
import { describe, expect, it } from "vitest";
import { resolveZenlayerEipSettings } from "./create-zenlayer-eip-allocator.js";
import { ZenlayerEipSettingsSchema, toBmcUrl } from "./zenlayer-eip-settings.js";

const credentials = { accessKeyId: "key-id", accessKeySecret: "key-secret-value" };

describe("ZenlayerEipSettingsSchema", () => {
  it("applies the documented defaults", () => {
    const parsed = ZenlayerEipSettingsSchema.parse({});
    expect(parsed).toMatchObject({
      endpoint: "https://console.zenlayer.com",
      apiVersion: "2026-02-01",
      connectTimeoutMs: 5_000,
      requestTimeoutMs: 30_000,
      pollIntervalMs: 2_000,
      notFoundPolls: 3,
      releaseMode: "permanent",
      operationTimeoutMs: 120_000,
      waitTimeoutMs: 600_000,
      reconcile: {},
    });
    expect(parsed.credentials).toBeUndefined();
  });

  it.each([
    [{ region: "SEL-A" }, "region"],
    [{ apiVersion: "2024-04-01" }, "apiVersion"],
    [{ endpoint: "ftp://console.zenlayer.com" }, "endpoint"],
    [{ endpoint: "https://console.zenlayer.com/?debug=1" }, "endpoint"],
    [{ credentials: { accessKeyId: "only-the-id" } }, "credentials"],
    [{ credentials: { token: "t", accessKeyId: "both" } }, "credentials"],
    [{ retry: { maxAttempts: 0 } }, "retry.maxAttempts"],
    [{ retry: { budget: false } }, "retry"],
    [{ reconcile: { checks: 0 } }, "reconcile.checks"],
    [{ releaseMode: "soon" }, "releaseMode"],
  ])("rejects %j naming %s", (settings, field) => {
    const error = (() => {
      try {
        resolveZenlayerEipSettings(settings as never);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(IpAllocatorError.hasCode(error, "INVALID_ARGUMENT")).toBe(true);
    expect((error as IpAllocatorError).issues.map((issue) => issue.path).some((path) => path.startsWith(field))).toBe(
      true,
    );
  });

  it("accepts both API versions and either credential kind", () => {
    expect(resolveZenlayerEipSettings({ apiVersion: "2022-11-20", credentials }).apiVersion).toBe("2022-11-20");
    expect(resolveZenlayerEipSettings({ credentials: { token: "personal-token" } }).credentials).toEqual({
      token: "personal-token",
    });
  });
});

describe("toBmcUrl", () => {
  it.each([
    ["https://console.zenlayer.com", "https://console.zenlayer.com/api/v2/bmc"],
    ["https://console.zenlayer.com/", "https://console.zenlayer.com/api/v2/bmc"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v2/bmc"],
    ["http://127.0.0.1:8080/api/v2/bmc", "http://127.0.0.1:8080/api/v2/bmc"],
    ["https://proxy.example/zenlayer/", "https://proxy.example/zenlayer/api/v2/bmc"],
  ])("%s → %s", (endpoint, url) => {
    expect(toBmcUrl(endpoint).href).toBe(url);
  });

  it("keeps an explicit port in the host that is signed and sent, and drops the scheme's default", () => {
    expect(toBmcUrl("http://127.0.0.1:8080").host).toBe("127.0.0.1:8080");
    expect(toBmcUrl("https://console.zenlayer.com:443").host).toBe("console.zenlayer.com");
  });
});
