// V1 (HMAC-SHA1) signing and the encodings both signature versions share: percent-encoding, the canonical query and
// the timestamp format. V3 is in sign-alibaba-ecs-request-v3.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import vectorFile from "./__fixtures__/alibaba-vectors.json" with { type: "json" };
import {
  buildCanonicalQuery,
  buildV1StringToSign,
  formatAcsTimestamp,
  percentEncode,
  signAlibabaEcsRequest,
  signV1,
} from "./sign-alibaba-ecs-request.js";

// Vectors copied from the reference (published by Alibaba and produced by running the official SDKs).
const { inputs, vectors } = vectorFile;
const akCredentials = { accessKeyId: inputs.AK_ID, accessKeySecret: inputs.AK_SECRET };
const stsCredentials = { ...akCredentials, securityToken: inputs.STS_TOKEN };
const endpoint = new URL(`https://${inputs.HOST}`);

describe("V1 (HMAC-SHA1) vectors", () => {
  const v1Vectors = [
    [
      "doc_v1_DescribeRegions",
      "GET",
      vectors.doc_v1_DescribeRegions.params,
      vectors.doc_v1_DescribeRegions.secret,
      vectors.doc_v1_DescribeRegions,
    ],
    [
      "v1_encoding_edge",
      "GET",
      vectors.v1_encoding_edge.params,
      vectors.v1_encoding_edge.secret,
      vectors.v1_encoding_edge,
    ],
    ["v1_popcore_GET", "GET", vectors.v1_popcore_GET.signedParams, inputs.AK_SECRET, vectors.v1_popcore_GET],
    ["v1_popcore_POST", "POST", vectors.v1_popcore_POST.signedParams, inputs.AK_SECRET, vectors.v1_popcore_POST],
    [
      "v1_popcore_GET_sts",
      "GET",
      vectors.v1_popcore_GET_sts.signedParams,
      inputs.AK_SECRET,
      vectors.v1_popcore_GET_sts,
    ],
    [
      "v1_ecs20140526_POST_Format_JSON",
      "POST",
      vectors.v1_ecs20140526_POST_Format_JSON.signedParams,
      inputs.AK_SECRET,
      vectors.v1_ecs20140526_POST_Format_JSON,
    ],
    [
      "v1_ecs20140526_POST_sdkDefaultFormat_json",
      "POST",
      vectors.v1_ecs20140526_POST_sdkDefaultFormat_json.signedParams,
      inputs.AK_SECRET,
      vectors.v1_ecs20140526_POST_sdkDefaultFormat_json,
    ],
  ] as const;

  it.each(v1Vectors)("%s: string to sign and signature are byte-exact", (_name, method, params, secret, expected) => {
    const stringToSign = buildV1StringToSign(method, params as Record<string, string>);
    expect(stringToSign).toBe(expected.stringToSign);
    expect(signV1(stringToSign, secret)).toBe(expected.signature);
  });

  it("matches the SDK unit test getRPCSignature({test:'ok'}, '', 'accessKeySecret')", () => {
    const [[, expected]] = Object.entries(vectors.sdk_unittests) as [[string, string]];
    expect(signV1(buildV1StringToSign("", { test: "ok" }), "accessKeySecret")).toBe(expected);
  });

  it("puts the exact pop-core GET wire request together (Signature appended last)", () => {
    const request = signAlibabaEcsRequest({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: inputs.INSTANCE, RegionId: inputs.REGION, Format: "JSON" },
      credentials: akCredentials,
      signatureVersion: "v1",
      method: "GET",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V1,
    });
    expect(request.url).toBe(`https://${inputs.HOST}${vectors.v1_popcore_GET.wire.url}`);
    expect(request.body).toBeUndefined();
  });

  it("puts the exact pop-core GET wire request together with an STS token", () => {
    const request = signAlibabaEcsRequest({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: inputs.INSTANCE, RegionId: inputs.REGION, Format: "JSON" },
      credentials: stsCredentials,
      signatureVersion: "v1",
      method: "GET",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V1,
    });
    expect(request.url).toBe(`https://${inputs.HOST}${vectors.v1_popcore_GET_sts.wire.url}`);
  });

  it("puts the exact pop-core POST form body together", () => {
    const request = signAlibabaEcsRequest({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: inputs.INSTANCE, RegionId: inputs.REGION, Format: "JSON" },
      credentials: akCredentials,
      signatureVersion: "v1",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V1,
    });
    expect(request).toMatchObject({
      method: "POST",
      url: `https://${inputs.HOST}/`,
      body: vectors.v1_popcore_POST.wire.body,
    });
    expect(request.headers["content-type"]).toBe(vectors.v1_popcore_POST.wire.contentType);
  });
});

describe("encoding", () => {
  it("percent-encodes like Alibaba (space %20, * %2A, ~ kept, upper-case hex, UTF-8)", () => {
    expect(percentEncode(" a+b*c~d!e'f(g)h/é")).toBe("%20a%2Bb%2Ac~d%21e%27f%28g%29h%2F%C3%A9");
  });

  it("keeps only unreserved characters literal, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        const encoded = percentEncode(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
    );
  });

  it("sorts canonical parameters by name in code-unit order", () => {
    expect(buildCanonicalQuery({ b: "2", B: "1", a: "x y" })).toBe("B=1&a=x%20y&b=2");
  });

  it("formats timestamps to the second with a literal Z, also when consecutive calls cross a second", () => {
    expect(formatAcsTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5, 678))).toBe("2025-01-02T03:04:05Z");
    expect(formatAcsTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5, 999))).toBe("2025-01-02T03:04:05Z");
    expect(formatAcsTimestamp(Date.UTC(2025, 0, 2, 3, 4, 6, 0))).toBe("2025-01-02T03:04:06Z");
    expect(formatAcsTimestamp(Date.UTC(1999, 11, 31, 23, 59, 59, 1))).toBe("1999-12-31T23:59:59Z");
  });
});
