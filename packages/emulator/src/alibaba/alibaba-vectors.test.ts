import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AlibabaApiError } from "./alibaba-envelope.js";
import { collectRequestPairs, pairsToParams, type ReceivedRequest } from "../shared/received-request.js";
import { buildCanonicalQuery, buildV1StringToSign, percentEncode, signV1 } from "./sign-v1.js";
import { buildV3CanonicalRequest, parseV3Authorization, signV3 } from "./sign-v3.js";
import type { VerificationContext } from "./verify-credentials.js";
import { verifyV1Request } from "./verify-v1-request.js";
import { verifyV3Request } from "./verify-v3-request.js";

/** Copied from the reference (`alibaba_vectors.out.json`): published doc examples and real-SDK captures. */
const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/alibaba-vectors.json", import.meta.url), "utf8")) as {
  inputs: Record<string, string>;
  vectors: Record<string, Record<string, unknown>>;
};
const { inputs, vectors } = fixture;

interface V1Wire {
  method: string;
  url: string;
  host: string;
  contentType?: string | null;
  body?: string;
  xAcs?: Record<string, string>;
}
interface V3Wire {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
interface V3Request {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

function verificationContext(
  accounts: Array<{ id: string; secret: string; token?: string }>,
  timestamp: string,
): VerificationContext {
  return {
    findAccount: (accessKeyId) => {
      const account = accounts.find((candidate) => candidate.id === accessKeyId);
      if (account === undefined) return undefined;
      return {
        accessKeyId: account.id,
        accessKeySecret: account.secret,
        ...(account.token === undefined ? {} : { securityToken: account.token }),
      };
    },
    nowMs: Date.parse(timestamp),
    toleranceSeconds: 900,
  };
}

const sdkContext = verificationContext(
  [{ id: inputs["AK_ID"] as string, secret: inputs["AK_SECRET"] as string, token: inputs["STS_TOKEN"] as string }],
  inputs["TS"] as string,
);

function receivedFromV1Wire(wire: V1Wire): ReceivedRequest {
  const [path, rawQuery = ""] = wire.url.split("?") as [string, string?];
  const headers: Record<string, string[]> = { host: [wire.host] };
  if (wire.contentType) headers["content-type"] = [wire.contentType];
  for (const [name, value] of Object.entries(wire.xAcs ?? {})) headers[name] = [value];
  return { method: wire.method, path, rawQuery, headers, body: Buffer.from(wire.body ?? "") };
}

function receivedFromV3(request: V3Wire | V3Request, authorization: string): ReceivedRequest {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = [value];
  headers["authorization"] = [authorization];
  if ("url" in request) {
    const [path, rawQuery = ""] = request.url.split("?") as [string, string?];
    return { method: request.method, path, rawQuery, headers, body: Buffer.from(request.body) };
  }
  const rawQuery = buildCanonicalQuery(Object.entries(request.query));
  return { method: request.method, path: request.path, rawQuery, headers, body: Buffer.from(request.body) };
}

function verifyV1Received(received: ReceivedRequest, context: VerificationContext): void {
  const pairs = collectRequestPairs(received);
  verifyV1Request(received.method, pairs, pairsToParams(pairs), context);
}

const v1WireIds = Object.keys(vectors).filter((id) => id.startsWith("v1_") && "wire" in (vectors[id] as object));
const v3Ids = Object.keys(vectors).filter((id) => id.startsWith("v3_") || id === "doc_v3_RunInstances");

describe("V1 HMAC-SHA1 vectors", () => {
  it("reproduces the published DescribeRegions example (testid / testsecret)", () => {
    const vector = vectors["doc_v1_DescribeRegions"] as {
      params: Record<string, string>;
      secret: string;
      stringToSign: string;
      signature: string;
    };
    const stringToSign = buildV1StringToSign("GET", Object.entries(vector.params));
    expect(stringToSign).toBe(vector.stringToSign);
    expect(signV1(stringToSign, vector.secret)).toBe(vector.signature);
  });

  it("reproduces the SDK unit-test vector and the encoding edge case", () => {
    const unitTest = Object.values(vectors["sdk_unittests"] as Record<string, string>)[0];
    expect(signV1(buildV1StringToSign("", [["test", "ok"]]), "accessKeySecret")).toBe(unitTest);
    const edge = vectors["v1_encoding_edge"] as {
      params: Record<string, string>;
      secret: string;
      stringToSign: string;
      signature: string;
    };
    const stringToSign = buildV1StringToSign("GET", Object.entries(edge.params));
    expect(stringToSign).toBe(edge.stringToSign);
    expect(signV1(stringToSign, edge.secret)).toBe(edge.signature);
    expect(percentEncode(" a+b*c~d!e'f(g)h/é")).toBe("%20a%2Bb%2Ac~d%21e%27f%28g%29h%2F%C3%A9");
  });

  it.each(v1WireIds)("accepts the real SDK wire request %s", (id) => {
    const vector = vectors[id] as { wire: V1Wire; stringToSign: string; signature: string };
    const received = receivedFromV1Wire(vector.wire);
    expect(buildV1StringToSign(received.method, collectRequestPairs(received))).toBe(vector.stringToSign);
    expect(() => verifyV1Received(received, sdkContext)).not.toThrow();
  });

  it.each(v1WireIds)("rejects %s with any single byte of the URL or body changed", (id) => {
    const wire = (vectors[id] as { wire: V1Wire }).wire;
    const target = (wire.body ?? "") === "" ? "url" : "body";
    const text = wire[target] ?? "";
    for (let index = 0; index < text.length; index += 1) {
      if (target === "url" && index === 0) continue; // the leading "/" of the path is not part of the V1 string to sign
      const mutated = { ...wire, [target]: mutateAt(text, index) };
      expect(() => verifyV1Received(receivedFromV1Wire(mutated), sdkContext), `${target}[${index}]`).toThrow();
    }
    const wrongMethod = { ...wire, method: wire.method === "GET" ? "POST" : "GET" };
    expect(() => verifyV1Received(receivedFromV1Wire(wrongMethod), sdkContext)).toThrow(AlibabaApiError);
  });
});

describe("V3 ACS3-HMAC-SHA256 vectors", () => {
  it.each(v3Ids)("accepts %s and rebuilds its canonical request byte for byte", (id) => {
    const vector = vectors[id] as {
      request?: V3Request;
      wire?: V3Wire;
      akId?: string;
      secret?: string;
      canonical?: string;
      canonicalRequest?: string;
      stringToSign: string;
      authorization: string;
    };
    const request = (vector.request ?? vector.wire) as V3Request | V3Wire;
    const received = receivedFromV3(request, vector.authorization);
    const authorization = parseV3Authorization(vector.authorization);
    expect(authorization).toBeDefined();
    const canonical = buildV3CanonicalRequest(
      received,
      authorization?.signedHeaders ?? [],
      request.headers["x-acs-content-sha256"] as string,
    );
    expect(canonical).toBe(vector.canonical ?? vector.canonicalRequest);
    const secret = vector.secret ?? (inputs["AK_SECRET"] as string);
    expect(signV3(canonical as string, secret).stringToSign).toBe(vector.stringToSign);
    const context =
      vector.akId === undefined
        ? sdkContext
        : verificationContext([{ id: vector.akId, secret }], request.headers["x-acs-date"] as string);
    expect(verifyV3Request(received, context).accessKeyId).toBe(authorization?.accessKeyId);
  });

  it.each(v3Ids)("rejects %s with any single byte of a signed part changed", (id) => {
    const vector = vectors[id] as {
      request?: V3Request;
      wire?: V3Wire;
      akId?: string;
      secret?: string;
      authorization: string;
    };
    const request = (vector.request ?? vector.wire) as V3Request | V3Wire;
    const secret = vector.secret ?? (inputs["AK_SECRET"] as string);
    const context =
      vector.akId === undefined
        ? sdkContext
        : verificationContext([{ id: vector.akId, secret }], request.headers["x-acs-date"] as string);
    const original = receivedFromV3(request, vector.authorization);
    const signedNames = parseV3Authorization(vector.authorization)?.signedHeaders ?? [];
    const variants: Array<[string, ReceivedRequest]> = [];
    const mutateText = (label: string, text: string, build: (mutated: string) => ReceivedRequest): void => {
      for (let index = 0; index < text.length; index += 1)
        variants.push([`${label}[${index}]`, build(mutateAt(text, index))]);
    };
    mutateText("method", original.method, (method) => ({ ...original, method }));
    mutateText("path", original.path, (path) => ({ ...original, path }));
    mutateText("query", original.rawQuery, (rawQuery) => ({ ...original, rawQuery }));
    mutateText("body", original.body.toString(), (body) => ({ ...original, body: Buffer.from(body) }));
    mutateText("authorization", vector.authorization, (authorization) => ({
      ...original,
      headers: { ...original.headers, authorization: [authorization] },
    }));
    for (const name of signedNames) {
      mutateText(name, original.headers[name]?.[0] ?? "", (value) => ({
        ...original,
        headers: { ...original.headers, [name]: [value] },
      }));
    }
    for (const [label, variant] of variants) {
      expect(() => verifyV3Request(variant, context), label).toThrow(AlibabaApiError);
    }
  });
});

/** Changes one character so that its meaning changes too (flipping the low bit never yields the same character). */
function mutateAt(text: string, index: number): string {
  const flipped = String.fromCharCode(text.charCodeAt(index) ^ 1);
  return text.slice(0, index) + flipped + text.slice(index + 1);
}
