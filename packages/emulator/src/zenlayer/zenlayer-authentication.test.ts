import { afterEach, describe, expect, it } from "vitest";
import vectorsFile from "./__fixtures__/zenlayer-signature-vectors.json" with { type: "json" };
import { startZenlayerHarness, toHeaderRecord, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";
import { DEFAULT_ZENLAYER_SEED, type ZenlayerSeed } from "./zenlayer-seed.js";

let harness: ZenlayerHarness;
afterEach(async () => harness?.close());

/** The default seed plus the key, token and resource group the Python SDK capture used. */
const CAPTURE_SEED: ZenlayerSeed = {
  zones: DEFAULT_ZENLAYER_SEED.zones,
  accounts: [
    {
      accountId: "capture-account",
      accessKeys: [{ accessKeyId: "AKIDexampleZenlayer0001", accessKeySecret: vectorsFile.sdkCapture.accessKeySecret }],
      bearerTokens: ["pat_exampletoken"],
      resourceGroups: [{ resourceGroupId: "rg-1", resourceGroupName: "capture", isDefault: true }],
    },
  ],
};

describe("Zenlayer emulator authentication over HTTP", () => {
  it("accepts a hand-signed request shaped like the docs' vector and rejects it with one body byte changed", async () => {
    harness = await startZenlayerHarness();
    const docs = vectorsFile.vectors[0] as (typeof vectorsFile.vectors)[0];
    const options = { contentType: docs.input.contentType, version: "2022-11-20" };
    const accepted = await harness.call("DescribeEipAddresses", docs.input.payload, options);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({
      requestId: expect.stringMatching(/^T[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/),
      response: { requestId: accepted.json?.["requestId"], totalCount: 0, dataSet: [] },
    });
    const tampered = docs.input.payload.replace('"pageSize":10', '"pageSize":11');
    const rejected = await harness.call("DescribeEipAddresses", docs.input.payload, { ...options, sentBody: tampered });
    expect(rejected.status).toBe(401);
    expect(rejected.json).toEqual({
      requestId: expect.any(String),
      code: "AUTHFAILURE_SIGNATURE_FAILURE",
      message: expect.any(String),
    });
    expect(rejected.json).not.toHaveProperty("response");
  });

  it("replays the official Python SDK's captured bytes and headers unchanged (Host 127.0.0.1:38877)", async () => {
    // The capture's frozen clock: X-ZC-Timestamp 1700000000.
    harness = await startZenlayerHarness({ seed: CAPTURE_SEED, clockMs: 1_700_000_000_000 });
    const outcomes: Record<string, [number, string | undefined]> = {};
    for (const capture of vectorsFile.sdkCapture.requests) {
      // Transport headers are not signed; undici sets its own.
      const rawHeaders = toHeaderRecord(capture.headers, ["content-length", "connection"]);
      const action = rawHeaders["x-zc-action"] as string;
      const result = await harness.call(action, capture.body, { rawHeaders });
      outcomes[capture.name] = [result.status, result.json?.["code"]];
    }
    expect(outcomes).toEqual({
      "AllocateEipAddresses POSTPAID x2": [200, undefined],
      "AllocateEipAddresses PREPAID 1 month": [200, undefined],
      "DescribeEipAddresses by ids": [200, undefined],
      TerminateEipAddress: [404, "INVALID_EIP_NOT_FOUND"],
      ReleaseEipAddresses: [404, "OPERATION_FAILED_RESOURCE_NOT_FOUND"],
      "UnAssociateEipAddress (action name spelling)": [404, "INVALID_EIP_NOT_FOUND"],
      "error envelope 404": [404, "INVALID_EIP_NOT_FOUND"],
      "429 REQUEST_LIMIT_EXCEEDED then 200 (rate-limit retry)": [404, "INVALID_EIP_NOT_FOUND"],
      "429 x4 (retries exhausted, default 3)": [404, "INVALID_EIP_NOT_FOUND"],
      "500 INTERNAL_SERVER_ERROR (no retry)": [404, "INVALID_EIP_NOT_FOUND"],
    });
    expect(harness.events.count({ kind: "allocate" })).toBe(3);
  });

  it("signs over the Host with its port: a signature for another port is rejected", async () => {
    harness = await startZenlayerHarness();
    const result = await harness.call("DescribeEipAddresses", {}, { signedHost: "127.0.0.1:1" });
    expect(result.status).toBe(401);
    expect(result.json?.["code"]).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
  });

  it("hashes the received Content-Type verbatim: compact and charset variants both verify when signed as sent", async () => {
    harness = await startZenlayerHarness();
    for (const contentType of ["application/json", "application/json; charset=utf-8"]) {
      expect((await harness.call("DescribeEipAddresses", '{"pageSize": 5}', { contentType })).status).toBe(200);
    }
    const mismatch = await harness.call("DescribeEipAddresses", "{}", {
      contentType: "application/json",
      extraHeaders: { "content-type": "application/json; charset=utf-8" },
    });
    expect(mismatch.json?.["code"]).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
  });

  it("supports Bearer tokens and rejects unknown tokens, unknown keys and wrong secrets (the common list has no unknown-key code)", async () => {
    harness = await startZenlayerHarness();
    expect((await harness.call("DescribeEipAddresses", {}, { bearerToken: "polycloud-test-token" })).status).toBe(200);
    const badToken = await harness.call("DescribeEipAddresses", {}, { bearerToken: "nope" });
    expect([badToken.status, badToken.json?.["code"]]).toEqual([401, "AUTHFAILURE_INVALID_TOKEN"]);
    const unknownKey = await harness.call("DescribeEipAddresses", {}, { accessKeyId: "who" });
    expect([unknownKey.status, unknownKey.json?.["code"]]).toEqual([401, "AUTHFAILURE_SIGNATURE_FAILURE"]);
    const wrongSecret = await harness.call(
      "DescribeEipAddresses",
      {},
      { accessKeySecret: "polycloud-test-key-secreT" },
    );
    expect([wrongSecret.status, wrongSecret.json?.["code"]]).toEqual([401, "AUTHFAILURE_SIGNATURE_FAILURE"]);
    expect(wrongSecret.text).not.toContain("polycloud-test-key-secret");
  });

  it("enforces the ±300 s timestamp window with AUTHFAILURE_SIGNATURE_EXPIRED, and a clock-skew fault shifts the server clock", async () => {
    harness = await startZenlayerHarness();
    const nowSeconds = Math.floor(harness.clock.now() / 1000);
    expect((await harness.call("DescribeEipAddresses", {}, { timestamp: nowSeconds - 300 })).status).toBe(200);
    const stale = await harness.call("DescribeEipAddresses", {}, { timestamp: nowSeconds - 301 });
    expect([stale.status, stale.json?.["code"]]).toEqual([401, "AUTHFAILURE_SIGNATURE_EXPIRED"]);
    const ruleId = harness.faults.add({
      provider: "zenlayer",
      action: "DescribeEipAddresses",
      kind: "clock-skew",
      skewSeconds: 600,
      times: 1,
    });
    const skewed = await harness.call("DescribeEipAddresses", {});
    expect([skewed.status, skewed.json?.["code"]]).toEqual([401, "AUTHFAILURE_SIGNATURE_EXPIRED"]);
    expect(harness.faults.fired()[ruleId]).toBe(1);
    expect((await harness.call("DescribeEipAddresses", {})).status).toBe(200);
  });
});
