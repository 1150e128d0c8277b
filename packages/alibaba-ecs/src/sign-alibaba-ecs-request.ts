import { createHmac, createSecretKey, hash, type KeyObject } from "node:crypto";
import type { HttpRequest } from "@polycloud/core";
import { buildCanonicalQuery, compareCodeUnits, percentEncode } from "./percent-encode.js";

/** ECS API version every action of this adapter targets. @public */
export const ECS_API_VERSION = "2014-05-26";

/** The V3 signature algorithm (the official SDK's default). @public */
export const V3_ALGORITHM = "ACS3-HMAC-SHA256";

/** Hex SHA-256 of an empty body, sent as `x-acs-content-sha256` by body-less RPC calls. @public */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Which Alibaba signature to compute: V3 `ACS3-HMAC-SHA256` (default) or V1 `HMAC-SHA1`. @public */
export type AlibabaSignatureVersion = "v3" | "v1";

/** An AccessKey pair, with the STS token when the pair is temporary. @public */
export interface AlibabaEcsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** A request in the shape the V3 canonicaliser reads (header names in any case). @public */
export interface V3RequestParts {
  method: string;
  /** Canonical URI; `/` for every RPC API. */
  path?: string;
  query: Readonly<Record<string, string>>;
  headers: Readonly<Record<string, string>>;
  /** Exact body bytes sent (UTF-8); empty for query-style RPC calls. */
  body?: string;
  /** `buildCanonicalQuery(query)` when the caller already built it (it is also the wire query string). */
  canonicalQuery?: string;
}

export { buildCanonicalQuery, percentEncode } from "./percent-encode.js";

/**
 * V1 string to sign: `METHOD&%2F&percentEncode(canonicalQuery)` over every parameter except `Signature`.
 * The method is the one actually sent (GET and POST sign differently).
 * @public
 */
export function buildV1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const { Signature: _signature, ...signed } = params;
  return `${method}&${percentEncode("/")}&${percentEncode(buildCanonicalQuery(signed))}`;
}

