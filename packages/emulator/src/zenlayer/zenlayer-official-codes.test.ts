import { afterEach, describe, expect, it } from "vitest";
import { startZenlayerHarness, type CallOptions, type ZenlayerHarness } from "./__fixtures__/zenlayer-harness.js";
import { DEFAULT_ZENLAYER_SEED, type ZenlayerSeed } from "./zenlayer-seed.js";

let harness: ZenlayerHarness;
afterEach(async () => harness?.close());

async function expectAnswer(
  action: string,
  parameters: unknown,
  status: number,
  code: string,
  options: CallOptions = {},
): Promise<void> {
  const result = await harness.call(action, parameters, options);
  expect([result.status, result.json?.["code"]], `${action} ${JSON.stringify(parameters)}`).toEqual([status, code]);
  expect(result.json).not.toHaveProperty("response");
}

const allocate = (fields: Record<string, unknown>) => ({ zoneId: "SEL-A", eipChargeType: "POSTPAID", ...fields });
const tagged = (key: string, value: string | undefined) =>
  allocate({ tags: { tags: [value === undefined ? { key } : { key, value }] } });

describe("the official common validation codes", () => {
  it.each([
    ["amount above 100", "AllocateEipAddresses", allocate({ amount: 101 }), "INVALID_PARAMETER_EXCEED_MAXIMUM"],
    ["amount 1e9", "AllocateEipAddresses", allocate({ amount: 1e9 }), "INVALID_PARAMETER_EXCEED_MAXIMUM"],
    [
      "period above 36",
      "AllocateEipAddresses",
      allocate({ eipChargeType: "PREPAID", eipChargePrepaid: { period: 37 } }),
      "INVALID_PARAMETER_EXCEED_MAXIMUM",
    ],
    ["pageSize above 1000", "DescribeEipAddresses", { pageSize: 1001 }, "INVALID_PARAMETER_EXCEED_MAXIMUM"],
    ["amount 0", "AllocateEipAddresses", allocate({ amount: 0 }), "INVALID_PARAMETER_LESS_MINIMUM"],
    [
      "period 0",
      "AllocateEipAddresses",
      allocate({ eipChargeType: "PREPAID", eipChargePrepaid: { period: 0 } }),
      "INVALID_PARAMETER_LESS_MINIMUM",
    ],
    ["pageNum 0", "DescribeEipAddresses", { pageNum: 0 }, "INVALID_PARAMETER_LESS_MINIMUM"],
    [
      "101 eipIds",
      "DescribeEipAddresses",
      { eipIds: Array.from({ length: 101 }, (_, index) => `eip-${index}`) },
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [
      "21 tags",
      "AllocateEipAddresses",
      allocate({ tags: { tags: Array.from({ length: 21 }, (_, index) => ({ key: `k${index}`, value: "v" })) } }),
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [
      "tag value of 129 characters",
      "AllocateEipAddresses",
      tagged("team", "x".repeat(129)),
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [
      "tag value of 100 kB",
      "AllocateEipAddresses",
      tagged("team", "x".repeat(100_000)),
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    [
      "tag key of 129 characters",
      "AllocateEipAddresses",
      tagged("k".repeat(129), "v"),
      "INVALID_PARAMETER_EXCEED_LENGTH",
    ],
    ["empty tag value", "AllocateEipAddresses", tagged("team", ""), "INVALID_PARAMETER_LESS_LENGTH"],
    ["absent tag value", "AllocateEipAddresses", tagged("team", undefined), "INVALID_PARAMETER_LESS_LENGTH"],
    ["empty tag key", "AllocateEipAddresses", tagged("", "v"), "INVALID_PARAMETER_LESS_LENGTH"],
    ["empty eipId in a list", "DescribeEipAddresses", { eipIds: [""] }, "INVALID_PARAMETER_LESS_LENGTH"],
    ["tag value with CR/LF", "AllocateEipAddresses", tagged("team", "a\r\nb"), "INVALID_PARAMETER_PATTERN_ERROR"],
    ["tag key with NUL", "AllocateEipAddresses", tagged("te\u0000am", "v"), "INVALID_PARAMETER_PATTERN_ERROR"],
    [
      "ipAddress filter not IPv4",
      "DescribeEipAddresses",
      { ipAddress: "198.18.0.256" },
      "INVALID_PARAMETER_PATTERN_ERROR",
    ],
    ["unknown charge type", "AllocateEipAddresses", allocate({ eipChargeType: "MONTHLY" }), "INVALID_PARAMETER_VALUE"],
    ["unknown status filter", "DescribeEipAddresses", { eipStatus: "BINDED" }, "INVALID_PARAMETER_VALUE"],
  ])("%s → 400 %s, and nothing is allocated", async (_label, action, parameters, code) => {
    harness = await startZenlayerHarness();
    await expectAnswer(action, parameters, 400, code);
    expect(harness.events.count({ kind: "allocate" })).toBe(0);
  });

  it("accepts the bounds themselves", async () => {
    harness = await startZenlayerHarness();
    expect((await harness.call("AllocateEipAddresses", tagged("k".repeat(128), "v".repeat(128)))).status).toBe(200);
    expect(
      (await harness.call("DescribeEipAddresses", { pageSize: 1000, pageNum: 1, ipAddress: "198.18.0.1" })).status,
    ).toBe(200);
  });
});

describe("the official common authentication codes", () => {
  it("tells a malformed Authorization header (INVALID_AUTHORIZATION) from a wrong signature (SIGNATURE_FAILURE)", async () => {
    harness = await startZenlayerHarness();
    const unsigned = {
      "content-type": "application/json",
      "x-zc-action": "DescribeEipAddresses",
      "x-zc-version": "2026-02-01",
    };
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_INVALID_AUTHORIZATION", { rawHeaders: unsigned });
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_INVALID_AUTHORIZATION", {
      extraHeaders: { authorization: "ZC2-HMAC-SHA256 Credential=polycloud-test-key-id" },
    });
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_INVALID_AUTHORIZATION", {
      extraHeaders: { authorization: "HMAC-SHA1 Credential=a, SignedHeaders=content-type;host, Signature=00" },
    });
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_SIGNATURE_FAILURE", {
      accessKeySecret: "not-the-secret",
    });
  });

  it("answers AUTHFAILURE_SIGNATURE_EXPIRED outside five minutes of the server clock, either way", async () => {
    harness = await startZenlayerHarness();
    const nowSeconds = Math.floor(harness.clock.now() / 1000);
    expect((await harness.call("DescribeEipAddresses", {}, { timestamp: nowSeconds + 300 })).status).toBe(200);
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_SIGNATURE_EXPIRED", {
      timestamp: nowSeconds + 301,
    });
    await expectAnswer("DescribeEipAddresses", {}, 401, "AUTHFAILURE_SIGNATURE_EXPIRED", {
      timestamp: nowSeconds - 3600,
    });
  });

  it("answers 403 AUTHFAILURE_UNAUTHORIZED_OPERATION for an action outside the key's allowedActions, and for an unknown action", async () => {
    const account = DEFAULT_ZENLAYER_SEED.accounts[0] as ZenlayerSeed["accounts"][number];
    const seed: ZenlayerSeed = {
      ...DEFAULT_ZENLAYER_SEED,
      accounts: [
        {
          ...account,
          accessKeys: [
            ...account.accessKeys,
            {
              accessKeyId: "read-only-key",
              accessKeySecret: "read-only-secret",
              allowedActions: ["DescribeEipAddresses"],
            },
          ],
        },
      ],
    };
    harness = await startZenlayerHarness({ seed });
    const readOnly = { accessKeyId: "read-only-key", accessKeySecret: "read-only-secret" };
    expect((await harness.call("DescribeEipAddresses", {}, readOnly)).status).toBe(200);
    await expectAnswer("AllocateEipAddresses", allocate({}), 403, "AUTHFAILURE_UNAUTHORIZED_OPERATION", readOnly);
    expect(harness.events.count({ kind: "allocate" })).toBe(0);
    // The unrestricted key of the same account may.
    expect((await harness.call("AllocateEipAddresses", allocate({}))).status).toBe(200);
    await expectAnswer("RenewEverything", {}, 403, "AUTHFAILURE_UNAUTHORIZED_OPERATION");
  });
});

describe("not-found answers", () => {
  it("ReleaseEipAddresses of an unknown or released id answers 404 OPERATION_FAILED_RESOURCE_NOT_FOUND; Terminate keeps INVALID_EIP_NOT_FOUND", async () => {
    harness = await startZenlayerHarness();
    await expectAnswer("ReleaseEipAddresses", { eipIds: ["eip-99999999"] }, 404, "OPERATION_FAILED_RESOURCE_NOT_FOUND");
    await expectAnswer("TerminateEipAddress", { eipId: "eip-99999999" }, 404, "INVALID_EIP_NOT_FOUND");
  });
});
