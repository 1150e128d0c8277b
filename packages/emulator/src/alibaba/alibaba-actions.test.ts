import { describe, expect, it } from "vitest";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import { callV3 } from "./__fixtures__/alibaba-test-client.js";
import { ALIBABA_SEED_ERROR_CODES } from "./alibaba-error-codes.js";
import type { AlibabaSeed } from "./alibaba-seed.js";

const harness = useAlibabaTestEmulator();
const start = harness.start;

const KEY = { accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" };

/** A seed with one instance per state-driven error of AllocatePublicIpAddress. */
const STATE_SEED: AlibabaSeed = {
  regionId: "cn-hangzhou",
  accounts: [KEY],
  publicIpCidr: "47.96.0.0/30",
  vlanIds: ["720"],
  instances: [
    { instanceId: "i-ok", status: "Running", internetMaxBandwidthOut: 5 },
    { instanceId: "i-ok2", status: "Stopped", internetMaxBandwidthOut: 5 },
    { instanceId: "i-ok3", status: "Running", internetMaxBandwidthOut: 5 },
    { instanceId: "i-ok4", status: "Running", internetMaxBandwidthOut: 5 },
    { instanceId: "i-ok5", status: "Running", internetMaxBandwidthOut: 5 },
    { instanceId: "i-starting", status: "Starting", internetMaxBandwidthOut: 5 },
    { instanceId: "i-locked", status: "Running", internetMaxBandwidthOut: 5, lockReasons: ["security"] },
    { instanceId: "i-expired", status: "Running", internetMaxBandwidthOut: 5, expired: true },
    { instanceId: "i-nobw", status: "Running", internetMaxBandwidthOut: 0 },
    {
      instanceId: "i-eip",
      status: "Running",
      internetMaxBandwidthOut: 5,
      eipAddress: { allocationId: "eip-1", ipAddress: "8.8.4.4" },
    },
    { instanceId: "i-cloudbox", status: "Running", internetMaxBandwidthOut: 5, cloudbox: true },
    { instanceId: "i-dedicated", status: "Running", internetMaxBandwidthOut: 5, dedicatedRegion: true },
    { instanceId: "i-has-ip", status: "Running", internetMaxBandwidthOut: 5, publicIpAddress: "8.8.8.8" },
  ],
};

const allocate = (endpoint: string, query: Record<string, string>) =>
  callV3(endpoint, "AllocatePublicIpAddress", query);

describe("AllocatePublicIpAddress", () => {
  it("produces every state-driven seed error with the seed's HTTP status", async () => {
    const endpoint = await start({ seed: { alibaba: STATE_SEED }, alibaba: { secondAllocate: "allocated-already" } });
    const cases: Array<[Record<string, string>, string]> = [
      [{ InstanceId: "i-missing" }, "InvalidInstanceId.NotFound"],
      [{ InstanceId: "i-starting" }, "IncorrectInstanceStatus"],
      [{ InstanceId: "i-locked" }, "InstanceLockedForSecurity"],
      [{ InstanceId: "i-expired" }, "InstanceExpiredOrInArrears"],
      [{ InstanceId: "i-nobw" }, "AllocateIpInvalidInstanceBandwidth"],
      [{ InstanceId: "i-eip" }, "OperationDenied"],
      [{ InstanceId: "i-cloudbox" }, "OperationDenied.CloudboxNotSupport"],
      [{ InstanceId: "i-dedicated" }, "OperationDenied.DedicatedRegionNotSupported"],
      [{ InstanceId: "i-has-ip" }, "AllocatedAlready"],
      [{ InstanceId: "i-ok", IpAddress: "47.96.1" }, "InvalidIpAddress.Malformed"],
      [{ InstanceId: "i-ok", IpAddress: "192.168.1.1" }, "InvalidIpAddress.NotPublic"],
      [{ InstanceId: "i-ok", IpAddress: "8.8.8.8" }, "IpInUse"],
      [{ InstanceId: "i-ok", VlanId: "999" }, "InvalidVlanId.NotFound"],
    ];
    const statusOf = new Map(ALIBABA_SEED_ERROR_CODES.map((entry) => [entry.code, entry.httpStatus]));
    for (const [query, code] of cases) {
      const response = await allocate(endpoint, query);
      expect([response.json["Code"], response.status], code).toEqual([code, statusOf.get(code)]);
    }
    const missing = await allocate(endpoint, {});
    expect([missing.status, missing.json["Code"]]).toEqual([400, "MissingParameter"]);
    expect(harness.emulator?.events.count()).toBe(0);
  });

  it("exhausts a small pool with InsufficientPublicIp and honours a requested IP", async () => {
    const endpoint = await start({ seed: { alibaba: STATE_SEED } });
    expect(
      (await allocate(endpoint, { InstanceId: "i-ok", IpAddress: "1.2.3.4", VlanId: "720" })).json["IpAddress"],
    ).toBe("1.2.3.4");
    const pooled = new Set<unknown>();
    for (const instanceId of ["i-ok2", "i-ok3", "i-ok4"])
      pooled.add((await allocate(endpoint, { InstanceId: instanceId })).json["IpAddress"]);
    expect([...pooled].sort()).toEqual(["47.96.0.1", "47.96.0.2", "47.96.0.3"]);
    const exhausted = await allocate(endpoint, { InstanceId: "i-ok5" });
    expect([exhausted.status, exhausted.json["Code"]]).toEqual([400, "InsufficientPublicIp"]);
    // A released address goes back to the pool.
    const releasedIp = harness.emulator?.alibabaState.getInstance("i-ok2")?.publicIpAddress as string;
    expect(
      (await callV3(endpoint, "ReleasePublicIpAddress", { InstanceId: "i-ok2", PublicIpAddress: releasedIp })).status,
    ).toBe(200);
    expect((await allocate(endpoint, { InstanceId: "i-ok5" })).json["IpAddress"]).toBe(releasedIp);
  });

  it("returns the existing IP on a second call by default, without a second allocation", async () => {
    const endpoint = await start();
    const first = await allocate(endpoint, { InstanceId: "i-polycloud0001" });
    const second = await allocate(endpoint, { InstanceId: "i-polycloud0001" });
    expect(second.status).toBe(200);
    expect(second.json["IpAddress"]).toBe(first.json["IpAddress"]);
    expect(
      harness.emulator?.events.count({
        action: "AllocatePublicIpAddress",
        kind: "allocate",
        resourceId: "i-polycloud0001",
      }),
    ).toBe(1);
  });

  it("answers 403 AllocatedAlready on a second call when configured", async () => {
    const endpoint = await start({ alibaba: { secondAllocate: "allocated-already" } });
    await allocate(endpoint, { InstanceId: "i-polycloud0001" });
    const second = await allocate(endpoint, { InstanceId: "i-polycloud0001" });
    expect([second.status, second.json["Code"]]).toEqual([403, "AllocatedAlready"]);
  });

  it("allocates exactly once under many parallel calls on one instance, and unique IPs across instances", async () => {
    const endpoint = await start();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => allocate(endpoint, { InstanceId: "i-polycloud0002" })),
    );
    expect(new Set(results.map((result) => result.json["IpAddress"])).size).toBe(1);
    expect(harness.emulator?.events.count({ kind: "allocate", resourceId: "i-polycloud0002" })).toBe(1);
    const ids = Array.from({ length: 10 }, (_, index) => `i-polycloud${String(index + 1).padStart(4, "0")}`);
    await Promise.all(ids.map((instanceId) => allocate(endpoint, { InstanceId: instanceId })));
    const ips = harness.emulator?.alibabaState.listPublicIpAddresses() ?? [];
    expect(ips).toHaveLength(10);
    expect(new Set(ips).size).toBe(10);
  });

  it("draws the same IPs under the same random seed and different ones under another", async () => {
    const draw = async (randomSeed: number): Promise<unknown[]> => {
      const endpoint = await start({ randomSeed });
      const ips: unknown[] = [];
      for (const instanceId of ["i-polycloud0001", "i-polycloud0002", "i-polycloud0003"])
        ips.push((await allocate(endpoint, { InstanceId: instanceId })).json["IpAddress"]);
      await harness.emulator?.close();
      return ips;
    };
    const first = await draw(7);
    expect(await draw(7)).toEqual(first);
    expect(await draw(8)).not.toEqual(first);
  });
});

