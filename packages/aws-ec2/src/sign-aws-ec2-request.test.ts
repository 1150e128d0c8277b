import { describe, expect, it } from "vitest";
import { recomputeSignature } from "../test/ec2-wire.js";
import { EC2_CONTENT_TYPE, encodeEc2QueryBody, signAwsEc2Request, signSigV4 } from "./sign-aws-ec2-request.js";

// The AWS SigV4 test suite's credentials and instant (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html).
const SUITE = {
  region: "us-east-1",
  service: "service",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  now: Date.UTC(2015, 7, 30, 12, 36, 0),
};
const SCOPE = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";

describe("signSigV4 against the AWS SigV4 test suite", () => {
  it.each([
    [
      "get-vanilla",
      { method: "GET" as const, url: "https://example.amazonaws.com/", headers: {} },
      "host;x-amz-date",
      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    ],
    [
      "post-vanilla",
      { method: "POST" as const, url: "https://example.amazonaws.com/", headers: {} },
      "host;x-amz-date",
      "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
    ],
    [
      "post-x-www-form-urlencoded",
      {
        method: "POST" as const,
        url: "https://example.amazonaws.com/",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "Param1=value1",
      },
      "content-type;host;x-amz-date",
      "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
    ],
    [
      "get-vanilla-query-order-key-case",
      { method: "GET" as const, url: "https://example.amazonaws.com/?Param2=value2&Param1=value1", headers: {} },
      "host;x-amz-date",
      "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
    ],
  ])("%s", async (_name, request, signedHeaders, signature) => {
    const signed = await signSigV4(request, SUITE);
    expect(signed.headers["x-amz-date"]).toBe("20150830T123600Z");
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${SCOPE}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    );
  });
});

describe("signAwsEc2Request", () => {
  const endpoint = new URL("http://127.0.0.1:4566");
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "ec2-test-secret-value" };

  it("serialises the Query API body: Action, Version, then the parameters in order, RFC 3986 encoded", () => {
    expect(
      encodeEc2QueryBody("AllocateAddress", {
        Domain: "vpc",
        "TagSpecification.1.Tag.1.Key": "polycloud:idempotency-key",
        "TagSpecification.1.Tag.1.Value": "a b!'()*~é",
      }),
    ).toBe(
      "Action=AllocateAddress&Version=2016-11-15&Domain=vpc&TagSpecification.1.Tag.1.Key=polycloud%3Aidempotency-key&TagSpecification.1.Tag.1.Value=a%20b%21%27%28%29%2A~%C3%A9",
    );
  });

  it("signs POST / for service ec2 over content-type, host (with its port) and x-amz-date, as an independent SigV4 computes it", async () => {
    const request = await signAwsEc2Request({
      endpoint,
      action: "DescribeAddresses",
      parameters: { "AllocationId.1": "eipalloc-12345678" },
      region: "eu-west-1",
      credentials,
      now: Date.UTC(2024, 1, 29, 23, 59, 59),
    });
    expect(request).toMatchObject({
      method: "POST",
      url: "http://127.0.0.1:4566/",
      body: "Action=DescribeAddresses&Version=2016-11-15&AllocationId.1=eipalloc-12345678",
    });
    expect(request.headers).toMatchObject({
      "content-type": EC2_CONTENT_TYPE,
      host: "127.0.0.1:4566",
      "x-amz-date": "20240229T235959Z",
    });
    expect(request.headers).not.toHaveProperty("x-amz-content-sha256");
    const { sent, expected, scope } = recomputeSignature(
      { method: "POST", path: "/", headers: request.headers, body: request.body ?? "" },
      credentials.secretAccessKey,
    );
    expect(scope).toBe("20240229/eu-west-1/ec2/aws4_request");
    expect(request.headers.authorization).toContain("SignedHeaders=content-type;host;x-amz-date,");
    expect(sent).toBe(expected);
  });

  it("sends and signs a session token as x-amz-security-token", async () => {
    const request = await signAwsEc2Request({
      endpoint,
      action: "DescribeAddresses",
      parameters: {},
      region: "us-east-1",
      credentials: { ...credentials, sessionToken: "session-token-value" },
      now: SUITE.now,
    });
    expect(request.headers["x-amz-security-token"]).toBe("session-token-value");
    expect(request.headers.authorization).toContain("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,");
    const { sent, expected } = recomputeSignature(
      { method: "POST", path: "/", headers: request.headers, body: request.body ?? "" },
      credentials.secretAccessKey,
    );
    expect(sent).toBe(expected);
  });
});
