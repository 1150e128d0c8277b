import { afterEach, describe, expect, it } from "vitest";
import { startZenlayerHarness, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";
import { parseZenlayerSeed } from "./parse-zenlayer-seed.js";
import { DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS, DEFAULT_ZENLAYER_SEED } from "./zenlayer-seed.js";

let harness: ZenlayerHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const TAGGED = {
  zoneId: "SEL-A",
  eipChargeType: "POSTPAID",
  amount: 2,
  tags: { tags: [{ key: "polycloud-idempotency-key", value: "k-1" }] },
};

async function allocateTagged(target: ZenlayerHarness): Promise<string[]> {
  const result = await target.call("AllocateEipAddresses", TAGGED);
  return result.json?.["response"]["eipIdSet"] as string[];
}

async function listedIds(target: ZenlayerHarness, parameters: Record<string, unknown>): Promise<string[]> {
  const result = await target.call("DescribeEipAddresses", parameters);
  const dataSet = (result.json as Record<string, { dataSet?: Array<{ eipId: string }> }> | undefined)?.["response"]
    ?.dataSet;
  if (dataSet === undefined) throw new Error(`DescribeEipAddresses answered no dataSet: ${result.text}`);
  return dataSet.map((eip) => eip.eipId).sort();
}

describe("the default seed's listing lag", () => {
  it("ends after describeLagListingsMaxMs even with listings left: a client coming back later finds the EIP", async () => {
    harness = await startZenlayerHarness({ options: { describeLagListings: 5 } });
    const eipIds = await allocateTagged(harness);
    expect(await listedIds(harness, { eipIds })).toEqual([]);
    harness.clock.advance(499);
    expect(await listedIds(harness, { eipIds })).toEqual([]);
    harness.clock.advance(1);
    expect(harness.emulator.state.eips.map((eip) => eip.listedByDescribe)).toEqual([true, true]);
    expect(await listedIds(harness, { eipIds })).toEqual(eipIds.sort());
  });

  it("leaves a new EIP and its tags out of its first two matching Describe answers, then lists it for good", async () => {
    expect(DEFAULT_ZENLAYER_SEED.describeLagListings).toBe(DEFAULT_ZENLAYER_DESCRIBE_LAG_LISTINGS);
    harness = await startZenlayerHarness({ options: { describeLagListings: undefined } });
    const eipIds = await allocateTagged(harness);
    const byTag = { tags: [{ key: "polycloud-idempotency-key", value: "k-1" }] };
    // Answers that would not list it (another zone) spend nothing.
    expect(await listedIds(harness, { zoneId: "HKG-A" })).toEqual([]);
    expect(await listedIds(harness, byTag)).toEqual([]);
    expect(harness.emulator.state.eips.map((eip) => eip.listedByDescribe)).toEqual([false, false]);
    expect(await listedIds(harness, { eipIds })).toEqual([]);
    expect(await listedIds(harness, byTag)).toEqual(eipIds.sort());
    expect(await listedIds(harness, {})).toEqual(eipIds.sort());
    expect(harness.emulator.state.eips.map((eip) => eip.listedByDescribe)).toEqual([true, true]);
    // Other actions see the EIP at once.
    expect((await harness.call("TerminateEipAddress", { eipId: eipIds[0] })).json?.["code"]).toBe(
      "OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT",
    );
  });

  it("is a seed field that a seed (or the describeLagListings option) turns off", async () => {
    expect(parseZenlayerSeed(DEFAULT_ZENLAYER_SEED).describeLagListings).toBe(2);
    expect(parseZenlayerSeed({ ...DEFAULT_ZENLAYER_SEED, describeLagListings: 0 }).describeLagListings).toBe(0);
    expect(() => parseZenlayerSeed({ ...DEFAULT_ZENLAYER_SEED, describeLagListings: -1 })).toThrow(
      "zenlayer.describeLagListings",
    );
    harness = await startZenlayerHarness({
      seed: { ...DEFAULT_ZENLAYER_SEED, describeLagListings: 0 },
      options: { describeLagListings: undefined },
    });
    const eipIds = await allocateTagged(harness);
    expect(await listedIds(harness, { eipIds })).toEqual(eipIds.sort());
  });

  it("adds up with describeLagMs: the listings are only spent once the time has passed", async () => {
    harness = await startZenlayerHarness({ options: { describeLagListings: 1, describeLagMs: 100 } });
    const eipIds = await allocateTagged(harness);
    expect(await listedIds(harness, { eipIds })).toEqual([]);
    harness.clock.advance(100);
    expect(await listedIds(harness, { eipIds })).toEqual([]);
    expect(await listedIds(harness, { eipIds })).toEqual(eipIds.sort());
  });
});
