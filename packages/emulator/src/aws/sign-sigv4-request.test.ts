import { Readable } from "node:stream";
import { AllocateAddressCommand, DescribeAddressesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { describe, expect, it } from "vitest";
import type { ReceivedRequest } from "../shared/received-request.js";
import { SIGV4_SUITE_KEY, SIGV4_SUITE_VECTORS } from "./__fixtures__/sigv4-suite-vectors.js";
import { DEFAULT_AWS_CREDENTIALS } from "./aws-default-seed.js";
import { AwsApiError } from "./aws-api-error.js";
import {
  buildSigV4CanonicalRequest,
  buildSigV4StringToSign,
  computeSigV4Signature,
  deriveSigV4SigningKey,
  hashSha256Hex,
  signSigV4Request,
} from "./sign-sigv4-request.js";
import { verifySigV4Request, type SigV4Directory } from "./verify-sigv4-request.js";

// The SDK warns once per process that Node 20 support ends in 2027; the tests do not need to hear it.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

function receivedFromTarget(
  method: string,
  target: string,
  headers: Record<string, string[]>,
  body: string,
): ReceivedRequest {
  const queryStart = target.indexOf("?");
  return {
    method,
    path: queryStart < 0 ? target : target.slice(0, queryStart),
    rawQuery: queryStart < 0 ? "" : target.slice(queryStart + 1),
    headers,
    body: Buffer.from(body),
  };
}

const DIRECTORY: SigV4Directory = {
  regions: ["us-east-1"],
  findCredential: (accessKeyId) => {
    const keys = [DEFAULT_AWS_CREDENTIALS, DEFAULT_AWS_CREDENTIALS.session];
    const key = keys.find((candidate) => candidate.accessKeyId === accessKeyId);
    return key === undefined ? undefined : { ...key, accountId: "123456789012" };
  },
};

/** Runs one command through the official SDK and returns the request it signed (captured, never sent). */
async function captureSdkRequest(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  command: AllocateAddressCommand | DescribeAddressesCommand,
): Promise<ReceivedRequest> {
  let captured: ReceivedRequest | undefined;
  const client = new EC2Client({
    endpoint: "http://127.0.0.1:4510",
    region: "us-east-1",
    credentials: { ...credentials },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: {
        method: string;
        path: string;
        query?: Record<string, string>;
        headers: Record<string, string>;
        body?: string;
      }) {
        captured = {
          method: request.method,
          path: request.path,
          rawQuery: new URLSearchParams(request.query ?? {}).toString(),
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), [value]]),
          ),
          body: Buffer.from(request.body ?? ""),
        };
        const xml =
          '<DescribeAddressesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><addressesSet/></DescribeAddressesResponse>';
        return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(xml)]) } };
      },
    } as never,
  });
  await client.send(command as DescribeAddressesCommand).catch(() => undefined);
  if (captured === undefined) throw new Error("the SDK sent nothing");
  return captured;
}

/** Changes one character so that its meaning changes too (flipping the low bit never yields the same character). */
function mutateAt(text: string, index: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ 1) + text.slice(index + 1);
}

describe("SigV4 signing against the published AWS test suite", () => {
  it("derives the documented signing key", () => {
    // The worked example of AWS's SigV4 documentation: secret, 20120215, us-east-1, iam.
    expect(deriveSigV4SigningKey(SIGV4_SUITE_KEY.secretAccessKey, "20120215", "us-east-1", "iam").toString("hex")).toBe(
      "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
    );
  });

  it.each(SIGV4_SUITE_VECTORS.map((vector) => [vector.name, vector] as const))("reproduces %s", (_name, vector) => {
    const received = receivedFromTarget(vector.method, vector.target, vector.headers, vector.body);
    const canonical = buildSigV4CanonicalRequest(
      received,
      vector.signedHeaders,
      hashSha256Hex(received.body),
    ) as string;
    if (vector.canonicalRequest !== undefined) expect(canonical).toBe(vector.canonicalRequest);
    const { amzDate, region, service, secretAccessKey } = SIGV4_SUITE_KEY;
    const stringToSign = buildSigV4StringToSign(
      amzDate,
      `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`,
      canonical,
    );
    if (vector.stringToSign !== undefined) expect(stringToSign).toBe(vector.stringToSign);
    expect(
      computeSigV4Signature(deriveSigV4SigningKey(secretAccessKey, amzDate.slice(0, 8), region, service), stringToSign),
    ).toBe(vector.signature);
  });

  it("signs get-vanilla through signSigV4Request to the published Authorization", () => {
    const { accessKeyId, secretAccessKey, region, service, amzDate } = SIGV4_SUITE_KEY;
    const signed = signSigV4Request({
      method: "GET",
      url: "https://example.amazonaws.com/",
      accessKeyId,
      secretAccessKey,
      region,
      service,
      amzDate,
    });
    expect(signed.headers["authorization"]).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });
});

