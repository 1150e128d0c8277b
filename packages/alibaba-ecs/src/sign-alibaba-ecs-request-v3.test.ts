// V3 (ACS3-HMAC-SHA256) signing: the reference vectors, the SDK's wire captures and header canonicalisation. V1 and
// the shared encodings are in sign-alibaba-ecs-request-v1.test.ts.
import { describe, expect, it } from "vitest";
import vectorFile from "./__fixtures__/alibaba-vectors.json" with { type: "json" };
import {
  buildV3CanonicalRequest,
  EMPTY_BODY_SHA256,
  signAlibabaEcsRequest,
  signV3,
} from "./sign-alibaba-ecs-request.js";

// Vectors copied from the reference (published by Alibaba and produced by running the official SDKs).
const { inputs, vectors } = vectorFile;
const akCredentials = { accessKeyId: inputs.AK_ID, accessKeySecret: inputs.AK_SECRET };
const stsCredentials = { ...akCredentials, securityToken: inputs.STS_TOKEN };
const endpoint = new URL(`https://${inputs.HOST}`);

function hashOf(stringToSign: string): string {
  return stringToSign.split("\n")[1] ?? "";
}

describe("V3 (ACS3-HMAC-SHA256) vectors", () => {
  const requestVectors = [
    [
      "doc_v3_RunInstances",
      vectors.doc_v3_RunInstances.request,
      { accessKeyId: vectors.doc_v3_RunInstances.akId, accessKeySecret: vectors.doc_v3_RunInstances.secret },
      vectors.doc_v3_RunInstances.canonical,
      vectors.doc_v3_RunInstances,
    ],
    [
      "v3_minimal_POST",
      vectors.v3_minimal_POST.request,
      akCredentials,
      vectors.v3_minimal_POST.canonicalRequest,
      vectors.v3_minimal_POST,
    ],
    [
      "v3_getAuthorization_GET",
      vectors.v3_getAuthorization_GET.request,
      akCredentials,
      vectors.v3_getAuthorization_GET.canonicalRequest,
      vectors.v3_getAuthorization_GET,
    ],
    [
      "v3_getAuthorization_POST_formBody",
      vectors.v3_getAuthorization_POST_formBody.request,
      akCredentials,
      vectors.v3_getAuthorization_POST_formBody.canonicalRequest,
      vectors.v3_getAuthorization_POST_formBody,
    ],
  ] as const;

  it.each(requestVectors)(
    "%s: canonical request, string to sign and Authorization are byte-exact",
    (_name, request, credentials, canonical, expected) => {
      const signed = signV3({ ...request, query: request.query as Record<string, string> }, credentials);
      expect(signed.canonicalRequest).toBe(canonical);
      expect(signed.stringToSign).toBe(expected.stringToSign);
      expect(signed.authorization).toBe(expected.authorization);
    },
  );

  it("signs with the secret the credentials hold now, also when the same object is reused or changed", () => {
    const [, request, vectorCredentials, , expected] = requestVectors[0];
    const parts = { ...request, query: request.query as Record<string, string> };
    const credentials = { ...vectorCredentials };
    expect(signV3(parts, credentials).authorization).toBe(expected.authorization);
    expect(signV3(parts, credentials).authorization).toBe(expected.authorization);
    credentials.accessKeySecret = `${vectorCredentials.accessKeySecret}-rotated`;
    const rotated = signV3(parts, credentials).signature;
    expect(rotated).not.toBe(signV3(parts, vectorCredentials).signature);
    expect(rotated).toBe(signV3(parts, { ...credentials }).signature);
  });

  // The SDK's real wire captures: only host/content-type/x-acs-* headers may be signed out of everything sent.
  const wireVectors = [
    ["v3_ecs20140526_ak", vectors.v3_ecs20140526_ak, akCredentials],
    ["v3_ecs20140526_sts", vectors.v3_ecs20140526_sts, stsCredentials],
  ] as const;

  it.each(wireVectors)(
    "%s: signing the captured SDK wire request reproduces its Authorization",
    (_name, vector, credentials) => {
      const url = new URL(vector.wire.url, endpoint);
      const { authorization: _sent, ...headers } = vector.wire.headers;
      const signed = signV3(
        {
          method: vector.wire.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers,
          body: vector.wire.body,
        },
        credentials,
      );
      expect(signed.canonicalRequest).toBe(vector.canonicalRequest);
      expect(hashOf(signed.stringToSign)).toBe(hashOf(vector.stringToSign));
      expect(signed.authorization).toBe(vector.authorization);
      expect(signed.authorization).toBe(vector.wire.headers.authorization);
    },
  );

  it("builds the hand-rolled minimal request exactly (v3_minimal_POST)", () => {
    const request = signAlibabaEcsRequest({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: inputs.INSTANCE, RegionId: inputs.REGION },
      credentials: akCredentials,
      signatureVersion: "v3",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V3,
    });
    expect(request.url).toBe(`https://${inputs.HOST}/?InstanceId=i-bp1example&RegionId=cn-hangzhou`);
    expect(request.headers.authorization).toBe(vectors.v3_minimal_POST.authorization);
    expect(request.headers.accept).toBe("application/json");
    expect(request.body).toBeUndefined();
  });

  it("signs the STS token and the AccessKey id headers (x-acs-security-token, x-acs-accesskey-id)", () => {
    const request = signAlibabaEcsRequest({
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: inputs.INSTANCE, RegionId: inputs.REGION },
      credentials: stsCredentials,
      signatureVersion: "v3",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V3,
    });
    expect(request.headers["x-acs-security-token"]).toBe(inputs.STS_TOKEN);
    expect(request.headers.authorization).toContain(
      "SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,",
    );
  });

  it("signs the host with its port, as it travels on the wire", () => {
    const request = signAlibabaEcsRequest({
      endpoint: new URL("http://127.0.0.1:8443"),
      action: "DescribeInstanceAttribute",
      params: { InstanceId: "i-1" },
      credentials: akCredentials,
      signatureVersion: "v3",
      timestamp: inputs.TS,
      nonce: inputs.NONCE_V3,
    });
    expect(request.headers.host).toBe("127.0.0.1:8443");
    const canonical = buildV3CanonicalRequest({
      method: "POST",
      query: { InstanceId: "i-1" },
      headers: request.headers,
      body: "",
    });
    expect(canonical.canonicalRequest).toContain("\nhost:127.0.0.1:8443\n");
  });
});

describe("encoding", () => {
  it("canonicalises header names case-insensitively, signing one value per name (the later spelling)", () => {
    const canonical = buildV3CanonicalRequest({
      method: "post",
      query: {},
      headers: {
        "X-Acs-Version": "old",
        Host: "ecs.aliyuncs.com",
        "x-acs-version": " 2014-05-26 ",
        accept: "application/json",
      },
    });
    expect(canonical.signedHeaders).toBe("host;x-acs-version");
    expect(canonical.canonicalRequest).toBe(
      `POST\n/\n\nhost:ecs.aliyuncs.com\nx-acs-version:2014-05-26\n\nhost;x-acs-version\n${EMPTY_BODY_SHA256}`,
    );
  });
});
