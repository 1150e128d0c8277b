import { createHash, createHmac } from "node:crypto";
import { parseUrlEncodedPairs, type ReceivedRequest } from "../shared/received-request.js";

/** The only signing algorithm EC2 accepts in the Authorization header. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** Hex SHA-256 of text (UTF-8) or bytes. */
export function hashSha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~`, upper-case hex (what SigV4 canonicalises with). */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Canonical URI of a received (percent-encoded) path: decoded, `.`/`..`/empty segments normalised away,
 * then each segment encoded once, as the AWS test suite and the SDKs do for every service but S3.
 * @throws URIError when the path is not valid percent-encoded UTF-8.
 */
export function buildSigV4CanonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(encodeRfc3986(decodeURIComponent(segment)));
  }
  const trailingSlash = segments.length > 0 && rawPath.endsWith("/") ? "/" : "";
  return `/${segments.join("/")}${trailingSlash}`;
}

/**
 * Canonical query: every pair decoded, re-encoded with RFC 3986, sorted by key then value, `k=v` joined by `&`.
 * @throws MalformedEncodingError when the query is not valid percent-encoded UTF-8.
 */
export function buildSigV4CanonicalQuery(rawQuery: string, omit: readonly string[] = []): string {
  return parseUrlEncodedPairs(rawQuery, "query string")
    .filter(([key]) => !omit.includes(key))
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(
      ([leftKey, leftValue], [rightKey, rightValue]) =>
        compareText(leftKey, rightKey) || compareText(leftValue, rightValue),
    )
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Canonical headers block (`name:value\n` per signed header, in the SignedHeaders order): values trimmed,
 * inner runs of spaces collapsed, repeated headers joined with `,` in received order. Undefined when a
 * signed header was not received.
 */
export function buildSigV4CanonicalHeaders(
  headers: Readonly<Record<string, readonly string[]>>,
  signedHeaders: readonly string[],
): string | undefined {
  let block = "";
  for (const name of signedHeaders) {
    const values = headers[name];
    if (values === undefined) return undefined;
    block += `${name}:${values.map((value) => value.trim().replace(/\s+/g, " ")).join(",")}\n`;
  }
  return block;
}

/**
 * The canonical request of a received request: method, canonical URI and query, the signed headers as
 * received (so `host` keeps its port), the SignedHeaders list and the payload hash. Undefined when a signed
 * header is missing.
 * @throws MalformedEncodingError / URIError when the query or path is badly encoded.
 */
export function buildSigV4CanonicalRequest(
  received: ReceivedRequest,
  signedHeaders: readonly string[],
  payloadHash: string,
): string | undefined {
  const headerBlock = buildSigV4CanonicalHeaders(received.headers, signedHeaders);
  if (headerBlock === undefined) return undefined;
  return [
    received.method.toUpperCase(),
    buildSigV4CanonicalUri(received.path),
    buildSigV4CanonicalQuery(received.rawQuery),
    headerBlock,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of the canonical request>`. */
export function buildSigV4StringToSign(amzDate: string, credentialScope: string, canonicalRequest: string): string {
  return `${SIGV4_ALGORITHM}\n${amzDate}\n${credentialScope}\n${hashSha256Hex(canonicalRequest)}`;
}

/** Signing key: HMAC chain `AWS4<secret>` → date (YYYYMMDD) → region → service → `aws4_request`. */
export function deriveSigV4SigningKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  let key: Buffer = Buffer.from(`AWS4${secretAccessKey}`, "utf8");
  for (const part of [date, region, service, "aws4_request"])
    key = createHmac("sha256", key).update(part, "utf8").digest();
  return key;
}

/** Lower-case hex HMAC-SHA256 of the string to sign. */
export function computeSigV4Signature(signingKey: Buffer, stringToSign: string): string {
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex");
}

/** What {@link signSigV4Request} signs: a full URL, headers to sign besides host and x-amz-date, the exact body. */
export interface SigV4SigningInput {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
  /** Default `ec2`. */
  service?: string;
  /** Signing time, `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
}

/** The headers to send (lower-case names, `authorization` included) and the intermediate values. */
export interface SigV4SignedRequest {
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** Signs a request the way the AWS SDKs do (every given header, host, x-amz-date and the session token are signed). */
export function signSigV4Request(input: SigV4SigningInput): SigV4SignedRequest {
  const url = new URL(input.url);
  const headers: Record<string, string> = { host: url.host, "x-amz-date": input.amzDate };
  for (const [name, value] of Object.entries(input.headers ?? {})) headers[name.toLowerCase()] = value;
  if (input.sessionToken !== undefined) headers["x-amz-security-token"] = input.sessionToken;
  const signedHeaders = Object.keys(headers).sort();
  const received: ReceivedRequest = {
    method: input.method,
    path: url.pathname,
    rawQuery: url.search.replace(/^\?/, ""),
    headers: Object.fromEntries(signedHeaders.map((name) => [name, [headers[name] as string]])),
    body: Buffer.from(input.body ?? ""),
  };
  const canonicalRequest = buildSigV4CanonicalRequest(received, signedHeaders, hashSha256Hex(received.body)) as string;
  const date = input.amzDate.slice(0, 8);
  const service = input.service ?? "ec2";
  const scope = `${date}/${input.region}/${service}/aws4_request`;
  const stringToSign = buildSigV4StringToSign(input.amzDate, scope, canonicalRequest);
  const signature = computeSigV4Signature(
    deriveSigV4SigningKey(input.secretAccessKey, date, input.region, service),
    stringToSign,
  );
  headers["authorization"] =
    `${SIGV4_ALGORITHM} Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign, signature };
}

/** Formats an instant as SigV4's `YYYYMMDDTHHMMSSZ`. */
export function formatAmzDate(milliseconds: number): string {
  return new Date(milliseconds)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}
