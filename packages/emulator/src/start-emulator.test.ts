import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callV3 } from "./alibaba/__fixtures__/alibaba-test-client.js";
import { DEFAULT_ALIBABA_SEED } from "./alibaba/alibaba-default-seed.js";
import { loadEmulatorSeed, parseEmulatorSeed } from "./load-emulator-seed.js";
import { SeedValidationError } from "./shared/seed-validation.js";
import { isLoopbackHost, startEmulator } from "./start-emulator.js";

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "polycloud-emulator-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("startEmulator", () => {
  it("listens on loopback with three endpoints and the default seed", async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.alibaba.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.zenlayer.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.aws.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(new Set([emulator.alibaba.endpoint, emulator.zenlayer.endpoint, emulator.aws.endpoint]).size).toBe(3);
      expect(emulator.awsState.regions).toEqual(["us-east-1"]);
      expect(
        emulator.awsState.accounts.map((account) => [account.accountId, account.addressLimit, account.accessKeyIds]),
      ).toEqual([
        ["123456789012", 5, ["polycloud-test-key-id", "ASIAPOLYCLOUDTEST001", "polycloud-test-readonly-key-id"]],
      ]);
      expect(
        emulator.awsState.instances.map((instance) => [instance.instanceId, instance.state, instance.availabilityZone]),
      ).toEqual([
        ["i-0123456789abcdef0", "running", "us-east-1a"],
        ["i-0123456789abcdef1", "running", "us-east-1a"],
        ["i-0123456789abcdef2", "running", "us-east-1a"],
        ["i-0123456789abcdef3", "running", "us-east-1a"],
        ["i-0123456789abcdef9", "stopped", "us-east-1a"],
      ]);
      expect(JSON.stringify(emulator.awsState.accounts)).not.toContain("secret");
      expect(emulator.alibabaState.regionId).toBe("cn-hangzhou");
      expect(emulator.alibabaState.listAccessKeyIds()).toEqual(["polycloud-test-key-id"]);
      expect(
        emulator.alibabaState
          .listInstances()
          .map((instance) => [instance.instanceId, instance.status, instance.internetMaxBandwidthOut]),
      ).toEqual([
        ...Array.from({ length: 10 }, (_, index) => [`i-polycloud${String(index + 1).padStart(4, "0")}`, "Running", 5]),
        ["i-polycloud0099", "Stopped", 0],
        ["i-polycloud0020", "Running", 5],
      ]);
      expect((await callV3(emulator.alibaba.endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).status).toBe(
        200,
      );
      const zenlayer = await request(`${emulator.zenlayer.endpoint}/api/v2/bmc`, { method: "POST", body: "{}" });
      expect(zenlayer.statusCode).toBeGreaterThanOrEqual(400);
      await zenlayer.body.dump();
      const aws = await request(emulator.aws.endpoint, {
        method: "POST",
        body: "Action=DescribeAddresses&Version=2016-11-15",
      });
      expect([aws.statusCode, aws.headers["content-type"]]).toEqual([401, "text/xml;charset=UTF-8"]);
      await aws.body.dump();
    } finally {
      await emulator.close();
      await emulator.close();
    }
    await expect(request(emulator.alibaba.endpoint)).rejects.toThrow();
  });

  it("refuses a non-loopback host unless forced", async () => {
    await expect(startEmulator({ host: "0.0.0.0" })).rejects.toThrow(/non-loopback/);
    await expect(startEmulator({ host: "192.0.2.10" })).rejects.toThrow(/allowNonLoopback/);
    expect(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "10.0.0.1", "::", "example.com"].some(isLoopbackHost)).toBe(false);
    const forced = await startEmulator({ host: "0.0.0.0", allowNonLoopback: true });
    expect(forced.alibaba.endpoint).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    await forced.close();
  });

  it("reports a taken port and releases what it opened", async () => {
    const first = await startEmulator();
    const port = Number(new URL(first.alibaba.endpoint).port);
    try {
      await expect(startEmulator({ alibabaPort: port })).rejects.toThrow(/EADDRINUSE/);
      await expect(startEmulator({ zenlayerPort: port })).rejects.toThrow(/EADDRINUSE/);
      await expect(startEmulator({ awsPort: port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("does not let callers mutate the default seed through the emulator", async () => {
    const emulator = await startEmulator();
    await callV3(emulator.alibaba.endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    await emulator.close();
    expect(DEFAULT_ALIBABA_SEED.instances[0]?.publicIpAddress).toBeUndefined();
  });
});

describe("loadEmulatorSeed", () => {
  it("loads a JSON seed with accounts, instances, faults and randomSeed", async () => {
    const path = join(directory, "seed.json");
    await writeFile(
      path,
      JSON.stringify({
        randomSeed: 9,
        alibaba: {
          regionId: "cn-shanghai",
          accounts: [{ accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" }],
          instances: [
            { instanceId: "i-file", status: "Running", internetMaxBandwidthOut: 3, lockReasons: ["security"] },
          ],
        },
        aws: {
          regions: ["eu-central-1"],
          accounts: [
            {
              accountId: "123456789012",
              addressLimit: 1,
              credentials: [{ accessKeyId: "AKIAFILE000000000001", secretAccessKey: "file-secret" }],
              instances: [{ instanceId: "i-0f0f0f0f", state: "stopped" }],
            },
          ],
          describeLagMs: 100,
        },
        faults: [
          { provider: "alibaba", action: "DescribeInstances", kind: "throttle", times: 1 },
          { provider: "aws", action: "AllocateAddress", kind: "reset-after-commit", times: 1 },
        ],
      }),
    );
    const seed = await loadEmulatorSeed(path);
    expect(seed.randomSeed).toBe(9);
    expect(seed.aws?.regions).toEqual(["eu-central-1"]);
    const emulator = await startEmulator({ seed });
    try {
      expect(
        (await callV3(emulator.alibaba.endpoint, "DescribeInstances", { RegionId: "cn-shanghai" })).json["Code"],
      ).toBe("Throttling.User");
      const listed = await callV3(emulator.alibaba.endpoint, "DescribeInstances", { RegionId: "cn-shanghai" });
      expect(listed.json["TotalCount"]).toBe(1);
      expect(
        (await callV3(emulator.alibaba.endpoint, "AllocatePublicIpAddress", { InstanceId: "i-file" })).json["Code"],
      ).toBe("InstanceLockedForSecurity");
      expect(
        emulator.awsState.instances.map((instance) => [instance.instanceId, instance.availabilityZone, instance.state]),
      ).toEqual([["i-0f0f0f0f", "eu-central-1a", "stopped"]]);
      expect(emulator.awsState.limits.describeLagMs).toBe(100);
      expect(emulator.faults.list().map((rule) => rule.provider)).toEqual(["alibaba", "aws"]);
    } finally {
      await emulator.close();
    }
  });

  it("names the bad field", async () => {
    const cases: Array<[unknown, string]> = [
      [[], "seed"],
      [
        {
          alibaba: {
            regionId: "r",
            accounts: [],
            instances: [{ instanceId: "i", status: "Broken", internetMaxBandwidthOut: 1 }],
          },
        },
        "alibaba.instances[0].status",
      ],
      [
        { alibaba: { regionId: "r", accounts: [{ accessKeyId: "k" }], instances: [] } },
        "alibaba.accounts[0].accessKeySecret",
      ],
      [
        { alibaba: { regionId: "r", accounts: [], instances: [], publicIpCidr: "47.96.0.0/33" } },
        "alibaba.publicIpCidr",
      ],
      [{ alibaba: { regionId: "r", accounts: [], instances: [], extra: 1 } }, "alibaba.extra"],
      [{ faults: [{ provider: "alibaba", kind: "slow" }] }, "faults[0]"],
      [
        { aws: { regions: ["us-east-1"], accounts: [{ accountId: "1", credentials: [] }] } },
        "aws.accounts[0].accountId",
      ],
      [{ randomSeed: -1 }, "randomSeed"],
      [{ unknownTopLevel: true }, "unknownTopLevel"],
    ];
    for (const [value, field] of cases) {
      expect(() => parseEmulatorSeed(value)).toThrow(SeedValidationError);
      try {
        parseEmulatorSeed(value);
      } catch (error) {
        expect((error as SeedValidationError).field, JSON.stringify(value)).toBe(field);
      }
    }
    const notJson = join(directory, "broken.json");
    await writeFile(notJson, "{ nope");
    await expect(loadEmulatorSeed(notJson)).rejects.toThrow(/not valid JSON/);
    expect(() => parseEmulatorSeed({ zenlayer: { zones: "nope" } })).toThrow(/zones/);
  });
});
