import fc from "fast-check";
import { describe, expect, it } from "vitest";
import captureFile from "./__fixtures__/zenlayer-sdk-capture.json" with { type: "json" };
import vectorFile from "./__fixtures__/zenlayer-vectors.json" with { type: "json" };
import { signZenlayerEipRequest, type ZenlayerSigningInput } from "./sign-zenlayer-eip-request.js";

// Vectors copied from the reference: the docs' worked example, third-party goldens and Python SDK captures.
interface VectorInput {
  host: string;
  contentType: string;
  payload: string;
  timestamp: string;
  accessKeyId: string;
  accessKeyPassword: string;
}

function toSigningInput(input: VectorInput): ZenlayerSigningInput {
  return {
    host: input.host,
    contentType: input.contentType,
    body: input.payload,
    timestampSeconds: Number(input.timestamp),
    accessKeyId: input.accessKeyId,
    accessKeySecret: input.accessKeyPassword,
  };
}

describe("signZenlayerEipRequest: published and measured vectors", () => {
  it.each(vectorFile.vectors.map((vector) => [vector.name, vector] as const))("%s", (_name, vector) => {
    const signed = signZenlayerEipRequest(toSigningInput(vector.input));
    const expected: Record<string, string | undefined> = vector.expected;
    expect(signed.signature).toBe(expected.signature);
    if (expected.hashedPayload) expect(signed.hashedPayload).toBe(expected.hashedPayload);
    if (expected.hashedCanonicalRequest) expect(signed.hashedCanonicalRequest).toBe(expected.hashedCanonicalRequest);
    if (expected.authorization) expect(signed.authorization).toBe(expected.authorization);
    // The script's own intermediates pin the canonical request and string to sign byte for byte.
    expect(signed.canonicalRequest).toBe(vector.computed.canonicalRequest);
    expect(signed.stringToSign).toBe(vector.computed.stringToSign);
    expect(signed.authorization).toBe(vector.computed.authorization);
  });

  const { base, variants } = vectorFile.sensitivity;
  it("signs the sensitivity base vector", () => {
    expect(signZenlayerEipRequest(toSigningInput(base.input)).signature).toBe(base.signature);
  });

  it.each(Object.entries(variants))("sensitivity: %s", (_name, variant) => {
    const signed = signZenlayerEipRequest(toSigningInput({ ...base.input, ...variant.changes }));
    expect(signed.signature).toBe(variant.signature);
    expect(signed.signature !== base.signature).toBe(variant.signatureChanged);
  });
});

describe("signZenlayerEipRequest: Python SDK 2.0.069 wire captures", () => {
  // The capture masked its loopback port as <port>; the SDK signed for 127.0.0.1:38877 (recovered by
  // searching the port range once). Every captured Authorization header must verify with it.
  const credentials = { accessKeyId: "AKIDexampleZenlayer0001", accessKeySecret: "ExamplePassword-0123456789abcdef" };
  const requests = captureFile.cases.flatMap((testCase) =>
    testCase.requests.map((request, index) => [`${testCase.name} #${index + 1}`, request] as const),
  );

  it.each(requests)(
    "%s: byte-exact Authorization as sent, and re-signed for console.zenlayer.com",
    (_name, request) => {
      const headers = Object.fromEntries(
        request.headers.map(([name, value]) => [String(name).toLowerCase(), value] as const),
      );
      const common = {
        contentType: headers["content-type"] as string,
        body: request.body,
        timestampSeconds: Number(headers["x-zc-timestamp"]),
        ...credentials,
      };
      const asSent = signZenlayerEipRequest({ ...common, host: (headers.host as string).replace("<port>", "38877") });
      expect(asSent.authorization).toBe(headers.authorization);
      expect(asSent.headers["x-zc-timestamp"]).toBe(headers["x-zc-timestamp"]);
      expect(asSent.headers["x-zc-signature-method"]).toBe(headers["x-zc-signature-method"]);
      const reference = request["asIfHost_console.zenlayer.com"];
      const forPublicHost = signZenlayerEipRequest({ ...common, host: "console.zenlayer.com" });
      expect(forPublicHost.canonicalRequest).toBe(reference.canonicalRequest);
      expect(forPublicHost.stringToSign).toBe(reference.stringToSign);
      expect(forPublicHost.authorization).toBe(reference.authorization);
    },
  );

  it("Bearer mode sends no signature headers (captured token request)", () => {
    const names = captureFile.tokenModeHeaders.map(([name]) => (name as string).toLowerCase());
    expect(names).not.toContain("x-zc-signature-method");
    expect(names).not.toContain("x-zc-timestamp");
    expect(
      Object.fromEntries(captureFile.tokenModeHeaders.map(([name, value]) => [(name as string).toLowerCase(), value]))
        .authorization,
    ).toBe("Bearer pat_exampletoken");
  });
});

describe("signZenlayerEipRequest: properties", () => {
  const input = {
    host: "console.zenlayer.com",
    contentType: "application/json",
    body: "{}",
    timestampSeconds: 1_700_000_000,
    accessKeyId: "id",
    accessKeySecret: "secret",
  };

  it("leaves the access key id out of the MAC", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        (accessKeyId) =>
          signZenlayerEipRequest({ ...input, accessKeyId }).signature === signZenlayerEipRequest(input).signature,
      ),
    );
  });

  it("signs exactly the body bytes: any change to the body changes the signature", () => {
    fc.assert(
      fc.property(fc.json(), fc.json(), (left, right) => {
        fc.pre(left !== right);
        return (
          signZenlayerEipRequest({ ...input, body: left }).signature !==
          signZenlayerEipRequest({ ...input, body: right }).signature
        );
      }),
    );
  });

  it("hashes a string body and its UTF-8 bytes identically", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        (body) =>
          signZenlayerEipRequest({ ...input, body }).signature ===
          signZenlayerEipRequest({ ...input, body: Buffer.from(body, "utf8") }).signature,
      ),
    );
  });

  it("rejects a timestamp that is not whole Unix seconds", () => {
    expect(() => signZenlayerEipRequest({ ...input, timestampSeconds: 1.5 })).toThrow(RangeError);
    expect(() => signZenlayerEipRequest({ ...input, timestampSeconds: -1 })).toThrow(RangeError);
  });
});
