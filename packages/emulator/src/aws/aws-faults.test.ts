import { AllocateAddressCommand, DescribeAddressesCommand } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import type { FaultRule } from "../shared/fault-rules.js";
import { useAwsHarness } from "./__fixtures__/aws-harness.js";
import { DEFAULT_AWS_CREDENTIALS } from "./aws-default-seed.js";

const harness = useAwsHarness();

function addRule(rule: Omit<FaultRule, "provider">): string {
  return harness.emulator.faults.add({ provider: "aws", action: "AllocateAddress", ...rule });
}

function allocations(): number {
  return harness.emulator.events.count({ provider: "aws", kind: "allocate" });
}

describe("AWS fault injection", () => {
  it("throttle, server-error and error-code answer EC2 envelopes without touching state", async () => {
    await harness.start();
    addRule({ kind: "throttle", times: 1 });
    addRule({ kind: "server-error", times: 1 });
    addRule({ kind: "server-error", code: "Unavailable", times: 1 });
    addRule({ kind: "error-code", code: "InsufficientAddressCapacity", times: 1 });
    addRule({
      kind: "error-code",
      code: "OptInRequired",
      httpStatus: 401,
      message: "You are not subscribed to this service.",
      times: 1,
    });
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await harness.call("AllocateAddress", { Domain: "vpc" });
      expect(result.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>/);
      expect(result.headers["x-amzn-requestid"]).toBe(result.requestId);
      answers.push([result.status, result.code]);
    }
    expect(answers).toEqual([
      [503, "RequestLimitExceeded"],
      [500, "InternalError"],
      [503, "Unavailable"],
      [503, "InsufficientAddressCapacity"],
      [401, "OptInRequired"],
    ]);
    expect(allocations()).toBe(0);
    expect((await harness.call("AllocateAddress", { Domain: "vpc" })).status).toBe(200);
    expect(allocations()).toBe(1);
  });

  it("matches rules only after authentication, Action checks and flow control", async () => {
    await harness.start({ aws: { rateLimit: { maxRequests: 1, windowMs: 60_000 } } });
    const id = harness.emulator.faults.add({ provider: "aws", kind: "throttle", times: 1 });
    expect((await harness.call("AllocateAddress", {}, { unsigned: true })).code).toBe("AuthFailure");
    expect((await harness.call("AllocateAddress", {}, { secretAccessKey: "wrong" })).code).toBe(
      "SignatureDoesNotMatch",
    );
    expect((await harness.call("AllocateAddress", {}, { region: "mars-north-1" })).code).toBe("SignatureDoesNotMatch");
    expect((await harness.call("CreateVpc")).code).toBe("InvalidAction");
    expect(harness.emulator.faults.fired()[id]).toBe(0);
    expect((await harness.call("DescribeAddresses")).code).toBe("RequestLimitExceeded");
    expect(harness.emulator.faults.fired()[id]).toBe(1);
    expect((await harness.call("DescribeAddresses")).code).toBe("RequestLimitExceeded");
    expect(harness.emulator.faults.fired()[id]).toBe(1);
  });

  it("reset-before drops the connection with no state change; reset-after-commit loses the answer of a committed allocation", async () => {
    await harness.start();
    addRule({ kind: "reset-before", times: 1 });
    await expect(harness.call("AllocateAddress", { Domain: "vpc" })).rejects.toThrow();
    expect(allocations()).toBe(0);
    addRule({ kind: "reset-after-commit", times: 1 });
    await expect(
      harness.call("AllocateAddress", {
        Domain: "vpc",
        "TagSpecification.1.ResourceType": "elastic-ip",
        "TagSpecification.1.Tag.1.Key": "token",
        "TagSpecification.1.Tag.1.Value": "lost",
      }),
    ).rejects.toThrow();
    expect(allocations()).toBe(1);
    // The read-back an adapter does after an ambiguous failure finds it by tag.
    const found = await harness
      .createClient()
      .send(new DescribeAddressesCommand({ Filters: [{ Name: "tag:token", Values: ["lost"] }] }));
    expect(found.Addresses).toHaveLength(1);
  });

  it("hang never answers; slow answers after delayMs; malformed-json cuts the XML; wrong-content-type sends HTML", async () => {
    await harness.start();
    addRule({ kind: "hang", times: 1 });
    await expect(harness.call("AllocateAddress", {}, { abortAfterMs: 150 })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(allocations()).toBe(0);
    addRule({ kind: "slow", delayMs: 120, times: 1 });
    const started = performance.now();
    expect((await harness.call("AllocateAddress")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    addRule({ kind: "malformed-json", times: 1 });
    const cut = await harness.call("AllocateAddress");
    expect([cut.status, cut.headers["content-type"]]).toEqual([200, "text/xml;charset=UTF-8"]);
    expect(cut.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<AllocateAddressResponse')).toBe(true);
    expect(cut.text).not.toContain("</AllocateAddressResponse>");
    addRule({ kind: "wrong-content-type", times: 1 });
    await expect(harness.createClient().send(new AllocateAddressCommand({}))).rejects.toThrow();
    expect(allocations()).toBe(3);
  });

  it("clock-skew shifts the server clock and its date header, which the SDK corrects its clock from", async () => {
    await harness.start();
    harness.emulator.faults.add({ provider: "aws", action: "DescribeAddresses", kind: "clock-skew", skewSeconds: 900 });
    const skewed = await harness.call("DescribeAddresses");
    expect([skewed.status, skewed.code]).toEqual([400, "RequestExpired"]);
    expect(Date.parse(skewed.headers["date"] as string) - harness.clock.now()).toBeGreaterThan(899_000);
    const retrying = harness.createClient({ maxAttempts: 2 });
    const described = await retrying.send(new DescribeAddressesCommand({}));
    expect([described.$metadata.httpStatusCode, described.$metadata.attempts]).toEqual([200, 2]);
  });

  it("draws probabilistic faults deterministically under a seed", async () => {
    const runs: number[][] = [];
    for (const randomSeed of [7, 7]) {
      await harness.start({ randomSeed, faults: [{ provider: "aws", kind: "server-error", probability: 0.5 }] });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt += 1) statuses.push((await harness.call("DescribeAddresses")).status);
      runs.push(statuses);
      await harness.emulator.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(new Set(runs[0])).toEqual(new Set([200, 500]));
  });
});

describe("AWS flow control", () => {
  it("answers 503 RequestLimitExceeded past maxRequests per window and access key, and per-action caps", async () => {
    await harness.start({
      aws: { rateLimit: { maxRequests: 3, windowMs: 1000, actionLimits: { AllocateAddress: 1 } } },
    });
    expect((await harness.call("AllocateAddress")).status).toBe(200);
    const capped = await harness.call("AllocateAddress");
    expect([capped.status, capped.code, capped.message]).toEqual([
      503,
      "RequestLimitExceeded",
      "Request limit exceeded.",
    ]);
    expect((await harness.call("DescribeAddresses")).status).toBe(200);
    expect((await harness.call("DescribeAddresses")).status).toBe(200);
    expect((await harness.call("DescribeAddresses")).status).toBe(503);
    const session = DEFAULT_AWS_CREDENTIALS.session;
    expect((await harness.call("DescribeAddresses", {}, { ...session })).status).toBe(200);
    harness.clock.advance(1000);
    expect((await harness.call("DescribeAddresses")).status).toBe(200);
    expect(harness.emulator.awsState.limits.rateLimit).toEqual({
      maxRequests: 3,
      windowMs: 1000,
      actionLimits: { AllocateAddress: 1 },
    });
  });

  it("can be switched off", async () => {
    await harness.start({ aws: { rateLimit: false } });
    const statuses = await Promise.all(
      Array.from({ length: 150 }, () => harness.call("DescribeAddresses").then((result) => result.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
