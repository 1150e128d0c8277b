import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { toHeaderRecord } from "./__fixtures__/zenlayer-harness.js";
import vectorsFile from "./__fixtures__/zenlayer-signature-vectors.json" with { type: "json" };
import { computeZc2Signature, signZc2Request } from "./sign-zc2-request.js";
import { verifyZc2Request, verifyZc2Timestamp, type ZenlayerCredentialDirectory } from "./verify-zc2-request.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";

interface VectorInput {
  host: string;
  contentType: string;
  payload: string;
  timestamp: string;
  accessKeyId: string;
  accessKeySecret?: string;
  accessKeyPassword: string;
}

function directoryFor(accessKeyId: string, accessKeySecret: string): ZenlayerCredentialDirectory {
  return {
    findAccessKey: (id) =>
      id === accessKeyId ? { accountId: "account", accessKeySecret, allowedActions: undefined } : undefined,
    findBearerToken: (token) => (token === "pat_exampletoken" ? { accountId: "account" } : undefined),
  };
}

function headersFor(input: VectorInput, authorization: string): IncomingHttpHeaders {
  return {
    "content-type": input.contentType,
    host: input.host,
    "x-zc-timestamp": input.timestamp,
    "x-zc-signature-method": "ZC2-HMAC-SHA256",
    authorization,
  };
}

function sign(input: VectorInput) {
  return signZc2Request({ ...input, body: input.payload, accessKeySecret: input.accessKeyPassword });
}

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof ZenlayerApiError ? error.code : "unexpected";
  }
}

describe("ZC2-HMAC-SHA256 vectors (docs example, third-party goldens, SDK captures)", () => {
  it.each(vectorsFile.vectors.map((vector) => [vector.name, vector] as const))(
    "%s reproduces and verifies",
    (_name, vector) => {
      const input = vector.input as VectorInput;
      const signed = sign(input);
      expect(signed.signature).toBe(vector.expected.signature);
      expect(signed.hashedPayload).toBe(vector.expected.hashedPayload);
      expect(signed.canonicalRequest).toBe(vector.expected.canonicalRequest);
      expect(signed.hashedCanonicalRequest).toBe(vector.expected.hashedCanonicalRequest);
      expect(signed.stringToSign).toBe(vector.expected.stringToSign);
      if ("authorization" in vector.expected) expect(signed.authorization).toBe(vector.expected.authorization);

      const directory = directoryFor(input.accessKeyId, input.accessKeyPassword);
      const headers = headersFor(input, signed.authorization);
      const caller = verifyZc2Request(headers, Buffer.from(input.payload, "utf8"), directory);
      expect(caller).toEqual({
        accountId: "account",
        rateLimitKey: `key:${input.accessKeyId}`,
        timestampSeconds: Number(input.timestamp),
      });

      const tampered = Buffer.from(input.payload, "utf8");
      tampered[tampered.length - 2] = (tampered[tampered.length - 2] as number) ^ 0x01;
      expect(errorCodeOf(() => verifyZc2Request(headers, tampered, directory))).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
    },
  );

  it("pins the docs' intermediate hashes (vector A)", () => {
    const docs = vectorsFile.vectors[0] as (typeof vectorsFile.vectors)[0];
    expect(docs.expected.hashedPayload).toBe("5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a");
    expect(docs.expected.hashedCanonicalRequest).toBe(
      "29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee",
    );
    expect(sign(docs.input as VectorInput).signature).toBe(
      "efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f",
    );
  });

  it("reproduces the sensitivity set D: each change alters the signature except the access key id", () => {
    const base = vectorsFile.sensitivity.base.input as VectorInput;
    expect(sign(base).signature).toBe(vectorsFile.sensitivity.base.signature);
    for (const variant of Object.values(vectorsFile.sensitivity.variants)) {
      const signature = sign({ ...base, ...variant.changes } as VectorInput).signature;
      expect(signature).toBe(variant.signature);
      expect(signature !== vectorsFile.sensitivity.base.signature).toBe(variant.signatureChanged);
    }
  });

  it.each(vectorsFile.sdkCapture.requests.map((capture) => [capture.name, capture] as const))(
    "accepts the Python SDK's captured request verbatim: %s",
    (_name, capture) => {
      const headers = toHeaderRecord(capture.headers);
      const directory = directoryFor("AKIDexampleZenlayer0001", vectorsFile.sdkCapture.accessKeySecret);
      expect(verifyZc2Request(headers, Buffer.from(capture.body, "utf8"), directory).accountId).toBe("account");
      const rehosted = {
        ...headers,
        host: "console.zenlayer.com",
        authorization: capture.asIfHostConsoleAuthorization,
      };
      expect(verifyZc2Request(rehosted, Buffer.from(capture.body, "utf8"), directory).accountId).toBe("account");
      // The same signature presented for another port fails: the port is part of the signed Host.
      expect(
        errorCodeOf(() =>
          verifyZc2Request({ ...headers, host: "127.0.0.1:38878" }, Buffer.from(capture.body), directory),
        ),
      ).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
    },
  );

  it("accepts the SDK's Bearer-mode headers with a known token and rejects an unknown one", () => {
    const headers = toHeaderRecord(vectorsFile.sdkCapture.tokenModeHeaders);
    const directory = directoryFor("unused", "unused");
    expect(verifyZc2Request(headers, Buffer.from('{"eipId": "eip-0001"}'), directory)).toEqual({
      accountId: "account",
      rateLimitKey: "account:account",
      timestampSeconds: undefined,
    });
    expect(
      errorCodeOf(() => verifyZc2Request({ ...headers, authorization: "Bearer nope" }, Buffer.alloc(0), directory)),
    ).toBe("AUTHFAILURE_INVALID_TOKEN");
  });
});

