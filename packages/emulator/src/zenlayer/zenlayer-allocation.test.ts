import { afterEach, describe, expect, it } from "vitest";
import { startZenlayerHarness, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";

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

async function describeOne(eipId: string): Promise<Record<string, any> | undefined> {
  const result = await harness.call("DescribeEipAddresses", { eipIds: [eipId] });
  expect(result.status, result.text).toBe(200);
  return result.json?.["response"]["dataSet"][0];
}

async function expectError(action: string, parameters: unknown, status: number, code: string): Promise<void> {
  const result = await harness.call(action, parameters);
  expect([result.status, result.json?.["code"]], result.text).toEqual([status, code]);
}

describe("Zenlayer EIP lifecycle: allocation", () => {
  it("allocates CREATING → AVAILABLE after provisioningDelayMs, with the Describe fields of the reference", async () => {
    harness = await startZenlayerHarness({ options: { provisioningDelayMs: 300 } });
    const allocated = await harness.call("AllocateEipAddresses", {
      zoneId: "SEL-A",
      eipChargeType: "POSTPAID",
      tags: { tags: [{ key: "polycloud-token", value: "t-1" }] },
    });
    expect(allocated.json).toEqual({
      requestId: expect.any(String),
      response: { requestId: allocated.json?.["requestId"], eipIdSet: ["eip-00000001"], orderNumber: "" },
    });
    expect(await describeOne("eip-00000001")).toMatchObject({ eipStatus: "CREATING", ipAddress: null });
    harness.clock.advance(299);
    expect((await describeOne("eip-00000001"))?.["eipStatus"]).toBe("CREATING");
    harness.clock.advance(1);
    expect(await describeOne("eip-00000001")).toEqual({
      eipId: "eip-00000001",
      zoneId: "SEL-A",
      ipAddress: "198.18.0.1",
      netmask: 32,
      instanceId: null,
      instanceName: null,
      eipChargeType: "POSTPAID",
      period: null,
      createTime: "2025-01-01T00:00:00Z",
      expiredTime: null,
      resourceGroupId: "rg-default",
      resourceGroupName: "Default Resource Group",
      eipStatus: "AVAILABLE",
      tags: { tags: [{ key: "polycloud-token", value: "t-1" }] },
    });
    expect(harness.events.list({ kind: "allocate" })[0]?.detail?.["tags"]).toEqual([
      { key: "polycloud-token", value: "t-1" },
    ]);
    expect(harness.events.list({ action: "lifecycle" }).map((event) => event.detail?.["to"])).toEqual(["AVAILABLE"]);
  });

  it("ends CREATE_FAILED with failureRate 1 (or a per-zone override) and frees the address", async () => {
    harness = await startZenlayerHarness({ options: { failureRateByZone: { "HKG-A": 1 } } });
    const [healthy] = await allocate();
    const [failed] = await allocate({ zoneId: "HKG-A" });
    harness.clock.advance(300);
    expect((await describeOne(healthy as string))?.["eipStatus"]).toBe("AVAILABLE");
    expect(await describeOne(failed as string)).toMatchObject({ eipStatus: "CREATE_FAILED", ipAddress: null });
    await expectError(
      "AssociateEipAddress",
      { eipId: failed, instanceId: "bmc-hkg-0001" },
      403,
      "OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE",
    );
    expect((await harness.call("TerminateEipAddress", { eipId: failed })).status).toBe(200);
    await harness.close();
    harness = await startZenlayerHarness({ options: { failureRate: 1 } });
    const eipIds = await allocate({ amount: 3 });
    harness.clock.advance(300);
    const listed = await harness.call("DescribeEipAddresses", { eipStatus: "CREATE_FAILED" });
    expect(listed.json?.["response"]["totalCount"]).toBe(eipIds.length);
  });

  it("answers the seed's codes: sold-out zone, unknown zone, missing and invalid parameters", async () => {
    harness = await startZenlayerHarness();
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "FRA-A", eipChargeType: "POSTPAID" },
      400,
      "INVALID_EIP_TYPE_ZONE_NO_SELL",
    );
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "SEL--A", eipChargeType: "POSTPAID" },
      404,
      "INVALID_ZONE_NOT_FOUND",
    );
    await expectError("AllocateEipAddresses", { eipChargeType: "POSTPAID" }, 400, "MISSING_PARAMETER");
    await expectError("AllocateEipAddresses", { zoneId: "SEL-A" }, 400, "MISSING_PARAMETER");
    await expectError("AllocateEipAddresses", { zoneId: "SEL-A", eipChargeType: "PREPAID" }, 400, "MISSING_PARAMETER");
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "SEL-A", eipChargeType: "MONTHLY" },
      400,
      "INVALID_PARAMETER_VALUE",
    );
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "SEL-A", eipChargeType: "POSTPAID", amount: 101 },
      400,
      "INVALID_PARAMETER_EXCEED_MAXIMUM",
    );
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "SEL-A", eipChargeType: "POSTPAID", amount: "2" },
      400,
      "INVALID_PARAMETER_TYPE",
    );
    await expectError("AllocateEipAddresses", { zoneId: 7, eipChargeType: "POSTPAID" }, 400, "INVALID_PARAMETER_TYPE");
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "SEL-A", eipChargeType: "POSTPAID", resourceGroupId: "rg-x" },
      404,
      "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND",
    );
    await expectError(
      "AllocateEipAddresses",
      { zoneId: "HKG-A", eipChargeType: "POSTPAID", netmask: 29 },
      403,
      "OPERATION_DENIED_UNAVAILABLE_NETMASK",
    );
    const duplicateTags = {
      zoneId: "SEL-A",
      eipChargeType: "POSTPAID",
      tags: {
        tags: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      },
    };
    await expectError("AllocateEipAddresses", duplicateTags, 400, "INVALID_PARAMETER_VALUE");
    await expectError("DescribeEipAvailableResources", {}, 400, "MISSING_PARAMETER");
    await expectError(
      "DescribeEipAvailableResources",
      { eipChargeType: "POSTPAID", zoneId: "XXX" },
      404,
      "INVALID_ZONE_NOT_FOUND",
    );
    const resources = await harness.call("DescribeEipAvailableResources", { eipChargeType: "POSTPAID" });
    expect(resources.json?.["response"]["eipResources"]).toEqual([
      { zoneId: "SEL-A", status: "SELL", netmask: 32 },
      { zoneId: "HKG-A", status: "SELL", netmask: 32 },
      { zoneId: "FRA-A", status: "SOLD_OUT", netmask: 32 },
    ]);
    expect(harness.events.count({ kind: "allocate" })).toBe(0);
  });

  it("PREPAID: returns an orderNumber, charges the balance and refuses TerminateEipAddress", async () => {
    harness = await startZenlayerHarness();
    const result = await harness.call("AllocateEipAddresses", {
      zoneId: "HKG-A",
      eipChargeType: "PREPAID",
      eipChargePrepaid: { period: 2 },
      amount: 2,
    });
    expect(result.json?.["response"]).toMatchObject({
      eipIdSet: ["eip-00000001", "eip-00000002"],
      orderNumber: "ORD-00000001",
    });
    expect(harness.emulator.state.accounts[0]?.balance).toBe(10_000 - 2 * 2 * 5);
    harness.clock.advance(300);
    expect(await describeOne("eip-00000001")).toMatchObject({ period: 2, expiredTime: "2025-03-01T00:00:00Z" });
    await expectError("TerminateEipAddress", { eipId: "eip-00000001" }, 403, "OPERATION_DENIED_EIP_SUBSCRIPTION");
    const tooExpensive = { zoneId: "HKG-A", eipChargeType: "PREPAID", eipChargePrepaid: { period: 36 }, amount: 100 };
    await expectError("AllocateEipAddresses", tooExpensive, 403, "OPERATION_DENIED_INSUFFICIENT_BALANCE");
  });
});
