import { z } from "zod";
import { describe, expect, it } from "vitest";
import type { IpAllocatorCapabilities } from "./ip-allocator.js";
import { validateAllocateRequest, validateResourceId } from "./validate-allocate-request.js";

const capabilities: IpAllocatorCapabilities = {
  provisioning: "synchronous",
  requiresInstance: true,
  supportsInstance: true,
  locationKind: "region",
  maxCountPerCall: 1,
  release: "deprecated",
  idempotency: "reconciled",
  billsOnAllocate: false,
};
const providerOptionsSchema = z.object({ vlanId: z.string().optional() }).strict();
const context = { provider: "alibaba-ecs", capabilities, providerOptionsSchema };

describe("validateAllocateRequest", () => {
  it("applies defaults and returns this provider's options, ignoring other providers' options", () => {
    const { request, providerOptions } = validateAllocateRequest(
      {
        location: { region: "cn-hangzhou" },
        instanceId: "i-1",
        providerOptions: { "alibaba-ecs": { vlanId: "7" }, "zenlayer-eip": { netmask: 32 } },
      },
      context,
    );
    expect(request).toMatchObject({ count: 1, tags: {}, instanceId: "i-1" });
    expect(providerOptions).toEqual({ vlanId: "7" });
  });

  it("lists every bad field in one INVALID_ARGUMENT error", () => {
    let thrown: unknown;
    try {
      validateAllocateRequest(
        { location: { zone: "SEL-A" }, count: 2, providerOptions: { "alibaba-ecs": { vlan: "7" } } },
        context,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "INVALID_ARGUMENT", provider: "alibaba-ecs", operation: "allocate" });
    const paths = (thrown as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(["instanceId", "location.region", "count", "providerOptions.alibaba-ecs"]);
  });

  it.each([
    [{}, "location"],
    [{ location: {} }, "location"],
    [{ location: { region: "r" }, count: 0 }, "count"],
    [{ location: { region: "r" }, count: 1.5 }, "count"],
    [{ location: { region: "r" }, idempotencyKey: "has space" }, "idempotencyKey"],
    [{ location: { region: "r" }, idempotencyKey: "k".repeat(65) }, "idempotencyKey"],
    [{ location: { region: "r" }, tags: { "": "v" } }, "tags"],
    [{ location: { region: "r" }, surprise: true }, ""],
  ])("rejects %j at %s", (input, path) => {
    expect(() => validateAllocateRequest(input, context)).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        issues: expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path) })]),
      }),
    );
  });
});

it("refuses __proto__ keys instead of silently dropping them", () => {
  const input = JSON.parse(
    '{"location":{"region":"r"},"instanceId":"i-1","tags":{"__proto__":"x"},"providerOptions":{"alibaba-ecs":{"__proto__":{"vlanId":"1"}}}}',
  );
  expect(() => validateAllocateRequest(input, context)).toThrow(
    expect.objectContaining({
      code: "INVALID_ARGUMENT",
      issues: [
        expect.objectContaining({ path: "tags.__proto__" }),
        expect.objectContaining({ path: "providerOptions.alibaba-ecs.__proto__" }),
      ],
    }),
  );
});

describe("validateResourceId", () => {
  it("accepts ids and rejects empty or malformed ones", () => {
    expect(validateResourceId("eip-1", { provider: "p", operation: "describe" })).toBe("eip-1");
    expect(() => validateResourceId("", { provider: "p", operation: "describe" })).toThrow(/describe id/);
    expect(() => validateResourceId(42, { provider: "p", operation: "release" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => validateResourceId("x y", { provider: "p", operation: "release", pattern: /^i-\w+$/ })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
