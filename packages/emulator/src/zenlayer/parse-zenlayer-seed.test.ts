import { describe, expect, it } from "vitest";
import { parseZenlayerSeed } from "./parse-zenlayer-seed.js";
import { resolveZenlayerOptions } from "./resolve-zenlayer-options.js";
import { ZENLAYER_ERROR_CODES } from "./zenlayer-error-codes.js";
import { DEFAULT_ZENLAYER_SEED } from "./zenlayer-seed.js";

describe("parseZenlayerSeed", () => {
  it("accepts the default seed and fills defaults", () => {
    const parsed = parseZenlayerSeed(JSON.parse(JSON.stringify(DEFAULT_ZENLAYER_SEED)));
    expect(parsed.zones.map((zone) => [zone.zoneId, zone.status])).toEqual([
      ["SEL-A", "SELL"],
      ["HKG-A", "SELL"],
      ["FRA-A", "SOLD_OUT"],
    ]);
    expect(parsed.accounts[0]?.accessKeys[0]).toEqual({
      accessKeyId: "polycloud-test-key-id",
      accessKeySecret: "polycloud-test-key-secret",
    });
    expect(parsed.accounts[0]?.instances.find((instance) => instance.instanceId === "bmc-sel-0001")).toMatchObject({
      esxi: false,
      eipLimit: 10,
    });
    expect(Object.isFrozen(DEFAULT_ZENLAYER_SEED.zones[0])).toBe(true);
  });

  it("keeps a key's allowedActions and the seed's listing lag", () => {
    const account = {
      accountId: "a",
      accessKeys: [{ accessKeyId: "k", accessKeySecret: "s", allowedActions: ["DescribeEipAddresses"] }],
      resourceGroups: [],
    };
    const parsed = parseZenlayerSeed({
      zones: DEFAULT_ZENLAYER_SEED.zones,
      accounts: [account],
      describeLagListings: 3,
      describeLagMs: 50,
    });
    expect(parsed.accounts[0]?.accessKeys[0]?.allowedActions).toEqual(["DescribeEipAddresses"]);
    expect([parsed.describeLagListings, parsed.describeLagMs]).toEqual([3, 50]);
    expect(resolveZenlayerOptions({ describeLagListings: 0 }, { describeLagListings: 3 }).describeLagListings).toBe(0);
    expect(resolveZenlayerOptions({}, { describeLagListings: 3 }).describeLagListings).toBe(3);
  });

  it.each([
    [null, '"zenlayer" must be an object'],
    [{ accounts: [] }, '"zenlayer.zones" must be an array'],
    [{ zones: [], accounts: [] }, '"zenlayer.accounts" must list at least one account'],
    [{ ...DEFAULT_ZENLAYER_SEED, region: "x" }, '"zenlayer.region" is not a known field'],
    [{ ...DEFAULT_ZENLAYER_SEED, zones: [{ zoneId: "A", status: "SELL", cidr: "10.0.0.1/24" }] }, "zones[0].cidr"],
    [{ ...DEFAULT_ZENLAYER_SEED, zones: [{ zoneId: "A", status: "OPEN", cidr: "10.0.0.0/24" }] }, "zones[0].status"],
    [
      { ...DEFAULT_ZENLAYER_SEED, zones: [{ zoneId: "A", status: "SELL", cidr: "10.0.0.0/24", netmasks: [16] }] },
      "zones[0].netmasks[0]",
    ],
    [
      {
        zones: DEFAULT_ZENLAYER_SEED.zones,
        accounts: [{ accountId: "a", accessKeys: [{ accessKeyId: "k" }], resourceGroups: [] }],
      },
      "accounts[0].accessKeys[0].accessKeySecret",
    ],
    [
      {
        zones: DEFAULT_ZENLAYER_SEED.zones,
        accounts: [
          {
            accountId: "a",
            accessKeys: [],
            resourceGroups: [],
            instances: [{ instanceId: "i", instanceName: "n", zoneId: "NOPE", status: "RUNNING" }],
          },
        ],
      },
      "accounts[0].instances[0].zoneId",
    ],
    [
      {
        zones: DEFAULT_ZENLAYER_SEED.zones,
        accounts: [DEFAULT_ZENLAYER_SEED.accounts[0], DEFAULT_ZENLAYER_SEED.accounts[0]],
      },
      "duplicates",
    ],
    [
      {
        zones: DEFAULT_ZENLAYER_SEED.zones,
        accounts: [
          {
            accountId: "a",
            accessKeys: [{ accessKeyId: "k", accessKeySecret: "s", allowedActions: "DescribeEipAddresses" }],
            resourceGroups: [],
          },
        ],
      },
      "accounts[0].accessKeys[0].allowedActions",
    ],
    [{ ...DEFAULT_ZENLAYER_SEED, describeLagListings: 1.5 }, "zenlayer.describeLagListings"],
    [{ ...DEFAULT_ZENLAYER_SEED, describeLagMs: -1 }, "zenlayer.describeLagMs"],
  ])("rejects %j naming the bad field", (value, fragment) => {
    expect(() => parseZenlayerSeed(value)).toThrow(fragment);
  });

  it("rejects out-of-range options by name", () => {
    expect(() => resolveZenlayerOptions({ failureRate: 2 })).toThrow("failureRate");
    expect(() => resolveZenlayerOptions({ rateLimit: { maxRequests: 0, windowMs: 1000 } })).toThrow(
      "rateLimit.maxRequests",
    );
    expect(resolveZenlayerOptions({}).provisioningDelayMs).toBe(300);
  });
});