describe("verifyZc2Request rules", () => {
  const input: VectorInput = vectorsFile.sensitivity.base.input as VectorInput;
  const directory = directoryFor(input.accessKeyId, input.accessKeyPassword);
  const body = Buffer.from(input.payload, "utf8");

  it("accepts extra signed headers canonicalised as the docs say (lower-case, trimmed, ASCII-sorted)", () => {
    const signed = signZc2Request({
      ...input,
      body,
      accessKeySecret: input.accessKeyPassword,
      extraSignedHeaders: { "X-ZC-Action": " AllocateEipAddresses " },
    });
    expect(signed.signedHeaderNames).toBe("content-type;host;x-zc-action");
    expect(signed.canonicalRequest).toContain("host:console.zenlayer.com\nx-zc-action:allocateeipaddresses\n\n");
    const headers = { ...headersFor(input, signed.authorization), "x-zc-action": "AllocateEipAddresses" };
    expect(verifyZc2Request(headers, body, directory).accountId).toBe("account");
    expect(
      errorCodeOf(() => verifyZc2Request({ ...headers, "x-zc-action": "DescribeEipAddresses" }, body, directory)),
    ).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
  });

  it("answers AUTHFAILURE_INVALID_AUTHORIZATION for an Authorization header it cannot parse", () => {
    const signed = sign(input);
    const headers = headersFor(input, signed.authorization);
    const withoutHost = computeZc2Signature({
      signedHeaders: [["content-type", input.contentType]],
      body,
      timestamp: input.timestamp,
      accessKeySecret: input.accessKeyPassword,
    });
    const hostless = `ZC2-HMAC-SHA256 Credential=${input.accessKeyId}, SignedHeaders=content-type, Signature=${withoutHost.signature}`;
    const malformed = [
      undefined,
      "",
      "Basic abc",
      "Bearer",
      signed.authorization.replace("ZC2-HMAC-SHA256", "ZC3-HMAC-SHA256"),
      signed.authorization.replace(/, Signature=\w+/, ""),
      signed.authorization.replace(/Credential=[^,]+, /, ""),
      hostless,
      signed.authorization.replace("content-type;host", "content-type;host;host"),
    ];
    for (const authorization of malformed) {
      expect(
        errorCodeOf(() => verifyZc2Request({ ...headers, authorization }, body, directory)),
        String(authorization),
      ).toBe("AUTHFAILURE_INVALID_AUTHORIZATION");
    }
  });

  it("answers AUTHFAILURE_SIGNATURE_FAILURE for a parseable header that does not verify, an unknown key included", () => {
    const signed = sign(input);
    const headers = headersFor(input, signed.authorization);
    expect(
      errorCodeOf(() => verifyZc2Request({ ...headers, "x-zc-signature-method": undefined }, body, directory)),
    ).toBe("AUTHFAILURE_SIGNATURE_FAILURE");
    expect(errorCodeOf(() => verifyZc2Request({ ...headers, "x-zc-timestamp": "soon" }, body, directory))).toBe(
      "AUTHFAILURE_SIGNATURE_FAILURE",
    );
    const stranger = signed.authorization.replace(input.accessKeyId, "someone-else");
    expect(errorCodeOf(() => verifyZc2Request({ ...headers, authorization: stranger }, body, directory))).toBe(
      "AUTHFAILURE_SIGNATURE_FAILURE",
    );
  });

  it("never echoes the secret or the expected signature in its messages", () => {
    const signed = sign(input);
    const wrong = signed.authorization.replace(/Signature=\w+/, `Signature=${"0".repeat(64)}`);
    try {
      verifyZc2Request(headersFor(input, wrong), body, directory);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(input.accessKeyPassword);
      expect((error as Error).message).not.toContain(signed.signature);
    }
  });

  it("checks the timestamp window against a possibly skewed server clock", () => {
    const caller = {
      accountId: "account",
      rateLimitKey: "key",
      timestampSeconds: 1_700_000_000,
      allowedActions: undefined,
    };
    expect(() => verifyZc2Timestamp(caller, 1_700_000_300_000, 0, 300)).not.toThrow();
    expect(errorCodeOf(() => verifyZc2Timestamp(caller, 1_700_000_301_000, 0, 300))).toBe(
      "AUTHFAILURE_SIGNATURE_EXPIRED",
    );
    expect(errorCodeOf(() => verifyZc2Timestamp(caller, 1_700_000_000_000, -301, 300))).toBe(
      "AUTHFAILURE_SIGNATURE_EXPIRED",
    );
    expect(() => verifyZc2Timestamp({ ...caller, timestampSeconds: undefined }, 0, 9999, 300)).not.toThrow();
  });
});
