import { createHash, createHmac } from "node:crypto";

/** The only signature algorithm of Zenlayer Cloud API 2.0. */
export const ZC2_ALGORITHM = "ZC2-HMAC-SHA256";

/** Everything the ZC2-HMAC-SHA256 MAC covers (the access key id is not part of it). */
export interface Zc2SignatureInput {
  /** Signed headers as received or sent; names and values are canonicalised (lower-cased, trimmed, sorted). */
  signedHeaders: ReadonlyArray<readonly [name: string, value: string]>;
  /** The exact body bytes; a string is taken as UTF-8. */
  body: Uint8Array | string;
  /** `X-ZC-Timestamp`, Unix seconds as a decimal string. */
  timestamp: string;
  /** The AccessKeyPassword, used raw as the HMAC key (UTF-8). */
  accessKeySecret: string;
}

/** The intermediate values of a ZC2 signature, exposed so tests can pin each one against the docs. */
export interface Zc2Signature {
  hashedPayload: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  /** Canonical SignedHeaders value, e.g. `content-type;host`. */
  signedHeaderNames: string;
  signature: string;
}

function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Computes a ZC2-HMAC-SHA256 signature (reference §2.1). The canonical URI is always `/` and the query
 * string always empty, whatever the real path, because that is what every SDK and the docs sign.
 */
export function computeZc2Signature(input: Zc2SignatureInput): Zc2Signature {
  const canonicalHeaders = input.signedHeaders
    .map(([name, value]) => [name.trim().toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  const signedHeaderNames = canonicalHeaders.map(([name]) => name).join(";");
  const hashedPayload = sha256Hex(input.body);
  const canonicalRequest = [
    "POST",
    "/",
    "",
    canonicalHeaders.map(([name, value]) => `${name}:${value}\n`).join(""),
    signedHeaderNames,
    hashedPayload,
  ].join("\n");
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = `${ZC2_ALGORITHM}\n${input.timestamp}\n${hashedCanonicalRequest}`;
  const signature = createHmac("sha256", Buffer.from(input.accessKeySecret, "utf8"))
    .update(stringToSign, "utf8")
    .digest("hex");
  return { hashedPayload, canonicalRequest, hashedCanonicalRequest, stringToSign, signedHeaderNames, signature };
}

/** What a client needs to sign one bmc request the way the official SDKs do. */
export interface Zc2RequestToSign {
  host: string;
  contentType: string;
  body: Uint8Array | string;
  timestamp: string | number;
  accessKeyId: string;
  accessKeySecret: string;
  /** Extra headers to sign besides content-type and host (allowed by the docs, never used by the SDKs). */
  extraSignedHeaders?: Readonly<Record<string, string>>;
}

/** Signs a request: returns the signature details and the `Authorization` header value. */
export function signZc2Request(request: Zc2RequestToSign): Zc2Signature & { authorization: string } {
  const signature = computeZc2Signature({
    signedHeaders: [
      ["content-type", request.contentType],
      ["host", request.host],
      ...Object.entries(request.extraSignedHeaders ?? {}),
    ],
    body: request.body,
    timestamp: String(request.timestamp),
    accessKeySecret: request.accessKeySecret,
  });
  const authorization =
    `${ZC2_ALGORITHM} Credential=${request.accessKeyId}, ` +
    `SignedHeaders=${signature.signedHeaderNames}, Signature=${signature.signature}`;
  return { ...signature, authorization };
}