describe("ZENLAYER_ERROR_CODES", () => {
  it("lists every code of seed 002 and the reference's table with its documented status", () => {
    const documented: Record<string, number> = {
      INVALID_ZONE_NOT_FOUND: 404,
      INVALID_EIP_TYPE_ZONE_NO_SELL: 400,
      MISSING_PARAMETER: 400,
      REQUEST_LIMIT_EXCEEDED: 429,
      INVALID_EIP_NOT_FOUND: 404,
      OPERATION_DENIED_EIP_SUBSCRIPTION: 403,
      OPERATION_DENIED_EIP_RECYCLED: 403,
      OPERATION_DENIED_EIP_NOT_RECYCLED: 403,
      INVALID_INSTANCE_NOT_FOUND: 403,
      FAILED_OPERATION_FOR_RECYCLE_RESOURCE: 403,
      OPERATION_DENIED_EIP_STATUS_NOT_SUPPORT: 403,
      INVALID_PARAMETER_TYPE: 400,
      SECURITY_CHALLENGE: 403,
      REQUEST_BLOCKED: 451,
    };
    for (const [code, status] of Object.entries(documented)) {
      expect(ZENLAYER_ERROR_CODES[code as keyof typeof ZENLAYER_ERROR_CODES]?.httpStatus, code).toBe(status);
    }
    for (const code of [
      "INTERNAL_SERVER_ERROR",
      "SERVICE_TEMPORARY_UNAVAILABLE",
      "REQUEST_TIMED_OUT",
      "INVALID_OPERATION_TIMEOUT",
      "OPERATION_FAILED_RESOURCE_NOT_FOUND",
      "AUTHFAILURE_SIGNATURE_FAILURE",
      "OPERATION_DENIED_UNAVAILABLE_NETMASK",
      "OPERATION_DENIED_NETMASK_OUT_OF_STOCK",
      "OPERATION_DENIED_INSTANCE_RECYCLED",
      "OPERATION_DENIED_INSTANCE_NOT_RUNNING",
      "OPERATION_DENIED_EIP_ZONE_NOT_SAME",
      "OPERATION_DENIED_EIP_STATUS_NOT_AVAILABLE",
      "OPERATION_DENIED_EIP_ESXI_INSTANCE_ASSIGN",
      "OPERATION_DENIED_EIP_INSTANCE_EXCEED_LIMIT",
      "INVALID_ESXI_NOT_SUPPORT",
      "OPERATION_FAILED_RESOURCE_GROUP_NOT_FOUND",
    ]) {
      expect(ZENLAYER_ERROR_CODES, code).toHaveProperty(code);
    }
  });
});
