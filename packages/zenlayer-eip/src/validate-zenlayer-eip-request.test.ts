import type { AllocateRequestInput } from "@polycloud/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const valid = { location: { zone: "SEL-A" } };
const zenlayer = (options: Record<string, unknown>) => ({ ...valid, providerOptions: { "zenlayer-eip": options } });
const manyTags = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`tag-${index}`, "v"]));

/** Asserts INVALID_ARGUMENT naming `path`, with no request on the wire. */
async function expectRejectedLocally(input: unknown, path: string): Promise<void> {
  const before = harness.dispatcher.requests;
  const error = await rejectionOf(harness.allocator.allocate(input as AllocateRequestInput));
  expect(error).toMatchObject({ code: "INVALID_ARGUMENT", provider: "zenlayer-eip", operation: "allocate" });
  expect(error.issues.map((issue) => issue.path)).toContain(path);
  expect(harness.dispatcher.requests - before, "requests sent").toBe(0);
}

describe("bad allocate input is INVALID_ARGUMENT before any request", () => {
  it.each([
    ["count 0", { ...valid, count: 0 }, "count"],
    ["count 101", { ...valid, count: 101 }, "count"],
    ["count 2.5", { ...valid, count: 2.5 }, "count"],
    ["no zone (region only)", { location: { region: "ap-seoul" } }, "location.zone"],
    ["lower-case zone", { location: { zone: "sel-a" } }, "location.zone"],
    ["double dash zone", { location: { zone: "SEL--A" } }, "location.zone"],
    ["zone without letter", { location: { zone: "SEL" } }, "location.zone"],
    [
      "PREPAID without period",
      zenlayer({ eipChargeType: "PREPAID" }),
      "providerOptions.zenlayer-eip.eipChargePrepaid.period",
    ],
    [
      "PREPAID with period 0",
      zenlayer({ eipChargeType: "PREPAID", eipChargePrepaid: { period: 0 } }),
      "providerOptions.zenlayer-eip.eipChargePrepaid.period",
    ],
    [
      "POSTPAID with a period",
      zenlayer({ eipChargePrepaid: { period: 1 } }),
      "providerOptions.zenlayer-eip.eipChargePrepaid",
    ],
    ["unknown charge type", zenlayer({ eipChargeType: "MONTHLY" }), "providerOptions.zenlayer-eip.eipChargeType"],
    ["unknown provider option", zenlayer({ bandwidth: 100 }), "providerOptions.zenlayer-eip"],
    [
      "unknown marketing option",
      zenlayer({ marketingOptions: { coupon: "x" } }),
      "providerOptions.zenlayer-eip.marketingOptions",
    ],
    ["netmask 33", zenlayer({ netmask: 33 }), "providerOptions.zenlayer-eip.netmask"],
    ["reserved tag", { ...valid, tags: { "polycloud-idempotency-key": "mine" } }, "tags.polycloud-idempotency-key"],
    ["20 tags (one slot is polycloud's)", { ...valid, tags: manyTags(20) }, "tags"],
    [
      "19 tags with an instance (two slots are polycloud's)",
      { ...valid, instanceId: "bmc-sel-0001", tags: manyTags(19) },
      "tags",
    ],
    ["tag value over 128 characters", { ...valid, tags: { note: "x".repeat(129) } }, "tags.note"],
    ["unknown top-level key", { ...valid, bandwidth: 5 }, ""],
  ])("%s", async (_label, input, path) => {
    await expectRejectedLocally(input, path);
  });

  it("lists every bad field in one error", async () => {
    const error = await rejectionOf(
      harness.allocator.allocate({
        location: { zone: "sel-a" },
        count: 0,
        providerOptions: { "zenlayer-eip": { eipChargeType: "PREPAID" } },
      }),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual([
      "count",
      "location.zone",
      "providerOptions.zenlayer-eip.eipChargePrepaid.period",
    ]);
  });

  it("ignores options addressed to other providers", async () => {
    const result = await harness.allocator.allocate({
      ...valid,
      location: { zone: "SEL-A", region: "cn-hangzhou" },
      providerOptions: { "alibaba-ecs": { anything: true } },
    });
    expect(result.ips).toHaveLength(1);
  });

  it("rejects any count outside 1–100 without sending (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 })), async (count) => {
        await expectRejectedLocally({ ...valid, count }, "count");
      }),
      { numRuns: 25 },
    );
  });
});

describe("bad ids are INVALID_ARGUMENT before any request", () => {
  it.each(["", " ", "eip with space", "x".repeat(129)])("%j", async (id) => {
    const before = harness.dispatcher.requests;
    for (const call of [
      () => harness.allocator.describe(id),
      () => harness.allocator.release(id),
      () => harness.allocator.waitUntilReady(id),
    ]) {
      expect(await rejectionOf(call())).toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "id" }] });
    }
    expect(harness.dispatcher.requests).toBe(before);
  });
});
