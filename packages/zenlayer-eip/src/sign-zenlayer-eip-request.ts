import { createHash, createHmac } from "node:crypto";

/** The signature algorithm of Zenlayer Cloud API 2.0. @public */
export const ZC2_ALGORITHM = "ZC2-HMAC-SHA256";

/** The only headers the official SDKs sign. @public */
export const ZC2_SIGNED_HEADERS = "content-type;host";

/** Everything the ZC2-HMAC-SHA256 MAC covers, plus the key id that goes into the header. @public */
export interface ZenlayerSigningInput {
  /** The Host header value exactly as sent, port included when not the scheme's default. */
  host: string;
  /** The Content-Type header value exactly as sent. */
  contentType: string;
  /** The exact body bytes sent (a string is hashed as UTF-8). */
  body: string | Uint8Array;
  /** Unix seconds; the same value goes into `X-ZC-Timestamp`. */
  timestampSeconds: number;
  accessKeyId: string;
  accessKeySecret: string;
}

/** The signature and its intermediates (exposed so tests can pin each against the published vectors). @public */
export interface ZenlayerSignature {
  hashedPayload: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
  /** Headers to send besides Content-Type, Host and the action/version headers. */
  headers: { "x-zc-timestamp": string; "x-zc-signature-method": string; authorization: string };
}

/**
 * Signs one bmc request with ZC2-HMAC-SHA256 (reference §2.1). The canonical URI is always `/` and the
 * query empty whatever the real path; the access key id is not part of the MAC; the HMAC key is the raw
 * secret. Header values are used as sent: the SDKs send lower-case values, so nothing is re-cased.
 * @public
 */
export function signZenlayerEipRequest(input: ZenlayerSigningInput): ZenlayerSignature {
  if (!Number.isSafeInteger(input.timestampSeconds) || input.timestampSeconds < 0) {
    throw new RangeError("timestampSeconds must be a non-negative integer (Unix seconds)");
  }
  const timestamp = String(input.timestampSeconds);
  const hashedPayload = sha256Hex(input.body);
  const canonicalRequest = [
    "POST",
    "/",
    "",
    `content-type:${input.contentType.trim()}\nhost:${input.host.trim()}\n`,
    ZC2_SIGNED_HEADERS,
    hashedPayload,
  ].join("\n");
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = `${ZC2_ALGORITHM}\n${timestamp}\n${hashedCanonicalRequest}`;
  const signature = createHmac("sha256", Buffer.from(input.accessKeySecret, "utf8"))
    .update(stringToSign, "utf8")
    .digest("hex");
  const authorization = `${ZC2_ALGORITHM} Credential=${input.accessKeyId}, SignedHeaders=${ZC2_SIGNED_HEADERS}, Signature=${signature}`;
  return {
    hashedPayload,
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
    signature,
    authorization,
    headers: { "x-zc-timestamp": timestamp, "x-zc-signature-method": ZC2_ALGORITHM, authorization },
  };
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
