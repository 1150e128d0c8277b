import { request } from "undici";
import { describe, expect, it } from "vitest";
import type { FaultRule } from "../shared/fault-rules.js";
import { useAlibabaTestEmulator } from "./__fixtures__/use-alibaba-test-emulator.js";
import { buildV3Request, callV3, formatTimestamp, type WireRequest } from "./__fixtures__/alibaba-test-client.js";
import { ALIBABA_SEED_ERROR_CODES } from "./alibaba-error-codes.js";

const harness = useAlibabaTestEmulator();
const start = harness.start;

function allocateRequest(endpoint: string, instanceId = "i-polycloud0001"): WireRequest {
  return buildV3Request({ endpoint, action: "AllocatePublicIpAddress", query: { InstanceId: instanceId } });
}

function send(wire: WireRequest, timeoutMs?: number) {
  return request(wire.url, {
    method: wire.method,
    headers: wire.headers,
    ...(timeoutMs === undefined ? {} : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  });
}

const allocations = (): number => harness.emulator?.events.count({ kind: "allocate" }) ?? -1;

describe("Alibaba fault injection, observed from a client", () => {
  it("throttle answers Throttling.User 400 without processing; code overrides work", async () => {
    const endpoint = await start({
      faults: [{ provider: "alibaba", action: "AllocatePublicIpAddress", kind: "throttle", times: 1 }],
    });
    const throttled = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    expect([throttled.status, throttled.json["Code"]]).toEqual([400, "Throttling.User"]);
    expect(allocations()).toBe(0);
    harness.emulator?.faults.add({ provider: "alibaba", kind: "throttle", code: "Throttling.Api", times: 1 });
    expect((await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).json["Code"]).toBe(
      "Throttling.Api",
    );
    expect((await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" })).status).toBe(200);
  });

  it("server-error answers InternalError 500, or ServiceUnavailable 503 when asked", async () => {
    const endpoint = await start({
      faults: [
        { provider: "alibaba", kind: "server-error", times: 1 },
        { provider: "alibaba", kind: "server-error", code: "ServiceUnavailable", times: 1 },
      ],
    });
    const first = await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" });
    expect([first.status, first.json["Code"]]).toEqual([500, "InternalError"]);
    const second = await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" });
    expect([second.status, second.json["Code"]]).toEqual([503, "ServiceUnavailable"]);
  });

  it("error-code produces every seed error code with the seed's HTTP status and message", async () => {
    const endpoint = await start();
    for (const entry of ALIBABA_SEED_ERROR_CODES) {
      harness.emulator?.faults.add({
        provider: "alibaba",
        action: "AllocatePublicIpAddress",
        kind: "error-code",
        code: entry.code,
        times: 1,
      });
      const response = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
      expect([response.status, response.json["Code"], response.json["Message"]], entry.code).toEqual([
        entry.httpStatus,
        entry.code,
        entry.message,
      ]);
    }
    harness.emulator?.faults.add({
      provider: "alibaba",
      kind: "error-code",
      code: "OperationDenied",
      message: 'The specified parameter "VlanId" is not valid or vlan has not enough IP address.',
      times: 1,
    });
    expect(
      (await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" })).json["Message"],
    ).toContain("VlanId");
    expect(allocations()).toBe(0);
  });

  it("reset-before drops the connection and changes nothing", async () => {
    const endpoint = await start({ faults: [{ provider: "alibaba", kind: "reset-before", times: 1 }] });
    await expect(send(allocateRequest(endpoint))).rejects.toThrow();
    expect(allocations()).toBe(0);
  });

  it("reset-after-commit drops the connection after the allocation was committed (a lost response)", async () => {
    const endpoint = await start({
      faults: [{ provider: "alibaba", action: "AllocatePublicIpAddress", kind: "reset-after-commit", times: 1 }],
    });
    await expect(send(allocateRequest(endpoint))).rejects.toThrow();
    expect(allocations()).toBe(1);
    const ip = harness.emulator?.alibabaState.getInstance("i-polycloud0001")?.publicIpAddress;
    expect(
      (await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" })).json["IpAddress"],
    ).toBe(ip);
  });

  it("hang never answers; the client times out and close() still returns promptly", async () => {
    const endpoint = await start({ faults: [{ provider: "alibaba", kind: "hang" }] });
    await expect(send(allocateRequest(endpoint), 200)).rejects.toThrow(/timeout/i);
    const pending = send(allocateRequest(endpoint, "i-polycloud0002"));
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const startedAt = Date.now();
    await harness.emulator?.close();
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    expect(harness.emulator?.events.count()).toBe(0);
  });

  it("slow answers after delayMs", async () => {
    const endpoint = await start({ faults: [{ provider: "alibaba", kind: "slow", delayMs: 300 }] });
    const startedAt = Date.now();
    const response = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    expect(response.json["IpAddress"]).toMatch(/^47\.96\./);
  });

  it("malformed-json answers 200 with a truncated body after committing", async () => {
    const endpoint = await start({ faults: [{ provider: "alibaba", kind: "malformed-json", times: 1 }] });
    const response = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json;charset=utf-8");
    expect(() => JSON.parse(response.text)).toThrow();
    expect(response.text.startsWith('{"RequestId":')).toBe(true);
    expect(allocations()).toBe(1);
  });

  it("wrong-content-type answers 200 text/html after committing", async () => {
    const endpoint = await start({ faults: [{ provider: "alibaba", kind: "wrong-content-type", times: 1 }] });
    const response = await callV3(endpoint, "AllocatePublicIpAddress", { InstanceId: "i-polycloud0001" });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.text).toContain("<html>");
    expect(allocations()).toBe(1);
  });

  it("clock-skew shifts the server clock used for the timestamp window", async () => {
    const endpoint = await start({
      faults: [{ provider: "alibaba", kind: "clock-skew", skewSeconds: 3600, times: 2 }],
    });
    const current = await callV3(endpoint, "DescribeInstanceAttribute", { InstanceId: "i-polycloud0001" });
    expect([current.status, current.json["Code"]]).toEqual([400, "InvalidTimeStamp.Expired"]);
    const ahead = await callV3(
      endpoint,
      "DescribeInstanceAttribute",
      { InstanceId: "i-polycloud0001" },
      { date: formatTimestamp(Date.now() + 3600_000) },
    );
    expect(ahead.status).toBe(200);
    expect(harness.emulator?.faults.fired()).toEqual({ "fault-1": 2 });
  });

  it("is deterministic under a seed: probability, skip and times", async () => {
    const rules: FaultRule[] = [
      { provider: "alibaba", action: "DescribeInstances", kind: "throttle", skip: 2, times: 3 },
      { provider: "alibaba", action: "DescribeInstanceAttribute", kind: "server-error", probability: 0.5 },
    ];
    const run = async (randomSeed: number): Promise<string> => {
      const endpoint = await start({ seed: { faults: rules, randomSeed } });
      let outcomes = "";
      for (let call = 0; call < 8; call += 1) {
        outcomes +=
          (await callV3(endpoint, "DescribeInstances", { RegionId: "cn-hangzhou" })).status === 200 ? "." : "T";
      }
      outcomes += "|";
      for (let call = 0; call < 24; call += 1) {
        outcomes +=
          (await callV3(endpoint, "DescribeInstanceAttribute", { InstanceId: "i-polycloud0001" })).status === 200
            ? "."
            : "E";
      }
      await harness.emulator?.close();
      return outcomes;
    };
    const first = await run(42);
    expect(first.slice(0, 8)).toBe("..TTT...");
    expect(first).toMatch(/E/);
    expect(first.slice(9)).toMatch(/\./);
    expect(await run(42)).toBe(first);
    expect(await run(43)).not.toBe(first);
  });
});