describe("verifySigV4Request with requests signed by @aws-sdk/client-ec2", () => {
  const allocate = new AllocateAddressCommand({
    Domain: "vpc",
    TagSpecifications: [{ ResourceType: "elastic-ip", Tags: [{ Key: "a b", Value: "x&y=ü" }] }],
  });

  it("accepts the SDK's requests, long-term and session, and names the caller and region", async () => {
    const longTerm = await captureSdkRequest(DEFAULT_AWS_CREDENTIALS, allocate);
    expect(longTerm.headers["authorization"]?.[0]).toMatch(
      /^AWS4-HMAC-SHA256 Credential=polycloud-test-key-id\/\d{8}\/us-east-1\/ec2\/aws4_request, SignedHeaders=[^,]*host;/,
    );
    expect(verifySigV4Request(longTerm, DIRECTORY)).toMatchObject({
      accessKeyId: "polycloud-test-key-id",
      accountId: "123456789012",
      region: "us-east-1",
    });
    const session = await captureSdkRequest(
      DEFAULT_AWS_CREDENTIALS.session,
      new DescribeAddressesCommand({ Filters: [{ Name: "tag:k", Values: ["v*"] }] }),
    );
    expect(session.headers["x-amz-security-token"]).toEqual([DEFAULT_AWS_CREDENTIALS.session.sessionToken]);
    expect(verifySigV4Request(session, DIRECTORY).accessKeyId).toBe(DEFAULT_AWS_CREDENTIALS.session.accessKeyId);
  });

  it("rejects the SDK's request with any single byte of the body, a signed header or the Authorization changed", async () => {
    const original = await captureSdkRequest(DEFAULT_AWS_CREDENTIALS.session, allocate);
    const authorization = original.headers["authorization"]?.[0] as string;
    const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(";") ?? [];
    const variants: Array<[string, ReceivedRequest]> = [];
    const body = original.body.toString("utf8");
    for (let index = 0; index < body.length; index += 1)
      variants.push([`body[${index}]`, { ...original, body: Buffer.from(mutateAt(body, index)) }]);
    for (let index = 0; index < authorization.length; index += 1) {
      variants.push([
        `authorization[${index}]`,
        { ...original, headers: { ...original.headers, authorization: [mutateAt(authorization, index)] } },
      ]);
    }
    for (const name of signed) {
      const value = original.headers[name]?.[0] ?? "";
      for (let index = 0; index < value.length; index += 1) {
        // Flipping a space to "!" only changes inner whitespace that canonicalisation collapses; every other byte counts.
        if (value[index] === " " && index > 0 && index < value.length - 1 && value[index - 1] === " ") continue;
        variants.push([
          `${name}[${index}]`,
          { ...original, headers: { ...original.headers, [name]: [mutateAt(value, index)] } },
        ]);
      }
    }
    variants.push(
      ["method", { ...original, method: "PUT" }],
      ["path", { ...original, path: "/x" }],
      ["query", { ...original, rawQuery: "a=b" }],
    );
    for (const [label, variant] of variants)
      expect(() => verifySigV4Request(variant, DIRECTORY), label).toThrow(AwsApiError);
    expect(() => verifySigV4Request(original, DIRECTORY)).not.toThrow();
  });
});
