// Property-based: the Alibaba V3 (ACS3-HMAC-SHA256) and V1 (HMAC-SHA1) signers change the signature whenever a
// signed byte changes, and keep it when only something unsigned changes.
import {
  buildV1StringToSign,
  signAlibabaEcsRequest,
  signV1,
  signV3,
  type V3RequestParts,
} from "@polycloud/alibaba-ecs/internal";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readReliabilitySettings } from "./support/reliability-settings.js";
import { headerNameOutside, printableString, stringWithOneCharacterChanged } from "./support/string-mutations.js";

const settings = readReliabilitySettings();
const runs = {
  numRuns: settings.propertyRuns,
  ...(settings.propertySeed === undefined ? {} : { seed: settings.propertySeed }),
};
const credentials = { accessKeyId: "LTAI-reliability", accessKeySecret: "reliability-secret-value" };

const parameters = fc.dictionary(printableString(1, 20), printableString(0, 30), { maxKeys: 6 });
/** A V3 request with the headers the adapter signs, random query and body. */
const v3Request: fc.Arbitrary<V3RequestParts> = fc.record({
  method: fc.constantFrom("GET", "POST"),
  path: fc.constant("/"),
  query: parameters,
  headers: fc.record({
    host: fc.domain(),
    "x-acs-action": fc.constantFrom("AllocatePublicIpAddress", "DescribeInstanceAttribute"),
    "x-acs-version": fc.constant("2014-05-26"),
    "x-acs-date": fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    "x-acs-signature-nonce": fc.stringMatching(/^[0-9a-f]{32}$/),
    "content-type": fc.constant("application/x-www-form-urlencoded"),
  }),
  body: printableString(0, 60),
});
const signatureOf = (parts: V3RequestParts, secret = credentials.accessKeySecret) =>
  signV3(parts, { ...credentials, accessKeySecret: secret }).signature;

describe("V3 ACS3-HMAC-SHA256", () => {
  it("changes with any signed header value", () => {
    const signedHeader = fc.constantFrom(
      "host",
      "x-acs-action",
      "x-acs-version",
      "x-acs-date",
      "x-acs-signature-nonce",
      "content-type",
    );
    fc.assert(
      fc.property(
        v3Request,
        signedHeader,
        stringWithOneCharacterChanged(1, 40, { trimmed: true }),
        (parts, name, [original, changed]) => {
          expect(signatureOf({ ...parts, headers: { ...parts.headers, [name]: changed } })).not.toBe(
            signatureOf({ ...parts, headers: { ...parts.headers, [name]: original } }),
          );
        },
      ),
      runs,
    );
  });

  it("changes with any query value, any body byte, the method and the secret", () => {
    fc.assert(
      fc.property(
        v3Request,
        printableString(1, 20),
        stringWithOneCharacterChanged(1, 40),
        (parts, name, [original, changed]) => {
          expect(signatureOf({ ...parts, query: { ...parts.query, [name]: changed } })).not.toBe(
            signatureOf({ ...parts, query: { ...parts.query, [name]: original } }),
          );
          expect(signatureOf({ ...parts, body: changed })).not.toBe(signatureOf({ ...parts, body: original }));
          expect(signatureOf({ ...parts, method: parts.method === "GET" ? "POST" : "GET" })).not.toBe(
            signatureOf(parts),
          );
          expect(signatureOf(parts, changed)).not.toBe(signatureOf(parts, original));
        },
      ),
      runs,
    );
  });

  it("stays the same when an unsigned header, header-name case, query order or the AccessKey id changes", () => {
    fc.assert(
      fc.property(
        v3Request,
        headerNameOutside(["host", "content-type", "x-acs-"]),
        printableString(0, 40),
        printableString(1, 30),
        (parts, name, value, accessKeyId) => {
          const signature = signatureOf(parts);
          expect(signatureOf({ ...parts, headers: { ...parts.headers, [name]: value } })).toBe(signature);
          expect(
            signatureOf({
              ...parts,
              headers: Object.fromEntries(
                Object.entries(parts.headers).map(([key, headerValue]) => [key.toUpperCase(), headerValue]),
              ),
            }),
          ).toBe(signature);
          expect(signatureOf({ ...parts, query: Object.fromEntries(Object.entries(parts.query).reverse()) })).toBe(
            signature,
          );
          expect(signV3(parts, { ...credentials, accessKeyId }).signature).toBe(signature);
        },
      ),
      runs,
    );
  });

  it("signs the timestamp, nonce and STS token of a whole request", () => {
    const endpoint = new URL("https://ecs-cn-hangzhou.aliyuncs.com");
    const base = {
      endpoint,
      action: "AllocatePublicIpAddress",
      params: { InstanceId: "i-1", RegionId: "cn-hangzhou" },
      credentials: { ...credentials, securityToken: "sts-token" },
      signatureVersion: "v3" as const,
      timestamp: "2026-01-01T00:00:00Z",
      nonce: "n",
    };
    const authorizationOf = (overrides: Partial<typeof base>) =>
      signAlibabaEcsRequest({ ...base, ...overrides }).headers["authorization"];
    fc.assert(
      fc.property(stringWithOneCharacterChanged(1, 40, { trimmed: true }), ([original, changed]) => {
        expect(authorizationOf({ timestamp: changed })).not.toBe(authorizationOf({ timestamp: original }));
        expect(authorizationOf({ nonce: changed })).not.toBe(authorizationOf({ nonce: original }));
        expect(authorizationOf({ credentials: { ...base.credentials, securityToken: changed } })).not.toBe(
          authorizationOf({ credentials: { ...base.credentials, securityToken: original } }),
        );
      }),
      runs,
    );
  });
});

describe("V1 HMAC-SHA1", () => {
  const signatureOf = (method: string, params: Record<string, string>, secret = credentials.accessKeySecret) =>
    signV1(buildV1StringToSign(method, params), secret);
  const common = fc.record({
    AccessKeyId: printableString(1, 30),
    Timestamp: printableString(1, 25),
    SignatureNonce: printableString(1, 32),
    Action: fc.constant("AllocatePublicIpAddress"),
  });

  it("changes with any parameter value (AccessKeyId, Timestamp and nonce included), the method and the secret", () => {
    fc.assert(
      fc.property(
        common,
        parameters,
        fc.constantFrom("AccessKeyId", "Timestamp", "SignatureNonce", "InstanceId", "SecurityToken"),
        stringWithOneCharacterChanged(),
        (signed, extra, name, [original, changed]) => {
          const params = { ...extra, ...signed };
          expect(signatureOf("POST", { ...params, [name]: changed })).not.toBe(
            signatureOf("POST", { ...params, [name]: original }),
          );
          expect(signatureOf("GET", params)).not.toBe(signatureOf("POST", params));
          expect(signatureOf("POST", params, changed)).not.toBe(signatureOf("POST", params, original));
        },
      ),
      runs,
    );
  });

  it("stays the same when the parameter order changes or a Signature parameter is present", () => {
    fc.assert(
      fc.property(common, parameters, printableString(1, 40), (signed, extra, staleSignature) => {
        const params = { ...extra, ...signed };
        const signature = signatureOf("POST", params);
        expect(signatureOf("POST", Object.fromEntries(Object.entries(params).reverse()))).toBe(signature);
        expect(signatureOf("POST", { ...params, Signature: staleSignature })).toBe(signature);
      }),
      runs,
    );
  });
});
