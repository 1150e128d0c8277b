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

describe("Zenlayer EIP lifecycle: termination, release and association", () => {
  it("terminates to RECYCLING → RECYCLE, releases, and then the EIP is gone", async () => {
    harness = await startZenlayerHarness({ options: { recycleDelayMs: 500 } });
    const [eipId] = (await allocate()) as [string];
    await expectError("TerminateEipAddress", { eipId }, 403, "OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT");
    harness.clock.advance(300);
    await expectError("ReleaseEipAddresses", { eipIds: [eipId] }, 403, "OPERATION_DENIED_EIP_NOT_RECYCLED");
    expect((await harness.call("TerminateEipAddress", { eipId })).status).toBe(200);
    expect(await describeOne(eipId)).toMatchObject({ eipStatus: "RECYCLING", ipAddress: "198.18.0.1" });
    await expectError("TerminateEipAddress", { eipId }, 403, "OPERATION_DENIED_EIP_RECYCLED");
    await expectError("ReleaseEipAddresses", { eipIds: [eipId] }, 403, "OPERATION_DENIED_EIP_NOT_RECYCLED");
    harness.clock.advance(500);
    expect((await describeOne(eipId))?.["eipStatus"]).toBe("RECYCLE");
    await expectError(
      "AssociateEipAddress",
      { eipId, instanceId: "bmc-sel-0001" },
      403,
      "FAILED_OPERATION_FOR_RECYCLE_RESOURCE",
    );
    await expectError(
      "ReleaseEipAddresses",
      { eipIds: [eipId, "eip-99999999"] },
      404,
      "OPERATION_FAILED_RESOURCE_NOT_FOUND",
    );
    expect((await harness.call("ReleaseEipAddresses", { eipIds: [eipId] })).status).toBe(200);
    const gone = await harness.call("DescribeEipAddresses", { eipIds: [eipId] });
    expect(gone.json?.["response"]).toMatchObject({ totalCount: 0, dataSet: [] });
    await expectError("ReleaseEipAddresses", { eipIds: [eipId] }, 404, "OPERATION_FAILED_RESOURCE_NOT_FOUND");
    expect(
      harness.events.list({ resourceId: eipId }).map((event) => [event.action, event.kind, event.detail?.["to"]]),
    ).toEqual([
      ["AllocateEipAddresses", "allocate", undefined],
      ["lifecycle", "status", "AVAILABLE"],
      ["TerminateEipAddress", "status", "RECYCLING"],
      ["lifecycle", "status", "RECYCLE"],
      ["ReleaseEipAddresses", "release", undefined],
    ]);
  });

  it("releases an EIP left in RECYCLE after recycleRetentionMs", async () => {
    harness = await startZenlayerHarness({
      options: { provisioningDelayMs: 0, recycleDelayMs: 0, recycleRetentionMs: 1000 },
    });
    const [eipId] = (await allocate()) as [string];
    expect((await harness.call("TerminateEipAddress", { eipId })).status).toBe(200);
    harness.clock.advance(999);
    expect((await describeOne(eipId))?.["eipStatus"]).toBe("RECYCLE");
    harness.clock.advance(1);
    expect(await describeOne(eipId)).toBeUndefined();
    expect(harness.events.count({ action: "lifecycle", kind: "release", resourceId: eipId })).toBe(1);
  });

  it("associates and unassociates through ASSOCIATING / UNASSOCIATING, with the reference's refusals", async () => {
    harness = await startZenlayerHarness({ options: { associationDelayMs: 200 } });
    const [eipId, spare] = (await allocate({ amount: 2 })) as [string, string];
    await expectError(
      "AssociateEipAddress",
      { eipId, instanceId: "bmc-sel-0001" },
      403,
      "OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE",
    );
    harness.clock.advance(300);
    await expectError("AssociateEipAddress", { eipId }, 400, "MISSING_PARAMETER");
    await expectError(
      "AssociateEipAddress",
      { eipId: "eip-404", instanceId: "bmc-sel-0001" },
      404,
      "INVALID_EIP_NOT_FOUND",
    );
    await expectError("AssociateEipAddress", { eipId, instanceId: "bmc-none" }, 403, "INVALID_INSTANCE_NOT_FOUND");
    await expectError(
      "AssociateEipAddress",
      { eipId, instanceId: "bmc-hkg-0001" },
      403,
      "OPERATION_DENIED_EIP_ZONE_NOT_SAME",
    );
    await expectError(
      "AssociateEipAddress",
      { eipId, instanceId: "bmc-sel-0099" },
      403,
      "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
    );
    await expectError(
      "AssociateEipAddress",
      { eipId, instanceId: "bmc-sel-0098" },
      403,
      "OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN",
    );
    expect((await harness.call("UnAssociateEipAddress", { eipId })).status).toBe(200);
    expect((await harness.call("AssociateEipAddress", { eipId, instanceId: "bmc-sel-0001" })).status).toBe(200);
    expect(await describeOne(eipId)).toMatchObject({
      eipStatus: "ASSOCIATING",
      instanceId: "bmc-sel-0001",
      instanceName: "polycloud-sel-1",
    });
    await expectError("UnAssociateEipAddress", { eipId }, 403, "OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT");
    harness.clock.advance(200);
    expect((await describeOne(eipId))?.["eipStatus"]).toBe("ASSOCIATED");
    const byInstance = await harness.call("DescribeEipAddresses", { instanceId: "bmc-sel-0001" });
    expect(byInstance.json?.["response"]["totalCount"]).toBe(1);
    expect((await harness.call("UnAssociateEipAddress", { eipId })).status).toBe(200);
    expect((await describeOne(eipId))?.["eipStatus"]).toBe("UNASSOCIATING");
    harness.clock.advance(200);
    expect(await describeOne(eipId)).toMatchObject({ eipStatus: "AVAILABLE", instanceId: null });
    // Terminate from ASSOCIATED unbinds first.
    expect((await harness.call("AssociateEipAddress", { eipId: spare, instanceId: "bmc-sel-0002" })).status).toBe(200);
    harness.clock.advance(200);
    expect((await harness.call("TerminateEipAddress", { eipId: spare })).status).toBe(200);
    expect(await describeOne(spare)).toMatchObject({ eipStatus: "RECYCLING", instanceId: null });
    expect(harness.events.count({ kind: "unassociate" })).toBe(2);
    expect(harness.events.count({ kind: "associate" })).toBe(2);
  });

  it("enforces the per-instance EIP limit", async () => {
    const seed = structuredClone(harnessSeedWithLimit());
    harness = await startZenlayerHarness({ seed, options: { provisioningDelayMs: 0, associationDelayMs: 0 } });
    const [first, second] = (await allocate({ amount: 2 })) as [string, string];
    expect((await harness.call("AssociateEipAddress", { eipId: first, instanceId: "bmc-sel-0001" })).status).toBe(200);
    await expectError(
      "AssociateEipAddress",
      { eipId: second, instanceId: "bmc-sel-0001" },
      403,
      "OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT",
    );
  });
});

function harnessSeedWithLimit() {
  return {
    zones: [{ zoneId: "SEL-A", status: "SELL" as const, cidr: "198.18.0.0/24" }],
    accounts: [
      {
        accountId: "limited",
        accessKeys: [{ accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" }],
        resourceGroups: [{ resourceGroupId: "rg-default", resourceGroupName: "Default", isDefault: true }],
        instances: [
          { instanceId: "bmc-sel-0001", instanceName: "one", zoneId: "SEL-A", status: "RUNNING" as const, eipLimit: 1 },
        ],
      },
    ],
  };
}
