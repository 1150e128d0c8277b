import { describe, expect, it } from "vitest";
import { SeedValidationError } from "../shared/seed-validation.js";
import { DEFAULT_AWS_SEED } from "./aws-default-seed.js";
import { parseAwsSeed } from "./parse-aws-seed.js";
import { resolveAwsOptions } from "./resolve-aws-options.js";

const ACCOUNT = { accountId: "123456789012", credentials: [{ accessKeyId: "AKIA1", secretAccessKey: "s" }] };

function fieldOf(value: unknown): string | undefined {
  try {
    parseAwsSeed(value);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.field;
    throw error;
  }
  return undefined;
}

describe("parseAwsSeed", () => {
  it("accepts the default seed and returns a normalised copy", () => {
    const parsed = parseAwsSeed(JSON.parse(JSON.stringify(DEFAULT_AWS_SEED)));
    expect(parsed).toEqual(DEFAULT_AWS_SEED);
    expect(parsed).not.toBe(DEFAULT_AWS_SEED);
  });

  it("names the first bad field", () => {
    const cases: Array<[unknown, string]> = [
      [[], "aws"],
      [{ regions: [], accounts: [] }, "aws.regions"],
      [{ regions: ["US East"], accounts: [] }, "aws.regions[0]"],
      [{ regions: ["us-east-1", "us-east-1"], accounts: [] }, "aws.regions"],
      [{ regions: ["us-east-1"], accounts: [], extra: 1 }, "aws.extra"],
      [{ regions: ["us-east-1"], accounts: [], publicIpCidr: "198.51.100.0/33" }, "aws.publicIpCidr"],
      [{ regions: ["us-east-1"], accounts: [], describeLagMs: -1 }, "aws.describeLagMs"],
      [{ regions: ["us-east-1"], accounts: [{ ...ACCOUNT, accountId: "12345" }] }, "aws.accounts[0].accountId"],
      [{ regions: ["us-east-1"], accounts: [ACCOUNT, ACCOUNT] }, "aws.accounts"],
      [
        { regions: ["us-east-1"], accounts: [{ ...ACCOUNT, credentials: [{ accessKeyId: "AKIA1" }] }] },
        "aws.accounts[0].credentials[0].secretAccessKey",
      ],
      [
        {
          regions: ["us-east-1"],
          accounts: [{ ...ACCOUNT, credentials: [{ accessKeyId: "A/B", secretAccessKey: "s" }] }],
        },
        "aws.accounts[0].credentials[0].accessKeyId",
      ],
      [
        {
          regions: ["us-east-1"],
          accounts: [
            {
              ...ACCOUNT,
              credentials: [{ accessKeyId: "A", secretAccessKey: "s", sessionTokenExpiration: "2030-01-01T00:00:00Z" }],
            },
          ],
        },
        "aws.accounts[0].credentials[0].sessionTokenExpiration",
      ],
      [{ regions: ["us-east-1"], accounts: [{ ...ACCOUNT, addressLimit: 1.5 }] }, "aws.accounts[0].addressLimit"],
      [
        { regions: ["us-east-1"], accounts: [{ ...ACCOUNT, instances: [{ instanceId: "i-123", state: "running" }] }] },
        "aws.accounts[0].instances[0].instanceId",
      ],
      [
        {
          regions: ["us-east-1"],
          accounts: [{ ...ACCOUNT, instances: [{ instanceId: "i-12345678", state: "asleep" }] }],
        },
        "aws.accounts[0].instances[0].state",
      ],
      [
        {
          regions: ["us-east-1"],
          accounts: [
            { ...ACCOUNT, instances: [{ instanceId: "i-12345678", state: "running", availabilityZone: "eu-west-1a" }] },
          ],
        },
        "aws.accounts[0].instances[0].availabilityZone",
      ],
      [
        {
          regions: ["us-east-1"],
          accounts: [
            { ...ACCOUNT, instances: [{ instanceId: "i-12345678", state: "running", privateIpAddress: "10.0.0" }] },
          ],
        },
        "aws.accounts[0].instances[0].privateIpAddress",
      ],
    ];
    for (const [value, field] of cases) expect(fieldOf(value), JSON.stringify(value)).toBe(field);
  });
});

describe("resolveAwsOptions", () => {
  it("applies defaults, lets options override the seed, and rejects out-of-range values", () => {
    expect(resolveAwsOptions()).toEqual({
      describeLagMs: 0,
      rateLimit: { maxRequests: 100, windowMs: 1000 },
      timestampToleranceSeconds: 300,
      maxBodyBytes: 1_048_576,
    });
    expect(resolveAwsOptions({}, 40).describeLagMs).toBe(40);
    expect(resolveAwsOptions({ describeLagMs: 5 }, 40).describeLagMs).toBe(5);
    expect(() => resolveAwsOptions({ describeLagMs: -1 })).toThrow(/describeLagMs/);
    expect(() => resolveAwsOptions({ rateLimit: { maxRequests: 0, windowMs: 1000 } })).toThrow(/maxRequests/);
    expect(() => resolveAwsOptions({ rateLimit: { maxRequests: 1, windowMs: 0 } })).toThrow(/windowMs/);
    expect(() =>
      resolveAwsOptions({ rateLimit: { maxRequests: 1, windowMs: 1, actionLimits: { AllocateAddress: -1 } } }),
    ).toThrow(/actionLimits\.AllocateAddress/);
  });
});
