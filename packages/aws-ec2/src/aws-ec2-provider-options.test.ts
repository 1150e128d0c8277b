// Provider options reach the signed query string: a value with CR/LF/NUL, a space or 100 kB is refused as
// INVALID_ARGUMENT naming the field, and nothing is sent.
import { createCountingDispatcher } from "@polycloud/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { createAwsEc2Allocator } from "./create-aws-ec2-allocator.js";

const TEST_REGION = "us-east-1";
const TEST_CREDENTIALS = { accessKeyId: "polycloud-test-key-id", secretAccessKey: "polycloud-test-key-secret" };
const dispatcher = createCountingDispatcher();
// Nothing listens there: a request that did leave would fail as NETWORK, not INVALID_ARGUMENT.
const allocator = createAwsEc2Allocator(
  { region: TEST_REGION, endpoint: "http://127.0.0.1:9", credentials: TEST_CREDENTIALS, retry: { maxAttempts: 1 } },
  { dispatcher, env: {} },
);
afterAll(async () => {
  await allocator.close();
  await dispatcher.close();
});

const BAD_VALUES: Array<[string, string]> = [
  ["empty", ""],
  ["100 kB", "a".repeat(100_000)],
  ["65 characters", "a".repeat(65)],
  ["CR/LF", "us-east-1\r\nX-Injected: 1"],
  ["NUL", "us-east-1\u0000"],
  ["a space", "us east 1"],
  ["a trailing space", "us-east-1 "],
  ["a query separator", "us-east-1&Action=ReleaseAddress"],
];

describe("aws-ec2 provider options", () => {
  describe.each(["networkBorderGroup", "publicIpv4Pool"])("%s", (field) => {
    it.each(BAD_VALUES)("refuses %s before any request, naming the field", async (_label, value) => {
      await expect(
        allocator.allocate({ location: { region: TEST_REGION }, providerOptions: { "aws-ec2": { [field]: value } } }),
      ).rejects.toMatchObject({
        code: "INVALID_ARGUMENT",
        retryable: false,
        issues: [expect.objectContaining({ path: `providerOptions.aws-ec2.${field}` })],
      });
      expect(dispatcher.requests).toBe(0);
    });

    it("refuses a value of another type", async () => {
      for (const value of [64, true, null, ["us-east-1"], { name: "us-east-1" }]) {
        await expect(
          allocator.allocate({ location: { region: TEST_REGION }, providerOptions: { "aws-ec2": { [field]: value } } }),
        ).rejects.toMatchObject({
          code: "INVALID_ARGUMENT",
          issues: [expect.objectContaining({ path: `providerOptions.aws-ec2.${field}` })],
        });
      }
      expect(dispatcher.requests).toBe(0);
    });
  });

  it("lets real names through to the wire (the refused request is the unreachable endpoint's, not validation's)", async () => {
    for (const options of [
      { networkBorderGroup: "us-west-2-lax-1" },
      { publicIpv4Pool: "ipv4pool-ec2-1234567890abcdef0" },
      { publicIpv4Pool: "amazon" },
    ]) {
      await expect(
        allocator.allocate(
          { location: { region: TEST_REGION }, providerOptions: { "aws-ec2": options } },
          { timeoutMs: 2_000 },
        ),
      ).rejects.toMatchObject({ code: expect.stringMatching(/^(NETWORK|UNAVAILABLE|TIMEOUT)$/) });
    }
    expect(dispatcher.requests).toBeGreaterThan(0);
  });
});