describe("ReleasePublicIpAddress", () => {
  it("releases the instance's IP and records the event; rejects other IPs", async () => {
    const endpoint = await start();
    const ip = (await allocate(endpoint, { InstanceId: "i-polycloud0001" })).json["IpAddress"] as string;
    const wrong = await callV3(endpoint, "ReleasePublicIpAddress", {
      InstanceId: "i-polycloud0001",
      PublicIpAddress: "47.97.0.1",
    });
    expect([wrong.status, wrong.json["Code"]]).toEqual([400, "InvalidIpAddress.NotFound"]);
    const needsInstance = await callV3(endpoint, "ReleasePublicIpAddress", { PublicIpAddress: ip });
    expect([needsInstance.status, needsInstance.json["Code"]]).toEqual([403, "InvalidIpAddress.NeedInstanceId"]);
    const dryRun = await callV3(endpoint, "ReleasePublicIpAddress", {
      InstanceId: "i-polycloud0001",
      PublicIpAddress: ip,
      DryRun: "true",
    });
    expect(dryRun.json["Code"]).toBe("DryRunOperation");
    const released = await callV3(endpoint, "ReleasePublicIpAddress", {
      InstanceId: "i-polycloud0001",
      PublicIpAddress: ip,
    });
    expect(released.status).toBe(200);
    expect(Object.keys(released.json)).toEqual(["RequestId"]);
    expect(harness.emulator?.alibabaState.getInstance("i-polycloud0001")?.publicIpAddress).toBeUndefined();
    expect(
      harness.emulator?.events.list().map((event) => [event.kind, event.resourceId, event.detail?.["ipAddress"]]),
    ).toEqual([
      ["allocate", "i-polycloud0001", ip],
      ["release", "i-polycloud0001", ip],
    ]);
  });
});
