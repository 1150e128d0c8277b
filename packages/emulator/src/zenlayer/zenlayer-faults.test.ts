import { afterEach, describe, expect, it } from "vitest";
import { startZenlayerHarness, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";
import type { FaultRule } from "../shared/fault-rules.js";

let harness: ZenlayerHarness;
afterEach(async () => harness?.close());

const ALLOCATE = { zoneId: "SEL-A", eipChargeType: "POSTPAID" };

function addRule(rule: Omit<FaultRule, "provider">): string {
  return harness.faults.add({ provider: "zenlayer", action: "AllocateEipAddresses", ...rule });
}

function allocations(): number {
  return harness.events.count({ provider: "zenlayer", kind: "allocate" });
}

describe("Zenlayer fault injection, observed from an undici client", () => {
  it("throttle, server-error and error-code answer Zenlayer envelopes without touching state", async () => {
    harness = await startZenlayerHarness();
    addRule({ kind: "throttle", times: 1 });
    addRule({ kind: "server-error", times: 1 });
    addRule({ kind: "server-error", code: "SERVICE_TEMPORARY_UNAVAILABLE", times: 1 });
    addRule({ kind: "error-code", code: "INVALID_OPERATION_TIMEOUT", httpStatus: 408, message: "try later", times: 1 });
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const result = await harness.call("AllocateEipAddresses", ALLOCATE);
      expect(Object.keys(result.json ?? {}).sort()).toEqual(["code", "message", "requestId"]);
      answers.push([result.status, result.json?.["code"]]);
    }
    expect(answers).toEqual([
      [429, "REQUEST_LIMIT_EXCEEDED"],
      [500, "INTERNAL_SERVER_ERROR"],
      [503, "SERVICE_TEMPORARY_UNAVAILABLE"],
      [408, "INVALID_OPERATION_TIMEOUT"],
    ]);
    expect(allocations()).toBe(0);
    expect((await harness.call("AllocateEipAddresses", ALLOCATE)).status).toBe(200);
    expect(allocations()).toBe(1);
  });

  it("reset-before drops the connection with no state change; reset-after-commit loses the response of a committed allocation", async () => {
    harness = await startZenlayerHarness();
    addRule({ kind: "reset-before", times: 1 });
    await expect(harness.call("AllocateEipAddresses", ALLOCATE)).rejects.toThrow();
    expect(allocations()).toBe(0);
    addRule({ kind: "reset-after-commit", times: 1 });
    await expect(harness.call("AllocateEipAddresses", ALLOCATE)).rejects.toThrow();
    expect(allocations()).toBe(1);
    const listed = await harness.call("DescribeEipAddresses", {});
    expect(listed.json?.["response"]["totalCount"]).toBe(1);
  });

  it("hang never answers (the client times out); slow answers after delayMs", async () => {
    harness = await startZenlayerHarness();
    addRule({ kind: "hang", times: 1 });
    await expect(harness.call("AllocateEipAddresses", ALLOCATE, { abortAfterMs: 150 })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(allocations()).toBe(0);
    addRule({ kind: "slow", delayMs: 120, times: 1 });
    const started = performance.now();
    const slow = await harness.call("AllocateEipAddresses", ALLOCATE);
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("malformed-json and wrong-content-type answer 200 after committing", async () => {
    harness = await startZenlayerHarness();
    addRule({ kind: "malformed-json", times: 1 });
    addRule({ kind: "wrong-content-type", times: 1 });
    const malformed = await harness.call("AllocateEipAddresses", ALLOCATE);
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined();
    expect(malformed.text.startsWith('{"requestId":"T')).toBe(true);
    const html = await harness.call("AllocateEipAddresses", ALLOCATE);
    expect([html.status, html.contentType]).toEqual([200, "text/html; charset=utf-8"]);
    expect(html.text).toContain("<html>");
    expect(allocations()).toBe(2);
  });

  it("draws probabilistic faults deterministically under a seed", async () => {
    const statuses: number[][] = [];
    for (const randomSeed of [7, 7]) {
      harness = await startZenlayerHarness({
        randomSeed,
        rules: [{ provider: "zenlayer", kind: "server-error", probability: 0.5 }],
      });
      const run: number[] = [];
      for (let attempt = 0; attempt < 12; attempt += 1)
        run.push((await harness.call("DescribeEipAddresses", {})).status);
      statuses.push(run);
      await harness.close();
    }
    expect(statuses[0]).toEqual(statuses[1]);
    expect(new Set(statuses[0])).toEqual(new Set([200, 500]));
  });
});

describe("Zenlayer rate limit and robustness", () => {
  it("answers 429 REQUEST_LIMIT_EXCEEDED past maxRequests per window and access key", async () => {
    harness = await startZenlayerHarness({ options: { rateLimit: { maxRequests: 3, windowMs: 1000 } } });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1)
      statuses.push((await harness.call("DescribeEipAddresses", {})).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await harness.call("DescribeEipAddresses", {});
    expect(limited.json?.["code"]).toBe("REQUEST_LIMIT_EXCEEDED");
    // The Bearer token is another caller with its own bucket.
    expect((await harness.call("DescribeEipAddresses", {}, { bearerToken: "polycloud-test-token" })).status).toBe(200);
    harness.clock.advance(1000);
    expect((await harness.call("DescribeEipAddresses", {})).status).toBe(200);
  });

  it("answers bad input with error envelopes and keeps serving", async () => {
    harness = await startZenlayerHarness({ options: { maxBodyBytes: 64 } });
    const cases: Array<[string, unknown, Parameters<ZenlayerHarness["call"]>[2], number, string]> = [
      ["DescribeEipAddresses", JSON.stringify({ pad: "x".repeat(100) }), {}, 413, "REQUEST_BODY_TOO_LARGE"],
      ["DescribeEipAddresses", "{not json", {}, 400, "INVALID_REQUEST_BODY"],
      ["DescribeEipAddresses", "[1,2]", {}, 400, "INVALID_PARAMETER_TYPE"],
      ["DescribeEipAddresses", { pageSize: 1001 }, {}, 400, "INVALID_PARAMETER_EXCEED_MAXIMUM"],
      ["DescribeEipAddresses", { eipIds: "eip-1" }, {}, 400, "INVALID_PARAMETER_TYPE"],
      ["UnassociateEipAddress", {}, {}, 403, "AUTHFAILURE_UNAUTHORIZED_OPERATION"],
      ["DeleteEverything", {}, {}, 403, "AUTHFAILURE_UNAUTHORIZED_OPERATION"],
      ["DescribeEipAddresses", {}, { version: "2020-01-01" }, 400, "INVALID_VERSION"],
      ["DescribeEipAddresses", {}, { path: "/api/v2/zec" }, 404, "INVALID_REQUEST_PATH"],
      ["DescribeEipAddresses", {}, { method: "PUT" }, 405, "INVALID_HTTP_METHOD"],
      [
        "DescribeEipAddresses",
        {},
        { extraHeaders: { "x-zc-signature-method": "HMAC-SHA1" } },
        401,
        "AUTHFAILURE_SIGNATURE_FAILURE",
      ],
    ];
    for (const [action, parameters, options, status, code] of cases) {
      const result = await harness.call(action, parameters, options);
      expect([result.status, result.json?.["code"]], `${action} ${JSON.stringify(options)}`).toEqual([status, code]);
    }
    const invalidUtf8 = await harness.call("DescribeEipAddresses", Buffer.from([0x7b, 0xff, 0x7d]));
    expect([invalidUtf8.status, invalidUtf8.json?.["code"]]).toEqual([400, "INVALID_REQUEST_BODY"]);
    const unsigned = await harness.call(
      "DescribeEipAddresses",
      {},
      {
        rawHeaders: {
          "content-type": "application/json",
          "x-zc-action": "DescribeEipAddresses",
          "x-zc-version": "2026-02-01",
        },
      },
    );
    expect([unsigned.status, unsigned.json?.["code"]]).toEqual([401, "AUTHFAILURE_INVALID_AUTHORIZATION"]);
    expect((await harness.call("DescribeEipAddresses", {})).status).toBe(200);
  });
});
