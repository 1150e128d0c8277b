import { describe, expect, it } from "vitest";
import { AWS_EC2_CAPABILITIES } from "./aws-ec2-allocator.js";
import { resolveAwsEc2Settings } from "./aws-ec2-settings.js";
import { validateAwsEc2Request } from "./validate-aws-ec2-request.js";

const paths = (thrown: unknown) => (thrown as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path);

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (thrown) {
    expect(thrown).toMatchObject({ code: "INVALID_ARGUMENT", provider: "aws-ec2" });
    return paths(thrown);
  }
  throw new Error("expected INVALID_ARGUMENT");
}

describe("resolveAwsEc2Settings", () => {
  it("derives the regional endpoint, or takes the one given", () => {
    expect(resolveAwsEc2Settings({ region: "eu-west-1" }).endpointUrl.href).toBe(
      "https://ec2.eu-west-1.amazonaws.com/",
    );
    expect(resolveAwsEc2Settings({ region: "cn-north-1" }).endpointUrl.href).toBe(
      "https://ec2.cn-north-1.amazonaws.com.cn/",
    );
    expect(resolveAwsEc2Settings({ region: "us-east-1", endpoint: "http://127.0.0.1:4566" }).endpointUrl.host).toBe(
      "127.0.0.1:4566",
    );
  });

  it("accepts static credentials or a credential provider function, and the shared settings vocabulary", () => {
    const provider = async () => ({ accessKeyId: "a", secretAccessKey: "b" });
    expect(resolveAwsEc2Settings({ region: "us-east-1", credentials: provider }).credentials).toBe(provider);
    const settings = resolveAwsEc2Settings({
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
      operationTimeoutMs: 5_000,
      requestTimeoutMs: 1_000,
      connectTimeoutMs: 500,
      waitTimeoutMs: 2_000,
      retry: { maxAttempts: 2 },
      reconcile: { checks: 2 },
      rateLimit: { maxRequests: 5, windowMs: 1_000 },
    });
    expect(settings).toMatchObject({
      retry: { maxAttempts: 2 },
      reconcile: { checks: 2 },
      rateLimit: { maxRequests: 5 },
    });
  });

  it("refuses plain http:// off loopback unless allowInsecureHttp, user info, and credentials with control characters", () => {
    expect(issuesOf(() => resolveAwsEc2Settings({ region: "us-east-1", endpoint: "http://ec2.example.com" }))).toEqual([
      "endpoint",
    ]);
    expect(
      resolveAwsEc2Settings({ region: "us-east-1", endpoint: "http://ec2.example.com", allowInsecureHttp: true })
        .endpointUrl.protocol,
    ).toBe("http:");
    expect(
      issuesOf(() => resolveAwsEc2Settings({ region: "us-east-1", endpoint: "https://user:pass@ec2.example.com" })),
    ).toEqual(["endpoint"]);
    expect(
      issuesOf(() =>
        resolveAwsEc2Settings({
          region: "us-east-1",
          credentials: { accessKeyId: "AKIA", secretAccessKey: "line\nbreak" },
        }),
      ),
    ).toEqual(["credentials.secretAccessKey"]);
  });

  it("names every bad setting", () => {
    expect(issuesOf(() => resolveAwsEc2Settings({}))).toEqual(["region"]);
    expect(
      issuesOf(() =>
        resolveAwsEc2Settings({
          region: "Virginia",
          endpoint: "https://ec2.example.com/path",
          credentials: { accessKeyId: "a" },
          retry: { maxAttempts: 0 },
          surprise: 1,
        }),
      ),
    ).toEqual(expect.arrayContaining(["region", "endpoint", "credentials", "retry.maxAttempts", ""]));
  });
});

describe("validateAwsEc2Request", () => {
  const context = { capabilities: AWS_EC2_CAPABILITIES, region: "us-east-1" };

  it("returns the request with defaults and this provider's options", () => {
    const { request, providerOptions } = validateAwsEc2Request(
      {
        location: { region: "us-east-1" },
        instanceId: "i-0123456789abcdef0",
        providerOptions: { "aws-ec2": { networkBorderGroup: "us-east-1" }, "zenlayer-eip": { netmask: 32 } },
      },
      context,
    );
    expect(request).toMatchObject({ count: 1, tags: {}, instanceId: "i-0123456789abcdef0" });
    expect(providerOptions).toEqual({ networkBorderGroup: "us-east-1" });
    expect(
      validateAwsEc2Request({ location: { region: "us-east-1" }, instanceId: "i-01234567" }, context).request
        .instanceId,
    ).toBe("i-01234567");
  });

  it("lists every bad field in one error, before anything is sent", () => {
    const tags = {
      ...Object.fromEntries(Array.from({ length: 48 }, (_, index) => [`t${index}`, "v"])),
      "aws:cloudformation": "x",
      "polycloud:idempotency-key": "y",
    };
    expect(
      issuesOf(() =>
        validateAwsEc2Request(
          {
            location: { region: "eu-west-1" },
            instanceId: "i-xyz",
            count: 2,
            tags,
            providerOptions: { "aws-ec2": { pool: "x" } },
          },
          context,
        ),
      ),
    ).toEqual(
      expect.arrayContaining([
        "count",
        "providerOptions.aws-ec2",
        "location.region",
        "instanceId",
        "tags",
        "tags.aws:cloudformation",
        "tags.polycloud:idempotency-key",
      ]),
    );
    expect(issuesOf(() => validateAwsEc2Request({ location: { zone: "us-east-1a" } }, context))).toEqual([
      "location.region",
    ]);
  });
});
