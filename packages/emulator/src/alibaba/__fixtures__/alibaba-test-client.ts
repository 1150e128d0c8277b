import { randomUUID } from "node:crypto";
import { request } from "undici";
import { buildCanonicalQuery, buildV1StringToSign, percentEncode, signV1 } from "../sign-v1.js";
import { V3_ALGORITHM, hashPayload, signV3 } from "../sign-v3.js";

/** Test-only client that signs like the official SDKs (independently re-derived in the vector tests). */

export const TEST_ACCESS_KEY_ID = "polycloud-test-key-id";
export const TEST_ACCESS_KEY_SECRET = "polycloud-test-key-secret";
export const TEST_SECURITY_TOKEN = "polycloud-test-security-token";

/** A fully built HTTP request. */
export interface WireRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** ISO-8601 second-precision UTC timestamp, as the SDKs format it. */
export function formatTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface V3RequestOptions {
  endpoint: string;
  action: string;
  query?: Record<string, string>;
  /** Form body parameters (sent `application/x-www-form-urlencoded`). */
  form?: Record<string, string>;
  method?: "GET" | "POST";
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  date?: string;
  nonce?: string;
  version?: string;
}

/** Builds a V3 `ACS3-HMAC-SHA256` request with the host header undici will send (host:port). */
export function buildV3Request(options: V3RequestOptions): WireRequest {
  const url = new URL(options.endpoint);
  const query = buildCanonicalQuery(Object.entries(options.query ?? {}));
  const body = options.form === undefined ? "" : buildCanonicalQuery(Object.entries(options.form));
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": options.action,
    "x-acs-version": options.version ?? "2014-05-26",
    "x-acs-date": options.date ?? formatTimestamp(),
    "x-acs-signature-nonce": options.nonce ?? randomUUID(),
    "x-acs-content-sha256": hashPayload(body),
  };
  if (options.form !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
  if (options.securityToken !== undefined) headers["x-acs-security-token"] = options.securityToken;
  const names = Object.keys(headers).sort();
  const method = options.method ?? "POST";
  const canonical = [
    method,
    "/",
    query,
    names.map((name) => `${name}:${headers[name]}\n`).join(""),
    names.join(";"),
    headers["x-acs-content-sha256"],
  ].join("\n");
  const { signature } = signV3(canonical, options.accessKeySecret ?? TEST_ACCESS_KEY_SECRET);
  headers["authorization"] =
    `${V3_ALGORITHM} Credential=${options.accessKeyId ?? TEST_ACCESS_KEY_ID},SignedHeaders=${names.join(";")},Signature=${signature}`;
  return { method, url: `${url.origin}/${query === "" ? "" : `?${query}`}`, headers, body };
}

export interface V1RequestOptions {
  endpoint: string;
  action: string;
  params?: Record<string, string>;
  method?: "GET" | "POST";
  /** "query" puts everything in the URL; "form" sends a form body (pop-core's POST shape). */
  transport?: "query" | "form";
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  timestamp?: string;
  nonce?: string;
}

/** Builds a V1 `HMAC-SHA1` request (pop-core's wire shape). */
export function buildV1Request(options: V1RequestOptions): WireRequest {
  const params: Record<string, string> = {
    AccessKeyId: options.accessKeyId ?? TEST_ACCESS_KEY_ID,
    Action: options.action,
    Format: "JSON",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: options.nonce ?? randomUUID(),
    SignatureVersion: "1.0",
    Timestamp: options.timestamp ?? formatTimestamp(),
    Version: "2014-05-26",
    ...options.params,
  };
  if (options.securityToken !== undefined) params["SecurityToken"] = options.securityToken;
  const method = options.method ?? (options.transport === "form" ? "POST" : "GET");
  const signature = signV1(
    buildV1StringToSign(method, Object.entries(params)),
    options.accessKeySecret ?? TEST_ACCESS_KEY_SECRET,
  );
  const encoded = `${buildCanonicalQuery(Object.entries(params))}&Signature=${percentEncode(signature)}`;
  const origin = new URL(options.endpoint).origin;
  if (options.transport === "form") {
    return {
      method,
      url: `${origin}/`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: encoded,
    };
  }
  return { method, url: `${origin}/?${encoded}`, headers: {}, body: "" };
}

/** What a test sees of a response. */
export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** Sends a built request with undici and parses the JSON body (empty object when it is not JSON). */
export async function sendWireRequest(wire: WireRequest): Promise<WireResponse> {
  const response = await request(wire.url, {
    method: wire.method,
    headers: wire.headers,
    body: wire.body === "" ? null : wire.body,
  });
  const text = await response.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Non-JSON answers (fault tests) are inspected through `text`.
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}

/** Shorthand: V3-sign and send an action with query parameters. */
export function callV3(
  endpoint: string,
  action: string,
  query: Record<string, string> = {},
  extra: Partial<V3RequestOptions> = {},
): Promise<WireResponse> {
  return sendWireRequest(buildV3Request({ endpoint, action, query, ...extra }));
}
