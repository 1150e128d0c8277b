import { describe, expect, it } from "vitest";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import { buildV1Request, callV3, sendWireRequest } from "./__fixtures__/alibaba-test-client.js";

const harness = useAlibabaTestEmulator();
const start = harness.start;

describe("DescribeInstances and DescribeInstanceAttribute", () => {
  it("filters by InstanceIds, pages, and wraps Instances.Instance", async () => {
    const endpoint = await start();
    const page = await callV3(endpoint, "DescribeInstances", {
      RegionId: "cn-hangzhou",
      PageSize: "4",
      PageNumber: "3",
    });
    expect(page.json).toMatchObject({ TotalCount: 12, PageSize: 4, PageNumber: 3 });
    const instances = (page.json["Instances"] as { Instance: Array<Record<string, unknown>> }).Instance;
    expect(instances.map((instance) => instance["InstanceId"])).toEqual([
      "i-polycloud0009",
      "i-polycloud0010",
      "i-polycloud0099",
      "i-polycloud0020",
    ]);
    expect(instances[2]).toMatchObject({
      Status: "Stopped",
      InternetMaxBandwidthOut: 0,
      PublicIpAddress: { IpAddress: [] },
      RegionId: "cn-hangzhou",
    });
    const filtered = await callV3(endpoint, "DescribeInstances", {
      RegionId: "cn-hangzhou",
      InstanceIds: '["i-polycloud0099","i-unknown"]',
    });
    expect(filtered.json["TotalCount"]).toBe(1);
    const empty = await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou", InstanceIds: "[]" });
    expect(empty.json["TotalCount"]).toBe(0);
    const otherRegion = await callV3(endpoint, "DescribeInstances", { RegionId: "cn-beijing" });
    expect(otherRegion.json["TotalCount"]).toBe(0);
    expect((await callV3(endpoint, "DescribeInstances", {})).json["Code"]).toBe("MissingParameter");
    expect(
      (await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou", InstanceIds: "i-1" })).json["Code"],
    ).toBe("InvalidInstanceIds.Malformed");
    expect(
      (await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou", PageSize: "101" })).json["Code"],
    ).toBe("InvalidParameter");
  });

  it("describes one instance flat, with 404 for unknown ids", async () => {
    const endpoint = await start();
    const response = await callV3(endpoint, "DescribeInstanceAttribute", { InstanceId: "i-polycloud0001" });
    expect(response.json).toMatchObject({
      InstanceId: "i-polycloud0001",
      Status: "Running",
      InternetMaxBandwidthOut: 5,
      InstanceNetworkType: "classic",
      PublicIpAddress: { IpAddress: [] },
      EipAddress: { AllocationId: "", IpAddress: "" },
      OperationLocks: { LockReason: [] },
    });
    expect(response.json["Instances"]).toBeUndefined();
    const unknown = await callV3(endpoint, "DescribeInstanceAttribute", { InstanceId: "i-x" });
    expect([unknown.status, unknown.json["Code"]]).toEqual([404, "InvalidInstanceId.NotFound"]);
  });
});

describe("ModifyInstanceNetworkSpec", () => {
  it("raises bandwidth and allocates with AllocatePublicIp; ClientToken makes it idempotent", async () => {
    const endpoint = await start();
    const query = {
      InstanceId: "i-polycloud0099",
      InternetMaxBandwidthOut: "10",
      AllocatePublicIp: "true",
      ClientToken: "abc-123",
    };
    const first = await callV3(endpoint, "ModifyInstanceNetworkSpec", query);
    expect(first.status).toBe(200);
    const retry = await sendWireRequest(
      buildV1Request({ endpoint, action: "ModifyInstanceNetworkSpec", params: query }),
    );
    expect(retry.status).toBe(200);
    expect(harness.emulator?.events.count({ kind: "allocate", resourceId: "i-polycloud0099" })).toBe(1);
    expect(harness.emulator?.alibabaState.getInstance("i-polycloud0099")).toMatchObject({
      internetMaxBandwidthOut: 10,
    });
    const mismatch = await callV3(endpoint, "ModifyInstanceNetworkSpec", { ...query, InternetMaxBandwidthOut: "20" });
    expect([mismatch.status, mismatch.json["Code"]]).toEqual([400, "IdempotentParameterMismatch"]);
  });

  it("refuses to allocate without bandwidth and validates parameters", async () => {
    const endpoint = await start();
    const noBandwidth = await callV3(endpoint, "ModifyInstanceNetworkSpec", {
      InstanceId: "i-polycloud0099",
      AllocatePublicIp: "true",
    });
    expect(noBandwidth.json["Code"]).toBe("AllocateIpInvalidInstanceBandwidth");
    const badFlag = await callV3(endpoint, "ModifyInstanceNetworkSpec", {
      InstanceId: "i-polycloud0001",
      AllocatePublicIp: "yes",
    });
    expect(badFlag.json["Code"]).toBe("InvalidParameter");
    const longToken = await callV3(endpoint, "ModifyInstanceNetworkSpec", {
      InstanceId: "i-polycloud0001",
      ClientToken: "x".repeat(65),
    });
    expect(longToken.json["Code"]).toBe("InvalidParameter");
    expect(harness.emulator?.events.count()).toBe(0);
  });
});

describe("flow control", () => {
  it("answers Throttling.User (400) past the per-action, per-AccessKey limit", async () => {
    let nowMs = Date.now();
    const endpoint = await start({
      now: () => nowMs,
      alibaba: { flowControl: { limit: 3, windowMs: 1000, actionLimits: { DescribeInstances: 1 } } },
    });
    const describe = () => callV3(endpoint, "DescribeInstanceAttribute", { InstanceId: "i-polycloud0001" });
    for (let call = 0; call < 3; call += 1) expect((await describe()).status).toBe(200);
    const throttled = await describe();
    expect([throttled.status, throttled.json["Code"], throttled.json["Message"]]).toEqual([
      400,
      "Throttling.User",
      "Request was denied due to user flow control.",
    ]);
    // The oldest call of the window was at nowMs: a slot frees in 1000 ms.
    expect(throttled.headers["x-acs-retry-after"]).toBe("1000");
    // Another action has its own budget.
    expect((await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).status).toBe(200);
    expect((await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).json["Code"]).toBe(
      "Throttling.User",
    );
    nowMs += 1001;
    expect((await describe()).status).toBe(200);
  });
});
