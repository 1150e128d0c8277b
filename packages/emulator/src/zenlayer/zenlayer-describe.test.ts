import { afterEach, describe, expect, it } from "vitest";
import { startZenlayerHarness, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";
import { DEFAULT_ZENLAYER_SEED, type ZenlayerAccountSeed } from "./zenlayer-seed.js";

let harness: ZenlayerHarness;
afterEach(async () => harness?.close());

async function allocate(parameters: Record<string, unknown> = {}): Promise<string[]> {
  const result = await harness.call("AllocateEipAddresses", {
    zoneId: "SEL-A",
    eipChargeType: "POSTPAID",
    ...parameters,
  });
  expect(result.status, result.text).toBe(200);
  return result.json?.["response"]["eipIdSet"] as string[];
}

async function describeEips(
  parameters: Record<string, unknown>,
): Promise<{ totalCount: number; dataSet: Array<Record<string, any>> }> {
  const result = await harness.call("DescribeEipAddresses", parameters);
  expect(result.status, result.text).toBe(200);
  return result.json?.["response"];
}

describe("DescribeEipAddresses", () => {
  it("hides a new EIP for describeLagMs (the reference's 'not found yet' window)", async () => {
    harness = await startZenlayerHarness({ options: { describeLagMs: 1000 } });
    const [eipId] = await allocate();
    expect(await describeEips({ eipIds: [eipId] })).toMatchObject({ totalCount: 0, dataSet: [] });
    expect(harness.emulator.state.eips[0]).toMatchObject({
      eipId,
      listedByDescribe: false,
      reservedAddress: "198.18.0.1",
    });
    harness.clock.advance(1000);
    expect((await describeEips({ eipIds: [eipId] })).totalCount).toBe(1);
  });

  it("pages newest first with pageSize (default 20) and pageNum", async () => {
    harness = await startZenlayerHarness();
    await allocate({ amount: 25 });
    const first = await describeEips({});
    expect(first.totalCount).toBe(25);
    expect(first.dataSet.map((eip) => eip.eipId).slice(0, 2)).toEqual(["eip-00000025", "eip-00000024"]);
    expect(first.dataSet).toHaveLength(20);
    const second = await describeEips({ pageNum: 2 });
    expect(second.dataSet.map((eip) => eip.eipId)).toEqual([
      "eip-00000005",
      "eip-00000004",
      "eip-00000003",
      "eip-00000002",
      "eip-00000001",
    ]);
    expect((await describeEips({ pageSize: 10, pageNum: 3 })).dataSet).toHaveLength(5);
    expect((await describeEips({ pageNum: 9 })).dataSet).toEqual([]);
  });

  it("filters by tags, tagKeys, zone, charge type, status, resource group and address", async () => {
    harness = await startZenlayerHarness({ options: { provisioningDelayMs: 0 } });
    const [tokenA] = await allocate({
      tags: {
        tags: [
          { key: "polycloud-token", value: "a" },
          { key: "team", value: "x" },
        ],
      },
    });
    const [tokenB] = await allocate({
      tags: { tags: [{ key: "polycloud-token", value: "b" }] },
      resourceGroupId: "rg-polycloud",
    });
    const [hongKong] = await allocate({ zoneId: "HKG-A" });
    const ids = async (parameters: Record<string, unknown>) =>
      (await describeEips(parameters)).dataSet.map((eip) => eip.eipId);
    expect(await ids({ tags: [{ key: "polycloud-token", value: "b" }] })).toEqual([tokenB]);
    expect(await ids({ tagKeys: ["polycloud-token"] })).toEqual([tokenB, tokenA]);
    expect(await ids({ tagKeys: ["polycloud-token", "team"] })).toEqual([tokenA]);
    expect(await ids({ zoneId: "HKG-A" })).toEqual([hongKong]);
    expect(await ids({ resourceGroupId: "rg-polycloud" })).toEqual([tokenB]);
    expect(await ids({ eipChargeType: "PREPAID" })).toEqual([]);
    expect(await ids({ eipStatus: "AVAILABLE", zoneId: "SEL-A" })).toEqual([tokenB, tokenA]);
    const address = (await describeEips({ eipIds: [tokenA] })).dataSet[0]?.["ipAddress"];
    expect(await ids({ ipAddress: address })).toEqual([tokenA]);
    const invalid = await harness.call("DescribeEipAddresses", { eipStatus: "BINDED" });
    expect([invalid.status, invalid.json?.["code"]]).toEqual([400, "INVALID_PARAMETER_VALUE"]);
  });

  it("reports SELL_SHORTAGE and then SOLD_OUT as a zone's pool runs out", async () => {
    const seed = {
      zones: [{ zoneId: "TINY-A", status: "SELL" as const, cidr: "198.18.0.0/28" }],
      accounts: [
        {
          accountId: "tiny",
          accessKeys: [{ accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" }],
          resourceGroups: [{ resourceGroupId: "rg-default", resourceGroupName: "Default", isDefault: true }],
        },
      ],
    };
    harness = await startZenlayerHarness({ seed });
    const status = async () =>
      (await harness.call("DescribeEipAvailableResources", { eipChargeType: "POSTPAID" })).json?.["response"][
        "eipResources"
      ][0]["status"];
    expect(await status()).toBe("SELL");
    await allocate({ zoneId: "TINY-A", amount: 10 });
    expect(await status()).toBe("SELL_SHORTAGE");
    const tooMany = await harness.call("AllocateEipAddresses", {
      zoneId: "TINY-A",
      eipChargeType: "POSTPAID",
      amount: 5,
    });
    expect(tooMany.json?.["code"]).toBe("INVALID_EIP_TYPE_ZONE_NO_SELL");
    await allocate({ zoneId: "TINY-A", amount: 4 });
    expect(await status()).toBe("SOLD_OUT");
  });
});

describe("accounts", () => {
  it("keeps each account's EIPs and instances to itself", async () => {
    const [account] = DEFAULT_ZENLAYER_SEED.accounts as [ZenlayerAccountSeed];
    const other: ZenlayerAccountSeed = {
      accountId: "other-team",
      accessKeys: [{ accessKeyId: "other-key", accessKeySecret: "other-secret" }],
      resourceGroups: [{ resourceGroupId: "rg-other", resourceGroupName: "Other", isDefault: true }],
      instances: [{ instanceId: "bmc-sel-other", instanceName: "other", zoneId: "SEL-A", status: "RUNNING" }],
    };
    harness = await startZenlayerHarness({ seed: { zones: DEFAULT_ZENLAYER_SEED.zones, accounts: [account, other] } });
    const [eipId] = await allocate();
    const asOther = { accessKeyId: "other-key", accessKeySecret: "other-secret" };
    const listed = await harness.call("DescribeEipAddresses", {}, asOther);
    expect(listed.json?.["response"]["totalCount"]).toBe(0);
    const terminate = await harness.call("TerminateEipAddress", { eipId }, asOther);
    expect(terminate.json?.["code"]).toBe("INVALID_EIP_NOT_FOUND");
    harness.clock.advance(300);
    const foreignInstance = await harness.call("AssociateEipAddress", { eipId, instanceId: "bmc-sel-other" });
    expect(foreignInstance.json?.["code"]).toBe("INVALID_INSTANCE_NOT_FOUND");
  });
});

describe("determinism and concurrency", () => {
  async function scriptedRun(randomSeed: number): Promise<unknown[]> {
    harness = await startZenlayerHarness({ randomSeed, options: { failureRate: 0.5 } });
    const answers: unknown[] = [];
    answers.push(
      (await harness.call("AllocateEipAddresses", { zoneId: "SEL-A", eipChargeType: "POSTPAID", amount: 8 })).json,
    );
    harness.clock.advance(300);
    answers.push((await harness.call("DescribeEipAddresses", {})).json);
    await harness.close();
    return answers;
  }

  it("repeats request ids, EIP ids, addresses and CREATE_FAILED outcomes under the same seed", async () => {
    const first = await scriptedRun(42);
    const second = await scriptedRun(42);
    expect(second).toEqual(first);
    const statuses = (first[1] as any).response.dataSet.map((eip: any) => eip.eipStatus);
    expect(new Set(statuses)).toEqual(new Set(["AVAILABLE", "CREATE_FAILED"]));
    const other = await scriptedRun(43);
    expect((other[0] as any).requestId).not.toBe((first[0] as any).requestId);
  });

  it("counts concurrent allocations exactly in the event log, with unique ids and addresses", async () => {
    harness = await startZenlayerHarness({ options: { provisioningDelayMs: 0, rateLimit: false } });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        harness.call("AllocateEipAddresses", {
          zoneId: index % 2 === 0 ? "SEL-A" : "HKG-A",
          eipChargeType: "POSTPAID",
          amount: 3,
        }),
      ),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    const eipIds = results.flatMap((result) => result.json?.["response"]["eipIdSet"] as string[]);
    expect(new Set(eipIds).size).toBe(120);
    expect(harness.events.count({ provider: "zenlayer", kind: "allocate" })).toBe(120);
    const addresses = harness.emulator.state.eips.map((eip) => eip.ipAddress);
    expect(new Set(addresses).size).toBe(120);
    expect((await describeEips({ pageSize: 1000 })).totalCount).toBe(120);
  });
});
