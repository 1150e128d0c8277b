import type { AllocateRequestInput } from "@polycloud/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectionOf, startHarness, type Harness } from "../test/zenlayer-eip-harness.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const PREFIX = "providerOptions.zenlayer-eip";
const withOptions = (options: Record<string, unknown>): AllocateRequestInput => ({
  location: { zone: "SEL-A" },
  providerOptions: { "zenlayer-eip": options },
});
const prepaid = (period: unknown) => ({ eipChargeType: "PREPAID", eipChargePrepaid: { period } });
const HUGE = "x".repeat(100_000);

describe("zenlayer-eip provider options are bounded before any request", () => {
  it.each([
    ["period 1e9", prepaid(1e9), `${PREFIX}.eipChargePrepaid.period`],
    ["period 37 (above 36 months)", prepaid(37), `${PREFIX}.eipChargePrepaid.period`],
    ["period -1", prepaid(-1), `${PREFIX}.eipChargePrepaid.period`],
    ["period Infinity", prepaid(Number.POSITIVE_INFINITY), `${PREFIX}.eipChargePrepaid.period`],
    ["netmask 1e9", { netmask: 1e9 }, `${PREFIX}.netmask`],
    ["netmask 0", { netmask: 0 }, `${PREFIX}.netmask`],
    ["bandwidth (not a bmc EIP field)", { bandwidth: 1e9 }, PREFIX],
    ["resourceGroupId of 100 kB", { resourceGroupId: HUGE }, `${PREFIX}.resourceGroupId`],
    ["resourceGroupId of 129 characters", { resourceGroupId: "r".repeat(129) }, `${PREFIX}.resourceGroupId`],
    ["resourceGroupId with CR/LF", { resourceGroupId: "rg-1\r\nX-Injected: 1" }, `${PREFIX}.resourceGroupId`],
    ["resourceGroupId with NUL", { resourceGroupId: "rg-1\u0000" }, `${PREFIX}.resourceGroupId`],
    ["empty resourceGroupId", { resourceGroupId: "" }, `${PREFIX}.resourceGroupId`],
    ["discountCode of 100 kB", { marketingOptions: { discountCode: HUGE } }, `${PREFIX}.marketingOptions.discountCode`],
    [
      "discountCode with LF",
      { marketingOptions: { discountCode: "SAVE\n10" } },
      `${PREFIX}.marketingOptions.discountCode`,
    ],
    [
      "discountCode with DEL",
      { marketingOptions: { discountCode: "SAVE\u007f" } },
      `${PREFIX}.marketingOptions.discountCode`,
    ],
  ])("%s → INVALID_ARGUMENT naming the field, nothing sent", async (_label, options, path) => {
    const before = harness.dispatcher.requests;
    const error = await rejectionOf(harness.allocator.allocate(withOptions(options)));
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", provider: "zenlayer-eip", operation: "allocate" });
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(harness.dispatcher.requests - before, "requests sent").toBe(0);
    // The error names the field but never repeats a 100 kB value.
    expect(JSON.stringify(error.toJSON()).length).toBeLessThan(10_000);
  });

  it("accepts the bounds themselves", async () => {
    const result = await harness.allocator.allocate(
      withOptions({
        ...prepaid(36),
        resourceGroupId: "rg-polycloud",
        marketingOptions: { discountCode: "d".repeat(128) },
      }),
    );
    expect(result.ips).toHaveLength(1);
  });
});