/** V1 signature: base64 HMAC-SHA1 keyed by `secret + "&"` (the trailing `&` is mandatory). @public */
export function signV1(stringToSign: string, accessKeySecret: string): string {
  return createHmac("sha1", `${accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
}

// The secret imported once per credentials object: handing createHmac a string re-imports it on every
// signature (~3 µs per request under load). Weakly held, so it goes when the credentials do.
const signingKeys = new WeakMap<object, { secret: string; key: KeyObject }>();

function signingKeyFor(credentials: Pick<AlibabaEcsCredentials, "accessKeySecret">): KeyObject {
  const cached = signingKeys.get(credentials);
  if (cached?.secret === credentials.accessKeySecret) return cached.key;
  const key = createSecretKey(Buffer.from(credentials.accessKeySecret, "utf8"));
  signingKeys.set(credentials, { secret: credentials.accessKeySecret, key });
  return key;
}

function hashHex(text: string): string {
  // One-shot hash: no Hash stream object per call (this runs on every signed attempt).
  return hash("sha256", text, "hex");
}

/**
 * V3 canonical request. Signed headers are `host`, `content-type` and every `x-acs-*` header, lower-cased,
 * trimmed and sorted; the payload hash is computed from the body actually sent.
 * @public
 */
export function buildV3CanonicalRequest(parts: V3RequestParts): {
  canonicalRequest: string;
  signedHeaders: string;
  hashedPayload: string;
} {
  const signed: [name: string, value: string][] = [];
  for (const name in parts.headers) {
    const lower = name.toLowerCase();
    if (lower === "host" || lower === "content-type" || lower.startsWith("x-acs-"))
      signed.push([lower, (parts.headers[name] ?? "").trim()]);
  }
  // Stable sort: of two spellings of one name (`Host`, `host`) the later wins, as a header map would keep it.
  signed.sort((left, right) => compareCodeUnits(left[0], right[0]));
  let canonicalHeaders = "";
  let signedHeaders = "";
  for (let index = 0; index < signed.length; index++) {
    const [name, value] = signed[index] as [string, string];
    if (signed[index + 1]?.[0] === name) continue;
    canonicalHeaders += `${name}:${value}\n`;
    signedHeaders += signedHeaders === "" ? name : `;${name}`;
  }
  const hashedPayload = parts.body === undefined || parts.body === "" ? EMPTY_BODY_SHA256 : hashHex(parts.body);
  const canonicalQuery = parts.canonicalQuery ?? buildCanonicalQuery(parts.query);
  const canonicalRequest = `${parts.method.toUpperCase()}\n${parts.path ?? "/"}\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${hashedPayload}`;
  return { canonicalRequest, signedHeaders, hashedPayload };
}

/**
 * V3 signature: lower-case hex HMAC-SHA256 (keyed by the raw secret) of `ACS3-HMAC-SHA256\n<hex sha256(canonical)>`,
 * and the `Authorization` header value built from it.
 * @public
 */
export function signV3(
  parts: V3RequestParts,
  credentials: Pick<AlibabaEcsCredentials, "accessKeyId" | "accessKeySecret">,
): {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
} {
  const { canonicalRequest, signedHeaders } = buildV3CanonicalRequest(parts);
  const stringToSign = `${V3_ALGORITHM}\n${hashHex(canonicalRequest)}`;
  const signature = createHmac("sha256", signingKeyFor(credentials)).update(stringToSign, "utf8").digest("hex");
  const authorization = `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

export { createSignatureNonce, formatAcsTimestamp } from "./format-signing-values.js";

/** Everything one signed ECS RPC call needs. @public */
export interface SignAlibabaEcsRequestInput {
  /** Endpoint origin, e.g. `https://ecs-cn-hangzhou.aliyuncs.com`. */
  endpoint: URL;
  action: string;
  /** API parameters (including `RegionId` and `Format` when sent). */
  params: Readonly<Record<string, string>>;
  credentials: AlibabaEcsCredentials;
  signatureVersion: AlibabaSignatureVersion;
  /** Default POST, as the official SDK sends every ECS action. */
  method?: "GET" | "POST";
  /** Fresh per attempt, see {@link formatAcsTimestamp}. */
  timestamp: string;
  /** Fresh per attempt, see {@link createSignatureNonce}. */
  nonce: string;
}

/**
 * Builds the signed wire request. V3: parameters in the query string, empty body, `Authorization` header,
 * STS token in the signed `x-acs-security-token`. V1: parameters plus the common ones (`Action`, `Version`,
 * `AccessKeyId`, `Signature*`, `Timestamp`, `SecurityToken`) in a form body for POST, in the query for GET.
 * @public
 */
export function signAlibabaEcsRequest(input: SignAlibabaEcsRequestInput): HttpRequest {
  const method = input.method ?? "POST";
  const origin = input.endpoint.origin;
  if (input.signatureVersion === "v1") {
    const params: Record<string, string> = {
      ...input.params,
      Action: input.action,
      Version: ECS_API_VERSION,
      AccessKeyId: input.credentials.accessKeyId,
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: input.nonce,
      Timestamp: input.timestamp,
      ...(input.credentials.securityToken === undefined ? {} : { SecurityToken: input.credentials.securityToken }),
    };
    const signature = signV1(buildV1StringToSign(method, params), input.credentials.accessKeySecret);
    const encoded = `${buildCanonicalQuery(params)}&Signature=${percentEncode(signature)}`;
    return method === "GET"
      ? { method, url: `${origin}/?${encoded}`, headers: { accept: "application/json" } }
      : {
          method,
          url: `${origin}/`,
          headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
          body: encoded,
        };
  }
  // One headers object, filled in place: this runs on every attempt, and each object spread costs about a µs.
  // `accept` is not signed (only host, content-type and x-acs-* are); `authorization` is added once computed.
  const headers: Record<string, string> = {
    host: input.endpoint.host,
    "x-acs-action": input.action,
    "x-acs-version": ECS_API_VERSION,
    "x-acs-date": input.timestamp,
    "x-acs-signature-nonce": input.nonce,
    "x-acs-content-sha256": EMPTY_BODY_SHA256,
    accept: "application/json",
  };
  const token = input.credentials.securityToken;
  if (token !== undefined) {
    headers["x-acs-accesskey-id"] = input.credentials.accessKeyId;
    headers["x-acs-security-token"] = token;
  }
  const query = buildCanonicalQuery(input.params);
  headers.authorization = signV3(
    { method, path: "/", query: input.params, canonicalQuery: query, headers, body: "" },
    input.credentials,
  ).authorization;
  return { method, url: query === "" ? `${origin}/` : `${origin}/?${query}`, headers };
}
